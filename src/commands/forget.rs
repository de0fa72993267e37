//! `leadctl forget`: the right to erasure.

use clap::Args;
use serde_json::json;

use super::target::{confirm, resolve_one};
use crate::context::Ctx;
use crate::error::Result;
use crate::store::Act;
use crate::time;

/// Erase a lead's personal data (right to erasure).
///
/// Names, email, phone, company, message, notes, logged texts, task titles, outbox payloads,
/// raw webhook payloads carrying the email or phone, and IP / user-agent hashes are erased
/// everywhere leadctl stored them, in one transaction. The lead stays as an anonymous record
/// (status, source, campaign, tags, dates) so counts and statistics stay right. The audit log
/// records that the erasure happened, without the erased data (it never held more than a
/// truncated email). A later ingest of the same person makes a new lead. Asks for confirmation
/// on a terminal; --yes for scripts (without a terminal and without --yes it refuses, exit 2).
/// Forgetting an erased lead again scrubs whatever reached it since. Prints one sentence on
/// stderr; --format json prints what was erased on stdout.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leadctl forget ann@example.com\n  leadctl forget 0193b1c2 --yes"
)]
pub struct ForgetArgs {
    /// Lead id, unique prefix or email
    #[arg(value_name = "ID|EMAIL")]
    pub lead: String,
    /// Do not ask for confirmation
    #[arg(short = 'y', long)]
    pub yes: bool,
}

/// Runs `forget`.
pub fn cmd_forget(ctx: &mut Ctx, args: &ForgetArgs) -> Result<()> {
    super::target::check_key(&args.lead)?;
    let org = ctx.org().to_string();
    let actor = ctx.actor();
    let lead = {
        let r = ctx.store()?.reader();
        let org_id = r.require_org(&org)?;
        (org_id, resolve_one(&r, org_id, &org, &args.lead)?)
    };
    let (org_id, lead) = lead;
    // Erasing again is allowed: it scrubs whatever reached the lead since (it should be
    // nothing, but the operator asked for nothing to be left).
    let again = ctx.store()?.reader().is_erased(lead.seq)?;
    if !args.yes {
        confirm(
            ctx,
            &format!("Erase the personal data of lead {}? This cannot be undone", lead.id),
            "refusing to erase a lead",
            "pass --yes to confirm",
        )?;
    }
    let store = ctx.store()?;
    let tx = store.begin_write()?;
    let now = time::now_string();
    let act = Act { org_id, actor: &actor, now: &now };
    let report = tx.forget_lead(&act, &lead)?;
    tx.commit()?;
    // Old page images of the lead may still sit in the write-ahead log; copy the erased pages
    // back into the database and empty the log now rather than at the next checkpoint.
    if let Err(e) = store.checkpoint_truncate() {
        ctx.out.warn(&format!(
            "the erasure is committed, but the write-ahead log was not emptied ({e}); it will be at the next checkpoint"
        ));
    }
    super::print_json(
        ctx,
        &json!({"id": lead.id, "erased": true, "erased_before": again, "touched": report}),
    )?;
    let note = if again { " (it was erased before; scrubbed again)" } else { "" };
    ctx.out.status(&format!("Erased the personal data of {}{note}.", lead.id));
    Ok(())
}
