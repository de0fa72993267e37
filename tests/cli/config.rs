//! `leadctl config`: secrets redacted everywhere, the source of every value with the precedence
//! default < file < env < flag, `config init`, unknown keys, and no database created.

use serde_json::Value;

use crate::common::{TestEnv, parse_csv, parse_ndjson};

const SMTP_SECRET: &str = "hunter2-smtp-secret";
const TOKEN_SECRET: &str = "tok-forward-secret-123";

/// `config show --format json` with extra env vars; returns key -> (value, source).
fn show(
    env: &TestEnv,
    args: &[&str],
    vars: &[(&str, &str)],
) -> (Value, std::collections::HashMap<String, (Value, String)>) {
    let mut all = vec!["config", "show", "--format", "json"];
    all.extend_from_slice(args);
    let r = env.run_env(&all, vars);
    r.code(0);
    let doc = r.json();
    let map = doc["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .map(|e| {
            (
                e["key"].as_str().unwrap().to_string(),
                (e["value"].clone(), e["source"].as_str().unwrap().to_string()),
            )
        })
        .collect();
    (doc, map)
}

#[test]
fn secrets_are_redacted_in_every_format() {
    let env = TestEnv::new();
    let vars = [
        ("SMTP_PASSWORD", SMTP_SECRET),
        ("LEADCTL_FORWARD_TOKEN", TOKEN_SECRET),
        ("SMTP_USER", "mailer"),
    ];
    for format in ["table", "json", "ndjson", "csv"] {
        let r = env.run_env(&["config", "show", "--format", format, "-vvv"], &vars);
        r.code(0);
        for secret in [SMTP_SECRET, TOKEN_SECRET] {
            assert!(!r.stdout.contains(secret), "{format}: secret on stdout:\n{}", r.stdout);
            assert!(!r.stderr.contains(secret), "{format}: secret on stderr:\n{}", r.stderr);
        }
        assert!(r.stdout.contains("<redacted>"), "{format}: {}", r.stdout);
        assert!(r.stdout.contains("mailer"), "{format}: non-secrets are shown");
    }
    let (_, keys) = show(&env, &[], &vars);
    assert_eq!(keys["smtp.password"].0, "<redacted>");
    assert_eq!(keys["smtp.password"].1, "env SMTP_PASSWORD");
    assert_eq!(keys["forward.token"].0, "<redacted>");
    assert_eq!(keys["forward.token"].1, "env LEADCTL_FORWARD_TOKEN");
    assert_eq!(keys["smtp.user"].0, "mailer");
    // ndjson and csv carry the same entries
    let r = env.run_env(&["config", "show", "--format", "ndjson"], &vars);
    let lines = parse_ndjson(&r.stdout);
    let pw = lines.iter().find(|l| l["key"] == "smtp.password").unwrap();
    assert_eq!(pw["value"], "<redacted>");
    let r = env.run_env(&["config", "show", "--format", "csv"], &vars);
    let doc = parse_csv(&r.stdout);
    assert_eq!(doc.header, ["key", "value", "source", "env"]);
    let tok = doc.rows.iter().find(|r| r["key"] == "forward.token").unwrap();
    assert_eq!(tok["value"], "<redacted>");
}

