//! `leadctl ingest`: every lead flag, every input format, format detection, the site-form
//! shape, field aliases, tags, consent values, --default-region and --batch-size.

use serde_json::{Value, json};

use crate::common::{TestEnv, keys, ndjson_lines, sorted, strs};

fn uuid_like(s: &str) -> bool {
    s.len() == 36
        && s.chars().enumerate().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) { c == '-' } else { c.is_ascii_hexdigit() }
        })
}

#[test]
fn every_lead_flag_is_stored() {
    let env = TestEnv::new();
    let r = env.ok(&[
        "ingest",
        "--email",
        "  Ann.Lee@Example.COM ",
        "--first-name",
        "Ann",
        "--last-name",
        "Lee",
        "--phone",
        "(555) 123-4567",
        "--company",
        "Lee Design",
        "--service",
        "Website",
        "--message",
        "Looking for a quote.",
        "--source",
        "website",
        "--utm-source",
        "google",
        "--utm-medium",
        "cpc",
        "--utm-campaign",
        "autumn-2026",
        "--tag",
        "VIP",
        "--tag",
        "q4:promo",
        "--consent-email",
        "granted",
        "--consent-sms",
        "withdrawn",
        "--status",
        "invited",
        "--request-id",
        "req-flags-1",
    ]);
    // stdout is exactly the new id.
    let id = r.stdout.trim();
    assert!(uuid_like(id), "stdout is not an id: {:?}", r.stdout);
    assert_eq!(r.stdout.lines().count(), 1);
    assert!(r.stderr.contains("1 created"), "{}", r.stderr);

    let lead = env.show(id);
    assert_eq!(lead["id"], id);
    assert_eq!(lead["email"], "Ann.Lee@example.com", "trimmed, domain lowercased");
    assert_eq!(lead["first_name"], "Ann");
    assert_eq!(lead["last_name"], "Lee");
    assert_eq!(lead["phone"], "+15551234567");
    assert_eq!(lead["phone_raw"], Value::Null);
    assert_eq!(lead["company"], "Lee Design");
    assert_eq!(lead["service"], "Website");
    assert_eq!(lead["message"], "Looking for a quote.");
    assert_eq!(lead["source"], "website");
    assert_eq!(lead["utm_source"], "google");
    assert_eq!(lead["utm_medium"], "cpc");
    assert_eq!(lead["utm_campaign"], "autumn-2026");
    assert_eq!(strs(&lead["tags"]), vec!["q4:promo", "vip"]);
    assert_eq!(lead["status"], "invited");
    assert_eq!(lead["request_id"], "req-flags-1");
    assert_eq!(lead["org"], "default");
    assert_eq!(lead["consent"]["email"]["state"], "granted");
    assert_eq!(lead["consent"]["sms"]["state"], "withdrawn");
}

#[test]
fn name_flag_is_split_on_the_last_word() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "mary@example.com", "--name", "Mary  Ann   Smith"]);
    env.ok(&["ingest", "--email", "cher@example.com", "--name", "Cher"]);
    let mary = env.show("mary@example.com");
    assert_eq!(mary["first_name"], "Mary Ann");
    assert_eq!(mary["last_name"], "Smith");
    let cher = env.show("cher@example.com");
    assert_eq!(cher["first_name"], "Cher");
    assert_eq!(cher["last_name"], Value::Null);
}

#[test]
fn single_lead_json_summary_has_id_and_outcome() {
    let env = TestEnv::new();
    let args = ["ingest", "--format", "json", "--email", "a@example.com", "--request-id", "r1"];
    let first = env.ok(&args).json();
    assert_eq!(
        keys(&first),
        sorted(&[&crate::common::SUMMARY_KEYS[..], &["id", "outcome"]].concat())
    );
    assert_eq!(first["outcome"], "created");
    assert_eq!(first["total"], 1);
    assert_eq!(first["created"], 1);
    assert_eq!(first["committed"], true);
    assert_eq!(first["dry_run"], false);
    assert_eq!(first["rejections"], json!([]));
    assert_eq!(first["rejections_truncated"], false);
    let id = first["id"].as_str().expect("id").to_string();
    assert!(uuid_like(&id));

    let again = env.ok(&args).json();
    assert_eq!(again["outcome"], "duplicate");
    assert_eq!(again["duplicates"], 1);
    assert_eq!(again["id"], id.as_str());

    let merged = env
        .ok(&["ingest", "--format", "json", "--email", "A@EXAMPLE.COM", "--company", "X"])
        .json();
    assert_eq!(merged["outcome"], "merged");
    assert_eq!(merged["merged"], 1);
    assert_eq!(merged["id"], id.as_str());
}

