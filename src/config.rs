//! Configuration: built-in defaults < config file < environment < flags.
//!
//! Every key is declared once in [`KEYS`] with its environment variable, default and whether it is
//! a secret. [`Settings::resolve`] walks the layers in precedence order and remembers, for each
//! key, the layer its value came from, so `leadctl config show` can say so. Secrets are never
//! printed: [`Settings::entries`] redacts them.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::cli::GlobalArgs;
use crate::error::{Error, Result};

/// One configuration key.
#[derive(Debug)]
pub struct KeyDef {
    /// Dotted name, as in the TOML file (`forward.url` is `url` in `[forward]`).
    pub name: &'static str,
    /// Environment variable that sets it.
    pub env: &'static str,
    /// Global flag that sets it, if any.
    pub flag: Option<&'static str>,
    /// Built-in default (`None`: unset).
    pub default: Option<&'static str>,
    /// Whether the value is a secret (redacted everywhere).
    pub secret: bool,
    /// One line for `config init` and `config show`.
    pub help: &'static str,
}

/// Every key leadctl reads.
pub const KEYS: &[KeyDef] = &[
    KeyDef {
        name: "db",
        env: "LEADCTL_DB",
        flag: Some("--db"),
        default: None,
        secret: false,
        help: "SQLite database file (default: the platform data folder)",
    },
    KeyDef {
        name: "org",
        env: "LEADCTL_ORG",
        flag: Some("--org"),
        default: Some("default"),
        secret: false,
        help: "organisation slug every command is scoped to",
    },
    KeyDef {
        name: "color",
        env: "LEADCTL_COLOR",
        flag: Some("--color"),
        default: Some("auto"),
        secret: false,
        help: "auto | always | never (NO_COLOR turns auto off)",
    },
    KeyDef {
        name: "log_format",
        env: "LEADCTL_LOG_FORMAT",
        flag: Some("--log-format"),
        default: Some("text"),
        secret: false,
        help: "text | json, for log lines on stderr",
    },
    KeyDef {
        name: "actor",
        env: "LEADCTL_ACTOR",
        flag: Some("--actor"),
        default: None,
        secret: false,
        help: "who is acting, for the audit log (default: the OS user)",
    },
    KeyDef {
        name: "default_region",
        env: "LEADCTL_DEFAULT_REGION",
        flag: None,
        default: Some("US"),
        secret: false,
        help: "region for phone numbers written without +country code (ISO 3166 code)",
    },
    KeyDef {
        name: "busy_timeout_ms",
        env: "LEADCTL_BUSY_TIMEOUT_MS",
        flag: None,
        default: Some("5000"),
        secret: false,
        help: "how long a command waits for another writer before giving up",
    },
    KeyDef {
        name: "synchronous",
        env: "LEADCTL_SYNCHRONOUS",
        flag: None,
        default: Some("full"),
        secret: false,
        help: "full (survives power loss) | normal (survives crashes only)",
    },
    KeyDef {
        name: "forward.url",
        env: "LEADCTL_FORWARD_URL",
        flag: None,
        default: None,
        secret: false,
        help: "outbox: upstream URL new leads are POSTed to",
    },
    KeyDef {
        name: "forward.token",
        env: "LEADCTL_FORWARD_TOKEN",
        flag: None,
        default: None,
        secret: true,
        help: "outbox: bearer token for forward.url",
    },
    KeyDef {
        name: "smtp.host",
        env: "SMTP_HOST",
        flag: None,
        default: None,
        secret: false,
        help: "outbox: SMTP server for welcome and alert emails",
    },
    KeyDef {
        name: "smtp.port",
        env: "SMTP_PORT",
        flag: None,
        default: None,
        secret: false,
        help: "outbox: SMTP port (default 587 for starttls, 465 for tls, 25 for none)",
    },
    KeyDef {
        name: "smtp.user",
        env: "SMTP_USER",
        flag: None,
        default: None,
        secret: false,
        help: "outbox: SMTP user name",
    },
    KeyDef {
        name: "smtp.password",
        env: "SMTP_PASSWORD",
        flag: None,
        default: None,
        secret: true,
        help: "outbox: SMTP password",
    },
    KeyDef {
        name: "smtp.tls",
        env: "SMTP_TLS",
        flag: None,
        default: None,
        secret: false,
        help: "outbox: none | starttls | tls (default starttls)",
    },
    KeyDef {
        name: "from_email",
        env: "FROM_EMAIL",
        flag: None,
        default: None,
        secret: false,
        help: "outbox: sender address of emails",
    },
    KeyDef {
        name: "admin_email",
        env: "ADMIN_EMAIL",
        flag: None,
        default: None,
        secret: false,
        help: "outbox: who receives new-lead alerts",
    },
    KeyDef {
        name: "queue.max_attempts",
        env: "LEADCTL_QUEUE_MAX_ATTEMPTS",
        flag: None,
        default: Some("3"),
        secret: false,
        help: "outbox: attempts per item, the first included, before it is dead",
    },
    KeyDef {
        name: "queue.first_retry_delay",
        env: "LEADCTL_QUEUE_FIRST_RETRY_DELAY",
        flag: None,
        default: Some("10m"),
        secret: false,
        help: "outbox: wait before the first retry; doubles with each failure (ms, s, m, h, d)",
    },
    KeyDef {
        name: "queue.max_retry_delay",
        env: "LEADCTL_QUEUE_MAX_RETRY_DELAY",
        flag: None,
        default: Some("6h"),
        secret: false,
        help: "outbox: no wait between attempts is longer (a Retry-After may ask for more)",
    },
    KeyDef {
        name: "queue.lease",
        env: "LEADCTL_QUEUE_LEASE",
        flag: None,
        default: Some("5m"),
        secret: false,
        help: "outbox: how long a flush holds an item before another may take it (3x each timeout at least)",
    },
    KeyDef {
        name: "queue.http_timeout",
        env: "LEADCTL_QUEUE_HTTP_TIMEOUT",
        flag: None,
        default: Some("10s"),
        secret: false,
        help: "outbox: whole-request timeout of a forward",
    },
    KeyDef {
        name: "queue.smtp_timeout",
        env: "LEADCTL_QUEUE_SMTP_TIMEOUT",
        flag: None,
        default: Some("30s"),
        secret: false,
        help: "outbox: timeout of one email (the whole SMTP conversation)",
    },
    KeyDef {
        name: "queue.concurrency",
        env: "LEADCTL_QUEUE_CONCURRENCY",
        flag: None,
        default: Some("8"),
        secret: false,
        help: "outbox: deliveries in flight at once (queue flush --concurrency)",
    },
    KeyDef {
        name: "serve.ingest_token",
        env: "LEADCTL_INGEST_TOKEN",
        flag: None,
        default: None,
        secret: true,
        help: "listener: bearer token for POST /inbound/leads (FASTCORE_SITE_INGEST_TOKEN also works)",
    },
    KeyDef {
        name: "serve.max_request_bytes",
        env: "MAX_REQUEST_BYTES",
        flag: None,
        default: Some("1048576"),
        secret: false,
        help: "listener: largest request body accepted (413 above)",
    },
    KeyDef {
        name: "serve.hash_salt",
        env: "LEADCTL_HASH_SALT",
        flag: None,
        default: None,
        secret: true,
        help: "listener: salt of client IP and user-agent hashes (default: made once, kept in the database)",
    },
    KeyDef {
        name: "serve.cors_origins",
        env: "LEADCTL_CORS_ORIGINS",
        flag: None,
        default: None,
        secret: false,
        help: "listener: origins browsers may post from, comma-separated (plus --cors-origin and form keys' origins)",
    },
    KeyDef {
        name: "serve.rate_limit",
        env: "LEADCTL_RATE_LIMIT",
        flag: None,
        default: Some("600/min"),
        secret: false,
        help: "listener: requests per client IP to /inbound/leads, as N/s, N/min or N/h (a bucket of N); off to disable",
    },
    KeyDef {
        name: "serve.form_rate_limit",
        env: "LEADCTL_FORM_RATE_LIMIT",
        flag: None,
        default: Some("10/min"),
        secret: false,
        help: "listener: leads per client IP posted with a form key, as N/s, N/min or N/h",
    },
    KeyDef {
        name: "serve.rate_limit_loopback",
        env: "LEADCTL_RATE_LIMIT_LOOPBACK",
        flag: None,
        default: Some("false"),
        secret: false,
        help: "listener: rate-limit clients on 127.0.0.1/::1 too (off: loopback is exempt)",
    },
    KeyDef {
        name: "serve.trust_forwarded_for",
        env: "LEADCTL_TRUST_FORWARDED_FOR",
        flag: None,
        default: Some("false"),
        secret: false,
        help: "listener: take the client IP from X-Forwarded-For (only behind your own reverse proxy)",
    },
    KeyDef {
        name: "serve.request_timeout",
        env: "LEADCTL_REQUEST_TIMEOUT",
        flag: None,
        default: Some("30s"),
        secret: false,
        help: "listener: longest a request may take, body included (408 after)",
    },
    KeyDef {
        name: "serve.honeypot_field",
        env: "LEADCTL_HONEYPOT_FIELD",
        flag: None,
        default: Some("website"),
        secret: false,
        help: "listener: hidden form field that only bots fill; a form-key post with it set is dropped (201)",
    },
    KeyDef {
        name: "webhooks.secret_header",
        env: "PROVIDER_WEBHOOK_HEADER",
        flag: None,
        default: Some("X-Webhook-Secret"),
        secret: false,
        help: "webhooks: header carrying the shared secret",
    },
    KeyDef {
        name: "webhooks.require_secret",
        env: "REQUIRE_PROVIDER_WEBHOOK_SECRET",
        flag: None,
        default: Some("true"),
        secret: false,
        help: "webhooks: a configured shared secret must be sent (false: checked only when present)",
    },
    KeyDef {
        name: "webhooks.tolerance",
        env: "LEADCTL_WEBHOOK_TOLERANCE",
        flag: None,
        default: Some("5m"),
        secret: false,
        help: "webhooks: how far a signed timestamp may be from now, either way",
    },
    KeyDef {
        name: "webhooks.allow_unsigned",
        env: "LEADCTL_WEBHOOKS_ALLOW_UNSIGNED",
        flag: None,
        default: None,
        secret: false,
        help: "webhooks: providers accepted with neither shared secret nor signing key, comma-separated",
    },
    KeyDef {
        name: "webhooks.calendly.provider_secret",
        env: "CALENDLY_PROVIDER_SECRET",
        flag: None,
        default: None,
        secret: true,
        help: "webhooks: Calendly shared secret (Calendly cannot send it; prefer signing_key)",
    },
    KeyDef {
        name: "webhooks.calendly.signing_key",
        env: "CALENDLY_SIGNING_KEY",
        flag: None,
        default: None,
        secret: true,
        help: "webhooks: Calendly webhook signing key (Calendly-Webhook-Signature)",
    },
    KeyDef {
        name: "webhooks.zoom.provider_secret",
        env: "ZOOM_PROVIDER_SECRET",
        flag: None,
        default: None,
        secret: true,
        help: "webhooks: Zoom shared secret (Zoom's Custom Header option)",
    },
    KeyDef {
        name: "webhooks.zoom.secret_token",
        env: "ZOOM_SECRET_TOKEN",
        flag: None,
        default: None,
        secret: true,
        help: "webhooks: Zoom app Secret Token (x-zm-signature, url_validation)",
    },
    KeyDef {
        name: "webhooks.fireflies.provider_secret",
        env: "FIREFLIES_PROVIDER_SECRET",
        flag: None,
        default: None,
        secret: true,
        help: "webhooks: Fireflies shared secret (Fireflies cannot send it; prefer signing_secret)",
    },
    KeyDef {
        name: "webhooks.fireflies.signing_secret",
        env: "FIREFLIES_SIGNING_SECRET",
        flag: None,
        default: None,
        secret: true,
        help: "webhooks: Fireflies signing secret (X-Hub-Signature)",
    },
    KeyDef {
        name: "webhooks.senders",
        env: "LEADCTL_WEBHOOK_SENDERS",
        flag: None,
        default: None,
        secret: true,
        help: "webhooks: Standard Webhooks senders, name=whsec_... comma-separated (POST /webhooks/<name>)",
    },
];

