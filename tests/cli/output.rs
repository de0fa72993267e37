//! Output contracts: JSON shapes, CSV formula neutralisation and the export round trip, a
//! closed pipe, exit codes and error lines, --help and --version.

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use serde_json::{Value, json};

use crate::common::{LEAD_KEYS, TestEnv, assert_no_panic, keys, ndjson_lines, parse_csv, sorted};

#[test]
fn list_json_is_exactly_items_total_limit_offset() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "a@example.com", "--tag", "x"]);
    let doc = env.ok(&["list", "--format", "json"]).json();
    assert_eq!(keys(&doc), sorted(&["items", "total", "limit", "offset"]));
    assert!(doc["total"].is_u64());
    assert!(doc["limit"].is_u64());
    assert!(doc["offset"].is_u64());
    let item = &doc["items"][0];
    assert_eq!(keys(item), sorted(&LEAD_KEYS));
    assert_eq!(item["tags"], json!(["x"]));
    // an empty list has the same shape
    let doc = env.ok(&["list", "--format", "json", "--tag", "nosuch"]).json();
    assert_eq!(keys(&doc), sorted(&["items", "total", "limit", "offset"]));
    assert_eq!(doc["items"], json!([]));
    assert_eq!(doc["total"], 0);
}

#[test]
fn ingest_json_summary_of_a_file_has_the_documented_keys() {
    let env = TestEnv::new();
    let r = env.ingest_file(
        "a.ndjson",
        "{\"email\":\"a@example.com\",\"request_id\":\"r\"}\n{\"email\":\"A@example.com\"}\n{\"email\":\"b@example.com\",\"request_id\":\"r\"}\n{\"email\":\"x\"}\n{\"email\":\"c@example.com\",\"phone\":\"zz\"}\n",
        &[],
    );
    r.code(4);
    let s = r.json();
    assert_eq!(keys(&s), sorted(&crate::common::SUMMARY_KEYS), "no id/outcome for a file");
    assert_eq!(s["total"], 5);
    assert_eq!(s["created"], 2);
    assert_eq!(s["merged"], 1);
    assert_eq!(s["duplicates"], 1);
    assert_eq!(s["rejected"], 1);
    assert_eq!(s["warnings"], 1);
    assert_eq!(s["dry_run"], false);
    assert_eq!(s["committed"], true);
    let rej = &s["rejections"][0];
    assert_eq!(keys(rej), sorted(&["record", "line", "errors"]));
    assert_eq!(keys(&rej["errors"][0]), sorted(&["field", "reason"]));
    assert_eq!(s["rejections_truncated"], false);
    // the human summary line still goes to stderr
    assert!(
        r.stderr.contains("Ingested 5 leads: 2 created, 1 merged, 1 duplicates, 1 rejected."),
        "{}",
        r.stderr
    );
}

#[test]
fn csv_cells_that_look_like_formulas_are_neutralised_but_phones_and_numbers_are_not() {
    let env = TestEnv::new();
    let leads = [
        json!({"email": "f1@example.com", "first_name": "=HYPERLINK(\"http://evil\",\"x\")",
            "last_name": "+SUM(A1:A2)", "phone": "+1 555 123 4567", "source": "@import",
            "utm_campaign": "-launch", "utm_source": "-12.5", "utm_medium": "+100", "tags": ["-neg", "pos"]}),
        json!({"email": "-dash@example.com", "first_name": "Plain", "phone": "=1+1"}),
    ];
    let text: String = leads.iter().map(|l| format!("{l}\n")).collect();
    let r = env.ingest_file("f.ndjson", &text, &[]);
    r.code(0);
    let out = env.ok(&["list", "--format", "csv"]).stdout;
    let doc = parse_csv(&out);
    let f1 = doc.rows.iter().find(|r| r["email"] == "f1@example.com").unwrap();
    assert_eq!(f1["first_name"], "'=HYPERLINK(\"http://evil\",\"x\")");
    assert_eq!(f1["last_name"], "'+SUM(A1:A2)");
    assert_eq!(f1["source"], "'@import");
    assert_eq!(f1["utm_campaign"], "'-launch");
    assert_eq!(f1["tags"], "'-neg;pos");
    assert_eq!(f1["phone"], "+15551234567", "E.164 phones are left as they are");
    assert_eq!(f1["utm_source"], "-12.5", "numbers are left as they are");
    assert_eq!(f1["utm_medium"], "+100");
    let dash = doc.rows.iter().find(|r| r["first_name"] == "Plain").unwrap();
    assert_eq!(dash["email"], "'-dash@example.com");
    assert_eq!(dash["phone"], "'=1+1", "a raw phone is neutralised");
    // no cell of the whole output starts with a formula character, except numbers
    for row in &doc.rows {
        for (col, cell) in row {
            if cell.starts_with(['=', '+', '-', '@']) {
                assert!(
                    cell[1..].chars().all(|c| c.is_ascii_digit() || c == '.'),
                    "{col} = {cell:?} is not neutralised"
                );
            }
        }
    }
}

