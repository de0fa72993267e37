//! `leadctl audit`: read the append-only audit log.

use std::io::Write;

use clap::Args;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use super::target::resolve_one;
use crate::cli::Format;
use crate::context::Ctx;
use crate::error::Result;
use crate::store::audit::AuditFilter;
use crate::time;

/// Read the append-only audit log.
///
/// Entries are listed newest first: who did what, when, to which lead. Every change leadctl makes
/// writes an entry in the same transaction as the change. Entries cannot be altered or deleted (the
/// database refuses UPDATE and DELETE on the log). Values are recorded as the audit log may keep
/// them: emails truncated, names and phones masked, note and message texts never copied. --action
/// takes an action (lead.status) or, ending with a dot, every action under it (lead.). In this
/// command --actor NAME filters by who acted (as --by does), since reading the log changes nothing.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl audit --lead 0193b1c2\n  \
    leadctl audit --actor sam --since 7d\n  leadctl audit --action lead.forget\n  leadctl audit --action lead. --limit 20 --format json")]
pub struct AuditArgs {
    /// Only entries about this lead (id, prefix or email)
    #[arg(long, value_name = "ID")]
    pub lead: Option<String>,
    /// Only entries by this actor (the global --actor does the same here)
    #[arg(long = "by", value_name = "ACTOR")]
    pub by: Option<String>,
    /// Only this action (e.g. lead.status, ingest), or a family ending with a dot (lead.)
    #[arg(long, value_name = "ACTION")]
    pub action: Option<String>,
    /// At or after WHEN (a date, an RFC 3339 time, or an age such as 7d)
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Before WHEN
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// At most N entries
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: u64,
}

/// Runs `audit`.
pub fn cmd_audit(ctx: &mut Ctx, args: &AuditArgs) -> Result<()> {
    let now = time::now();
    let since = time::bound_flag(args.since.as_deref(), "--since", now, false)?;
    let until = time::bound_flag(args.until.as_deref(), "--until", now, true)?;
    if let Some(l) = &args.lead {
        super::target::check_key(l)?;
    }
    let actor_filter = args.by.clone().or_else(|| {
        matches!(ctx.settings.source("actor"), Some(crate::config::Source::Flag(_)))
            .then(|| ctx.settings.get("actor").map(str::to_string))
            .flatten()
    });
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let lead_id = match &args.lead {
        Some(key) => Some(resolve_one(&r, org_id, &org, key)?.id),
        None => None,
    };
    let filter = AuditFilter {
        lead_id,
        actor: actor_filter,
        action: args.action.clone(),
        since,
        until,
        actions: Vec::new(),
    };
    let entries = r.audit_entries(org_id, &filter, Some(args.limit))?;
    let mut out = out_cfg.stdout();
    let compact =
        |v: &Option<serde_json::Value>| v.as_ref().map(|v| v.to_string()).unwrap_or_default();
    let format = out_cfg.format.unwrap_or(Format::Table);
    match format {
        Format::Json | Format::Ndjson => {
            crate::output::write_json_items(&mut out, format, &entries)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(crate::cells::safe([
                "id",
                "at",
                "actor",
                "action",
                "entity_type",
                "entity_id",
                "lead_id",
                "before",
                "after",
                "request_id",
                "details",
            ]))?;
            for e in &entries {
                let o = |v: &Option<String>| v.clone().unwrap_or_default();
                w.write_record(crate::cells::safe([
                    e.id.to_string(),
                    e.at.clone(),
                    e.actor.clone(),
                    e.action.clone(),
                    o(&e.entity_type),
                    o(&e.entity_id),
                    o(&e.lead_id),
                    compact(&e.before),
                    compact(&e.after),
                    o(&e.request_id),
                    compact(&e.details),
                ]))?;
            }
            w.flush()?;
        }
        Format::Table if entries.is_empty() => out_cfg.status("No audit entries match."),
        Format::Table => {
            let mut t = Table::new();
            t.load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header(["at", "actor", "action", "entity", "change"]);
            for e in &entries {
                let entity = match (&e.entity_type, &e.entity_id) {
                    (Some(t), Some(id)) => format!("{t} {}", id.get(..13).unwrap_or(id)),
                    (Some(t), None) => t.clone(),
                    _ => String::new(),
                };
                let change = match (&e.before, &e.after) {
                    (None, None) => compact(&e.details),
                    (None, Some(_)) => compact(&e.after),
                    _ => format!("{} -> {}", compact(&e.before), compact(&e.after)),
                };
                t.add_row([
                    e.at.get(..19).unwrap_or(&e.at).replace('T', " "),
                    e.actor.clone(),
                    e.action.clone(),
                    entity,
                    change,
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    out.flush()?;
    Ok(())
}
