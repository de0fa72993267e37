//! `leadctl list`: search, filters, time bounds (with a pinned clock), sorting, pagination,
//! the table footer and the CSV/NDJSON outputs.

use serde_json::{Value, json};

use crate::common::{Run, TestEnv, keys, parse_csv, strs, template_db};

const NOW: &str = "2026-11-22T12:00:00Z";

/// Six leads with known names, dates, statuses, tags and sources (built once, copied per test).
fn fixture() -> TestEnv {
    static DB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TestEnv::with_db(template_db(&DB, build_fixture))
}

fn build_fixture(env: &TestEnv) {
    let leads = [
        json!({"first_name": "Ann", "last_name": "Lee", "email": "ann.lee@acme.io",
            "phone": "+1 555 123 4567", "company": "Acme Inc", "status": "new",
            "tags": ["vip", "beta"], "source": "website", "created_at": "2026-11-20T10:00:00Z",
            "last_contacted_at": "2026-11-21T00:00:00Z", "owner": "ops@example.com"}),
        json!({"first_name": "Bob", "last_name": "Stone", "email": "bob@stone.example",
            "phone": "+44 20 7946 0958", "company": "Stone Works", "status": "invited",
            "tags": ["vip"], "source": "referral", "created_at": "2026-11-01T23:30:00Z"}),
        json!({"name": "Carol Ann King", "email": "carol@example.org", "company": "Kingdom Ltd",
            "status": "converted", "tags": "beta", "source": "website",
            "created_at": "2026-10-15T08:00:00Z", "last_contacted_at": "2026-11-10T00:00:00Z"}),
        json!({"first_name": "Dan", "last_name": "Annex", "email": "dan@acme.io", "status": "lost",
            "source": "ads", "created_at": "2026-11-22T11:00:00Z", "owner": "ops@example.com"}),
        json!({"first_name": "Eve", "phone": "(555) 987-6543", "status": "waitlist",
            "tags": ["callback"], "source": "phone", "created_at": "2026-09-01T00:00:00Z"}),
        json!({"first_name": "Élodie", "last_name": "Ärger", "email": "elodie@example.fr",
            "company": "Straße GmbH", "created_at": "2026-11-02T00:00:00Z"}),
    ];
    let text: String = leads.iter().map(|l| format!("{l}\n")).collect();
    let s = env.ingest_ok("fixture.ndjson", &text);
    assert_eq!(s["created"], 6);
}

fn list(env: &TestEnv, args: &[&str]) -> Run {
    let mut all = vec!["list"];
    all.extend_from_slice(args);
    env.run_env(&all, &[("LEADCTL_NOW", NOW)])
}

