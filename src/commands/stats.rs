//! `leadctl stats`: the pipeline at a glance: leads per status, the funnel, conversion by
//! source, volume over time (a bar chart) and per-owner figures.

use std::collections::HashMap;
use std::io::Write;

use chrono::{Datelike, Duration, NaiveDate};
use clap::{Args, ValueEnum};
use comfy_table::{CellAlignment, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde::Serialize;
use serde_json::json;

use crate::cli::Format;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::ingest::normalize::normalize_tag;
use crate::model::Status;
use crate::output::thousands;
use crate::store::leads::LeadFilter;
use crate::store::stats::StatsLead;
use crate::time;

/// One view of `stats` (all of them without one).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum View {
    /// Leads per status with their share of the total
    Status,
    /// new -> invited -> converted, with conversion and drop-off between steps
    Funnel,
    /// Leads, conversions and conversion rate per source
    Sources,
    /// Leads per day, week or month, as a bar chart
    Volume,
    /// Per owner: leads, converted, all open tasks, last activity
    Owners,
}

/// Pipeline statistics: status, funnel, sources, volume, owners.
///
/// Without a VIEW every view is shown (volume is leads over time, in --by buckets). Filters narrow
/// every view: --since/--until (creation time), --source, --tag (repeatable: all of), --owner; an
/// owner's open tasks and last activity describe the person and are not narrowed. The funnel counts
/// a lead as having reached a step when its status is that step or a later one (invited, then
/// converted), or its status history shows it was there before moving on (to lost, say). Rates are
/// null in JSON (and "-" in tables) when there is nothing to divide by. --format csv prints one row
/// per figure: view,key,metric,value.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl stats\n  leadctl stats funnel --since 90d\n  \
    leadctl stats volume --by week --since 2026-09-01\n  leadctl stats sources --tag webinar --format json\n  \
    leadctl stats owners --format csv")]
pub struct StatsArgs {
    /// Only this view
    #[arg(value_enum)]
    pub view: Option<View>,
    /// Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 30d)
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Leads created before WHEN (a bare date includes that day)
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// Leads from this source, exactly
    #[arg(long)]
    pub source: Option<String>,
    /// Leads with this tag (repeatable: all of)
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Leads of this owner, exactly
    #[arg(long)]
    pub owner: Option<String>,
    /// Volume buckets [default: day up to 62 days, week up to a year, else month]
    #[arg(long, value_enum)]
    pub by: Option<BucketArg>,
}

/// `--by`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum BucketArg {
    /// Calendar days (UTC)
    Day,
    /// Weeks starting on Monday
    Week,
    /// Calendar months
    Month,
}

/// Buckets of the volume view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bucket {
    /// Calendar days (UTC).
    Day,
    /// Weeks starting on Monday.
    Week,
    /// Calendar months.
    Month,
}

/// Leads and conversions of one source.
#[derive(Debug, Clone, Serialize)]
pub struct SourceRow {
    pub source: Option<String>,
    pub leads: u64,
    pub converted: u64,
}

/// Figures of one owner.
#[derive(Debug, Clone, Serialize)]
pub struct OwnerRow {
    pub owner: Option<String>,
    pub leads: u64,
    pub converted: u64,
    pub open_tasks: u64,
    pub last_activity: Option<String>,
}

/// Counts keyed by raw bytes (a source, an owner, a day).
type ByKey<V> = HashMap<Vec<u8>, V>;

/// Values per optional key (source, owner), allocating a key only the first time it is seen.
struct Keyed<V> {
    none: V,
    some: ByKey<V>,
}

impl<V: Default> Default for Keyed<V> {
    fn default() -> Self {
        Keyed { none: V::default(), some: ByKey::default() }
    }
}

impl<V: Default> Keyed<V> {
    fn get(&mut self, key: Option<&[u8]>) -> &mut V {
        let Some(k) = key else {
            return &mut self.none;
        };
        if !self.some.contains_key(k) {
            self.some.insert(k.to_vec(), V::default());
        }
        self.some.get_mut(k).expect("inserted above")
    }

    /// Every (key, value), the key-less one first unless `skip` says so.
    fn entries(&self, skip: impl Fn(&V) -> bool) -> Vec<(Option<String>, &V)> {
        let none = (!skip(&self.none)).then_some((None, &self.none));
        let some =
            self.some.iter().map(|(k, v)| (Some(String::from_utf8_lossy(k).into_owned()), v));
        none.into_iter().chain(some).collect()
    }
}

