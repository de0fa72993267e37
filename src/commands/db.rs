//! `leadctl db`: the operator's tools for the database file: check, backup, restore, migrate,
//! vacuum, stats.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};

use super::target::confirm;
use crate::cli::Format;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::thousands;
use crate::store::maint::{self, CheckReport};
use crate::store::migrations;

/// The database file: check, backup, restore, migrate, vacuum, stats
///
/// Maintenance of the one SQLite file leadctl keeps everything in. `check` and `backup` only
/// read it and are safe while the listener and queue flushes run; `restore` and `vacuum` take
/// the write lock while they work (other leadctl processes wait, up to their busy timeout).
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl db check\n  \
    leadctl db backup --output /var/backups/leadctl-$(date +%F).db\n  \
    leadctl db restore /var/backups/leadctl-2026-12-01.db\n  leadctl db stats --format json")]
pub struct DbArgs {
    #[command(subcommand)]
    pub command: DbCommand,
}

/// `db` subcommands.
#[derive(Debug, Subcommand)]
pub enum DbCommand {
    /// Check the database: SQLite's integrity and foreign keys, and leadctl's own invariants
    ///
    /// Runs `PRAGMA integrity_check` and `PRAGMA foreign_key_check`, then leadctl's invariants
    /// (every lead, tag and outbox item in an organisation, no tag link or outbox item of a
    /// missing lead, tag and status counters equal to the leads). Reads one snapshot, opens the
    /// file read-only and never migrates it. Prints "ok" or a report of every problem; exit 5
    /// when anything is wrong. --search-index also compares the search index with the leads
    /// (slower on large databases; it holds the write lock while it runs).
    #[command(after_help = "Examples:\n  leadctl db check\n  leadctl db check --search-index\n  \
        leadctl db check --format json")]
    Check {
        /// Also check the search index against the leads
        #[arg(long)]
        search_index: bool,
    },
    /// Copy the database to a file, consistently, while other leadctl processes keep working
    ///
    /// Uses SQLite's online backup API: one snapshot of the database, taken without stopping
    /// the listener or a queue flush. The copy is written to a temporary file beside FILE,
    /// flushed to disk and renamed over FILE, so FILE is either the old file or a complete
    /// copy. The copy is a single file (no -wal beside it), a leadctl database you can open
    /// with --db or give to `db restore`.
    #[command(after_help = "Examples:\n  leadctl db backup --output leads-backup.db\n  \
        leadctl db backup --output /var/backups/leadctl-$(date +%F).db --quiet")]
    Backup {
        /// Where to write the copy (replaced atomically when it exists)
        #[arg(long, short, value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        output: PathBuf,
    },
    /// Replace the database with a backup (asks first; --yes for scripts)
    ///
    /// Checks FILE first (a leadctl database this version knows, passing `db check`) and
    /// leaves the database untouched if not (exit 4). Then copies it over the live database
    /// through SQLite's backup API under the write lock, so other leadctl processes see the
    /// old data or the new, never a mixture, and brings an older backup's schema up to date.
    /// Everything written since the backup is lost: take a backup of the current database
    /// first if in doubt. Asks for confirmation on a terminal; without one it needs --yes.
    #[command(after_help = "Examples:\n  leadctl db restore leads-backup.db\n  \
        leadctl db backup -o before-restore.db && leadctl db restore leads-backup.db --yes")]
    Restore {
        /// The backup to restore
        #[arg(value_name = "FILE", value_hint = clap::ValueHint::FilePath)]
        file: PathBuf,
        /// Do not ask for confirmation
        #[arg(long, short)]
        yes: bool,
    },
    /// Bring the database's schema up to this version of leadctl
    ///
    /// Every command migrates the database when it opens it; this does it explicitly, for
    /// operators who migrate before deploying a new binary. Prints the schema version before
    /// and after. A database from a newer leadctl is refused and left untouched (exit 5).
    #[command(
        after_help = "Examples:\n  leadctl db migrate\n  leadctl --db /var/lib/leadctl/leadctl.db db migrate"
    )]
    Migrate,
    /// Rebuild the file without free space (VACUUM) and empty the write-ahead log
    ///
    /// After a large `forget` or `queue clear` the file keeps its free pages; VACUUM writes
    /// the database anew without them. It needs free disk space about the size of the
    /// database and holds the write lock while it runs. Prints the size before and after.
    #[command(after_help = "Examples:\n  leadctl db vacuum")]
    Vacuum,
    /// Sizes, schema version and row counts per table
    ///
    /// The file and write-ahead log sizes, page size and free pages, the schema version (and
    /// the one this leadctl writes), SQLite's version, and the number of rows of every table.
    /// Reads only; --format json for monitoring.
    #[command(
        after_help = "Examples:\n  leadctl db stats\n  leadctl db stats --format json | jq .tables"
    )]
    Stats,
}

