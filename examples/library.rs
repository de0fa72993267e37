//! leadctl as a library: open a store, ingest leads through the same ingest core as
//! `leadctl ingest` (validation, normalisation, deduplication, audit), then query them.
//!
//! ```sh
//! cargo run --example library                   # a database in a temporary folder
//! cargo run --example library -- /tmp/leads.db  # or this file (kept afterwards)
//! ```

use std::io::{Cursor, Write};
use std::path::PathBuf;

use leadctl::ingest::normalize::parse_region;
use leadctl::ingest::{
    self, FieldError, IngestOptions, InputFormat, Raw, Rejection, Reporter, Written,
};
use leadctl::queue::OutboxConfig;
use leadctl::store::leads::{LeadFilter, Sort, SortKey};
use leadctl::store::{Store, StoreOptions};

/// Input as `leadctl ingest --file -` would read it: the site-form shape and the flat names.
/// The third line is the first again, retried (same request id); the last one is invalid.
const LEADS: &str = r#"{"name": "Ann Lee", "email": "ann@example.com", "phone": "(555) 123-4567", "consent": true, "meta": {"source": "website", "request_id": "form-1"}}
{"first_name": "Omar", "last_name": "Haddad", "email": "omar@haddad.example", "phone": "+44 20 7946 0958", "source": "referral", "tags": ["vip", "uk"]}
{"name": "Ann Lee", "email": "ann@example.com", "meta": {"source": "website", "request_id": "form-1"}}
{"name": "Nobody", "email": "not-an-email"}
"#;

/// Hears about each record as the writer handles it; the CLI prints and counts the same way.
struct Print;

impl Reporter for Print {
    fn rejected(&mut self, rejection: &Rejection, _raw: &Raw) -> leadctl::error::Result<()> {
        eprintln!("rejected {rejection}");
        Ok(())
    }
    fn warning(&mut self, record: u64, _line: Option<u64>, warning: &FieldError) {
        eprintln!("record {record}: {warning}");
    }
    fn written(&mut self, record: u64, written: Written) {
        eprintln!("record {record}: {:?} {}", written.outcome, written.id);
    }
    fn progress(&mut self, _n: u64) {}
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // Without an argument, a database in a temporary folder, removed when `temp` is dropped.
    let temp = tempfile::tempdir()?;
    let path =
        std::env::args_os().nth(1).map_or_else(|| temp.path().join("leads.db"), PathBuf::from);
    // Creates the file (0600) and its folder if needed, sets the pragmas, migrates.
    let mut store = Store::open(&path, &StoreOptions::default())?;

    let opts = IngestOptions {
        org: "default".into(),
        region: parse_region("US")?,
        strict: false,
        dry_run: false,
        batch_size: 10_000,
        bulk: false,
        actor: "library-example".into(),
        raw_cells: false,
        outbox: OutboxConfig::default(), // queue no forwards or emails
        origin: "examples/library.rs".into(),
    };
    let input = Box::new(Cursor::new(LEADS));
    let summary = ingest::ingest_stream(&mut store, input, InputFormat::Ndjson, &opts, &mut Print)?;

    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{}: {} records, {} created, {} merged, {} duplicates, {} rejected",
        path.display(),
        summary.total,
        summary.created,
        summary.merged,
        summary.duplicates,
        summary.rejected
    )?;

    let reader = store.reader();
    let org = reader.require_org(&opts.org)?;
    let newest_first = Sort { key: SortKey::CreatedAt, descending: true };
    for lead in reader.list_leads(org, &LeadFilter::default(), newest_first, Some(50), 0)? {
        let phone = lead.phone.as_deref().unwrap_or("-");
        let email = lead.email.as_deref().unwrap_or("-");
        let (id, name, tags) = (&lead.id, lead.display_name(), lead.tags.join(","));
        writeln!(out, "{id}  {name:<12} {email:<22} {phone:<14} [{tags}]")?;
    }
    let vip = LeadFilter { tags: vec!["vip".into()], ..LeadFilter::default() };
    writeln!(out, "tagged vip: {}", reader.count_leads(org, &vip)?)?;
    Ok(())
}