/// Everything counted in one pass over the matching leads.
#[derive(Default)]
struct Tally {
    /// Leads per status, in `Status::ALL` order.
    by_status: [u64; 5],
    /// (leads, converted) per source.
    by_source: Keyed<(u64, u64)>,
    /// Leads per day (`YYYY-MM-DD`); rows come mostly in creation order, so a run of one day
    /// is counted before it is looked up.
    by_day: ByKey<u64>,
    day: Vec<u8>,
    day_n: u64,
    /// (leads, converted) per owner.
    by_owner: Keyed<(u64, u64)>,
    /// Leads not invited/converted now whose history reached invited (resp. converted).
    invited_before: u64,
    converted_before: u64,
    first: Option<String>,
    last: Option<String>,
}

impl Tally {
    /// Counts `n` leads created on `day` (`YYYY-MM-DD`) with this status, source and owner.
    fn add_cell(
        &mut self,
        day: &[u8],
        status: &[u8],
        source: Option<&[u8]>,
        owner: Option<&[u8]>,
        n: u64,
    ) {
        let status = Status::ALL.iter().position(|s| s.as_str().as_bytes() == status);
        if let Some(i) = status {
            self.by_status[i] += n;
        }
        let converted = if status == Some(3) { n } else { 0 };
        let src = self.by_source.get(source);
        src.0 += n;
        src.1 += converted;
        if day != self.day.as_slice() {
            self.flush_day();
            self.day = day.to_vec();
        }
        self.day_n += n;
        for (bound, newer) in [(&mut self.first, false), (&mut self.last, true)] {
            let beyond = |b: &String| (day > b.as_bytes()) == newer && day != b.as_bytes();
            if bound.as_ref().is_none_or(beyond) {
                *bound = Some(String::from_utf8_lossy(day).into_owned());
            }
        }
        let own = self.by_owner.get(owner);
        own.0 += n;
        own.1 += converted;
    }

    /// Counts one lead read from the database.
    fn add_lead(&mut self, l: StatsLead<'_>) {
        let day = l.created_at.get(..10).unwrap_or(l.created_at);
        self.add_cell(day, l.status, l.source, l.owner, 1);
    }

    fn flush_day(&mut self) {
        if self.day_n > 0 {
            *self.by_day.entry(std::mem::take(&mut self.day)).or_default() += self.day_n;
            self.day_n = 0;
        }
    }

    fn count(&self, s: Status) -> u64 {
        Status::ALL.iter().position(|x| *x == s).map_or(0, |i| self.by_status[i])
    }
}

/// The whole statistics document (`--format json`).
#[derive(Debug, Serialize)]
struct Stats {
    filters: serde_json::Value,
    total: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_status: Option<Vec<StatusRow>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    funnel: Option<Funnel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    by_source: Option<Vec<SourceOut>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    volume: Option<Volume>,
    #[serde(skip_serializing_if = "Option::is_none")]
    owners: Option<Vec<OwnerRow>>,
}

#[derive(Debug, Serialize)]
struct StatusRow {
    status: &'static str,
    leads: u64,
    share: Option<f64>,
}

#[derive(Debug, Serialize)]
struct Funnel {
    steps: Vec<Step>,
    overall_conversion: Option<f64>,
}

#[derive(Debug, Serialize)]
struct Step {
    step: &'static str,
    leads: u64,
    conversion_from_previous: Option<f64>,
    drop_off_from_previous: Option<f64>,
}

#[derive(Debug, Serialize)]
struct SourceOut {
    #[serde(flatten)]
    row: SourceRow,
    rate: Option<f64>,
}

#[derive(Debug, Serialize)]
struct Volume {
    by: Bucket,
    since: Option<String>,
    until: Option<String>,
    buckets: Vec<VolumeBucket>,
}

#[derive(Debug, Serialize)]
struct VolumeBucket {
    start: String,
    leads: u64,
}

/// `part / whole`, rounded to 4 places; `None` when `whole` is 0.
fn ratio(part: u64, whole: u64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 / whole as f64 * 10_000.0).round() / 10_000.0)
}

fn pct(r: Option<f64>) -> String {
    r.map_or("-".to_string(), |r| format!("{:.1}%", r * 100.0))
}

