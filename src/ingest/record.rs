//! A raw input record: the fields of one lead as text, before validation. Built from a JSON
//! object (flat export names or the site-form shape with `meta`) or a CSV row.

use std::borrow::Cow;

use serde::de::{Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
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
        "updatedat" | "org" | "phoneraw" | "erasedat" | "consentemailat" | "consentsmsat" => {
            Field::Ignored
        }
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
        self.apply_scalar(field, key, Scalar::from_value(v), errors);
    }

    /// Applies one JSON value to a field; wrong types become field errors.
    fn apply_scalar(&mut self, field: Field, key: &str, v: Scalar, errors: &mut Vec<FieldError>) {
        match (field, v) {
            (_, Scalar::Null) => {}
            (_, Scalar::Text(s)) => self.set(field, &s),
            (Field::ConsentEmail | Field::ConsentSms, Scalar::Bool(b)) => {
                self.set(field, if b { "granted" } else { "withdrawn" })
            }
            (Field::Tags, Scalar::List(items)) => {
                for item in items {
                    match item {
                        Scalar::Text(s) => self.set(Field::Tags, &s),
                        _ => errors.push(FieldError::new("tags", "tags must be strings")),
                    }
                }
            }
            (_, other) => {
                errors.push(FieldError::new(key, format!("expected text, got {}", other.kind())))
            }
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

/// A JSON value as a record field sees it (numbers as text: phones arrive as numbers).
#[derive(Debug)]
pub enum Scalar {
    Null,
    Text(String),
    Bool(bool),
    List(Vec<Scalar>),
    /// An object where a scalar was expected.
    Object,
}

impl Scalar {
    fn from_value(v: &Value) -> Scalar {
        match v {
            Value::Null => Scalar::Null,
            Value::Bool(b) => Scalar::Bool(*b),
            Value::Number(n) => Scalar::Text(n.to_string()),
            Value::String(s) => Scalar::Text(s.clone()),
            Value::Array(a) => Scalar::List(a.iter().map(Scalar::from_value).collect()),
            Value::Object(_) => Scalar::Object,
        }
    }

    fn kind(&self) -> &'static str {
        match self {
            Scalar::Null => "null",
            Scalar::Text(_) => "text",
            Scalar::Bool(_) => "a boolean",
            Scalar::List(_) => "an array",
            Scalar::Object => "an object",
        }
    }
}

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Scalar;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON value")
            }
            fn visit_unit<E>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_none<E>(self) -> Result<Scalar, E> {
                Ok(Scalar::Null)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Scalar, E> {
                Ok(Scalar::Bool(b))
            }
            fn visit_i64<E>(self, n: i64) -> Result<Scalar, E> {
                Ok(Scalar::Text(n.to_string()))
            }
            fn visit_u64<E>(self, n: u64) -> Result<Scalar, E> {
                Ok(Scalar::Text(n.to_string()))
            }
            fn visit_f64<E>(self, n: f64) -> Result<Scalar, E> {
                Ok(Scalar::Text(n.to_string()))
            }
            fn visit_str<E>(self, s: &str) -> Result<Scalar, E> {
                Ok(Scalar::Text(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Scalar, E> {
                Ok(Scalar::Text(s))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Scalar, A::Error> {
                let mut items = Vec::new();
                while let Some(item) = seq.next_element::<Scalar>()? {
                    items.push(item);
                }
                Ok(Scalar::List(items))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Scalar, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Scalar::Object)
            }
        }
        d.deserialize_any(V)
    }
}

/// A JSON record deserialized straight into an [`InputRecord`], without building a
/// `serde_json::Value` first (ingest's hot path); field errors are collected, not thrown.
pub struct JsonRecord(pub Result<InputRecord, Vec<FieldError>>);

impl<'de> Deserialize<'de> for JsonRecord {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<JsonRecord, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = JsonRecord;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<JsonRecord, A::Error> {
                let mut rec = InputRecord::default();
                let mut errors = Vec::new();
                while let Some(Key(key)) = map.next_key::<Key<'de>>()? {
                    match key.as_ref() {
                        "meta" => rec.apply_meta(&map.next_value::<Value>()?, &mut errors),
                        "consent" => rec.apply_consent(&map.next_value::<Value>()?, &mut errors),
                        "utm" => rec.apply_nested(&map.next_value::<Value>()?, "utm_", &mut errors),
                        k if k.starts_with('_') => {
                            map.next_value::<IgnoredAny>()?;
                        }
                        k => match field_for(k) {
                            Some(field) => {
                                let v = map.next_value::<Scalar>()?;
                                rec.apply_scalar(field, k, v, &mut errors);
                            }
                            None => {
                                map.next_value::<IgnoredAny>()?;
                            }
                        },
                    }
                }
                Ok(JsonRecord(if errors.is_empty() { Ok(rec) } else { Err(errors) }))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<JsonRecord, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(not_an_object())
            }
            fn visit_unit<E>(self) -> Result<JsonRecord, E> {
                Ok(not_an_object())
            }
            fn visit_bool<E>(self, _: bool) -> Result<JsonRecord, E> {
                Ok(not_an_object())
            }
            fn visit_i64<E>(self, _: i64) -> Result<JsonRecord, E> {
                Ok(not_an_object())
            }
            fn visit_u64<E>(self, _: u64) -> Result<JsonRecord, E> {
                Ok(not_an_object())
            }
            fn visit_f64<E>(self, _: f64) -> Result<JsonRecord, E> {
                Ok(not_an_object())
            }
            fn visit_str<E>(self, _: &str) -> Result<JsonRecord, E> {
                Ok(not_an_object())
            }
        }
        d.deserialize_any(V)
    }
}

fn not_an_object() -> JsonRecord {
    JsonRecord(Err(vec![FieldError::new("record", "expected a JSON object")]))
}

/// A map key, borrowed from the input when it has no escapes.
struct Key<'de>(Cow<'de, str>);

impl<'de> Deserialize<'de> for Key<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key<'de>, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = Key<'de>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, s: &'de str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Borrowed(s)))
            }
            fn visit_str<E>(self, s: &str) -> Result<Key<'de>, E> {
                Ok(Key(Cow::Owned(s.to_string())))
            }
        }
        d.deserialize_str(V)
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
    fn typed_and_value_paths_agree() {
        let text = r#"{"name": "Ann Lee", "email": "a@x.io", "phone": 5551234567, "tags": ["a", "b"],
            "consent": {"email": true}, "meta": {"request_id": "r1"}, "_x": [1, {"y": 2}], "zz": {}}"#;
        let typed = serde_json::from_str::<JsonRecord>(text).unwrap().0.unwrap();
        let value = InputRecord::from_json(&serde_json::from_str(text).unwrap()).unwrap();
        assert_eq!(typed, value);
        let bad = serde_json::from_str::<JsonRecord>(r#"{"email": {"a": 1}}"#).unwrap().0;
        assert_eq!(bad.unwrap_err()[0].field, "email");
        assert!(serde_json::from_str::<JsonRecord>("[1, 2]").unwrap().0.is_err());
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
