//! `leadctl task`: follow-up tasks about leads: add, list, done, reopen.

use std::io::Write;

use chrono::{DateTime, Utc};
use clap::{Args, Subcommand};
use comfy_table::{Cell, Color, ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};
use serde_json::json;

use super::target::resolve_one;
use crate::cli::Format;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::ingest::normalize::limits;
use crate::store::Act;
use crate::store::tasks::{Task, TaskFilter};
use crate::time;

/// Follow-up tasks: add, list, done, reopen.
///
/// A task is something to do about a lead, with an optional due time and owner (the lead's
/// owner unless --owner says otherwise). `task list` shows open tasks first, by due date, and
/// marks overdue ones OVERDUE (red on a terminal); `task done` and `task reopen` change a
/// task's state. Every change is written with its audit entry.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl task add 0193b1c2 \"Call back\" --due 2026-12-01\n  \
    leadctl task list --open --owner sam@example.com\n  leadctl task list --overdue\n  \
    leadctl task done 12")]
pub struct TaskArgs {
    #[command(subcommand)]
    pub command: TaskCommand,
}

/// Task subcommands (`add` and `list` have their help on their argument structs; `done` and
/// `reopen` share theirs, so their help is here).
#[derive(Debug, Subcommand)]
pub enum TaskCommand {
    Add(AddArgs),
    #[command(visible_alias = "ls")]
    List(ListArgs),
    /// Mark a task done.
    ///
    /// TASK is the number `task list` shows (with or without #). The task keeps when it was
    /// done and by whom (--actor), with an audit entry; `task list --open` no longer shows it.
    /// A task already done is left as it is. Prints one sentence on stderr; --format json
    /// prints {id, state, changed} on stdout. Exit code 3 when the organisation has no such
    /// task.
    #[command(
        after_help = "Examples:\n  leadctl task done 12\n  leadctl task done '#12' --format json"
    )]
    Done(TaskIdArgs),
    /// Open a done task again.
    ///
    /// TASK is the number `task list` shows (with or without #). The task is open again, due
    /// when it was due before (so it may be overdue at once), with an audit entry. A task that
    /// is open already is left as it is. Prints one sentence on stderr; --format json prints
    /// {id, state, changed} on stdout. Exit code 3 when the organisation has no such task.
    #[command(after_help = "Examples:\n  leadctl task reopen 12")]
    Reopen(TaskIdArgs),
}

/// Add a task about a lead.
///
/// --due takes a date (due by the end of that day, UTC), an RFC 3339 time, or a delay such as
/// 3d or 12h from now; a time already past is accepted with a warning (the task is overdue at
/// once). The owner defaults to the lead's owner. The title is one line of text; an erased
/// lead takes no tasks. Prints "Added task #N for ID." on stderr; --format json prints the
/// task on stdout.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl task add 0193b1c2 \"Call back\" --due 2026-12-01\n  \
    leadctl task add ann@example.com \"Send the quote\" --due 3d --owner sam@example.com")]
pub struct AddArgs {
    /// Lead id, unique prefix or email
    #[arg(value_name = "ID")]
    pub lead: String,
    /// What to do
    #[arg(value_name = "TITLE")]
    pub title: String,
    /// When it is due
    #[arg(long, value_name = "WHEN")]
    pub due: Option<String>,
    /// Who does it [default: the lead's owner]
    #[arg(long, value_name = "OWNER")]
    pub owner: Option<String>,
}

/// List tasks: open ones first, by due date; overdue ones stand out.
///
/// Every task of the organisation (at most --limit, default 100), done ones last: number, due
/// date, state (open, OVERDUE in red on a terminal, or done), title, owner and lead. --open,
/// --overdue, --due-before, --owner and --lead narrow the list. --format json, ndjson or csv
/// for scripts. Changes nothing.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leadctl task list --open\n  leadctl task list --overdue --format json\n  \
    leadctl task list --lead 0193b1c2\n  leadctl task list --due-before 7d"
)]
pub struct ListArgs {
    /// Only tasks not done
    #[arg(long)]
    pub open: bool,
    /// Only open tasks past their due time
    #[arg(long)]
    pub overdue: bool,
    /// Only tasks due before WHEN (a date, a time, or a delay such as 7d from now)
    #[arg(long, value_name = "WHEN")]
    pub due_before: Option<String>,
    /// Only tasks of this owner
    #[arg(long, value_name = "OWNER")]
    pub owner: Option<String>,
    /// Only tasks about this lead (id, prefix or email)
    #[arg(long, value_name = "ID")]
    pub lead: Option<String>,
    /// At most N tasks
    #[arg(long, default_value_t = 100, value_name = "N")]
    pub limit: u64,
}

