//! `leadctl completions`: shell completion scripts, generated from the command definitions by
//! clap_complete (so they always match the binary), printed or written to a folder.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;
use crate::context::Ctx;
use crate::error::{Error, Result};

/// Print a shell completion script (bash, zsh, fish, elvish, powershell)
///
/// Prints the completion script of SHELL on stdout, or with --dir writes the scripts of SHELL
/// (or of every shell) into a folder under their usual file names (leadctl.bash, _leadctl,
/// leadctl.fish, leadctl.elv, _leadctl.ps1). The scripts complete commands, flags and the
/// values of flags that take a fixed set (statuses, formats, providers, columns ...). They
/// are made from this binary's own command definitions, so they never go stale; the copies in
/// the repository's completions/ folder are checked against them by a test.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  \
    leadctl completions bash > ~/.local/share/bash-completion/completions/leadctl\n  \
    leadctl completions zsh > ~/.zfunc/_leadctl      # with fpath+=~/.zfunc in ~/.zshrc\n  \
    leadctl completions fish > ~/.config/fish/completions/leadctl.fish\n  \
    leadctl completions --dir ./completions          # every shell, one file each")]
pub struct CompletionsArgs {
    /// The shell (every shell with --dir when omitted)
    #[arg(value_enum, required_unless_present = "dir")]
    pub shell: Option<Shell>,
    /// Write the script(s) into this folder instead of printing (created when missing)
    #[arg(long, value_name = "DIR", value_hint = clap::ValueHint::DirPath)]
    pub dir: Option<PathBuf>,
}

/// Every shell clap_complete supports.
pub const SHELLS: [Shell; 5] =
    [Shell::Bash, Shell::Zsh, Shell::Fish, Shell::Elvish, Shell::PowerShell];

/// The completion script of `shell`.
pub fn script(shell: Shell) -> Vec<u8> {
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut Cli::command(), "leadctl", &mut out);
    out
}

/// The usual file name of `shell`'s script.
pub fn file_name(shell: Shell) -> String {
    clap_complete::Generator::file_name(&shell, "leadctl")
}

/// Runs `completions`.
pub fn cmd_completions(ctx: &mut Ctx, args: &CompletionsArgs) -> Result<()> {
    let Some(dir) = &args.dir else {
        // required_unless_present makes the shell present here.
        let shell = args.shell.unwrap_or(Shell::Bash);
        let mut out = ctx.out.stdout();
        out.write_all(&script(shell))?;
        out.flush()?;
        return Ok(());
    };
    let shells = args.shell.map_or(SHELLS.to_vec(), |s| vec![s]);
    for shell in shells {
        let path = dir.join(file_name(shell));
        write_file(dir, &path, &script(shell))?;
        ctx.out.status(&format!("Wrote {}", path.display()));
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically, creating `dir` when missing.
fn write_file(dir: &Path, path: &Path, bytes: &[u8]) -> Result<()> {
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::failure(format!("cannot create the folder {}", dir.display())).with_cause(e)
    })?;
    let mut file = crate::output::AtomicFile::create(path)?;
    file.writer().write_all(bytes)?;
    file.finish()?;
    Ok(())
}
