//! `leadctl stats`: the JSON shape, hand-computed figures on a known data set (shares, the
//! funnel, conversion by source, volume buckets, owners), the filters (including time bounds
//! that split a day), empty databases and ranges, the CSV and table outputs, and the
//! `lead_facets` counters staying exact through every kind of change.

use std::collections::BTreeMap;

use serde_json::{Value, json};

use crate::common::{Run, TestEnv, keys, parse_csv, sorted, template_db};

/// The clock while the fixture is built (ingest, tasks).
const BUILT: &str = "2026-03-18T09:00:00Z";
/// The clock of every query.
const NOW: &str = "2026-03-20T12:00:00Z";

/// Ten leads in March 2026 (the 2nd, 9th and 16th are Mondays):
///
/// | lead | created (UTC)       | status (history)                   | source   | owner | tags   |
/// |------|---------------------|------------------------------------|----------|-------|--------|
/// | a1   | 03-02 09:00         | new                                | web      | ann   | all t1 |
/// | a2   | 03-03 10:00         | new                                | web      | -     | all    |
/// | a3   | 03-05 08:00         | waitlist                           | ads      | bob   | all t1 |
/// | a4   | 03-05 12:59:59      | invited                            | web      | ann   | all    |
/// | a5   | 03-05 13:00         | invited                            | referral | bob   | all t1 |
/// | a6   | 03-05 18:00         | converted                          | web      | ann   | all    |
/// | a7   | 03-09 00:00         | converted                          | referral | -     | all t1 |
/// | a8   | 03-10 07:00         | lost                               | ads      | bob   | all    |
/// | a9   | 03-16 11:00         | new -> invited -> lost             | ads      | ann   | all    |
/// | a10  | 03-17 15:00         | new -> invited -> converted -> lost| -        | -     | all    |
///
/// Open tasks: a1 (ann, the lead's owner), a3 (carol, who owns no lead), a2 (no owner); a
/// task of bob's on a5 is done.
fn fixture() -> TestEnv {
    static DB: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    TestEnv::with_db(template_db(&DB, build_fixture))
}

fn lead(n: u32, status: &str, source: Option<&str>, owner: Option<&str>, created: &str) -> Value {
    let mut l = json!({"email": format!("a{n}@x.io"), "first_name": format!("A{n}"),
        "status": status, "created_at": created, "tags": ["all"]});
    if let Some(s) = source {
        l["source"] = json!(s);
    }
    if let Some(o) = owner {
        l["owner"] = json!(o);
    }
    if [1, 3, 5, 7].contains(&n) {
        l["tags"] = json!(["all", "t1"]);
    }
    l
}

fn at(env: &TestEnv, now: &str, args: &[&str]) -> Run {
    let r = env.run_env(args, &[("LEADCTL_NOW", now)]);
    r.code(0);
    r
}

fn build_fixture(env: &TestEnv) {
    let leads = [
        lead(1, "new", Some("web"), Some("ann"), "2026-03-02T09:00:00Z"),
        lead(2, "new", Some("web"), None, "2026-03-03T10:00:00Z"),
        lead(3, "waitlist", Some("ads"), Some("bob"), "2026-03-05T08:00:00Z"),
        lead(4, "invited", Some("web"), Some("ann"), "2026-03-05T12:59:59Z"),
        lead(5, "invited", Some("referral"), Some("bob"), "2026-03-05T13:00:00Z"),
        lead(6, "converted", Some("web"), Some("ann"), "2026-03-05T18:00:00Z"),
        lead(7, "converted", Some("referral"), None, "2026-03-09T00:00:00Z"),
        lead(8, "lost", Some("ads"), Some("bob"), "2026-03-10T07:00:00Z"),
        lead(9, "new", Some("ads"), Some("ann"), "2026-03-16T11:00:00Z"),
        lead(10, "new", None, None, "2026-03-17T15:00:00Z"),
    ];
    let text: String = leads.iter().map(|l| format!("{l}\n")).collect();
    let path = env.write("fixture.ndjson", &text);
    at(env, BUILT, &["ingest", "--file", path.to_str().unwrap()]);
    at(env, "2026-03-19T10:00:00Z", &["status", "a9@x.io", "invited"]);
    at(env, "2026-03-19T10:30:00Z", &["status", "a9@x.io", "lost"]);
    at(env, "2026-03-19T10:45:00Z", &["status", "a10@x.io", "invited"]);
    at(env, "2026-03-19T10:50:00Z", &["status", "a10@x.io", "converted"]);
    at(env, "2026-03-19T11:00:00Z", &["status", "a10@x.io", "lost"]);
    at(env, BUILT, &["task", "add", "a1@x.io", "Call back"]);
    at(env, BUILT, &["task", "add", "a3@x.io", "Send the quote", "--owner", "carol"]);
    at(env, BUILT, &["task", "add", "a2@x.io", "Find an owner"]);
    let done = at(env, BUILT, &["task", "add", "a5@x.io", "Done already", "--owner", "bob"]);
    assert!(done.stderr.contains("#4"), "{}", done.stderr);
    at(env, BUILT, &["task", "done", "4"]);
}

/// `stats ARGS --format json` with the clock pinned; must succeed.
fn stats(env: &TestEnv, args: &[&str]) -> Value {
    let mut all = vec!["stats", "--format", "json"];
    all.extend_from_slice(args);
    at(env, NOW, &all).json()
}

fn run_stats(env: &TestEnv, args: &[&str]) -> Run {
    let mut all = vec!["stats"];
    all.extend_from_slice(args);
    env.run_env(&all, &[("LEADCTL_NOW", NOW)])
}

/// (status, leads, share) of `by_status`.
fn status_rows(doc: &Value) -> Vec<(String, u64, Value)> {
    doc["by_status"]
        .as_array()
        .expect("by_status")
        .iter()
        .map(|r| {
            (
                r["status"].as_str().unwrap().to_string(),
                r["leads"].as_u64().unwrap(),
                r["share"].clone(),
            )
        })
        .collect()
}

/// Leads per status (pipeline order) of `by_status`.
fn status_counts(doc: &Value) -> Vec<u64> {
    status_rows(doc).into_iter().map(|r| r.1).collect()
}

/// (leads, conversion_from_previous, drop_off_from_previous) per funnel step.
fn funnel(doc: &Value) -> Vec<(String, u64, Value, Value)> {
    doc["funnel"]["steps"]
        .as_array()
        .expect("steps")
        .iter()
        .map(|s| {
            (
                s["step"].as_str().unwrap().to_string(),
                s["leads"].as_u64().unwrap(),
                s["conversion_from_previous"].clone(),
                s["drop_off_from_previous"].clone(),
            )
        })
        .collect()
}

/// The funnel's leads per step.
fn funnel_leads(doc: &Value) -> Vec<u64> {
    funnel(doc).into_iter().map(|s| s.1).collect()
}

