//! `leadctl edit`: change a lead's contact fields, with ingest's validation and normalisation.

use clap::Args;
use serde_json::json;

use super::target::change_one;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::ingest::normalize::{self, collapse, limits};
use crate::store::Tx;
use crate::store::leads::LeadRef;

/// Change a lead's contact fields.
///
/// Only the fields given change; an empty value ("") clears a field. Emails and phones are
/// validated and normalised as `ingest` does (a phone that does not parse is kept as raw text
/// while the lead has an email). A lead keeps at least an email or a phone. An email that
/// another lead of the organisation has is refused, naming that lead. Exit code 4 when a value
/// is rejected.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl edit 0193b1c2 --phone \"+44 20 7946 0958\"\n  \
    leadctl edit ann@example.com --email ann.lee@example.com --company \"Lee & Co\"\n  \
    leadctl edit 0193b1c2 --company \"\"")]
pub struct EditArgs {
    /// Lead id, unique prefix or email
    #[arg(value_name = "ID")]
    pub lead: String,
    /// First name
    #[arg(long, value_name = "TEXT")]
    pub first_name: Option<String>,
    /// Last name
    #[arg(long, value_name = "TEXT")]
    pub last_name: Option<String>,
    /// Full name (the last word becomes the last name)
    #[arg(long, value_name = "TEXT", conflicts_with_all = ["first_name", "last_name"])]
    pub name: Option<String>,
    /// Email address
    #[arg(long, value_name = "EMAIL")]
    pub email: Option<String>,
    /// Phone number (international, or national in --default-region)
    #[arg(long, value_name = "PHONE")]
    pub phone: Option<String>,
    /// Company
    #[arg(long, value_name = "TEXT")]
    pub company: Option<String>,
    /// Service the lead asked about
    #[arg(long, value_name = "TEXT")]
    pub service: Option<String>,
    /// Where the lead came from
    #[arg(long, value_name = "TEXT")]
    pub source: Option<String>,
    /// Region for a phone without a +country code [default: config default_region, US]
    #[arg(long, value_name = "CODE")]
    pub default_region: Option<String>,
}

