//! Naming the leads a command acts on: one lead by id, unique id prefix or email; several by
//! ids; or every lead matching the same filters as `list` (the bulk form), with a count, a
//! confirmation on a terminal, `--yes` for scripts and `--dry-run`. Every change runs in one
//! transaction: all or nothing.

use clap::Args;

use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::Status;
use crate::output::thousands;
use crate::store::leads::{LeadFilter, LeadRef, Resolved};
use crate::store::{Act, Reader, Tx};
use crate::time;

/// The bulk form's filters, confirmation and dry run, shared by every command that changes
/// leads named by ids.
#[derive(Debug, Args, Default, Clone)]
#[command(next_help_heading = "Bulk form (instead of IDs)")]
pub struct BulkArgs {
    /// Leads with this status (repeatable: any of)
    #[arg(long = "where-status", value_parser = crate::commands::values::statuses(), value_name = "STATUS")]
    pub where_status: Vec<Status>,
    /// Leads with this tag (repeatable: all of)
    #[arg(long = "where-tag", value_name = "TAG")]
    pub where_tag: Vec<String>,
    /// Leads whose name, email, phone or company contains TEXT
    #[arg(long, value_name = "TEXT")]
    pub search: Option<String>,
    /// Leads from this source, exactly
    #[arg(long = "where-source", value_name = "SOURCE")]
    pub where_source: Option<String>,
    /// Leads of this owner, exactly
    #[arg(long = "where-owner", value_name = "OWNER")]
    pub where_owner: Option<String>,
    /// Leads created at or after WHEN (a date, an RFC 3339 time, or an age such as 7d)
    #[arg(long, value_name = "WHEN")]
    pub since: Option<String>,
    /// Leads created before WHEN
    #[arg(long, value_name = "WHEN")]
    pub until: Option<String>,
    /// Every lead of the organisation
    #[arg(long)]
    pub all: bool,
    /// Do not ask for confirmation (for scripts)
    #[arg(short = 'y', long)]
    pub yes: bool,
    /// Show what would change; change nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// Which leads a command acts on.
#[derive(Debug, Clone)]
pub enum Selection {
    /// Leads named on the command line (ids, prefixes or emails).
    Keys(Vec<String>),
    /// Every lead matching a filter.
    Filter(LeadFilter),
}

impl BulkArgs {
    /// Whether any filter (or `--all`) was given.
    pub fn has_filter(&self) -> bool {
        self.all
            || !self.where_status.is_empty()
            || !self.where_tag.is_empty()
            || self.search.as_deref().is_some_and(|s| !s.trim().is_empty())
            || self.where_source.is_some()
            || self.where_owner.is_some()
            || self.since.is_some()
            || self.until.is_some()
    }

