//! `leadctl queue`: the outbox of forwards and emails. One file per subcommand.

pub mod clear;
pub mod flush;
pub mod list;
pub mod preview;
pub mod retry;
pub mod show;
pub mod stats;

use clap::{Args, Subcommand, ValueEnum};

use crate::context::Ctx;
use crate::error::{Error, Result};

/// The outbox: deliver (cron), inspect and retry forwards and emails.
///
/// Each new lead gets its outbox items in the same transaction as the lead, as the
/// configuration asks: a forward (POST to forward.url), a welcome_email (to a lead who
/// consented to email) and an admin_alert (to admin_email). `queue flush` delivers the due
/// items, with retries and backoff, until they are done or dead; `stats`, `list`, `show` and
/// `preview` look at them without changing anything, `retry` sends items again and `clear`
/// deletes old done or dead ones.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl queue stats\n  leadctl queue flush --quiet\n  \
    leadctl queue list --state dead\n  leadctl queue retry --dead")]
pub struct QueueArgs {
    #[command(subcommand)]
    pub command: QueueCommand,
}

/// Queue subcommands (their summaries and descriptions are the doc comments of their
/// argument structs).
#[derive(Debug, Subcommand)]
pub enum QueueCommand {
    Flush(flush::FlushArgs),
    Stats(stats::StatsArgs),
    List(list::ListArgs),
    Show(show::ShowArgs),
    Preview(preview::PreviewArgs),
    Retry(retry::RetryArgs),
    Clear(clear::ClearArgs),
}

/// Runs `queue`.
pub fn cmd_queue(ctx: &mut Ctx, args: &QueueArgs) -> Result<()> {
    match &args.command {
        QueueCommand::Flush(a) => flush::cmd_queue_flush(ctx, a),
        QueueCommand::Stats(a) => stats::cmd_queue_stats(ctx, a),
        QueueCommand::List(a) => list::cmd_queue_list(ctx, a),
        QueueCommand::Show(a) => show::cmd_queue_show(ctx, a),
        QueueCommand::Preview(a) => preview::cmd_queue_preview(ctx, a),
        QueueCommand::Retry(a) => retry::cmd_queue_retry(ctx, a),
        QueueCommand::Clear(a) => clear::cmd_queue_clear(ctx, a),
    }
}

/// An outbox item kind on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum KindArg {
    /// POST to forward.url
    Forward,
    /// Welcome email to the lead
    #[value(name = "welcome_email")]
    WelcomeEmail,
    /// New-lead alert to admin_email
    #[value(name = "admin_alert")]
    AdminAlert,
}

impl KindArg {
    /// The kind as stored.
    pub fn name(self) -> &'static str {
        match self {
            KindArg::Forward => "forward",
            KindArg::WelcomeEmail => "welcome_email",
            KindArg::AdminAlert => "admin_alert",
        }
    }
}

/// An item id as typed: `17` or `#17`.
pub fn parse_item(s: &str) -> Result<i64> {
    s.trim().trim_start_matches('#').parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        Error::usage(format!("'{s}' is not an outbox item number"))
            .with_hint("`leadctl queue list` shows the item numbers")
    })
}

/// The item of the organisation, or a not-found error.
pub fn require_item(
    r: &crate::store::Reader<'_>,
    org_id: i64,
    id: i64,
) -> Result<crate::store::outbox::Item> {
    r.outbox_item(org_id, id)?.ok_or_else(|| {
        Error::not_found(format!("no outbox item #{id} in this organisation"))
            .with_hint("`leadctl queue list` shows the item numbers")
    })
}
