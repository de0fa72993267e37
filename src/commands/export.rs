//! `leadctl export`: every matching lead as CSV, NDJSON or JSON, streamed (memory stays flat),
//! to stdout or atomically to a file.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use super::list::{FilterArgs, parse_sort};
use crate::cells::neutralize;
use crate::cli::Format;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::{AtomicFile, thousands};
use crate::store::export::{COLUMNS, Column, DEFAULT_COLUMNS, ExportRow, column};

/// Export leads as CSV, NDJSON or JSON (streamed; atomic with --output).
///
/// For scripts and spreadsheets; CSV unless --format says otherwise. Takes the same filters as
/// `list`; every matching lead, in the order they arrived unless --sort is given, with no limit
/// unless --limit is. CSV has a header row and the columns
/// id,created_at,status,first_name,last_name,email,phone,tags,source,utm_source,utm_medium,
/// utm_campaign,last_contacted_at unless --columns chooses others; tags share one cell joined with
/// `;`. Cells starting with = + - @ tab or CR get a leading apostrophe so a spreadsheet does not
/// run them as formulas (numbers and E.164 phones excepted); --raw writes values exactly. `ingest`
/// reads these exports back (`ingest --raw` for files written with --raw). --output writes a
/// temporary file next to FILE and renames it when complete, so readers never see half a file and a
/// failed export leaves none. Exported files are created 0600.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl export > leads.csv\n  \
    leadctl export --status converted --since 2026-01-01 --output converted.csv\n  \
    leadctl export --columns id,email,owner,consent_email --tag vip\n  \
    leadctl export --format ndjson | jq -r .email\n  leadctl export | head -5")]
pub struct ExportArgs {
    #[command(flatten)]
    pub filter: FilterArgs,
    /// Sort by created_at, updated_at, last_contacted_at, email, name or status (prefix - for
    /// descending) [default: the order leads arrived]
    #[arg(long, allow_hyphen_values = true, value_name = "KEY")]
    pub sort: Option<String>,
    /// At most N leads
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
    /// Columns, comma-separated (see --help for the list)
    #[arg(long, value_delimiter = ',', value_name = "COLUMNS", long_help = columns_help(),
        value_parser = column_names(), hide_possible_values = true)]
    pub columns: Vec<String>,
    /// Write to FILE (atomically) instead of stdout
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write every CSV cell exactly, without formula neutralisation
    #[arg(long)]
    pub raw: bool,
    /// Print only errors (in `export`, -q is --search)
    #[arg(long = "quiet", id = "quiet")]
    pub quiet: bool,
}

fn columns_help() -> String {
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    format!(
        "Columns, comma-separated, from: {} [default: {}]",
        names.join(", "),
        DEFAULT_COLUMNS.join(",")
    )
}

/// `--columns` values: any text (checked by [`parse_columns`], whose errors name the valid
/// columns), with the column names offered for completion.
fn column_names() -> crate::commands::values::Completing<clap::builder::StringValueParser> {
    let names = COLUMNS.iter().map(|c| c.name);
    crate::commands::values::Completing::new(clap::builder::StringValueParser::new(), names)
}

/// Parses `--columns` (before the database is touched).
fn parse_columns(names: &[String]) -> Result<Vec<Column>> {
    if names.is_empty() {
        return Ok(DEFAULT_COLUMNS.iter().filter_map(|n| column(n)).collect());
    }
    let mut out = Vec::with_capacity(names.len());
    for n in names {
        let name = n.trim().to_ascii_lowercase();
        let c = column(&name).ok_or_else(|| {
            let valid: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
            Error::usage(format!("unknown column '{}'", n.trim()))
                .with_hint(format!("valid columns: {}", valid.join(", ")))
        })?;
        if out.contains(&c) {
            return Err(Error::usage(format!("column '{name}' is given twice")));
        }
        out.push(c);
    }
    Ok(out)
}

