//! `leadctl webhooks`: the provider deliveries the listener stored: list, show, replay.

use std::io::Write;

use clap::{Args, Subcommand};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::cli::Format;
use crate::commands::queue::list::shorten;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::queue::OutboxConfig;
use crate::store::Act;
use crate::store::webhooks::{DeliveryFilter, DeliverySummary};
use crate::webhooks::Kind;
use crate::webhooks::map::{self, ApplyCtx};

/// Provider webhook deliveries: list, show, replay.
///
/// Every delivery `serve-webhooks` accepted (POST /webhooks/PROVIDER) is stored raw (body, the
/// headers that matter, when, whether the provider's signature was verified) with what
/// applying it did: `applied`, `ignored` (an event leadctl does not map) or `failed` (the
/// reason is kept). `replay` applies stored deliveries again, after a fix or once a lead exists
/// for an attendee; what was applied before is not applied twice.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl webhooks list --provider calendly\n  \
    leadctl webhooks list --failed\n  leadctl webhooks show 42\n  \
    leadctl webhooks replay 42\n  leadctl webhooks replay --since 24h --provider zoom")]
pub struct WebhooksArgs {
    #[command(subcommand)]
    pub command: WebhooksCommand,
}

/// Webhook subcommands (`list` and `replay` have their help on their argument structs).
#[derive(Debug, Subcommand)]
pub enum WebhooksCommand {
    List(ListArgs),
    /// Show one delivery: headers, body and what applying it did.
    ///
    /// Prints the delivery's provider, event, when it was received, whether its signature was
    /// verified, its state, its delivery key, the error if any and when it was applied, then
    /// the stored headers (signature values are never stored) and the body, pretty-printed
    /// when it is JSON. --format json gives one document with the body as JSON. Changes
    /// nothing; exit code 3 when the organisation has no such delivery.
    #[command(after_help = "Examples:\n  leadctl webhooks show 42\n  \
        leadctl webhooks show 42 --format json | jq .body")]
    Show {
        /// Delivery number (from `webhooks list`)
        #[arg(value_name = "ID")]
        id: String,
    },
    Replay(ReplayArgs),
}

/// List stored deliveries, newest first.
///
/// One row per delivery of the organisation: number, provider, event, when it was received, whether
/// its signature was verified, its state (applied, ignored, failed, or erased by `forget`) and the
/// error. At most --limit rows (default 100; the table notes on stderr when there may be more);
/// --provider, --failed and --since narrow the list. --format json, ndjson or csv for scripts.
/// Changes nothing.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl webhooks list\n  \
    leadctl webhooks list --provider calendly --failed\n  \
    leadctl webhooks list --since 7d --format json")]
pub struct ListArgs {
    /// Only this provider's deliveries
    #[arg(long, value_name = "NAME", value_parser = provider_names())]
    pub provider: Option<String>,
    /// Only deliveries that could not be applied
    #[arg(long)]
    pub failed: bool,
    /// Only deliveries received since (7d, 12h, 2026-11-01 ...)
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// At most N deliveries
    #[arg(long, value_name = "N", default_value_t = 100)]
    pub limit: u64,
}

/// Apply stored deliveries again (nothing already applied is applied twice).
///
/// Replays one delivery by number, or with --since every delivery received since then
/// (--provider and --failed narrow them), oldest first, each in its own transaction with an
/// audit entry: after a fix, or once a lead exists for an attendee who matched none before.
/// Deliveries erased by `forget` are skipped. Prints one line per delivery (its state, leads
/// created, meetings, attendees newly resolved, new events); --format json lists id, provider,
/// state and error. Exit code 4 when any delivery could not be applied.
#[derive(Debug, Args)]
#[command(group = clap::ArgGroup::new("which").required(true).args(["id", "since"]))]
#[command(after_help = "Examples:\n  leadctl webhooks replay 42\n  \
    leadctl webhooks replay --since 24h --provider zoom --failed")]
