//! `leadctl export`: default and chosen columns, the filters shared with `list`, sorting and
//! limits, the CSV/NDJSON/JSON shapes, a closed pipe, atomic `--output`, formula
//! neutralisation (and `--raw`), and round trips through `ingest`, Python's csv module and the
//! `sqlite3` shell.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

use crate::common::{Run, TestEnv, assert_no_panic, ndjson_lines, parse_csv, strs, template_db};

const NOW: &str = "2026-11-22T12:00:00Z";

const DEFAULT_HEADER: [&str; 13] = [
    "id",
    "created_at",
    "status",
    "first_name",
    "last_name",
    "email",
    "phone",
    "tags",
    "source",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "last_contacted_at",
];

/// The columns `ingest` reads back, for round trips.
const ROUND_TRIP_COLUMNS: &str = "id,created_at,status,first_name,last_name,email,phone,company,\
    service,message,tags,source,utm_source,utm_medium,utm_campaign,last_contacted_at,owner";

/// Emails of the fixture in arrival order ("" for the lead without one).
const ARRIVAL: [&str; 7] = [
    "ann.lee@acme.io",
    "bob@stone.example",
    "carol@example.org",
    "dan@acme.io",
    "",
    "elodie@example.fr",
    "frank@example.com",
];

/// Seven leads arriving out of creation order, with tags, sources, owners, consents and one
/// phone that does not parse (built once, copied per test).
fn fixture() -> TestEnv {
    static DB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TestEnv::with_db(template_db(&DB, build_fixture))
}

fn build_fixture(env: &TestEnv) {
    let leads = [
        json!({"first_name": "Ann", "last_name": "Lee", "email": "ann.lee@acme.io",
            "phone": "+1 555 123 4567", "company": "Acme Inc", "service": "audit",
            "message": "hello", "status": "new", "tags": ["vip", "beta"], "source": "website",
            "utm_source": "google", "utm_medium": "cpc", "utm_campaign": "spring",
            "created_at": "2026-11-20T10:00:00Z", "last_contacted_at": "2026-11-21T00:00:00Z",
            "owner": "ops@example.com", "consent_email": "granted", "consent_sms": "withdrawn"}),
        json!({"first_name": "Bob", "last_name": "Stone", "email": "bob@stone.example",
            "company": "Stone Works", "status": "invited", "tags": ["vip"], "source": "referral",
            "created_at": "2026-11-01T23:30:00Z"}),
        json!({"name": "Carol Ann King", "email": "carol@example.org", "company": "Kingdom Ltd",
            "status": "converted", "tags": "beta", "source": "website",
            "owner": "sam@example.com", "created_at": "2026-10-15T08:00:00Z",
            "last_contacted_at": "2026-11-10T00:00:00Z"}),
        json!({"first_name": "Dan", "last_name": "Annex", "email": "dan@acme.io", "status": "lost",
            "source": "ads", "created_at": "2026-11-22T11:00:00Z", "owner": "ops@example.com"}),
        json!({"first_name": "Eve", "phone": "(555) 987-6543", "status": "waitlist",
            "tags": ["callback"], "source": "phone", "created_at": "2026-09-01T00:00:00Z"}),
        json!({"first_name": "Élodie", "last_name": "Ärger", "email": "elodie@example.fr",
            "company": "Straße GmbH", "created_at": "2026-11-02T00:00:00Z"}),
        json!({"first_name": "Frank", "email": "frank@example.com", "phone": "not a phone",
            "tags": ["zeta", "alpha", "mid"], "created_at": "2026-11-05T00:00:00Z"}),
    ];
    let text: String = leads.iter().map(|l| format!("{l}\n")).collect();
    let s = env.ingest_ok("fixture.ndjson", &text);
    assert_eq!(s["created"], 7);
}

/// `leadctl export ARGS` with the clock pinned.
fn export(env: &TestEnv, args: &[&str]) -> Run {
    let mut all = vec!["export"];
    all.extend_from_slice(args);
    env.run_env(&all, &[("LEADCTL_NOW", NOW)])
}

/// `export ARGS` as NDJSON, which must succeed.
fn export_ndjson(env: &TestEnv, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["--format", "ndjson"];
    all.extend_from_slice(args);
    let r = export(env, &all);
    r.code(0);
    r.ndjson()
}

/// The ids of `export --format ndjson ARGS`, in order.
fn export_ids(env: &TestEnv, args: &[&str]) -> Vec<String> {
    export_ndjson(env, args).iter().map(|l| l["id"].as_str().expect("id").to_string()).collect()
}

/// The ids of `list --format json --limit 100000 ARGS`, in order.
fn list_ids(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["list", "--format", "json", "--limit", "100000"];
    all.extend_from_slice(args);
    let r = env.run_env(&all, &[("LEADCTL_NOW", NOW)]);
    r.code(0);
    r.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|l| l["id"].as_str().expect("id").to_string())
        .collect()
}