/// (start, leads) of the volume buckets.
fn buckets(doc: &Value) -> Vec<(String, u64)> {
    doc["volume"]["buckets"]
        .as_array()
        .expect("buckets")
        .iter()
        .map(|b| (b["start"].as_str().unwrap().to_string(), b["leads"].as_u64().unwrap()))
        .collect()
}

fn b(items: &[(&str, u64)]) -> Vec<(String, u64)> {
    items.iter().map(|(s, n)| (s.to_string(), *n)).collect()
}

/// The owners rows by owner ("" for the unassigned row).
fn owners(doc: &Value) -> BTreeMap<String, Value> {
    doc["owners"]
        .as_array()
        .expect("owners")
        .iter()
        .map(|o| (o["owner"].as_str().unwrap_or("").to_string(), o.clone()))
        .collect()
}

/// `list` totals with the same filters: all, then per status in pipeline order.
fn list_counts(env: &TestEnv, filter: &[&str]) -> (u64, Vec<u64>) {
    let count = |extra: &[&str]| -> u64 {
        let mut all = vec!["list", "--format", "json", "--limit", "1"];
        all.extend_from_slice(filter);
        all.extend_from_slice(extra);
        at(env, NOW, &all).json()["total"].as_u64().unwrap()
    };
    let per = ["new", "waitlist", "invited", "converted", "lost"]
        .iter()
        .map(|s| count(&["--status", s]))
        .collect();
    (count(&[]), per)
}

const STATUSES: [&str; 5] = ["new", "waitlist", "invited", "converted", "lost"];

#[test]
fn json_has_the_documented_shape() {
    let env = fixture();
    let doc = stats(&env, &[]);
    let top: Vec<&str> = doc.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(top, ["filters", "total", "by_status", "funnel", "by_source", "volume", "owners"]);
    assert_eq!(keys(&doc["filters"]), sorted(&["since", "until", "source", "tags", "owner"]));
    assert_eq!(
        doc["filters"],
        json!({"since": null, "until": null, "source": null, "tags": [], "owner": null})
    );
    assert!(doc["total"].is_u64());
    let statuses: Vec<&str> = doc["by_status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, STATUSES, "all five statuses, in pipeline order");
    for r in doc["by_status"].as_array().unwrap() {
        assert_eq!(keys(r), sorted(&["status", "leads", "share"]));
    }
    assert_eq!(keys(&doc["funnel"]), sorted(&["steps", "overall_conversion"]));
    let steps: Vec<&str> = doc["funnel"]["steps"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["step"].as_str().unwrap())
        .collect();
    assert_eq!(steps, ["new", "invited", "converted"]);
    for s in doc["funnel"]["steps"].as_array().unwrap() {
        assert_eq!(
            keys(s),
            sorted(&["step", "leads", "conversion_from_previous", "drop_off_from_previous"])
        );
    }
    for s in doc["by_source"].as_array().unwrap() {
        assert_eq!(keys(s), sorted(&["source", "leads", "converted", "rate"]));
    }
    assert_eq!(keys(&doc["volume"]), sorted(&["by", "since", "until", "buckets"]));
    for b in doc["volume"]["buckets"].as_array().unwrap() {
        assert_eq!(keys(b), sorted(&["start", "leads"]));
    }
    for o in doc["owners"].as_array().unwrap() {
        assert_eq!(
            keys(o),
            sorted(&["owner", "leads", "converted", "open_tasks", "last_activity"])
        );
    }
    // filters echo what was asked (times normalised)
    let doc = stats(
        &env,
        &["--since", "2026-03-05", "--until", "2026-03-10T12:00:00+01:00", "--source", "web"],
    );
    assert_eq!(doc["filters"]["since"], "2026-03-05T00:00:00.000Z");
    assert_eq!(doc["filters"]["until"], "2026-03-10T11:00:00.000Z");
    assert_eq!(doc["filters"]["source"], "web");
    let doc = stats(&env, &["--tag", "T1", "--tag", "all", "--owner", "ann"]);
    assert_eq!(doc["filters"]["tags"], json!(["t1", "all"]));
    assert_eq!(doc["filters"]["owner"], "ann");
    // --format ndjson is the same document on one line
    let r = at(&env, NOW, &["stats", "--format", "ndjson"]);
    assert_eq!(r.stdout.lines().count(), 1);
    assert_eq!(r.json(), stats(&env, &[]));
}

#[test]
fn status_shares_funnel_and_sources_on_a_known_data_set() {
    let env = fixture();
    let doc = stats(&env, &[]);
    assert_eq!(doc["total"], 10);
    assert_eq!(
        status_rows(&doc),
        vec![
            ("new".to_string(), 2, json!(0.2)),
            ("waitlist".to_string(), 1, json!(0.1)),
            ("invited".to_string(), 2, json!(0.2)),
            ("converted".to_string(), 2, json!(0.2)),
            ("lost".to_string(), 3, json!(0.3)),
        ]
    );
    // reached invited: a4 a5 (invited), a6 a7 (converted), a9 (invited, then lost), a10
    // (invited, converted, then lost); reached converted: a6 a7 a10
    assert_eq!(
        funnel(&doc),
        vec![
            ("new".to_string(), 10, Value::Null, Value::Null),
            ("invited".to_string(), 6, json!(0.6), json!(0.4)),
            ("converted".to_string(), 3, json!(0.5), json!(0.5)),
        ]
    );
    assert_eq!(doc["funnel"]["overall_conversion"], json!(0.3));
    assert_eq!(
        doc["by_source"],
        json!([
            {"source": "web", "leads": 4, "converted": 1, "rate": 0.25},
            {"source": "ads", "leads": 3, "converted": 0, "rate": 0.0},
            {"source": "referral", "leads": 2, "converted": 1, "rate": 0.5},
            {"source": null, "leads": 1, "converted": 0, "rate": 0.0},
        ]),
        "most leads first; leads without a source count too"
    );
    // `stats status` alone reads the counters: the same figures
    let only = stats(&env, &["status"]);
    assert_eq!(only["by_status"], doc["by_status"]);
    assert_eq!(only["total"], 10);
}

#[test]
fn owners_have_leads_conversions_open_tasks_and_last_activity() {
    let env = fixture();
    let doc = stats(&env, &[]);
    let order: Vec<Value> =
        doc["owners"].as_array().unwrap().iter().map(|o| o["owner"].clone()).collect();
    assert_eq!(
        order,
        [json!("ann"), Value::Null, json!("bob"), json!("carol")],
        "most leads first"
    );
    let o = owners(&doc);
    let figures = |k: &str| {
        let r = &o[k];
        (
            r["leads"].as_u64().unwrap(),
            r["converted"].as_u64().unwrap(),
            r["open_tasks"].as_u64().unwrap(),
        )
    };
    assert_eq!(figures("ann"), (4, 1, 1));
    assert_eq!(figures("bob"), (3, 0, 0), "a done task is not open");
    assert_eq!(figures(""), (3, 1, 1), "the task without an owner");
    assert_eq!(figures("carol"), (0, 0, 1), "an owner with open tasks but no leads");
    assert_eq!(o["ann"]["last_activity"], "2026-03-19T10:30:00.000Z", "a9 moved to lost");
    assert_eq!(o["bob"]["last_activity"], "2026-03-18T09:00:00.000Z");
    assert_eq!(o["carol"]["last_activity"], Value::Null);
    // two more open tasks for bob (#5: a8's owner by default, #6: given), then #5 done
    at(&env, NOW, &["task", "add", "a8@x.io", "Win back"]);
    at(&env, NOW, &["task", "add", "a1@x.io", "Second", "--owner", "bob"]);
    let o = owners(&stats(&env, &["owners"]));
    assert_eq!(o["bob"]["open_tasks"], 2, "a8's owner by default, plus one given to bob");
    assert_eq!(o["ann"]["open_tasks"], 1);
    at(&env, NOW, &["task", "done", "5"]);
    let o = owners(&stats(&env, &["owners"]));
    assert_eq!(o["bob"]["open_tasks"], 1);
    // filtered to one owner
    let doc = stats(&env, &["owners", "--owner", "ann"]);
    assert_eq!(doc["total"], 4);
    let rows = doc["owners"].as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["owner"], "ann");
    assert_eq!(rows[0]["leads"], 4);
    assert_eq!(rows[0]["converted"], 1);
    assert_eq!(rows[0]["open_tasks"], 1);
    // carol owns no lead but has work
    let doc = stats(&env, &["owners", "--owner", "carol"]);
    assert_eq!(doc["total"], 0);
    assert_eq!(
        doc["owners"],
        json!([{"owner": "carol", "leads": 0, "converted": 0, "open_tasks": 1, "last_activity": null}])
    );
}