#[test]
fn list_csv_round_trips_into_a_new_database() {
    let src = TestEnv::new();
    let leads = [
        json!({"email": "f1@example.com", "first_name": "=HYPERLINK(\"http://x\")",
            "last_name": "+SUM(1)", "phone": "+1 555 123 4567", "source": "@cmd",
            "utm_campaign": "-2026", "utm_source": "g", "utm_medium": "-12.5", "tags": ["-neg", "vip"],
            "status": "invited", "created_at": "2026-01-01T00:00:00Z",
            "last_contacted_at": "2026-02-01T10:00:00Z"}),
        json!({"email": "-dash@example.com", "first_name": "Zoë", "last_name": "O'Brien, Jr",
            "phone": "=1+1", "created_at": "2026-01-02T00:00:00Z", "tags": "a;b:c"}),
        json!({"phone": "+44 20 7946 0958", "first_name": "Phone", "last_name": "Only",
            "status": "lost", "created_at": "2026-01-03T00:00:00Z", "message": "not exported"}),
        json!({"email": "multi@example.com", "first_name": "Line", "utm_campaign": "a,b \"c\"",
            "created_at": "2026-01-04T00:00:00Z"}),
    ];
    let text: String = leads.iter().map(|l| format!("{l}\n")).collect();
    src.ingest_file("src.ndjson", &text, &[]).code(0);
    let csv = src.ok(&["list", "--format", "csv"]).stdout;

    let dst = TestEnv::new();
    let r = dst.ingest_file("export.csv", &csv, &[]);
    r.code(0);
    assert_eq!(r.json()["created"], 4);
    assert!(
        !r.stderr.contains("unknown CSV columns"),
        "export columns are all known: {}",
        r.stderr
    );

    let by_id = |env: &TestEnv| -> std::collections::BTreeMap<String, Value> {
        env.leads().into_iter().map(|l| (l["id"].as_str().unwrap().to_string(), l)).collect()
    };
    let a = by_id(&src);
    let b = by_id(&dst);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>(), "ids survive");
    for (id, x) in &a {
        let y = &b[id];
        for col in [
            "created_at",
            "status",
            "first_name",
            "last_name",
            "email",
            "phone",
            "phone_raw",
            "tags",
            "source",
            "utm_source",
            "utm_medium",
            "utm_campaign",
            "last_contacted_at",
        ] {
            assert_eq!(x[col], y[col], "{col} of {id} changed in the round trip");
        }
    }
    let f1 = dst.show("f1@example.com");
    assert_eq!(f1["first_name"], "=HYPERLINK(\"http://x\")");
    assert_eq!(f1["tags"], json!(["-neg", "vip"]));
    let dash = dst.ok(&["show", "--format", "json", "--", "-dash@example.com"]).json();
    assert_eq!(dash["phone_raw"], "=1+1");
    // and the second export is identical to the first
    let again = dst.ok(&["list", "--format", "csv"]).stdout;
    assert_eq!(parse_csv(&again).rows, parse_csv(&csv).rows);
}

/// README: "`ingest` reads these cells back to the original values". A value that itself starts
/// with an apostrophe before a formula character is exported unchanged and read back without it.
#[test]
fn values_starting_with_an_apostrophe_survive_the_round_trip() {
    let src = TestEnv::new();
    src.ingest_file(
        "a.ndjson",
        "{\"email\":\"ap@example.com\",\"last_name\":\"'=x\",\"utm_campaign\":\"'-launch\"}\n",
        &[],
    )
    .code(0);
    let csv = src.ok(&["list", "--format", "csv"]).stdout;
    let dst = TestEnv::new();
    dst.ingest_file("e.csv", &csv, &[]).code(0);
    let lead = dst.show("ap@example.com");
    assert_eq!(lead["last_name"], "'=x");
    assert_eq!(lead["utm_campaign"], "'-launch");
}

