//! Email templates: built-in defaults for the welcome email and the admin alert, each part of
//! which an operator can override with a file in `<config folder>/templates/`:
//! `welcome_email.subject`, `welcome_email.txt`, `welcome_email.html`, and the same for
//! `admin_alert`. Templates use `{{field}}` placeholders ([`FIELDS`]); values are HTML-escaped in
//! the HTML part. An unknown placeholder is an error when the templates are loaded, so a typo
//! shows at once instead of in a customer's inbox.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Lead;

/// The placeholders a template may use.
pub const FIELDS: &[(&str, &str)] = &[
    ("name", "full name, else the email, else the phone"),
    ("greeting_name", "first name, else \"there\" (for \"Hi {{greeting_name}},\")"),
    ("first_name", "first name"),
    ("last_name", "last name"),
    ("email", "email address"),
    ("phone", "phone number"),
    ("company", "company"),
    ("service", "service asked about"),
    ("message", "the message sent with the form"),
    ("source", "where the lead came from"),
    ("lead_id", "the lead's id"),
    ("created_at", "when the lead arrived (UTC)"),
    ("org", "organisation slug"),
];

const WELCOME_SUBJECT: &str = "Thanks for getting in touch";
const WELCOME_TEXT: &str = "Hi {{greeting_name}},

Thank you for contacting us. We have your message and will get back to you shortly.

Best regards
";
const WELCOME_HTML: &str = "<!doctype html>
<html><body>
<p>Hi {{greeting_name}},</p>
<p>Thank you for contacting us. We have your message and will get back to you shortly.</p>
<p>Best regards</p>
</body></html>
";
const ALERT_SUBJECT: &str = "New lead: {{name}}";
const ALERT_TEXT: &str = "A new lead arrived.

Name:    {{name}}
Email:   {{email}}
Phone:   {{phone}}
Company: {{company}}
Service: {{service}}
Source:  {{source}}

Message:
{{message}}

Lead {{lead_id}}, received {{created_at}}.
See it with: leadctl show {{lead_id}}
";
const ALERT_HTML: &str = "<!doctype html>
<html><body>
<p>A new lead arrived.</p>
<table>
<tr><th align=\"left\">Name</th><td>{{name}}</td></tr>
<tr><th align=\"left\">Email</th><td>{{email}}</td></tr>
<tr><th align=\"left\">Phone</th><td>{{phone}}</td></tr>
<tr><th align=\"left\">Company</th><td>{{company}}</td></tr>
<tr><th align=\"left\">Service</th><td>{{service}}</td></tr>
<tr><th align=\"left\">Source</th><td>{{source}}</td></tr>
</table>
<p style=\"white-space: pre-wrap\">{{message}}</p>
<p>Lead <code>{{lead_id}}</code>, received {{created_at}}.<br>
See it with <code>leadctl show {{lead_id}}</code></p>
</body></html>
";

/// One piece of a template: literal text or a placeholder.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Piece {
    Text(String),
    Field(&'static str),
}

/// A parsed template part.
#[derive(Debug, Clone)]
struct Part {
    pieces: Vec<Piece>,
    /// Where it came from: `built-in` or the file.
    origin: String,
}

/// The three parts of one email.
#[derive(Debug, Clone)]
pub struct Template {
    subject: Part,
    text: Part,
    html: Part,
}

/// A rendered email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    pub subject: String,
    pub text: String,
    pub html: String,
}

/// The templates of both kinds of email.
#[derive(Debug, Clone)]
pub struct Templates {
    welcome: Template,
    alert: Template,
    /// The folder overrides are read from.
    pub folder: Option<PathBuf>,
}

impl Templates {
    /// The built-in templates with any overrides found in `folder` (`<config folder>/templates`).
    pub fn load(folder: Option<&Path>) -> Result<Templates> {
        let load_one = |kind: &str, defaults: [&str; 3]| -> Result<Template> {
            let mut parts = Vec::with_capacity(3);
            for (ext, default) in ["subject", "txt", "html"].into_iter().zip(defaults) {
                let file = folder.map(|f| f.join(format!("{kind}.{ext}")));
                let (text, origin) = match &file {
                    Some(path) => match std::fs::read_to_string(path) {
                        Ok(t) => (t, path.display().to_string()),
                        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                            (default.to_string(), "built-in".to_string())
                        }
                        Err(e) => {
                            return Err(Error::usage(format!(
                                "cannot read template {}: {e}",
                                path.display()
                            )));
                        }
                    },
                    None => (default.to_string(), "built-in".to_string()),
                };
                parts.push(parse(&text, origin)?);
            }
            let [subject, text, html]: [Part; 3] =
                parts.try_into().map_err(|_| Error::failure("template parts"))?;
            Ok(Template { subject, text, html })
        };
        Ok(Templates {
            welcome: load_one("welcome_email", [WELCOME_SUBJECT, WELCOME_TEXT, WELCOME_HTML])?,
            alert: load_one("admin_alert", [ALERT_SUBJECT, ALERT_TEXT, ALERT_HTML])?,
            folder: folder.map(Path::to_path_buf),
        })
    }

    /// Renders the email of `kind` (`welcome_email` or `admin_alert`) for `lead`.
    pub fn render(&self, kind: &str, lead: &Lead) -> Result<Rendered> {
        let t = match kind {
            "welcome_email" => &self.welcome,
            "admin_alert" => &self.alert,
            other => return Err(Error::failure(format!("no email template for {other}"))),
        };
        let value = |f: &str| field(lead, f);
        let subject = render(&t.subject, &value, false);
        // A header is one line: newlines in a subject template or a name become spaces.
        let subject = subject.split_whitespace().collect::<Vec<_>>().join(" ");
        Ok(Rendered {
            subject,
            text: render(&t.text, &value, false),
            html: render(&t.html, &value, true),
        })
    }

    /// Where each part of `kind` comes from (`built-in` or a file), for `queue preview`.
    pub fn origins(&self, kind: &str) -> Vec<String> {
        let t = if kind == "admin_alert" { &self.alert } else { &self.welcome };
        vec![t.subject.origin.clone(), t.text.origin.clone(), t.html.origin.clone()]
    }
}