/// Owners' last activity is the latest change to any of their leads; the unassigned row is
/// no different, and the answer must not depend on which path counts the leads (the
/// `lead_facets` counters for whole days, or reading the leads for tags and partial days).
#[test]
fn unassigned_last_activity_does_not_depend_on_the_counting_path() {
    let env = fixture();
    let unassigned = |args: &[&str]| -> Value {
        let mut all = vec!["owners"];
        all.extend_from_slice(args);
        owners(&stats(&env, &all))[""]["last_activity"].clone()
    };
    // the unassigned leads are a2, a7 (changed at BUILT) and a10 (last changed 03-19 11:00)
    let expected = json!("2026-03-19T11:00:00.000Z");
    let got: Vec<(&str, Value)> = vec![
        ("--tag all (read lead by lead)", unassigned(&["--tag", "all"])),
        (
            "--since 2026-03-17T12:00:00Z (a partial day)",
            unassigned(&["--since", "2026-03-17T12:00:00Z"]),
        ),
        ("--since 2026-03-17 (whole days: counters)", unassigned(&["--since", "2026-03-17"])),
        ("no filter (counters)", unassigned(&[])),
    ];
    for (what, v) in &got {
        assert_eq!(v, &expected, "{what}; all paths: {got:?}");
    }
}