/// Where a value came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// Built into leadctl.
    Default,
    /// The config file.
    File(PathBuf),
    /// An environment variable.
    Env(&'static str),
    /// A command-line flag.
    Flag(&'static str),
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Source::Default => f.write_str("default"),
            Source::File(p) => write!(f, "file {}", p.display()),
            Source::Env(v) => write!(f, "env {v}"),
            Source::Flag(fl) => write!(f, "flag {fl}"),
        }
    }
}

/// The effective configuration.
#[derive(Debug, Clone)]
pub struct Settings {
    values: BTreeMap<&'static str, (String, Source)>,
    /// The config file that was read, if any.
    pub config_file: Option<PathBuf>,
    /// Where the config file would be looked for.
    pub config_path: Option<PathBuf>,
}

/// One line of `config show`.
#[derive(Debug, serde::Serialize)]
pub struct Entry {
    /// Key name.
    pub key: &'static str,
    /// Value, `<redacted>` for set secrets, `None` when unset.
    pub value: Option<String>,
    /// Where it came from (`unset` when unset).
    pub source: String,
    /// Environment variable.
    pub env: &'static str,
}

/// The environment as leadctl sees it; a trait-free function pointer keeps tests simple.
pub type EnvLookup<'a> = &'a dyn Fn(&str) -> Option<String>;

