//! `leadctl man` (stub: being written).

use clap::Args;

use crate::context::Ctx;
use crate::error::Result;

/// (stub)
#[derive(Debug, Args)]
pub struct ManArgs {}

/// Runs `man`.
pub fn cmd_man(_ctx: &mut Ctx, _args: &ManArgs) -> Result<()> {
    Ok(())
}