fn sorted_vec(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// The names of the files in a folder, sorted.
fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Leads by id, as `export --format ndjson --columns COLUMNS`.
fn by_id(env: &TestEnv, columns: &str) -> BTreeMap<String, Value> {
    export_ndjson(env, &["--columns", columns])
        .into_iter()
        .map(|l| (l["id"].as_str().expect("id").to_string(), l))
        .collect()
}

#[test]
fn default_csv_has_the_documented_header_sorted_tags_and_arrival_order() {
    let env = fixture();
    let r = export(&env, &[]);
    r.code(0);
    assert_eq!(r.stderr, "", "nothing on stderr when exporting to stdout");
    let doc = parse_csv(&r.stdout);
    assert_eq!(doc.header, DEFAULT_HEADER);
    assert_eq!(r.stdout.lines().next(), Some(DEFAULT_HEADER.join(",").as_str()));
    let emails: Vec<&str> = doc.rows.iter().map(|r| r["email"].as_str()).collect();
    assert_eq!(emails, ARRIVAL, "rows come in arrival order by default");
    let ann = &doc.rows[0];
    assert_eq!(ann["first_name"], "Ann");
    assert_eq!(ann["last_name"], "Lee");
    assert_eq!(ann["status"], "new");
    assert_eq!(ann["phone"], "+15551234567");
    assert_eq!(ann["tags"], "beta;vip", "tags sorted, joined with ;");
    assert_eq!(ann["source"], "website");
    assert_eq!(ann["utm_source"], "google");
    assert_eq!(ann["utm_medium"], "cpc");
    assert_eq!(ann["utm_campaign"], "spring");
    assert_eq!(ann["created_at"], "2026-11-20T10:00:00.000Z");
    assert_eq!(ann["last_contacted_at"], "2026-11-21T00:00:00.000Z");
    assert_eq!(doc.rows[6]["tags"], "alpha;mid;zeta");
    assert_eq!(doc.rows[6]["phone"], "not a phone", "an unparsed phone is exported raw");
    assert_eq!(doc.rows[5]["tags"], "");
    assert_eq!(doc.rows[5]["last_name"], "Ärger");
    assert_eq!(doc.rows[4]["phone"], "+15559876543");
    // every row agrees with `list`
    let items = env.leads();
    assert_eq!(items.len(), 7);
    for row in &doc.rows {
        let item = items.iter().find(|i| i["id"] == row["id"].as_str()).expect("same ids");
        for col in ["created_at", "status", "first_name", "last_name", "email", "source"] {
            assert_eq!(row[col], item[col].as_str().unwrap_or(""), "{col}");
        }
        assert_eq!(row["tags"], strs(&item["tags"]).join(";"));
    }
}

#[test]
fn sort_and_limit() {
    let env = fixture();
    let arrival = export_ids(&env, &[]);
    assert_eq!(arrival.len(), 7);
    assert_eq!(export_ids(&env, &["--limit", "3"]), arrival[..3].to_vec());
    assert_eq!(export_ids(&env, &["--limit", "100"]), arrival);
    assert_eq!(export_ids(&env, &["--limit", "0"]), Vec::<String>::new());
    let r = export(&env, &["--limit", "0"]);
    r.code(0);
    assert_eq!(r.stdout.lines().count(), 1, "the header only: {}", r.stdout);
    for key in [
        "created_at",
        "-created_at",
        "email",
        "-email",
        "name",
        "-name",
        "status",
        "-status",
        "last_contacted_at",
        "-last_contacted_at",
    ] {
        let sort = format!("--sort={key}");
        assert_eq!(export_ids(&env, &[&sort]), list_ids(&env, &[&sort]), "{sort}");
    }
    let emails: Vec<String> = export_ndjson(&env, &["--sort", "created_at"])
        .iter()
        .map(|l| l["email"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(
        emails,
        [
            "",
            "carol@example.org",
            "bob@stone.example",
            "elodie@example.fr",
            "frank@example.com",
            "ann.lee@acme.io",
            "dan@acme.io"
        ]
    );
    let newest = export_ids(&env, &["--sort=-created_at", "--limit", "2"]);
    assert_eq!(newest, list_ids(&env, &[])[..2].to_vec(), "list's default order is newest first");
    export(&env, &["--sort", "bogus"]).error(2);
    export(&env, &["--limit", "many"]).error(2);
    export(&env, &["--limit", "-1"]).error(2);
}

#[test]
fn filters_give_the_same_leads_as_list() {
    let env = fixture();
    let cases: &[&[&str]] = &[
        &[],
        &["-q", "acme"],
        &["--search", "ann"],
        &["--search", "ÉLODIE"],
        &["-q", "5551234"],
        &["--status", "new"],
        &["--status", "new", "--status", "invited"],
        &["--tag", "vip"],
        &["--tag", "vip", "--tag", "beta"],
        &["--tag", "nosuchtag"],
        &["--source", "website"],
        &["--owner", "ops@example.com"],
        &["--since", "2026-11-01"],
        &["--until", "2026-11-01"],
        &["--since", "2026-11-01", "--until", "2026-11-20T10:00:00Z"],
        &["--since", "7d"],
        &["--since", "30d", "--until", "1d"],
        &["--source", "website", "--tag", "beta", "--status", "converted"],
        &["--owner", "ops@example.com", "--since", "2026-11-21"],
    ];
    for args in cases {
        // the CSV in arrival order holds the same leads as `list`; sorted alike, the same order
        let csv = export(&env, args);
        csv.code(0);
        let got: Vec<String> = csv.csv().rows.iter().map(|r| r["id"].clone()).collect();
        let mut sorted_args = args.to_vec();
        sorted_args.extend_from_slice(&["--sort", "created_at"]);
        let want = list_ids(&env, &sorted_args);
        assert_eq!(sorted_vec(got), sorted_vec(want.clone()), "{args:?}");
        assert_eq!(export_ids(&env, &sorted_args), want, "{sorted_args:?}");
    }
    // a few known answers, so the comparison is not vacuous
    assert_eq!(export_ids(&env, &["--tag", "vip"]).len(), 2);
    assert_eq!(export_ids(&env, &["-q", "acme"]).len(), 2);
    assert_eq!(export_ids(&env, &["--since", "7d"]).len(), 2);
    assert_eq!(export_ids(&env, &["--owner", "ops@example.com"]).len(), 2);
    export(&env, &["--status", "hot"]).error(2);
    export(&env, &["--since", "whenever"]).error(2);
    export(&env, &["--tag", "no way"]).error(2);
    export(&env, &["--org", "nosuch"]).error(3);
}

#[test]
fn columns_choose_other_fields() {
    let env = fixture();
    let cols = "email,owner,company,service,message,consent_email,consent_email_at,consent_sms,\
        org,updated_at,phone_raw,erased_at";
    let r = export(&env, &["--columns", cols]);
    r.code(0);
    let doc = r.csv();
    assert_eq!(doc.header, cols.split(',').collect::<Vec<_>>());
    assert_eq!(doc.rows.len(), 7);
    let row = |email: &str| doc.rows.iter().find(|r| r["email"] == email).expect(email);
    let ann = row("ann.lee@acme.io");
    assert_eq!(ann["owner"], "ops@example.com");
    assert_eq!(ann["company"], "Acme Inc");
    assert_eq!(ann["service"], "audit");
    assert_eq!(ann["message"], "hello");
    assert_eq!(ann["consent_email"], "granted");
    assert_eq!(ann["consent_sms"], "withdrawn");
    assert!(ann["consent_email_at"].starts_with("20"), "{:?}", ann["consent_email_at"]);
    assert_eq!(ann["org"], "default");
    assert!(ann["updated_at"].ends_with('Z'), "{:?}", ann["updated_at"]);
    assert_eq!(ann["phone_raw"], "");
    assert_eq!(ann["erased_at"], "");
    let bob = row("bob@stone.example");
    assert_eq!(bob["owner"], "");
    assert_eq!(bob["consent_email"], "");
    assert_eq!(bob["consent_email_at"], "");
    assert_eq!(bob["company"], "Stone Works");
    assert_eq!(row("carol@example.org")["owner"], "sam@example.com");
    assert_eq!(row("frank@example.com")["phone_raw"], "not a phone");
    for r in &doc.rows {
        assert_eq!(r["org"], "default");
        assert_eq!(r["erased_at"], "");
    }
    // names are case-insensitive and trimmed; repeated --columns add up; order is kept
    let r = export(&env, &["--columns", " ID,Email ", "--columns", "request_id,consent_sms_at"]);
    r.code(0);
    assert_eq!(r.csv().header, ["id", "email", "request_id", "consent_sms_at"]);
    let r = export(&env, &["--columns", "tags,email", "--limit", "1"]);
    assert_eq!(r.csv().header, ["tags", "email"]);
    assert_eq!(r.csv().rows[0]["tags"], "beta;vip");
    // an erased lead keeps its row with erased_at set and no personal data
    env.ok(&["forget", "elodie@example.fr", "--yes"]);
    let doc = export(&env, &["--columns", "id,email,first_name,company,erased_at,status"]).csv();
    assert_eq!(doc.rows.len(), 7);
    let erased: Vec<_> = doc.rows.iter().filter(|r| !r["erased_at"].is_empty()).collect();
    assert_eq!(erased.len(), 1);
    assert_eq!(erased[0]["email"], "");
    assert_eq!(erased[0]["first_name"], "");
    assert_eq!(erased[0]["company"], "");
    assert!(erased[0]["erased_at"].ends_with('Z'));
}

#[test]
fn unknown_and_duplicate_columns_are_usage_errors() {
    let env = fixture();
    let r = export(&env, &["--columns", "id,nope"]);
    r.error(2);
    assert_eq!(r.stdout, "", "nothing is written before the error");
    assert!(r.stderr.contains("nope"), "{}", r.stderr);
    let hint = r.stderr.lines().find(|l| l.starts_with("hint:")).expect("a hint line");
    for c in ["id", "owner", "company", "consent_email", "consent_sms_at", "org", "erased_at"] {
        assert!(hint.contains(c), "hint lacks {c}: {hint}");
    }
    for args in [["--columns", "email,id,email"], ["--columns", "email,EMAIL"]] {
        let r = export(&env, &args);
        r.error(2);
        assert!(r.stderr.contains("email"), "{}", r.stderr);
        assert_eq!(r.stdout, "");
    }
    let r = env.run(&["export", "--columns", "email", "--columns", "email"]);
    r.error(2);
    // the same errors with --format json
    export(&env, &["--format", "json", "--columns", "nope"]).error(2);
}

#[test]
fn ndjson_and_json_shapes() {
    let env = fixture();
    let lines = export_ndjson(&env, &[]);
    assert_eq!(lines.len(), 7);
    for l in &lines {
        let keys: Vec<&str> = l.as_object().expect("object").keys().map(String::as_str).collect();
        assert_eq!(keys, DEFAULT_HEADER, "the keys are the columns, in order");
        assert!(l["tags"].is_array(), "{l}");
        assert!(l["id"].is_string() && l["created_at"].is_string() && l["status"].is_string());
    }
    let ann = &lines[0];
    assert_eq!(ann["tags"], json!(["beta", "vip"]));
    assert_eq!(ann["phone"], "+15551234567");
    let bob = &lines[1];
    assert_eq!(bob["last_contacted_at"], Value::Null, "empty fields are null");
    assert_eq!(bob["utm_source"], Value::Null);
    assert_eq!(bob["phone"], Value::Null);
    assert_eq!(lines[4]["email"], Value::Null);
    assert_eq!(lines[5]["tags"], json!([]), "no tags is an empty array");
    assert_eq!(lines[6]["tags"], json!(["alpha", "mid", "zeta"]));
    // JSON is one array of the same objects
    let r = export(&env, &["--format", "json"]);
    r.code(0);
    assert_eq!(r.json(), Value::Array(lines.clone()));
    // CSV and NDJSON agree cell by cell
    let csv = export(&env, &[]).csv();
    for (row, obj) in csv.rows.iter().zip(&lines) {
        for c in DEFAULT_HEADER {
            let v = match &obj[c] {
                Value::Null => String::new(),
                Value::Array(_) => strs(&obj[c]).join(";"),
                Value::String(s) => s.clone(),
                other => panic!("{c} is {other}"),
            };
            assert_eq!(row[c], v, "{c}");
        }
    }
    // chosen columns
    let lines = export_ndjson(&env, &["--columns", "email,consent_email,owner,tags"]);
    let keys: Vec<&str> = lines[0].as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(keys, ["email", "consent_email", "owner", "tags"]);
    assert_eq!(
        lines[0],
        json!({"email": "ann.lee@acme.io", "consent_email": "granted",
            "owner": "ops@example.com", "tags": ["beta", "vip"]})
    );
    assert_eq!(
        lines[1],
        json!({"email": "bob@stone.example", "consent_email": null, "owner": null,
            "tags": ["vip"]})
    );
    let r = export(&env, &["--format", "json", "--columns", "email", "--limit", "1"]);
    assert_eq!(r.json(), json!([{"email": "ann.lee@acme.io"}]));
    // empty results
    let r = export(&env, &["--format", "json", "--tag", "nosuchtag"]);
    r.code(0);
    assert_eq!(r.json(), json!([]));
    let r = export(&env, &["--format", "ndjson", "--tag", "nosuchtag"]);
    r.code(0);
    assert_eq!(r.stdout, "");
    let r = export(&env, &["--tag", "nosuchtag"]);
    r.code(0);
    assert_eq!(r.csv().header, DEFAULT_HEADER);
    assert!(r.csv().rows.is_empty());
    // a table is not an export format
    let r = export(&env, &["--format", "table"]);
    r.error(2);
    assert_eq!(r.stdout, "");
    let r = env.run(&["--format", "table", "export", "--output", &env.p("t.csv")]);
    r.error(2);
    assert!(!env.path("t.csv").exists());
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let env = TestEnv::new();
    let text = ndjson_lines(400, |i| {
        json!({"email": format!("user{i}@example.com"), "first_name": format!("User{i}"),
            "last_name": "Pipe", "tags": ["a", "b"], "source": "generated",
            "utm_campaign": "c".repeat(150), "created_at": "2026-01-01T00:00:00Z"})
    });
    assert_eq!(env.ingest_ok("big.ndjson", &text)["created"], 400);
    for format in ["csv", "ndjson", "json"] {
        let mut c = env.cmd(&["export", "--format", format]);
        c.stdout(Stdio::piped()).stderr(Stdio::piped());
        let mut child = c.spawn().expect("spawn");
        let mut reader = BufReader::new(child.stdout.take().expect("stdout"));
        let mut lines = Vec::new();
        for _ in 0..5 {
            let mut l = String::new();
            reader.read_line(&mut l).expect("read a line");
            lines.push(l);
        }
        drop(reader);
        let out = child.wait_with_output().expect("wait");
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_no_panic(&stderr);
        assert!(lines.iter().all(|l| l.ends_with('\n')), "{format}: {lines:?}");
        if format == "csv" {
            assert!(lines[0].starts_with("id,created_at,"), "{}", lines[0]);
        }
        assert_eq!(out.status.code(), Some(0), "{format}: exit status; stderr: {stderr}");
        assert_eq!(stderr, "", "{format}: stderr after a closed pipe");
    }
    // through a shell: `leadctl export | head -5`, with pipefail so leadctl's status counts
    let script = "set -o pipefail; \"$0\" export | head -5";
    let out = env.shell(script).output().expect("run bash");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    assert_eq!(stdout.lines().count(), 5, "{stdout}");
    assert_eq!(stderr, "");
    let doc = parse_csv(&stdout);
    assert_eq!(doc.rows.len(), 4);
    assert_eq!(doc.rows[0]["email"], "user0@example.com");
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777
}

#[test]
fn output_file_is_complete_private_and_announced() {
    let env = fixture();
    std::fs::create_dir(env.path("out")).unwrap();
    let dest = env.p("out/leads.csv");
    let r = export(&env, &["--output", &dest]);
    r.code(0);
    assert_eq!(r.stdout, "", "nothing on stdout with --output");
    assert_eq!(r.stderr.trim_end(), format!("Exported 7 leads to {dest}."));
    assert_eq!(files_in(&env.path("out")), ["leads.csv"], "no temporary file is left");
    let text = std::fs::read_to_string(&dest).unwrap();
    assert!(text.ends_with('\n'));
    let doc = parse_csv(&text);
    assert_eq!(doc.header, DEFAULT_HEADER);
    assert_eq!(doc.rows.len(), 7);
    assert_eq!(text, export(&env, &[]).stdout, "the file holds what stdout would");
    #[cfg(unix)]
    assert_eq!(mode(Path::new(&dest)), 0o600);
    // -o, NDJSON, one lead
    let dest = env.p("out/one.ndjson");
    let r = export(&env, &["-o", &dest, "--format", "ndjson", "--tag", "callback"]);
    r.code(0);
    assert_eq!(r.stderr.trim_end(), format!("Exported 1 lead to {dest}."));
    let lines = crate::common::parse_ndjson(&std::fs::read_to_string(&dest).unwrap());
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["first_name"], "Eve");
    #[cfg(unix)]
    assert_eq!(mode(Path::new(&dest)), 0o600);
    // JSON, zero leads: still a complete document
    let dest = env.p("out/none.json");
    let r = export(&env, &["-o", &dest, "--format", "json", "--tag", "nosuchtag"]);
    r.code(0);
    assert_eq!(r.stderr.trim_end(), format!("Exported 0 leads to {dest}."));
    let doc: Value = serde_json::from_str(&std::fs::read_to_string(&dest).unwrap()).unwrap();
    assert_eq!(doc, json!([]));
    // --quiet silences the status line
    let dest = env.p("out/quiet.csv");
    let r = export(&env, &["-o", &dest, "--quiet"]);
    r.code(0);
    assert_eq!(r.stderr, "");
    assert_eq!(parse_csv(&std::fs::read_to_string(&dest).unwrap()).rows.len(), 7);
    assert_eq!(
        files_in(&env.path("out")),
        ["leads.csv", "none.json", "one.ndjson", "quiet.csv"],
        "no temporary files"
    );
    // a relative path is written relative to the working folder
    let r = to_run_in(&env, &["export", "-o", "rel.csv", "--limit", "2"], &env.path("out"));
    assert_eq!(r.0, 0, "{}", r.1);
    assert_eq!(parse_csv(&std::fs::read_to_string(env.path("out/rel.csv")).unwrap()).rows.len(), 2);
}

/// Runs leadctl in `dir`; returns (exit code, stderr).
fn to_run_in(env: &TestEnv, args: &[&str], dir: &Path) -> (i32, String) {
    let out = env.cmd(args).current_dir(dir).output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_no_panic(&stderr);
    (out.status.code().unwrap_or(-1), stderr)
}

#[test]
fn a_failed_export_leaves_no_file_and_keeps_an_existing_one() {
    let env = fixture();
    std::fs::create_dir(env.path("out")).unwrap();
    // a folder that does not exist
    let r = export(&env, &["--output", &env.p("missing/leads.csv")]);
    r.error(1);
    assert!(r.stderr.contains("missing"), "{}", r.stderr);
    assert!(!env.path("missing").exists());
    // usage errors before anything is written
    let dest = env.p("out/leads.csv");
    for args in [
        vec!["--columns", "nope"],
        vec!["--columns", "id,id"],
        vec!["--sort", "bogus"],
        vec!["--format", "table"],
        vec!["--since", "whenever"],
    ] {
        let mut all = args.clone();
        all.extend_from_slice(&["--output", &dest]);
        export(&env, &all).error(2);
        assert_eq!(files_in(&env.path("out")), Vec::<String>::new(), "{args:?}");
    }
    // --output naming a folder
    let r = export(&env, &["--output", &env.p("out")]);
    r.error(2);
    assert_eq!(files_in(&env.path("out")), Vec::<String>::new());
    // an unknown organisation
    let r = env.run(&["--org", "nosuch", "export", "--output", &dest]);
    r.error(3);
    assert_eq!(files_in(&env.path("out")), Vec::<String>::new());

    // an existing file is replaced only on success
    std::fs::write(&dest, "old contents\n").unwrap();
    export(&env, &["--columns", "nope", "-o", &dest]).error(2);
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old contents\n");
    // a failure in the middle of the rows (a stored value that is not text, in the last lead)
    let conn = env.sql();
    conn.execute("UPDATE leads SET company = X'00FF' WHERE email = 'frank@example.com'", [])
        .unwrap();
    drop(conn);
    let r = export(&env, &["--columns", "email,company", "-o", &dest]);
    r.error(1);
    assert_eq!(std::fs::read_to_string(&dest).unwrap(), "old contents\n");
    assert_eq!(files_in(&env.path("out")), ["leads.csv"], "no temporary file is left");
    let fresh = env.p("out/fresh.ndjson");
    let r = export(&env, &["--columns", "email,company", "--format", "ndjson", "-o", &fresh]);
    r.error(1);
    assert_eq!(files_in(&env.path("out")), ["leads.csv"], "a failed export leaves no file");
    // a successful export replaces the old file
    let r = export(&env, &["--columns", "email,first_name", "-o", &dest]);
    r.code(0);
    let doc = parse_csv(&std::fs::read_to_string(&dest).unwrap());
    assert_eq!(doc.header, ["email", "first_name"]);
    assert_eq!(doc.rows.len(), 7);
    assert_eq!(files_in(&env.path("out")), ["leads.csv"]);
    #[cfg(unix)]
    assert_eq!(mode(Path::new(&dest)), 0o600);
}

/// Leads whose fields look like spreadsheet formulas, a phone in E.164 and numbers in text
/// fields.
fn formula_leads() -> String {
    let leads = [
        json!({"email": "f1@example.com", "first_name": "=HYPERLINK(\"http://evil.example\",\"click\")",
            "last_name": "+cmd|' /C calc'!A0", "company": "-x", "message": "@SUM(A1:A9)",
            "service": "=1+1", "phone": "+15551234567", "utm_campaign": "-42",
            "utm_source": "-12.5", "utm_medium": "+3", "source": "@import",
            "tags": ["-neg", "pos"], "created_at": "2026-01-01T00:00:00Z"}),
        json!({"email": "f2@example.com", "first_name": "'=already", "last_name": "'quoted",
            "company": "''+double", "message": "line one\n=line two", "service": "-",
            "created_at": "2026-01-02T00:00:00Z"}),
        json!({"email": "f3@example.com", "first_name": "Plain", "last_name": "Person",
            "company": "Acme, \"Inc\"", "created_at": "2026-01-03T00:00:00Z"}),
    ];
    leads.iter().map(|l| format!("{l}\n")).collect()
}

#[test]
fn formula_cells_are_neutralised_and_round_trip_through_ingest() {
    let src = TestEnv::new();
    assert_eq!(src.ingest_ok("f.ndjson", &formula_leads())["created"], 3);
    let original = by_id(&src, ROUND_TRIP_COLUMNS);
    assert_eq!(original.len(), 3);
    let safe = src.p("safe.csv");
    let raw = src.p("raw.csv");
    export(&src, &["--columns", ROUND_TRIP_COLUMNS, "-o", &safe]).code(0);
    export(&src, &["--columns", ROUND_TRIP_COLUMNS, "-o", &raw, "--raw"]).code(0);

    let doc = parse_csv(&std::fs::read_to_string(&safe).unwrap());
    let row = |email: &str| doc.rows.iter().find(|r| r["email"] == email).expect(email).clone();
    let f1 = row("f1@example.com");
    assert_eq!(f1["first_name"], "'=HYPERLINK(\"http://evil.example\",\"click\")");
    assert_eq!(f1["last_name"], "'+cmd|' /C calc'!A0");
    assert_eq!(f1["company"], "'-x");
    assert_eq!(f1["message"], "'@SUM(A1:A9)");
    assert_eq!(f1["service"], "'=1+1");
    assert_eq!(f1["source"], "'@import");
    assert_eq!(f1["tags"], "'-neg;pos");
    assert_eq!(f1["phone"], "+15551234567", "an E.164 phone is not neutralised");
    assert_eq!(f1["utm_campaign"], "-42", "a negative number is not neutralised");
    assert_eq!(f1["utm_source"], "-12.5");
    assert_eq!(f1["utm_medium"], "+3");
    let f2 = row("f2@example.com");
    assert_eq!(f2["first_name"], "''=already", "one more apostrophe before a formula");
    assert_eq!(f2["last_name"], "'quoted", "an apostrophe before text stays as it is");
    assert_eq!(f2["company"], "'''+double");
    assert_eq!(f2["message"], "line one\n=line two", "only the start of a cell counts");
    assert_eq!(f2["service"], "'-");
    let f3 = row("f3@example.com");
    assert_eq!(f3["company"], "Acme, \"Inc\"");
    // no cell starts with a formula character unless it is a number or an E.164 phone
    for r in &doc.rows {
        for (col, cell) in r {
            if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                let body = &cell[1..];
                assert!(
                    !body.is_empty() && body.chars().all(|c| c.is_ascii_digit() || c == '.'),
                    "{col} = {cell:?} is not neutralised"
                );
            }
        }
    }

    // --raw writes every value exactly
    let doc = parse_csv(&std::fs::read_to_string(&raw).unwrap());
    for r in &doc.rows {
        let o = &original[&r["id"]];
        for (col, cell) in r {
            let want = match &o[col.as_str()] {
                Value::Null => String::new(),
                Value::Array(_) => strs(&o[col.as_str()]).join(";"),
                v => v.as_str().expect("text").to_string(),
            };
            assert_eq!(cell, &want, "--raw {col}");
        }
    }

    // both files read back into fresh databases give the original values
    let a = TestEnv::new();
    let r = a.ingest_file("safe.csv", &std::fs::read_to_string(&safe).unwrap(), &[]);
    r.code(0);
    assert_eq!(r.json()["created"], 3);
    assert_eq!(by_id(&a, ROUND_TRIP_COLUMNS), original, "neutralised export read back");
    let b = TestEnv::new();
    let r = b.ingest_file("raw.csv", &std::fs::read_to_string(&raw).unwrap(), &["--raw"]);
    r.code(0);
    assert_eq!(r.json()["created"], 3);
    assert_eq!(by_id(&b, ROUND_TRIP_COLUMNS), original, "raw export read back with --raw");
    // and exporting the copy again gives the same file
    let again = export(&a, &["--columns", ROUND_TRIP_COLUMNS]);
    assert_eq!(again.stdout, std::fs::read_to_string(&safe).unwrap());
}

/// Values that `ingest` cannot store (it trims leading whitespace) but a database may hold,
/// written by hand: a leading tab or carriage return is neutralised too.
#[test]
fn leading_tab_and_carriage_return_are_neutralised() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "t@example.com", "--first-name", "Tab"]);
    let conn = env.sql();
    conn.execute(
        "UPDATE leads SET message = char(9) || 'tabbed', service = char(13) || 'cr', \
         company = char(9) || '=1+1'",
        [],
    )
    .unwrap();
    drop(conn);
    let doc = export(&env, &["--columns", "message,service,company"]).csv();
    assert_eq!(doc.rows[0]["message"], "'\ttabbed");
    assert_eq!(doc.rows[0]["service"], "'\rcr");
    assert_eq!(doc.rows[0]["company"], "'\t=1+1");
    let doc = export(&env, &["--columns", "message,service,company", "--raw"]).csv();
    assert_eq!(doc.rows[0]["message"], "\ttabbed");
    assert_eq!(doc.rows[0]["service"], "\rcr");
    assert_eq!(doc.rows[0]["company"], "\t=1+1");
    // JSON never neutralises
    let l = &export_ndjson(&env, &["--columns", "message"])[0];
    assert_eq!(l["message"], "\ttabbed");
}

