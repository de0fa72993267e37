//! The one ingest core, used by `leadctl ingest` (and later the HTTP listener): read, validate,
//! normalise, deduplicate and write leads.
//!
//! Bulk input runs as a two-stage pipeline: a reader thread parses and normalises records (the
//! CPU-heavy part: JSON/CSV, phone parsing) and hands batches to the writer on the calling
//! thread, which owns the database. The writer commits every `batch_size` leads, each commit
//! carrying the audit entry for the leads in it. `--strict` and `--dry-run` use one transaction
//! for the whole input (rolled back on any rejection, or always for a dry run), and so does bulk
//! mode, which also defers the secondary indexes of `leads` to the end (store/bulk.rs).

pub mod input;
pub mod normalize;
pub mod record;
pub mod write;

use std::io::BufRead;
use std::sync::mpsc;

use phonenumber::country::Id as Region;
use serde::Serialize;

use crate::error::{Error, Result};
use crate::store::Store;
use crate::store::audit::AuditEntry;
use crate::time;
pub use input::{InputFormat, Raw, RawItem};
pub use write::{Outcome, Written, write_lead};

/// A problem with one field of one record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldError {
    /// Field name (`email`, `phone`, `record` for the whole record ...).
    pub field: String,
    /// Why, in a few words.
    pub reason: String,
}

impl FieldError {
    /// A new field error.
    pub fn new(field: impl Into<String>, reason: impl Into<String>) -> Self {
        FieldError { field: field.into(), reason: reason.into() }
    }
}

impl std::fmt::Display for FieldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.field, self.reason)
    }
}

/// A rejected record.
#[derive(Debug, Clone, Serialize)]
pub struct Rejection {
    /// 1-based record number.
    pub record: u64,
    /// 1-based input line, where known.
    pub line: Option<u64>,
    /// Every problem found.
    pub errors: Vec<FieldError>,
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "record {} (line {l})", self.record)?,
            None => write!(f, "record {}", self.record)?,
        }
        let reasons: Vec<String> = self.errors.iter().map(ToString::to_string).collect();
        write!(f, ": {}", reasons.join("; "))
    }
}

/// How to ingest.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Organisation slug (created on first use).
    pub org: String,
    /// Region for phones without a country code.
    pub region: Region,
    /// All or nothing.
    pub strict: bool,
    /// Report only; write nothing.
    pub dry_run: bool,
    /// Leads per transaction (batched mode).
    pub batch_size: usize,
    /// Bulk mode: one transaction, deferrable indexes rebuilt at the end (see store/bulk.rs).
    pub bulk: bool,
    /// Who, for the audit log.
    pub actor: String,
    /// Read CSV cells exactly (files from `export --raw`), without undoing the formula
    /// neutralisation of leadctl's exports.
    pub raw_cells: bool,
    /// Outbox items to write beside each lead (nothing when unconfigured).
    pub outbox: crate::queue::OutboxConfig,
    /// Where the input came from (file path, `stdin`, `flags`), for the audit log.
    pub origin: String,
}

/// Counts of one ingest run.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Records read.
    pub total: u64,
    /// New leads.
    pub created: u64,
    /// Merged into existing leads.
    pub merged: u64,
    /// Repeated request ids (no-ops).
    pub duplicates: u64,
    /// Rejected records.
    pub rejected: u64,
    /// Warnings (e.g. phones kept as raw text).
    pub warnings: u64,
    /// Whether this was a dry run.
    pub dry_run: bool,
    /// Whether anything was committed (false for dry runs and failed strict runs).
    pub committed: bool,
}

/// Hears about each record as the writer handles it (for messages, `--rejects` and progress).
pub trait Reporter {
    /// A record was rejected.
    fn rejected(&mut self, rejection: &Rejection, raw: &Raw) -> Result<()>;
    /// A record was written with a warning.
    fn warning(&mut self, record: u64, line: Option<u64>, warning: &FieldError);
    /// A lead was written.
    fn written(&mut self, record: u64, written: Written);
    /// `n` more records were handled.
    fn progress(&mut self, n: u64);
    /// All records are written; indexes are being rebuilt and the commit is under way.
    fn finishing(&mut self) {}
}