/// Runs `db`.
pub fn cmd_db(ctx: &mut Ctx, args: &DbArgs) -> Result<()> {
    let path = ctx.settings.db_path()?;
    match &args.command {
        DbCommand::Check { search_index } => {
            let conn = maint::open_read_only(&path)?;
            let mut report = maint::check(&conn)?;
            drop(conn);
            if *search_index && report.schema_version > 0 {
                if let Some(problem) = maint::check_search_index(&path)? {
                    report.invariants.push(problem);
                }
            }
            print_report(ctx, &path, &report)?;
            if report.is_ok() {
                Ok(())
            } else {
                Err(Error::database(format!("{} failed its check", path.display()))
                    .with_hint("restore it from a backup (`leadctl db restore FILE`)"))
            }
        }
        DbCommand::Backup { output } => {
            if crate::store::is_database_file(&path, output) {
                return Err(Error::usage(
                    "--output is the database or a file SQLite keeps beside it",
                )
                .with_hint("write the backup to another file"));
            }
            let bytes = maint::backup(&path, output)?;
            ctx.out.status(&format!(
                "Backed up {} to {} ({} bytes).",
                path.display(),
                output.display(),
                thousands(bytes)
            ));
            super::print_json(
                ctx,
                &serde_json::json!({"database": path, "output": output, "bytes": bytes}),
            )
        }
        DbCommand::Restore { file, yes } => {
            if crate::store::is_database_file(&path, file) {
                return Err(Error::usage("FILE is the database or a file SQLite keeps beside it"));
            }
            if !path.exists() {
                return Err(Error::not_found(format!("no database at {}", path.display()))
                    .with_hint("check --db; a new database needs no restore: copy the file"));
            }
            if !*yes {
                confirm(
                    ctx,
                    &format!("Replace everything in {} with {}?", path.display(), file.display()),
                    "refusing to replace the database",
                    "pass --yes to confirm",
                )?;
            }
            let report = maint::restore(file, &path)?;
            ctx.out.status(&format!(
                "Restored {} from {} (schema version {} -> {}).",
                path.display(),
                file.display(),
                report.schema_version,
                migrations::latest_version()
            ));
            Ok(())
        }
        DbCommand::Migrate => {
            let before = if path.exists() {
                migrations::version(&maint::open_read_only(&path)?)?
            } else {
                0
            };
            let store = ctx.store()?;
            let after = store.schema_version()?;
            let msg = if before == after {
                format!("Schema version {after}: up to date.")
            } else {
                format!("Migrated {} from schema version {before} to {after}.", path.display())
            };
            ctx.out.status(&msg);
            super::print_json(ctx, &serde_json::json!({"from": before, "to": after}))
        }
        DbCommand::Vacuum => {
            let before = file_sizes(&path);
            ctx.store()?.vacuum()?;
            let after = file_sizes(&path);
            ctx.out.status(&format!(
                "Vacuumed {}: {} -> {} bytes (database and log).",
                path.display(),
                thousands(before),
                thousands(after)
            ));
            super::print_json(ctx, &serde_json::json!({"before": before, "after": after}))
        }
        DbCommand::Stats => {
            let stats = maint::stats(&path)?;
            print_stats(ctx, &stats)
        }
    }
}

/// Bytes of the database file and its log.
fn file_sizes(path: &std::path::Path) -> u64 {
    [path.to_path_buf(), crate::store::sidecar(path, "-wal")]
        .iter()
        .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
        .sum()
}

fn print_report(ctx: &Ctx, path: &std::path::Path, r: &CheckReport) -> Result<()> {
    let mut out = ctx.out.stdout();
    match ctx.out.format {
        Some(f @ (Format::Json | Format::Ndjson)) => {
            let doc = serde_json::json!({
                "database": path, "ok": r.is_ok(), "schema_version": r.schema_version,
                "integrity": r.integrity, "foreign_keys": r.foreign_keys,
                "invariants": r.invariants,
            });
            crate::output::write_json_doc(&mut out, f, &doc)?;
        }
        _ if r.is_ok() => {
            writeln!(out, "ok: {} (schema version {})", path.display(), r.schema_version)?
        }
        _ => {
            writeln!(
                out,
                "{}: problems found (schema version {})",
                path.display(),
                r.schema_version
            )?;
            let sections = [
                ("integrity (PRAGMA integrity_check)", &r.integrity),
                ("foreign keys (PRAGMA foreign_key_check)", &r.foreign_keys),
                ("leadctl invariants", &r.invariants),
            ];
            for (title, lines) in sections {
                if lines.is_empty() {
                    continue;
                }
                writeln!(out, "  {title}:")?;
                for l in lines {
                    writeln!(out, "    - {l}")?;
                }
            }
        }
    }
    out.flush()?;
    Ok(())
}

fn print_stats(ctx: &Ctx, s: &maint::DbStats) -> Result<()> {
    let mut out = ctx.out.stdout();
    match ctx.out.format {
        Some(f @ (Format::Json | Format::Ndjson)) => {
            let mut doc = serde_json::to_value(s)?;
            doc["tables"] =
                s.tables.iter().map(|(n, c)| (n.clone(), serde_json::Value::from(*c))).collect();
            crate::output::write_json_doc(&mut out, f, &doc)?;
        }
        Some(Format::Csv) => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(["table", "rows"])?;
            for (n, c) in &s.tables {
                w.write_record([n.as_str(), &c.to_string()])?;
            }
            w.flush()?;
        }
        _ => {
            writeln!(out, "database        {}", s.path)?;
            writeln!(out, "file            {} bytes", thousands(s.file_bytes))?;
            writeln!(out, "write-ahead log {} bytes", thousands(s.wal_bytes))?;
            writeln!(
                out,
                "pages           {} of {} bytes, {} free",
                thousands(s.pages as u64),
                s.page_size,
                thousands(s.free_pages as u64)
            )?;
            writeln!(
                out,
                "schema version  {} (this leadctl writes {})",
                s.schema_version, s.latest_schema_version
            )?;
            writeln!(out, "SQLite          {}", s.sqlite_version)?;
            writeln!(out, "rows")?;
            let width = s.tables.iter().map(|(n, _)| n.len()).max().unwrap_or(0);
            for (n, c) in &s.tables {
                writeln!(out, "  {n:width$}  {:>12}", thousands(*c as u64))?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