/// Starts `leadctl ARGS` with stdout piped, reads one line, closes the pipe, waits.
fn read_one_line_and_close(env: &TestEnv, args: &[&str]) -> (String, i32, String) {
    let mut c = env.cmd(args);
    c.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn");
    let stdout = child.stdout.take().expect("stdout");
    let mut reader = BufReader::new(stdout);
    let mut first = String::new();
    reader.read_line(&mut first).expect("read a line");
    drop(reader);
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_no_panic(&stderr);
    (first, out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn a_closed_pipe_ends_quietly_with_success() {
    let env = TestEnv::new();
    let text = ndjson_lines(2000, |i| {
        json!({"email": format!("user{i}@example.com"), "first_name": format!("User{i}"),
            "last_name": "Pipe", "tags": ["a", "b"], "source": "generated",
            "utm_campaign": "a-fairly-long-campaign-name-to-fill-the-pipe"})
    });
    let s = env.ingest_ok("big.ndjson", &text);
    assert_eq!(s["created"], 2000);
    let limit = ["--limit", "100000"];
    for format in ["csv", "ndjson", "json"] {
        let mut args = vec!["list", "--format", format];
        args.extend_from_slice(&limit);
        let (first, code, stderr) = read_one_line_and_close(&env, &args);
        assert!(!first.is_empty(), "{format}: no first line");
        if format == "csv" {
            assert!(first.starts_with("id,created_at,status,"), "{first}");
        }
        assert_eq!(code, 0, "{format}: exit code after a closed pipe; stderr: {stderr}");
        assert_eq!(stderr, "", "{format}: stderr after a closed pipe");
    }
    // the table, with its footer using thousands separators
    let r = env.ok(&["list", "--limit", "5"]);
    assert_eq!(r.stdout.lines().last(), Some("1-5 of 2,000"));
}

#[test]
fn usage_errors_exit_2_with_an_error_line() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "a@example.com"]);
    let cases: &[&[&str]] = &[
        &["bogus-command"],
        &["list", "--no-such-flag"],
        &["list", "--format", "xml"],
        &["list", "--sort", "nope"],
        &["list", "--since", "whenever"],
        &["list", "--status", "hot"],
        &["list", "--limit", "-5"],
        &["list", "--color", "sometimes"],
        &["show", "abc"],
        &["ingest"],
        &["ingest", "--batch-size", "0", "--email", "x@example.com"],
        &["ingest", "--input-format", "xml", "--file", "-"],
        &["ingest", "--default-region", "ZZ", "--email", "x@example.com"],
        &["--org", "UPPER", "ingest", "--email", "x@example.com"],
        &["--config", "/nonexistent/leadctl.toml", "list"],
        &["config", "frobnicate"],
    ];
    for args in cases {
        let r = env.run(args);
        assert_eq!(r.code, 2, "{args:?}: stderr {}", r.stderr);
        assert!(r.stderr.starts_with("error:"), "{args:?}: {}", r.stderr);
        assert_eq!(r.stdout, "", "{args:?}: data on stdout");
    }
    // configuration values from the environment are checked too
    let r = env.run_env(&["list"], &[("LEADCTL_BUSY_TIMEOUT_MS", "soon")]);
    r.error(2);
    let r = env.run_env(&["list"], &[("LEADCTL_SYNCHRONOUS", "sometimes")]);
    r.error(2);
    let r = env.run_env(&["list"], &[("LEADCTL_COLOR", "purple")]);
    r.error(2);
    let r = env.run_env(&["list"], &[("LEADCTL_LOG_FORMAT", "xml")]);
    r.error(2);
}

#[test]
fn not_found_rejected_and_database_errors_have_their_codes() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "a@example.com"]);
    env.run(&["show", "nobody@example.com"]).error(3);
    env.run(&["ingest", "--file", &env.p("missing.csv")]).error(3);
    env.run(&["--org", "ghost", "list"]).error(3);
    env.run(&["ingest", "--email", "not-an-email"]).error(4);
    // a file that is not SQLite, left untouched
    let junk = env.write("junk.db", &"this is not a database, just some text\n".repeat(100));
    let before = std::fs::read(&junk).unwrap();
    for args in [&["list"][..], &["ingest", "--email", "b@example.com"][..], &["show", "abcd"][..]]
    {
        let mut all = vec!["--db", junk.to_str().unwrap()];
        all.extend_from_slice(args);
        let r = env.run(&all);
        r.error(5);
        assert!(r.stderr.contains("not a SQLite database"), "{}", r.stderr);
    }
    assert_eq!(std::fs::read(&junk).unwrap(), before, "the file was changed");
    // a SQLite database that is not a leadctl one
    let other = env.path("other.db");
    let conn = rusqlite::Connection::open(&other).unwrap();
    conn.execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
    drop(conn);
    env.run(&["--db", other.to_str().unwrap(), "list"]).error(5);
}