/// The first names of `list --format json --limit 1000 ARGS`, in order.
fn names(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut all = vec!["--format", "json", "--limit", "1000"];
    all.extend_from_slice(args);
    let r = list(env, &all);
    r.code(0);
    r.json()["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|l| l["first_name"].as_str().unwrap_or("").to_string())
        .collect()
}

fn sorted_names(env: &TestEnv, args: &[&str]) -> Vec<String> {
    let mut n = names(env, args);
    n.sort();
    n
}

fn v(items: &[&str]) -> Vec<String> {
    let mut x: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    x.sort();
    x
}

#[test]
fn default_order_is_newest_first() {
    let env = fixture();
    assert_eq!(names(&env, &[]), ["Dan", "Ann", "Élodie", "Bob", "Carol Ann", "Eve"]);
    assert_eq!(
        names(&env, &["--sort", "created_at"]),
        ["Eve", "Carol Ann", "Bob", "Élodie", "Ann", "Dan"]
    );
    assert_eq!(names(&env, &["--sort=-created_at"]), names(&env, &[]));
}

#[test]
fn search_matches_names_emails_phones_and_companies_case_insensitively() {
    let env = fixture();
    let cases: &[(&str, &[&str])] = &[
        ("ann lee", &["Ann"]),
        ("ANN LEE", &["Ann"]),
        ("carol ann king", &["Carol Ann"]),
        ("ann", &["Ann", "Carol Ann", "Dan"]),
        ("acme.io", &["Ann", "Dan"]),
        ("ACME.IO", &["Ann", "Dan"]),
        ("@stone", &["Bob"]),
        ("5551234", &["Ann"]),
        ("+44207", &["Bob"]),
        ("9876543", &["Eve"]),
        ("kingdom", &["Carol Ann"]),
        ("stone works", &["Bob"]),
        ("STRASSE", &[]),
        ("straße", &["Élodie"]),
        ("an", &["Ann", "Carol Ann", "Dan"]),
        ("nobody-here", &[]),
    ];
    for (q, expected) in cases {
        assert_eq!(sorted_names(&env, &["--search", q]), v(expected), "--search {q:?}");
    }
    // -q is --search in list
    assert_eq!(sorted_names(&env, &["-q", "acme.io"]), v(&["Ann", "Dan"]));
    // an empty search is no filter
    assert_eq!(names(&env, &["-q", "  "]).len(), 6);
}

/// README: "-q/--search TEXT (case-insensitive substring of ...)".
#[test]
fn search_is_case_insensitive_for_non_ascii_letters() {
    let env = fixture();
    assert_eq!(sorted_names(&env, &["-q", "ÉLODIE"]), v(&["Élodie"]));
    assert_eq!(sorted_names(&env, &["-q", "élodie"]), v(&["Élodie"]));
    assert_eq!(sorted_names(&env, &["-q", "ärger"]), v(&["Élodie"]));
}

/// README: --search is a substring match; `_` is an ordinary character in it.
#[test]
fn search_treats_underscore_and_percent_literally() {
    let env = fixture();
    env.ok(&["ingest", "--email", "j_smith@example.com", "--first-name", "Underscore"]);
    assert_eq!(sorted_names(&env, &["-q", "j_smith"]), v(&["Underscore"]));
    assert_eq!(sorted_names(&env, &["-q", "%"]), v(&[]));
    assert_eq!(sorted_names(&env, &["-q", "a_n"]), v(&[]), "no lead contains the text a_n");
}

#[test]
fn status_is_any_of_and_tag_is_all_of() {
    let env = fixture();
    assert_eq!(sorted_names(&env, &["--status", "new"]), v(&["Ann", "Élodie"]));
    assert_eq!(
        sorted_names(&env, &["--status", "new", "--status", "invited"]),
        v(&["Ann", "Bob", "Élodie"])
    );
    assert_eq!(
        sorted_names(&env, &["--status", "converted", "--status", "lost"]),
        v(&["Carol Ann", "Dan"])
    );
    assert_eq!(sorted_names(&env, &["--status", "waitlist"]), v(&["Eve"]));
    assert_eq!(sorted_names(&env, &["--tag", "vip"]), v(&["Ann", "Bob"]));
    assert_eq!(sorted_names(&env, &["--tag", "vip", "--tag", "beta"]), v(&["Ann"]));
    assert_eq!(sorted_names(&env, &["--tag", "VIP"]), v(&["Ann", "Bob"]), "tags are lowercased");
    assert_eq!(sorted_names(&env, &["--tag", "beta"]), v(&["Ann", "Carol Ann"]));
    assert_eq!(sorted_names(&env, &["--tag", "nosuchtag"]), v(&[]));
    list(&env, &["--status", "hot"]).error(2);
    list(&env, &["--tag", "no way"]).error(2);
}

#[test]
fn source_owner_and_combined_filters() {
    let env = fixture();
    assert_eq!(sorted_names(&env, &["--source", "website"]), v(&["Ann", "Carol Ann"]));
    assert_eq!(sorted_names(&env, &["--source", "web"]), v(&[]), "source is exact");
    assert_eq!(sorted_names(&env, &["--owner", "ops@example.com"]), v(&["Ann", "Dan"]));
    assert_eq!(
        sorted_names(
            &env,
            &["--source", "website", "--tag", "beta", "--status", "new", "-q", "acme"]
        ),
        v(&["Ann"])
    );
    assert_eq!(sorted_names(&env, &["--source", "website", "--status", "lost"]), v(&[]));
}

#[test]
fn since_and_until_take_dates_times_and_ages() {
    let env = fixture();
    let cases: &[(&[&str], &[&str])] = &[
        (&["--since", "7d"], &["Ann", "Dan"]),
        (&["--since", "2w"], &["Ann", "Dan"]),
        (&["--since", "12h"], &["Dan"]),
        (&["--since", "90m"], &["Dan"]),
        (&["--since", "30m"], &[]),
        (&["--since", "2026-11-01"], &["Ann", "Bob", "Dan", "Élodie"]),
        (&["--until", "2026-11-01"], &["Bob", "Carol Ann", "Eve"]),
        (&["--since", "2026-11-01", "--until", "2026-11-01"], &["Bob"]),
        (&["--until", "2026-11-01T23:00:00Z"], &["Carol Ann", "Eve"]),
        (&["--since", "2026-11-20T10:00:00Z"], &["Ann", "Dan"]),
        (&["--since", "2026-11-20T12:00:00+02:00"], &["Ann", "Dan"]),
        (&["--since", "2026-11-20T12:00:01+02:00"], &["Dan"]),
        (&["--since", "60d", "--until", "30d"], &["Carol Ann"]),
        (&["--until", "100d"], &[]),
    ];
    for (args, expected) in cases {
        assert_eq!(sorted_names(&env, args), v(expected), "{args:?}");
    }
    for bad in ["yesterday", "-3d", "2026-13-01", "7x"] {
        let arg = format!("--since={bad}");
        let r = list(&env, &[arg.as_str()]);
        r.error(2);
        assert!(r.stderr.contains("--since"), "{}", r.stderr);
    }
    list(&env, &["--until", "soon"]).error(2);
}

#[test]
fn limit_offset_and_json_envelope() {
    let env = fixture();
    let all = names(&env, &[]);
    let r = list(&env, &["--format", "json", "--limit", "2", "--offset", "2"]);
    r.code(0);
    let doc = r.json();
    assert_eq!(keys(&doc), vec!["items", "limit", "offset", "total"]);
    assert_eq!(doc["total"], 6);
    assert_eq!(doc["limit"], 2);
    assert_eq!(doc["offset"], 2);
    let page: Vec<&str> = doc["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["first_name"].as_str().unwrap())
        .collect();
    assert_eq!(page, all[2..4].to_vec());
    let doc = list(&env, &["--format", "json", "--offset", "10"]).json();
    assert_eq!(doc["items"], json!([]));
    assert_eq!(doc["total"], 6);
    assert_eq!(doc["limit"], 50, "the default limit");
    // total counts the filter, not the page
    let doc = list(&env, &["--format", "json", "--limit", "1", "--tag", "vip"]).json();
    assert_eq!(doc["total"], 2);
    assert_eq!(doc["items"].as_array().unwrap().len(), 1);
    list(&env, &["--limit", "many"]).error(2);
    list(&env, &["--offset", "-1"]).error(2);
}

#[test]
fn sort_keys_and_directions() {
    let env = fixture();
    let emails = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        list(&env, &all).json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["email"].as_str().unwrap_or("").to_string())
            .collect()
    };
    let asc = emails(&["--sort", "email"]);
    assert_eq!(
        asc,
        [
            "ann.lee@acme.io",
            "bob@stone.example",
            "carol@example.org",
            "dan@acme.io",
            "elodie@example.fr",
            ""
        ],
        "ascending, leads without an email last"
    );
    let desc: Vec<String> =
        emails(&["--sort=-email"]).into_iter().filter(|e| !e.is_empty()).collect();
    assert_eq!(
        desc,
        [
            "elodie@example.fr",
            "dan@acme.io",
            "carol@example.org",
            "bob@stone.example",
            "ann.lee@acme.io"
        ]
    );
    // name sorts by last name (then first name); no last name goes last
    let by_name = names(&env, &["--sort", "name"]);
    let pos = |n: &str| by_name.iter().position(|x| x == n).unwrap();
    assert!(
        pos("Dan") < pos("Carol Ann") && pos("Carol Ann") < pos("Ann") && pos("Ann") < pos("Bob"),
        "{by_name:?}"
    );
    assert_eq!(by_name.last().map(String::as_str), Some("Eve"), "{by_name:?}");
    // status: grouped, and -status is the reverse order of the groups
    let statuses = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["--format", "json"];
        all.extend_from_slice(args);
        list(&env, &all).json()["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["status"].as_str().unwrap().to_string())
            .collect()
    };
    let up = statuses(&["--sort", "status"]);
    let mut down = statuses(&["--sort=-status"]);
    down.reverse();
    assert_eq!(up, down);
    let mut dedup = up.clone();
    dedup.dedup();
    assert_eq!(dedup.len(), 5, "equal statuses are adjacent: {up:?}");
    // last contact: most recent first
    let lc = names(&env, &["--sort", "last_contacted_at"]);
    assert_eq!(&lc[..2], ["Carol Ann", "Ann"]);
    list(&env, &["--sort", "updated_at"]).code(0);
    let r = list(&env, &["--sort", "bogus"]);
    r.error(2);
    assert!(r.stderr.contains("hint:"), "{}", r.stderr);
}