#[test]
fn secrets_from_the_config_file_are_redacted_and_never_logged() {
    let env = TestEnv::new();
    let cfg = env.write(
        "c.toml",
        &format!("[smtp]\npassword = \"{SMTP_SECRET}\"\nhost = \"smtp.example.com\"\n\n[forward]\ntoken = \"{TOKEN_SECRET}\"\n"),
    );
    let cfg = cfg.to_str().unwrap();
    let (doc, keys) = show(&env, &["--config", cfg], &[]);
    assert!(!doc.to_string().contains(SMTP_SECRET));
    assert!(!doc.to_string().contains(TOKEN_SECRET));
    assert_eq!(keys["smtp.password"].0, "<redacted>");
    assert_eq!(keys["smtp.password"].1, format!("file {cfg}"));
    assert_eq!(keys["smtp.host"].0, "smtp.example.com");
    assert_eq!(doc["config_file"], cfg);
    // other commands with full logging do not print them either
    let r = env.run(&["--config", cfg, "-vvv", "ingest", "--email", "a@example.com"]);
    r.code(0);
    let r2 = env.run(&["--config", cfg, "-vvv", "list", "--format", "json"]);
    r2.code(0);
    for text in [&r.stdout, &r.stderr, &r2.stdout, &r2.stderr] {
        assert!(
            !text.contains(SMTP_SECRET) && !text.contains(TOKEN_SECRET),
            "secret leaked:\n{text}"
        );
    }
    // a broken file does not echo the secret in its error
    let bad = env.write("bad.toml", &format!("[smtp]\npassword = \"{SMTP_SECRET}\n"));
    let r = env.run(&["--config", bad.to_str().unwrap(), "config", "show"]);
    r.error(2);
    assert!(!r.stderr.contains(SMTP_SECRET), "{}", r.stderr);
    let bad = env.write("bad2.toml", &format!("[smtp]\npassword = [\"{SMTP_SECRET}\"]\n"));
    let r = env.run(&["--config", bad.to_str().unwrap(), "config", "show"]);
    r.error(2);
    assert!(!r.stderr.contains(SMTP_SECRET), "{}", r.stderr);
}

#[test]
fn sources_follow_default_file_env_flag_precedence() {
    let env = TestEnv::new();
    let cfg = env.write(
        "c.toml",
        "org = \"fromfile\"\nactor = \"file-actor\"\ncolor = \"never\"\nbusy_timeout_ms = 1234\n",
    );
    let cfg = cfg.to_str().unwrap().to_string();
    // LEADCTL_ACTOR and LEADCTL_DB are set by the harness; use other keys for the layers.
    let (_, d) = show(&env, &[], &[]);
    assert_eq!(d["org"], (Value::from("default"), "default".to_string()));
    assert_eq!(d["color"], (Value::from("auto"), "default".to_string()));
    assert_eq!(d["busy_timeout_ms"], (Value::from("5000"), "default".to_string()));
    assert_eq!(d["synchronous"], (Value::from("full"), "default".to_string()));
    assert_eq!(d["default_region"], (Value::from("US"), "default".to_string()));
    assert_eq!(d["log_format"], (Value::from("text"), "default".to_string()));
    assert_eq!(d["smtp.password"].0, Value::Null, "unset secrets have no value");

    let (_, f) = show(&env, &["--config", &cfg], &[]);
    assert_eq!(f["org"], (Value::from("fromfile"), format!("file {cfg}")));
    assert_eq!(f["busy_timeout_ms"], (Value::from("1234"), format!("file {cfg}")));
    assert_eq!(f["color"].0, "never");
    assert_eq!(f["synchronous"].1, "default");

    let vars = [("LEADCTL_ORG", "fromenv"), ("LEADCTL_COLOR", "always")];
    let (_, e) = show(&env, &["--config", &cfg], &vars);
    assert_eq!(e["org"], (Value::from("fromenv"), "env LEADCTL_ORG".to_string()));
    assert_eq!(e["color"], (Value::from("always"), "env LEADCTL_COLOR".to_string()));
    assert_eq!(e["busy_timeout_ms"].1, format!("file {cfg}"));
    assert_eq!(e["actor"], (Value::from("tester"), "env LEADCTL_ACTOR".to_string()));

    let db = env.p("flag.db");
    let (doc, fl) = show(
        &env,
        &[
            "--config",
            &cfg,
            "--org",
            "fromflag",
            "--color",
            "never",
            "--actor",
            "flag-actor",
            "--db",
            &db,
        ],
        &vars,
    );
    assert_eq!(fl["org"], (Value::from("fromflag"), "flag --org".to_string()));
    assert_eq!(fl["color"], (Value::from("never"), "flag --color".to_string()));
    assert_eq!(fl["actor"], (Value::from("flag-actor"), "flag --actor".to_string()));
    assert_eq!(fl["db"], (Value::from(db.clone()), "flag --db".to_string()));
    assert_eq!(doc["database"], db.as_str());
    assert!(!std::path::Path::new(&db).exists(), "config show created the database");

    // LEADCTL_CONFIG names the file as well
    let (doc, c) = show(&env, &[], &[("LEADCTL_CONFIG", &cfg)]);
    assert_eq!(c["org"].0, "fromfile");
    assert_eq!(doc["config_file"], cfg.as_str());
}