/// A tag every lead has selects every lead: every figure is the same as without a filter.
#[test]
fn every_view_agrees_between_counters_and_a_scan() {
    let env = fixture();
    let mut all = stats(&env, &[]);
    let mut tagged = stats(&env, &["--tag", "all"]);
    for doc in [&mut all, &mut tagged] {
        doc.as_object_mut().unwrap().remove("filters");
        // an owner with open tasks but none of the leads is listed only without filters
        let rows = doc["owners"].as_array_mut().unwrap();
        rows.retain(|o| o["leads"] != 0);
    }
    assert_eq!(all["total"], 10);
    for key in ["total", "by_status", "funnel", "by_source", "volume"] {
        assert_eq!(all[key], tagged[key], "{key}");
    }
    let strip = |d: &Value| -> Vec<Value> {
        d["owners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| json!([o["owner"], o["leads"], o["converted"], o["open_tasks"]]))
            .collect()
    };
    assert_eq!(strip(&all), strip(&tagged), "owners' figures");
}

/// A lead that was invited (or converted) when it arrived and was later moved on still
/// reached that step: its status history says so (from invited to lost).
#[test]
fn funnel_counts_leads_that_arrived_invited_or_converted_and_moved_on() {
    let env = TestEnv::new();
    let text = [
        json!({"email": "a@x.io", "status": "invited", "created_at": "2026-03-02T00:00:00Z"}),
        json!({"email": "b@x.io", "status": "converted", "created_at": "2026-03-02T00:00:00Z"}),
        json!({"email": "c@x.io", "status": "new", "created_at": "2026-03-02T00:00:00Z"}),
        json!({"email": "d@x.io", "status": "invited", "created_at": "2026-03-02T00:00:00Z"}),
    ]
    .iter()
    .map(|l| format!("{l}\n"))
    .collect::<String>();
    env.ingest_ok("f.ndjson", &text);
    at(&env, NOW, &["status", "a@x.io", "b@x.io", "lost"]);
    let doc = stats(&env, &["funnel"]);
    // reached invited: a (invited, then lost), b (converted, then lost), d (invited)
    // reached converted: b
    assert_eq!(
        funnel_leads(&doc),
        [4, 3, 1],
        "a lead ingested as invited/converted and then lost still reached those steps: {}",
        doc["funnel"]
    );
}

/// The history path that works through `leadctl status` only: new -> invited -> waitlist.
#[test]
fn funnel_counts_leads_moved_back_after_an_invitation() {
    let env = TestEnv::new();
    env.ok(&["ingest", "--email", "a@x.io"]);
    env.ok(&["ingest", "--email", "b@x.io"]);
    env.ok(&["ingest", "--email", "c@x.io", "--status", "waitlist"]);
    env.ok(&["status", "a@x.io", "invited"]);
    env.ok(&["status", "a@x.io", "waitlist"]);
    env.ok(&["status", "b@x.io", "converted"]);
    env.ok(&["status", "b@x.io", "invited"]);
    let doc = stats(&env, &["funnel"]);
    // invited: a (history), b (now); converted: b (history)
    assert_eq!(funnel_leads(&doc), [3, 2, 1], "{}", doc["funnel"]);
    assert_eq!(doc["funnel"]["steps"][1]["conversion_from_previous"], json!(0.6667));
    assert_eq!(doc["funnel"]["steps"][1]["drop_off_from_previous"], json!(0.3333));
    assert_eq!(doc["funnel"]["steps"][2]["conversion_from_previous"], json!(0.5));
    assert_eq!(doc["funnel"]["overall_conversion"], json!(0.3333));
}

#[test]
fn source_tag_and_owner_filters() {
    let env = fixture();
    // source web: a1 a2 (new), a4 (invited), a6 (converted)
    let doc = stats(&env, &["--source", "web"]);
    assert_eq!(doc["total"], 4);
    assert_eq!(status_counts(&doc), [2, 0, 1, 1, 0]);
    assert_eq!(funnel_leads(&doc), [4, 2, 1]);
    assert_eq!(
        doc["by_source"],
        json!([{"source": "web", "leads": 4, "converted": 1, "rate": 0.25}])
    );
    let o = owners(&doc);
    assert_eq!(o.len(), 2, "{o:?}");
    assert_eq!(o["ann"]["leads"], 3);
    assert_eq!(o[""]["leads"], 1);
    // source ads: a3 (waitlist), a8 (lost), a9 (lost, was invited)
    let doc = stats(&env, &["--source", "ads"]);
    assert_eq!(status_counts(&doc), [0, 1, 0, 0, 2]);
    assert_eq!(funnel_leads(&doc), [3, 1, 0]);
    assert_eq!(doc["funnel"]["steps"][2]["conversion_from_previous"], json!(0.0));
    assert_eq!(doc["funnel"]["overall_conversion"], json!(0.0));
    // tag t1: a1 (new, web, ann), a3 (waitlist, ads, bob), a5 (invited, referral, bob),
    // a7 (converted, referral, -)
    let doc = stats(&env, &["--tag", "t1"]);
    assert_eq!(doc["total"], 4);
    assert_eq!(status_counts(&doc), [1, 1, 1, 1, 0]);
    assert_eq!(funnel_leads(&doc), [4, 2, 1]);
    assert_eq!(
        doc["by_source"],
        json!([
            {"source": "referral", "leads": 2, "converted": 1, "rate": 0.5},
            {"source": "ads", "leads": 1, "converted": 0, "rate": 0.0},
            {"source": "web", "leads": 1, "converted": 0, "rate": 0.0},
        ])
    );
    let o = owners(&doc);
    assert_eq!((o["bob"]["leads"].clone(), o["ann"]["leads"].clone()), (json!(2), json!(1)));
    assert_eq!(stats(&env, &["--tag", "t1", "--tag", "all"])["total"], 4);
    assert_eq!(stats(&env, &["--tag", "T1"])["total"], 4, "tags are lowercased");
    // owner ann: a1 (new), a4 (invited), a6 (converted), a9 (lost, was invited)
    let doc = stats(&env, &["--owner", "ann"]);
    assert_eq!(status_counts(&doc), [1, 0, 1, 1, 1]);
    assert_eq!(funnel_leads(&doc), [4, 3, 1]);
    assert_eq!(doc["funnel"]["steps"][1]["conversion_from_previous"], json!(0.75));
    assert_eq!(doc["funnel"]["steps"][2]["drop_off_from_previous"], json!(0.6667));
    assert_eq!(doc["funnel"]["overall_conversion"], json!(0.25));
    // combined: web leads of ann with tag t1: a1
    let doc = stats(&env, &["--source", "web", "--owner", "ann", "--tag", "t1"]);
    assert_eq!(status_counts(&doc), [1, 0, 0, 0, 0]);
    // exact matches only
    assert_eq!(stats(&env, &["--source", "we"])["total"], 0);
    assert_eq!(stats(&env, &["--owner", "Ann"])["total"], 0);
    // the totals agree with `list`
    for filter in [
        &["--source", "web"][..],
        &["--source", "ads"],
        &["--tag", "t1"],
        &["--owner", "ann"],
        &["--owner", "bob", "--tag", "t1"],
        &["--source", "referral", "--owner", "bob"],
    ] {
        let doc = stats(&env, filter);
        let (total, per) = list_counts(&env, filter);
        assert_eq!(doc["total"], total, "{filter:?}");
        assert_eq!(status_counts(&doc), per, "{filter:?}");
    }
}

/// Whole days are summed from the counters and partial days are read lead by lead: bounds in
/// the middle of a day with leads on both sides must count exactly the leads in the range.
#[test]
fn since_and_until_split_days_exactly() {
    let env = fixture();
    let cases: &[(&[&str], [u64; 5], [u64; 3])] = &[
        // a5 a6 a7 a8 a9 a10
        (&["--since", "2026-03-05T13:00:00Z"], [0, 0, 1, 2, 3], [6, 5, 3]),
        (&["--since", "2026-03-05T14:00:00+01:00"], [0, 0, 1, 2, 3], [6, 5, 3]),
        // a4 too
        (&["--since", "2026-03-05T12:59:59Z"], [0, 0, 2, 2, 3], [7, 6, 3]),
        (&["--since", "2026-03-05T12:59:59.001Z"], [0, 0, 1, 2, 3], [6, 5, 3]),
        // a3 and on
        (&["--since", "2026-03-05"], [0, 1, 2, 2, 3], [8, 6, 3]),
        (&["--since", "2026-03-04T23:59:59Z"], [0, 1, 2, 2, 3], [8, 6, 3]),
        // a5 .. a9
        (
            &["--since", "2026-03-05T13:00:00Z", "--until", "2026-03-16T12:00:00Z"],
            [0, 0, 1, 2, 2],
            [5, 4, 2],
        ),
        // a5 .. a8 (until is exclusive)
        (
            &["--since", "2026-03-05T13:00:00Z", "--until", "2026-03-16T11:00:00Z"],
            [0, 0, 1, 2, 1],
            [4, 3, 2],
        ),
        // a1 .. a8
        (&["--until", "2026-03-16T11:00:00Z"], [2, 1, 2, 2, 1], [8, 4, 2]),
        (&["--until", "2026-03-16T11:00:01Z"], [2, 1, 2, 2, 2], [9, 5, 2]),
        // a bare --until date includes that day
        (&["--until", "2026-03-05"], [2, 1, 2, 1, 0], [6, 3, 1]),
        (&["--since", "2026-03-05", "--until", "2026-03-05"], [0, 1, 2, 1, 0], [4, 3, 1]),
        // within one day: a4 only
        (
            &["--since", "2026-03-05T09:00:00Z", "--until", "2026-03-05T13:00:00Z"],
            [0, 0, 1, 0, 0],
            [1, 1, 0],
        ),
        // across two partial days (03-05 17:00 to 03-06 01:00): a6 only
        (
            &["--since", "2026-03-05T17:00:00Z", "--until", "2026-03-06T01:00:00Z"],
            [0, 0, 0, 1, 0],
            [1, 1, 1],
        ),
        // midnight exactly: a7 at 03-09 00:00
        (
            &["--since", "2026-03-09T00:00:00Z", "--until", "2026-03-09T00:00:01Z"],
            [0, 0, 0, 1, 0],
            [1, 1, 1],
        ),
        (
            &["--since", "2026-03-08T12:00:00Z", "--until", "2026-03-09T00:00:00Z"],
            [0, 0, 0, 0, 0],
            [0, 0, 0],
        ),
        // an age: since 2026-03-16T12:00Z holds a10 only
        (&["--since", "4d"], [0, 0, 0, 0, 1], [1, 1, 1]),
        // partial days on both ends, with a source
        (
            &[
                "--since",
                "2026-03-05T12:00:00Z",
                "--until",
                "2026-03-16T12:00:00Z",
                "--source",
                "ads",
            ],
            [0, 0, 0, 0, 2],
            [2, 1, 0],
        ),
        // ... and an owner
        (
            &[
                "--since",
                "2026-03-05T12:00:00Z",
                "--until",
                "2026-03-17T00:00:00Z",
                "--owner",
                "ann",
            ],
            [0, 0, 1, 1, 1],
            [3, 3, 1],
        ),
    ];
    for (args, by_status, steps) in cases {
        let doc = stats(&env, args);
        let total: u64 = by_status.iter().sum();
        assert_eq!(doc["total"], total, "{args:?}");
        assert_eq!(status_counts(&doc), by_status.to_vec(), "{args:?}");
        assert_eq!(funnel_leads(&doc), steps.to_vec(), "{args:?}");
        let (list_total, per) = list_counts(&env, args);
        assert_eq!(list_total, total, "{args:?}: list agrees");
        assert_eq!(per, by_status.to_vec(), "{args:?}: list agrees per status");
        // the volume view counts the same leads
        let volume: u64 = buckets(&doc).iter().map(|b| b.1).sum();
        assert_eq!(volume, total, "{args:?}: volume");
        // and so do sources and owners
        let sources: u64 =
            doc["by_source"].as_array().unwrap().iter().map(|s| s["leads"].as_u64().unwrap()).sum();
        assert_eq!(sources, total, "{args:?}: sources");
        let owned: u64 =
            doc["owners"].as_array().unwrap().iter().map(|s| s["leads"].as_u64().unwrap()).sum();
        assert_eq!(owned, total, "{args:?}: owners");
    }
}

#[test]
fn volume_buckets_by_day_week_and_month() {
    let env = fixture();
    // without a range: from the first lead's day to today, by day (19 days)
    let doc = stats(&env, &["volume"]);
    assert_eq!(doc["volume"]["by"], "day");
    assert_eq!(doc["volume"]["since"], "2026-03-02");
    assert_eq!(doc["volume"]["until"], "2026-03-20");
    let days = buckets(&doc);
    assert_eq!(days.len(), 19);
    let nonzero: Vec<(String, u64)> = days.iter().filter(|d| d.1 > 0).cloned().collect();
    assert_eq!(
        nonzero,
        b(&[
            ("2026-03-02", 1),
            ("2026-03-03", 1),
            ("2026-03-05", 4),
            ("2026-03-09", 1),
            ("2026-03-10", 1),
            ("2026-03-16", 1),
            ("2026-03-17", 1),
        ])
    );
    assert_eq!(days[2], ("2026-03-04".to_string(), 0), "empty days are filled with 0");
    assert_eq!(days[18], ("2026-03-20".to_string(), 0));
    // weeks start on Monday
    let doc = stats(&env, &["volume", "--by", "week"]);
    assert_eq!(doc["volume"]["by"], "week");
    assert_eq!(buckets(&doc), b(&[("2026-03-02", 6), ("2026-03-09", 2), ("2026-03-16", 2)]));
    let doc = stats(&env, &["volume", "--by", "week", "--since", "2026-03-04"]);
    assert_eq!(
        buckets(&doc),
        b(&[("2026-03-02", 4), ("2026-03-09", 2), ("2026-03-16", 2)]),
        "the first week starts on the Monday before --since"
    );
    let doc =
        stats(&env, &["volume", "--by", "week", "--since", "2026-02-26", "--until", "2026-03-08"]);
    assert_eq!(buckets(&doc), b(&[("2026-02-23", 0), ("2026-03-02", 6)]));
    // months
    let doc =
        stats(&env, &["volume", "--by", "month", "--since", "2026-01-15", "--until", "2026-04-10"]);
    assert_eq!(doc["volume"]["by"], "month");
    let months = buckets(&doc);
    assert_eq!(months.len(), 4, "{months:?}");
    for (m, (start, n)) in ["2026-01", "2026-02", "2026-03", "2026-04"].iter().zip(&months) {
        assert!(start.starts_with(m), "{start} is not the start of {m}");
        assert_eq!(*n, if *m == "2026-03" { 10 } else { 0 }, "{m}");
    }
    // days with partial bounds and empty days between
    let doc = stats(
        &env,
        &["volume", "--by", "day", "--since", "2026-03-05T13:00:00Z", "--until", "2026-03-10"],
    );
    assert_eq!(doc["volume"]["since"], "2026-03-05");
    assert_eq!(doc["volume"]["until"], "2026-03-10");
    assert_eq!(
        buckets(&doc),
        b(&[
            ("2026-03-05", 2),
            ("2026-03-06", 0),
            ("2026-03-07", 0),
            ("2026-03-08", 0),
            ("2026-03-09", 1),
            ("2026-03-10", 1),
        ])
    );
    // an --until at midnight ends the day before
    let doc = stats(&env, &["volume", "--since", "2026-03-09", "--until", "2026-03-11T00:00:00Z"]);
    assert_eq!(buckets(&doc), b(&[("2026-03-09", 1), ("2026-03-10", 1)]));
    // the default bucket grows with the range: weeks beyond 62 days, months beyond a year
    let doc = stats(&env, &["volume", "--since", "2026-01-01"]);
    assert_eq!(doc["volume"]["by"], "week");
    let weeks = buckets(&doc);
    assert_eq!(weeks.len(), 12, "{weeks:?}");
    assert_eq!(weeks[0], ("2025-12-29".to_string(), 0), "the Monday of 2026-01-01's week");
    assert_eq!(&weeks[9..], &b(&[("2026-03-02", 6), ("2026-03-09", 2), ("2026-03-16", 2)])[..]);
    let doc = stats(&env, &["volume", "--since", "2025-01-01"]);
    assert_eq!(doc["volume"]["by"], "month");
    let months = buckets(&doc);
    assert_eq!(months.len(), 15, "2025-01 .. 2026-03: {months:?}");
    assert_eq!(months.iter().map(|m| m.1).sum::<u64>(), 10);
    assert_eq!(months[14].1, 10);
    // too many buckets is a usage error with a hint
    let r = run_stats(&env, &["volume", "--by", "day", "--since", "2020-01-01"]);
    r.error(2);
    assert!(r.stderr.contains("hint:"), "{}", r.stderr);
}

#[test]
fn a_view_shows_only_itself() {
    let env = fixture();
    let full = stats(&env, &[]);
    for (view, key) in [
        ("status", "by_status"),
        ("funnel", "funnel"),
        ("sources", "by_source"),
        ("volume", "volume"),
        ("owners", "owners"),
    ] {
        let doc = stats(&env, &[view]);
        assert_eq!(keys(&doc), sorted(&["filters", "total", key]), "{view}");
        assert_eq!(doc["total"], 10, "{view}");
        assert_eq!(doc[key], full[key], "{view}");
        // the same with a filter (no counters for `status` then)
        let doc = stats(&env, &[view, "--source", "web"]);
        assert_eq!(keys(&doc), sorted(&["filters", "total", key]), "{view} --source web");
        assert_eq!(doc["total"], 4);
    }
    assert_eq!(status_counts(&stats(&env, &["status", "--source", "web"])), [2, 0, 1, 1, 0]);
    run_stats(&env, &["bogus"]).error(2);
}

fn assert_empty(doc: &Value, what: &str) {
    assert_eq!(doc["total"], 0, "{what}");
    for r in doc["by_status"].as_array().unwrap() {
        assert_eq!(r["leads"], 0, "{what}");
        assert_eq!(r["share"], Value::Null, "{what}: a share of nothing is null");
    }
    for s in doc["funnel"]["steps"].as_array().unwrap() {
        assert_eq!(s["leads"], 0, "{what}");
        assert_eq!(s["conversion_from_previous"], Value::Null, "{what}");
        assert_eq!(s["drop_off_from_previous"], Value::Null, "{what}");
    }
    assert_eq!(doc["funnel"]["overall_conversion"], Value::Null, "{what}");
    assert_eq!(doc["by_source"], json!([]), "{what}");
    assert!(doc["volume"]["buckets"].as_array().unwrap().iter().all(|b| b["leads"] == 0), "{what}");
}

#[test]
fn an_empty_database_and_empty_ranges_give_empty_results() {
    // no database file yet
    let env = TestEnv::new();
    let doc = stats(&env, &[]);
    assert_empty(&doc, "no database");
    assert_eq!(doc["volume"]["buckets"], json!([]));
    assert_eq!(doc["owners"], json!([]));
    for view in ["status", "funnel", "sources", "volume", "owners"] {
        stats(&env, &[view]);
        let r = run_stats(&env, &[view]);
        r.code(0);
        assert_eq!(r.stderr, "", "{view}");
        let r = run_stats(&env, &[view, "--format", "csv"]);
        r.code(0);
        parse_csv(&r.stdout);
    }
    let r = run_stats(&env, &[]);
    r.code(0);
    assert!(r.stdout.contains("Leads by status (0 in all)"), "{}", r.stdout);
    assert!(r.stdout.contains("no leads"), "{}", r.stdout);
    assert!(!r.stdout.contains("NaN") && !r.stdout.contains("inf"), "{}", r.stdout);
    // a database whose leads were all filtered away, or with a range in the past
    let env = fixture();
    for args in [
        &["--since", "2027-01-01"][..],
        &["--until", "2026-01-01"],
        &["--source", "nosuch"],
        &["--owner", "nobody"],
        &["--tag", "nosuchtag"],
        &["--since", "2026-03-11", "--until", "2026-03-15"],
        &["--since", "2026-03-11T06:00:00Z", "--until", "2026-03-15T18:00:00Z"],
    ] {
        let doc = stats(&env, args);
        assert_empty(&doc, &format!("{args:?}"));
        let r = run_stats(&env, args);
        r.code(0);
        let r = run_stats(&env, &[args, &["--format", "csv"][..]].concat());
        r.code(0);
        assert!(!r.stdout.contains("NaN"), "{}", r.stdout);
    }
    let doc = stats(&env, &["--since", "2026-03-11", "--until", "2026-03-15"]);
    assert_eq!(
        buckets(&doc),
        b(&[
            ("2026-03-11", 0),
            ("2026-03-12", 0),
            ("2026-03-13", 0),
            ("2026-03-14", 0),
            ("2026-03-15", 0),
        ]),
        "an empty range still has its days"
    );
}

#[test]
fn csv_output_has_one_row_per_figure() {
    let env = fixture();
    let r = at(&env, NOW, &["stats", "--format", "csv"]);
    let doc = parse_csv(&r.stdout);
    assert_eq!(doc.header, ["view", "key", "metric", "value"]);
    let mut rdr = csv::ReaderBuilder::new().from_reader(r.stdout.as_bytes());
    for rec in rdr.records() {
        assert_eq!(rec.expect("record").len(), 4);
    }
    let cell = |view: &str, key: &str, metric: &str| -> String {
        let rows: Vec<_> = doc
            .rows
            .iter()
            .filter(|r| r["view"] == view && r["key"] == key && r["metric"] == metric)
            .collect();
        assert_eq!(rows.len(), 1, "{view},{key},{metric}");
        rows[0]["value"].clone()
    };
    assert_eq!(cell("total", "", "leads"), "10");
    assert_eq!(cell("status", "new", "leads"), "2");
    assert_eq!(cell("status", "new", "share"), "0.2");
    assert_eq!(cell("status", "lost", "share"), "0.3");
    assert_eq!(cell("funnel", "invited", "leads"), "6");
    assert_eq!(cell("funnel", "invited", "conversion_from_previous"), "0.6");
    assert_eq!(cell("funnel", "converted", "drop_off_from_previous"), "0.5");
    assert_eq!(cell("funnel", "new", "conversion_from_previous"), "", "null is an empty cell");
    assert_eq!(cell("funnel", "", "overall_conversion"), "0.3");
    assert_eq!(cell("sources", "web", "leads"), "4");
    assert_eq!(cell("sources", "web", "rate"), "0.25");
    assert_eq!(cell("sources", "", "leads"), "1", "no source is an empty key");
    assert_eq!(cell("volume", "2026-03-05", "leads"), "4");
    assert_eq!(cell("volume", "2026-03-04", "leads"), "0");
    assert_eq!(cell("owners", "ann", "leads"), "4");
    assert_eq!(cell("owners", "ann", "open_tasks"), "1");
    assert_eq!(cell("owners", "ann", "last_activity"), "2026-03-19T10:30:00.000Z");
    assert_eq!(cell("owners", "carol", "open_tasks"), "1");
    let views: std::collections::BTreeSet<&str> =
        doc.rows.iter().map(|r| r["view"].as_str()).collect();
    assert_eq!(
        views.into_iter().collect::<Vec<_>>(),
        ["funnel", "owners", "sources", "status", "total", "volume"]
    );
    // one view
    let r = at(&env, NOW, &["stats", "funnel", "--format", "csv"]);
    let doc = parse_csv(&r.stdout);
    assert!(doc.rows.iter().all(|r| r["view"] == "funnel" || r["view"] == "total"));
    assert_eq!(doc.rows.len(), 1 + 3 * 3 + 1);
    // a null rate is an empty cell
    let r = at(&env, NOW, &["stats", "status", "--format", "csv", "--source", "nosuch"]);
    let doc = parse_csv(&r.stdout);
    let shares: Vec<&str> =
        doc.rows.iter().filter(|r| r["metric"] == "share").map(|r| r["value"].as_str()).collect();
    assert_eq!(shares, ["", "", "", "", ""]);
}

#[test]
fn table_output_has_the_section_titles() {
    let env = fixture();
    let r = at(&env, NOW, &["stats"]);
    let out = &r.stdout;
    for title in [
        "Leads by status (10 in all)",
        "Funnel (overall conversion 30.0%)",
        "Conversion by source",
        "Leads per day, 2026-03-02 to 2026-03-20",
        "Owners",
    ] {
        assert!(out.lines().any(|l| l == title), "no section {title:?} in:\n{out}");
    }
    assert!(out.contains("(unassigned)"), "{out}");
    assert!(out.contains("(none)"), "{out}");
    assert!(out.contains("60.0%"), "{out}");
    // the bar chart: the longest bar is the busiest day, no bar for an empty one
    let bar = |day: &str| -> usize {
        let line = out.lines().find(|l| l.trim_start().starts_with(day)).expect(day);
        line.chars().filter(|c| *c == '#').count()
    };
    assert_eq!(bar("2026-03-05"), 40);
    assert_eq!(bar("2026-03-02"), 10);
    assert_eq!(bar("2026-03-04"), 0);
    // a single view prints only its section
    let r = at(&env, NOW, &["stats", "funnel"]);
    assert!(r.stdout.starts_with("Funnel (overall conversion 30.0%)"), "{}", r.stdout);
    assert!(!r.stdout.contains("Owners"));
    let r = at(&env, NOW, &["stats", "volume", "--by", "week"]);
    assert!(r.stdout.starts_with("Leads per week, 2026-03-02 to 2026-03-20"), "{}", r.stdout);
}

#[test]
fn invalid_arguments_are_usage_errors() {
    let env = fixture();
    for args in [
        &["--since", "whenever"][..],
        &["--until", "2026-13-01"],
        &["--by", "year"],
        &["--tag", "no way"],
        &["bogus"],
        &["--format", "xml"],
    ] {
        let r = run_stats(&env, args);
        r.error(2);
        assert_eq!(r.stdout, "", "{args:?}");
    }
    run_stats(&env, &["--org", "nosuch"]).error(3);
}

/// One `lead_facets` cell: org_id, day, status, source, owner, n.
type Cell = (i64, String, String, String, String, i64);

/// `lead_facets` as rows, and the same grouping computed from `leads`.
fn facets(env: &TestEnv) -> (Vec<Cell>, Vec<Cell>) {
    let conn = env.sql();
    let rows = |sql: &str| -> Vec<Cell> {
        let mut st = conn.prepare(sql).unwrap();
        st.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let negative: i64 =
        conn.query_row("SELECT count(*) FROM lead_facets WHERE n < 0", [], |r| r.get(0)).unwrap();
    assert_eq!(negative, 0, "no negative counter");
    let kept = rows(
        "SELECT org_id, day, status, source, owner, n FROM lead_facets WHERE n <> 0 \
         ORDER BY 1, 2, 3, 4, 5",
    );
    let computed = rows(
        "SELECT org_id, substr(created_at, 1, 10), status, coalesce(source, ''), \
         coalesce(owner, ''), count(*) FROM leads GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5",
    );
    (kept, computed)
}

fn assert_counters_exact(env: &TestEnv, step: &str) {
    let (kept, computed) = facets(env);
    assert_eq!(kept, computed, "lead_facets after {step}");
    // `stats status` without filters reads the per-status counters
    let counted = status_counts(&stats(env, &["status"]));
    let conn = env.sql();
    let per: Vec<u64> = STATUSES
        .iter()
        .map(|s| {
            conn.query_row(
                "SELECT count(*) FROM leads WHERE org_id = 1 AND status = ?1",
                [s],
                |r| r.get::<_, i64>(0),
            )
            .unwrap() as u64
        })
        .collect();
    assert_eq!(counted, per, "stats status (lead_counts) after {step}");
    drop(conn);
    // and stats, which sums them, agrees with the leads
    let doc = stats(env, &[]);
    let conn = env.sql();
    let total: u64 = conn
        .query_row("SELECT count(*) FROM leads WHERE org_id = 1", [], |r| r.get::<_, i64>(0))
        .unwrap() as u64;
    assert_eq!(doc["total"], total, "stats total after {step}");
    let mut st = conn
        .prepare(
            "SELECT source, count(*), sum(status = 'converted') FROM leads WHERE org_id = 1 \
             GROUP BY source",
        )
        .unwrap();
    let want: BTreeMap<String, (u64, u64)> = st
        .query_map([], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                (r.get::<_, i64>(1)? as u64, r.get::<_, i64>(2)? as u64),
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let got: BTreeMap<String, (u64, u64)> = doc["by_source"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (
                s["source"].as_str().unwrap_or("").to_string(),
                (s["leads"].as_u64().unwrap(), s["converted"].as_u64().unwrap()),
            )
        })
        .collect();
    assert_eq!(got, want, "stats by source after {step}");
    let mut st = conn
        .prepare(
            "SELECT owner, count(*), sum(status = 'converted') FROM leads WHERE org_id = 1 \
             GROUP BY owner",
        )
        .unwrap();
    let want: BTreeMap<String, (u64, u64)> = st
        .query_map([], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                (r.get::<_, i64>(1)? as u64, r.get::<_, i64>(2)? as u64),
            ))
        })
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let got: BTreeMap<String, (u64, u64)> = owners(&doc)
        .into_iter()
        .filter(|(_, o)| o["leads"] != 0)
        .map(|(k, o)| (k, (o["leads"].as_u64().unwrap(), o["converted"].as_u64().unwrap())))
        .collect();
    assert_eq!(got, want, "stats by owner after {step}");
}