/// Runs `stats`.
pub fn cmd_stats(ctx: &mut Ctx, args: &StatsArgs) -> Result<()> {
    let now = time::now();
    let since = time::bound_flag(args.since.as_deref(), "--since", now, false)?;
    let until = time::bound_flag(args.until.as_deref(), "--until", now, true)?;
    for (flag, v) in [("--source", &args.source), ("--owner", &args.owner)] {
        if v.as_deref().is_some_and(|v| v.trim().is_empty()) {
            return Err(Error::usage(format!("{flag} is empty"))
                .with_hint("leave the flag out to include every lead"));
        }
    }
    let mut tags = Vec::new();
    for t in &args.tag {
        tags.push(normalize_tag(t).map_err(|e| Error::usage(format!("--tag: {e}")))?);
    }
    let filter = LeadFilter {
        tags,
        source: args.source.clone(),
        owner: args.owner.as_deref().map(crate::ingest::normalize::normalize_owner),
        since: since.clone(),
        until: until.clone(),
        ..LeadFilter::default()
    };
    let show = |v: View| args.view.is_none_or(|x| x == v);
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    ctx.mmap = true;
    let store = ctx.store()?;
    // Counters, partial-day scans, history and tasks are read from one snapshot, so a change
    // committed meanwhile is counted wholly or not at all.
    let _snapshot = store.read_snapshot()?;
    let r = store.reader();
    let org_id = r.require_org(&org)?;

    // `stats status` alone, unfiltered, reads the exact counters; everything else counts the
    // matching leads in one pass.
    let mut tally = Tally::default();
    if args.view == Some(View::Status) && filter.is_empty() {
        for (i, s) in Status::ALL.iter().enumerate() {
            tally.by_status[i] = r.counted_leads(org_id, &[*s])?;
        }
    } else {
        tally = count(&r, org_id, &filter)?;
        if show(View::Funnel) {
            (tally.invited_before, tally.converted_before) =
                r.stats_reached_before(org_id, &filter)?;
        }
    }
    let count = |s: Status| tally.count(s);
    let total: u64 = tally.by_status.iter().sum();
    let by_status = show(View::Status).then(|| {
        Status::ALL
            .iter()
            .map(|s| StatusRow {
                status: s.as_str(),
                leads: count(*s),
                share: ratio(count(*s), total),
            })
            .collect()
    });
    let funnel = show(View::Funnel).then(|| {
        let converted = count(Status::Converted) + tally.converted_before;
        let invited = count(Status::Invited) + count(Status::Converted) + tally.invited_before;
        let steps = [("new", total), ("invited", invited), ("converted", converted)];
        let mut out = Vec::new();
        for (i, (step, n)) in steps.iter().enumerate() {
            let prev = (i > 0).then(|| steps[i - 1].1);
            let conv = prev.and_then(|p| ratio(*n, p));
            out.push(Step {
                step,
                leads: *n,
                conversion_from_previous: conv,
                drop_off_from_previous: conv.map(|c| ((1.0 - c) * 10_000.0).round() / 10_000.0),
            });
        }
        Funnel { steps: out, overall_conversion: ratio(converted, total) }
    });
    let by_source = show(View::Sources).then(|| {
        let mut rows: Vec<SourceOut> = tally
            .by_source
            .entries(|v| v.0 == 0)
            .into_iter()
            .map(|(source, (leads, converted))| SourceOut {
                row: SourceRow { source, leads: *leads, converted: *converted },
                rate: ratio(*converted, *leads),
            })
            .collect();
        rows.sort_by(|a, b| b.row.leads.cmp(&a.row.leads).then(a.row.source.cmp(&b.row.source)));
        rows
    });
    let volume =
        if show(View::Volume) { Some(volume(&tally, &filter, args.by, now)?) } else { None };
    let owners = if show(View::Owners) {
        let mut rows: Vec<OwnerRow> = tally
            .by_owner
            .entries(|v| v.0 == 0)
            .into_iter()
            .map(|(owner, (leads, converted))| OwnerRow {
                owner,
                leads: *leads,
                converted: *converted,
                open_tasks: 0,
                last_activity: None,
            })
            .collect();
        for (owner, n) in r.open_tasks_by_owner(org_id)? {
            match rows.iter_mut().find(|o| o.owner == owner) {
                Some(o) => o.open_tasks = n,
                // An owner with open tasks but none of the filtered leads still has work.
                None if owner.is_some()
                    && (filter.is_empty() || filter.owner.is_some() && filter.owner == owner) =>
                {
                    rows.push(OwnerRow {
                        owner,
                        leads: 0,
                        converted: 0,
                        open_tasks: n,
                        last_activity: None,
                    });
                }
                None => {}
            }
        }
        // An owner's last activity is theirs, whatever the filters: the latest change to any
        // of their leads (an index lookup per owner).
        for o in &mut rows {
            o.last_activity = r.owner_last_activity(org_id, o.owner.as_deref())?;
        }
        rows.sort_by(|a, b| b.leads.cmp(&a.leads).then(a.owner.cmp(&b.owner)));
        Some(rows)
    } else {
        None
    };
    let stats = Stats {
        filters: json!({
            "since": since, "until": until, "source": args.source, "tags": filter.tags,
            "owner": filter.owner,
        }),
        total,
        by_status,
        funnel,
        by_source,
        volume,
        owners,
    };
    let mut out = out_cfg.stdout();
    match out_cfg.format.unwrap_or(Format::Table) {
        Format::Json => {
            serde_json::to_writer_pretty(&mut out, &stats)?;
            writeln!(out)?;
        }
        Format::Ndjson => {
            serde_json::to_writer(&mut out, &stats)?;
            writeln!(out)?;
        }
        Format::Csv => write_csv(&mut out, &stats)?,
        Format::Table => write_tables(&mut out, &stats, out_cfg.stdout_tty)?,
    }
    out.flush()?;
    Ok(())
}

