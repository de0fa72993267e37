//! Validation and normalisation of one input record into a [`NewLead`]: email syntax and
//! matching key, phones to E.164 (libphonenumber's rules through the `phonenumber` crate),
//! names, length limits, status, tags, consent and times.

use std::str::FromStr;

use phonenumber::country::Id as Region;

use super::FieldError;
use super::record::InputRecord;
use crate::model::{Channel, ConsentState, NewLead, Status};
use crate::time;

/// Longest accepted value of each field, in characters.
pub mod limits {
    pub const NAME: usize = 100;
    pub const FULL_NAME: usize = 200;
    pub const EMAIL: usize = 254;
    pub const PHONE: usize = 40;
    pub const TEXT: usize = 200;
    pub const MESSAGE: usize = 10_000;
    pub const TAG: usize = 50;
    pub const TAGS: usize = 50;
    pub const HASH: usize = 128;
}

/// A lead that passed validation, with the warnings it produced.
#[derive(Debug)]
pub struct Normalized {
    /// The lead to write.
    pub lead: NewLead,
    /// Non-fatal problems (e.g. a phone kept as raw text).
    pub warnings: Vec<FieldError>,
}

/// Parses an ISO 3166 region code such as `US` or `gb`.
pub fn parse_region(code: &str) -> Result<Region, String> {
    Region::from_str(&code.trim().to_ascii_uppercase()).map_err(|_| {
        format!("unknown region '{code}' (expected an ISO 3166 code such as US, GB, DE)")
    })
}

/// Normalises an email: trimmed, domain lowercased; returns (email, matching key).
pub fn normalize_email(raw: &str) -> Result<(String, String), String> {
    let e = raw.trim();
    if e.chars().count() > limits::EMAIL {
        return Err(format!("longer than {} characters", limits::EMAIL));
    }
    let Some((local, domain)) = e.rsplit_once('@') else {
        return Err(format!("'{e}' is not an email address (no @)"));
    };
    if !domain.contains('.') || domain.starts_with('.') || domain.ends_with('.') {
        return Err(format!("'{e}' is not an email address (the domain needs a dot)"));
    }
    let email = format!("{local}@{}", domain.to_lowercase());
    if !email_address::EmailAddress::is_valid(&email) {
        return Err(format!("'{e}' is not a valid email address"));
    }
    let key = email.to_lowercase();
    Ok((email, key))
}

/// Normalises a phone to E.164. `Err` carries the reason it could not be parsed.
pub fn normalize_phone(raw: &str, region: Region) -> Result<String, String> {
    let p = raw.trim();
    // "+44 (0)20 ..." : the (0) is a trunk prefix that is not dialled from abroad.
    let cleaned = p.replace("(0)", "");
    let n = phonenumber::parse(Some(region), &cleaned)
        .map_err(|_| format!("'{p}' is not a phone number"))?;
    let mut e164 = n.format().mode(phonenumber::Mode::E164).to_string();
    // The crate strips what it takes for a national prefix even from numbers written in
    // international format (+55 11 9..., +33 1 ...; rust-phonenumber issues #68, #76), losing
    // digits. A number written with + is already international: keep every digit typed (up
    // to an extension), as long as the country code agrees.
    if cleaned.trim_start().starts_with('+') {
        let digits: String = cleaned
            .chars()
            .take_while(|c| !c.is_alphabetic())
            .filter(char::is_ascii_digit)
            .collect();
        let typed = format!("+{digits}");
        if typed != e164 && typed.starts_with(&format!("+{}", n.code().value())) {
            e164 = typed;
        }
    }
    // A "possible" number: a known country code and a length E.164 allows. Unassigned ranges
    // are kept (losing a lead is worse than an odd number).
    let digits = e164.len().saturating_sub(1);
    let national = n.national().to_string().len();
    if !(8..=15).contains(&digits) || national < 4 {
        return Err(format!("'{p}' has an impossible length for a phone number"));
    }
    Ok(e164)
}

