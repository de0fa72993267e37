//! `leadctl list`: leads matching filters, one page at a time, newest first by default.

use std::io::Write;

use clap::Args;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::cli::Format;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::{Lead, Status};
use crate::output::{paint, thousands};
use crate::store::leads::{LeadFilter, Sort, SortKey};
use crate::time;

/// List leads with filters, newest first.
///
/// Every filter narrows the list: --status is any of the given statuses, --tag is all of the
/// given tags. --search is a case-insensitive substring match over first and last name, email,
/// phone and company. The table fits the terminal and ends with "1-50 of N"; --format json
/// prints {"items": [...], "total": N, "limit": L, "offset": O}.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leadctl list\n  leadctl list --status new --status invited --since 7d\n  \
    leadctl list -q acme.io --tag vip\n  leadctl list --sort=-last_contacted_at --limit 20 --offset 40\n  \
    leadctl list --format csv | head -1"
)]
pub struct ListArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Sort by created_at, updated_at, last_contacted_at, email, name or status; a leading -
    /// sorts descending
    #[arg(long, default_value = "-created_at", allow_hyphen_values = true, value_name = "KEY")]
    pub sort: String,
    /// How many leads to show
    #[arg(long, default_value_t = 50, value_name = "N")]
    pub limit: u64,
    /// How many leads to skip
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: u64,
    /// Print only errors (in `list`, -q is --search)
    #[arg(long = "quiet", id = "quiet")]
    pub quiet: bool,
}

/// The filters shared by `list` (and later `export` and bulk commands).
#[derive(Debug, Args, Default, Clone)]
pub struct FilterArgs {
    /// Case-insensitive substring of name, email, phone or company
    #[arg(short = 'q', long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Status (repeatable: any of)
    #[arg(long, value_parser = crate::commands::values::statuses(), value_name = "STATUS")]
    pub status: Vec<Status>,
    /// Tag (repeatable: all of)
    #[arg(long, value_name = "TAG")]
    pub tag: Vec<String>,
    /// Source, exactly
    #[arg(long)]
    pub source: Option<String>,
    /// Owner, exactly
    #[arg(long)]
    pub owner: Option<String>,
    /// Created at or after: a date, an RFC 3339 time, or an age such as 7d, 12h
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Created before: a date (the whole day counts), an RFC 3339 time, or an age
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
}

impl FilterArgs {
    /// Validates the flags into a store filter (before the database is touched).
    pub fn to_filter(&self) -> Result<LeadFilter> {
        let now = time::now();
        let bound = |v: &Option<String>, flag: &str, end: bool| {
            time::bound_flag(v.as_deref(), flag, now, end)
        };
        let mut tags = Vec::new();
        for t in &self.tag {
            tags.push(
                crate::ingest::normalize::normalize_tag(t)
                    .map_err(|e| Error::usage(format!("--tag: {e}")))?,
            );
        }
        for (flag, v) in [("--source", &self.source), ("--owner", &self.owner)] {
            if v.as_deref().is_some_and(|v| v.trim().is_empty()) {
                return Err(Error::usage(format!("{flag} is empty"))
                    .with_hint("leave the flag out to include every lead"));
            }
        }
        Ok(LeadFilter {
            search: self.search.clone().filter(|s| !s.trim().is_empty()),
            statuses: self.status.clone(),
            tags,
            source: self.source.clone(),
            // Owners are stored normalised (see `normalize_owner`); match them the same way.
            owner: self.owner.as_deref().map(crate::ingest::normalize::normalize_owner),
            since: bound(&self.since, "--since", false)?,
            until: bound(&self.until, "--until", true)?,
        })
    }
}

/// Parses `--sort`.
pub fn parse_sort(s: &str) -> Result<Sort> {
    let (descending, name) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s.strip_prefix('+').unwrap_or(s)),
    };
    let key = SortKey::parse(name).ok_or_else(|| {
        Error::usage(format!("unknown sort key '{name}'")).with_hint(format!(
            "use one of: {} (prefix - for descending)",
            SortKey::NAMES.join(", ")
        ))
    })?;
    Ok(Sort { key, descending })
}

