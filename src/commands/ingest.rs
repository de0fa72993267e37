//! `leadctl ingest`: one lead from flags, or many from a file or stdin (NDJSON, JSON, CSV).

use std::fs::File;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::Format;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::ingest::input::{self, InputFormat, Raw, RawItem};
use crate::ingest::normalize::parse_region;
use crate::ingest::record::InputRecord;
use crate::ingest::{
    self as core, FieldError, IngestOptions, Rejection, Reporter, Summary, Written,
};
use crate::output::thousands;
use crate::store::Store;

/// Add leads from flags, a file or stdin (NDJSON, JSON, CSV).
///
/// Input files may be NDJSON, a JSON object or array, or CSV with a header row, chosen by the
/// file extension or the content (--input-format forces one). Field names may be the flat names
/// `export` writes (first_name, email, tags ...) or the site-form shape
/// {name, email, phone, company, service, message, consent, meta: {source, request_id, ...}}.
///
/// Leads are deduplicated: the same meta.request_id again is a no-op (a duplicate); the same
/// email (or, without email, the same phone) in the organisation merges into the existing lead.
/// Rejected records are reported with their record and line number; the good ones still go in
/// unless --strict. A summary line goes to stderr ("Ingested 7 leads: 4 created, 1 merged, ..."),
/// or to stdout as JSON with --format json; one lead from flags prints its id on stdout. Exit
/// code 4 when any record was rejected.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    leadctl ingest --email ann@example.com --name \"Ann Lee\" --tag vip --consent-email granted\n  \
    leadctl ingest --file examples/leads.ndjson\n  \
    leadctl ingest --file leads.csv --rejects rejected.csv\n  \
    curl -s https://example.com/leads.json | leadctl ingest --file - --input-format json\n  \
    leadctl ingest --file leads.csv --strict --dry-run")]
pub struct IngestArgs {
    /// Read leads from a file; `-` reads stdin
    #[arg(short, long, value_name = "PATH", conflicts_with_all = LEAD_FLAGS)]
    pub file: Option<PathBuf>,
    /// Read CSV cells exactly (for files written by `export --raw`): a leading apostrophe
    /// before = + - @ is kept instead of being taken as export's formula neutralisation
    #[arg(long)]
    pub raw: bool,
    /// Input format [default: from the extension, else the content]
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    /// Region for phone numbers without a +country code [default: config default_region, US]
    #[arg(long, value_name = "CODE")]
    pub default_region: Option<String>,
    /// All or nothing: any rejected record rolls back the whole input
    #[arg(long)]
    pub strict: bool,
    /// Report what would happen; write nothing
    #[arg(long)]
    pub dry_run: bool,
    /// Write rejected records with their reasons to this file (CSV for CSV input, else NDJSON)
    #[arg(long, value_name = "FILE")]
    pub rejects: Option<PathBuf>,
    /// Leads per transaction in batched mode
    #[arg(long, value_name = "N", default_value_t = 10_000, value_parser = clap::value_parser!(u64).range(1..))]
    pub batch_size: u64,
    /// batched: commit every --batch-size leads. bulk: one transaction, secondary indexes
    /// rebuilt at the end (fastest for big loads; other writers wait meanwhile). auto: bulk for
    /// files of 32 MiB or more that hold more leads than the database already has
    #[arg(long, value_enum, default_value_t = LoadMode::Auto, value_name = "MODE")]
    pub load_mode: LoadMode,
    #[command(flatten)]
    pub lead: LeadFlags,
}

/// How bulk input is committed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum LoadMode {
    /// bulk for big files into a smaller database, else batched
    Auto,
    /// commit every --batch-size leads
    Batched,
    /// one transaction with deferred index builds
    Bulk,
}

/// Inputs at least this big may use bulk mode in `auto`.
const BULK_MIN_BYTES: u64 = 32 << 20;
/// A rough size of one lead in an input file, to estimate a file's lead count.
const BYTES_PER_LEAD: u64 = 250;