/// Leads with quotes, commas, embedded newlines and non-ASCII text.
fn rfc4180_leads() -> String {
    let leads = [
        json!({"email": "zoe@example.com", "first_name": "Zoë \"Zee\"", "last_name": "O'Brien, Jr.",
            "company": "株式会社テスト, \"東京\"",
            "message": "Zoë \"Zee\" O'Brien, Jr.\nline2\n🎉 emoji, \"quoted\", done",
            "source": "web, \"form\"", "tags": ["vip", "日本"], "utm_campaign": "ünïcödé",
            "created_at": "2026-02-01T09:30:00Z"}),
        json!({"email": "crlf@example.com", "first_name": "山田", "last_name": "太郎",
            "message": "first\r\nsecond,\"third\"\r\n", "company": "🚀 Rockets",
            "created_at": "2026-02-02T00:00:00Z"}),
        json!({"email": "plain@example.com", "created_at": "2026-02-03T00:00:00Z"}),
        json!({"email": "comma@example.com", "first_name": ",", "last_name": "\"",
            "message": "\"\"\"", "created_at": "2026-02-04T00:00:00Z"}),
    ];
    leads.iter().map(|l| format!("{l}\n")).collect()
}

const RFC_COLUMNS: &str =
    "id,created_at,first_name,last_name,email,company,message,source,tags,utm_campaign";

