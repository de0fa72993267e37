//! One file per subcommand; each holds its `XxxArgs` (the doc comment is the help text) and its
//! `cmd_xxx(ctx, args)`. Dispatch is one line per command.

pub mod config;
pub mod ingest;
pub mod list;
pub mod show;

use crate::cli::Command;
use crate::context::Ctx;
use crate::error::Result;

/// Runs the chosen command.
pub fn dispatch(ctx: &mut Ctx, command: &Command) -> Result<()> {
    match command {
        Command::Ingest(args) => ingest::cmd_ingest(ctx, args),
        Command::List(args) => list::cmd_list(ctx, args),
        Command::Show(args) => show::cmd_show(ctx, args),
        Command::Config(args) => config::cmd_config(ctx, args),
    }
}
