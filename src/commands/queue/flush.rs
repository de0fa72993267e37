//! `leadctl queue flush`: deliver due outbox items; made for cron.

use std::io::Write;
use std::sync::{Arc, Mutex};

use clap::Args;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde_json::json;

use super::KindArg;
use crate::cli::Format;
use crate::context::Ctx;
use crate::error::{Error, ErrorKind, Result};
use crate::queue::deliver::Deliverer;
use crate::queue::flush::{FlushOptions, FlushSummary, Flusher};
use crate::queue::templates::Templates;
use crate::queue::{KINDS, QueueSettings, Transports};
use crate::store::outbox::ItemFilter;
use crate::time;

/// Deliver the outbox items that are due: forwards over HTTP, emails over SMTP.
///
/// Each item is claimed under a lease written to the database, so flushes that overlap (a slow
/// cron run, the listener's own flusher) never send an item twice; if a flush dies, its items
/// are claimed again once the lease (queue.lease) runs out. Failures are retried with
/// exponential backoff and jitter (Retry-After honoured) until queue.max_attempts; permanent
/// failures (HTTP 4xx other than 408/429, SMTP 5xx, an invalid address) are dead at once.
///
/// Prints one summary line ("Delivered 12, will retry 2, dead 1."); with --quiet nothing when
/// there was nothing to do. Exits 6 when items went dead in this run, so cron mails a person;
/// 130 when stopped by Ctrl-C or SIGTERM (no more claims, in-flight deliveries are finished
/// and recorded; a second signal abandons them, leaving their items leased). Items of every organisation are delivered: the
/// transports are the installation's.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl queue flush\n  leadctl queue flush --quiet    \
    # for cron: silent when idle\n  leadctl queue flush --dry-run\n  \
    leadctl queue flush --kind forward --limit 100 --format json\n\n\
    Crontab (every 5 minutes; stdout dropped, so only dead items and errors are mailed):\n  \
    */5 * * * * leadctl --db /var/lib/leadctl/leadctl.db queue flush --quiet >/dev/null")]
pub struct FlushArgs {
    /// Deliveries in flight at once [default: queue.concurrency, 8]
    #[arg(long, value_name = "N")]
    pub concurrency: Option<usize>,
    /// Deliver at most N items
    #[arg(long, value_name = "N")]
    pub limit: Option<u64>,
    /// Only items of this kind (repeatable)
    #[arg(long, value_enum)]
    pub kind: Vec<KindArg>,
    /// List what is due without sending or changing anything
    #[arg(long)]
    pub dry_run: bool,
}

/// Runs `queue flush`.
pub fn cmd_queue_flush(ctx: &mut Ctx, args: &FlushArgs) -> Result<()> {
    let mut q = QueueSettings::from_settings(&ctx.settings)?;
    if let Some(c) = args.concurrency {
        q.concurrency = c;
        q.check()?;
    }
    let transports = Transports::from_settings(&ctx.settings)?;
    let deliverable = transports.deliverable();
    let asked: Vec<&'static str> = args.kind.iter().map(|k| k.name()).collect();
    for k in &asked {
        if !deliverable.contains(k) {
            let need = if *k == "forward" { "forward.url" } else { "smtp.host and from_email" };
            return Err(Error::usage(format!("cannot deliver {k} items: {need} is not set"))
                .with_hint("`leadctl config show` shows the configuration"));
        }
    }
    let kinds: Vec<&'static str> =
        deliverable.iter().copied().filter(|k| asked.is_empty() || asked.contains(k)).collect();
    // Items of a kind the configuration cannot deliver pile up: say so even with --quiet,
    // as this needs a person.
    let stuck: Vec<&str> = KINDS.iter().copied().filter(|k| !deliverable.contains(k)).collect();
    if !stuck.is_empty() && !args.dry_run {
        let filter = ItemFilter {
            due_at: Some(time::now_string()),
            kinds: stuck.iter().map(|k| k.to_string()).collect(),
            all_orgs: true,
            ..ItemFilter::default()
        };
        let waiting = ctx.store()?.reader().outbox_items(0, &filter, 1)?;
        if let Some(item) = waiting.first() {
            let need = if item.kind == "forward" {
                "forward.url is"
            } else {
                "smtp.host and from_email are"
            };
            eprintln!("warning: {} items wait to be delivered but {need} not set", item.kind);
        }
    }
    // Templates only matter (and a broken one only stops the flush) when emails are sent.
    let emails = kinds.iter().any(|k| *k != "forward");
    let folder = ctx.settings.templates_dir();
    let templates = Templates::load(if emails { folder.as_deref() } else { None })?;
    if args.dry_run {
        return dry_run(ctx, &kinds, args.limit);
    }
    let out = ctx.out.clone();
    let actor = ctx.actor();
    let store = Arc::new(Mutex::new(ctx.take_store()?));
    let opts = FlushOptions { kinds, limit: args.limit, concurrency: q.concurrency };
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::failure("cannot start the delivery runtime").with_cause(e))?;
    let summary = rt.block_on(async move {
        // The SMTP connection pool starts a task when built and closes its connections on
        // one when dropped: both happen while the runtime runs.
        let deliverer = Deliverer::new(&transports, &q)?;
        let flusher =
            Arc::new(Flusher::new(store, deliverer, templates, transports.from.clone(), q, actor));
        let (tx, rx) = tokio::sync::watch::channel(0u8);
        let signals = spawn_signal_watch(tx, out.clone())?;
        let result = flusher.run(&opts, rx).await;
        signals.abort();
        drop(flusher);
        result
    })?;
    report(ctx, &summary)
}

