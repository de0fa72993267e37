//! Rejected records: every reason with its record number, line number and field; good records
//! still going in; --strict; the --rejects file (CSV and NDJSON) and re-ingesting it fixed.

use serde_json::{Value, json};

use crate::common::{TestEnv, parse_csv, parse_ndjson, strs};

/// (record, line, fields) of every rejection in an ingest summary.
fn rejections(summary: &Value) -> Vec<(u64, Option<u64>, Vec<String>)> {
    summary["rejections"]
        .as_array()
        .expect("rejections")
        .iter()
        .map(|r| {
            let fields = r["errors"]
                .as_array()
                .expect("errors")
                .iter()
                .map(|e| e["field"].as_str().expect("field").to_string())
                .collect();
            (r["record"].as_u64().expect("record"), r["line"].as_u64(), fields)
        })
        .collect()
}

fn reason_of(summary: &Value, record: u64) -> String {
    summary["rejections"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["record"] == record)
        .map(|r| r["errors"][0]["reason"].as_str().unwrap().to_string())
        .unwrap_or_else(|| panic!("no rejection for record {record}: {summary}"))
}

#[test]
fn every_rejection_reason_with_record_line_and_field() {
    let env = TestEnv::new();
    let long = |n: usize| "x".repeat(n);
    let many_tags: Vec<String> = (0..51).map(|i| format!("t{i}")).collect();
    // (record JSON, expected field); `None` = a good record.
    let cases: Vec<(String, Option<&str>)> = vec![
        (json!({"email": "good1@example.com"}).to_string(), None),
        (json!({"email": "not-an-email"}).to_string(), Some("email")),
        (json!({"email": "ann@localhost"}).to_string(), Some("email")),
        (json!({"first_name": "No", "company": "Contact"}).to_string(), Some("email")),
        (json!({"phone": "call me maybe"}).to_string(), Some("phone")),
        (
            json!({"email": "a@example.com", "first_name": long(101)}).to_string(),
            Some("first_name"),
        ),
        (json!({"email": "b@example.com", "last_name": long(101)}).to_string(), Some("last_name")),
        (json!({"email": format!("{}@example.com", long(250))}).to_string(), Some("email")),
        (json!({"email": "c@example.com", "phone": long(41)}).to_string(), Some("phone")),
        (json!({"email": "d@example.com", "company": long(201)}).to_string(), Some("company")),
        (json!({"email": "e@example.com", "service": long(201)}).to_string(), Some("service")),
        (json!({"email": "f@example.com", "source": long(201)}).to_string(), Some("source")),
        (
            json!({"email": "g@example.com", "utm_source": long(201)}).to_string(),
            Some("utm_source"),
        ),
        (
            json!({"email": "h@example.com", "utm_medium": long(201)}).to_string(),
            Some("utm_medium"),
        ),
        (
            json!({"email": "i@example.com", "utm_campaign": long(201)}).to_string(),
            Some("utm_campaign"),
        ),
        (json!({"email": "j@example.com", "message": long(10_001)}).to_string(), Some("message")),
        (json!({"email": "k@example.com", "tags": many_tags}).to_string(), Some("tags")),
        (json!({"email": "l@example.com", "tags": [long(51)]}).to_string(), Some("tags")),
        (
            json!({"email": "m@example.com", "first_name": "Ann\u{7}"}).to_string(),
            Some("first_name"),
        ),
        (json!({"email": "n@example.com", "company": "A\u{0}B"}).to_string(), Some("company")),
        (json!({"email": "o@example.com", "message": "bell\u{7}"}).to_string(), Some("message")),
        (json!({"email": "p@example.com", "status": "hot"}).to_string(), Some("status")),
        (json!({"email": "q@example.com", "tags": ["two words"]}).to_string(), Some("tags")),
        (json!({"email": "r@example.com", "tags": "=cmd"}).to_string(), Some("tags")),
        (
            json!({"email": "s@example.com", "consent_email": "maybe"}).to_string(),
            Some("consent_email"),
        ),
        (
            json!({"email": "t@example.com", "consent_sms": "perhaps"}).to_string(),
            Some("consent_sms"),
        ),
        (
            json!({"email": "u@example.com", "created_at": "yesterday"}).to_string(),
            Some("created_at"),
        ),
        (
            json!({"email": "v@example.com", "meta": {"timestamp_utc": "02/01/2025"}}).to_string(),
            Some("timestamp_utc"),
        ),
        (
            json!({"email": "w@example.com", "last_contacted_at": "soon"}).to_string(),
            Some("last_contacted_at"),
        ),
        (json!({"email": "x@example.com", "id": "not-a-uuid"}).to_string(), Some("id")),
        ("{\"email\": \"broken@example.com\"".to_string(), Some("record")),
        ("[1, 2]".to_string(), Some("record")),
        (json!({"email": ["y@example.com"]}).to_string(), Some("email")),
        // good ones in between and at the end
        (json!({"email": "good2@example.com", "message": "multi\nline\ttab"}).to_string(), None),
        (json!({"email": "good3@example.com", "first_name": long(100)}).to_string(), None),
    ];
    // Blank lines shift line numbers away from record numbers.
    let mut text = String::from("\n");
    let mut expected = Vec::new();
    let mut line = 1u64;
    for (i, (rec, field)) in cases.iter().enumerate() {
        text.push_str(rec);
        text.push('\n');
        line += 1;
        if let Some(f) = field {
            expected.push((i as u64 + 1, Some(line), vec![f.to_string()]));
        }
        if i % 5 == 0 {
            text.push('\n');
            line += 1;
        }
    }
    let r = env.ingest_file("all.ndjson", &text, &[]);
    r.error(4);
    let s = r.json();
    assert_eq!(s["total"], cases.len());
    assert_eq!(s["created"], 3, "the good records still go in");
    assert_eq!(s["rejected"], expected.len());
    let got = rejections(&s);
    for (exp, got) in expected.iter().zip(&got) {
        assert_eq!(exp.0, got.0, "record number");
        assert_eq!(exp.1, got.1, "line of record {}", exp.0);
        assert!(
            got.2.contains(&exp.2[0]),
            "record {}: fields {:?}, expected {}",
            exp.0,
            got.2,
            exp.2[0]
        );
    }
    assert_eq!(got.len(), expected.len());
    assert_eq!(env.count(), 3);
    assert_eq!(reason_of(&s, 4), "a lead needs an email or a phone");
    assert!(reason_of(&s, 31).starts_with("invalid JSON"), "{}", reason_of(&s, 31));
    assert_eq!(env.show("good2@example.com")["message"], "multi\nline\ttab");
    // stderr shows the first 20 with record and line, and says how many more there are
    let shown = r.stderr.lines().filter(|l| l.starts_with("warning: rejected record")).count();
    assert_eq!(shown, 20, "{}", r.stderr);
    assert!(r.stderr.contains("warning: rejected record 2 (line 4): email: "), "{}", r.stderr);
    assert!(r.stderr.contains(&format!("{} more rejected records not shown", expected.len() - 20)));
    assert!(r.stderr.contains(&format!(
        "{} of {} records were rejected",
        expected.len(),
        cases.len()
    )));
}