pub struct ReplayArgs {
    /// Delivery number
    #[arg(value_name = "ID")]
    pub id: Option<String>,
    /// Every delivery received since (7d, 12h, 2026-11-01 ...)
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// With --since: only this provider's deliveries
    #[arg(long, value_name = "NAME", requires = "since", value_parser = provider_names())]
    pub provider: Option<String>,
    /// With --since: only deliveries that could not be applied
    #[arg(long, requires = "since")]
    pub failed: bool,
}

/// Provider names accepted on the command line: the built-in ones are completed, any other
/// name (a Standard Webhooks sender) is accepted too.
fn provider_names() -> crate::commands::values::Completing<crate::commands::values::ParseFn<String>>
{
    fn parse(s: &str) -> std::result::Result<String, String> {
        let s = s.trim().to_ascii_lowercase();
        if s.is_empty() { Err("a provider name is needed".into()) } else { Ok(s) }
    }
    // The built-in providers are offered; a Standard Webhooks sender named in the
    // configuration is accepted as well.
    crate::commands::values::Completing::new(
        parse as fn(&str) -> _,
        ["calendly", "zoom", "fireflies"],
    )
}

/// The state `forget` leaves a delivery in (payload and headers emptied).
const ERASED: &str = "erased";

/// How a stored provider name signs and maps (senders not built in are Standard Webhooks).
fn kind_of(provider: &str) -> Kind {
    match provider {
        "calendly" => Kind::Calendly,
        "zoom" => Kind::Zoom,
        "fireflies" => Kind::Fireflies,
        _ => Kind::Standard,
    }
}

fn parse_id(s: &str) -> Result<i64> {
    s.trim().trim_start_matches('#').parse::<i64>().ok().filter(|n| *n > 0).ok_or_else(|| {
        Error::usage(format!("'{s}' is not a delivery number"))
            .with_hint("`leadctl webhooks list` shows the delivery numbers")
    })
}

fn since_of(s: &Option<String>) -> Result<Option<String>> {
    s.as_ref()
        .map(|w| {
            crate::time::parse_bound(w, crate::time::now(), false)
                .map(crate::time::format)
                .map_err(|e| Error::usage(format!("--since: {e}")))
        })
        .transpose()
}

/// Runs `webhooks`.
pub fn cmd_webhooks(ctx: &mut Ctx, args: &WebhooksArgs) -> Result<()> {
    match &args.command {
        WebhooksCommand::List(a) => list(ctx, a),
        WebhooksCommand::Show { id } => show(ctx, parse_id(id)?),
        WebhooksCommand::Replay(a) => replay(ctx, a),
    }
}

fn list(ctx: &mut Ctx, args: &ListArgs) -> Result<()> {
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let since = since_of(&args.since)?;
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let filter = DeliveryFilter {
        org_id,
        provider: args.provider.clone(),
        failed_only: args.failed,
        since,
        limit: Some(args.limit),
    };
    let rows = r.deliveries(&filter)?;
    let mut out = out_cfg.stdout();
    let format = out_cfg.format.unwrap_or(Format::Table);
    if crate::output::write_json_items(&mut out, format, &rows)? {
        out.flush()?;
        return Ok(());
    }
    if format == Format::Csv {
        let mut w = csv::Writer::from_writer(&mut out);
        w.write_record(COLUMNS)?;
        for d in &rows {
            w.write_record(crate::cells::safe(row(d)))?;
        }
        w.flush()?;
    } else if rows.is_empty() {
        out_cfg.status("No webhook deliveries match.");
    } else {
        let mut t = Table::new();
        t.load_preset(UTF8_FULL_CONDENSED)
            .set_content_arrangement(ContentArrangement::Dynamic)
            .set_header(["id", "provider", "event", "received", "signed", "state", "error"]);
        for d in &rows {
            let mut cells = row(d);
            cells[6] = shorten(&cells[6], 60);
            t.add_row(cells);
        }
        writeln!(out, "{t}")?;
        if rows.len() as u64 == args.limit {
            out_cfg.status(&format!("Showing the first {}; --limit shows more.", args.limit));
        }
    }
    out.flush()?;
    Ok(())
}