type Changes = Vec<(&'static str, Option<String>)>;

fn rejected(field: &str, reason: impl std::fmt::Display) -> Error {
    Error::rejected(format!("{field}: {reason}")).with_hint("nothing was changed")
}

/// A single-line text value: "" clears; collapsed (names) or trimmed; length and control
/// characters checked.
fn text(
    field: &'static str,
    v: &str,
    max: usize,
    names: bool,
) -> Result<(&'static str, Option<String>)> {
    let v = if names { collapse(v) } else { v.trim().to_string() };
    if v.is_empty() {
        return Ok((field, None));
    }
    if v.chars().count() > max {
        return Err(rejected(field, format!("longer than {max} characters")));
    }
    if v.chars().any(char::is_control) {
        return Err(rejected(field, "contains control characters"));
    }
    Ok((field, Some(v)))
}

/// Validates the flags into column changes (before the database is touched); also returns
/// warnings (a phone kept as raw text).
fn changes(ctx: &Ctx, a: &EditArgs) -> Result<(Changes, Vec<String>)> {
    let mut c: Changes = Vec::new();
    let mut warnings = Vec::new();
    if let Some(full) = &a.name {
        let (first, last) = normalize::split_name(full);
        c.push(text("first_name", first.as_deref().unwrap_or(""), limits::NAME, true)?);
        c.push(text("last_name", last.as_deref().unwrap_or(""), limits::NAME, true)?);
    }
    if let Some(v) = &a.first_name {
        c.push(text("first_name", v, limits::NAME, true)?);
    }
    if let Some(v) = &a.last_name {
        c.push(text("last_name", v, limits::NAME, true)?);
    }
    if let Some(v) = &a.email {
        if v.trim().is_empty() {
            c.push(("email", None));
            c.push(("email_norm", None));
        } else {
            let (email, key) = normalize::normalize_email(v).map_err(|e| rejected("email", e))?;
            c.push(("email", Some(email)));
            c.push(("email_norm", Some(key)));
        }
    }
    if let Some(v) = &a.phone {
        let region_code = a
            .default_region
            .clone()
            .or_else(|| ctx.settings.get("default_region").map(str::to_string))
            .unwrap_or_else(|| "US".to_string());
        let region = normalize::parse_region(&region_code).map_err(Error::usage)?;
        match text("phone", v, limits::PHONE, false)? {
            (_, None) => {
                c.push(("phone", None));
                c.push(("phone_raw", None));
            }
            (_, Some(raw)) => match normalize::normalize_phone(&raw, region) {
                Ok(p) => {
                    c.push(("phone", Some(p)));
                    c.push(("phone_raw", None));
                }
                Err(e) => {
                    warnings.push(format!("phone: {e}; kept as raw text"));
                    c.push(("phone", None));
                    c.push(("phone_raw", Some(raw)));
                }
            },
        }
    }
    for (field, v) in [("company", &a.company), ("service", &a.service), ("source", &a.source)] {
        if let Some(v) = v {
            c.push(text(field, v, limits::TEXT, false)?);
        }
    }
    if c.is_empty() {
        return Err(Error::usage("nothing to change")
            .with_hint("give at least one of --first-name, --last-name, --name, --email, --phone, --company, --service, --source"));
    }
    Ok((c, warnings))
}

/// Runs `edit`.
pub fn cmd_edit(ctx: &mut Ctx, args: &EditArgs) -> Result<()> {
    super::target::check_key(&args.lead)?;
    let (changes, warnings) = changes(ctx, args)?;
    let (lead, changed) = change_one(ctx, &args.lead, |tx, act, lead| {
        check(tx, act.org_id, lead, &changes)?;
        tx.edit_lead(act, lead, &changes)
    })?;
    for w in &warnings {
        ctx.out.warn(w);
    }
    let shown: Vec<&str> = changed.iter().copied().filter(|c| *c != "email_norm").collect();
    super::print_json(ctx, &json!({"id": lead.id, "changed": shown, "warnings": warnings}))?;
    if shown.is_empty() {
        ctx.out.status(&format!("Nothing changed: {} already had these values.", lead.id));
    } else {
        ctx.out.status(&format!("Updated {} of {}.", shown.join(", "), lead.id));
    }
    Ok(())
}

/// Refuses an edit of an erased lead, one that would leave neither email nor phone, and an
/// email another lead of the organisation has (naming that lead).
fn check(tx: &Tx<'_>, org_id: i64, lead: &LeadRef, changes: &Changes) -> Result<()> {
    let r = tx.reader();
    let current = r.lead(lead.seq)?;
    if current.erased_at.is_some() {
        return Err(Error::rejected(format!("lead {} was erased by `forget`", lead.id))
            .with_hint("its personal data cannot be set again; ingest the person as a new lead"));
    }
    let new = |col: &str, old: &Option<String>| -> Option<String> {
        match changes.iter().find(|(c, _)| *c == col) {
            Some((_, v)) => v.clone(),
            None => old.clone(),
        }
    };
    if new("email", &current.email).is_none()
        && new("phone", &current.phone).is_none()
        && new("phone_raw", &current.phone_raw).is_none()
    {
        return Err(rejected(
            "email",
            "a lead needs an email or a phone; this would leave neither",
        ));
    }
    if new("phone", &current.phone).is_none()
        && new("phone_raw", &current.phone_raw).is_some()
        && new("email", &current.email).is_none()
    {
        return Err(rejected("phone", "does not parse, and the lead has no email to identify it"));
    }
    if let Some((_, Some(key))) = changes.iter().find(|(c, _)| *c == "email_norm") {
        if let Some(other) = r.lead_by_email(org_id, key)?.filter(|s| *s != lead.seq) {
            let other_id = r.lead_id(other)?;
            return Err(Error::rejected(format!("another lead already has the email {key}"))
                .with_hint(format!("that is lead {other_id}; see `leadctl show {other_id}`")));
        }
    }
    Ok(())
}