#[test]
fn all_field_errors_of_one_record_are_reported_together() {
    let env = TestEnv::new();
    let r = env.ingest_file(
        "x.ndjson",
        &format!("{}\n", json!({"email": "bad", "status": "hot", "tags": ["a b"]})),
        &[],
    );
    r.code(4);
    let got = rejections(&r.json());
    assert_eq!(got.len(), 1);
    let mut fields = got[0].2.clone();
    fields.sort();
    assert_eq!(fields, vec!["email", "status", "tags"]);
}

#[test]
fn unparseable_phone_is_kept_raw_with_a_warning_when_an_email_exists() {
    let env = TestEnv::new();
    let r = env.ingest_file(
        "p.ndjson",
        "{\"email\":\"raw@example.com\",\"phone\":\"ask for Bob\"}\n{\"phone\":\"ask for Bob\"}\n",
        &[],
    );
    r.code(4);
    let s = r.json();
    assert_eq!(s["created"], 1);
    assert_eq!(s["warnings"], 1);
    assert_eq!(s["rejected"], 1);
    assert_eq!(rejections(&s), vec![(2, Some(2), vec!["phone".to_string()])]);
    assert!(r.stderr.contains("record 1 (line 1): phone:"), "{}", r.stderr);
    assert!(r.stderr.contains("kept as raw text"), "{}", r.stderr);
    let lead = env.show("raw@example.com");
    assert_eq!(lead["phone"], Value::Null);
    assert_eq!(lead["phone_raw"], "ask for Bob");
}

