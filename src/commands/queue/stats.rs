//! `leadctl queue stats`: how many outbox items are in which state, and what is configured.

use std::io::Write;

use clap::Args;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde_json::json;

use crate::cli::Format;
use crate::context::Ctx;
use crate::error::Result;
use crate::output::thousands;
use crate::queue::OutboxConfig;

/// Count outbox items per state and kind.
///
/// States: pending, retrying (pending after a failed attempt), done, dead, cancelled. Also
/// shows what the configuration enqueues for each new lead, the age of the oldest pending item
/// and the next attempt time.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl queue stats\n  leadctl queue stats --format json")]
pub struct StatsArgs {}

/// Runs `queue stats`.
pub fn cmd_queue_stats(ctx: &mut Ctx, _args: &StatsArgs) -> Result<()> {
    let config = OutboxConfig::from_settings(&ctx.settings);
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let counts = r.queue_counts(org_id)?;
    let (oldest, next) = r.queue_times(org_id)?;
    let age = oldest
        .as_deref()
        .and_then(|o| crate::time::parse_timestamp(o).ok())
        .and_then(|o| (crate::time::now() - o).to_std().ok());
    let mut enqueued: Vec<&str> = Vec::new();
    if config.forward {
        enqueued.push("forward");
    }
    if config.welcome_email {
        enqueued.push("welcome_email");
    }
    if config.admin_alert.is_some() {
        enqueued.push("admin_alert");
    }
    let mut out = out_cfg.stdout();
    match out_cfg.format.unwrap_or(Format::Table) {
        Format::Json | Format::Ndjson => {
            let doc = json!({
                "configured": enqueued,
                "items": counts,
                "oldest_pending_at": oldest,
                "oldest_pending_age_seconds": age.map(|d| d.as_secs()),
                "next_attempt_at": next,
            });
            crate::output::write_json_doc(&mut out, out_cfg.format.unwrap_or(Format::Json), &doc)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(["kind", "state", "items"])?;
            for c in &counts {
                w.write_record(crate::cells::safe([&c.kind, &c.state, &c.items.to_string()]))?;
            }
            w.flush()?;
        }
        Format::Table => {
            if enqueued.is_empty() {
                writeln!(
                    out,
                    "Nothing is configured to be queued: set forward.url for forwards, or \
                     smtp.host and from_email (and admin_email) for emails."
                )?;
            } else {
                writeln!(out, "Queued for each new lead: {}.", enqueued.join(", "))?;
            }
            if counts.is_empty() {
                writeln!(out, "The queue is empty.")?;
            } else {
                let mut t = Table::new();
                t.load_preset(UTF8_FULL_CONDENSED)
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_header(["kind", "state", "items"]);
                for c in &counts {
                    t.add_row([c.kind.clone(), c.state.clone(), thousands(c.items)]);
                }
                writeln!(out, "{t}")?;
            }
            if let Some(o) = &oldest {
                let ago = age.map(crate::time::human_duration).unwrap_or_else(|| "0s".into());
                writeln!(out, "Oldest pending item: created {o} ({ago} ago).")?;
            }
            if let Some(n) = &next {
                writeln!(out, "Next attempt: {n}.")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
