//! A raw input record: the fields of one lead as text, before validation. Built from a JSON
//! object (flat export names or the site-form shape with `meta`) or a CSV row.

use serde_json::Value;

use super::FieldError;

/// One input record as received (trimmed text, nothing validated yet).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct InputRecord {
    pub id: Option<String>,
    pub created_at: Option<String>,
    pub status: Option<String>,
    pub name: Option<String>,
    pub first_name: Option<String>,
    pub last_name: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub company: Option<String>,
    pub service: Option<String>,
    pub message: Option<String>,
    pub source: Option<String>,
    pub utm_source: Option<String>,
    pub utm_medium: Option<String>,
    pub utm_campaign: Option<String>,
    pub last_contacted_at: Option<String>,
    pub owner: Option<String>,
    pub request_id: Option<String>,
    pub ip_hash: Option<String>,
    pub user_agent_hash: Option<String>,
    /// The form's submission time (`meta.timestamp_utc`).
    pub timestamp: Option<String>,
    /// Raw tag names (split, not yet normalised).
    pub tags: Vec<String>,
    pub consent_email: Option<String>,
    pub consent_sms: Option<String>,
}

/// Which field a (normalised) input key names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Id,
    CreatedAt,
    Status,
    Name,
    FirstName,
    LastName,
    Email,
    Phone,
    Company,
    Service,
    Message,
    Source,
    UtmSource,
    UtmMedium,
    UtmCampaign,
    LastContactedAt,
    Owner,
    RequestId,
    IpHash,
    UserAgentHash,
    Timestamp,
    Tags,
    ConsentEmail,
    ConsentSms,
    /// Known but not read back (export's `updated_at`, `org`, `phone_raw` ...).
    Ignored,
}

/// Maps an input key (any case, `-` or `_`, camelCase) to a field.
pub fn field_for(key: &str) -> Option<Field> {
    let k: String = key
        .trim()
        .chars()
        .filter(|c| *c != '_' && *c != '-' && *c != ' ')
        .flat_map(char::to_lowercase)
        .collect();
    Some(match k.as_str() {
        "id" | "leadid" => Field::Id,
        "createdat" | "created" => Field::CreatedAt,
        "status" => Field::Status,
        "name" | "fullname" => Field::Name,
        "firstname" | "first" | "givenname" => Field::FirstName,
        "lastname" | "last" | "surname" | "familyname" => Field::LastName,
        "email" | "emailaddress" | "mail" => Field::Email,
        "phone" | "phonenumber" | "tel" | "telephone" | "mobile" => Field::Phone,
        "company" | "organization" | "organisation" | "companyname" => Field::Company,
        "service" => Field::Service,
        "message" | "comments" | "comment" => Field::Message,
        "source" => Field::Source,
        "utmsource" => Field::UtmSource,
        "utmmedium" => Field::UtmMedium,
        "utmcampaign" => Field::UtmCampaign,
        "lastcontactedat" => Field::LastContactedAt,
        "owner" => Field::Owner,
        "requestid" => Field::RequestId,
        "iphash" => Field::IpHash,
        "useragenthash" => Field::UserAgentHash,
        "timestamputc" | "timestamp" => Field::Timestamp,
        "tags" | "tag" => Field::Tags,
        "consentemail" | "emailconsent" => Field::ConsentEmail,
        "consentsms" | "smsconsent" => Field::ConsentSms,
        "updatedat" | "org" | "phoneraw" => Field::Ignored,
        _ => return None,
    })
}

/// Splits a tags cell: `;` is leadctl's separator, `,` is accepted too.
pub fn split_tags(cell: &str) -> impl Iterator<Item = String> + '_ {
    cell.split([';', ',']).map(str::trim).filter(|t| !t.is_empty()).map(str::to_string)
}

fn clean(v: &str) -> Option<String> {
    let t = v.trim();
    (!t.is_empty()).then(|| t.to_string())
}

impl InputRecord {
    /// Sets a text field; empty text leaves it unset.
    pub fn set(&mut self, field: Field, value: &str) {
        let v = clean(value);
        let slot = match field {
            Field::Tags => {
                self.tags.extend(split_tags(value));
                return;
            }
            Field::Ignored => return,
            Field::Id => &mut self.id,
            Field::CreatedAt => &mut self.created_at,
            Field::Status => &mut self.status,
            Field::Name => &mut self.name,
            Field::FirstName => &mut self.first_name,
            Field::LastName => &mut self.last_name,
            Field::Email => &mut self.email,
            Field::Phone => &mut self.phone,
            Field::Company => &mut self.company,
            Field::Service => &mut self.service,
            Field::Message => &mut self.message,
            Field::Source => &mut self.source,
            Field::UtmSource => &mut self.utm_source,
            Field::UtmMedium => &mut self.utm_medium,
            Field::UtmCampaign => &mut self.utm_campaign,
            Field::LastContactedAt => &mut self.last_contacted_at,
            Field::Owner => &mut self.owner,
            Field::RequestId => &mut self.request_id,
            Field::IpHash => &mut self.ip_hash,
            Field::UserAgentHash => &mut self.user_agent_hash,
            Field::Timestamp => &mut self.timestamp,
            Field::ConsentEmail => &mut self.consent_email,
            Field::ConsentSms => &mut self.consent_sms,
        };
        *slot = v;
    }

