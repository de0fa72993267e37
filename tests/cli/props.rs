//! Property tests (proptest) and stable-toolchain fuzzing of the parsers.
//!
//! - Properties: normalising an email or phone twice gives what normalising once gave; the
//!   retry schedule never shrinks and stays within its bounds; any lead survives export ->
//!   ingest (CSV and NDJSON) unchanged.
//! - Fuzzing: arbitrary bytes and strings through the ingest readers (JSON, NDJSON, CSV) and
//!   normalisation, the webhook signature checks and their header parsers, the time, bound
//!   and duration parsers, `Retry-After`, and the list filters (sort keys, tags, statuses,
//!   search text, which always becomes one quoted FTS5 phrase): nothing panics, every outcome is a value or an
//!   error. CI runs a short bounded number of cases; for a longer run:
//!   `PROPTEST_CASES=200000 cargo test --release --test cli props::`
//!   A failure prints its minimal input; keep it as a regression case (proptest also saves it
//!   under `proptest-regressions/`).

use std::io::BufRead;
use std::time::Duration;

use axum::http::{HeaderMap, HeaderName, HeaderValue};
use leadctl::ingest::input::{InputFormat, Raw, RawItem, read_records};
use leadctl::ingest::normalize::{normalize, normalize_email, normalize_phone, parse_region};
use leadctl::queue::retry::{RETRY_AFTER_CAP, RetryPolicy};
use leadctl::webhooks::verify;
use proptest::prelude::*;

use crate::common::{TestEnv, parse_ndjson};

/// Cases per fuzz property: PROPTEST_CASES when set, else `default`.
fn cases(default: u32) -> ProptestConfig {
    let n = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    ProptestConfig { cases: n, failure_persistence: None, ..ProptestConfig::default() }
}

fn email_like() -> impl Strategy<Value = String> {
    (
        "[ \t]{0,2}",
        "[A-Za-z0-9._%+-]{1,16}",
        "[A-Za-z0-9-]{1,12}",
        "[A-Za-z]{2,6}",
        prop::option::of("[A-Za-z]{2,5}"),
        "[ \t]{0,2}",
    )
        .prop_map(|(pre, local, host, tld, sub, post)| match sub {
            Some(s) => format!("{pre}{local}@{s}.{host}.{tld}{post}"),
            None => format!("{pre}{local}@{host}.{tld}{post}"),
        })
}

fn phone_like() -> impl Strategy<Value = (String, &'static str)> {
    let seps = prop::sample::select(vec!["", " ", "-", ".", " - "]);
    (
        prop::sample::select(vec!["US", "GB", "DE", "FR", "BR", "IN", "AU", "JP"]),
        prop::bool::ANY,
        prop::sample::select(vec!["1", "44", "49", "33", "55", "91", "61", "81"]),
        prop::collection::vec(("[0-9]{2,4}", seps), 2..5),
    )
        .prop_map(|(region, international, cc, groups)| {
            let body: String = groups.into_iter().map(|(g, s)| format!("{g}{s}")).collect();
            let s = if international { format!("+{cc} {body}") } else { body };
            (s, region)
        })
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn normalising_an_email_twice_changes_nothing(raw in prop_oneof![email_like(), ".{0,40}"]) {
        if let Ok((email, key)) = normalize_email(&raw) {
            prop_assert_eq!(normalize_email(&email), Ok((email.clone(), key.clone())));
            prop_assert_eq!(normalize_email(&key).map(|(_, k)| k), Ok(key));
        }
    }

    #[test]
    fn normalising_a_phone_twice_changes_nothing((raw, region) in phone_like()) {
        let region = parse_region(region).unwrap();
        if let Ok(e164) = normalize_phone(&raw, region) {
            prop_assert!(e164.starts_with('+'), "{}", e164);
            prop_assert_eq!(normalize_phone(&e164, region), Ok(e164.clone()));
            // An E.164 number means the same from any region.
            let other = parse_region("JP").unwrap();
            prop_assert_eq!(normalize_phone(&e164, other), Ok(e164.clone()));
        }
    }

    #[test]
    fn the_retry_schedule_never_shrinks_and_stays_bounded(
        first in 1u64..86_400,
        extra in 0u64..(30 * 86_400),
        failed in 1u32..200,
        jitter in 0.0f64..1.0,
        retry_after in prop::option::of(0u64..u64::MAX / 2),
    ) {
        let p = RetryPolicy {
            first_delay: Duration::from_secs(first),
            max_delay: Duration::from_secs(first + extra),
            max_attempts: 5,
        };
        let base = p.base_delay(failed);
        prop_assert!(p.base_delay(failed + 1) >= base);
        prop_assert!(base <= p.max_delay && base >= p.first_delay.min(p.max_delay));
        let d = p.delay(failed, jitter, None);
        prop_assert!(d >= base / 2 && d <= base, "{:?} vs base {:?}", d, base);
        if let Some(r) = retry_after.map(Duration::from_secs) {
            let d = p.delay(failed, jitter, Some(r));
            prop_assert!(d >= r.min(RETRY_AFTER_CAP));
            prop_assert!(d <= base.max(RETRY_AFTER_CAP));
        }
    }
}