/// Normalises an owner: whitespace collapsed, and an email's domain lowercased.
pub fn normalize_owner(raw: &str) -> String {
    let v = collapse(raw);
    match normalize_email(&v) {
        Ok((email, _)) if v.contains('@') => email,
        _ => v,
    }
}

/// Normalises a tag: trimmed, lowercased; letters, digits and `- _ : . /` only.
pub fn normalize_tag(raw: &str) -> Result<String, String> {
    let t = raw.trim().to_lowercase();
    if t.is_empty() {
        return Err("empty tag".into());
    }
    if t.chars().count() > limits::TAG {
        return Err(format!("tag '{t}' is longer than {} characters", limits::TAG));
    }
    if let Some(bad) =
        t.chars().find(|c| !(c.is_alphanumeric() || matches!(c, '-' | '_' | ':' | '.' | '/')))
    {
        return Err(format!(
            "tag '{t}' has the character {bad:?}; use letters, digits and - _ : . /"
        ));
    }
    Ok(t)
}

/// Splits a full name: the last word is the last name, the rest the first name.
pub fn split_name(full: &str) -> (Option<String>, Option<String>) {
    let words: Vec<&str> = full.split_whitespace().collect();
    match words.len() {
        0 => (None, None),
        1 => (Some(words[0].to_string()), None),
        n => (Some(words[..n - 1].join(" ")), Some(words[n - 1].to_string())),
    }
}

struct Checker {
    errors: Vec<FieldError>,
}

impl Checker {
    /// Length and control-character check of a single-line text field.
    fn text(&mut self, field: &str, v: Option<String>, max: usize) -> Option<String> {
        let v = v?;
        if v.chars().count() > max {
            self.errors.push(FieldError::new(field, format!("longer than {max} characters")));
            return None;
        }
        if v.chars().any(char::is_control) {
            self.errors.push(FieldError::new(field, "contains control characters"));
            return None;
        }
        Some(v)
    }

    fn time(&mut self, field: &str, v: Option<String>) -> Option<String> {
        let v = v?;
        match time::parse_timestamp(&v) {
            // A lead's times come from clients: refuse the impossible (before 1970, or more
            // than a day ahead of this clock) rather than let one stray date skew every range.
            Ok(t) if t.timestamp() < 0 || t > time::now() + chrono::Duration::days(1) => {
                self.errors.push(FieldError::new(
                    field,
                    format!("'{v}' is not a plausible time (before 1970 or in the future)"),
                ));
                None
            }
            Ok(t) => Some(time::format(t)),
            Err(e) => {
                self.errors.push(FieldError::new(field, e));
                None
            }
        }
    }

    fn consent(&mut self, field: &str, v: Option<String>) -> Option<ConsentState> {
        let v = v?;
        match ConsentState::from_str(&v) {
            Ok(s) => Some(s),
            Err(e) => {
                self.errors.push(FieldError::new(field, e));
                None
            }
        }
    }
}