/// A task by number.
#[derive(Debug, Args)]
pub struct TaskIdArgs {
    /// Task number (as `task list` shows it, with or without #)
    #[arg(value_name = "TASK")]
    pub task: String,
}

/// Runs `task`.
pub fn cmd_task(ctx: &mut Ctx, args: &TaskArgs) -> Result<()> {
    match &args.command {
        TaskCommand::Add(a) => add(ctx, a),
        TaskCommand::List(a) => list(ctx, a),
        TaskCommand::Done(a) => set_done(ctx, a, true),
        TaskCommand::Reopen(a) => set_done(ctx, a, false),
    }
}

/// Parses a due time: a date (the end of that day, UTC), a time, or a delay from now (3d,
/// +12h).
pub fn parse_due(s: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let t = s.trim();
    let bad = || {
        Error::usage(format!("'{s}' is not a date"))
            .with_hint("use e.g. 2026-12-01, 2026-12-01T09:00:00Z, or 3d for three days from now")
    };
    if let Some(delay) = time::parse_relative(t.trim_start_matches('+')) {
        return time::shift(now, delay, true).ok_or_else(bad);
    }
    if let Ok(d) = chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        let end = d.and_hms_milli_opt(23, 59, 59, 999).ok_or_else(bad)?;
        return Ok(end.and_utc());
    }
    time::parse_timestamp(t).map_err(|_| bad())
}

fn add(ctx: &mut Ctx, a: &AddArgs) -> Result<()> {
    super::target::check_key(&a.lead)?;
    let title = a.title.trim();
    if title.is_empty() {
        return Err(Error::usage("the task title is empty"));
    }
    if title.chars().count() > limits::TEXT || title.chars().any(char::is_control) {
        return Err(Error::usage(format!(
            "the task title must be one line of at most {} characters",
            limits::TEXT
        )));
    }
    let now_t = time::now();
    let due = a
        .due
        .as_deref()
        .map(|d| parse_due(d, now_t).map_err(|e| e.context(format!("--due {d}"))))
        .transpose()?;
    let owner = a.owner.as_deref().map(super::assign::parse_owner).transpose()?;
    let org = ctx.org().to_string();
    let actor = ctx.actor();
    let out = ctx.out.clone();
    let store = ctx.store()?;
    let org_id = store.reader().require_org(&org)?;
    let lead = resolve_one(&store.reader(), org_id, &org, &a.lead)?;
    let owner = match owner {
        Some(o) => Some(o),
        None => store.reader().lead(lead.seq)?.owner,
    };
    let tx = store.begin_write()?;
    let now = time::format(now_t);
    let due_at = due.map(time::format);
    let act = Act { org_id, actor: &actor, now: &now };
    super::target::refuse_erased(&tx, &lead)?;
    let id = tx.add_task(&act, Some(&lead), title, due_at.as_deref(), owner.as_deref())?;
    tx.commit()?;
    if due.is_some_and(|d| d < now_t) {
        out.warn("the task is due in the past, so it is overdue already");
    }
    super::print_json(
        ctx,
        &json!({"id": id, "lead": lead.id, "title": title, "due_at": due_at, "owner": owner}),
    )?;
    ctx.out.status(&format!("Added task #{id} for {}.", lead.id));
    Ok(())
}