#[test]
fn configuration_changes_behaviour_with_the_same_precedence() {
    let env = TestEnv::new();
    let cfg = env.write("c.toml", "org = \"fileorg\"\nactor = \"file-actor\"\n");
    let cfg = cfg.to_str().unwrap().to_string();
    env.ok(&["--config", &cfg, "ingest", "--email", "a@example.com"]);
    env.run_env(
        &["--config", &cfg, "ingest", "--email", "b@example.com"],
        &[("LEADCTL_ORG", "envorg")],
    )
    .code(0);
    env.run_env(
        &["--config", &cfg, "--org", "flagorg", "ingest", "--email", "c@example.com"],
        &[("LEADCTL_ORG", "envorg")],
    )
    .code(0);
    for (org, email) in
        [("fileorg", "a@example.com"), ("envorg", "b@example.com"), ("flagorg", "c@example.com")]
    {
        let doc = env.ok(&["--org", org, "list", "--format", "json"]).json();
        assert_eq!(doc["total"], 1, "{org}");
        assert_eq!(doc["items"][0]["email"], email);
    }
    // the actor recorded in the audit log follows the same order
    env.ok(&["--actor", "flag-actor", "ingest", "--email", "d@example.com"]);
    let actors: Vec<String> = {
        let conn = env.sql();
        let mut st = conn.prepare("SELECT actor FROM audit_log ORDER BY id").unwrap();
        st.query_map([], |r| r.get(0)).unwrap().map(|r| r.unwrap()).collect()
    };
    assert_eq!(
        actors,
        ["tester", "tester", "tester", "flag-actor"],
        "LEADCTL_ACTOR beats the file"
    );
}

#[test]
fn config_init_writes_a_private_file_and_never_overwrites_it() {
    let env = TestEnv::new();
    let path = env.path("cfg/leadctl.toml");
    let p = path.to_str().unwrap();
    let r = env.ok(&["config", "init", "--path", p]);
    assert!(r.stderr.contains(p), "{}", r.stderr);
    let text = std::fs::read_to_string(&path).expect("written");
    for key in
        ["db", "org", "default_region", "busy_timeout_ms", "synchronous", "password", "token"]
    {
        assert!(text.contains(key), "the example lacks {key}:\n{text}");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600, "config init must write 0600");
    }
    let r = env.run(&["config", "init", "--path", p]);
    r.error(2);
    assert!(r.stderr.contains("already exists"), "{}", r.stderr);
    std::fs::write(&path, "org = \"mine\"\n").unwrap();
    env.run(&["config", "init", "--path", p]).code(2);
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "org = \"mine\"\n", "not overwritten");
    env.ok(&["config", "init", "--path", p, "--force"]);
    assert_ne!(std::fs::read_to_string(&path).unwrap(), "org = \"mine\"\n");
    assert!(!env.db().exists(), "config init created the database");
}