/// Counts the matching leads. Without tags, whole days come from the `lead_facets` counters
/// and only the partial days at the ends of the range are read lead by lead; with tags, the
/// leads of the rarest tag are read.
fn count(r: &crate::store::Reader<'_>, org_id: i64, filter: &LeadFilter) -> Result<Tally> {
    let mut t = Tally::default();
    if !filter.tags.is_empty() {
        r.stats_scan(org_id, filter, &mut |l| t.add_lead(l))?;
        t.flush_day();
        return Ok(t);
    }
    // [since, first whole day) and [last whole day, until) are scanned; the days between are
    // summed from the counters.
    let midnight = |s: &str| s.get(10..).is_some_and(|rest| rest == "T00:00:00.000Z");
    let next_day = |s: &str| -> Option<String> {
        let d = NaiveDate::parse_from_str(s.get(..10)?, "%Y-%m-%d").ok()?;
        Some((d + Duration::days(1)).format("%Y-%m-%d").to_string())
    };
    let from_day = match filter.since.as_deref() {
        None => None,
        Some(s) if midnight(s) => s.get(..10).map(str::to_string),
        Some(s) => next_day(s),
    };
    let to_day = filter.until.as_deref().and_then(|u| u.get(..10)).map(str::to_string);
    if let (Some(a), Some(b)) = (&from_day, &to_day) {
        if a >= b {
            // The whole range lies within one or two partial days.
            r.stats_scan(org_id, filter, &mut |l| t.add_lead(l))?;
            t.flush_day();
            return Ok(t);
        }
    }
    if let (Some(since), Some(day)) = (&filter.since, &from_day) {
        if !midnight(since) {
            let head = LeadFilter { until: Some(format!("{day}T00:00:00.000Z")), ..filter.clone() };
            r.stats_scan(org_id, &head, &mut |l| t.add_lead(l))?;
        }
    }
    r.stats_facets(org_id, filter, from_day.as_deref(), to_day.as_deref(), &mut |c| {
        t.add_cell(c.day, c.status, c.source, c.owner, c.n);
    })?;
    if let (Some(until), Some(day)) = (&filter.until, &to_day) {
        if !midnight(until) {
            let tail = LeadFilter { since: Some(format!("{day}T00:00:00.000Z")), ..filter.clone() };
            r.stats_scan(org_id, &tail, &mut |l| t.add_lead(l))?;
        }
    }
    t.flush_day();
    Ok(t)
}