impl Settings {
    /// Resolves the configuration from defaults, the config file, `env` and the global flags.
    pub fn resolve(flags: &GlobalArgs, env: EnvLookup<'_>) -> Result<Settings> {
        let mut values = BTreeMap::new();
        for k in KEYS {
            if let Some(d) = k.default {
                values.insert(k.name, (d.to_string(), Source::Default));
            }
        }
        let (config_path, explicit) = match (&flags.config, env("LEADCTL_CONFIG")) {
            (Some(p), _) => (Some(p.clone()), true),
            (None, Some(p)) if !p.is_empty() => (Some(PathBuf::from(p)), true),
            _ => (dirs::config_dir().map(|d| d.join("leadctl").join("config.toml")), false),
        };
        let mut config_file = None;
        if let Some(path) = &config_path {
            match std::fs::read_to_string(path) {
                Ok(text) => {
                    for (key, value) in parse_file(path, &text)? {
                        values.insert(key, (value, Source::File(path.clone())));
                    }
                    config_file = Some(path.clone());
                }
                Err(e) if e.kind() == std::io::ErrorKind::NotFound && !explicit => {}
                Err(e) => {
                    return Err(Error::usage(format!(
                        "cannot read config file {}: {e}",
                        path.display()
                    ))
                    .with_hint("create one with `leadctl config init`, or drop --config"));
                }
            }
        }
        for k in KEYS {
            if let Some(v) = env(k.env).filter(|v| !v.is_empty()) {
                values.insert(k.name, (v, Source::Env(k.env)));
            }
        }
        let flag_values: [(&'static str, &'static str, Option<String>); 5] = [
            ("db", "--db", flags.db.as_ref().map(|p| p.display().to_string())),
            ("org", "--org", flags.org.clone()),
            ("color", "--color", flags.color.map(|c| enum_name(&c))),
            ("log_format", "--log-format", flags.log_format.map(|c| enum_name(&c))),
            ("actor", "--actor", flags.actor.clone()),
        ];
        for (key, flag, v) in flag_values {
            if let Some(v) = v {
                values.insert(key, (v, Source::Flag(flag)));
            }
        }
        Ok(Settings { values, config_file, config_path })
    }