    /// Builds a record from a JSON object: flat names, or the site-form shape
    /// `{name, email, phone, company, service, message, consent, meta: {...}}`.
    /// Unknown keys are ignored (forms send extras); keys starting with `_` too.
    pub fn from_json(value: &Value) -> Result<InputRecord, Vec<FieldError>> {
        let Value::Object(map) = value else {
            return Err(vec![FieldError::new("record", "expected a JSON object")]);
        };
        let mut rec = InputRecord::default();
        let mut errors = Vec::new();
        for (key, v) in map {
            match key.as_str() {
                "meta" => rec.apply_meta(v, &mut errors),
                "consent" => rec.apply_consent(v, &mut errors),
                "utm" => rec.apply_nested(v, "utm_", &mut errors),
                k if k.starts_with('_') => {}
                k => {
                    if let Some(field) = field_for(k) {
                        rec.apply_value(field, k, v, &mut errors);
                    }
                }
            }
        }
        if errors.is_empty() { Ok(rec) } else { Err(errors) }
    }

    fn apply_value(&mut self, field: Field, key: &str, v: &Value, errors: &mut Vec<FieldError>) {
        match (field, v) {
            (_, Value::Null) => {}
            (_, Value::String(s)) => self.set(field, s),
            (_, Value::Number(n)) => self.set(field, &n.to_string()),
            (Field::ConsentEmail | Field::ConsentSms, Value::Bool(b)) => {
                self.set(field, if *b { "granted" } else { "withdrawn" })
            }
            (Field::Tags, Value::Array(items)) => {
                for item in items {
                    match item {
                        Value::String(s) => self.set(Field::Tags, s),
                        _ => errors.push(FieldError::new("tags", "tags must be strings")),
                    }
                }
            }
            (_, other) => errors
                .push(FieldError::new(key, format!("expected text, got {}", json_type(other)))),
        }
    }

    fn apply_meta(&mut self, v: &Value, errors: &mut Vec<FieldError>) {
        let Value::Object(meta) = v else {
            if !v.is_null() {
                errors.push(FieldError::new("meta", "expected an object"));
            }
            return;
        };
        for (key, v) in meta {
            let Some(field) = field_for(key) else { continue };
            // Top-level values win over meta (e.g. an explicit `source`).
            let already = match field {
                Field::Source => self.source.is_some(),
                Field::RequestId => self.request_id.is_some(),
                _ => false,
            };
            if !already {
                self.apply_value(field, &format!("meta.{key}"), v, errors);
            }
        }
    }

    /// `consent: true` means email consent granted; `false` (an unticked box) records nothing.
    /// An object `{email, sms}` takes booleans or `granted` / `withdrawn` per channel.
    fn apply_consent(&mut self, v: &Value, errors: &mut Vec<FieldError>) {
        match v {
            Value::Bool(true) => self.consent_email = Some("granted".into()),
            Value::Bool(false) | Value::Null => {}
            Value::String(s) => self.set(Field::ConsentEmail, s),
            Value::Object(m) => {
                for (k, cv) in m {
                    let field = match k.as_str() {
                        "email" => Field::ConsentEmail,
                        "sms" => Field::ConsentSms,
                        _ => continue,
                    };
                    match cv {
                        Value::Bool(true) => self.set(field, "granted"),
                        Value::Bool(false) | Value::Null => {}
                        Value::String(s) => self.set(field, s),
                        other => errors.push(FieldError::new(
                            format!("consent.{k}"),
                            format!("expected true, false or text, got {}", json_type(other)),
                        )),
                    }
                }
            }
            other => errors.push(FieldError::new(
                "consent",
                format!("expected true, false or an object, got {}", json_type(other)),
            )),
        }
    }

    fn apply_nested(&mut self, v: &Value, prefix: &str, errors: &mut Vec<FieldError>) {
        if let Value::Object(m) = v {
            for (k, v) in m {
                let key = format!("{prefix}{k}");
                if let Some(field) = field_for(&key) {
                    self.apply_value(field, &key, v, errors);
                }
            }
        }
    }
}

fn json_type(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_the_site_form_shape() {
        let v = json!({"name": "Ann Lee", "email": "a@x.io", "phone": 5551234567u64,
            "consent": true, "meta": {"source": "site", "request_id": "r1",
            "timestamp_utc": "2026-01-01T00:00:00Z", "ip_hash": "ab"}, "extra": 1});
        let r = InputRecord::from_json(&v).unwrap();
        assert_eq!(r.name.as_deref(), Some("Ann Lee"));
        assert_eq!(r.phone.as_deref(), Some("5551234567"));
        assert_eq!(r.consent_email.as_deref(), Some("granted"));
        assert_eq!(r.source.as_deref(), Some("site"));
        assert_eq!(r.request_id.as_deref(), Some("r1"));
        assert_eq!(r.ip_hash.as_deref(), Some("ab"));
        assert_eq!(r.timestamp.as_deref(), Some("2026-01-01T00:00:00Z"));
    }

    #[test]
    fn reads_flat_names_and_tags() {
        let v = json!({"firstName": "Ann", "last_name": "Lee", "tags": ["VIP", "b"],
            "utm": {"source": "g"}, "consent": {"sms": "withdrawn", "email": false}});
        let r = InputRecord::from_json(&v).unwrap();
        assert_eq!(r.first_name.as_deref(), Some("Ann"));
        assert_eq!(r.tags, vec!["VIP", "b"]);
        assert_eq!(r.utm_source.as_deref(), Some("g"));
        assert_eq!(r.consent_sms.as_deref(), Some("withdrawn"));
        assert_eq!(r.consent_email, None);
    }

    #[test]
    fn rejects_wrong_types() {
        let errs = InputRecord::from_json(&json!({"email": ["a"]})).unwrap_err();
        assert_eq!(errs[0].field, "email");
        assert!(InputRecord::from_json(&json!([1])).is_err());
    }

    #[test]
    fn splits_tags_on_both_separators() {
        assert_eq!(split_tags(" a; b,c ;; ").collect::<Vec<_>>(), vec!["a", "b", "c"]);
    }
}