/// The volume view: buckets from the first to the last day of the range, empty ones included.
fn volume(
    tally: &Tally,
    filter: &LeadFilter,
    by: Option<BucketArg>,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Volume> {
    let day = |s: &str| NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d").ok();
    let first = filter.since.as_deref().or(tally.first.as_deref()).and_then(day);
    let today = now.date_naive();
    let last = match filter.until.as_deref() {
        // --until is exclusive: a bound at midnight ends the day before.
        Some(u) => day(u).map(|d| {
            if u.get(10..).is_some_and(|t| t.starts_with("T00:00:00.000")) {
                d - Duration::days(1)
            } else {
                d
            }
        }),
        None => Some(tally.last.as_deref().and_then(day).map_or(today, |d| d.max(today))),
    };
    let bucket = match by {
        Some(BucketArg::Day) => Bucket::Day,
        Some(BucketArg::Week) => Bucket::Week,
        Some(BucketArg::Month) => Bucket::Month,
        None => match (first, last) {
            (Some(a), Some(b)) if (b - a).num_days() <= 62 => Bucket::Day,
            (Some(a), Some(b)) if (b - a).num_days() <= 366 => Bucket::Week,
            (Some(_), Some(_)) => Bucket::Month,
            _ => Bucket::Day,
        },
    };
    let start_of = |d: NaiveDate| match bucket {
        Bucket::Day => d,
        Bucket::Week => d - Duration::days(i64::from(d.weekday().num_days_from_monday())),
        Bucket::Month => d.with_day(1).unwrap_or(d),
    };
    let key = |d: NaiveDate| match bucket {
        Bucket::Month => d.format("%Y-%m").to_string(),
        _ => d.format("%Y-%m-%d").to_string(),
    };
    let mut counts: HashMap<String, u64> = HashMap::new();
    for (d, n) in &tally.by_day {
        if let Some(d) = std::str::from_utf8(d).ok().and_then(day) {
            *counts.entry(key(start_of(d))).or_default() += n;
        }
    }
    let mut buckets = Vec::new();
    if let (Some(a), Some(b)) = (first, last) {
        let mut d = start_of(a);
        while d <= b {
            let k = key(d);
            let leads = counts.get(&k).copied().unwrap_or(0);
            buckets.push(VolumeBucket { start: k, leads });
            if buckets.len() > 1000 {
                return Err(Error::usage("the range has more than 1,000 buckets")
                    .with_hint("use --by week or --by month, or a shorter --since/--until"));
            }
            d = match bucket {
                Bucket::Day => d + Duration::days(1),
                Bucket::Week => d + Duration::days(7),
                Bucket::Month => match d.checked_add_months(chrono::Months::new(1)) {
                    Some(next) => next,
                    None => break,
                },
            };
        }
    }
    Ok(Volume {
        by: bucket,
        since: first.map(|d| d.to_string()),
        until: last.map(|d| d.to_string()),
        buckets,
    })
}

fn write_csv(out: &mut impl Write, s: &Stats) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(crate::cells::safe(["view", "key", "metric", "value"]))?;
    let f = |r: Option<f64>| r.map(|x| x.to_string()).unwrap_or_default();
    w.write_record(crate::cells::safe(["total", "", "leads", &s.total.to_string()]))?;
    for row in s.by_status.iter().flatten() {
        w.write_record(crate::cells::safe([
            "status",
            row.status,
            "leads",
            &row.leads.to_string(),
        ]))?;
        w.write_record(crate::cells::safe(["status", row.status, "share", &f(row.share)]))?;
    }
    if let Some(funnel) = &s.funnel {
        for st in &funnel.steps {
            w.write_record(crate::cells::safe([
                "funnel",
                st.step,
                "leads",
                &st.leads.to_string(),
            ]))?;
            w.write_record(crate::cells::safe([
                "funnel",
                st.step,
                "conversion_from_previous",
                &f(st.conversion_from_previous),
            ]))?;
            w.write_record(crate::cells::safe([
                "funnel",
                st.step,
                "drop_off_from_previous",
                &f(st.drop_off_from_previous),
            ]))?;
        }
        w.write_record(crate::cells::safe([
            "funnel",
            "",
            "overall_conversion",
            &f(funnel.overall_conversion),
        ]))?;
    }
    for src in s.by_source.iter().flatten() {
        let key = src.row.source.as_deref().unwrap_or("");
        w.write_record(crate::cells::safe(["sources", key, "leads", &src.row.leads.to_string()]))?;
        w.write_record(crate::cells::safe([
            "sources",
            key,
            "converted",
            &src.row.converted.to_string(),
        ]))?;
        w.write_record(crate::cells::safe(["sources", key, "rate", &f(src.rate)]))?;
    }
    if let Some(v) = &s.volume {
        for b in &v.buckets {
            w.write_record(crate::cells::safe([
                "volume",
                &b.start,
                "leads",
                &b.leads.to_string(),
            ]))?;
        }
    }
    for o in s.owners.iter().flatten() {
        let key = o.owner.as_deref().unwrap_or("");
        w.write_record(crate::cells::safe(["owners", key, "leads", &o.leads.to_string()]))?;
        w.write_record(crate::cells::safe(["owners", key, "converted", &o.converted.to_string()]))?;
        w.write_record(crate::cells::safe([
            "owners",
            key,
            "open_tasks",
            &o.open_tasks.to_string(),
        ]))?;
        w.write_record(crate::cells::safe([
            "owners",
            key,
            "last_activity",
            o.last_activity.as_deref().unwrap_or(""),
        ]))?;
    }
    w.flush()?;
    Ok(())
}