#[test]
fn csv_rejections_have_line_numbers_past_quoted_newlines() {
    let env = TestEnv::new();
    let csv = "email,first_name,message\n\
        a@example.com,A,\"two\nlines\"\n\
        b@example.com,B\n\
        bad-email,C,x\n\
        d@example.com,D,\"x\",extra\n\
        e@example.com,E,ok\n";
    let r = env.ingest_file("l.csv", csv, &[]);
    r.code(4);
    let s = r.json();
    assert_eq!(s["created"], 2);
    assert_eq!(
        rejections(&s),
        vec![
            (2, Some(4), vec!["record".to_string()]),
            (3, Some(5), vec!["email".to_string()]),
            (4, Some(6), vec!["record".to_string()]),
        ]
    );
    assert_eq!(reason_of(&s, 2), "has 2 fields, the header has 3");
    assert_eq!(env.show("a@example.com")["message"], "two\nlines");
}

#[test]
fn json_array_syntax_error_is_a_rejection_and_earlier_elements_go_in() {
    let env = TestEnv::new();
    let r = env.ingest_file(
        "a.json",
        "[\n{\"email\":\"a@example.com\"},\n{\"email\":\"bad\"},\n{\"email\": ]\n",
        &[],
    );
    r.code(4);
    let s = r.json();
    assert_eq!(s["created"], 1);
    assert_eq!(s["rejected"], 2);
    let got = rejections(&s);
    assert_eq!(got[0].0, 2);
    assert_eq!(got[0].2, vec!["email"]);
    assert_eq!(got[1].0, 3);
    assert_eq!(got[1].1, Some(4), "a syntax error names its line");
    assert_eq!(got[1].2, vec!["record"]);
}

#[test]
fn a_rejected_single_lead_from_flags_exits_4_and_writes_nothing() {
    let env = TestEnv::new();
    let r = env.run(&["ingest", "--email", "nope", "--format", "json"]);
    r.error(4);
    let s = r.json();
    assert_eq!(s["rejected"], 1);
    assert_eq!(rejections(&s)[0].2, vec!["email"]);
    assert!(r.stderr.contains("the lead was rejected"), "{}", r.stderr);
    env.run(&["ingest", "--email", "a@example.com", "--status", "hot"]).error(4);
    env.run(&["ingest", "--email", "a@example.com", "--tag", "no way"]).error(4);
    env.run(&["ingest", "--email", "a@example.com", "--consent-sms", "perhaps"]).error(4);
    env.run(&["ingest", "--name", "Only A Name"]).error(4);
    assert_eq!(env.count(), 0);
}

#[test]
fn strict_is_all_or_nothing() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "existing@example.com"]);
    let text = "{\"email\":\"s1@example.com\"}\n{\"email\":\"EXISTING@example.com\",\"company\":\"C\"}\n{\"email\":\"bad\"}\n{\"email\":\"s2@example.com\"}\n";
    let r = env.ingest_file("s.ndjson", text, &["--strict"]);
    r.error(4);
    let s = r.json();
    assert_eq!(s["committed"], false);
    assert_eq!(s["rejected"], 1);
    assert!(r.stderr.contains("Nothing ingested (--strict)"), "{}", r.stderr);
    assert_eq!(env.count(), 1, "nothing was written");
    assert_eq!(env.show("existing@example.com")["company"], Value::Null);
    // --strict with a small batch size is still one transaction
    let r = env.ingest_file("s2.ndjson", text, &["--strict", "--batch-size", "1"]);
    r.code(4);
    assert_eq!(env.count(), 1);
    // all good: everything goes in
    let r = env.ingest_file(
        "ok.ndjson",
        "{\"email\":\"s1@example.com\"}\n{\"email\":\"s2@example.com\"}\n",
        &["--strict"],
    );
    r.code(0);
    assert_eq!(r.json()["committed"], true);
    assert_eq!(env.count(), 3);
    // strict CSV with a short row
    let r = env.ingest_file(
        "s.csv",
        "email,first_name\nc1@example.com,C\nc2@example.com\n",
        &["--strict"],
    );
    r.code(4);
    assert_eq!(env.count(), 3);
}