/// The NDJSON export as CSV cells: null is "", tags joined with ';'.
fn as_cells(v: &Value) -> BTreeMap<String, String> {
    v.as_object()
        .expect("object")
        .iter()
        .map(|(k, x)| {
            let cell = match x {
                Value::Null => String::new(),
                Value::Array(_) => strs(x).join(";"),
                other => other.as_str().expect("text").to_string(),
            };
            (k.clone(), cell)
        })
        .collect()
}

/// Rows of a JSON array of objects whose values are strings.
fn string_rows(doc: &Value) -> Vec<BTreeMap<String, String>> {
    doc.as_array()
        .unwrap_or_else(|| panic!("not an array: {doc}"))
        .iter()
        .map(|o| {
            o.as_object()
                .expect("object")
                .iter()
                .map(|(k, v)| (k.clone(), v.as_str().unwrap_or_else(|| panic!("{v}")).to_string()))
                .collect()
        })
        .collect()
}

#[test]
fn rfc4180_round_trip_through_ingest_python_and_sqlite3() {
    let src = TestEnv::new();
    assert_eq!(src.ingest_ok("r.ndjson", &rfc4180_leads())["created"], 4);
    let original = export_ndjson(&src, &["--columns", RFC_COLUMNS]);
    assert_eq!(original.len(), 4);
    assert_eq!(
        original[0]["message"], "Zoë \"Zee\" O'Brien, Jr.\nline2\n🎉 emoji, \"quoted\", done",
        "the message keeps its lines"
    );
    let expected: Vec<BTreeMap<String, String>> = original.iter().map(as_cells).collect();
    let file = src.p("rfc.csv");
    export(&src, &["--columns", RFC_COLUMNS, "-o", &file]).code(0);
    let text = std::fs::read_to_string(&file).unwrap();

    // the csv crate reads it back to the same cells
    let doc = parse_csv(&text);
    assert_eq!(doc.header, RFC_COLUMNS.split(',').collect::<Vec<_>>());
    assert_eq!(doc.rows, expected);

    // ingest into a fresh database gives the same values
    let dst = TestEnv::new();
    let r = dst.ingest_file("rfc.csv", &text, &[]);
    r.code(0);
    assert_eq!(r.json()["created"], 4);
    assert_eq!(export_ndjson(&dst, &["--columns", RFC_COLUMNS]), original);

    // Python's csv module
    let py = "import csv, json, sys\n\
              with open(sys.argv[1], newline='', encoding='utf-8') as f:\n    \
              print(json.dumps(list(csv.DictReader(f))))";
    let out = Command::new("python3").arg("-c").arg(py).arg(&file).output().expect("python3");
    assert!(out.status.success(), "python3: {}", String::from_utf8_lossy(&out.stderr));
    let doc: Value = serde_json::from_slice(&out.stdout).expect("python printed JSON");
    assert_eq!(string_rows(&doc), expected, "Python's csv module reads the same cells");

    // the sqlite3 shell's CSV import
    if !Path::new("/usr/bin/sqlite3").exists() {
        eprintln!("skipping the sqlite3 part: /usr/bin/sqlite3 is missing");
        return;
    }
    let import = format!(".import --csv '{file}' t");
    let out = Command::new("/usr/bin/sqlite3")
        .args(["-json", ":memory:", &import, "SELECT * FROM t"])
        .output()
        .expect("sqlite3");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success() && stderr.is_empty(), "sqlite3: {stderr}");
    let doc: Value = serde_json::from_slice(&out.stdout).expect("sqlite3 printed JSON");
    assert_eq!(string_rows(&doc), expected, "sqlite3's .import reads the same cells");
}

