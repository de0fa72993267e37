//! `leadctl queue clear`: delete done or dead items.

use clap::{Args, ValueEnum};

use crate::commands::target;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::output::thousands;
use crate::store::Act;
use crate::time;

/// Delete done or dead items, with their attempts.
///
/// Deletes done or dead items of the organisation, optionally only those
/// last changed longer ago than --older-than. Asks for confirmation on a terminal; elsewhere
/// needs --yes. Pending items are never cleared.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl queue clear --state done --older-than 30d --yes\n  \
    leadctl queue clear --state dead")]
pub struct ClearArgs {
    /// Which items: done or dead
    #[arg(long, value_enum)]
    pub state: ClearState,
    /// Only items last changed longer ago than this (7d, 12h, 2w)
    #[arg(long, value_name = "AGE")]
    pub older_than: Option<String>,
    /// Do not ask for confirmation
    #[arg(short, long)]
    pub yes: bool,
}

/// States `queue clear` accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClearState {
    /// Delivered items
    Done,
    /// Items that failed for good
    Dead,
}

/// Runs `queue clear`.
pub fn cmd_queue_clear(ctx: &mut Ctx, args: &ClearArgs) -> Result<()> {
    let now = time::now();
    let before = match &args.older_than {
        None => time::format(now + chrono::Duration::milliseconds(1)),
        Some(age) => {
            let d = time::parse_relative(age.trim()).ok_or_else(|| {
                Error::usage(format!("--older-than: '{age}' is not an age"))
                    .with_hint("write it like 30d, 12h or 2w")
            })?;
            let t = time::shift(now, d, false)
                .ok_or_else(|| Error::usage(format!("--older-than: '{age}' is too long ago")))?;
            time::format(t)
        }
    };
    let (state, shown) = match args.state {
        ClearState::Done => ("delivered", "done"),
        ClearState::Dead => ("dead", "dead"),
    };
    let org = ctx.org().to_string();
    let actor = ctx.actor();
    let org_id = ctx.store()?.reader().require_org(&org)?;
    let n = ctx.store()?.reader().clearable_items(org_id, state, &before)?;
    if n == 0 {
        ctx.out.status(&format!("No {shown} items to clear."));
        return Ok(());
    }
    if !args.yes {
        target::confirm(
            ctx,
            &format!("Delete {} {shown} item(s) and their attempts?", thousands(n)),
            &format!("refusing to delete {} items", thousands(n)),
            "pass --yes to confirm",
        )?;
    }
    let store = ctx.store()?;
    let tx = store.begin_write()?;
    let now_s = time::format(now);
    let act = Act { org_id, actor: &actor, now: &now_s };
    let deleted = tx.clear_items(&act, state, &before)?;
    tx.commit()?;
    ctx.out.status(&format!("Deleted {} {shown} item(s).", thousands(deleted)));
    Ok(())
}