fn table(header: &[&str]) -> Table {
    let mut t = Table::new();
    t.load_preset(UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_header(header.to_vec());
    for i in 1..header.len() {
        if let Some(c) = t.column_mut(i) {
            c.set_cell_alignment(CellAlignment::Right);
        }
    }
    t
}

fn write_tables(out: &mut impl Write, s: &Stats, tty: bool) -> Result<()> {
    let mut first = true;
    let mut section = |out: &mut dyn Write, title: String| -> Result<()> {
        if !first {
            writeln!(out)?;
        }
        first = false;
        writeln!(out, "{title}")?;
        Ok(())
    };
    if let Some(rows) = &s.by_status {
        section(out, format!("Leads by status ({} in all)", thousands(s.total)))?;
        let mut t = table(&["status", "leads", "share"]);
        for r in rows {
            t.add_row([r.status.to_string(), thousands(r.leads), pct(r.share)]);
        }
        writeln!(out, "{t}")?;
    }
    if let Some(f) = &s.funnel {
        section(out, format!("Funnel (overall conversion {})", pct(f.overall_conversion)))?;
        let mut t = table(&["step", "leads", "from previous", "drop-off"]);
        for st in &f.steps {
            t.add_row([
                st.step.to_string(),
                thousands(st.leads),
                pct(st.conversion_from_previous),
                pct(st.drop_off_from_previous),
            ]);
        }
        writeln!(out, "{t}")?;
    }
    if let Some(rows) = &s.by_source {
        section(out, "Conversion by source".to_string())?;
        if rows.is_empty() {
            writeln!(out, "  no leads")?;
        } else {
            let mut t = table(&["source", "leads", "converted", "rate"]);
            for r in rows {
                t.add_row([
                    r.row.source.clone().unwrap_or_else(|| "(none)".into()),
                    thousands(r.row.leads),
                    thousands(r.row.converted),
                    pct(r.rate),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    if let Some(v) = &s.volume {
        let by = match v.by {
            Bucket::Day => "day",
            Bucket::Week => "week",
            Bucket::Month => "month",
        };
        let range = match (&v.since, &v.until) {
            (Some(a), Some(b)) => format!(", {a} to {b}"),
            _ => String::new(),
        };
        section(out, format!("Leads per {by}{range}"))?;
        if v.buckets.is_empty() {
            writeln!(out, "  no leads")?;
        }
        let max = v.buckets.iter().map(|b| b.leads).max().unwrap_or(0);
        let width = v.buckets.iter().map(|b| thousands(b.leads).len()).max().unwrap_or(1);
        let bar_char = if tty { '█' } else { '#' };
        for b in &v.buckets {
            let len = if max == 0 { 0 } else { (b.leads * 40).div_ceil(max) as usize };
            let bar: String = std::iter::repeat_n(bar_char, len).collect();
            writeln!(out, "  {:<10}  {:>width$}  {bar}", b.start, thousands(b.leads))?;
        }
    }
    if let Some(rows) = &s.owners {
        section(out, "Owners".to_string())?;
        if rows.is_empty() {
            writeln!(out, "  no leads")?;
        } else {
            let mut t = table(&["owner", "leads", "converted", "open tasks", "last activity"]);
            for o in rows {
                t.add_row([
                    o.owner.clone().unwrap_or_else(|| "(unassigned)".into()),
                    thousands(o.leads),
                    thousands(o.converted),
                    thousands(o.open_tasks),
                    o.last_activity
                        .as_deref()
                        .map(|a| a.get(..16).unwrap_or(a).replace('T', " "))
                        .unwrap_or_else(|| "-".into()),
                ]);
            }
            writeln!(out, "{t}")?;
        }
    }
    Ok(())
}
