//! The files in `examples/` work as their comments say: every example config is accepted by
//! the real binary (and `config.toml` documents every key with its real default), and the
//! shell pipelines run against the real binary in a temporary folder, with their results
//! checked through `leadctl` itself. A case needing a tool that is not installed (python3,
//! gzip, sqlite3) is skipped with a message saying so.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use base64::Engine;
use serde_json::Value;

use crate::common::{Run, TestEnv, parse_csv, parse_ndjson, strs};
use crate::server::{Server, agent, get, post};

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("examples")
}

/// The files of `examples/` whose names end with `suffix`, sorted.
fn examples_ending(suffix: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(examples_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.to_str().unwrap().ends_with(suffix))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no examples/*{suffix}");
    files
}

fn example(name: &str) -> String {
    examples_dir().join(name).to_str().unwrap().to_string()
}

/// Whether every one of `tools` is on PATH; prints why `case` is skipped when one is not.
fn have(tools: &[&str], case: &str) -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    for tool in tools {
        if !std::env::split_paths(&path).any(|d| d.join(tool).is_file()) {
            eprintln!("skipped {case}: {tool} is not installed");
            return false;
        }
    }
    true
}

/// Runs `examples/<name>` directly (so its shebang counts) with the environment of `env`'s
/// leadctl runs, `LEADCTL` pointing at the binary under test, and `vars`.
fn script(env: &TestEnv, name: &str, args: &[&str], vars: &[(&str, &str)]) -> Run {
    run(script_cmd(env, name, args, vars))
}

fn script_cmd(env: &TestEnv, name: &str, args: &[&str], vars: &[(&str, &str)]) -> Command {
    let mut c = Command::new(examples_dir().join(name));
    c.env_clear()
        .env("HOME", env.home())
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LEADCTL_DB", env.db())
        .env("LEADCTL_ACTOR", "tester")
        .env("LEADCTL", env!("CARGO_BIN_EXE_leadctl"))
        .current_dir(env.home())
        .args(args)
        .stdin(Stdio::null());
    for (k, v) in vars {
        c.env(k, v);
    }
    c
}

fn run(mut c: Command) -> Run {
    let o = c.output().unwrap_or_else(|e| panic!("run {c:?}: {e}"));
    Run {
        code: o.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&o.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&o.stderr).into_owned(),
    }
}

/// `config show --format json` with `cfg` and without the test's own LEADCTL_DB and
/// LEADCTL_ACTOR, so every value comes from the file or the defaults: key -> (value, source).
fn config_show(env: &TestEnv, cfg: Option<&str>) -> BTreeMap<String, (Value, String)> {
    let mut args = vec!["config", "show", "--format", "json"];
    if let Some(cfg) = cfg {
        args.extend(["--config", cfg]);
    }
    let mut c = env.cmd(&args);
    c.env_remove("LEADCTL_DB").env_remove("LEADCTL_ACTOR");
    let r = run(c);
    r.code(0);
    r.json()["keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| {
            let source = k["source"].as_str().unwrap().to_string();
            (k["key"].as_str().unwrap().to_string(), (k["value"].clone(), source))
        })
        .collect()
}

/// The config with every commented-out assignment (`# key = value`) switched on.
fn uncommented(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines() {
        let assignment = line.strip_prefix("# ").filter(|rest| {
            rest.split_once(" = ").is_some_and(|(key, value)| {
                !key.is_empty()
                    && !value.trim().is_empty()
                    && key.chars().all(|c| c.is_ascii_alphanumeric() || "_.-".contains(c))
            })
        });
        out.push_str(assignment.unwrap_or(line));
        out.push('\n');
    }
    out
}

#[test]
fn every_example_config_is_accepted_by_leadctl() {
    for path in examples_ending(".toml") {
        let p = path.to_str().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        text.parse::<toml::Table>().unwrap_or_else(|e| panic!("{p} is not TOML: {e}"));
        let env = TestEnv::new();
        // Unknown keys and malformed colour or log settings fail here.
        let doc = env.ok(&["--config", p, "config", "show", "--format", "json"]).json();
        assert_eq!(doc["config_file"], p, "{p} was not read");
        // The store and queue settings are checked when a command uses them.
        env.ok(&["--config", p, "queue", "flush", "--dry-run"]);
    }
}

#[test]
fn example_config_documents_every_key_with_its_default() {
    let path = example("config.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    let env = TestEnv::new();
    let all = env.write("all.toml", &uncommented(&text));
    let defaults = config_show(&env, None);
    let from_file = config_show(&env, Some(all.to_str().unwrap()));
    let env_vars: BTreeMap<String, String> = {
        let r = env.ok(&["config", "show", "--format", "ndjson"]);
        r.ndjson()
            .iter()
            .map(|e| (e["key"].as_str().unwrap().into(), e["env"].as_str().unwrap().into()))
            .collect()
    };
    let mut flat = BTreeMap::new();
    flatten("", &uncommented(&text).parse::<toml::Table>().unwrap(), &mut flat);
    assert_eq!(defaults.len(), from_file.len());
    for (key, (value, source)) in &from_file {
        // Every key leadctl knows is in the file (commented out), so a new key without an
        // example line fails here.
        assert!(source.starts_with("file "), "{key} is missing from examples/config.toml");
        // ... with its environment variable named in its comment.
        assert!(
            text.contains(&env_vars[key]),
            "{key}: its variable {} is not named",
            env_vars[key]
        );
        // ... and the value shown is the built-in default, when there is one.
        let (default, default_source) = &defaults[key];
        if default_source == "default" {
            assert_eq!(value, default, "{key}: the example value is not the default");
        }
        // Secrets are placeholders nobody could mistake for a real one.
        if value == "<redacted>" {
            let v = flat[key].to_ascii_lowercase();
            assert!(v.contains("change-me") || v.contains("changeme"), "{key} = {v}");
        }
    }
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (k, v) in table {
        let name = if prefix.is_empty() { k.clone() } else { format!("{prefix}.{k}") };
        match v {
            toml::Value::Table(t) => flatten(&name, t, out),
            other => {
                out.insert(name, other.as_str().map_or_else(|| other.to_string(), str::to_string));
            }
        }
    }
}

#[test]
fn example_config_with_every_key_set_starts_the_listener_and_the_flusher() {
    // Every value shown in the example is valid where it is used: the listener's, the
    // webhooks', the queue's and the SMTP settings (--flush-every builds the deliverer).
    let text = std::fs::read_to_string(example("config.toml")).unwrap();
    let env = TestEnv::new();
    let all = env.write("all.toml", &uncommented(&text));
    let all = all.to_str().unwrap();
    let server = Server::start_with(&env, &["--config", all, "--flush-every", "1h"], &[]);
    // The file's ingest token is the one the listener takes.
    let auth =
        [("Authorization", "Bearer change-me-ingest-token"), ("Content-Type", "application/json")];
    let body = r#"{"name": "Ann Lee", "email": "ann@example.com"}"#;
    post(&agent(), &server.url("/inbound/leads"), &auth, body).unwrap().accepted(201, "received");
    assert_eq!(get(&agent(), &server.url("/health"), &[]).status, 200);
    server.stop();
    env.ok(&["--config", all, "queue", "flush", "--dry-run"]);
}

#[test]
fn example_scripts_are_executable_bash_with_valid_syntax() {
    if !have(&["bash"], "the syntax check of examples/*.sh") {
        return;
    }
    for path in examples_ending(".sh") {
        let p = path.to_str().unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let shebang = text.lines().next().unwrap_or("");
        assert!(shebang.starts_with("#!/"), "{p} has no #! line");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert!(mode & 0o111 != 0, "{p} is not executable");
        }
        if shebang.contains("bash") {
            assert!(text.contains("\nset -euo pipefail\n"), "{p}: no `set -euo pipefail`");
        }
        let o = Command::new("bash").args(["-n", p]).output().expect("run bash -n");
        assert!(o.status.success(), "bash -n {p}:\n{}", String::from_utf8_lossy(&o.stderr));
    }
}

/// Leads around one day (2025-03-14, UTC) for the mail script: two are new that day.
const DAY_LEADS: &str = r#"{"email": "first@example.com", "name": "Ann Lee", "created_at": "2025-03-14T00:00:00Z", "company": "=Lee, \"Design\""}
{"email": "last@example.com", "name": "Bo Li", "created_at": "2025-03-14T23:59:59Z", "source": "ads"}
{"email": "invited@example.com", "created_at": "2025-03-14T12:00:00Z", "status": "invited"}
{"email": "before@example.com", "created_at": "2025-03-13T23:59:59Z"}
{"email": "after@example.com", "created_at": "2025-03-15T00:00:00Z"}
"#;

/// The CSV attachment of a message the mail script wrote, decoded.
fn attachment(message: &str) -> String {
    let (_, rest) = message
        .split_once("Content-Transfer-Encoding: base64\n\n")
        .unwrap_or_else(|| panic!("no base64 part:\n{message}"));
    let encoded: String = rest.lines().take_while(|l| !l.is_empty()).collect();
    let bytes = base64::engine::general_purpose::STANDARD.decode(encoded).unwrap();
    String::from_utf8(bytes).unwrap()
}

#[test]
fn mail_script_sends_the_days_new_leads_as_csv() {
    if !have(&["bash", "base64", "fold"], "the mail script") {
        return;
    }
    let env = TestEnv::new();
    env.ingest_ok("day.ndjson", DAY_LEADS);
    let vars = [("MAIL_CMD", "cat"), ("DAY", "2025-03-14")];
    let r = script(&env, "mail-new-leads.sh", &[], &vars);
    r.code(0);
    assert!(r.stdout.lines().any(|l| l == "Subject: 2 new leads on 2025-03-14"), "{}", r.stdout);
    let csv = parse_csv(&attachment(&r.stdout));
    let emails: BTreeSet<&str> = csv.rows.iter().map(|r| r["email"].as_str()).collect();
    assert_eq!(emails, BTreeSet::from(["first@example.com", "last@example.com"]));
    let ann = csv.rows.iter().find(|r| r["email"] == "first@example.com").unwrap();
    assert_eq!(ann["company"], "'=Lee, \"Design\"", "cells are neutralised for spreadsheets");
    assert_eq!(csv.header[..2], ["id", "created_at"]);

    // SOURCE narrows it; a day without new leads sends nothing.
    let r = script(&env, "mail-new-leads.sh", &[], &[vars[0], vars[1], ("SOURCE", "ads")]);
    assert!(r.code(0).stdout.contains("Subject: 1 new lead on"), "{}", r.stdout);
    let r = script(&env, "mail-new-leads.sh", &[], &[vars[0], ("DAY", "2025-03-16")]);
    assert_eq!((r.code(0).stdout.as_str(), r.stderr.as_str()), ("", ""));

    // Without MAIL_CMD the message goes to `sendmail -t -oi` (here a stand-in on PATH).
    let bin = env.path("bin");
    std::fs::create_dir(&bin).unwrap();
    let fake =
        env.write("bin/sendmail", "#!/bin/sh\necho \"$@\" >\"$HOME/args\"\ncat >\"$HOME/sent\"\n");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&fake, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let path = format!("{}:{}", bin.display(), std::env::var("PATH").unwrap_or_default());
    let vars = [("PATH", path.as_str()), ("MAIL_TO", "sales@example.com"), ("DAY", "2025-03-14")];
    script(&env, "mail-new-leads.sh", &[], &vars).code(0);
    assert_eq!(std::fs::read_to_string(env.path("args")).unwrap().trim(), "-t -oi");
    let sent = std::fs::read_to_string(env.path("sent")).unwrap();
    assert!(sent.starts_with("To: sales@example.com\n"), "{sent}");
    assert_eq!(parse_csv(&attachment(&sent)).rows.len(), 2);

    // Neither MAIL_TO nor MAIL_CMD: a usage error before anything is exported.
    let r = script(&env, "mail-new-leads.sh", &[], &[("PATH", path.as_str())]);
    assert!(r.code(2).stderr.contains("MAIL_TO"), "{}", r.stderr);
}

/// Every lead as `export --format ndjson` with the given columns, by email.
fn leads_by_email(env: &TestEnv, columns: &str) -> BTreeMap<String, Value> {
    let r = env.ok(&["export", "--format", "ndjson", "--columns", columns]);
    r.ndjson().into_iter().map(|l| (l["email"].as_str().unwrap_or("").to_string(), l)).collect()
}

#[test]
fn import_script_maps_a_foreign_csv_export() {
    if !have(&["bash", "python3"], "the CSV import script") {
        return;
    }
    let env = TestEnv::new();
    let sample = example("crm-export.csv");
    let r = script(&env, "import-crm-csv.sh", &[&sample, "--dry-run"], &[]);
    assert!(r.code(0).stderr.contains("5 leads would give 5 created"), "{}", r.stderr);
    assert!(!env.db().exists(), "a dry run created the database");

    let r = script(&env, "import-crm-csv.sh", &[&sample, "--format", "json"], &[]);
    let summary = r.code(0).json();
    assert_eq!((summary["created"].as_u64(), summary["rejected"].as_u64()), (Some(5), Some(0)));
    let cols = "email,first_name,last_name,phone,company,status,source,tags,owner,created_at,\
                consent_email,request_id,message";
    let leads = leads_by_email(&env, cols);
    let ann = &leads["ann.lee@example.com"];
    assert_eq!((ann["first_name"].as_str(), ann["last_name"].as_str()), (Some("Ann"), Some("Lee")));
    assert_eq!(ann["status"], "new");
    assert_eq!(ann["source"], "web-form");
    assert_eq!(strs(&ann["tags"]), ["newsletter", "vip"]);
    assert_eq!(ann["owner"], "sam@example.com");
    assert_eq!(ann["created_at"], "2025-03-14T09:15:00.000Z");
    assert_eq!(ann["consent_email"], "granted");
    assert_eq!(ann["request_id"], "crm-1001");
    assert_eq!(ann["phone"], "+15551234567");
    assert_eq!(ann["message"], "Wants a quote");
    let omar = &leads["omar@haddad.example"];
    assert_eq!((omar["status"].as_str(), omar["consent_email"].as_str()), (Some("invited"), None));
    assert_eq!(leads["MEI.CHEN@example.org"]["company"], "Chen & Co, Ltd");
    assert_eq!(leads["MEI.CHEN@example.org"]["status"], "converted");
    let carlos = &leads[""];
    assert_eq!(
        (carlos["first_name"].as_str(), carlos["status"].as_str()),
        (Some("Carlos"), Some("waitlist"))
    );
    assert_eq!(leads["sofia.rossi@example.it"]["status"], "lost");

    // The old system's record ids are request ids: the same export again changes nothing.
    let r = script(&env, "import-crm-csv.sh", &[&sample, "--format", "json"], &[]);
    assert_eq!(r.code(0).json()["duplicates"], 5);
    assert_eq!(env.count(), 5);

    // From stdin, with rejected rows: ingest's exit code 4 comes through, the good row goes
    // in, and --rejects holds the bad ones in leadctl's columns.
    let bad = "Record ID,Contact Name,E-mail,Lead Status,Created On\n\
               2001,\"Doe, Jo\",jo@example.com,Open,12/31/2024 23:00\n\
               2002,Bad Stage,stage@example.com,Pending,\n\
               2003,Bad Mail,not-an-email,Open,\n";
    let input = env.write("other.csv", bad);
    let rejects = env.p("rejected.csv");
    let mut c = script_cmd(&env, "import-crm-csv.sh", &["-", "--rejects", &rejects], &[]);
    c.stdin(std::fs::File::open(input).unwrap());
    run(c).code(4);
    assert_eq!(env.count(), 6);
    assert_eq!(env.show("jo@example.com")["created_at"], "2024-12-31T23:00:00.000Z");
    let rejected = parse_csv(&std::fs::read_to_string(&rejects).unwrap());
    let emails: Vec<&str> = rejected.rows.iter().map(|r| r["email"].as_str()).collect();
    assert_eq!(emails, ["stage@example.com", "not-an-email"]);
    assert!(rejected.header.contains(&"request_id".to_string()), "{:?}", rejected.header);
}

#[test]
fn backup_script_writes_restorable_backups_and_rotates_them() {
    if !have(&["bash", "gzip"], "the backup script") {
        return;
    }
    let env = TestEnv::new();
    env.ok(&["ingest", "--file", &example("leads.ndjson")]);
    let id = env.leads()[0]["id"].as_str().unwrap().to_string();
    env.ok(&["note", &id, "A note: only the database copy keeps it"]);
    let exported = parse_ndjson(&env.ok(&["export", "--format", "ndjson"]).stdout);

    // A folder name with a space, old backups of both kinds, and a file that is not a backup.
    let dir = env.path("back ups");
    std::fs::create_dir(&dir).unwrap();
    for day in ["20200101", "20200102", "20200103"] {
        for kind in ["leads-{}T000000Z.ndjson.gz", "leadctl-{}T000000Z.db.gz"] {
            std::fs::write(dir.join(kind.replace("{}", day)), "old").unwrap();
        }
    }
    std::fs::write(dir.join("notes.txt"), "not a backup").unwrap();
    let dir_s = dir.to_str().unwrap();
    let r = script(&env, "nightly-backup.sh", &[], &[("BACKUP_DIR", dir_s), ("KEEP", "2")]);
    r.code(0);

    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    let new_of = |prefix: &str| -> Vec<String> {
        names.iter().filter(|n| n.starts_with(prefix) && !n.contains("2020")).cloned().collect()
    };
    let logical = new_of("leads-");
    assert_eq!(logical.len(), 1, "{names:?}");
    assert!(names.contains(&"notes.txt".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.ends_with(".tmp")), "{names:?}");
    // Rotation kept the newest two of each kind.
    assert!(names.contains(&"leads-20200103T000000Z.ndjson.gz".to_string()), "{names:?}");
    assert!(!names.iter().any(|n| n.starts_with("leads-2020010") && !n.contains("0103")));
    assert_eq!(names.iter().filter(|n| n.starts_with("leadctl-")).count(), 2, "{names:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.join(&logical[0])).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "backups hold personal data");
    }

    // The logical backup: one JSON line per lead, every column, and ingest restores it.
    let gunzip = |name: &str| -> Vec<u8> {
        let o = Command::new("gzip").arg("-dc").arg(dir.join(name)).output().unwrap();
        assert!(o.status.success(), "gzip -dc {name}");
        o.stdout
    };
    let text = String::from_utf8(gunzip(&logical[0])).unwrap();
    let lines = parse_ndjson(&text);
    assert_eq!(lines.len(), exported.len());
    assert_eq!(text.lines().count(), exported.len());
    for (line, lead) in lines.iter().zip(&exported) {
        assert_eq!(line["id"], lead["id"]);
        assert_eq!(line["email"], lead["email"]);
        assert!(line.get("consent_email_at").is_some() && line.get("message").is_some());
    }
    let restored = TestEnv::new();
    restored.ingest_ok("backup.ndjson", &text);
    let ids = |e: &TestEnv| -> BTreeSet<String> {
        e.leads().iter().map(|l| l["id"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(ids(&restored), ids(&env));

    // The database copy: the whole file, notes included.
    let copies = new_of("leadctl-");
    assert_eq!(copies.len(), 1, "{names:?}");
    let copy = TestEnv::with_db(&gunzip(&copies[0]));
    assert_eq!(ids(&copy), ids(&env));
    assert_eq!(copy.show(&id)["notes"].as_array().map(Vec::len), Some(1));
    copy.ok(&["db", "check"]);

    // A database that is not there is an error, and is not created by the backup.
    let missing = env.p("missing.db");
    let vars = [("BACKUP_DIR", dir_s), ("LEADCTL_DB", missing.as_str())];
    script(&env, "nightly-backup.sh", &[], &vars).code(2);
    assert!(!Path::new(&missing).exists());
}