#[test]
fn consent_columns_reflect_a_withdrawal_after_merges() {
    let env = TestEnv::new();
    let at = |now: &str, args: &[&str]| {
        let r = env.run_env(args, &[("LEADCTL_NOW", now)]);
        r.code(0);
    };
    at(
        "2026-05-01T10:00:00Z",
        &["ingest", "--email", "w@example.com", "--consent-email", "granted"],
    );
    at(
        "2026-05-01T10:00:00Z",
        &["ingest", "--email", "g@example.com", "--consent-email", "granted"],
    );
    at("2026-05-01T10:00:00Z", &["ingest", "--email", "n@example.com"]);
    let consent = |env: &TestEnv| -> BTreeMap<String, (String, String)> {
        export(env, &["--columns", "id,email,consent_email,consent_email_at,consent_sms"])
            .csv()
            .rows
            .into_iter()
            .map(|r| {
                (r["email"].clone(), (r["consent_email"].clone(), r["consent_email_at"].clone()))
            })
            .collect()
    };
    let c = consent(&env);
    assert_eq!(c["w@example.com"], ("granted".into(), "2026-05-01T10:00:00.000Z".into()));
    assert_eq!(c["n@example.com"], (String::new(), String::new()));
    // a merge from a file withdraws it
    let file = "{\"email\":\"W@example.com\",\"consent_email\":\"withdrawn\"}\n";
    let path = env.write("w.ndjson", file);
    let r = env.run_env(
        &["ingest", "--format", "json", "--file", path.to_str().unwrap()],
        &[("LEADCTL_NOW", "2026-06-01T08:00:00Z")],
    );
    r.code(0);
    assert_eq!(r.json()["merged"], 1);
    let c = consent(&env);
    assert_eq!(c["w@example.com"], ("withdrawn".into(), "2026-06-01T08:00:00.000Z".into()));
    assert_eq!(c["g@example.com"].0, "granted");
    // a later merge that grants it again does not override the withdrawal
    at(
        "2026-07-01T08:00:00Z",
        &["ingest", "--email", "w@example.com", "--consent-email", "granted"],
    );
    let c = consent(&env);
    assert_eq!(c["w@example.com"].0, "withdrawn");
    // the JSON shape says the same; sms consent was never given
    let l = export_ndjson(&env, &["--columns", "id,email,consent_email,consent_sms"]);
    let w = l.iter().find(|l| l["email"] == "w@example.com").unwrap();
    assert_eq!(w["consent_email"], "withdrawn");
    assert_eq!(w["consent_sms"], Value::Null);
    assert_eq!(w.as_object().unwrap().len(), 4);
    // the filter works with the consent columns
    let l = export_ndjson(&env, &["--columns", "email,consent_email", "-q", "w@example"]);
    assert_eq!(l, vec![json!({"email": "w@example.com", "consent_email": "withdrawn"})]);
}