/// README: "`leadctl config init` writes an example with every key" and the file must then be
/// usable.
#[test]
fn config_init_writes_a_file_that_config_show_accepts() {
    let env = TestEnv::new();
    let path = env.path("init.toml");
    let p = path.to_str().unwrap();
    env.ok(&["config", "init", "--path", p]);
    let (doc, keys) = show(&env, &["--config", p], &[]);
    assert_eq!(doc["config_file"], p);
    assert_eq!(keys["org"].1, "default", "every key in the example is commented out");
    // and at the default location, where every command reads it
    env.ok(&["config", "init"]);
    assert!(env.path(".config/leadctl/config.toml").exists());
    env.ok(&["config", "show"]);
    env.ok(&["ingest", "--email", "a@example.com"]);
    // with every example line uncommented it is still valid
    let text = std::fs::read_to_string(&path).unwrap();
    let uncommented: String = text
        .lines()
        .map(|l| if l.starts_with("# ") && l.contains(" = ") { &l[2..] } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    let full = env.write("full.toml", &uncommented);
    let (_, keys) = show(&env, &["--config", full.to_str().unwrap()], &[]);
    assert_eq!(keys["from_email"].0, "hello@example.com");
    assert_eq!(keys["smtp.host"].0, "smtp.example.com");
}

#[test]
fn unknown_or_malformed_config_is_a_usage_error() {
    let env = TestEnv::new();
    let cases = [
        ("typo.toml", "orgg = \"acme\"\n", "orgg"),
        ("section.toml", "[smtp]\npasword = \"x\"\n", "smtp.pasword"),
        ("nested.toml", "[nope]\nkey = 1\n", "nope.key"),
        ("flat.toml", "smtp_password = \"x\"\n", "smtp_password"),
    ];
    for (name, text, key) in cases {
        let f = env.write(name, text);
        for cmd in [&["config", "show"][..], &["list"][..]] {
            let mut args = vec!["--config", f.to_str().unwrap()];
            args.extend_from_slice(cmd);
            let r = env.run(&args);
            r.error(2);
            assert!(r.stderr.contains(key), "{name}: {}", r.stderr);
        }
    }
    let f = env.write("syntax.toml", "org = \n");
    env.run(&["--config", f.to_str().unwrap(), "config", "show"]).error(2);
    let f = env.write("type.toml", "org = [1, 2]\n");
    env.run(&["--config", f.to_str().unwrap(), "config", "show"]).error(2);
    let f = env.write("num.toml", "busy_timeout_ms = \"soon\"\n");
    let r = env.run(&["--config", f.to_str().unwrap(), "list"]);
    r.error(2);
    assert!(r.stderr.contains("busy_timeout_ms"), "{}", r.stderr);
    // an explicit file that is missing is an error; the default one is optional
    env.run(&["--config", &env.p("missing.toml"), "config", "show"]).error(2);
    env.run_env(&["config", "show"], &[("LEADCTL_CONFIG", &env.p("missing.toml"))]).error(2);
    env.ok(&["config", "show"]);
    assert!(!env.db().exists());
}

#[test]
fn help_config_show_and_config_init_never_create_the_database() {
    let env = TestEnv::new();
    let default_db = env.path(".local/share/leadctl/leadctl.db");
    let init_path = env.p("init.toml");
    let runs: [&[&str]; 6] = [
        &["--help"],
        &["config", "--help"],
        &["config", "show"],
        &["config", "show", "--format", "json"],
        &["config", "init", "--path", &init_path],
        // last: the default location (every later command reads this file)
        &["config", "init"],
    ];
    for args in runs {
        for from_env in [true, false] {
            let mut c = env.cmd(args);
            if !from_env {
                c.env_remove("LEADCTL_DB");
            }
            c.current_dir(env.home());
            let out = c.output().expect("run");
            let stderr = String::from_utf8_lossy(&out.stderr);
            crate::common::assert_no_panic(&stderr);
            let again = args.starts_with(&["config", "init"]) && !from_env;
            if !again {
                assert_eq!(out.status.code(), Some(0), "{args:?}: {stderr}");
            }
            assert!(!env.db().exists(), "{args:?} created the database");
            assert!(!default_db.exists(), "{args:?} created the default database");
            assert!(!env.path(".local").exists(), "{args:?} created the data folder");
        }
    }
    assert!(env.path(".config/leadctl/config.toml").exists());
}

#[test]
fn config_show_names_the_default_database_and_config_file() {
    let env = TestEnv::new();
    let mut c = env.cmd(&["config", "show", "--format", "json"]);
    c.env_remove("LEADCTL_DB");
    let out = c.output().expect("run");
    assert_eq!(out.status.code(), Some(0));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(doc["database"], env.p(".local/share/leadctl/leadctl.db").as_str());
    assert_eq!(doc["config_file"], Value::Null, "no config file present");
    let keys: Vec<&str> =
        doc["keys"].as_array().unwrap().iter().map(|k| k["key"].as_str().unwrap()).collect();
    for key in [
        "db",
        "org",
        "color",
        "log_format",
        "actor",
        "default_region",
        "busy_timeout_ms",
        "synchronous",
        "forward.url",
        "forward.token",
        "smtp.host",
        "smtp.port",
        "smtp.user",
        "smtp.password",
        "smtp.tls",
        "from_email",
        "admin_email",
    ] {
        assert!(keys.contains(&key), "config show lacks {key}");
    }
    let r = env.ok(&["config", "show"]);
    assert!(r.stdout.contains("not present"), "{}", r.stdout);
}