/// A normalised record ready for the writer.
pub struct Item {
    record: u64,
    line: Option<u64>,
    result: std::result::Result<normalize::Normalized, Vec<FieldError>>,
    raw: Raw,
}

/// Normalises one raw record. The original text is fetched (`raw`) only when the record is
/// rejected, for `--rejects`; good records never copy it.
pub fn prepare(item: RawItem, region: Region, raw: &dyn Fn() -> Raw) -> Item {
    let result = item.parsed.and_then(|rec| normalize::normalize(rec, region));
    let raw_text = if result.is_err() { raw() } else { Raw::None };
    Item { record: item.record, line: item.line, result, raw: raw_text }
}

const CHUNK: usize = 256;

/// Ingests a stream: a reader thread parses and normalises, this thread writes.
pub fn ingest_stream(
    store: &mut Store,
    input: Box<dyn BufRead + Send>,
    format: InputFormat,
    opts: &IngestOptions,
    reporter: &mut dyn Reporter,
) -> Result<Summary> {
    let (sender, receiver) = mpsc::sync_channel::<Result<Vec<Item>>>(4);
    let region = opts.region;
    let raw_cells = opts.raw_cells;
    let reader = std::thread::Builder::new()
        .name("ingest-reader".into())
        .spawn(move || {
            let mut chunk = Vec::with_capacity(CHUNK);
            let mut open = true;
            let result = input::read_records(input, format, raw_cells, &mut |item, raw| {
                chunk.push(prepare(item, region, raw));
                if chunk.len() >= CHUNK {
                    open = sender
                        .send(Ok(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK))))
                        .is_ok();
                }
                open
            });
            if open && !chunk.is_empty() {
                let _ = sender.send(Ok(chunk));
            }
            if let Err(e) = result {
                let _ = sender.send(Err(e));
            }
        })
        .map_err(|e| Error::failure(format!("cannot start the reader thread: {e}")))?;
    let summary = write_items(store, receiver.into_iter(), format, opts, reporter);
    // If the writer stopped early, dropping the receiver ends the reader at its next send.
    let _ = reader.join();
    summary
}

/// Ingests items already in memory (the single lead from flags).
pub fn ingest_items(
    store: &mut Store,
    items: Vec<Item>,
    format: InputFormat,
    opts: &IngestOptions,
    reporter: &mut dyn Reporter,
) -> Result<Summary> {
    write_items(store, std::iter::once(Ok(items)), format, opts, reporter)
}

