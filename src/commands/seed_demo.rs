//! `leadctl seed-demo` (stub: being written).

use clap::Args;

use crate::context::Ctx;
use crate::error::Result;

/// (stub)
#[derive(Debug, Args)]
pub struct SeedDemoArgs {}

/// Runs `seed-demo`.
pub fn cmd_seed_demo(_ctx: &mut Ctx, _args: &SeedDemoArgs) -> Result<()> {
    Ok(())
}
