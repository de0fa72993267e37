//! `leadctl status`: move leads to another status, with history and audit.

use clap::Args;
use serde_json::json;

use super::target::{self, BulkArgs, leads};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::model::Status;

/// Move leads to another status (by ids or in bulk).
///
/// The statuses are new, waitlist, invited, converted and lost. Name the leads by id (or a
/// unique prefix, or email) followed by the new status, or use the bulk form: filters instead
/// of ids, a count and a confirmation (--yes for scripts; without a terminal and without --yes
/// it refuses, exit 2); --dry-run shows what would change. Each change is kept in the lead's
/// status history (from, to, who, when, --note) and the audit log, all in one transaction.
/// Without a status, a terminal offers a choice. Leads already in that status are left as they
/// are. Prints one sentence on stderr ("Moved 12 leads to invited."); --format json prints the
/// changes on stdout.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl status 0193b1c2 invited\n  \
    leadctl status 0193b1c2 0193b1d4 lost --note \"went with a competitor\"\n  \
    leadctl status --where-status new --where-tag webinar invited --yes\n  \
    leadctl status --where-status waitlist --until 30d lost --dry-run")]
pub struct StatusArgs {
    /// Lead ids (or unique prefixes, or emails), then the new status
    #[arg(value_name = "ID... STATUS")]
    pub words: Vec<String>,
    /// A note kept with the status change
    #[arg(long, value_name = "TEXT")]
    pub note: Option<String>,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

/// Splits `ID... STATUS`: the last word is the status when it is one, or when it cannot be an
/// id (ids are hex digits and hyphens; emails have an @).
pub fn split_status(words: &[String]) -> Result<(Vec<String>, Option<Status>)> {
    let Some(last) = words.last() else {
        return Ok((Vec::new(), None));
    };
    // Ids are hex digits and hyphens (a prefix of a UUIDv7 has digits: it starts with the
    // time); a word of letters only, like "dead", is a mistyped status.
    let looks_like_id = last.contains('@')
        || (last.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
            && last.chars().any(|c| c.is_ascii_digit()));

    match last.parse::<Status>() {
        Ok(s) => Ok((words[..words.len() - 1].to_vec(), Some(s))),
        Err(_) if looks_like_id => Ok((words.to_vec(), None)),
        Err(e) => Err(Error::usage(e)),
    }
}

/// Runs `status`.
pub fn cmd_status(ctx: &mut Ctx, args: &StatusArgs) -> Result<()> {
    let (keys, status) = split_status(&args.words)?;
    let selection = args.bulk.selection(&keys)?;
    let note = args.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    if args.note.is_some() && note.is_none() {
        return Err(Error::usage("--note is empty").with_hint("leave --note out, or give a text"));
    }
    let to = match status {
        Some(s) => s,
        None if ctx.out.interactive() => {
            if let target::Selection::Keys(keys) = &selection {
                target::check_exist(ctx, keys)?;
            }
            pick_status()?
        }
        None => {
            return Err(Error::usage("no status given")
                .with_hint("add one of new, waitlist, invited, converted, lost after the ids"));
        }
    };
    let verb = format!("Move them to {to}");
    let mut notes_dropped = 0;
    let applied = target::apply(ctx, &selection, &args.bulk, &verb, |tx, act, lead| {
        // An erased lead still changes status, but takes no new text.
        let note = match note {
            Some(_) if tx.reader().is_erased(lead.seq)? => {
                notes_dropped += 1;
                None
            }
            n => n,
        };
        tx.set_status(act, lead, to, note)
    })?;
    let unchanged = applied.matched - applied.changed.len();
    let mut sentence = if applied.dry_run {
        format!("Would move {} to {to}", leads(applied.changed.len()))
    } else {
        format!("Moved {} to {to}", leads(applied.changed.len()))
    };
    if unchanged > 0 {
        sentence.push_str(&format!(" ({} already {to}", leads(unchanged)));
        if note.is_some() {
            sentence.push_str("; the note is kept only with changes");
        }
        sentence.push(')');
    }
    sentence.push('.');
    if notes_dropped > 0 {
        ctx.out.warn(&format!(
            "the note was not kept for {} erased by `forget`",
            leads(notes_dropped)
        ));
    }
    target::report(
        ctx,
        &applied,
        json!({"status": to.as_str()}),
        |l, from| json!({"id": l.id, "from": from.as_str(), "to": to.as_str()}),
        |l, from| format!("{}  {from} -> {to}", l.id),
        &sentence,
    )
}

fn pick_status() -> Result<Status> {
    let names: Vec<&str> = Status::ALL.iter().map(|s| s.as_str()).collect();
    let i = dialoguer::Select::new()
        .with_prompt("New status")
        .items(&names)
        .default(0)
        .interact()
        .map_err(|e| Error::failure(format!("cannot read the choice: {e}")))?;
    Ok(Status::ALL[i])
}