const LEAD_FLAGS: [&str; 17] = [
    "email",
    "name",
    "first_name",
    "last_name",
    "phone",
    "company",
    "service",
    "message",
    "source",
    "utm_source",
    "utm_medium",
    "utm_campaign",
    "tag",
    "consent_email",
    "consent_sms",
    "status",
    "request_id",
];

/// One lead given as flags.
#[derive(Debug, Args, Default)]
pub struct LeadFlags {
    /// Email address
    #[arg(long, help_heading = "Lead")]
    pub email: Option<String>,
    /// Full name (split into first and last name)
    #[arg(long, help_heading = "Lead")]
    pub name: Option<String>,
    /// First name
    #[arg(long, help_heading = "Lead")]
    pub first_name: Option<String>,
    /// Last name
    #[arg(long, help_heading = "Lead")]
    pub last_name: Option<String>,
    /// Phone number (stored as E.164)
    #[arg(long, help_heading = "Lead")]
    pub phone: Option<String>,
    /// Company
    #[arg(long, help_heading = "Lead")]
    pub company: Option<String>,
    /// Service the lead asked about
    #[arg(long, help_heading = "Lead")]
    pub service: Option<String>,
    /// Message
    #[arg(long, help_heading = "Lead")]
    pub message: Option<String>,
    /// Source (e.g. website, referral)
    #[arg(long, help_heading = "Lead")]
    pub source: Option<String>,
    /// UTM source
    #[arg(long, help_heading = "Lead")]
    pub utm_source: Option<String>,
    /// UTM medium
    #[arg(long, help_heading = "Lead")]
    pub utm_medium: Option<String>,
    /// UTM campaign
    #[arg(long, help_heading = "Lead")]
    pub utm_campaign: Option<String>,
    /// Tag (repeatable)
    #[arg(long, help_heading = "Lead", value_name = "TAG")]
    pub tag: Vec<String>,
    /// Email consent: granted or withdrawn
    #[arg(long, help_heading = "Lead", value_name = "STATE")]
    pub consent_email: Option<String>,
    /// SMS consent: granted or withdrawn
    #[arg(long, help_heading = "Lead", value_name = "STATE")]
    pub consent_sms: Option<String>,
    /// Initial status (new, waitlist, invited, converted, lost); a merge never changes it
    #[arg(long, help_heading = "Lead", value_parser = crate::commands::values::status_texts(),
        hide_possible_values = true)]
    pub status: Option<String>,
    /// Idempotency key: the same request id again is a no-op
    #[arg(long, help_heading = "Lead", value_name = "ID")]
    pub request_id: Option<String>,
}

impl LeadFlags {
    fn is_empty(&self) -> bool {
        self.to_record() == InputRecord::default()
    }

    fn to_record(&self) -> InputRecord {
        let c = |v: &Option<String>| {
            v.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string)
        };
        InputRecord {
            email: c(&self.email),
            name: c(&self.name),
            first_name: c(&self.first_name),
            last_name: c(&self.last_name),
            phone: c(&self.phone),
            company: c(&self.company),
            service: c(&self.service),
            message: self.message.clone().filter(|m| !m.trim().is_empty()),
            source: c(&self.source),
            utm_source: c(&self.utm_source),
            utm_medium: c(&self.utm_medium),
            utm_campaign: c(&self.utm_campaign),
            tags: self.tag.iter().flat_map(|t| crate::ingest::record::split_tags(t)).collect(),
            consent_email: c(&self.consent_email),
            consent_sms: c(&self.consent_sms),
            status: c(&self.status),
            request_id: c(&self.request_id),
            ..InputRecord::default()
        }
    }
}