const COLUMNS: [&str; 7] =
    ["id", "provider", "event_type", "received_at", "signature_ok", "state", "error"];

fn row(d: &DeliverySummary) -> [String; 7] {
    [
        d.id.to_string(),
        d.provider.clone(),
        d.event_type.clone().unwrap_or_default(),
        d.received_at.clone(),
        if d.signature_ok { "yes" } else { "no" }.to_string(),
        d.state.clone(),
        d.error.clone().unwrap_or_default(),
    ]
}

fn show(ctx: &mut Ctx, id: i64) -> Result<()> {
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let d = r.delivery(org_id, id)?.ok_or_else(|| {
        Error::not_found(format!("no webhook delivery #{id} in organisation '{org}'"))
            .with_hint("`leadctl webhooks list` shows the delivery numbers")
    })?;
    let body_text = String::from_utf8_lossy(&d.body).into_owned();
    let body_json: Option<serde_json::Value> = serde_json::from_slice(&d.body).ok();
    let mut out = out_cfg.stdout();
    match out_cfg.format.unwrap_or(Format::Table) {
        f @ (Format::Json | Format::Ndjson) => {
            let mut doc = serde_json::to_value(&d)?;
            doc["body"] = body_json.unwrap_or(serde_json::Value::String(body_text));
            crate::output::write_json_doc(&mut out, f, &doc)?;
        }
        Format::Table | Format::Csv => {
            let s = &d.summary;
            let mut lines = vec![
                ("Delivery", format!("#{} {}", s.id, s.provider)),
                ("Event", s.event_type.clone().unwrap_or_else(|| "-".into())),
                ("Received", s.received_at.clone()),
                (
                    "Signature",
                    if s.signature_ok {
                        "verified"
                    } else {
                        "not verified (shared secret or unsigned)"
                    }
                    .into(),
                ),
                ("State", s.state.clone()),
                ("Key", d.delivery_key.clone().unwrap_or_default()),
            ];
            if let Some(e) = &s.error {
                lines.push(("Error", e.clone()));
            }
            if let Some(p) = &s.processed_at {
                lines.push(("Applied", p.clone()));
            }
            for (k, v) in lines {
                writeln!(out, "{:<10} {v}", format!("{k}:"))?;
            }
            if let Some(h) = d.headers.as_object().filter(|h| !h.is_empty()) {
                writeln!(out, "\nHeaders:")?;
                for (k, v) in h {
                    writeln!(out, "  {k}: {}", v.as_str().unwrap_or(""))?;
                }
            }
            let pretty =
                body_json.and_then(|v| serde_json::to_string_pretty(&v).ok()).unwrap_or(body_text);
            writeln!(out, "\nBody ({} bytes):\n{pretty}", d.body.len())?;
        }
    }
    out.flush()?;
    Ok(())
}

