//! The `leadctl` binary: parse arguments, run, and map the result to an exit code in one place.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;

use clap::Parser;
use leadctl::cli::Cli;
use leadctl::error::{ErrorKind, exit};
use leadctl::output::paint;

// mimalloc: ingest allocates per record on one thread and frees on another, where glibc's
// per-thread arenas were a measurable share of the time.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // A bug must still end with one line, not a backtrace.
    std::panic::set_hook(Box::new(|info| {
        let at =
            info.location().map(|l| format!(" at {}:{}", l.file(), l.line())).unwrap_or_default();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("error: internal error{at}: {msg}");
        eprintln!("hint: this is a bug in leadctl; please report it");
    }));
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if e.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            // `leadctl` or `leadctl config` alone: a one-line error, not a page of help.
            let _ = writeln!(std::io::stderr(), "error: a command is required");
            let _ = writeln!(std::io::stderr(), "hint: `leadctl --help` lists the commands");
            return ExitCode::from(exit::USAGE);
        }
        Err(e) => {
            // --help and --version print to stdout and succeed; a closed pipe is not an error.
            let code = if e.use_stderr() { exit::USAGE } else { exit::OK };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    match leadctl::run(cli) {
        Ok(()) => ExitCode::from(exit::OK),
        Err(e) if e.kind() == ErrorKind::BrokenPipe => ExitCode::from(exit::OK),
        Err(e) => {
            let color = std::io::stderr().is_terminal() && std::env::var_os("NO_COLOR").is_none();
            let mut err = std::io::stderr().lock();
            let _ = writeln!(err, "{} {}", paint(color, "1;31", "error:"), e.message());
            for cause in e.causes() {
                let _ = writeln!(err, "caused by: {cause}");
            }
            if let Some(hint) = e.hint() {
                let _ = writeln!(err, "{} {hint}", paint(color, "1;36", "hint:"));
            }
            ExitCode::from(e.kind().exit_code())
        }
    }
}