// Phone parsing loads libphonenumber's metadata (about a second per process in a debug
// build), so the region tests use few processes.
#[test]
fn default_region_flag_env_and_config_decide_national_numbers() {
    let env = TestEnv::new();
    // the flag (any case) for a whole file; a +country number ignores it
    let r = env.ingest_file(
        "r.ndjson",
        "{\"email\":\"uk@example.com\",\"phone\":\"020 7946 0958\"}\n\
         {\"email\":\"fr@example.com\",\"phone\":\"+33 1 42 68 53 00\"}\n",
        &["--default-region", "gb"],
    );
    r.code(0);
    assert_eq!(env.show("uk@example.com")["phone"], "+442079460958");
    assert_eq!(env.show("fr@example.com")["phone"], "+33142685300");
    // the config file sets it, the environment beats the file ...
    let cfg = env.write("c.toml", "default_region = \"GB\"\n");
    let cfg = cfg.to_str().unwrap();
    let show = env.ok(&["--config", cfg, "config", "show", "--format", "json"]).json();
    let key =
        show["keys"].as_array().unwrap().iter().find(|k| k["key"] == "default_region").unwrap();
    assert_eq!(key["value"], "GB");
    env.run_env(
        &["--config", cfg, "ingest", "--email", "env@example.com", "--phone", "030 1234567"],
        &[("LEADCTL_DEFAULT_REGION", "DE")],
    )
    .code(0);
    assert_eq!(env.show("env@example.com")["phone"], "+49301234567");
    // ... and the flag beats the environment
    env.run_env(
        &[
            "ingest",
            "--email",
            "flag@example.com",
            "--phone",
            "020 7946 0958",
            "--default-region",
            "GB",
        ],
        &[("LEADCTL_DEFAULT_REGION", "DE")],
    )
    .code(0);
    assert_eq!(env.show("flag@example.com")["phone"], "+442079460958");
    // an unknown region is a usage error, before anything is written
    env.run(&["ingest", "--email", "x@example.com", "--default-region", "XX"]).error(2);
    env.run_env(&["ingest", "--email", "y@example.com"], &[("LEADCTL_DEFAULT_REGION", "Mars")])
        .error(2);
    assert_eq!(env.count(), 4);
}

#[test]
fn ndjson_file_with_blank_lines_and_crlf() {
    let env = TestEnv::new();
    let s = env.ingest_ok(
        "leads.ndjson",
        "{\"email\":\"a@example.com\",\"first_name\":\"A\"}\r\n\r\n\n{\"email\":\"b@example.com\"}\r\n",
    );
    assert_eq!(s["total"], 2);
    assert_eq!(s["created"], 2);
    assert_eq!(env.show("a@example.com")["first_name"], "A");
}

#[test]
fn json_object_file_is_one_lead() {
    let env = TestEnv::new();
    let s = env.ingest_ok(
        "one.json",
        "{\n  \"email\": \"solo@example.com\",\n  \"company\": \"Solo Ltd\"\n}\n",
    );
    assert_eq!(s["total"], 1);
    assert_eq!(s["created"], 1);
    assert_eq!(env.show("solo@example.com")["company"], "Solo Ltd");
}

#[test]
fn json_array_file_is_many_leads() {
    let env = TestEnv::new();
    let s = env.ingest_ok(
        "many.json",
        "[\n {\"email\": \"a@example.com\"},\n {\"email\": \"b@example.com\", \"tags\": [\"x\"]},\n {\"phone\": \"+44 20 7946 0958\"}\n]\n",
    );
    assert_eq!(s["total"], 3);
    assert_eq!(s["created"], 3);
    assert_eq!(env.count(), 3);
    assert_eq!(strs(&env.show("b@example.com")["tags"]), vec!["x"]);
}

