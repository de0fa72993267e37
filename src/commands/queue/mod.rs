//! `leadctl queue`: the outbox of forwards and emails. One file per subcommand.

pub mod stats;

use clap::{Args, Subcommand};

use crate::context::Ctx;
use crate::error::Result;

/// The outbox: forwards and emails written beside each new lead.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl queue stats\n  leadctl queue stats --format json")]
pub struct QueueArgs {
    #[command(subcommand)]
    pub command: QueueCommand,
}

/// Queue subcommands.
#[derive(Debug, Subcommand)]
pub enum QueueCommand {
    /// Items per state and kind, the oldest pending item and the next attempt
    Stats(stats::StatsArgs),
}

/// Runs `queue`.
pub fn cmd_queue(ctx: &mut Ctx, args: &QueueArgs) -> Result<()> {
    match &args.command {
        QueueCommand::Stats(a) => stats::cmd_queue_stats(ctx, a),
    }
}