#[test]
fn counters_stay_exact_through_every_change() {
    let env = TestEnv::new();
    let ingest = |name: &str, leads: &[Value], extra: &[&str]| -> Run {
        let text: String = leads.iter().map(|l| format!("{l}\n")).collect();
        env.ingest_file(name, &text, extra)
    };
    let r = ingest(
        "1.ndjson",
        &[
            json!({"email": "c1@x.io", "source": "web", "owner": "ann", "created_at": "2026-04-01T10:00:00Z"}),
            json!({"email": "c2@x.io", "created_at": "2026-04-01T11:00:00Z"}),
            json!({"email": "c3@x.io", "source": "ads", "status": "invited", "created_at": "2026-04-02T00:00:00Z"}),
            json!({"email": "c4@x.io", "owner": "bob", "created_at": "2026-04-03T23:59:59Z"}),
            json!({"email": "c5@x.io", "created_at": "2026-04-03T00:00:00Z", "tags": ["x"]}),
        ],
        &[],
    );
    r.code(0);
    assert_counters_exact(&env, "ingest");

    // merges fill an empty source or owner (never replace one); a lead created and merged in
    // the same file
    let r = ingest(
        "2.ndjson",
        &[
            json!({"email": "c2@x.io", "source": "ads", "owner": "cat"}),
            json!({"email": "C5@x.io", "source": "web"}),
            json!({"email": "c1@x.io", "source": "other", "owner": "zed"}),
            json!({"email": "c6@x.io", "created_at": "2026-04-04T12:00:00Z"}),
            json!({"email": "c6@x.io", "source": "late", "owner": "ann"}),
        ],
        &[],
    );
    r.code(0);
    assert_eq!(r.json()["merged"], 4);
    let c1 = env.show("c1@x.io");
    assert_eq!((c1["source"].clone(), c1["owner"].clone()), (json!("web"), json!("ann")));
    let c6 = env.show("c6@x.io");
    assert_eq!((c6["source"].clone(), c6["owner"].clone()), (json!("late"), json!("ann")));
    assert_counters_exact(&env, "merges");

    // the bulk load mode, and small batches (a lead created in one batch, merged in the next)
    let r = ingest(
        "2b.ndjson",
        &[
            json!({"email": "b1@x.io", "source": "bulk", "created_at": "2026-04-02T05:00:00Z"}),
            json!({"email": "c4@x.io", "source": "filled-in-bulk"}),
            json!({"email": "b1@x.io", "owner": "bulky"}),
        ],
        &["--load-mode", "bulk"],
    );
    r.code(0);
    assert_eq!(env.show("b1@x.io")["owner"], "bulky");
    assert_counters_exact(&env, "a bulk load");
    let r = ingest(
        "2c.ndjson",
        &[
            json!({"email": "b2@x.io", "created_at": "2026-04-02T06:00:00Z"}),
            json!({"email": "b3@x.io", "status": "waitlist", "created_at": "2026-04-03T06:00:00Z"}),
            json!({"email": "b2@x.io", "source": "second-batch", "owner": "ann"}),
            json!({"email": "b3@x.io", "owner": "bob"}),
        ],
        &["--load-mode", "batched", "--batch-size", "2"],
    );
    r.code(0);
    assert_eq!(env.show("b2@x.io")["source"], "second-batch");
    assert_counters_exact(&env, "small batches");

    // status: bulk, then by ids
    env.ok(&["status", "--where-status", "new", "invited", "--yes"]);
    assert_counters_exact(&env, "status in bulk");
    env.ok(&["status", "c3@x.io", "lost"]);
    env.ok(&["status", "c1@x.io", "c2@x.io", "converted"]);
    env.ok(&["status", "--where-source", "web", "--where-status", "invited", "waitlist", "--yes"]);
    assert_counters_exact(&env, "status");

    // owners
    env.ok(&["assign", "c2@x.io", "dan"]);
    env.ok(&["assign", "--where-source", "web", "sam", "--yes"]);
    env.ok(&["assign", "c4@x.io", "--unassign"]);
    env.ok(&["assign", "--where-owner", "ann", "eve", "--yes"]);
    assert_counters_exact(&env, "assign");

    // sources
    env.ok(&["edit", "c3@x.io", "--source", "newsrc"]);
    env.ok(&["edit", "c4@x.io", "--source", "web"]);
    env.ok(&["edit", "c1@x.io", "--source", ""]);
    assert_counters_exact(&env, "edit --source");

    // tags and notes do not move a lead between cells; erasure keeps the row
    env.ok(&["tag", "c1@x.io", "c2@x.io", "--add", "vip"]);
    env.ok(&["note", "c2@x.io", "called"]);
    env.ok(&["forget", "c5@x.io", "--yes"]);
    assert_counters_exact(&env, "tag, note, forget");

    // a rolled-back batch and a dry run change nothing
    let before = facets(&env).0;
    let r = ingest(
        "3.ndjson",
        &[
            json!({"email": "c4@x.io", "owner": "fay"}),
            json!({"email": "c7@x.io", "source": "web", "created_at": "2026-04-05T00:00:00Z"}),
            json!({"email": "not an email"}),
        ],
        &["--strict"],
    );
    assert_ne!(r.code, 0);
    assert_eq!(facets(&env).0, before, "--strict rolled back");
    let r = ingest(
        "4.ndjson",
        &[
            json!({"email": "c4@x.io", "owner": "fay"}),
            json!({"email": "c8@x.io", "source": "web", "created_at": "2026-04-05T00:00:00Z"}),
        ],
        &["--dry-run"],
    );
    r.code(0);
    assert_eq!(facets(&env).0, before, "--dry-run");
    assert_counters_exact(&env, "a rolled-back batch and a dry run");

    // another organisation has its own cells
    env.ok(&["--org", "second", "ingest", "--email", "o@x.io", "--source", "web"]);
    env.ok(&["--org", "second", "status", "o@x.io", "invited"]);
    assert_counters_exact(&env, "a second organisation");
    let doc = stats(&env, &[]);
    let second = at(&env, NOW, &["--org", "second", "stats", "--format", "json"]).json();
    assert_eq!(second["total"], 1);
    assert_eq!(status_counts(&second), [0, 0, 1, 0, 0]);
    assert_eq!(doc["total"], 9, "the default organisation does not see it");

    // a final cross-check of stats against list, with whole and partial days
    for filter in [
        &[][..],
        &["--since", "2026-04-01T10:30:00Z"],
        &["--until", "2026-04-03T12:00:00Z"],
        &["--since", "2026-04-02", "--until", "2026-04-03"],
        &["--source", "web"],
        &["--owner", "sam"],
    ] {
        let doc = stats(&env, filter);
        let (total, per) = list_counts(&env, filter);
        assert_eq!(doc["total"], total, "{filter:?}");
        assert_eq!(status_counts(&doc), per, "{filter:?}");
    }
}