/// The code documents "leads never contacted sort last"; with a leading `-` they come first.
#[test]
fn descending_last_contacted_lists_contacted_leads_first() {
    let env = fixture();
    let lc = names(&env, &["--sort=-last_contacted_at"]);
    assert_eq!(&lc[..2], ["Ann", "Carol Ann"], "{lc:?}");
}

/// Parses the data rows of a table: cells split on the column separators.
fn table_rows(out: &str) -> Vec<Vec<String>> {
    out.lines()
        .filter(|l| l.starts_with('│') && !l.contains("created"))
        .map(|l| l.trim_matches('│').split(['┆', '│']).map(|c| c.trim().to_string()).collect())
        .collect()
}

#[test]
fn table_output_has_a_footer_and_short_ids() {
    let env = fixture();
    let r = list(&env, &[]);
    r.code(0);
    assert_eq!(r.stdout.lines().last(), Some("1-6 of 6"), "{}", r.stdout);
    let rows = table_rows(&r.stdout);
    assert_eq!(rows.len(), 6);
    let json = list(&env, &["--format", "json"]).json();
    for (row, item) in rows.iter().zip(json["items"].as_array().unwrap()) {
        let id = item["id"].as_str().unwrap();
        assert!(row[0].len() >= 8 && id.starts_with(&row[0]), "short id {:?} of {id}", row[0]);
        assert_eq!(row[2], item["status"].as_str().unwrap());
        assert_eq!(row[4], item["email"].as_str().unwrap_or(""));
    }
    let r = list(&env, &["--limit", "2", "--offset", "2"]);
    assert_eq!(r.stdout.lines().last(), Some("3-4 of 6"));
    assert_eq!(table_rows(&r.stdout).len(), 2);
    let r = list(&env, &["--tag", "nosuchtag"]);
    r.code(0);
    assert_eq!(r.stdout.trim(), "0-0 of 0");
    let r = list(&env, &["--offset", "5"]);
    assert_eq!(r.stdout.lines().last(), Some("6-6 of 6"));
    // the alias
    assert_eq!(env.ok(&["ls"]).stdout.lines().last(), Some("1-6 of 6"));
    // --quiet is accepted in list (-q is --search there)
    let r = list(&env, &["--quiet", "-q", "acme"]);
    r.code(0);
    assert_eq!(r.stdout.lines().last(), Some("1-2 of 2"));
}

