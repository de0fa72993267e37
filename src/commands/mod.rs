//! One file per subcommand; each holds its `XxxArgs` (the doc comment is the help text) and its
//! `cmd_xxx(ctx, args)`. Dispatch is one line per command.

pub mod assign;
pub mod audit;
pub mod completions;
pub mod config;
pub mod db;
pub mod edit;
pub mod events;
pub mod export;
pub mod forget;
pub mod ingest;
pub mod list;
pub mod log;
pub mod man;
pub mod note;
pub mod queue;
pub mod seed_demo;
pub mod serve;
pub mod show;
pub mod stats;
pub mod status;
pub mod tag;
pub mod tags;
pub mod target;
pub mod task;
pub mod timeline;
pub mod token;
pub mod values;
pub mod webhooks;

use crate::cli::Command;
use crate::context::Ctx;
use crate::error::Result;

/// Runs the chosen command.
pub fn dispatch(ctx: &mut Ctx, command: &Command) -> Result<()> {
    match command {
        Command::Ingest(args) => ingest::cmd_ingest(ctx, args),
        Command::List(args) => list::cmd_list(ctx, args),
        Command::Show(args) => show::cmd_show(ctx, args),
        Command::Export(args) => export::cmd_export(ctx, args),
        Command::Stats(args) => stats::cmd_stats(ctx, args),
        Command::Queue(args) => queue::cmd_queue(ctx, args),
        Command::ServeWebhooks(args) => serve::cmd_serve(ctx, args),
        Command::Token(args) => token::cmd_token(ctx, args),
        Command::Webhooks(args) => webhooks::cmd_webhooks(ctx, args),
        Command::Config(args) => config::cmd_config(ctx, args),
        Command::Status(args) => status::cmd_status(ctx, args),
        Command::Tag(args) => tag::cmd_tag(ctx, args),
        Command::Tags(args) => tags::cmd_tags(ctx, args),
        Command::Note(args) => note::cmd_note(ctx, args),
        Command::Edit(args) => edit::cmd_edit(ctx, args),
        Command::Assign(args) => assign::cmd_assign(ctx, args),
        Command::Log(args) => log::cmd_log(ctx, args),
        Command::Events(args) => events::cmd_events(ctx, args),
        Command::Task(args) => task::cmd_task(ctx, args),
        Command::Timeline(args) => timeline::cmd_timeline(ctx, args),
        Command::Audit(args) => audit::cmd_audit(ctx, args),
        Command::Forget(args) => forget::cmd_forget(ctx, args),
        Command::SeedDemo(args) => seed_demo::cmd_seed_demo(ctx, args),
        Command::Completions(args) => completions::cmd_completions(ctx, args),
        Command::Man(args) => man::cmd_man(ctx, args),
        Command::Db(args) => db::cmd_db(ctx, args),
    }
}

/// Prints `doc` on stdout when the format is JSON (pretty) or NDJSON (one line); commands that
/// change things print nothing on stdout otherwise (their sentence goes to stderr).
pub fn print_json(ctx: &Ctx, doc: &serde_json::Value) -> Result<()> {
    use std::io::Write;
    let mut out = ctx.out.stdout();
    match ctx.out.format {
        Some(f @ (crate::cli::Format::Json | crate::cli::Format::Ndjson)) => {
            crate::output::write_json_doc(&mut out, f, doc)?
        }
        _ => return Ok(()),
    }
    out.flush()?;
    Ok(())
}