    /// The raw value of `key`, if set.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.values.get(key).map(|(v, _)| v.as_str())
    }

    /// Where the value of `key` came from.
    pub fn source(&self, key: &str) -> Option<&Source> {
        self.values.get(key).map(|(_, s)| s)
    }

    /// Every key with its (redacted) value and source, for `config show`.
    pub fn entries(&self) -> Vec<Entry> {
        KEYS.iter()
            .map(|k| {
                let v = self.values.get(k.name);
                Entry {
                    key: k.name,
                    value: v.map(|(v, _)| if k.secret { "<redacted>".into() } else { v.clone() }),
                    source: v.map_or_else(|| "unset".to_string(), |(_, s)| s.to_string()),
                    env: k.env,
                }
            })
            .collect()
    }

    /// The folder of email template overrides: `templates/` beside the config file.
    pub fn templates_dir(&self) -> Option<PathBuf> {
        self.config_path.as_ref().and_then(|p| p.parent()).map(|d| d.join("templates"))
    }

    /// The database path: `db`, else the platform data folder.
    pub fn db_path(&self) -> Result<PathBuf> {
        if let Some(p) = self.get("db") {
            return Ok(PathBuf::from(p));
        }
        dirs::data_dir().map(|d| d.join("leadctl").join("leadctl.db")).ok_or_else(|| {
            Error::usage("cannot find a data folder for the default database")
                .with_hint("pass --db PATH or set LEADCTL_DB")
        })
    }

    /// A numeric setting, with a usage error naming the key and its source when malformed.
    pub fn get_u64(&self, key: &str) -> Result<Option<u64>> {
        self.get(key)
            .map(|v| {
                v.trim().parse::<u64>().map_err(|_| {
                    let src = self.source(key).map(|s| s.to_string()).unwrap_or_default();
                    Error::usage(format!("{key} must be a whole number, got '{v}' (from {src})"))
                })
            })
            .transpose()
    }
}