/// Feeds `bytes` to the reader of `format` and normalises every record read.
fn read_all(bytes: Vec<u8>, format: InputFormat) {
    let input: Box<dyn BufRead + Send> = Box::new(std::io::Cursor::new(bytes));
    let region = parse_region("US").unwrap();
    let mut emit = |item: RawItem, raw: &dyn Fn() -> Raw| -> bool {
        let _ = raw();
        if let Ok(rec) = item.parsed {
            let _ = normalize(rec, region);
        }
        true
    };
    // Errors (not UTF-8, unreadable CSV ...) are fine; a panic fails the property.
    let _ = read_records(input, format, false, &mut emit);
}

fn json_records() -> impl Strategy<Value = String> {
    let value = prop_oneof![
        ".{0,30}".prop_map(serde_json::Value::from),
        any::<i64>().prop_map(serde_json::Value::from),
        any::<bool>().prop_map(serde_json::Value::from),
        Just(serde_json::Value::Null),
        prop::collection::vec(".{0,10}", 0..3).prop_map(serde_json::Value::from),
    ];
    let key = prop::sample::select(vec![
        "email",
        "name",
        "first_name",
        "phone",
        "company",
        "tags",
        "status",
        "created_at",
        "consent",
        "meta",
        "id",
        "source",
        "utm_campaign",
        "owner",
        "request_id",
        "x",
    ]);
    prop::collection::btree_map(key, value, 0..8).prop_map(|m| {
        serde_json::Value::Object(m.into_iter().map(|(k, v)| (k.into(), v)).collect()).to_string()
    })
}

proptest! {
    #![proptest_config(cases(200))]

    #[test]
    fn ingest_readers_never_panic_on_arbitrary_bytes(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        for format in [InputFormat::Ndjson, InputFormat::Json, InputFormat::Csv] {
            read_all(bytes.clone(), format);
        }
    }

    #[test]
    fn ingest_readers_never_panic_on_near_valid_records(
        records in prop::collection::vec(json_records(), 0..6),
        cut in 0usize..400,
    ) {
        let ndjson = records.join("\n");
        let json = format!("[{}]", records.join(","));
        let csv = format!("email,name,phone,tags,created_at\n{}", ndjson.replace(['{', '}'], ""));
        for (text, format) in [(ndjson, InputFormat::Ndjson), (json, InputFormat::Json), (csv, InputFormat::Csv)] {
            let mut bytes = text.into_bytes();
            bytes.truncate(cut.max(1).min(bytes.len()));
            read_all(bytes, format);
        }
    }

    #[test]
    fn signature_checks_never_panic_on_arbitrary_headers(
        values in prop::collection::vec(prop_oneof![
            ".{0,80}",
            "t=[0-9]{0,12},v1=[0-9a-f]{0,70}",
            "v0=[0-9a-f]{0,70}",
            "sha256=[0-9a-f]{0,70}",
            "(v1,[A-Za-z0-9+/=]{0,50} ?){0,3}",
            "[0-9]{0,20}",
        ], 5),
        body in prop::collection::vec(any::<u8>(), 0..200),
        secret in prop::collection::vec(any::<u8>(), 0..40),
        now in 0i64..4_000_000_000,
    ) {
        let names = [
            "calendly-webhook-signature", "x-zm-signature", "x-zm-request-timestamp",
            "x-hub-signature", "webhook-signature",
        ];
        let mut headers = HeaderMap::new();
        for (name, v) in names.iter().zip(&values) {
            if let Ok(v) = HeaderValue::from_str(v) {
                headers.insert(HeaderName::from_static(name), v);
            }
        }
        headers.insert("webhook-id", HeaderValue::from_static("msg_1"));
        if let Ok(v) = HeaderValue::from_str(&values[4]) {
            headers.insert("webhook-timestamp", v);
        }
        let _ = verify::calendly(&headers, &body, &secret, now, 300);
        let _ = verify::zoom(&headers, &body, &secret, now, 300);
        let _ = verify::fireflies(&headers, &body, &secret);
        let _ = verify::standard(&headers, &body, std::slice::from_ref(&secret), now, 300);
        let _ = verify::decode_whsec(&values[0]);
        let _ = verify::shared_secret(&headers, &HeaderName::from_static("x-hub-signature"), &values[1]);
    }

    #[test]
    fn time_and_duration_parsers_never_panic(s in prop_oneof![
        ".{0,40}",
        "[0-9]{1,25}[smhdwy]?",
        "[0-9]{4,6}-[0-9]{1,2}-[0-9]{1,2}([T ][0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2})?Z?)?",
        "-?[0-9]{1,20}(d|h|m|s|w|days|hours)",
    ]) {
        let now = leadctl::time::now();
        let _ = leadctl::time::parse_timestamp(&s);
        let _ = leadctl::time::parse_bound(&s, now, false);
        let _ = leadctl::time::parse_bound(&s, now, true);
        let _ = leadctl::time::parse_relative(&s);
        let _ = leadctl::time::parse_duration(&s);
        let _ = leadctl::queue::deliver::parse_retry_after(&s);
    }

    #[test]
    fn list_filter_parsers_never_panic(s in prop_oneof![
        ".{0,40}",
        "[-+]?[a-z_]{0,20}",
        "[\"*()^:%_' A-Za-z0-9-]{0,30}",
    ]) {
        let _ = leadctl::commands::list::parse_sort(&s);
        let _ = leadctl::ingest::normalize::normalize_tag(&s);
        let _ = s.parse::<leadctl::model::Status>();
        // A search becomes one quoted FTS5 phrase, or a plain substring when too short.
        if let leadctl::store::search::SearchPlan::Match(phrase) = leadctl::store::search::search_plan(&s) {
            prop_assert!(phrase.starts_with('"') && phrase.ends_with('"'), "{}", phrase);
            prop_assert!(!phrase[1..phrase.len() - 1].replace("\"\"", "").contains('"'), "{}", phrase);
        }
    }
}

