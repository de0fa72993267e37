//! `leadctl timeline`: everything that happened to a lead, oldest first.

use std::io::Write;

use clap::Args;

use super::target::resolve_one;
use crate::cli::Format;
use crate::context::Ctx;
use crate::error::Result;

/// Everything that happened to a lead, oldest first.
///
/// One view of: creation, merges of repeat submissions, consents, status changes, notes,
/// logged interactions, tasks, edits, owners and tags, meetings, and emails and forwards
/// queued and sent. Each line has the time, the kind, a summary and who did it; --format json,
/// ndjson or csv give at, kind, actor and summary. Changes nothing; exit code 3 when no lead
/// matches.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl timeline 0193b1c2\n  \
    leadctl timeline ann@example.com --format json | jq '.[] | select(.kind == \"status\")'")]
pub struct TimelineArgs {
    /// Lead id, unique prefix or email
    #[arg(value_name = "ID")]
    pub lead: String,
}

/// Runs `timeline`.
pub fn cmd_timeline(ctx: &mut Ctx, args: &TimelineArgs) -> Result<()> {
    super::target::check_key(&args.lead)?;
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    ctx.mmap = true;
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let lead = resolve_one(&r, org_id, &org, &args.lead)?;
    let entries = r.timeline(org_id, lead.seq)?;
    let mut out = out_cfg.stdout();
    let format = out_cfg.format.unwrap_or(Format::Table);
    match format {
        Format::Json | Format::Ndjson => {
            crate::output::write_json_items(&mut out, format, &entries)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(crate::cells::safe(["at", "kind", "actor", "summary"]))?;
            for e in &entries {
                w.write_record(crate::cells::safe([
                    &e.at,
                    &e.kind,
                    e.actor.as_deref().unwrap_or(""),
                    &e.summary,
                ]))?;
            }
            w.flush()?;
        }
        Format::Table => {
            writeln!(out, "Timeline of {}", lead.id)?;
            for e in &entries {
                let when = e.at.get(..16).unwrap_or(&e.at).replace('T', " ");
                let by = e.actor.as_deref().map(|a| format!("  ({a})")).unwrap_or_default();
                writeln!(out, "  {when}  {:<9} {}{by}", e.kind, e.summary)?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