fn write_items(
    store: &mut Store,
    chunks: impl Iterator<Item = Result<Vec<Item>>>,
    format: InputFormat,
    opts: &IngestOptions,
    reporter: &mut dyn Reporter,
) -> Result<Summary> {
    let started = std::time::Instant::now();
    let single_tx = opts.strict || opts.dry_run || opts.bulk;
    let run_id = crate::model::new_id();
    let mut summary = Summary { dry_run: opts.dry_run, ..Summary::default() };
    let mut batch = Summary::default();
    let mut batch_no = 0u64;
    let mut tx = store.begin_write()?;
    let mut now = time::now_string();
    let org_id = tx.ensure_org(&opts.org, &now)?;
    let suspended = if opts.bulk && !opts.dry_run { Some(tx.suspend_indexes()?) } else { None };
    for chunk in chunks {
        let chunk = chunk?;
        let n = chunk.len() as u64;
        for item in chunk {
            let act = crate::store::Act { org_id, actor: &opts.actor, now: &now };
            write_item(&tx, &act, &opts.outbox, item, &mut batch, reporter)?;
            if !single_tx && batch.total >= opts.batch_size as u64 {
                batch_no += 1;
                audit_batch(&tx, org_id, &run_id, batch_no, &batch, format, opts, &now, false)?;
                tx.commit()?;
                add(&mut summary, &batch);
                batch = Summary::default();
                tx = store.begin_write()?;
                now = time::now_string();
            }
        }
        reporter.progress(n);
    }
    let keep = !(opts.dry_run || (opts.strict && batch.rejected > 0));
    reporter.finishing();
    tracing::info!(
        records = summary.total + batch.total,
        elapsed_ms = started.elapsed().as_millis() as u64,
        "records written"
    );
    if keep {
        if let Some(s) = suspended {
            tx.restore_indexes(s)?;
            tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "indexes rebuilt");
        }
        // The last entry, unless the previous commit already covered every record.
        if batch.total > 0 || batch_no == 0 {
            batch_no += 1;
            audit_batch(&tx, org_id, &run_id, batch_no, &batch, format, opts, &now, true)?;
        }
        tx.commit()?;
        tracing::info!(elapsed_ms = started.elapsed().as_millis() as u64, "committed");
        summary.committed = true;
    } else {
        tx.rollback()?;
        summary.committed = batch_no > 0;
    }
    add(&mut summary, &batch);
    Ok(summary)
}

/// Writes one item inside the transaction and counts it.
fn write_item(
    tx: &crate::store::Tx<'_>,
    act: &crate::store::Act<'_>,
    outbox: &crate::queue::OutboxConfig,
    item: Item,
    batch: &mut Summary,
    reporter: &mut dyn Reporter,
) -> Result<()> {
    batch.total += 1;
    let written = match item.result {
        Err(errors) => Err(errors),
        Ok(norm) => {
            for w in &norm.warnings {
                batch.warnings += 1;
                reporter.warning(item.record, item.line, w);
            }
            let written = write_lead(tx, act, &norm.lead)?;
            if let Ok(w) = &written {
                crate::queue::enqueue::enqueue(tx, act, outbox, &norm.lead, w)?;
            }
            written.map_err(|e| vec![e])
        }
    };
    match written {
        Ok(w) => {
            match w.outcome {
                Outcome::Created => batch.created += 1,
                Outcome::Merged => batch.merged += 1,
                Outcome::Duplicate => batch.duplicates += 1,
            }
            for warning in &w.warnings {
                batch.warnings += 1;
                reporter.warning(item.record, item.line, warning);
            }
            reporter.written(item.record, w);
        }
        Err(errors) => {
            batch.rejected += 1;
            let rejection = Rejection { record: item.record, line: item.line, errors };
            reporter.rejected(&rejection, &item.raw)?;
        }
    }
    Ok(())
}

fn add(total: &mut Summary, b: &Summary) {
    total.total += b.total;
    total.created += b.created;
    total.merged += b.merged;
    total.duplicates += b.duplicates;
    total.rejected += b.rejected;
    total.warnings += b.warnings;
}

/// Writes the audit entry of one committed batch, in the batch's own transaction.
#[allow(clippy::too_many_arguments)]
fn audit_batch(
    tx: &crate::store::Tx<'_>,
    org_id: i64,
    run_id: &str,
    batch_no: u64,
    b: &Summary,
    format: InputFormat,
    opts: &IngestOptions,
    now: &str,
    last: bool,
) -> Result<()> {
    let details = serde_json::json!({
        "origin": opts.origin, "format": format, "batch": batch_no, "last": last,
        "records": b.total, "created": b.created, "merged": b.merged,
        "duplicates": b.duplicates, "rejected": b.rejected, "strict": opts.strict,
        "bulk": opts.bulk,
    });
    tx.audit(&AuditEntry {
        at: now,
        actor: &opts.actor,
        action: "ingest",
        org_id: Some(org_id),
        entity_type: Some("ingest_run"),
        entity_id: Some(run_id),
        details: Some(details.to_string()),
        ..AuditEntry::default()
    })
}