#[test]
fn csv_output_has_the_documented_columns() {
    let env = fixture();
    let r = list(&env, &["--format", "csv", "--sort", "created_at"]);
    r.code(0);
    let doc = parse_csv(&r.stdout);
    assert_eq!(
        doc.header,
        [
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
            "last_contacted_at"
        ]
    );
    assert_eq!(doc.rows.len(), 6);
    let json = list(&env, &["--format", "json", "--sort", "created_at"]).json();
    for (row, item) in doc.rows.iter().zip(json["items"].as_array().unwrap()) {
        assert_eq!(row["id"], item["id"].as_str().unwrap());
        assert_eq!(row["created_at"], item["created_at"].as_str().unwrap());
        assert_eq!(row["status"], item["status"].as_str().unwrap());
        assert_eq!(row["email"], item["email"].as_str().unwrap_or(""));
        assert_eq!(row["tags"], strs(&item["tags"]).join(";"));
    }
    let ann = doc.rows.iter().find(|r| r["first_name"] == "Ann").unwrap();
    assert_eq!(ann["tags"], "beta;vip");
    assert_eq!(ann["phone"], "+15551234567");
    assert_eq!(ann["last_name"], "Lee");
    assert_eq!(ann["source"], "website");
    assert_eq!(ann["created_at"], "2026-11-20T10:00:00.000Z");
    assert_eq!(ann["last_contacted_at"], "2026-11-21T00:00:00.000Z");
    // filters and limits apply to CSV too
    let r = list(&env, &["--format", "csv", "--tag", "vip", "--limit", "1"]);
    assert_eq!(parse_csv(&r.stdout).rows.len(), 1);
    // an empty result is the header only
    let r = list(&env, &["--format", "csv", "--tag", "nosuchtag"]);
    r.code(0);
    let doc = parse_csv(&r.stdout);
    assert_eq!(doc.header.len(), 13);
    assert!(doc.rows.is_empty());
}

