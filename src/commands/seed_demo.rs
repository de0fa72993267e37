//! `leadctl seed-demo`: a small demo CRM to explore, and synthetic leads for benchmarks.

use std::io::Write;

use clap::Args;
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::Format;
use crate::context::Ctx;
use crate::error::Result;
use crate::output::thousands;
use crate::seed::{self, DemoReport, SyntheticReport};

/// Fill the database with a small demo CRM to explore (and synthetic leads for benchmarks)
///
/// Writes about 30 demo leads across every status, source, UTM campaign and tag, with email
/// and sms consents (some withdrawn), notes, calls and emails, status history, open and
/// overdue tasks for the coach demo_coach@example.com, outbox items in every state, and one
/// meeting (google, demo-google-event-1) whose two attendees are known only by an email
/// (alice.client@example.com) and only by a phone (+15551234567).
///
/// Every run first deletes the demo leads and the demo meeting of the last run, so running it
/// again gives the same data, never duplicates. Leads that are not demo data are never changed
/// or deleted. A demo lead that your own data refers to (a note, task, event or status change
/// you made, a form post merged into it, another meeting) is kept as it is, unless
/// --force-wipe (or DEMO_SEED_FORCE_WIPE=1) asks for a hard reset. Demo outbox items are never
/// delivered by `queue flush`.
///
/// --leads N adds N synthetic leads (names, emails, phones of ten countries, companies, sources,
/// UTM fields, tags, statuses, owners, created over the two years up to today), the same for
/// the same --seed; running it again with the same seed adds only what is missing. They are
/// ordinary leads: no outbox items, one audit entry for the run. Use a database of its own
/// for benchmarks (--db). With --format json the report is printed on stdout.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl seed-demo\n  \
    leadctl --db /tmp/demo.db seed-demo && leadctl --db /tmp/demo.db list\n  \
    leadctl seed-demo --force-wipe\n  \
    leadctl --db /tmp/bench.db seed-demo --leads 1000000 --seed 7")]
pub struct SeedDemoArgs {
    /// Delete every demo lead of earlier runs, also those your own data refers to
    #[arg(long, env = "DEMO_SEED_FORCE_WIPE",
        value_parser = clap::builder::BoolishValueParser::new())]
    pub force_wipe: bool,
    /// Also generate this many synthetic leads
    #[arg(long, value_name = "N")]
    pub leads: Option<u64>,
    /// Seed of the synthetic leads (the same seed gives the same leads)
    #[arg(long, value_name = "S", default_value_t = 1, requires = "leads")]
    pub seed: u64,
}

/// Runs `seed-demo`.
pub fn cmd_seed_demo(ctx: &mut Ctx, args: &SeedDemoArgs) -> Result<()> {
    let org = ctx.org().to_string();
    let actor = ctx.actor();
    let out = ctx.out.clone();
    let store = ctx.store()?;
    let demo = seed::seed_demo(store, &org, &actor, args.force_wipe)?;
    let synthetic = match args.leads {
        Some(n) => {
            let bar = out.progress_allowed().then(|| {
                ProgressBar::new(n).with_style(
                    ProgressStyle::with_template("{bar:40} {human_pos}/{human_len} leads ({eta})")
                        .unwrap_or_else(|_| ProgressStyle::default_bar()),
                )
            });
            let started = std::time::Instant::now();
            let report = seed::generate(store, &org, &actor, n, args.seed, &mut |k| {
                if let Some(b) = &bar {
                    b.inc(k);
                }
            })?;
            if let Some(b) = bar {
                b.finish_and_clear();
            }
            Some((report, started.elapsed()))
        }
        None => None,
    };
    if matches!(out.format, Some(Format::Json | Format::Ndjson)) {
        let doc = serde_json::json!({
            "demo": demo,
            "synthetic": synthetic.as_ref().map(|(r, _)| r),
        });
        crate::commands::print_json(ctx, &doc)?;
    }
    summary(ctx, &org, &demo, synthetic.as_ref())
}

fn summary(
    ctx: &Ctx,
    org: &str,
    d: &DemoReport,
    synthetic: Option<&(SyntheticReport, std::time::Duration)>,
) -> Result<()> {
    if ctx.out.quiet {
        return Ok(());
    }
    let w = &d.written;
    let mut e = std::io::stderr().lock();
    let again =
        if d.removed > 0 || d.meeting_replaced { " (replacing the last run's)" } else { "" };
    writeln!(
        e,
        "Seeded the demo CRM in organisation '{org}'{again}: {} leads, {} notes, {} events, \
         {} status changes, {} consents, {} tasks, {} outbox items, 1 meeting with {} attendees.",
        w.leads,
        w.notes,
        w.events,
        w.status_changes,
        w.consents,
        w.tasks,
        w.outbox_items,
        w.attendees
    )?;
    if w.kept > 0 {
        writeln!(
            e,
            "Kept {} demo leads your own data refers to (--force-wipe deletes them too).",
            w.kept
        )?;
    }
    for who in &w.skipped {
        writeln!(e, "Skipped the demo person {who}: a lead of yours has that email or phone.")?;
    }
    if let Some((s, took)) = synthetic {
        writeln!(
            e,
            "Generated {} synthetic leads in {:.1} s ({} already there, {} skipped: email taken).",
            thousands(s.created),
            took.as_secs_f64(),
            thousands(s.existing),
            thousands(s.skipped)
        )?;
    }
    writeln!(e, "\nTry next:")?;
    writeln!(e, "  leadctl list --owner {}", seed::demo::COACH)?;
    writeln!(e, "  leadctl show {}", seed::demo::EMAIL_ONLY)?;
    writeln!(e, "  leadctl task list --overdue")?;
    Ok(())
}