/// Runs `ingest`.
pub fn cmd_ingest(ctx: &mut Ctx, args: &IngestArgs) -> Result<()> {
    // Stage one: everything about the flags is checked before the database is touched.
    let region_code = args
        .default_region
        .clone()
        .or_else(|| ctx.settings.get("default_region").map(str::to_string))
        .unwrap_or_else(|| "US".into());
    let region = parse_region(&region_code).map_err(Error::usage)?;
    crate::store::orgs::validate_slug(ctx.org())?;
    let from_flags = args.file.is_none();
    if from_flags && args.lead.is_empty() {
        return Err(Error::usage("nothing to ingest")
            .with_hint("pass --file PATH (or --file - for stdin), or lead flags such as --email"));
    }
    let mut opts = IngestOptions {
        org: ctx.org().to_string(),
        region,
        strict: args.strict,
        dry_run: args.dry_run,
        batch_size: args.batch_size as usize,
        bulk: false,
        actor: ctx.actor(),
        raw_cells: args.raw,
        outbox: crate::queue::OutboxConfig::from_settings(&ctx.settings),
        origin: match &args.file {
            None => "flags".into(),
            Some(p) if p.as_os_str() == "-" => "stdin".into(),
            Some(p) => p.display().to_string(),
        },
    };
    let (reader, format, total_bytes, counter) = match &args.file {
        None => (None, InputFormat::Json, None, Arc::new(AtomicU64::new(0))),
        Some(p) => {
            let (r, f, len, c) = open_input(p, args.input_format)?;
            (Some(r), f, len, c)
        }
    };
    let mut reporter = CliReporter::new(ctx, args, format, total_bytes, counter)?;

    // Stage two: the database. A dry run against a database that does not exist yet uses an
    // in-memory one, so it creates no file.
    let mut memory;
    let store: &mut Store = if args.dry_run && !ctx.db_exists()? {
        memory = Store::open_in_memory()?;
        &mut memory
    } else {
        ctx.store()?
    };
    opts.bulk = match args.load_mode {
        LoadMode::Bulk => !from_flags,
        LoadMode::Batched => false,
        LoadMode::Auto => match total_bytes {
            Some(len) if len >= BULK_MIN_BYTES => {
                store.reader().lead_count_all()? < len / BYTES_PER_LEAD
            }
            _ => false,
        },
    };
    tracing::info!(bulk = opts.bulk, format = ?format, "ingest starting");
    let summary = match reader {
        Some(reader) => core::ingest_stream(store, reader, format, &opts, &mut reporter)?,
        None => {
            let raw = RawItem { record: 1, line: None, parsed: Ok(args.lead.to_record()) };
            let item = core::prepare(raw, region, &|| Raw::None);
            core::ingest_items(store, vec![item], format, &opts, &mut reporter)?
        }
    };
    reporter.finish(ctx, &summary, from_flags)
}

type Opened = (Box<dyn BufRead + Send>, InputFormat, Option<u64>, Arc<AtomicU64>);

fn open_input(path: &Path, forced: Option<InputFormat>) -> Result<Opened> {
    let counter = Arc::new(AtomicU64::new(0));
    let (inner, len, named): (Box<dyn Read + Send>, Option<u64>, Option<&Path>) =
        if path.as_os_str() == "-" {
            (Box::new(std::io::stdin()), None, None)
        } else {
            let f = File::open(path).map_err(|e| {
                let err = Error::new(
                    if e.kind() == std::io::ErrorKind::NotFound {
                        crate::error::ErrorKind::NotFound
                    } else {
                        crate::error::ErrorKind::Failure
                    },
                    format!("cannot open {}: {e}", path.display()),
                );
                err.with_hint("check the path; use --file - to read stdin")
            })?;
            if f.metadata().map(|m| m.is_dir()).unwrap_or(false) {
                return Err(Error::usage(format!("{} is a folder, not a file", path.display())));
            }
            let len = f.metadata().ok().map(|m| m.len());
            (Box::new(f), len, Some(path))
        };
    let reader: Box<dyn BufRead + Send> =
        Box::new(BufReader::with_capacity(256 * 1024, Counting { inner, count: counter.clone() }));
    let (format, reader) = match forced {
        Some(f) => (f, reader),
        None => input::detect(named, reader)?,
    };
    Ok((reader, format, len, counter))
}

