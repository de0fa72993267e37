//! The command line: global flags and the command enum, nothing else. Each command's own
//! arguments live beside its code in `commands/`.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

use crate::commands::{
    assign::AssignArgs, audit::AuditArgs, config::ConfigArgs, edit::EditArgs, events::EventsArgs,
    export::ExportArgs, forget::ForgetArgs, ingest::IngestArgs, list::ListArgs, log::LogArgs,
    note::NoteArgs, queue::QueueArgs, serve::ServeArgs, show::ShowArgs, stats::StatsArgs,
    status::StatusArgs, tag::TagArgs, tags::TagsArgs, task::TaskArgs, timeline::TimelineArgs,
    token::TokenArgs, webhooks::WebhooksArgs,
};
use crate::commands::{
    completions::CompletionsArgs, db::DbArgs, man::ManArgs, seed_demo::SeedDemoArgs,
};

/// leadctl: the lead inbox of a small team, one binary over one SQLite file.
#[derive(Debug, Parser)]
#[command(name = "leadctl", version, about, propagate_version = true)]
#[command(after_help = "Examples:\n  leadctl ingest --file examples/leads.ndjson\n  \
    leadctl list --status new --since 7d\n  leadctl show 0193b1c2\n\n\
    Exit codes: 0 ok, 1 failure, 2 usage, 3 not found, 4 input rejected, 5 database unusable,\n\
    6 queue items went dead, 130 interrupted.")]
pub struct Cli {
    /// Global flags, shared by every command.
    #[command(flatten)]
    pub global: GlobalArgs,
    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// Flags every command accepts.
#[derive(Debug, clap::Args)]
pub struct GlobalArgs {
    /// SQLite database file [default: ~/.local/share/leadctl/leadctl.db]
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,
    /// Configuration file (optional) [default: ~/.config/leadctl/config.toml]
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Organisation every query is scoped to [default: default]
    #[arg(long, global = true, value_name = "SLUG")]
    pub org: Option<String>,
    /// Output format for commands that print data
    #[arg(long, global = true, value_enum)]
    pub format: Option<Format>,
    /// When to use colour (NO_COLOR is honoured by `auto`)
    #[arg(long, global = true, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
    /// Print only errors
    #[arg(short, long, global = true, conflicts_with = "verbose")]
    pub quiet: bool,
    /// More log output (-v info, -vv debug, -vvv trace)
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,
    /// Log line format on stderr
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub log_format: Option<LogFormat>,
    /// Who is acting, for the audit log [default: $LEADCTL_ACTOR, else the OS user]
    #[arg(long, global = true, value_name = "NAME")]
    pub actor: Option<String>,
}

/// Output formats for data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A table for people (the default on a terminal)
    Table,
    /// One JSON document
    Json,
    /// One JSON object per line
    Ndjson,
    /// CSV with a header row
    Csv,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when the stream is a terminal and NO_COLOR is unset
    Auto,
    /// Always colour
    Always,
    /// Never colour
    Never,
}

/// Log formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// Human-readable lines
    Text,
    /// One JSON object per line
    Json,
}

/// Every command.
///
/// A command's help (summary, description, examples) is the doc comment and `after_help` of
/// its `XxxArgs` in `commands/`: a doc comment on a variant here would replace the summary and
/// hide the description, so the variants have none.
#[derive(Debug, Subcommand)]
pub enum Command {
    Ingest(Box<IngestArgs>),
    #[command(visible_alias = "ls")]
    List(ListArgs),
    Show(ShowArgs),
    Export(ExportArgs),
    Stats(StatsArgs),
    Status(StatusArgs),
    Tag(TagArgs),
    Tags(TagsArgs),
    Note(NoteArgs),
    Edit(EditArgs),
    Assign(AssignArgs),
    Log(LogArgs),
    Events(EventsArgs),
    Task(TaskArgs),
    Timeline(TimelineArgs),
    Audit(AuditArgs),
    Forget(ForgetArgs),
    Queue(QueueArgs),
    #[command(visible_alias = "serve")]
    ServeWebhooks(ServeArgs),
    Token(TokenArgs),
    Webhooks(WebhooksArgs),
    Config(ConfigArgs),
    Db(DbArgs),
    SeedDemo(SeedDemoArgs),
    Completions(CompletionsArgs),
    Man(ManArgs),
}
