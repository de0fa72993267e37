//! `leadctl queue show`: one outbox item with its attempts.

use std::io::Write;

use clap::Args;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde_json::json;

use super::{parse_item, require_item};
use crate::cli::Format;
use crate::context::Ctx;
use crate::error::Result;

/// Show one outbox item with all its attempts.
///
/// Kind, state, lead, recipient, idempotency key, times, lease, and every attempt with its
/// outcome, HTTP status or SMTP reply and error.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl queue show 17\n  leadctl queue show 17 --format json")]
pub struct ShowArgs {
    /// Item number (from `queue list`)
    #[arg(value_name = "ITEM")]
    pub item: String,
}

/// Runs `queue show`.
pub fn cmd_queue_show(ctx: &mut Ctx, args: &ShowArgs) -> Result<()> {
    let id = parse_item(&args.item)?;
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let item = require_item(&r, org_id, id)?;
    let attempts = r.outbox_attempts(id)?;
    let mut out = out_cfg.stdout();
    match out_cfg.format.unwrap_or(Format::Table) {
        f @ (Format::Json | Format::Ndjson) => {
            let mut doc = serde_json::to_value(&item)?;
            doc["attempt_history"] = json!(attempts);
            crate::output::write_json_doc(&mut out, f, &doc)?;
        }
        Format::Table | Format::Csv => {
            let to = item.to.clone().unwrap_or_else(|| "forward.url".into());
            let mut lines = vec![
                ("Item", format!("#{} {}", item.id, item.kind)),
                ("State", format!("{} after {} attempt(s)", item.state, item.attempts)),
                ("Lead", item.lead_id.clone().unwrap_or_else(|| "-".into())),
                ("To", to),
                ("Idempotency key", item.idempotency_key.clone()),
                ("Queued", item.created_at.clone()),
            ];
            if let Some(n) = &item.next_attempt_at {
                lines.push(("Next attempt", n.clone()));
            }
            if let Some(d) = &item.delivered_at {
                lines.push(("Delivered", d.clone()));
            }
            if let (Some(o), Some(e)) = (&item.lease_owner, &item.lease_expires_at) {
                lines.push(("Leased", format!("by {o} until {e}")));
            }
            if let Some(e) = &item.last_error {
                lines.push(("Last error", e.clone()));
            }
            for (k, v) in lines {
                writeln!(out, "{:<16} {v}", format!("{k}:"))?;
            }
            if attempts.is_empty() {
                writeln!(out, "\nNo attempts yet.")?;
            } else {
                let mut t = Table::new();
                t.load_preset(UTF8_FULL_CONDENSED)
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_header(["attempted at", "outcome", "HTTP", "SMTP reply", "error"]);
                for a in &attempts {
                    t.add_row([
                        a.attempted_at.clone(),
                        a.outcome.clone(),
                        a.http_status.map(|s| s.to_string()).unwrap_or_default(),
                        a.smtp_reply.clone().unwrap_or_default(),
                        a.error.clone().unwrap_or_default(),
                    ]);
                }
                writeln!(out, "\nAttempts:\n{t}")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