impl Settings {
    /// A length of time (`250ms`, `30s`, `5m`, `6h`, `1d`), with a usage error naming the key
    /// A boolean key (`true`/`false`, `1`/`0`, `yes`/`no`, `on`/`off`), if set.
    pub fn get_bool(&self, key: &str) -> Result<Option<bool>> {
        self.get(key)
            .filter(|v| !v.trim().is_empty())
            .map(|v| match v.trim().to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => Ok(true),
                "0" | "false" | "no" | "off" => Ok(false),
                _ => {
                    let src = self.source(key).map(|s| s.to_string()).unwrap_or_default();
                    Err(Error::usage(format!(
                        "{key} must be true or false, got '{v}' (from {src})"
                    )))
                }
            })
            .transpose()
    }

    /// and its source when malformed.
    pub fn get_duration(&self, key: &str) -> Result<Option<std::time::Duration>> {
        self.get(key)
            .map(|v| {
                crate::time::parse_duration(v).ok_or_else(|| {
                    let src = self.source(key).map(|s| s.to_string()).unwrap_or_default();
                    Error::usage(format!("{key} must be a length of time, got '{v}' (from {src})"))
                        .with_hint("write it like 250ms, 30s, 5m, 6h or 1d")
                })
            })
            .transpose()
    }
}

fn enum_name<T: clap::ValueEnum>(v: &T) -> String {
    v.to_possible_value().map(|p| p.get_name().to_string()).unwrap_or_default()
}

/// Parses the TOML config file into known keys; unknown keys are a usage error so typos show.
fn parse_file(path: &Path, text: &str) -> Result<Vec<(&'static str, String)>> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        Error::usage(format!("config file {} is not valid TOML: {}", path.display(), e.message()))
    })?;
    let mut flat = Vec::new();
    flatten("", &table, &mut flat);
    let mut out = Vec::new();
    for (name, value) in flat {
        let Some(def) = KEYS.iter().find(|k| k.name == name) else {
            return Err(Error::usage(format!(
                "unknown key '{name}' in config file {}",
                path.display()
            ))
            .with_hint("`leadctl config show` lists every key"));
        };
        let v = match value {
            toml::Value::String(s) => s.clone(),
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => {
                return Err(Error::usage(format!(
                    "config key '{name}' must be a string or number, got {}",
                    other.type_str()
                )));
            }
        };
        out.push((def.name, v));
    }
    Ok(out)
}

fn flatten<'a>(prefix: &str, table: &'a toml::Table, out: &mut Vec<(String, &'a toml::Value)>) {
    for (k, v) in table {
        let name = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::Table(t) => flatten(&name, t, out),
            other => out.push((name, other)),
        }
    }
}

/// The commented example written by `leadctl config init`.
pub fn example_file() -> String {
    let mut s = String::from(
        "# leadctl configuration. Precedence: defaults < this file < environment < flags.\n\
         # Every key is optional; uncomment what you need. `leadctl config show` prints the\n\
         # effective values and where each came from.\n\n",
    );
    // TOML needs every top-level key before the first [section].
    let mut keys: Vec<&KeyDef> = KEYS.iter().collect();
    keys.sort_by_key(|k| k.name.contains('.'));
    let mut section = "";
    for k in keys {
        let (sec, leaf) = k.name.split_once('.').unwrap_or(("", k.name));
        if sec != section {
            s.push_str(&format!("\n[{sec}]\n"));
            section = sec;
        }
        let example = match (k.secret, k.default) {
            (true, _) => "\"<secret>\"".to_string(),
            (false, Some(d)) if d.parse::<i64>().is_ok() => d.to_string(),
            (false, Some(d)) => format!("\"{d}\""),
            (false, None) => format!("\"{}\"", placeholder(k.name)),
        };
        s.push_str(&format!("# {} (env {})\n# {leaf} = {example}\n", k.help, k.env));
    }
    s
}

fn placeholder(name: &str) -> &'static str {
    match name {
        "db" => "/var/lib/leadctl/leadctl.db",
        "actor" => "ops@example.com",
        "forward.url" => "https://crm.example.com/api/leads",
        "smtp.host" => "smtp.example.com",
        "smtp.port" => "587",
        "smtp.user" => "leadctl",
        "smtp.tls" => "starttls",
        "from_email" => "hello@example.com",
        "admin_email" => "sales@example.com",
        _ => "",
    }
}