#[test]
fn csv_with_quoted_commas_newlines_quotes_and_non_ascii() {
    let env = TestEnv::new();
    let csv = "first_name,last_name,email,company,message,tags\n\
        Zoë,Ærøskøbing,zoe@example.com,\"Lee, Ann & Co\",\"line one\nline two, with comma\",\"vip;beta\"\n\
        Łukasz,Żółć,lukasz@example.pl,\"The \"\"Best\"\" GmbH\",東京からこんにちは,\n\
        Анна,Ли,anna@example.ru,,,\n";
    let s = env.ingest_ok("people.csv", csv);
    assert_eq!(s["created"], 3);
    let zoe = env.show("zoe@example.com");
    assert_eq!(zoe["first_name"], "Zoë");
    assert_eq!(zoe["last_name"], "Ærøskøbing");
    assert_eq!(zoe["company"], "Lee, Ann & Co");
    assert_eq!(zoe["message"], "line one\nline two, with comma");
    assert_eq!(strs(&zoe["tags"]), vec!["beta", "vip"]);
    let lukasz = env.show("lukasz@example.pl");
    assert_eq!(lukasz["first_name"], "Łukasz");
    assert_eq!(lukasz["last_name"], "Żółć");
    assert_eq!(lukasz["company"], "The \"Best\" GmbH");
    assert_eq!(lukasz["message"], "東京からこんにちは");
    let anna = env.show("anna@example.ru");
    assert_eq!(anna["first_name"], "Анна");
    assert_eq!(anna["company"], Value::Null, "empty cells stay empty");
}

#[test]
fn csv_with_bom_crlf_and_header_aliases() {
    let env = TestEnv::new();
    let csv = "\u{feff}First Name,Last Name,Email Address,tel,Company Name,UTM Source\r\n\
        Ann,Lee,ann@example.com,(555) 123-4567,Lee Design,google\r\n";
    let s = env.ingest_ok("export.csv", csv);
    assert_eq!(s["created"], 1);
    let ann = env.show("ann@example.com");
    assert_eq!(ann["first_name"], "Ann");
    assert_eq!(ann["last_name"], "Lee");
    assert_eq!(ann["phone"], "+15551234567");
    assert_eq!(ann["company"], "Lee Design");
    assert_eq!(ann["utm_source"], "google");
}

#[test]
fn json_aliases_camel_case_and_nested_utm() {
    let env = TestEnv::new();
    env.ingest_ok(
        "a.ndjson",
        "{\"firstName\":\"Ann\",\"lastName\":\"Lee\",\"emailAddress\":\"ann@example.com\",\"mobile\":\"5551234567\",\"utm\":{\"source\":\"g\",\"medium\":\"cpc\",\"campaign\":\"c1\"},\"extra\":{\"ignored\":true}}\n",
    );
    let ann = env.show("ann@example.com");
    assert_eq!(ann["first_name"], "Ann");
    assert_eq!(ann["last_name"], "Lee");
    assert_eq!(ann["phone"], "+15551234567");
    assert_eq!(ann["utm_source"], "g");
    assert_eq!(ann["utm_medium"], "cpc");
    assert_eq!(ann["utm_campaign"], "c1");
}

#[test]
fn unknown_csv_columns_are_ignored_with_a_warning() {
    let env = TestEnv::new();
    let r = env.ingest_file(
        "x.csv",
        "email,favourite_colour,first_name\nann@example.com,teal,Ann\n",
        &[],
    );
    r.code(0);
    assert_eq!(r.json()["created"], 1);
    assert!(r.stderr.contains("favourite_colour"), "no warning naming the column:\n{}", r.stderr);
    assert_eq!(env.show("ann@example.com")["first_name"], "Ann");
}

#[test]
fn unknown_json_keys_are_ignored_silently() {
    let env = TestEnv::new();
    let r = env.ingest_file(
        "x.ndjson",
        "{\"email\":\"ann@example.com\",\"honeypot\":\"\",\"favourite_colour\":\"teal\"}\n",
        &[],
    );
    r.code(0);
    assert_eq!(r.json()["created"], 1);
    assert!(!r.stderr.contains("favourite_colour"), "{}", r.stderr);
}