/// Counts SIGINT and SIGTERM into `tx`: 1 stops claiming, 2 abandons what is in flight.
fn spawn_signal_watch(
    tx: tokio::sync::watch::Sender<u8>,
    out: crate::output::Output,
) -> Result<tokio::task::JoinHandle<()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let err = |e: std::io::Error| Error::failure("cannot handle signals").with_cause(e);
    let mut int = signal(SignalKind::interrupt()).map_err(err)?;
    let mut term = signal(SignalKind::terminate()).map_err(err)?;
    Ok(tokio::spawn(async move {
        loop {
            tokio::select! {
                _ = int.recv() => {}
                _ = term.recv() => {}
            }
            let n = tx.borrow().saturating_add(1);
            if n == 1 {
                out.warn("stopping: finishing deliveries in flight (signal again to abandon them)");
            }
            let _ = tx.send(n);
        }
    }))
}

/// Prints the summary and turns dead items and interruptions into their exit codes.
fn report(ctx: &Ctx, s: &FlushSummary) -> Result<()> {
    let out_cfg = &ctx.out;
    let mut out = out_cfg.stdout();
    match out_cfg.format {
        Some(f @ (Format::Json | Format::Ndjson)) => crate::output::write_json_doc(&mut out, f, s)?,
        _ if s.idle() && out_cfg.quiet => {}
        _ => writeln!(out, "{}", s.line())?,
    }
    out.flush()?;
    if s.interrupted {
        return Err(Error::new(
            ErrorKind::Interrupted,
            "interrupted; finished deliveries were recorded, the rest will be tried again",
        ));
    }
    if s.dead > 0 {
        let first = &s.dead_items[0];
        let why = first.error.as_deref().unwrap_or("failed");
        let more = if s.dead > 1 { format!(" (and {} more)", s.dead - 1) } else { String::new() };
        return Err(Error::new(
            ErrorKind::Undelivered,
            format!(
                "{} item{} went dead: {} #{}: {why}{more}",
                s.dead,
                if s.dead == 1 { "" } else { "s" },
                first.kind,
                first.id
            ),
        )
        .with_hint("`leadctl queue list --state dead` lists them; `leadctl queue retry --dead` tries again"));
    }
    Ok(())
}

/// `--dry-run`: what is due now, without claiming.
fn dry_run(ctx: &mut Ctx, kinds: &[&'static str], limit: Option<u64>) -> Result<()> {
    let now = time::now_string();
    let filter = ItemFilter {
        due_at: Some(now),
        kinds: kinds.iter().map(|k| k.to_string()).collect(),
        all_orgs: true,
        ..ItemFilter::default()
    };
    let out_cfg = ctx.out.clone();
    let items = if kinds.is_empty() {
        Vec::new()
    } else {
        ctx.store()?.reader().outbox_items(0, &filter, limit.unwrap_or(u64::MAX))?
    };
    let mut out = out_cfg.stdout();
    match out_cfg.format {
        Some(f @ (Format::Json | Format::Ndjson)) => {
            let doc = json!({"dry_run": true, "due": items.len(), "items": items});
            crate::output::write_json_doc(&mut out, f, &doc)?;
        }
        _ => {
            if !items.is_empty() {
                let mut t = Table::new();
                t.load_preset(UTF8_FULL_CONDENSED)
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_header(["item", "kind", "lead", "to", "attempts"]);
                for i in &items {
                    t.add_row([
                        i.id.to_string(),
                        i.kind.clone(),
                        i.lead_id.clone().unwrap_or_default(),
                        i.to.clone().unwrap_or_else(|| "forward.url".into()),
                        i.attempts.to_string(),
                    ]);
                }
                writeln!(out, "{t}")?;
            }
            if !(items.is_empty() && out_cfg.quiet) {
                let n = items.len();
                writeln!(
                    out,
                    "Would deliver {n} item{} (dry run).",
                    if n == 1 { "" } else { "s" }
                )?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
