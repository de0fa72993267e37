//! `leadctl man`: man pages made from the command definitions by clap_mangen, one for leadctl
//! and one for every subcommand (`leadctl-queue-flush.1` ...).

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, CommandFactory};

use crate::cli::Cli;
use crate::context::Ctx;
use crate::error::{Error, Result};

/// Write man pages for leadctl and every subcommand
///
/// With --dir, writes leadctl.1 and one page per subcommand at every depth (leadctl-list.1,
/// leadctl-queue-flush.1 ...) into that folder, ready for MANPATH or /usr/local/share/man/man1.
/// Without it, prints the page of leadctl itself (roff) on stdout, for `man -l -`. The pages
/// are made from this binary's own help texts, so they match the installed version.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    leadctl man | man -l -\n  \
    leadctl man --dir ~/.local/share/man/man1       # then: man leadctl-queue-flush\n  \
    sudo leadctl man --dir /usr/local/share/man/man1")]
pub struct ManArgs {
    /// Write every page into this folder (created when missing) instead of printing one
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
}

/// Runs `man`.
pub fn cmd_man(ctx: &mut Ctx, args: &ManArgs) -> Result<()> {
    let Some(dir) = &args.dir else {
        let mut page = Vec::new();
        clap_mangen::Man::new(Cli::command()).render(&mut page)?;
        let mut out = ctx.out.stdout();
        out.write_all(&page)?;
        out.flush()?;
        return Ok(());
    };
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::failure(format!("cannot create the folder {}", dir.display())).with_cause(e)
    })?;
    // generate_to builds the command itself (without the `help` pseudo-subcommands).
    clap_mangen::generate_to(Cli::command(), dir).map_err(|e| {
        Error::failure(format!("cannot write man pages into {}", dir.display())).with_cause(e)
    })?;
    let n = pages(&Cli::command());
    ctx.out.status(&format!("Wrote {n} man pages into {}", dir.display()));
    Ok(())
}

/// How many pages `cmd` makes: its own and its subcommands', at every depth.
fn pages(cmd: &clap::Command) -> usize {
    1 + cmd.get_subcommands().filter(|s| s.get_name() != "help").map(pages).sum::<usize>()
}