/// Validates and normalises one record. All field errors are returned together.
pub fn normalize(rec: InputRecord, region: Region) -> Result<Normalized, Vec<FieldError>> {
    let mut c = Checker { errors: Vec::new() };
    let mut warnings = Vec::new();
    let mut lead = NewLead::default();

    let full = c.text("name", rec.name, limits::FULL_NAME);
    let (mut first, mut last) = (rec.first_name, rec.last_name);
    if first.is_none() && last.is_none() {
        if let Some(full) = full {
            (first, last) = split_name(&full);
        }
    }
    lead.first_name = c.text("first_name", first.map(|s| collapse(&s)), limits::NAME);
    lead.last_name = c.text("last_name", last.map(|s| collapse(&s)), limits::NAME);

    if let Some(raw) = rec.email {
        match normalize_email(&raw) {
            Ok((email, key)) => {
                lead.email = Some(email);
                lead.email_norm = Some(key);
            }
            Err(e) => c.errors.push(FieldError::new("email", e)),
        }
    }
    if let Some(raw) = c.text("phone", rec.phone, limits::PHONE) {
        match normalize_phone(&raw, region) {
            Ok(p) => lead.phone = Some(p),
            Err(e) if lead.email.is_some() => {
                warnings.push(FieldError::new("phone", format!("{e}; kept as raw text")));
                lead.phone_raw = Some(raw);
            }
            Err(e) => c.errors.push(FieldError::new(
                "phone",
                format!("{e}, and there is no email to identify the lead"),
            )),
        }
    }
    let has_email_error = c.errors.iter().any(|e| e.field == "email");
    let has_phone_error = c.errors.iter().any(|e| e.field == "phone");
    if lead.email.is_none() && lead.phone.is_none() && !has_email_error && !has_phone_error {
        c.errors.push(FieldError::new("email", "a lead needs an email or a phone"));
    }

    lead.company = c.text("company", rec.company, limits::TEXT);
    lead.service = c.text("service", rec.service, limits::TEXT);
    lead.message = rec.message.and_then(|m| {
        if m.chars().count() > limits::MESSAGE {
            c.errors.push(FieldError::new(
                "message",
                format!("longer than {} characters", limits::MESSAGE),
            ));
            None
        } else if m.chars().any(|ch| ch.is_control() && !matches!(ch, '\n' | '\r' | '\t')) {
            c.errors.push(FieldError::new("message", "contains control characters"));
            None
        } else {
            Some(m)
        }
    });
    lead.source = c.text("source", rec.source, limits::TEXT);
    lead.utm_source = c.text("utm_source", rec.utm_source, limits::TEXT);
    lead.utm_medium = c.text("utm_medium", rec.utm_medium, limits::TEXT);
    lead.utm_campaign = c.text("utm_campaign", rec.utm_campaign, limits::TEXT);
    // An owner is stored as `leadctl assign` stores it, so `list --owner` finds both.
    lead.owner = c.text("owner", rec.owner, limits::EMAIL).map(|o| normalize_owner(&o));
    lead.request_id = c.text("request_id", rec.request_id, limits::TEXT);
    lead.ip_hash = c.text("ip_hash", rec.ip_hash, limits::HASH);
    lead.user_agent_hash = c.text("user_agent_hash", rec.user_agent_hash, limits::HASH);

    if let Some(id) = rec.id {
        match uuid::Uuid::parse_str(&id) {
            Ok(u) => lead.id = Some(u.hyphenated().to_string()),
            Err(_) => c.errors.push(FieldError::new("id", format!("'{id}' is not a UUID"))),
        }
    }
    if let Some(s) = rec.status {
        match Status::from_str(&s) {
            Ok(st) => lead.status = Some(st),
            Err(e) => c.errors.push(FieldError::new("status", e)),
        }
    }
    let submitted = c.time("timestamp_utc", rec.timestamp);
    lead.created_at = c.time("created_at", rec.created_at).or_else(|| submitted.clone());
    lead.last_contacted_at = c.time("last_contacted_at", rec.last_contacted_at);
    lead.consent_at = submitted;

    if rec.tags.len() > limits::TAGS {
        c.errors.push(FieldError::new("tags", format!("more than {} tags", limits::TAGS)));
    } else {
        for t in &rec.tags {
            match normalize_tag(t) {
                Ok(t) if !lead.tags.contains(&t) => lead.tags.push(t),
                Ok(_) => {}
                Err(e) => c.errors.push(FieldError::new("tags", e)),
            }
        }
        lead.tags.sort();
    }
    if let Some(s) = c.consent("consent_email", rec.consent_email) {
        lead.consents.push((Channel::Email, s));
    }
    if let Some(s) = c.consent("consent_sms", rec.consent_sms) {
        lead.consents.push((Channel::Sms, s));
    }

    if c.errors.is_empty() { Ok(Normalized { lead, warnings }) } else { Err(c.errors) }
}

