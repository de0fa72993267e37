//! `leadctl log`: record an interaction with a lead (a call, an email, a meeting ...).

use clap::{Args, ValueEnum};
use serde_json::json;

use super::target::change_one;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::time;

/// What kind of interaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Kind {
    /// A phone call
    Call,
    /// An email
    Email,
    /// A text message
    Sms,
    /// A meeting
    Meeting,
    /// Anything else
    Other,
}

impl Kind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Call => "call",
            Kind::Email => "email",
            Kind::Sms => "sms",
            Kind::Meeting => "meeting",
            Kind::Other => "other",
        }
    }
}

/// Record an interaction with a lead (call, email, sms, meeting).
///
/// The interaction becomes a message event (see `leadctl events`) and moves the lead's
/// last_contacted_at forward to its time. --at is when it happened (default now): an RFC 3339
/// time, a date, or an age such as 2h (that long ago); it cannot be in the future. The event
/// and its audit entry are one transaction; an erased lead takes none. Prints "Logged a call
/// with ID." on stderr; --format json prints the event's id, kind and time on stdout.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leadctl log 0193b1c2 --kind call --body \"Left a voicemail\"\n  \
    leadctl log ann@example.com --kind meeting --body \"Demo, went well\" --at 2h"
)]
pub struct LogArgs {
    /// Lead id, unique prefix or email
    #[arg(value_name = "ID")]
    pub lead: String,
    /// What kind of interaction
    #[arg(long, value_enum)]
    pub kind: Kind,
    /// What was said or done
    #[arg(long, value_name = "TEXT")]
    pub body: String,
    /// When it happened [default: now]
    #[arg(long, value_name = "WHEN")]
    pub at: Option<String>,
}

/// Runs `log`.
pub fn cmd_log(ctx: &mut Ctx, args: &LogArgs) -> Result<()> {
    super::target::check_key(&args.lead)?;
    let body = super::note::validate(&args.body)
        .map_err(|e| Error::usage(e.message().replace("note", "body")))?;
    let now_t = time::now();
    let at = match &args.at {
        Some(s) => {
            let t = time::parse_bound(s, now_t, false)
                .map_err(|e| Error::usage(format!("--at: {e}")))?;
            if t > now_t + chrono::Duration::minutes(5) {
                return Err(Error::usage(format!("--at: {s} is in the future")).with_hint(
                    "log what happened; plan what will happen with `leadctl task add`",
                ));
            }
            time::format(t)
        }
        None => time::format(now_t),
    };
    let (lead, id) = change_one(ctx, &args.lead, |tx, act, lead| {
        super::target::refuse_erased(tx, lead)?;
        tx.log_event(act, lead, args.kind.as_str(), &body, &at)
    })?;
    super::print_json(
        ctx,
        &json!({"lead": lead.id, "event_id": id, "kind": args.kind.as_str(), "occurred_at": at}),
    )?;
    let what = match args.kind {
        Kind::Email => "an email",
        Kind::Call => "a call",
        Kind::Sms => "an sms",
        Kind::Meeting => "a meeting",
        Kind::Other => "an interaction",
    };
    ctx.out.status(&format!("Logged {what} with {}.", lead.id));
    Ok(())
}
