//! `leadctl completions` (stub: being written).

use clap::Args;

use crate::context::Ctx;
use crate::error::Result;

/// (stub)
#[derive(Debug, Args)]
pub struct CompletionsArgs {}

/// Runs `completions`.
pub fn cmd_completions(_ctx: &mut Ctx, _args: &CompletionsArgs) -> Result<()> {
    Ok(())
}
