//! Time: the clock (pinned by `LEADCTL_NOW` in tests), leadctl's one stored format, and the
//! parsers for timestamps in input files and for `--since` / `--until`.

use std::sync::OnceLock;

use chrono::{DateTime, Duration, NaiveDate, NaiveDateTime, SecondsFormat, Utc};

/// Now, or the RFC 3339 time in `LEADCTL_NOW` (for tests that need stable output).
pub fn now() -> DateTime<Utc> {
    static PINNED: OnceLock<Option<DateTime<Utc>>> = OnceLock::new();
    PINNED
        .get_or_init(|| std::env::var("LEADCTL_NOW").ok().and_then(|s| parse_timestamp(&s).ok()))
        .unwrap_or_else(Utc::now)
}

/// The stored format: RFC 3339 UTC with milliseconds, fixed width, sorts as text.
pub fn format(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

/// `now()` in the stored format.
pub fn now_string() -> String {
    format(now())
}

/// Parses an input timestamp: RFC 3339, `YYYY-MM-DD HH:MM[:SS]` (UTC) or `YYYY-MM-DD`.
pub fn parse_timestamp(s: &str) -> Result<DateTime<Utc>, String> {
    let s = s.trim();
    if let Ok(t) = DateTime::parse_from_rfc3339(s) {
        let t = t.with_timezone(&Utc);
        // An offset can carry 9999-12-31 past the year 10000, which would not sort as text.
        return if in_range(t) { Ok(t) } else { Err(format!("'{s}' is beyond the year 9999")) };
    }
    for f in ["%Y-%m-%d %H:%M:%S%.f", "%Y-%m-%dT%H:%M:%S%.f", "%Y-%m-%d %H:%M"] {
        if let Ok(t) = NaiveDateTime::parse_from_str(s, f) {
            return Ok(t.and_utc());
        }
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Ok(d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc());
    }
    Err(format!("'{s}' is not a date or time (expected RFC 3339 or YYYY-MM-DD)"))
}

/// Parses `--since` / `--until`: a date, an RFC 3339 time, or a relative age such as `7d`,
/// `12h`, `30m`, `2w` (that long before now). For `--until` (`end = true`) a bare date means
/// the end of that day, so `--since 2026-11-01 --until 2026-11-01` is the whole day.
pub fn parse_bound(s: &str, now: DateTime<Utc>, end: bool) -> Result<DateTime<Utc>, String> {
    let t = s.trim();
    if let Some(d) = parse_relative(t) {
        return shift(now, d, false).ok_or_else(|| format!("'{s}' reaches before year 1"));
    }
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        let day = d.and_hms_opt(0, 0, 0).unwrap_or_default().and_utc();
        let t = if end { shift(day, Duration::days(1), true) } else { Some(day) };
        return t.ok_or_else(|| format!("'{s}' is beyond the year 9999"));
    }
    parse_timestamp(t).map_err(|_| {
        format!("'{s}' is not a time (expected e.g. 7d, 12h, 2026-11-01 or 2026-11-01T09:00:00Z)")
    })
}

/// Whether a time can be stored and compared as leadctl's fixed-width text (years 1-9999).
pub fn in_range(t: DateTime<Utc>) -> bool {
    use chrono::Datelike;
    (1..=9999).contains(&t.year())
}

/// Parses an optional `--since` / `--until` style flag into the stored format; the usage
/// error names the flag.
pub fn bound_flag(
    v: Option<&str>,
    flag: &str,
    now: DateTime<Utc>,
    end: bool,
) -> crate::error::Result<Option<String>> {
    v.map(|s| {
        parse_bound(s, now, end)
            .map(format)
            .map_err(|e| crate::error::Error::usage(format!("{flag}: {e}")))
    })
    .transpose()
}

/// Parses a duration such as `7d`, `12h`, `30m`, `2w`, `45s`.
pub fn parse_relative(s: &str) -> Option<Duration> {
    let unit = s.chars().last()?;
    let n: i64 = s[..s.len() - unit.len_utf8()].parse().ok()?;
    if n < 0 {
        return None;
    }
    // Checked: a huge number is not a time, and must not panic.
    let d = match unit {
        's' => Duration::try_seconds(n),
        'm' => Duration::try_minutes(n),
        'h' => Duration::try_hours(n),
        'd' => Duration::try_days(n),
        'w' => Duration::try_weeks(n),
        _ => None,
    }?;
    // Beyond ten thousand years is no date leadctl can store (RFC 3339 has four-digit years).
    (d.num_days() <= 3_650_000).then_some(d)
}