/// Runs `export`.
pub fn cmd_export(ctx: &mut Ctx, args: &ExportArgs) -> Result<()> {
    let filter = args.filter.to_filter()?;
    let sort = args.sort.as_deref().map(parse_sort).transpose()?;
    let columns = parse_columns(&args.columns)?;
    let format = match ctx.out.format.unwrap_or(Format::Csv) {
        Format::Table => {
            return Err(Error::usage("export writes csv, ndjson or json, not a table")
                .with_hint("use `leadctl list` for a table"));
        }
        f => f,
    };
    ctx.out.quiet |= args.quiet;
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let db_path = ctx.settings.db_path()?;
    let store = ctx.store()?;
    // A sequential scan gains nothing from a large page cache; keep memory flat and small.
    store.set_cache_kib(4096)?;
    let store_interrupt = store.interrupt_handle();
    let r = store.reader();
    let org_id = r.require_org(&org)?;
    let bar = match &args.output {
        Some(_) if out_cfg.progress_allowed() => {
            let total = r.count_leads(org_id, &filter)?;
            let total = args.limit.map_or(total, |l| l.min(total));
            Some(
                ProgressBar::new(total).with_style(
                    ProgressStyle::with_template("{bar:40} {human_pos}/{human_len} leads ({eta})")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                ),
            )
        }
        _ => None,
    };
    // Ctrl-C or SIGTERM while writing a file stops the export through the normal error path,
    // so the temporary file is removed rather than left half-written.
    let stop = Arc::new(AtomicBool::new(false));
    if args.output.is_some() {
        for sig in [signal_hook::consts::SIGINT, signal_hook::consts::SIGTERM] {
            signal_hook::flag::register(sig, Arc::clone(&stop))
                .map_err(|e| Error::failure(format!("cannot handle signals: {e}")))?;
        }
    }
    if let Some(path) = &args.output {
        refuse_database(path, &db_path)?;
    }
    let mut sink = match &args.output {
        Some(path) => Sink::File(AtomicFile::create(path)?),
        None => Sink::Stdout(out_cfg.stdout()),
    };
    let n = {
        let mut writer = RowWriter::new(&mut sink, format, &columns, args.raw)?;
        let mut row = |row: &ExportRow<'_, '_>| -> Result<()> {
            if stop.load(Ordering::Relaxed) {
                return Err(Error::new(
                    crate::error::ErrorKind::Interrupted,
                    "interrupted; no file was written",
                ));
            }
            writer.write(row)?;
            if let Some(b) = &bar {
                b.inc(1);
            }
            Ok(())
        };
        // While SQLite sorts or searches before the first row, a signal interrupts the query
        // itself (checked every 50 ms by a watcher thread).
        let done = AtomicBool::new(false);
        let interrupt = store_interrupt;
        let n = std::thread::scope(|scope| {
            if args.output.is_some() {
                scope.spawn(|| {
                    while !done.load(Ordering::Relaxed) {
                        if stop.load(Ordering::Relaxed) {
                            interrupt.interrupt();
                            break;
                        }
                        std::thread::sleep(std::time::Duration::from_millis(50));
                    }
                });
            }
            let n = r.export_leads(org_id, &filter, sort, args.limit, &columns, &mut row);
            done.store(true, Ordering::Relaxed);
            n
        })
        .map_err(|e| match e.kind() {
            crate::error::ErrorKind::Interrupted => {
                Error::new(crate::error::ErrorKind::Interrupted, "interrupted; no file was written")
            }
            _ => e,
        })?;
        writer.finish()?;
        n
    };
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    match sink {
        Sink::File(f) => {
            let path = f.finish()?;
            let leads = if n == 1 { "lead" } else { "leads" };
            out_cfg.status(&format!("Exported {} {leads} to {}.", thousands(n), path.display()));
        }
        Sink::Stdout(mut s) => s.flush()?,
    }
    Ok(())
}