#[test]
fn site_form_shape_with_meta() {
    let env = TestEnv::new();
    let form = json!({
        "name": "Mary Ann Smith",
        "email": "Mary@Example.COM",
        "phone": "(555) 010-9999",
        "company": "Smith & Co",
        "service": "Design",
        "message": "Hello\nthere",
        "consent": true,
        "website": "",
        "meta": {
            "source": "website",
            "request_id": "req-form-1",
            "ip_hash": "iphash123",
            "user_agent_hash": "uahash456",
            "timestamp_utc": "2026-10-01T08:00:00Z"
        }
    });
    let s = env.ingest_ok("form.json", &form.to_string());
    assert_eq!(s["created"], 1);
    let lead = env.show("mary@example.com");
    assert_eq!(lead["first_name"], "Mary Ann");
    assert_eq!(lead["last_name"], "Smith");
    assert_eq!(lead["email"], "Mary@example.com");
    assert_eq!(lead["phone"], "+15550109999");
    assert_eq!(lead["company"], "Smith & Co");
    assert_eq!(lead["service"], "Design");
    assert_eq!(lead["message"], "Hello\nthere");
    assert_eq!(lead["source"], "website");
    assert_eq!(lead["request_id"], "req-form-1");
    assert_eq!(
        lead["created_at"], "2026-10-01T08:00:00.000Z",
        "timestamp_utc is the creation time"
    );
    assert_eq!(lead["consent"]["email"]["state"], "granted");
    assert_eq!(lead["consent"]["email"]["recorded_at"], "2026-10-01T08:00:00.000Z");
    assert_eq!(lead["consent"]["email"]["source"], "website");
    assert_eq!(lead["consent"]["sms"], Value::Null);
    // the hashes are stored (not shown): check the table
    let (ip, ua): (String, String) = env
        .sql()
        .query_row(
            "SELECT ip_hash, user_agent_hash FROM leads WHERE email_norm = 'mary@example.com'",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .expect("row");
    assert_eq!(ip, "iphash123");
    assert_eq!(ua, "uahash456");
}

#[test]
fn site_form_consent_variants() {
    let env = TestEnv::new();
    let lines = [
        json!({"email": "unticked@example.com", "consent": false}),
        json!({"email": "both@example.com", "consent": {"email": true, "sms": true}}),
        json!({"email": "smsonly@example.com", "consent": {"sms": "granted", "email": false}}),
        json!({"email": "top@example.com", "source": "top", "meta": {"source": "meta"}}),
    ];
    let text: String = lines.iter().map(|l| format!("{l}\n")).collect();
    env.ingest_ok("forms.ndjson", &text);
    let u = env.show("unticked@example.com");
    assert_eq!(u["consent"]["email"], Value::Null, "an unticked box records nothing");
    assert_eq!(u["consent"]["sms"], Value::Null);
    let b = env.show("both@example.com");
    assert_eq!(b["consent"]["email"]["state"], "granted");
    assert_eq!(b["consent"]["sms"]["state"], "granted");
    let s = env.show("smsonly@example.com");
    assert_eq!(s["consent"]["email"], Value::Null);
    assert_eq!(s["consent"]["sms"]["state"], "granted");
    assert_eq!(env.show("top@example.com")["source"], "top", "top-level source wins over meta");
}

#[test]
fn consent_values_yes_no_true_false() {
    let env = TestEnv::new();
    let csv = "email,consent_email,consent_sms\n\
        a@example.com,yes,no\n\
        b@example.com,true,false\n\
        c@example.com,GRANTED,Withdrawn\n";
    env.ingest_ok("c.csv", csv);
    for e in ["a@example.com", "b@example.com", "c@example.com"] {
        let l = env.show(e);
        assert_eq!(l["consent"]["email"]["state"], "granted", "{e}");
        assert_eq!(l["consent"]["sms"]["state"], "withdrawn", "{e}");
    }
    env.ok(&[
        "ingest",
        "--email",
        "d@example.com",
        "--consent-email",
        "no",
        "--consent-sms",
        "yes",
    ]);
    let d = env.show("d@example.com");
    assert_eq!(d["consent"]["email"]["state"], "withdrawn");
    assert_eq!(d["consent"]["sms"]["state"], "granted");
}

#[test]
fn tags_are_split_lowercased_and_deduplicated() {
    let env = TestEnv::new();
    env.ingest_ok(
        "t.csv",
        "email,tags\na@example.com,\"VIP; beta,q4:promo;vip\"\nb@example.com,a.b/c_d-e\n",
    );
    assert_eq!(strs(&env.show("a@example.com")["tags"]), vec!["beta", "q4:promo", "vip"]);
    assert_eq!(strs(&env.show("b@example.com")["tags"]), vec!["a.b/c_d-e"]);
    env.ingest_ok("t.ndjson", "{\"email\":\"c@example.com\",\"tags\":\"One;Two\"}\n{\"email\":\"d@example.com\",\"tags\":[\"X\",\"x\",\"y\"]}\n");
    assert_eq!(strs(&env.show("c@example.com")["tags"]), vec!["one", "two"]);
    assert_eq!(strs(&env.show("d@example.com")["tags"]), vec!["x", "y"]);
    // a flag value with separators is split as well
    env.ok(&["ingest", "--email", "e@example.com", "--tag", "p;q", "--tag", "R"]);
    assert_eq!(strs(&env.show("e@example.com")["tags"]), vec!["p", "q", "r"]);
}

#[test]
fn stdin_with_file_dash_in_every_format() {
    let env = TestEnv::new();
    let r = env.run_stdin(
        &["ingest", "--file", "-", "--format", "json"],
        "{\"email\":\"n1@example.com\"}\n{\"email\":\"n2@example.com\"}\n",
    );
    r.code(0);
    assert_eq!(r.json()["created"], 2);
    let r = env.run_stdin(
        &["ingest", "--file", "-", "--input-format", "csv", "--format", "json"],
        "email,first_name\nc1@example.com,C\n",
    );
    r.code(0);
    assert_eq!(r.json()["created"], 1);
    let r = env.run_stdin(
        &["ingest", "--file", "-", "--input-format", "json", "--format", "json"],
        "[{\"email\":\"j1@example.com\"},{\"email\":\"j2@example.com\"}]",
    );
    r.code(0);
    assert_eq!(r.json()["created"], 2);
    let r = env.run_stdin(
        &["ingest", "--file", "-", "--input-format", "ndjson", "--format", "json"],
        "{\"email\":\"nd@example.com\"}\n",
    );
    r.code(0);
    assert_eq!(r.json()["created"], 1);
    assert_eq!(env.count(), 6);
    assert_eq!(env.show("c1@example.com")["first_name"], "C");
}

#[test]
fn stdin_format_is_detected_from_content() {
    let env = TestEnv::new();
    let cases = [
        ("{\"email\":\"nd1@example.com\"}\n{\"email\":\"nd2@example.com\"}\n", 2),
        ("[{\"email\":\"arr1@example.com\"}, {\"email\":\"arr2@example.com\"}]\n", 2),
        ("{\n  \"email\": \"obj@example.com\"\n}\n", 1),
        ("email,first_name\ncsv1@example.com,C\n", 1),
        ("  \n[ {\"email\":\"ws@example.com\"} ]", 1),
    ];
    for (input, n) in cases {
        let r = env.run_stdin(&["ingest", "--file", "-", "--format", "json"], input);
        r.code(0);
        assert_eq!(r.json()["created"], n, "input {input:?}");
    }
    assert_eq!(env.count(), 7);
}

#[test]
fn file_format_is_detected_from_extension_then_content() {
    let env = TestEnv::new();
    let cases = [
        ("a.jsonl", "{\"email\":\"jsonl@example.com\"}\n"),
        ("b.NDJSON", "{\"email\":\"upper@example.com\"}\n"),
        ("c.csv", "email\ncsv@example.com\n"),
        ("d.json", "[{\"email\":\"arr@example.com\"}]"),
        // no helpful extension: the content decides
        ("e.txt", "email,company\ntxtcsv@example.com,Acme\n"),
        ("f.txt", "{\"email\":\"txtnd1@example.com\"}\n{\"email\":\"txtnd2@example.com\"}\n"),
        ("g.dat", "{\n \"email\": \"pretty@example.com\",\n \"company\": \"P\"\n}\n"),
        ("noext", "[{\"email\":\"noext@example.com\"}]\n"),
    ];
    let mut expected = 0;
    for (name, content) in cases {
        let s = env.ingest_ok(name, content);
        let n = s["created"].as_u64().expect("created");
        assert!(n >= 1, "{name}: nothing created");
        assert_eq!(s["rejected"], 0, "{name}");
        expected += n;
    }
    assert_eq!(expected, 9);
    assert_eq!(env.count(), 9);
    assert_eq!(env.show("txtcsv@example.com")["company"], "Acme");
    assert_eq!(env.show("pretty@example.com")["company"], "P");
}

#[test]
fn input_format_flag_overrides_the_extension() {
    let env = TestEnv::new();
    let r = env.ingest_file(
        "actually-ndjson.csv",
        "{\"email\":\"a@example.com\"}\n{\"email\":\"b@example.com\"}\n",
        &["--input-format", "ndjson"],
    );
    r.code(0);
    assert_eq!(r.json()["created"], 2);
}

#[test]
fn csv_header_without_email_or_phone_is_rejected() {
    let env = TestEnv::new();
    let r = env.ingest_file("bad.csv", "first_name,company\nAnn,Acme\n", &[]);
    r.error(4);
    assert_eq!(env.count(), 0);
}

#[test]
fn empty_input_ingests_nothing_and_succeeds() {
    let env = TestEnv::new();
    let s = env.ingest_ok("empty.ndjson", "");
    assert_eq!(s["total"], 0);
    assert_eq!(s["created"], 0);
    let r = env.run_stdin(&["ingest", "--file", "-", "--format", "json"], "");
    r.code(0);
    assert_eq!(r.json()["total"], 0);
}

#[test]
fn created_at_from_input_and_pinned_clock() {
    let env = TestEnv::new();
    let now = [("LEADCTL_NOW", "2026-11-22T12:00:00Z")];
    let path = env.write(
        "t.ndjson",
        "{\"email\":\"old@example.com\",\"created_at\":\"2025-01-02 03:04:05\"}\n\
         {\"email\":\"day@example.com\",\"created_at\":\"2025-02-03\"}\n\
         {\"email\":\"tz@example.com\",\"created_at\":\"2025-03-04T10:00:00+02:00\"}\n\
         {\"email\":\"now@example.com\",\"last_contacted_at\":\"2026-11-20T09:30:00Z\"}\n",
    );
    env.run_env(&["ingest", "--file", path.to_str().unwrap()], &now).code(0);
    assert_eq!(env.show("old@example.com")["created_at"], "2025-01-02T03:04:05.000Z");
    assert_eq!(env.show("day@example.com")["created_at"], "2025-02-03T00:00:00.000Z");
    assert_eq!(env.show("tz@example.com")["created_at"], "2025-03-04T08:00:00.000Z");
    let n = env.show("now@example.com");
    assert_eq!(n["created_at"], "2026-11-22T12:00:00.000Z", "LEADCTL_NOW pins the clock");
    assert_eq!(n["updated_at"], "2026-11-22T12:00:00.000Z");
    assert_eq!(n["last_contacted_at"], "2026-11-20T09:30:00.000Z");
}

#[test]
fn phone_only_leads_and_email_normalisation() {
    let env = TestEnv::new();
    let id = env.ok(&["ingest", "--phone", "+44 20 7946 0958", "--name", "Carlos Ruiz"]);
    let lead = env.show(id.stdout.trim());
    assert_eq!(lead["phone"], "+442079460958");
    assert_eq!(lead["email"], Value::Null);
    env.ok(&["ingest", "--email", "Ünïcode.Local@Sub.EXAMPLE.org"]);
    let l = env.show("ünïcode.local@sub.example.org");
    assert_eq!(l["email"], "Ünïcode.Local@sub.example.org");
}

#[test]
fn small_batch_sizes_still_ingest_everything() {
    let env = TestEnv::new();
    let text = ndjson_lines(25, |i| json!({"email": format!("b{i}@example.com")}));
    let r = env.ingest_file("b.ndjson", &text, &["--batch-size", "1"]);
    r.code(0);
    assert_eq!(r.json()["created"], 25);
    assert_eq!(r.json()["committed"], true);
    assert_eq!(env.count(), 25);
    env.run(&["ingest", "--email", "x@example.com", "--batch-size", "0"]).error(2);
    env.run(&["ingest", "--email", "x@example.com", "--batch-size", "many"]).error(2);
}

/// README: "committed every `--batch-size` leads ..., each commit with its own audit entry".
#[test]
fn batch_size_commits_every_n_leads_with_one_audit_entry_each() {
    let env = TestEnv::new();
    let text = ndjson_lines(5, |i| json!({"email": format!("b{i}@example.com")}));
    env.ingest_file("b.ndjson", &text, &["--batch-size", "2"]).code(0);
    let conn = env.sql();
    let mut st = conn
        .prepare("SELECT details FROM audit_log WHERE action = 'ingest' ORDER BY id")
        .expect("prepare");
    let records: Vec<u64> = st
        .query_map([], |r| r.get::<_, String>(0))
        .expect("query")
        .map(|d| {
            let d: Value = serde_json::from_str(&d.expect("row")).expect("details JSON");
            d["records"].as_u64().expect("records")
        })
        .collect();
    assert_eq!(records, vec![2, 2, 1], "one commit (and audit entry) per 2 leads");
}

/// A producer that writes the first NDJSON line in two pieces must not change the format.
#[test]
fn stdin_detection_does_not_depend_on_how_the_input_is_chunked() {
    use std::io::Write;
    use std::process::Stdio;
    let env = TestEnv::new();
    let mut c = env.cmd(&["ingest", "--file", "-", "--format", "json"]);
    c.stdin(Stdio::piped()).stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = c.spawn().expect("spawn");
    let mut input = child.stdin.take().expect("stdin");
    input.write_all(b"{\"email\":\"a@example.com\"").expect("write");
    input.flush().expect("flush");
    std::thread::sleep(std::time::Duration::from_millis(700));
    input.write_all(b"}\n{\"email\":\"b@example.com\"}\n").expect("write");
    drop(input);
    let out = child.wait_with_output().expect("wait");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    crate::common::assert_no_panic(&stderr);
    assert_eq!(out.status.code(), Some(0), "stderr: {stderr}");
    let s: Value = serde_json::from_str(&stdout).expect("summary");
    assert_eq!(s["created"], 2);
    assert_eq!(s["rejected"], 0);
}

#[test]
fn file_and_lead_flags_conflict_and_nothing_to_ingest_is_usage() {
    let env = TestEnv::new();
    let f = env.write("a.ndjson", "{\"email\":\"a@example.com\"}\n");
    env.run(&["ingest", "--file", f.to_str().unwrap(), "--email", "b@example.com"]).error(2);
    let r = env.run(&["ingest"]);
    r.error(2);
    assert!(r.stderr.contains("nothing to ingest"), "{}", r.stderr);
    // blank flags are nothing too
    env.run(&["ingest", "--email", "   "]).error(2);
    assert!(!env.db().exists() || env.count() == 0);
}

#[test]
fn missing_input_file_is_not_found() {
    let env = TestEnv::new();
    let r = env.run(&["ingest", "--file", &env.p("nope.ndjson")]);
    r.error(3);
    let dir = env.path("adir");
    std::fs::create_dir(&dir).unwrap();
    env.run(&["ingest", "--file", dir.to_str().unwrap()]).error(2);
}

#[test]
fn summary_line_goes_to_stderr_and_quiet_silences_it() {
    let env = TestEnv::new();
    let f = env.write("a.ndjson", "{\"email\":\"a@example.com\"}\n{\"email\":\"b@example.com\"}\n");
    let r = env.ok(&["ingest", "--file", f.to_str().unwrap()]);
    assert_eq!(r.stdout, "", "a file ingest prints no data");
    assert!(
        r.stderr.contains("Ingested 2 leads: 2 created, 0 merged, 0 duplicates, 0 rejected."),
        "{}",
        r.stderr
    );
    let f2 = env.write("b.ndjson", "{\"email\":\"c@example.com\"}\n");
    let r = env.ok(&["ingest", "--quiet", "--file", f2.to_str().unwrap()]);
    assert_eq!(r.stderr, "");
    let r = env.ok(&["-q", "ingest", "--email", "d@example.com"]);
    assert_eq!(r.stderr, "");
    assert_eq!(r.stdout.trim().len(), 36);
}

#[test]
fn org_flag_scopes_ingest_and_creates_the_org() {
    let env = TestEnv::new();
    env.ok(&["--org", "acme", "ingest", "--email", "a@example.com"]);
    env.ok(&["ingest", "--org", "acme", "--email", "b@example.com"]);
    env.ok(&["ingest", "--email", "a@example.com"]);
    assert_eq!(env.count(), 1);
    let acme = env.ok(&["--org", "acme", "list", "--format", "json"]).json();
    assert_eq!(acme["total"], 2);
    assert_eq!(acme["items"][0]["org"], "acme");
    env.run(&["--org", "Not A Slug", "ingest", "--email", "c@example.com"]).error(2);
    let env_org = env.run_env(&["ingest", "--email", "z@example.com"], &[("LEADCTL_ORG", "acme")]);
    env_org.code(0);
    assert_eq!(env.ok(&["--org", "acme", "list", "--format", "json"]).json()["total"], 3);
}
