//! `leadctl assign`: set the owner of leads (the person responsible), by ids or in bulk.

use clap::Args;
use serde_json::json;

use super::target::{self, BulkArgs, leads};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::ingest::normalize::{self, limits};

/// Set the owner of leads (by ids or in bulk).
///
/// The owner is the email or name of the person responsible. Name the leads by id (or unique
/// prefix, or email) followed by the owner, or use the bulk form: filters and the owner, a
/// count and a confirmation (--yes for scripts; without a terminal and without --yes it
/// refuses, exit 2); --dry-run shows what would change. --unassign clears the owner instead.
/// All changes are one transaction, each with its audit entry. Prints one sentence on stderr
/// ("Assigned 3 leads to sam@example.com."); --format json prints the changes on stdout.
/// `leadctl list --owner OWNER` lists a person's leads.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl assign 0193b1c2 sam@example.com\n  \
    leadctl assign --where-status new --where-source webinar \"Sam Lee\" --yes\n  \
    leadctl assign 0193b1c2 --unassign")]
pub struct AssignArgs {
    /// Lead ids (or unique prefixes, or emails), then the owner
    #[arg(value_name = "ID... OWNER")]
    pub words: Vec<String>,
    /// Clear the owner of the named leads
    #[arg(long)]
    pub unassign: bool,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

/// Validates an owner: an email (normalised like a lead's) or a name.
pub fn parse_owner(raw: &str) -> Result<String> {
    let v = normalize::collapse(raw);
    if v.is_empty() {
        return Err(Error::usage("the owner is empty").with_hint("use --unassign to clear it"));
    }
    if v.contains('@') {
        return normalize::normalize_email(&v)
            .map(|_| normalize::normalize_owner(&v))
            .map_err(|e| Error::usage(format!("owner: {e}")));
    }
    if v.chars().count() > limits::NAME || v.chars().any(char::is_control) {
        return Err(Error::usage(format!(
            "owner: use a name of at most {} characters, or an email",
            limits::NAME
        )));
    }
    Ok(v)
}

/// Whether a word looks like a lead id or id prefix (8+ hex digits and hyphens, with a digit).
fn looks_like_id(word: &str) -> bool {
    word.len() >= 8
        && word.chars().all(|c| c.is_ascii_hexdigit() || c == '-')
        && word.chars().any(|c| c.is_ascii_digit())
}

/// Runs `assign`.
pub fn cmd_assign(ctx: &mut Ctx, args: &AssignArgs) -> Result<()> {
    let (keys, owner) = if args.unassign {
        (args.words.clone(), None)
    } else {
        match args.words.split_last() {
            Some((owner, keys)) => {
                if !keys.is_empty() && looks_like_id(owner) {
                    return Err(Error::usage(format!(
                        "'{owner}' looks like a lead id, not an owner"
                    ))
                    .with_hint("the last word is the owner: leadctl assign ID... OWNER"));
                }
                (keys.to_vec(), Some(parse_owner(owner)?))
            }
            None => {
                return Err(Error::usage("no owner given")
                    .with_hint("leadctl assign ID... OWNER, or --unassign to clear"));
            }
        }
    };
    let selection = args.bulk.selection(&keys)?;
    let question = match &owner {
        Some(o) => format!("Assign them to {o}"),
        None => "Clear their owner".to_string(),
    };
    let applied = target::apply(ctx, &selection, &args.bulk, &question, |tx, act, lead| {
        Ok(tx.set_owner(act, lead, owner.as_deref())?.then_some(()))
    })?;
    let n = applied.changed.len();
    let would = if applied.dry_run { "Would assign" } else { "Assigned" };
    let mut sentence = match &owner {
        Some(o) => format!("{would} {} to {o}", leads(n)),
        None if applied.dry_run => format!("Would clear the owner of {}", leads(n)),
        None => format!("Cleared the owner of {}", leads(n)),
    };
    let unchanged = applied.matched - n;
    if unchanged > 0 {
        sentence.push_str(&format!(" ({} already so)", leads(unchanged)));
    }
    sentence.push('.');
    let label = owner.clone().unwrap_or_else(|| "(none)".into());
    target::report(
        ctx,
        &applied,
        json!({"owner": owner}),
        |l, ()| json!({"id": l.id, "owner": owner}),
        |l, ()| format!("{}  -> {label}", l.id),
        &sentence,
    )
}