fn replay(ctx: &mut Ctx, args: &ReplayArgs) -> Result<()> {
    let org = ctx.org().to_string();
    let actor = ctx.actor();
    let out_cfg = ctx.out.clone();
    let outbox = OutboxConfig::from_settings(&ctx.settings);
    let region =
        crate::ingest::normalize::parse_region(ctx.settings.get("default_region").unwrap_or("US"))
            .map_err(Error::usage)?;
    let since = since_of(&args.since)?;
    let store = ctx.store()?;
    let org_id = store.reader().require_org(&org)?;
    let ids: Vec<i64> = match &args.id {
        Some(id) => {
            let id = parse_id(id)?;
            if store.reader().delivery(org_id, id)?.is_none() {
                return Err(Error::not_found(format!(
                    "no webhook delivery #{id} in organisation '{org}'"
                ))
                .with_hint("`leadctl webhooks list` shows the delivery numbers"));
            }
            vec![id]
        }
        None => {
            let filter = DeliveryFilter {
                org_id,
                provider: args.provider.clone(),
                failed_only: args.failed,
                since,
                limit: None,
            };
            let mut ids: Vec<i64> =
                store.reader().deliveries(&filter)?.iter().map(|d| d.id).collect();
            ids.reverse(); // oldest first, as they arrived
            ids
        }
    };
    if ids.is_empty() {
        out_cfg.status("No webhook deliveries to replay.");
        return Ok(());
    }
    let mut failed: Vec<(i64, String)> = Vec::new();
    let mut report = Vec::new();
    for id in ids {
        let tx = store.begin_write()?;
        let now = crate::time::now_string();
        let Some(d) = tx.reader().delivery(org_id, id)? else { continue };
        let provider = d.summary.provider.clone();
        if d.summary.state == ERASED {
            // `forget` emptied it: there is nothing left to apply, and it stays erased.
            let line = format!("#{id} {provider}: erased (its person was forgotten); skipped");
            report.push((id, provider, Ok(ERASED), line));
            continue;
        }
        let act = Act { org_id, actor: &actor, now: &now };
        let cx = ApplyCtx { act, region, outbox: &outbox };
        let result = match serde_json::from_slice::<serde_json::Value>(&d.body) {
            Ok(v) => {
                let key = d.delivery_key.clone().unwrap_or_default();
                map::apply(&tx, &cx, kind_of(&provider), &provider, &key, &v)?
            }
            Err(e) => Err(format!("the stored body is not JSON: {e}")),
        };
        let line = match &result {
            Ok(a) => {
                tx.finish_delivery(id, a.state, None, &now)?;
                let created = a
                    .leads
                    .iter()
                    .filter(|(_, o)| *o == crate::ingest::write::Outcome::Created)
                    .count();
                format!(
                    "#{id} {provider}: {}; {} lead(s) created, {} meeting(s), {} attendee(s) newly resolved, {} new event(s)",
                    a.state,
                    created,
                    a.meetings.len(),
                    a.resolved.len(),
                    a.events
                )
            }
            Err(reason) => {
                tx.finish_delivery(id, "failed", Some(reason), &now)?;
                failed.push((id, reason.clone()));
                format!("#{id} {provider}: failed: {reason}")
            }
        };
        tx.audit(&crate::store::audit::AuditEntry {
            at: &now,
            actor: &actor,
            action: "webhook.replay",
            org_id: Some(org_id),
            entity_type: Some("webhook_delivery"),
            entity_id: Some(&id.to_string()),
            details: Some(
                serde_json::json!({"state": result.as_ref().map(|a| a.state).unwrap_or("failed")})
                    .to_string(),
            ),
            ..Default::default()
        })?;
        tx.commit()?;
        report.push((id, provider, result.map(|a| a.state).map_err(|e| e.to_string()), line));
    }
    let mut out = out_cfg.stdout();
    match out_cfg.format.unwrap_or(Format::Table) {
        Format::Json | Format::Ndjson => {
            let items: Vec<serde_json::Value> = report
                .iter()
                .map(|(id, p, r, _)| match r {
                    Ok(state) => serde_json::json!({"id": id, "provider": p, "state": state}),
                    Err(e) => {
                        serde_json::json!({"id": id, "provider": p, "state": "failed", "error": e})
                    }
                })
                .collect();
            crate::output::write_json_items(
                &mut out,
                out_cfg.format.unwrap_or(Format::Json),
                &items,
            )?;
        }
        _ => {
            for (_, _, _, line) in &report {
                writeln!(out, "{line}")?;
            }
        }
    }
    out.flush()?;
    if let Some((id, reason)) = failed.first() {
        return Err(Error::rejected(format!(
            "{} deliver{} could not be applied; #{id}: {reason}",
            failed.len(),
            if failed.len() == 1 { "y" } else { "ies" }
        ))
        .with_hint("`leadctl webhooks show ID` shows the stored body"));
    }
    Ok(())
}