#[test]
fn rejects_file_for_csv_keeps_the_original_columns_and_can_be_fixed_and_reingested() {
    let env = TestEnv::new();
    let csv = "first_name,email,phone,tags\n\
        Ann,ann@example.com,,vip\n\
        Bob,bob-at-example.com,,\"a;b\"\n\
        \"Lee, Carol\",,call me,x\n\
        Dan,dan@example.com,,\n\
        Eve,eve@example,,\n";
    let rejects = env.p("rejected.csv");
    let r = env.ingest_file("in.csv", csv, &["--rejects", &rejects]);
    r.code(4);
    assert_eq!(r.json()["created"], 2);
    let text = std::fs::read_to_string(&rejects).expect("rejects file");
    let doc = parse_csv(&text);
    assert_eq!(
        doc.header,
        vec![
            "_rejected_record",
            "_rejected_line",
            "_rejected_reason",
            "first_name",
            "email",
            "phone",
            "tags"
        ]
    );
    assert_eq!(doc.rows.len(), 3);
    let bob = &doc.rows[0];
    assert_eq!(bob["_rejected_record"], "2");
    assert_eq!(bob["_rejected_line"], "3");
    assert!(bob["_rejected_reason"].starts_with("email:"), "{}", bob["_rejected_reason"]);
    assert_eq!(bob["first_name"], "Bob");
    assert_eq!(bob["email"], "bob-at-example.com");
    assert_eq!(bob["tags"], "a;b");
    let carol = &doc.rows[1];
    assert_eq!(carol["_rejected_record"], "3");
    assert_eq!(carol["first_name"], "Lee, Carol");
    assert_eq!(carol["phone"], "call me");
    assert!(carol["_rejected_reason"].starts_with("phone:"), "{}", carol["_rejected_reason"]);
    assert_eq!(doc.rows[2]["email"], "eve@example");

    // fix the file as an operator would and ingest it again
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(&doc.header).unwrap();
    for row in &doc.rows {
        let mut row = row.clone();
        match row["first_name"].as_str() {
            "Bob" => row.insert("email".into(), "bob@example.com".into()),
            "Lee, Carol" => row.insert("phone".into(), "+1 555 222 3333".into()),
            _ => row.insert("email".into(), "eve@example.com".into()),
        };
        w.write_record(doc.header.iter().map(|h| row[h].clone())).unwrap();
    }
    let fixed = String::from_utf8(w.into_inner().unwrap()).unwrap();
    let r = env.ingest_file("fixed.csv", &fixed, &[]);
    r.code(0);
    assert_eq!(r.json()["created"], 3);
    assert!(
        !r.stderr.contains("_rejected"),
        "the _rejected columns are ignored quietly: {}",
        r.stderr
    );
    assert_eq!(env.count(), 5);
    assert_eq!(strs(&env.show("bob@example.com")["tags"]), vec!["a", "b"]);
    let carol = env.leads_with(&["-q", "carol"]);
    assert_eq!(carol.len(), 1);
    assert_eq!(carol[0]["phone"], "+15552223333");
    assert_eq!(carol[0]["first_name"], "Lee, Carol");
    assert_eq!(carol[0]["last_name"], Value::Null);
}

const NDJSON_WITH_REJECTS: &str = "{\"email\":\"ok@example.com\"}\n\
    {\"email\":\"bad\",\"first_name\":\"Bad\",\"tags\":[\"t\"]}\n\
    not json at all\n\
    {\"phone\":\"nope\",\"meta\":{\"request_id\":\"r-7\"}}\n";

#[test]
fn rejects_file_for_json_is_ndjson_with_a_rejected_key() {
    let env = TestEnv::new();
    let rejects = env.p("rejected.ndjson");
    let r = env.ingest_file("in.ndjson", NDJSON_WITH_REJECTS, &["--rejects", &rejects]);
    r.code(4);
    let lines = parse_ndjson(&std::fs::read_to_string(&rejects).expect("rejects file"));
    assert_eq!(lines.len(), 3);
    let bad = &lines[0];
    assert_eq!(bad["_rejected"]["record"], 2);
    assert_eq!(bad["_rejected"]["line"], 2);
    assert_eq!(bad["_rejected"]["field"], "email");
    assert!(bad["_rejected"]["reason"].as_str().unwrap().contains("not an email"), "{bad}");
    assert_eq!(lines[1]["_rejected"]["record"], 3);
    assert_eq!(lines[1]["_rejected"]["line"], 3);
    assert_eq!(lines[1]["_rejected"]["field"], "record");
    assert_eq!(lines[1]["_raw"], "not json at all");
    assert_eq!(lines[2]["_rejected"]["record"], 4);
    assert_eq!(lines[2]["_rejected"]["field"], "phone");

    // lines of the rejects file, completed, ingest again: the _rejected key is ignored
    let mut fixed = String::new();
    for (i, mut l) in lines.into_iter().enumerate() {
        if l.get("_raw").is_some() {
            continue;
        }
        l["email"] = json!(format!("fixed{i}@example.com"));
        fixed.push_str(&l.to_string());
        fixed.push('\n');
    }
    let s = env.ingest_ok("fixed.ndjson", &fixed);
    assert_eq!(s["created"], 2);
    assert_eq!(env.count(), 3);
}

