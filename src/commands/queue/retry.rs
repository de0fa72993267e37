//! `leadctl queue retry`: dead (or waiting) items back to pending, due now.

use clap::Args;

use super::{KindArg, parse_item, require_item};
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::store::Act;
use crate::store::outbox::ItemFilter;
use crate::time;

/// Put dead (or waiting) items back to be delivered now.
///
/// Items go back to pending, due now, with a fresh count of attempts (their earlier attempts
/// stay in their history). Dead items are the usual case; a pending item is made due now.
/// Delivered and cancelled items are never sent again.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl queue retry 17 18\n  leadctl queue retry --dead\n  \
    leadctl queue retry --dead --kind forward && leadctl queue flush")]
pub struct RetryArgs {
    /// Item numbers (from `queue list`)
    #[arg(value_name = "ITEM", required_unless_present = "dead", conflicts_with = "dead")]
    pub items: Vec<String>,
    /// Every dead item of the organisation
    #[arg(long)]
    pub dead: bool,
    /// With --dead: only dead items of this kind
    #[arg(long, value_enum, requires = "dead")]
    pub kind: Option<KindArg>,
}

/// Runs `queue retry`.
pub fn cmd_queue_retry(ctx: &mut Ctx, args: &RetryArgs) -> Result<()> {
    let ids: Vec<i64> = args.items.iter().map(|s| parse_item(s)).collect::<Result<_>>()?;
    let org = ctx.org().to_string();
    let actor = ctx.actor();
    let out = ctx.out.clone();
    let store = ctx.store()?;
    let org_id = store.reader().require_org(&org)?;
    let tx = store.begin_write()?;
    let now = time::now_string();
    let act = Act { org_id, actor: &actor, now: &now };
    let targets: Vec<i64> = if args.dead {
        let f = ItemFilter {
            state: Some("dead".into()),
            kind: args.kind.map(|k| k.name().to_string()),
            ..ItemFilter::default()
        };
        tx.reader().outbox_items(org_id, &f, u64::MAX)?.iter().map(|i| i.id).collect()
    } else {
        ids
    };
    let mut n = 0;
    for id in &targets {
        let item = require_item(&tx.reader(), org_id, *id)?;
        if !tx.retry_item(&act, *id)? {
            let why = match item.state.as_str() {
                "done" => "it was delivered and is not sent again".to_string(),
                "cancelled" => "it was cancelled (its lead was erased)".to_string(),
                _ => format!(
                    "a flush holds it until {}",
                    item.lease_expires_at.as_deref().unwrap_or("its lease ends")
                ),
            };
            return Err(Error::rejected(format!("cannot retry item #{id}: {why}"))
                .with_hint("nothing was changed"));
        }
        n += 1;
    }
    tx.commit()?;
    let items = if n == 1 { "item" } else { "items" };
    if n == 0 {
        out.status("No dead items.");
    } else {
        out.status(&format!("{n} {items} will be delivered by the next `leadctl queue flush`."));
    }
    Ok(())
}
