//! `leadctl config show | init`: the effective configuration (secrets redacted, with the source
//! of every value) and a commented example file. Neither touches the database.

use std::io::Write;
use std::path::PathBuf;

use clap::{Args, Subcommand};
use comfy_table::{Table, presets::UTF8_BORDERS_ONLY};

use crate::cli::Format;
use crate::config::example_file;
use crate::context::Ctx;
use crate::error::{Error, Result};

/// Show or create the configuration.
///
/// Every setting comes from, in rising precedence: built-in defaults, the config file (--config,
/// else ~/.config/leadctl/config.toml), LEADCTL_* environment variables, and flags. `config
/// show` prints the result with where each value came from; `config init` writes a commented
/// example file to start from. Neither opens or creates the database.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl config show\n  leadctl config show --format json\n  \
    leadctl config init")]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: ConfigAction,
}

/// `config` subcommands.
#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print every key, its value (secrets redacted) and where it came from.
    ///
    /// A table of key, value, source (default, file PATH, env VAR or flag --FLAG; unset when
    /// nothing sets it) and the environment variable that sets the key, then the config file
    /// and the database path in effect. --format json prints {config_file, database, keys};
    /// ndjson and csv one key per line. Secrets (tokens, passwords) are shown as `<redacted>`.
    /// Changes nothing, and works before any database exists.
    #[command(after_help = "Examples:\n  leadctl config show\n  \
        leadctl --config ./leadctl.toml config show --format json\n  \
        LEADCTL_ORG=acme leadctl config show --format csv | grep '^org,'")]
    Show,
    /// Write a commented example config file (never overwrites without --force).
    ///
    /// Writes every key, commented out, with a line about it, its environment variable and its
    /// default (or an example value) to --path, else the --config path, else
    /// ~/.config/leadctl/config.toml; the folder is created when missing. The file is written whole
    /// (a temporary file renamed) and readable by its owner only, since it may come to hold
    /// secrets. An existing file is a usage error (exit 2) unless --force. Prints "Wrote PATH" on
    /// stderr.
    #[command(after_help = "Examples:\n  leadctl config init\n  \
        leadctl config init --path ./leadctl.toml --force\n  \
        leadctl --config /etc/leadctl/config.toml config init")]
    Init {
        /// Where to write it [default: the --config path, else ~/.config/leadctl/config.toml]
        #[arg(long, value_name = "PATH")]
        path: Option<PathBuf>,
        /// Overwrite an existing file
        #[arg(long)]
        force: bool,
    },
}

/// Runs `config`.
pub fn cmd_config(ctx: &mut Ctx, args: &ConfigArgs) -> Result<()> {
    match &args.action {
        ConfigAction::Show => show(ctx),
        ConfigAction::Init { path, force } => init(ctx, path.clone(), *force),
    }
}

fn show(ctx: &Ctx) -> Result<()> {
    let entries = ctx.settings.entries();
    let db = ctx.settings.db_path().map(|p| p.display().to_string()).unwrap_or_default();
    let config_file = ctx.settings.config_file.as_ref().map(|p| p.display().to_string());
    let mut out = ctx.out.stdout();
    match ctx.out.format.unwrap_or(Format::Table) {
        Format::Json => {
            let doc = serde_json::json!({
                "config_file": config_file, "database": db, "keys": entries,
            });
            serde_json::to_writer_pretty(&mut out, &doc)?;
            writeln!(out)?;
        }
        Format::Ndjson => {
            for e in &entries {
                serde_json::to_writer(&mut out, e)?;
                writeln!(out)?;
            }
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(["key", "value", "source", "env"])?;
            for e in &entries {
                w.write_record([e.key, e.value.as_deref().unwrap_or(""), &e.source, e.env])?;
            }
            w.flush()?;
        }
        Format::Table => {
            let mut t = Table::new();
            t.load_preset(UTF8_BORDERS_ONLY).set_header(["key", "value", "source", "env"]);
            for e in &entries {
                t.add_row([e.key, e.value.as_deref().unwrap_or("-"), &e.source, e.env]);
            }
            writeln!(out, "{t}")?;
            let file = match (&config_file, &ctx.settings.config_path) {
                (Some(f), _) => f.clone(),
                (None, Some(p)) => format!("{} (not present)", p.display()),
                (None, None) => "none".to_string(),
            };
            writeln!(out, "config file: {file}\ndatabase:    {db}")?;
        }
    }
    out.flush()?;
    Ok(())
}

fn init(ctx: &Ctx, path: Option<PathBuf>, force: bool) -> Result<()> {
    let path = path
        .or_else(|| ctx.settings.config_path.clone())
        .ok_or_else(|| Error::usage("cannot find a config folder").with_hint("pass --path FILE"))?;
    if path.exists() && !force {
        return Err(Error::usage(format!("{} already exists", path.display()))
            .with_hint("pass --force to overwrite it"));
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| Error::failure(format!("cannot create {}: {e}", dir.display())))?;
    }
    // Written to a temporary file and renamed, with owner-only permissions: it may hold secrets.
    let tmp = path.with_extension("toml.tmp");
    let mut o = std::fs::OpenOptions::new();
    o.write(true).create(true).truncate(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut o, 0o600);
    let write = |o: &std::fs::OpenOptions| -> std::io::Result<()> {
        let mut f = o.open(&tmp)?;
        f.write_all(example_file().as_bytes())?;
        f.sync_all()?;
        std::fs::rename(&tmp, &path)
    };
    write(&o).map_err(|e| Error::failure(format!("cannot write {}: {e}", path.display())))?;
    ctx.out.status(&format!("Wrote {}", path.display()));
    Ok(())
}
