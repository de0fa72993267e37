//! `leadctl show`: one lead in full, found by id, id prefix or email.

use std::io::Write;

use clap::Args;

use crate::cli::Format;
use crate::context::Ctx;
use crate::error::Result;
use crate::model::Channel;

/// Show one lead in full.
///
/// Prints every field, tags, the current consent per channel (state, when, from where), notes,
/// status history, the last 20 message events and pending outbox items; --format json gives
/// the same as one document. The lead is named by its id, a unique prefix of it (at least 4
/// characters, as `list` shows), or its email address. Changes nothing. Exit code 3 when no
/// lead matches; an ambiguous prefix is a usage error (exit 2) listing the candidates.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl show 0193b1c2\n  leadctl show ann@example.com\n  \
    leadctl show 0193b1c2 --format json | jq .consent")]
pub struct ShowArgs {
    /// Lead id, id prefix, or email
    #[arg(value_name = "ID|PREFIX|EMAIL")]
    pub lead: String,
}

/// Runs `show`.
pub fn cmd_show(ctx: &mut Ctx, args: &ShowArgs) -> Result<()> {
    // Too-short keys are refused before the database opens.
    super::target::check_key(&args.lead)?;
    let org = ctx.org().to_string();
    let format = ctx.out.format.unwrap_or(Format::Table);
    let out_cfg = ctx.out.clone();
    ctx.mmap = true;
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let seq = super::target::resolve_one(&r, org_id, &org, &args.lead)?.seq;
    let lead = r.lead(seq)?;
    let email_consent = r.latest_consent(seq, Channel::Email)?;
    let sms_consent = r.latest_consent(seq, Channel::Sms)?;
    let notes = r.notes_of(seq)?;
    let history = r.status_history_of(seq)?;
    let events = r.events_of(seq, None, Some(20))?;
    let pending = r.pending_outbox_of(seq)?;
    let mut out = out_cfg.stdout();
    if matches!(format, Format::Json | Format::Ndjson) {
        let mut doc = serde_json::to_value(&lead)?;
        doc["consent"] = serde_json::json!({"email": email_consent, "sms": sms_consent});
        doc["notes"] = serde_json::to_value(&notes)?;
        doc["status_history"] = serde_json::to_value(&history)?;
        doc["events"] = serde_json::to_value(&events)?;
        doc["outbox_pending"] = serde_json::to_value(&pending)?;
        if format == Format::Json {
            serde_json::to_writer_pretty(&mut out, &doc)?;
        } else {
            serde_json::to_writer(&mut out, &doc)?;
        }
        writeln!(out)?;
        out.flush()?;
        return Ok(());
    }
    if format == Format::Csv {
        crate::commands::list::write_csv(&mut out, std::slice::from_ref(&lead))?;
        out.flush()?;
        return Ok(());
    }
    let o = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
    let fields: Vec<(&str, String)> = vec![
        ("id", lead.id.clone()),
        ("name", {
            let n = lead.display_name();
            if n.is_empty() { "-".into() } else { n }
        }),
        ("email", o(&lead.email)),
        (
            "phone",
            match (&lead.phone, &lead.phone_raw) {
                (Some(p), _) => p.clone(),
                (None, Some(raw)) => format!("{raw} (not parsed)"),
                _ => "-".into(),
            },
        ),
        ("company", o(&lead.company)),
        ("service", o(&lead.service)),
        ("status", lead.status.clone()),
        ("owner", o(&lead.owner)),
        ("tags", if lead.tags.is_empty() { "-".into() } else { lead.tags.join(", ") }),
        ("source", o(&lead.source)),
        (
            "utm",
            format!(
                "{} / {} / {}",
                o(&lead.utm_source),
                o(&lead.utm_medium),
                o(&lead.utm_campaign)
            ),
        ),
        ("created", lead.created_at.clone()),
        ("updated", lead.updated_at.clone()),
        ("last contact", o(&lead.last_contacted_at)),
        ("org", lead.org.clone()),
    ];
    if let Some(at) = &lead.erased_at {
        writeln!(out, "{:>13}  personal data erased at {at} (`leadctl forget`)", "erased")?;
    }
    for (k, v) in &fields {
        writeln!(out, "{k:>13}  {v}")?;
    }
    for (label, c) in [("email consent", &email_consent), ("sms consent", &sms_consent)] {
        let v = match c {
            Some(c) => format!(
                "{} at {} (from {})",
                c.state,
                c.recorded_at,
                c.source.as_deref().unwrap_or("-")
            ),
            None => "none recorded".into(),
        };
        writeln!(out, "{label:>13}  {v}")?;
    }
    if let Some(m) = &lead.message {
        writeln!(out, "\nMessage:\n  {}", m.replace('\n', "\n  "))?;
    }
    if !notes.is_empty() {
        writeln!(out, "\nNotes:")?;
        for n in &notes {
            writeln!(out, "  {} {}: {}", n.created_at, n.author, n.body.replace('\n', "\n    "))?;
        }
    }
    if !history.is_empty() {
        writeln!(out, "\nStatus history:")?;
        for h in &history {
            writeln!(
                out,
                "  {} {} -> {} by {}{}",
                h.changed_at,
                h.from.as_deref().unwrap_or("-"),
                h.to,
                h.actor,
                h.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default()
            )?;
        }
    }
    if !events.is_empty() {
        writeln!(out, "\nRecent events (newest first):")?;
        for e in &events {
            writeln!(out, "  {} {} {}", e.occurred_at, e.kind, e.channel.as_deref().unwrap_or(""))?;
        }
    }
    if !pending.is_empty() {
        writeln!(out, "\nPending outbox items:")?;
        for p in &pending {
            writeln!(
                out,
                "  #{} {} attempts {} next {}{}",
                p.id,
                p.kind,
                p.attempts,
                p.next_attempt_at,
                p.last_error.as_deref().map(|e| format!(" last error: {e}")).unwrap_or_default()
            )?;
        }
    }
    out.flush()?;
    Ok(())
}