/// A write error other than a closed pipe (a full disk) is a failure, not silence.
#[test]
fn a_full_disk_is_a_failure() {
    if !Path::new("/dev/full").exists() {
        eprintln!("skipping: no /dev/full");
        return;
    }
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "a@example.com"]);
    for format in ["csv", "ndjson", "json"] {
        let full = std::fs::OpenOptions::new().write(true).open("/dev/full").unwrap();
        let out = env
            .cmd(&["export", "--format", format])
            .stdout(full)
            .stderr(Stdio::piped())
            .output()
            .expect("run");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_no_panic(&stderr);
        assert_eq!(out.status.code(), Some(1), "{format}: {stderr}");
        assert!(stderr.starts_with("error:"), "{format}: {stderr}");
    }
}

/// `export --help`: "a failed export leaves none". An export interrupted with Ctrl-C (SIGINT)
/// is a failed export: neither the destination nor the temporary file may be left.
#[cfg(unix)]
#[test]
fn an_interrupted_export_leaves_no_temporary_file() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "first@example.com"]);
    // 5,000 leads with 10 kB messages (written directly: ingesting them takes seconds), so the
    // export is still writing when the signal comes
    let conn = env.sql();
    conn.execute_batch(
        "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c WHERE i < 5000) \
         INSERT INTO leads (id, org_id, created_at, updated_at, email, message) \
         SELECT printf('00000000-0000-7000-8000-%012d', i), \
                (SELECT id FROM organisations WHERE slug = 'default'), \
                '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z', \
                'u' || i || '@example.com', printf('%.*c', 10000, 'm') FROM c;",
    )
    .unwrap();
    drop(conn);
    std::fs::create_dir(env.path("out")).unwrap();
    let dest = env.p("out/big.csv");
    let mut c = env.cmd(&["export", "--columns", "id,email,message", "-o", &dest]);
    c.stdout(Stdio::null()).stderr(Stdio::piped());
    let child = c.spawn().expect("spawn");
    let start = std::time::Instant::now();
    while files_in(&env.path("out")).is_empty() {
        assert!(start.elapsed().as_secs() < 20, "the export never started writing");
        std::thread::sleep(std::time::Duration::from_millis(1));
    }
    let killed =
        Command::new("kill").args(["-INT", &child.id().to_string()]).status().expect("run kill");
    assert!(killed.success());
    let out = child.wait_with_output().expect("wait");
    assert!(!out.status.success(), "the export finished before the signal; make it bigger");
    assert_eq!(
        files_in(&env.path("out")),
        Vec::<String>::new(),
        "an interrupted export left files behind"
    );
}