#[test]
fn help_and_version_succeed_on_stdout_and_create_nothing() {
    let env = TestEnv::new();
    for args in [
        &["--help"][..],
        &["-h"][..],
        &["ingest", "--help"][..],
        &["list", "--help"][..],
        &["show", "--help"][..],
        &["config", "--help"][..],
        &["help", "list"][..],
    ] {
        let r = env.run(args);
        r.code(0);
        assert!(r.stdout.contains("Usage"), "{args:?}: {}", r.stdout);
        assert_eq!(r.stderr, "", "{args:?}");
    }
    for cmd in ["ingest", "list", "show", "config"] {
        let r = env.ok(&[cmd, "--help"]);
        assert!(r.stdout.contains("Examples:"), "{cmd} --help has no examples:\n{}", r.stdout);
    }
    let r = env.ok(&["--version"]);
    assert!(r.stdout.starts_with("leadctl "), "{}", r.stdout);
    let r = env.ok(&["list", "--help"]);
    assert!(r.stdout.contains("--search"), "{}", r.stdout);
    assert!(env.ok(&["ingest", "--help"]).stdout.contains("--rejects"));
    assert!(!env.db().exists(), "--help created the database");
    let entries: Vec<_> = std::fs::read_dir(env.home()).unwrap().collect();
    assert!(entries.is_empty(), "--help wrote into HOME: {entries:?}");
}

#[test]
fn no_command_prints_usage_and_exits_2() {
    let env = TestEnv::new();
    let r = env.run(&[]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(r.stderr.starts_with("error:"), "{}", r.stderr);
    assert!(!env.db().exists());
}

/// README: "Errors are one line on stderr, `error: ...`"; a missing subcommand is a usage error.
#[test]
fn a_missing_subcommand_is_an_error_line() {
    let env = TestEnv::new();
    for args in [&[][..], &["config"][..]] {
        let r = env.run(args);
        assert_eq!(r.code, 2);
        assert!(r.stderr.starts_with("error:"), "{args:?}: {}", r.stderr);
    }
}

#[test]
fn colour_is_off_when_not_a_terminal_and_on_with_always() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "a@example.com"]);
    let plain = env.ok(&["list"]);
    assert!(!plain.stdout.contains('\u{1b}'), "escape codes in piped output");
    let err = env.run(&["show", "nobody@example.com"]);
    assert!(!err.stderr.contains('\u{1b}'));
    let coloured = env.ok(&["list", "--color", "always"]);
    assert!(coloured.stdout.contains('\u{1b}'), "--color always shows colour");
    let never = env.run_env(&["list", "--color", "never"], &[("LEADCTL_COLOR", "always")]);
    assert!(!never.stdout.contains('\u{1b}'), "the flag beats the environment");
}

#[test]
fn leadctl_log_overrides_the_verbosity_flags() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "a@example.com"]);
    let quiet = env.ok(&["list"]);
    assert!(!quiet.stderr.contains("DEBUG"), "{}", quiet.stderr);
    let r = env.run_env(&["list"], &[("LEADCTL_LOG", "leadctl=debug")]);
    r.code(0);
    assert!(r.stderr.contains("DEBUG"), "LEADCTL_LOG=leadctl=debug logs debug: {}", r.stderr);
    let r = env.run_env(&["-vvv", "list"], &[("LEADCTL_LOG", "off")]);
    r.code(0);
    assert_eq!(r.stderr, "", "LEADCTL_LOG=off beats -vvv");
    let r = env.ok(&["-vv", "list"]);
    assert!(r.stderr.contains("DEBUG"), "{}", r.stderr);
}

#[test]
fn log_format_json_prints_json_log_lines() {
    let env = TestEnv::new();
    let r = env.run(&["-vv", "--log-format", "json", "list"]);
    r.code(0);
    let logs: Vec<&str> = r.stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert!(!logs.is_empty(), "-vv logs something");
    for l in logs {
        let v: Value = serde_json::from_str(l).unwrap_or_else(|e| panic!("{l:?} is not JSON: {e}"));
        assert!(v.get("level").is_some(), "{l}");
    }
}
