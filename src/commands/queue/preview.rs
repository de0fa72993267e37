//! `leadctl queue preview`: what an item would send, without sending it.

use std::io::Write;

use clap::Args;
use serde_json::json;

use super::{parse_item, require_item};
use crate::cli::Format;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::queue::Transports;
use crate::queue::deliver::{Work, prepare};
use crate::queue::templates::Templates;
use crate::store::outbox::Claimed;

/// Print what an outbox item would send, without sending it.
///
/// For an email its headers and both parts (rendered from the lead as it is now, with the templates in effect, built-in or from
/// `<config folder>/templates/`); for a forward the HTTP request (the token redacted). Nothing
/// is sent and nothing changes.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leadctl queue preview 17\n  leadctl queue preview 17 --format json\n\n\
    Templates: welcome_email.subject, welcome_email.txt, welcome_email.html and the same for\n\
    admin_alert, in the templates/ folder beside config.toml. Fields: {{name}},\n\
    {{greeting_name}}, {{first_name}}, {{last_name}}, {{email}}, {{phone}}, {{company}},\n\
    {{service}}, {{message}}, {{source}}, {{lead_id}}, {{created_at}}, {{org}}."
)]
pub struct PreviewArgs {
    /// Item number (from `queue list`)
    #[arg(value_name = "ITEM")]
    pub item: String,
}

/// Runs `queue preview`.
pub fn cmd_queue_preview(ctx: &mut Ctx, args: &PreviewArgs) -> Result<()> {
    let id = parse_item(&args.item)?;
    let transports = Transports::from_settings(&ctx.settings)?;
    let folder = ctx.settings.templates_dir();
    let templates = Templates::load(folder.as_deref())?;
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let item = require_item(&r, org_id, id)?;
    let lead = match (item.kind.as_str(), item.lead_seq) {
        ("forward", _) | (_, None) => None,
        (_, Some(seq)) => Some(r.lead(seq)?),
    };
    let from = match &transports.from {
        Some(f) => f.clone(),
        None => {
            if item.kind != "forward" {
                out_cfg.warn("from_email is not set; the preview uses leadctl@localhost");
            }
            "leadctl@localhost".to_string()
        }
    };
    let claimed = Claimed {
        id: item.id,
        kind: item.kind.clone(),
        idempotency_key: item.idempotency_key.clone(),
        payload: item.payload.clone(),
        attempts: item.attempts,
        lead_seq: item.lead_seq,
    };
    let job = prepare(claimed, lead.as_ref(), &templates, Some(&from));
    let json = out_cfg.format.filter(|f| matches!(f, Format::Json | Format::Ndjson));
    let mut out = out_cfg.stdout();
    match &job.work {
        Work::Refused(why) => {
            return Err(Error::rejected(format!("item #{id} cannot be sent: {why}")));
        }
        Work::Forward { body } => {
            let url =
                transports.forward_url.clone().unwrap_or_else(|| "<forward.url is not set>".into());
            let auth = transports.forward_token.as_ref().map(|_| "Bearer <redacted>");
            let body: serde_json::Value = serde_json::from_str(body)?;
            if let Some(f) = json {
                let doc = json!({
                    "item": id, "kind": item.kind, "method": "POST", "url": url,
                    "headers": {
                        "Content-Type": "application/json",
                        "Idempotency-Key": item.idempotency_key,
                        "Authorization": auth,
                    },
                    "body": body,
                });
                crate::output::write_json_doc(&mut out, f, &doc)?;
            } else {
                writeln!(out, "POST {url}")?;
                writeln!(out, "Content-Type: application/json")?;
                writeln!(out, "Idempotency-Key: {}", item.idempotency_key)?;
                if let Some(a) = auth {
                    writeln!(out, "Authorization: {a}")?;
                }
                writeln!(out)?;
                serde_json::to_writer_pretty(&mut out, &body)?;
                writeln!(out)?;
            }
        }
        Work::Email { to, rendered, message_id, .. } => {
            let origins = templates.origins(&item.kind);
            if let Some(f) = json {
                let doc = json!({
                    "item": id, "kind": item.kind, "from": from, "to": to,
                    "subject": rendered.subject, "message_id": message_id,
                    "text": rendered.text, "html": rendered.html,
                    "templates": {"subject": origins[0], "text": origins[1], "html": origins[2]},
                });
                crate::output::write_json_doc(&mut out, f, &doc)?;
            } else {
                writeln!(out, "From: {from}")?;
                writeln!(out, "To: {to}")?;
                writeln!(out, "Subject: {}", rendered.subject)?;
                writeln!(out, "Message-ID: {message_id}")?;
                writeln!(
                    out,
                    "\n--- text/plain ({}) ---\n{}",
                    origins[1],
                    rendered.text.trim_end()
                )?;
                writeln!(
                    out,
                    "\n--- text/html ({}) ---\n{}",
                    origins[2],
                    rendered.html.trim_end()
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