/// Parses a configured length of time: `250ms`, `30s`, `5m`, `6h`, `1d`, or a bare number of
/// seconds.
pub fn parse_duration(s: &str) -> Option<std::time::Duration> {
    let s = s.trim();
    if let Some(ms) = s.strip_suffix("ms") {
        return ms.parse::<u64>().ok().map(std::time::Duration::from_millis);
    }
    if let Ok(secs) = s.parse::<u64>() {
        return Some(std::time::Duration::from_secs(secs));
    }
    parse_relative(s).and_then(|d| d.to_std().ok())
}

/// A length of time for people: `45s`, `3m 20s`, `2h 5m`, `4d 1h`.
pub fn human_duration(d: std::time::Duration) -> String {
    let s = d.as_secs();
    match s {
        0..60 => format!("{s}s"),
        60..3600 if s % 60 == 0 => format!("{}m", s / 60),
        60..3600 => format!("{}m {}s", s / 60, s % 60),
        3600..86400 if s % 3600 < 60 => format!("{}h", s / 3600),
        3600..86400 => format!("{}h {}m", s / 3600, s % 3600 / 60),
        _ if s % 86400 < 3600 => format!("{}d", s / 86400),
        _ => format!("{}d {}h", s / 86400, s % 86400 / 3600),
    }
}

/// `now` moved by `d` (forward when `forward`), if the result is a four-digit year.
pub fn shift(now: DateTime<Utc>, d: Duration, forward: bool) -> Option<DateTime<Utc>> {
    let t = if forward { now.checked_add_signed(d) } else { now.checked_sub_signed(d) }?;
    use chrono::Datelike;
    (1..=9999).contains(&t.year()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_lengths_of_time() {
        use std::time::Duration as D;
        assert_eq!(parse_duration("250ms"), Some(D::from_millis(250)));
        assert_eq!(parse_duration("30"), Some(D::from_secs(30)));
        assert_eq!(parse_duration(" 5m "), Some(D::from_secs(300)));
        assert_eq!(parse_duration("6h"), Some(D::from_secs(6 * 3600)));
        for bad in ["", "5x", "-3s", "ms", "1.5s", "99999999999999999999d"] {
            assert_eq!(parse_duration(bad), None, "{bad}");
        }
        let shown: Vec<String> = [0, 45, 120, 200, 3600, 7500, 86400, 90000]
            .map(|s| human_duration(D::from_secs(s)))
            .into();
        assert_eq!(shown, ["0s", "45s", "2m", "3m 20s", "1h", "2h 5m", "1d", "1d 1h"]);
    }

    #[test]
    fn parses_relative_dates_and_times() {
        let now = parse_timestamp("2026-11-22T12:00:00Z").unwrap();
        assert_eq!(format(parse_bound("7d", now, false).unwrap()), "2026-11-15T12:00:00.000Z");
        assert_eq!(format(parse_bound("12h", now, false).unwrap()), "2026-11-22T00:00:00.000Z");
        assert_eq!(
            format(parse_bound("2026-11-01", now, false).unwrap()),
            "2026-11-01T00:00:00.000Z"
        );
        assert_eq!(
            format(parse_bound("2026-11-01", now, true).unwrap()),
            "2026-11-02T00:00:00.000Z"
        );
        assert_eq!(
            format(parse_bound("2026-11-01T09:30:00+01:00", now, true).unwrap()),
            "2026-11-01T08:30:00.000Z"
        );
        assert!(parse_bound("yesterday", now, false).is_err());
        assert!(parse_bound("-3d", now, false).is_err());
    }

    #[test]
    fn parses_input_timestamps() {
        assert_eq!(
            format(parse_timestamp("2025-01-02 03:04:05").unwrap()),
            "2025-01-02T03:04:05.000Z"
        );
        assert_eq!(format(parse_timestamp("2025-01-02").unwrap()), "2025-01-02T00:00:00.000Z");
        assert!(parse_timestamp("02/01/2025").is_err());
    }
}