    /// Decides the selection from the ids given and the filters (before the database opens).
    pub fn selection(&self, keys: &[String]) -> Result<Selection> {
        match (keys.is_empty(), self.has_filter()) {
            (false, true) => Err(Error::usage("give lead ids or filters, not both").with_hint(
                "the bulk form takes --where-status, --where-tag, --search ... instead of ids",
            )),
            (false, false) => {
                for k in keys {
                    check_key(k)?;
                }
                Ok(Selection::Keys(keys.to_vec()))
            }
            (true, false) => Err(Error::usage("no leads named").with_hint(
                "give lead ids, or filters such as --where-status new (--all for every lead)",
            )),
            (true, true) => {
                let filter = crate::commands::list::FilterArgs {
                    search: self.search.clone(),
                    status: self.where_status.clone(),
                    tag: self.where_tag.clone(),
                    source: self.where_source.clone(),
                    owner: self.where_owner.clone(),
                    since: self.since.clone(),
                    until: self.until.clone(),
                }
                .to_filter()?;
                Ok(Selection::Filter(filter))
            }
        }
    }
}

/// Refuses keys too short to name a lead (before the database opens).
pub fn check_key(key: &str) -> Result<()> {
    let key = key.trim();
    if !key.contains('@') && key.len() < 4 {
        return Err(Error::usage(format!("'{key}' is too short to name a lead"))
            .with_hint("give at least 4 characters of the id, or the email address"));
    }
    Ok(())
}

/// Resolves one id, unique id prefix or email to a lead of the organisation.
pub fn resolve_one(r: &Reader<'_>, org_id: i64, org: &str, key: &str) -> Result<LeadRef> {
    let key = key.trim();
    check_key(key)?;
    match r.resolve_lead(org_id, key)? {
        Resolved::One(seq) => r.lead_ref(seq),
        Resolved::None => {
            Err(Error::not_found(format!("no lead matches '{key}' in organisation '{org}'"))
                .with_hint("`leadctl list -q TEXT` searches names, emails and phones"))
        }
        Resolved::Many(ids) => {
            let more = if ids.len() > 10 { ", ..." } else { "" };
            let list: Vec<&str> = ids.iter().take(10).map(String::as_str).collect();
            Err(Error::usage(format!("'{key}' matches several leads: {}{more}", list.join(", ")))
                .with_hint("give more characters of the id"))
        }
    }
}

/// Asks a yes/no question on the terminal; without one, a usage error with `hint` (which
/// names the command's --yes).
pub fn confirm(ctx: &Ctx, question: &str, refusal: &str, hint: &str) -> Result<()> {
    if !ctx.out.interactive() {
        return Err(Error::usage(format!("{refusal} without confirmation (not a terminal)"))
            .with_hint(hint));
    }
    let yes = dialoguer::Confirm::new()
        .with_prompt(question)
        .default(false)
        .interact()
        .map_err(|e| Error::failure(format!("cannot read the answer: {e}")))?;
    if yes { Ok(()) } else { Err(Error::failure("cancelled; nothing was changed")) }
}

/// The outcome of applying a change to a selection.
#[derive(Debug)]
pub struct Applied<T> {
    /// Leads selected.
    pub matched: usize,
    /// Per lead that changed: its ref and what the change returned.
    pub changed: Vec<(LeadRef, T)>,
    /// Whether this was a dry run (rolled back).
    pub dry_run: bool,
}

/// Applies `change` to every selected lead in one write transaction (rolled back for a dry
/// run). `change` returns `None` when the lead needed no change. For the bulk form, the number
/// of matching leads is shown and confirmed first (`what` asks, e.g. "Move them to lost").
pub fn apply<T>(
    ctx: &mut Ctx,
    selection: &Selection,
    bulk: &BulkArgs,
    what: &str,
    mut change: impl FnMut(&Tx<'_>, &Act<'_>, &LeadRef) -> Result<Option<T>>,
) -> Result<Applied<T>> {
    let org = ctx.org().to_string();
    let actor = ctx.actor();
    let org_id = ctx.store()?.reader().require_org(&org)?;
    let seqs: Option<Vec<i64>> = match selection {
        Selection::Keys(keys) => {
            let r = ctx.store()?.reader();
            let mut seqs = Vec::with_capacity(keys.len());
            for k in keys {
                let seq = resolve_one(&r, org_id, &org, k)?.seq;
                if !seqs.contains(&seq) {
                    seqs.push(seq);
                }
            }
            Some(seqs)
        }
        Selection::Filter(filter) => {
            let n = ctx.store()?.reader().count_leads(org_id, filter)?;
            if n > 0 && !bulk.yes && !bulk.dry_run {
                let leads = if n == 1 { "lead" } else { "leads" };
                confirm(
                    ctx,
                    &format!("{} {leads} match. {what}?", thousands(n)),
                    &format!("refusing to change {} {leads}", thousands(n)),
                    "pass --yes to confirm, or --dry-run to see what would change",
                )?;
            }
            None
        }
    };
    let store = ctx.store()?;
    let tx = store.begin_write()?;
    let now = time::now_string();
    let act = Act { org_id, actor: &actor, now: &now };
    let targets = match (&seqs, selection) {
        (Some(seqs), _) => {
            seqs.iter().map(|s| tx.reader().lead_ref(*s)).collect::<Result<Vec<_>>>()?
        }
        (None, Selection::Filter(f)) => tx.reader().matching_leads(org_id, f)?,
        (None, Selection::Keys(_)) => Vec::new(),
    };
    let mut changed = Vec::new();
    for lead in &targets {
        if let Some(result) = change(&tx, &act, lead)? {
            changed.push((lead.clone(), result));
        }
    }
    if bulk.dry_run {
        tx.rollback()?;
    } else {
        tx.commit()?;
    }
    Ok(Applied { matched: targets.len(), changed, dry_run: bulk.dry_run })
}

/// "1 lead" / "12 leads".
pub fn leads(n: usize) -> String {
    if n == 1 { "1 lead".to_string() } else { format!("{} leads", thousands(n as u64)) }
}

/// Prints the outcome of a change: with `--format json` (or ndjson) one document on stdout
/// (`fields` plus matched, changed, dry_run and one item per changed lead); otherwise the
/// sentence on stderr, and for a dry run the changes that would be made on stdout.
pub fn report<T>(
    ctx: &Ctx,
    applied: &Applied<T>,
    fields: serde_json::Value,
    item: impl Fn(&LeadRef, &T) -> serde_json::Value,
    line: impl Fn(&LeadRef, &T) -> String,
    sentence: &str,
) -> Result<()> {
    use std::io::Write;
    let mut out = ctx.out.stdout();
    match ctx.out.format {
        Some(crate::cli::Format::Json | crate::cli::Format::Ndjson) => {
            let mut doc = serde_json::json!({
                "matched": applied.matched,
                "changed": applied.changed.len(),
                "dry_run": applied.dry_run,
            });
            if let (Some(d), Some(f)) = (doc.as_object_mut(), fields.as_object()) {
                for (k, v) in f {
                    d.insert(k.clone(), v.clone());
                }
            }
            doc["leads"] = applied.changed.iter().map(|(l, t)| item(l, t)).collect();
            if ctx.out.format == Some(crate::cli::Format::Json) {
                serde_json::to_writer_pretty(&mut out, &doc)?;
            } else {
                serde_json::to_writer(&mut out, &doc)?;
            }
            writeln!(out)?;
        }
        _ if applied.dry_run => {
            const SHOWN: usize = 50;
            for (l, t) in applied.changed.iter().take(SHOWN) {
                writeln!(out, "{}", line(l, t))?;
            }
            if applied.changed.len() > SHOWN {
                let more = applied.changed.len() - SHOWN;
                writeln!(out, "... and {} more (--format json lists all)", thousands(more as u64))?;
            }
        }
        _ => {}
    }
    out.flush()?;
    ctx.out.status(sentence);
    Ok(())
}

/// Changes the one lead named by `key` in one write transaction: resolves it, runs `change`
/// (an error rolls everything back) and commits.
pub fn change_one<T>(
    ctx: &mut Ctx,
    key: &str,
    change: impl FnOnce(&Tx<'_>, &Act<'_>, &LeadRef) -> Result<T>,
) -> Result<(LeadRef, T)> {
    let org = ctx.org().to_string();
    let actor = ctx.actor();
    let store = ctx.store()?;
    let org_id = store.reader().require_org(&org)?;
    let lead = resolve_one(&store.reader(), org_id, &org, key)?;
    let tx = store.begin_write()?;
    let now = time::now_string();
    let act = Act { org_id, actor: &actor, now: &now };
    let out = change(&tx, &act, &lead)?;
    tx.commit()?;
    Ok((lead, out))
}

/// Refuses to attach new text (a note, a logged interaction, a task) to an erased lead: it
/// would be personal data again on a lead `forget` emptied.
pub fn refuse_erased(tx: &Tx<'_>, lead: &LeadRef) -> Result<()> {
    if tx.reader().is_erased(lead.seq)? {
        return Err(Error::rejected(format!("lead {} was erased by `forget`", lead.id))
            .with_hint("nothing can be attached to it; ingest the person as a new lead"));
    }
    Ok(())
}

/// Resolves the named leads without changing anything, so that a prompt (an editor, a status
/// choice) is not shown for a lead that does not exist.
pub fn check_exist(ctx: &mut Ctx, keys: &[String]) -> Result<()> {
    let org = ctx.org().to_string();
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    for k in keys {
        resolve_one(&r, org_id, &org, k)?;
    }
    Ok(())
}