#[test]
fn ndjson_output_is_one_lead_per_line() {
    let env = fixture();
    let r = list(&env, &["--format", "ndjson"]);
    r.code(0);
    let lines = r.ndjson();
    let json = list(&env, &["--format", "json"]).json();
    assert_eq!(&Value::Array(lines), &json["items"]);
    assert_eq!(r.stdout.lines().count(), 6);
}

#[test]
fn list_of_an_unknown_organisation_is_not_found() {
    let env = fixture();
    let r = env.run(&["--org", "nosuch", "list"]);
    r.error(3);
}

/// Filters take their values as data, never as SQL or search syntax: quotes, `%`, `_`, FTS5
/// operators and SQL keywords match themselves literally (or nothing), through `list` and
/// `export` alike, and nothing is changed.
#[test]
fn filter_values_with_sql_and_search_syntax_match_only_literally() {
    let env = TestEnv::new();
    let leads = [
        r#"{"email":"a_1@example.com","name":"Robert'); DROP TABLE leads;--","company":"50% off","source":"o'reilly","owner":"x_y@example.com","tags":["a_b"]}"#,
        r#"{"email":"ax1@example.com","name":"Bobby Tables","company":"500 off","source":"oXreilly","owner":"xay@example.com","tags":["axb"]}"#,
    ];
    env.ingest_ok("sqlish.ndjson", &leads.join("\n"));
    let emails = |args: &[&str]| -> Vec<String> {
        let mut list = vec!["list"];
        list.extend_from_slice(args);
        let from_list = env.emails_with(args);
        let mut export = vec!["export", "--format", "csv", "--columns", "email"];
        export.extend_from_slice(args);
        let r = env.ok(&export);
        let mut from_export: Vec<String> = r.stdout.lines().skip(1).map(str::to_string).collect();
        from_export.sort();
        let mut sorted = from_list.clone();
        sorted.sort();
        assert_eq!(sorted, from_export, "list and export agree for {args:?}");
        from_list
    };
    let only_a = vec!["a_1@example.com".to_string()];
    let none: Vec<String> = Vec::new();
    for (args, expected) in [
        (vec!["-q", "0% o"], &only_a),
        (vec!["-q", "%"], &only_a),
        (vec!["-q", "a_1"], &only_a),
        (vec!["-q", "_"], &only_a),
        (vec!["-q", "'); DROP TABLE leads;--"], &only_a),
        (vec!["-q", "\" OR \"1\"=\"1"], &none),
        (vec!["-q", "NEAR(a b)"], &none),
        (vec!["-q", "a* OR b*"], &none),
        (vec!["-q", "x' OR '1'='1"], &none),
        (vec!["--source", "o'reilly"], &only_a),
        (vec!["--source", "%"], &none),
        (vec!["--source", "o_reilly"], &none),
        (vec!["--owner", "x_y@example.com"], &only_a),
        (vec!["--owner", "%"], &none),
        (vec!["--tag", "a_b"], &only_a),
    ] {
        assert_eq!(&emails(&args), expected, "{args:?}");
    }
    // Values that are not a status, a time or a sort key are usage errors, not SQL.
    env.run(&["list", "--status", "new' OR '1'='1"]).error(2);
    env.run(&["list", "--since", "2020-01-01' OR 1=1 --"]).error(2);
    env.run(&["list", "--sort", "email; DROP TABLE leads"]).error(2);
    env.run(&["list", "--tag", "a%' OR 1=1"]).error(2);
    assert_eq!(env.count(), 2, "nothing was dropped or changed");
    env.ok(&["db", "check"]);
}
