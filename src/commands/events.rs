//! `leadctl events`: a lead's message events, newest first.

use std::io::Write;

use clap::Args;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::log::Kind;
use super::target::resolve_one;
use crate::cli::Format;
use crate::context::Ctx;
use crate::error::Result;

/// List a lead's message events, newest first.
///
/// Message events are the interactions `leadctl log` records (calls, emails, sms, meetings),
/// the emails the outbox sent, and the meeting events provider webhooks bring. The table shows
/// when, kind, who (the actor or the provider) and what; --format json, ndjson or csv add the
/// id, channel and provider. At most --limit events (default 50); --kind filters by kind.
/// Changes nothing; exit code 3 when no lead matches.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl events 0193b1c2\n  \
    leadctl events ann@example.com --kind call --limit 5 --format json")]
pub struct EventsArgs {
    /// Lead id, unique prefix or email
    #[arg(value_name = "ID")]
    pub lead: String,
    /// Only events of this kind
    #[arg(long, value_enum)]
    pub kind: Option<Kind>,
    /// At most N events
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: u64,
}

/// Runs `events`.
pub fn cmd_events(ctx: &mut Ctx, args: &EventsArgs) -> Result<()> {
    super::target::check_key(&args.lead)?;
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let lead = resolve_one(&r, org_id, &org, &args.lead)?;
    let events = r.events_of(lead.seq, args.kind.map(Kind::as_str), Some(args.limit))?;
    let mut out = out_cfg.stdout();
    let format = out_cfg.format.unwrap_or(Format::Table);
    match format {
        Format::Json | Format::Ndjson => {
            crate::output::write_json_items(&mut out, format, &events)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(crate::cells::safe([
                "id",
                "occurred_at",
                "kind",
                "channel",
                "provider",
                "actor",
                "body",
            ]))?;
            for e in &events {
                let o = |v: &Option<String>| v.clone().unwrap_or_default();
                w.write_record(crate::cells::safe([
                    e.id.to_string(),
                    e.occurred_at.clone(),
                    e.kind.clone(),
                    o(&e.channel),
                    o(&e.provider),
                    o(&e.actor),
                    o(&e.body),
                ]))?;
            }
            w.flush()?;
        }
        Format::Table if events.is_empty() => out_cfg.status("No events."),
        Format::Table => {
            let mut t = Table::new();
            t.load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header(["when", "kind", "by", "what"]);
            for e in &events {
                t.add_row([
                    e.occurred_at.get(..16).unwrap_or(&e.occurred_at).replace('T', " "),
                    e.kind.clone(),
                    e.actor.clone().or_else(|| e.provider.clone()).unwrap_or_default(),
                    e.body.clone().unwrap_or_default(),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    out.flush()?;
    Ok(())
}