fn list(ctx: &mut Ctx, a: &ListArgs) -> Result<()> {
    let now_t = time::now();
    let due_before = a
        .due_before
        .as_deref()
        .map(|d| {
            parse_due(d, now_t)
                .map(time::format)
                .map_err(|e| e.context(format!("--due-before {d}")))
        })
        .transpose()?;
    if let Some(l) = &a.lead {
        super::target::check_key(l)?;
    }
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let lead_seq = match &a.lead {
        Some(key) => Some(resolve_one(&r, org_id, &org, key)?.seq),
        None => None,
    };
    let filter = TaskFilter {
        open: a.open,
        overdue: a.overdue,
        due_before,
        owner: a.owner.as_deref().map(crate::ingest::normalize::normalize_owner),
        lead_seq,
    };
    let now = time::format(now_t);
    let tasks = r.tasks(org_id, &filter, &now, a.limit)?;
    let mut out = out_cfg.stdout();
    let format = out_cfg.format.unwrap_or(Format::Table);
    match format {
        Format::Json | Format::Ndjson => {
            crate::output::write_json_items(&mut out, format, &tasks)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(crate::cells::safe([
                "id", "title", "lead_id", "due_at", "owner", "done_at", "overdue",
            ]))?;
            for t in &tasks {
                let o = |v: &Option<String>| v.clone().unwrap_or_default();
                w.write_record(crate::cells::safe([
                    t.id.to_string(),
                    t.title.clone(),
                    o(&t.lead_id),
                    o(&t.due_at),
                    o(&t.owner),
                    o(&t.done_at),
                    t.overdue.to_string(),
                ]))?;
            }
            w.flush()?;
        }
        Format::Table if tasks.is_empty() => out_cfg.status("No tasks."),
        Format::Table => {
            let mut table = Table::new();
            table
                .load_preset(UTF8_FULL_CONDENSED)
                .set_content_arrangement(ContentArrangement::Dynamic)
                .set_header(["#", "due", "state", "title", "owner", "lead"]);
            for t in &tasks {
                table.add_row(row(t, out_cfg.color_stdout));
            }
            writeln!(out, "{table}")?;
        }
    }
    out.flush()?;
    Ok(())
}

fn row(t: &Task, color: bool) -> Vec<Cell> {
    let state = if t.done_at.is_some() {
        "done"
    } else if t.overdue {
        "OVERDUE"
    } else {
        "open"
    };
    let mut cells = vec![
        Cell::new(t.id),
        Cell::new(t.due_at.as_deref().map(show_due).unwrap_or_default()),
        Cell::new(state),
        Cell::new(&t.title),
        Cell::new(t.owner.clone().unwrap_or_default()),
        Cell::new(t.lead_id.as_deref().map(|l| l.get(..13).unwrap_or(l)).unwrap_or("")),
    ];
    if color && t.overdue {
        cells = cells.into_iter().map(|c| c.fg(Color::Red)).collect();
    }
    cells
}

/// A due time for people: the date alone when it is the end of a day.
fn show_due(d: &str) -> String {
    match d.strip_suffix("T23:59:59.999Z") {
        Some(day) => day.to_string(),
        None => d.get(..16).unwrap_or(d).replace('T', " "),
    }
}

fn set_done(ctx: &mut Ctx, a: &TaskIdArgs, done: bool) -> Result<()> {
    let id: i64 = a.task.trim().trim_start_matches('#').parse().map_err(|_| {
        Error::usage(format!("'{}' is not a task number", a.task))
            .with_hint("`leadctl task list` shows the numbers")
    })?;
    let org = ctx.org().to_string();
    let actor = ctx.actor();
    let store = ctx.store()?;
    let org_id = store.reader().require_org(&org)?;
    let tx = store.begin_write()?;
    let now = time::now_string();
    let task = tx.reader().task(org_id, id, &now)?.ok_or_else(|| {
        Error::not_found(format!("no task #{id} in organisation '{org}'"))
            .with_hint("`leadctl task list` shows the numbers")
    })?;
    let act = Act { org_id, actor: &actor, now: &now };
    let changed = tx.set_task_done(&act, &task, done)?;
    tx.commit()?;
    let state = if done { "done" } else { "open" };
    super::print_json(ctx, &json!({"id": id, "state": state, "changed": changed}))?;
    let msg = match (changed, done) {
        (true, true) => format!("Task #{id} is done."),
        (true, false) => format!("Task #{id} is open again."),
        (false, true) => format!("Task #{id} was already done."),
        (false, false) => format!("Task #{id} was already open."),
    };
    ctx.out.status(&msg);
    Ok(())
}