/// A lead with awkward but valid content: quotes, commas, newlines, Unicode, CSV formula
/// starters, and tags.
fn awkward_lead() -> impl Strategy<Value = serde_json::Value> {
    let text = prop_oneof![
        "[A-Za-z]{1,12}",
        "[A-Za-zÀ-ÿ '\",;=+@-]{1,20}",
        Just("O'Brien, \"Jr\"".to_string()),
        Just("Łukasz Żółć".to_string()),
        Just("=SUM(A1)".to_string()),
    ];
    // Any text without control characters (those are refused at ingest), and newlines.
    let message =
        prop_oneof!["[^\\p{Cc}]{0,60}", Just("line one\nline two, \"quoted\"".to_string()),];
    (text.clone(), text.clone(), text, message, prop::collection::vec("[a-z]{1,8}", 0..3)).prop_map(
        |(first, last, company, message, tags)| {
            serde_json::json!({
                "first_name": first.trim(), "last_name": last.trim(), "company": company.trim(),
                "message": message, "tags": tags, "source": "props",
            })
        },
    )
}

/// The leads of `env` as exported to NDJSON, by email, without what a new database assigns
/// differently (nothing: ids and times travel with the export).
fn snapshot(env: &TestEnv) -> Vec<serde_json::Value> {
    let mut leads = parse_ndjson(&env.ok(&["export", "--format", "ndjson"]).stdout);
    leads.sort_by(|a, b| a["email"].as_str().cmp(&b["email"].as_str()));
    leads
}

proptest! {
    // Each case runs the binary a few times: fewer cases, bigger batches.
    #![proptest_config(cases(8))]

    #[test]
    fn any_lead_survives_export_and_ingest(leads in prop::collection::vec(awkward_lead(), 1..12)) {
        let a = TestEnv::new();
        let lines: Vec<String> = leads
            .iter()
            .enumerate()
            .map(|(i, l)| {
                let mut l = l.clone();
                l["email"] = format!("prop{i}@example.com").into();
                l.to_string()
            })
            .collect();
        a.ingest_ok("in.ndjson", &lines.join("\n"));
        let original = snapshot(&a);
        prop_assert_eq!(original.len(), leads.len());
        for format in ["csv", "ndjson"] {
            let exported = a.ok(&["export", "--format", format]).stdout;
            let b = TestEnv::new();
            let file = b.write(&format!("round.{format}"), &exported);
            b.ok(&["ingest", "--file", file.to_str().unwrap()]);
            prop_assert_eq!(&snapshot(&b), &original, "through {}", format);
        }
    }
}
