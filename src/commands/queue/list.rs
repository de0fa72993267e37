//! `leadctl queue list`: outbox items, filtered.

use std::io::Write;

use clap::{Args, ValueEnum};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::KindArg;
use crate::cli::Format;
use crate::commands::target;
use crate::context::Ctx;
use crate::error::Result;
use crate::store::outbox::{Item, ItemFilter};

/// List outbox items, filtered by state, kind or lead.
///
/// Oldest first: number, kind, state, attempts, lead, recipient, when it is due (or was
/// delivered) and the last error.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl queue list\n  leadctl queue list --state dead\n  \
    leadctl queue list --kind welcome_email --lead 0193b1c2 --format json")]
pub struct ListArgs {
    /// Only items in this state
    #[arg(long, value_enum)]
    pub state: Option<StateArg>,
    /// Only items of this kind
    #[arg(long, value_enum)]
    pub kind: Option<KindArg>,
    /// Only items of this lead (id, id prefix or email)
    #[arg(long, value_name = "LEAD")]
    pub lead: Option<String>,
    /// At most N items
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: u64,
}

/// An item state on the command line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StateArg {
    /// Waiting for its first attempt
    Pending,
    /// Failed, waiting for another attempt
    Retrying,
    /// Delivered
    Done,
    /// Failed for good
    Dead,
    /// Cancelled (its lead was erased)
    Cancelled,
}

impl StateArg {
    /// The state name as shown.
    pub fn name(self) -> &'static str {
        match self {
            StateArg::Pending => "pending",
            StateArg::Retrying => "retrying",
            StateArg::Done => "done",
            StateArg::Dead => "dead",
            StateArg::Cancelled => "cancelled",
        }
    }
}

/// Runs `queue list`.
pub fn cmd_queue_list(ctx: &mut Ctx, args: &ListArgs) -> Result<()> {
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let lead_seq = match &args.lead {
        Some(key) => Some(target::resolve_one(&r, org_id, &org, key)?.seq),
        None => None,
    };
    let filter = ItemFilter {
        state: args.state.map(|s| s.name().to_string()),
        kind: args.kind.map(|k| k.name().to_string()),
        lead_seq,
        ..ItemFilter::default()
    };
    let items = r.outbox_items(org_id, &filter, args.limit)?;
    let mut out = out_cfg.stdout();
    let format = out_cfg.format.unwrap_or(Format::Table);
    if crate::output::write_json_items(&mut out, format, &items)? {
        out.flush()?;
        return Ok(());
    }
    if format == Format::Csv {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(COLUMNS)?;
        for i in &items {
            w.write_record(crate::cells::safe(row(i)))?;
        }
        w.flush()?;
    } else if items.is_empty() {
        out_cfg.status("No outbox items match.");
    } else {
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header([
                "item",
                "kind",
                "state",
                "tries",
                "lead",
                "to",
                "due / done",
                "last error",
            ]);
        for i in &items {
            let mut cells = row(i);
            if let Some(id) = &i.lead_id {
                cells[4] = r.short_id(org_id, id, 8)?;
            }
            cells[7] = shorten(&cells[7], 60);
            t.add_row(cells);
        }
        writeln!(out, "{t}")?;
        if items.len() as u64 == args.limit {
            out_cfg.status(&format!("Showing the first {}; --limit shows more.", args.limit));
        }
    }
    out.flush()?;
    Ok(())
}

const COLUMNS: [&str; 8] =
    ["id", "kind", "state", "attempts", "lead_id", "to", "due_or_delivered_at", "last_error"];

fn row(i: &Item) -> [String; 8] {
    [
        i.id.to_string(),
        i.kind.clone(),
        i.state.clone(),
        i.attempts.to_string(),
        i.lead_id.clone().unwrap_or_default(),
        i.to.clone().unwrap_or_else(|| {
            if i.kind == "forward" { "forward.url".into() } else { String::new() }
        }),
        i.next_attempt_at.clone().or_else(|| i.delivered_at.clone()).unwrap_or_default(),
        i.last_error.clone().unwrap_or_default(),
    ]
}

/// At most `n` characters, with an ellipsis when cut.
pub fn shorten(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(n - 1).collect();
        t.push('…');
        t
    }
}