/// Runs `list`.
pub fn cmd_list(ctx: &mut Ctx, args: &ListArgs) -> Result<()> {
    let filter = args.filter.to_filter()?;
    let sort = parse_sort(&args.sort)?;
    let org = ctx.org().to_string();
    let format = ctx.out.format.unwrap_or(Format::Table);
    let out_cfg = ctx.out.clone();
    ctx.mmap = true;
    ctx.out.quiet |= args.quiet;
    let store = ctx.store()?;
    let r = store.reader();
    let org_id = r.require_org(&org)?;
    let items = r.list_leads(org_id, &filter, sort, Some(args.limit), args.offset)?;
    let mut out = out_cfg.stdout();
    match format {
        Format::Json => {
            let total = r.count_leads(org_id, &filter)?;
            let doc = serde_json::json!({
                "items": items, "total": total, "limit": args.limit, "offset": args.offset,
            });
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
        Format::Ndjson => {
            for lead in &items {
                serde_json::to_writer(&mut out, lead)?;
                writeln!(out)?;
            }
        }
        Format::Csv => write_csv(&mut out, &items)?,
        Format::Table => {
            let total = r.count_leads(org_id, &filter)?;
            let mut t = Table::new();
            t.load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header([
                    "id", "created", "status", "name", "email", "phone", "tags", "source",
                ]);
            for lead in &items {
                let short = r.short_id(org_id, &lead.id, 8)?;
                t.add_row([
                    short,
                    lead.created_at.get(..16).unwrap_or(&lead.created_at).replace('T', " "),
                    paint(out_cfg.color_stdout, status_color(&lead.status), &lead.status),
                    lead.display_name(),
                    lead.email.clone().unwrap_or_default(),
                    lead.phone.clone().or_else(|| lead.phone_raw.clone()).unwrap_or_default(),
                    lead.tags.join(", "),
                    lead.source.clone().unwrap_or_default(),
                ]);
            }
            if !items.is_empty() {
                writeln!(out, "{t}")?;
            }
            let first = if items.is_empty() { 0 } else { args.offset + 1 };
            let last = args.offset + items.len() as u64;
            writeln!(out, "{}-{} of {}", thousands(first), thousands(last), thousands(total))?;
        }
    }
    out.flush()?;
    Ok(())
}

fn status_color(status: &str) -> &'static str {
    match status {
        "new" => "36",
        "waitlist" => "33",
        "invited" => "34",
        "converted" => "32",
        "lost" => "2",
        _ => "0",
    }
}

/// Writes leads as CSV with the default columns; tags joined with `;`; cells that a
/// spreadsheet would run as a formula get a leading apostrophe (E.164 phones excepted).
pub fn write_csv(out: &mut dyn Write, leads: &[Lead]) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    // The same columns, in the same order, as `export`'s default.
    w.write_record(crate::store::export::DEFAULT_COLUMNS)?;
    for l in leads {
        let o = |v: &Option<String>| v.clone().unwrap_or_default();
        let row = [
            l.id.clone(),
            l.created_at.clone(),
            l.status.clone(),
            o(&l.first_name),
            o(&l.last_name),
            o(&l.email),
            l.phone.clone().or_else(|| l.phone_raw.clone()).unwrap_or_default(),
            l.tags.join(";"),
            o(&l.source),
            o(&l.utm_source),
            o(&l.utm_medium),
            o(&l.utm_campaign),
            o(&l.last_contacted_at),
        ];
        w.write_record(row.iter().map(|c| crate::cells::neutralize(c).into_owned()))?;
    }
    w.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_keys_parse_with_direction() {
        let s = parse_sort("-created_at").unwrap();
        assert!(s.descending && s.key == SortKey::CreatedAt);
        assert!(!parse_sort("email").unwrap().descending);
        assert!(parse_sort("nope").is_err());
    }
}