/// Counts bytes read, for the progress bar.
struct Counting {
    inner: Box<dyn Read + Send>,
    count: Arc<AtomicU64>,
}

impl Read for Counting {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

const SHOWN: u64 = 20;
const JSON_REJECTIONS: usize = 1000;

/// Prints rejections and warnings, writes `--rejects`, drives the progress bar.
struct CliReporter {
    out: crate::output::Output,
    shown: u64,
    warned: u64,
    rejects: Option<RejectsFile>,
    rejections: Vec<Rejection>,
    keep_json: bool,
    bar: Option<ProgressBar>,
    bytes: Arc<AtomicU64>,
    last: Option<Written>,
}

enum RejectsFile {
    Csv(Box<csv::Writer<File>>, bool),
    Ndjson(std::io::BufWriter<File>),
}

impl CliReporter {
    fn new(
        ctx: &Ctx,
        args: &IngestArgs,
        format: InputFormat,
        total_bytes: Option<u64>,
        bytes: Arc<AtomicU64>,
    ) -> Result<CliReporter> {
        let rejects = match &args.rejects {
            None => None,
            Some(p) => {
                let f = File::create(p)
                    .map_err(|e| Error::failure(format!("cannot create {}: {e}", p.display())))?;
                Some(match format {
                    InputFormat::Csv => RejectsFile::Csv(
                        Box::new(csv::WriterBuilder::new().flexible(true).from_writer(f)),
                        false,
                    ),
                    _ => RejectsFile::Ndjson(std::io::BufWriter::new(f)),
                })
            }
        };
        let bar = (ctx.out.progress_allowed() && args.file.is_some()).then(|| match total_bytes {
            Some(len) => ProgressBar::new(len).with_style(
                ProgressStyle::with_template("{bar:40} {bytes}/{total_bytes} {msg} ({eta})")
                    .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::new_spinner(),
        });
        Ok(CliReporter {
            out: ctx.out.clone(),
            shown: 0,
            warned: 0,
            rejects,
            rejections: Vec::new(),
            keep_json: ctx.out.format == Some(Format::Json),
            bar,
            bytes,
            last: None,
        })
    }

    fn say(&self, f: impl FnOnce()) {
        match &self.bar {
            Some(b) => b.suspend(f),
            None => f(),
        }
    }

    fn finish(mut self, ctx: &Ctx, s: &Summary, single: bool) -> Result<()> {
        if let Some(b) = self.bar.take() {
            b.finish_and_clear();
        }
        if let Some(r) = self.rejects.take() {
            match r {
                RejectsFile::Csv(mut w, _) => w.flush()?,
                RejectsFile::Ndjson(mut w) => w.flush()?,
            }
        }
        let hidden = s.rejected.saturating_sub(SHOWN);
        if hidden > 0 {
            self.out.warn(&format!(
                "{} more rejected records not shown (use --rejects FILE)",
                thousands(hidden)
            ));
        }
        let line = summary_line(s);
        let mut out = ctx.out.stdout();
        if ctx.out.format == Some(Format::Json) {
            let mut doc = serde_json::to_value(s)?;
            doc["rejections"] = serde_json::to_value(&self.rejections)?;
            doc["rejections_truncated"] = (s.rejected as usize > self.rejections.len()).into();
            if let (true, Some(w)) = (single, &self.last) {
                doc["id"] = w.id.clone().into();
                doc["outcome"] = serde_json::to_value(w.outcome)?;
            }
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        } else if let (true, Some(w)) = (single, &self.last) {
            writeln!(out, "{}", w.id)?;
        }
        out.flush()?;
        self.out.status(&line);
        if s.rejected > 0 {
            let msg = if s.total == 1 {
                "the lead was rejected".to_string()
            } else {
                format!("{} of {} records were rejected", thousands(s.rejected), thousands(s.total))
            };
            let mut e = Error::rejected(msg);
            if s.total > 1 {
                e = e.with_hint(
                    "--rejects FILE writes them with their reasons, ready to fix and re-ingest",
                );
            }
            return Err(e);
        }
        Ok(())
    }
}

fn summary_line(s: &Summary) -> String {
    let noun = if s.total == 1 { "lead" } else { "leads" };
    let counts = format!(
        "{} created, {} merged, {} duplicates, {} rejected",
        thousands(s.created),
        thousands(s.merged),
        thousands(s.duplicates),
        thousands(s.rejected)
    );
    if s.dry_run {
        format!("Dry run, nothing written: {} {noun} would give {counts}.", thousands(s.total))
    } else if !s.committed && s.rejected > 0 {
        format!("Nothing ingested (--strict): {} {noun} read, {counts}.", thousands(s.total))
    } else {
        format!("Ingested {} {noun}: {counts}.", thousands(s.total))
    }
}

impl Reporter for CliReporter {
    fn rejected(&mut self, r: &Rejection, raw: &Raw) -> Result<()> {
        if self.shown < SHOWN {
            self.shown += 1;
            let out = self.out.clone();
            self.say(|| out.warn(&format!("rejected {r}")));
        }
        if self.keep_json && self.rejections.len() < JSON_REJECTIONS {
            self.rejections.push(r.clone());
        }
        let reason = r.errors.iter().map(ToString::to_string).collect::<Vec<_>>().join("; ");
        let field = r.errors.first().map(|e| e.field.as_str()).unwrap_or("");
        match (&mut self.rejects, raw) {
            (None, _) => {}
            (Some(RejectsFile::Csv(w, header_done)), raw) => {
                let (header, row) = match raw {
                    Raw::Csv(h, row) => (Some(h.as_ref()), Some(row)),
                    _ => (None, None),
                };
                if !*header_done {
                    let mut h = vec!["_rejected_record", "_rejected_line", "_rejected_reason"];
                    h.extend(header.map(|h| h.iter().collect::<Vec<_>>()).unwrap_or_default());
                    w.write_record(&h)?;
                    *header_done = true;
                }
                let mut rec = vec![
                    r.record.to_string(),
                    r.line.map(|l| l.to_string()).unwrap_or_default(),
                    reason.clone(),
                ];
                if let Some(row) = row {
                    rec.extend(row.iter().map(str::to_string));
                }
                w.write_record(&rec)?;
            }
            (Some(RejectsFile::Ndjson(w)), raw) => {
                let meta = serde_json::json!({"record": r.record, "line": r.line, "field": field, "reason": reason});
                let doc = match raw {
                    Raw::Json(text) => match serde_json::from_str::<serde_json::Value>(text) {
                        Ok(serde_json::Value::Object(mut m)) => {
                            m.insert("_rejected".into(), meta);
                            serde_json::Value::Object(m)
                        }
                        _ => serde_json::json!({"_rejected": meta, "_raw": text}),
                    },
                    _ => serde_json::json!({"_rejected": meta}),
                };
                serde_json::to_writer(&mut *w, &doc)?;
                w.write_all(b"\n")?;
            }
        }
        Ok(())
    }

    fn warning(&mut self, record: u64, line: Option<u64>, w: &FieldError) {
        self.warned += 1;
        if self.warned <= SHOWN {
            let at = match line {
                Some(l) => format!("record {record} (line {l})"),
                None => format!("record {record}"),
            };
            let out = self.out.clone();
            self.say(|| out.warn(&format!("{at}: {w}")));
        }
    }

    fn written(&mut self, _record: u64, w: Written) {
        self.last = Some(w);
    }

    fn finishing(&mut self) {
        if let Some(b) = &self.bar {
            b.set_message("building indexes and committing");
        }
    }

    fn progress(&mut self, _n: u64) {
        if let Some(b) = &self.bar {
            b.set_position(self.bytes.load(Ordering::Relaxed));
        }
    }
}