/// Where an export goes.
enum Sink {
    Stdout(BufWriter<std::io::StdoutLock<'static>>),
    File(AtomicFile),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        match self {
            Sink::Stdout(s) => s.write(buf),
            Sink::File(f) => f.writer().write(buf),
        }
    }
    fn write_all(&mut self, buf: &[u8]) -> std::io::Result<()> {
        match self {
            Sink::Stdout(s) => s.write_all(buf),
            Sink::File(f) => f.writer().write_all(buf),
        }
    }
    fn flush(&mut self) -> std::io::Result<()> {
        match self {
            Sink::Stdout(s) => s.flush(),
            Sink::File(f) => f.writer().flush(),
        }
    }
}

/// Writes rows in one of the three formats.
enum RowWriter<'a, W: Write> {
    Csv { w: Box<csv::Writer<&'a mut W>>, raw: bool, columns: &'a [Column] },
    Json { w: &'a mut W, columns: &'a [Column], first: bool, array: bool },
}

impl<'a, W: Write> RowWriter<'a, W> {
    fn new(out: &'a mut W, format: Format, columns: &'a [Column], raw: bool) -> Result<Self> {
        Ok(match format {
            Format::Json => {
                out.write_all(b"[")?;
                RowWriter::Json { w: out, columns, first: true, array: true }
            }
            Format::Ndjson => RowWriter::Json { w: out, columns, first: true, array: false },
            _ => {
                let mut w = csv::WriterBuilder::new().buffer_capacity(64 * 1024).from_writer(out);
                w.write_record(columns.iter().map(|c| c.name))?;
                RowWriter::Csv { w: Box::new(w), raw, columns }
            }
        })
    }

    fn write(&mut self, row: &ExportRow<'_, '_>) -> Result<()> {
        match self {
            RowWriter::Csv { w, raw, columns } => {
                for i in 0..columns.len() {
                    let v = row.get(i)?.unwrap_or("");
                    if *raw {
                        w.write_field(v)?;
                    } else {
                        w.write_field(neutralize(v).as_bytes())?;
                    }
                }
                w.write_record(None::<&[u8]>)?;
            }
            RowWriter::Json { w, columns, first, array } => {
                let mut obj = serde_json::Map::with_capacity(columns.len());
                for (i, c) in columns.iter().enumerate() {
                    let v = row.get(i)?;
                    let value = match v {
                        None if c.is_tags => serde_json::Value::Array(Vec::new()),
                        None => serde_json::Value::Null,
                        Some(t) if c.is_tags => t.split(';').map(serde_json::Value::from).collect(),
                        Some(t) => t.into(),
                    };
                    obj.insert(c.name.to_string(), value);
                }
                if *array {
                    w.write_all(if *first { b"\n" } else { b",\n" })?;
                }
                *first = false;
                serde_json::to_writer(&mut **w, &obj)?;
                if !*array {
                    w.write_all(b"\n")?;
                }
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<()> {
        match self {
            RowWriter::Csv { mut w, .. } => w.flush()?,
            RowWriter::Json { w, first, array: true, .. } => {
                w.write_all(if first { b"]\n" } else { b"\n]\n" })?;
            }
            RowWriter::Json { .. } => {}
        }
        Ok(())
    }
}

/// Refuses an output path that is the database itself (or its WAL or shared-memory file).
fn refuse_database(out: &Path, db: &Path) -> Result<()> {
    if crate::store::is_database_file(db, out) {
        return Err(Error::usage(format!("--output {} is the database", out.display()))
            .with_hint("write the export to another file"));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_default_and_validate() {
        let d = parse_columns(&[]).unwrap();
        let names: Vec<&str> = d.iter().map(|c| c.name).collect();
        assert_eq!(names, DEFAULT_COLUMNS);
        assert!(parse_columns(&["email".into(), "nope".into()]).is_err());
        assert!(parse_columns(&["email".into(), "EMAIL".into()]).is_err());
        assert_eq!(parse_columns(&[" Owner ".into()]).unwrap()[0].name, "owner");
    }
}