/// Collapses runs of whitespace inside a name.
/// Collapses runs of whitespace to one space and trims (names are stored so).
pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn us() -> Region {
        parse_region("US").unwrap()
    }

    #[test]
    fn emails_keep_local_case_and_lowercase_the_domain() {
        assert_eq!(
            normalize_email("  Ann.Lee@Example.COM ").unwrap(),
            ("Ann.Lee@example.com".into(), "ann.lee@example.com".into())
        );
        for bad in ["ann", "ann@", "@x.io", "ann@localhost", "a b@x.io", "ann@x..io"] {
            assert!(normalize_email(bad).is_err(), "{bad} should be rejected");
        }
    }

    #[test]
    fn phones_become_e164() {
        assert_eq!(normalize_phone("(555) 123-4567", us()).unwrap(), "+15551234567");
        assert_eq!(normalize_phone("+44 20 7946 0958", us()).unwrap(), "+442079460958");
        assert_eq!(
            normalize_phone("030 1234567", parse_region("de").unwrap()).unwrap(),
            "+49301234567"
        );
        assert!(normalize_phone("call me", us()).is_err());
        assert!(normalize_phone("12", us()).is_err());
    }

    #[test]
    fn international_numbers_keep_every_digit() {
        for (input, want) in [
            ("+55 11 91234-5678", "+5511912345678"),
            ("+55 (11) 2345-6789", "+551123456789"),
            ("+33 1 23 45 67 89", "+33123456789"),
            ("+44 (0)20 7946 0958", "+442079460958"),
            ("+7 800 555 35 35", "+78005553535"),
            ("+1 555 123 4567 ext. 89", "+15551234567"),
        ] {
            assert_eq!(normalize_phone(input, us()).unwrap(), want, "{input}");
        }
    }

    #[test]
    fn normalisation_is_idempotent() {
        for e in ["Ann@Example.com", "x.y+z@Sub.Example.Org"] {
            let (once, _) = normalize_email(e).unwrap();
            assert_eq!(normalize_email(&once).unwrap().0, once);
        }
        for p in ["(555) 123-4567", "+44 20 7946 0958", "+15551234567"] {
            let once = normalize_phone(p, us()).unwrap();
            assert_eq!(normalize_phone(&once, us()).unwrap(), once);
        }
    }

    #[test]
    fn tags_are_lowercased_and_checked() {
        assert_eq!(normalize_tag(" VIP ").unwrap(), "vip");
        assert_eq!(normalize_tag("q4:promo").unwrap(), "q4:promo");
        assert!(normalize_tag("two words").is_err());
        assert!(normalize_tag("=cmd").is_err());
    }

    #[test]
    fn names_split_on_the_last_word() {
        assert_eq!(split_name("Mary Ann Smith"), (Some("Mary Ann".into()), Some("Smith".into())));
        assert_eq!(split_name("Cher"), (Some("Cher".into()), None));
    }

    #[test]
    fn unparseable_phone_is_kept_when_email_identifies() {
        let rec = InputRecord {
            email: Some("a@x.io".into()),
            phone: Some("ask for Bob".into()),
            ..Default::default()
        };
        let n = normalize(rec, us()).unwrap();
        assert_eq!(n.lead.phone, None);
        assert_eq!(n.lead.phone_raw.as_deref(), Some("ask for Bob"));
        assert_eq!(n.warnings.len(), 1);
        let rec = InputRecord { phone: Some("ask for Bob".into()), ..Default::default() };
        let errs = normalize(rec, us()).unwrap_err();
        assert_eq!(errs[0].field, "phone");
    }

    #[test]
    fn a_lead_needs_an_identifier() {
        let rec = InputRecord { first_name: Some("Ann".into()), ..Default::default() };
        assert_eq!(normalize(rec, us()).unwrap_err()[0].reason, "a lead needs an email or a phone");
    }
}
