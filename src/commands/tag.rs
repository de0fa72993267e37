//! `leadctl tag`: add and remove tags of leads (by ids or in bulk).

use clap::Args;
use serde_json::json;

use super::target::{self, BulkArgs, leads};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::ingest::normalize::normalize_tag;

/// Add and remove tags of leads (by ids or in bulk).
///
/// Tag names are trimmed and lowercased; letters, digits and - _ : . / are allowed. Name the
/// leads by id (or unique prefix, or email), or use the bulk form: filters instead of ids, a
/// count and a confirmation (--yes for scripts; without a terminal and without --yes it
/// refuses, exit 2); --dry-run shows what would change. All changes are one transaction, and
/// each lead whose tags change gets an audit entry. Prints one sentence on stderr ("Changed the
/// tags of 3 leads."); --format json prints the changes on stdout. `leadctl tags` lists every
/// tag with its count.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl tag 0193b1c2 --add vip,webinar\n  \
    leadctl tag ann@example.com --remove cold\n  \
    leadctl tag --where-status converted --add customer --remove prospect --yes")]
pub struct TagArgs {
    /// Lead ids (or unique prefixes, or emails)
    #[arg(value_name = "ID")]
    pub ids: Vec<String>,
    /// Tags to add (comma-separated or repeated)
    #[arg(long, value_delimiter = ',', value_name = "TAGS")]
    pub add: Vec<String>,
    /// Tags to remove (comma-separated or repeated)
    #[arg(long, value_delimiter = ',', value_name = "TAGS")]
    pub remove: Vec<String>,
    #[command(flatten)]
    pub bulk: BulkArgs,
}

fn tags(flag: &str, raw: &[String]) -> Result<Vec<String>> {
    let mut out: Vec<String> = Vec::new();
    for t in raw {
        let t = normalize_tag(t).map_err(|e| Error::usage(format!("{flag}: {e}")))?;
        if !out.contains(&t) {
            out.push(t);
        }
    }
    Ok(out)
}

/// Runs `tag`.
pub fn cmd_tag(ctx: &mut Ctx, args: &TagArgs) -> Result<()> {
    let add = tags("--add", &args.add)?;
    let remove = tags("--remove", &args.remove)?;
    if add.is_empty() && remove.is_empty() {
        return Err(Error::usage("nothing to do").with_hint("give --add TAGS and/or --remove TAGS"));
    }
    if let Some(t) = add.iter().find(|t| remove.contains(t)) {
        return Err(Error::usage(format!("tag '{t}' is both added and removed")));
    }
    let selection = args.bulk.selection(&args.ids)?;
    let applied =
        target::apply(ctx, &selection, &args.bulk, "Change their tags", |tx, act, lead| {
            let (added, removed) = tx.change_tags(act, lead, &add, &remove)?;
            Ok((!added.is_empty() || !removed.is_empty()).then_some((added, removed)))
        })?;
    let n = applied.changed.len();
    let verb = if applied.dry_run { "Would change" } else { "Changed" };
    let mut sentence = format!("{verb} the tags of {}", leads(n));
    let unchanged = applied.matched - n;
    if unchanged > 0 {
        sentence.push_str(&format!(" ({} already as asked)", leads(unchanged)));
    }
    sentence.push('.');
    target::report(
        ctx,
        &applied,
        json!({"add": add, "remove": remove}),
        |l, (a, r)| json!({"id": l.id, "added": a, "removed": r}),
        |l, (a, r)| {
            let plus = a.iter().map(|t| format!("+{t}"));
            let minus = r.iter().map(|t| format!("-{t}"));
            format!("{}  {}", l.id, plus.chain(minus).collect::<Vec<_>>().join(" "))
        },
        &sentence,
    )
}