/// One bulk transaction touching more facet cells than the store keeps in memory (8,192), with
/// merges moving leads between cells in the same transaction: the counters written out midway
/// and at commit still add up exactly.
#[test]
fn counters_stay_exact_when_a_bulk_load_writes_them_out_midway() {
    let env = TestEnv::new();
    let statuses = ["new", "waitlist", "invited", "converted", "lost"];
    let sources = ["web", "ads", "referral"];
    let mut text = String::new();
    for i in 0..11_000u32 {
        // every (day, status, source) combination once: 700 x 5 x 3 = 10,500 cells
        let day = 1 + i % 700;
        let date = chrono_like_day(day);
        text.push_str(&format!(
            "{{\"email\":\"p{i}@bulk.example\",\"status\":\"{}\",\"source\":\"{}\",\"created_at\":\"{date}T10:00:00Z\"}}\n",
            statuses[((i / 700) % 5) as usize],
            sources[((i / 3500) % 3) as usize],
        ));
    }
    // repeats of earlier people fill an owner in the same load: they move between cells
    for i in 0..300u32 {
        text.push_str(&format!("{{\"email\":\"p{i}@bulk.example\",\"owner\":\"sam\"}}\n"));
    }
    let r = env.ingest_file("bulk.ndjson", &text, &["--load-mode", "bulk"]);
    r.code(0);
    assert_eq!(r.json()["created"], 11_000);
    assert_eq!(r.json()["merged"], 300);
    let cells: i64 =
        env.sql().query_row("SELECT count(*) FROM lead_facets", [], |r| r.get(0)).unwrap();
    assert!(cells > 8192, "the load must span more cells than are kept in memory: {cells}");
    assert_counters_exact(&env, "a bulk load over 8,192 cells");
}

/// `YYYY-MM-DD` of day `n` (1-based) counted from 2024-01-01, without a date library.
fn chrono_like_day(n: u32) -> String {
    let months = [
        31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
        31,
    ];
    let mut left = n - 1;
    for (i, len) in months.iter().enumerate() {
        if left < *len {
            return format!("{}-{:02}-{:02}", 2024 + i / 12, i % 12 + 1, left + 1);
        }
        left -= len;
    }
    "2025-12-31".to_string()
}