/// The value of a placeholder for `lead`.
fn field(lead: &Lead, name: &str) -> String {
    let s = |v: &Option<String>| v.clone().unwrap_or_default();
    match name {
        "name" => {
            let n = lead.display_name();
            if !n.is_empty() {
                n
            } else {
                lead.email
                    .clone()
                    .or_else(|| lead.phone.clone())
                    .or_else(|| lead.phone_raw.clone())
                    .unwrap_or_else(|| "(no name)".to_string())
            }
        }
        "greeting_name" => lead.first_name.clone().unwrap_or_else(|| "there".to_string()),
        "first_name" => s(&lead.first_name),
        "last_name" => s(&lead.last_name),
        "email" => s(&lead.email),
        "phone" => lead.phone.clone().or_else(|| lead.phone_raw.clone()).unwrap_or_default(),
        "company" => s(&lead.company),
        "service" => s(&lead.service),
        "message" => s(&lead.message),
        "source" => s(&lead.source),
        "lead_id" => lead.id.clone(),
        "created_at" => lead.created_at.clone(),
        "org" => lead.org.clone(),
        _ => String::new(),
    }
}

fn parse(text: &str, origin: String) -> Result<Part> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find("{{") {
        let Some(len) = rest[start + 2..].find("}}") else {
            return Err(Error::usage(format!(
                "template {origin}: '{{{{' without a closing '}}}}'"
            )));
        };
        if start > 0 {
            pieces.push(Piece::Text(rest[..start].to_string()));
        }
        let name = rest[start + 2..start + 2 + len].trim();
        let Some((known, _)) = FIELDS.iter().find(|(f, _)| *f == name) else {
            let names: Vec<&str> = FIELDS.iter().map(|(f, _)| *f).collect();
            return Err(Error::usage(format!("template {origin}: unknown field {{{{{name}}}}}"))
                .with_hint(format!("fields: {}", names.join(", "))));
        };
        pieces.push(Piece::Field(known));
        rest = &rest[start + 2 + len + 2..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    Ok(Part { pieces, origin })
}

fn render(part: &Part, value: &dyn Fn(&str) -> String, html: bool) -> String {
    let mut out = String::new();
    for p in &part.pieces {
        match p {
            Piece::Text(t) => out.push_str(t),
            Piece::Field(f) if html => escape_html(&value(f), &mut out),
            Piece::Field(f) => out.push_str(&value(f)),
        }
    }
    out
}

fn escape_html(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lead() -> Lead {
        Lead {
            id: "0190-abc".into(),
            org: "default".into(),
            first_name: Some("Ada".into()),
            last_name: Some("<Lovelace>".into()),
            email: Some("ada@example.com".into()),
            message: Some("Hello & welcome".into()),
            ..Lead::default()
        }
    }

    #[test]
    fn renders_fields_escaping_html_only_in_the_html_part() {
        let t = Templates::load(None).unwrap();
        let r = t.render("admin_alert", &lead()).unwrap();
        assert_eq!(r.subject, "New lead: Ada <Lovelace>");
        assert!(r.text.contains("Name:    Ada <Lovelace>"), "{}", r.text);
        assert!(r.html.contains("<td>Ada &lt;Lovelace&gt;</td>"), "{}", r.html);
        assert!(r.html.contains("Hello &amp; welcome"));
        let w = t.render("welcome_email", &Lead { first_name: None, ..lead() }).unwrap();
        assert!(w.text.starts_with("Hi there,"), "{}", w.text);
    }

    #[test]
    fn overrides_are_read_from_the_folder_and_typos_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("welcome_email.subject"), "Welcome,\n{{ first_name }}!")
            .unwrap();
        let t = Templates::load(Some(dir.path())).unwrap();
        assert_eq!(t.render("welcome_email", &lead()).unwrap().subject, "Welcome, Ada!");
        assert!(t.origins("welcome_email")[0].ends_with("welcome_email.subject"));
        assert_eq!(t.origins("welcome_email")[1], "built-in");
        std::fs::write(dir.path().join("admin_alert.txt"), "{{nmae}}").unwrap();
        let e = Templates::load(Some(dir.path())).unwrap_err();
        assert!(e.message().contains("unknown field {{nmae}}"), "{}", e.message());
        std::fs::write(dir.path().join("admin_alert.txt"), "{{name").unwrap();
        assert!(Templates::load(Some(dir.path())).is_err());
    }
}
