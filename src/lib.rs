//! leadctl: the lead backend of a small team as one binary over one embedded SQLite file.
//!
//! Operators run it at a terminal (`ingest`, `list`, `show` ...), cron runs `queue flush`, shell
//! scripts pipe `export`, and web forms post to `serve-webhooks`. The library holds everything;
//! `main.rs` only parses arguments, runs a command and maps the result to an exit code.

pub mod cells;
pub mod cli;
pub mod commands;
pub mod config;
pub mod context;
pub mod error;
pub mod ingest;
pub mod logging;
pub mod model;
pub mod output;
pub mod privacy;
pub mod queue;
pub mod seed;
pub mod serve;
pub mod store;
pub mod time;
pub mod webhooks;

use cli::{Cli, ColorChoice, LogFormat};
use config::Settings;
use context::Ctx;
use error::{Error, Result};
use output::Output;

/// Resolves configuration, sets up logging and output, and runs the command.
pub fn run(cli: Cli) -> Result<()> {
    let env = |k: &str| std::env::var(k).ok();
    let settings = Settings::resolve(&cli.global, &env)?;
    let color = match settings.get("color").unwrap_or("auto") {
        "always" => ColorChoice::Always,
        "never" => ColorChoice::Never,
        "auto" => ColorChoice::Auto,
        other => {
            return Err(Error::usage(format!(
                "color must be auto, always or never, got '{other}'"
            )));
        }
    };
    // The listener logs one line per request: at info level, and as JSON when nobody chose a
    // format and stderr is not a terminal (a service manager or a log collector reads it).
    let serving = matches!(cli.command, cli::Command::ServeWebhooks(_));
    let log_default = settings.source("log_format") == Some(&config::Source::Default);
    let log_format = match settings.get("log_format").unwrap_or("text") {
        "text"
            if serving && log_default && !std::io::IsTerminal::is_terminal(&std::io::stderr()) =>
        {
            LogFormat::Json
        }
        "text" => LogFormat::Text,
        "json" => LogFormat::Json,
        other => {
            return Err(Error::usage(format!("log_format must be text or json, got '{other}'")));
        }
    };
    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    let out = Output::new(cli.global.format, cli.global.quiet, color, no_color);
    let verbose = cli.global.verbose.saturating_add(u8::from(serving));
    logging::init(log_format, cli.global.quiet, verbose, out.color_stderr);
    let mut ctx = Ctx::new(settings, out, &cli.global);
    store::orgs::validate_slug(ctx.org())?;
    commands::dispatch(&mut ctx, &cli.command)
}