/// README: rejected records are written "as NDJSON with a `_rejected` key, ready to fix and
/// ingest again", i.e. with the record's own fields.
#[test]
fn rejects_ndjson_keeps_the_original_fields_and_can_be_fixed_and_reingested() {
    let env = TestEnv::new();
    let rejects = env.p("rejected.ndjson");
    env.ingest_file("in.ndjson", NDJSON_WITH_REJECTS, &["--rejects", &rejects]).code(4);
    let lines = parse_ndjson(&std::fs::read_to_string(&rejects).expect("rejects file"));
    assert_eq!(lines.len(), 3);
    let bad = &lines[0];
    assert_eq!(bad["email"], "bad", "{bad}");
    assert_eq!(bad["first_name"], "Bad");
    assert_eq!(bad["tags"], json!(["t"]));
    assert_eq!(lines[2]["meta"]["request_id"], "r-7");
    assert_eq!(lines[2]["phone"], "nope");
    // fix and re-ingest
    let mut fixed = String::new();
    for mut l in lines {
        if l.get("_raw").is_some() {
            continue;
        }
        if l["email"] == "bad" {
            l["email"] = json!("fixed@example.com");
        } else {
            l["phone"] = json!("+15553334444");
        }
        fixed.push_str(&l.to_string());
        fixed.push('\n');
    }
    let s = env.ingest_ok("fixed.ndjson", &fixed);
    assert_eq!(s["created"], 2);
    assert_eq!(env.show("fixed@example.com")["first_name"], "Bad");
    assert_eq!(strs(&env.show("fixed@example.com")["tags"]), vec!["t"]);
    assert_eq!(env.count(), 3);
}

#[test]
fn rejects_file_for_a_json_array_and_for_flags() {
    let env = TestEnv::new();
    let rejects = env.p("r.ndjson");
    let r = env.ingest_file(
        "a.json",
        "[{\"email\":\"a@example.com\"},{\"email\":\"b\",\"company\":\"B\"}]",
        &["--rejects", &rejects],
    );
    r.code(4);
    let lines = parse_ndjson(&std::fs::read_to_string(&rejects).unwrap());
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["company"], "B");
    assert_eq!(lines[0]["_rejected"]["record"], 2);
    let rejects2 = env.p("r2.ndjson");
    env.run(&["ingest", "--email", "nope", "--rejects", &rejects2]).code(4);
    let lines = parse_ndjson(&std::fs::read_to_string(&rejects2).unwrap());
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["_rejected"]["field"], "email");
}

#[test]
fn more_than_twenty_rejections_are_all_in_the_rejects_file_and_the_json_summary() {
    let env = TestEnv::new();
    let mut text = String::new();
    for i in 0..30 {
        text.push_str(&format!("{}\n", json!({"email": format!("bad{i}")})));
    }
    text.push_str("{\"email\":\"good@example.com\"}\n");
    let rejects = env.p("r.ndjson");
    let r = env.ingest_file("many.ndjson", &text, &["--rejects", &rejects]);
    r.code(4);
    let s = r.json();
    assert_eq!(s["rejected"], 30);
    assert_eq!(s["rejections"].as_array().unwrap().len(), 30);
    assert_eq!(s["rejections_truncated"], false);
    assert_eq!(parse_ndjson(&std::fs::read_to_string(&rejects).unwrap()).len(), 30);
    assert!(r.stderr.contains("10 more rejected records not shown"), "{}", r.stderr);
    assert_eq!(env.count(), 1);
}

/// README: --rejects writes "CSV with the original columns for CSV input".
#[test]
fn rejects_csv_header_has_the_original_columns_even_after_a_utf8_error() {
    let env = TestEnv::new();
    let path = env.path("u.csv");
    std::fs::write(&path, b"email,first_name\nok@example.com,\xff\xfe\nbad,B\n").unwrap();
    let rejects = env.p("r.csv");
    env.run(&["ingest", "--file", path.to_str().unwrap(), "--rejects", &rejects]).code(4);
    let doc = parse_csv(&std::fs::read_to_string(&rejects).unwrap());
    assert_eq!(
        doc.header,
        vec!["_rejected_record", "_rejected_line", "_rejected_reason", "email", "first_name"]
    );
    assert_eq!(doc.rows.len(), 2);
    assert_eq!(doc.rows[1]["email"], "bad");
}
