//! `leadctl note`: add a note to a lead, from the command line, stdin or `$EDITOR`.

use std::io::Read;

use clap::Args;
use serde_json::json;

use super::target::change_one;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::ingest::normalize::limits;

/// Add a note to a lead.
///
/// Notes are kept as a list with author (--actor, LEADCTL_ACTOR or the OS user) and time;
/// `leadctl show` lists them. The text comes from the argument, from stdin when it is `-`, or
/// from $EDITOR with --edit (also when no text is given on a terminal); it is trimmed, and an
/// empty one is refused. The note and its audit entry are written in one transaction; an
/// erased lead takes no notes. Prints "Added a note to ID." on stderr; --format json prints
/// the note's id, author and time on stdout.
#[derive(Debug, Args)]
#[command(
    after_help = "Examples:\n  leadctl note 0193b1c2 \"Called, wants a quote by Friday\"\n  \
    leadctl note ann@example.com --edit\n  echo \"from a script\" | leadctl note 0193b1c2 -"
)]
pub struct NoteArgs {
    /// Lead id, unique prefix or email
    #[arg(value_name = "ID")]
    pub lead: String,
    /// The note; `-` reads it from stdin
    #[arg(value_name = "TEXT", conflicts_with = "edit")]
    pub text: Option<String>,
    /// Write the note in $EDITOR
    #[arg(long)]
    pub edit: bool,
}

/// Runs `note`.
pub fn cmd_note(ctx: &mut Ctx, args: &NoteArgs) -> Result<()> {
    super::target::check_key(&args.lead)?;
    // Before an editor opens, make sure the note has somewhere to go.
    super::target::check_exist(ctx, std::slice::from_ref(&args.lead))?;
    let body = match args.text.as_deref() {
        Some("-") => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| Error::failure(format!("cannot read the note from stdin: {e}")))?;
            s
        }
        Some(t) => t.to_string(),
        None if args.edit || ctx.out.interactive() => edit()?,
        None => {
            return Err(Error::usage("no note text given")
                .with_hint("give the text as an argument, `-` to read stdin, or --edit"));
        }
    };
    let body = validate(&body)?;
    let (lead, (id, author, at)) = change_one(ctx, &args.lead, |tx, act, lead| {
        super::target::refuse_erased(tx, lead)?;
        Ok((tx.add_note(act, lead, &body)?, act.actor.to_string(), act.now.to_string()))
    })?;
    super::print_json(
        ctx,
        &json!({"lead": lead.id, "note_id": id, "author": author, "created_at": at}),
    )?;
    ctx.out.status(&format!("Added a note to {}.", lead.id));
    Ok(())
}

/// Trims a note and checks it is neither empty nor too long.
pub fn validate(body: &str) -> Result<String> {
    let body = body.trim();
    if body.is_empty() {
        return Err(Error::usage("the note is empty; nothing was added"));
    }
    if body.chars().count() > limits::MESSAGE {
        return Err(Error::usage(format!(
            "the note is longer than {} characters",
            limits::MESSAGE
        )));
    }
    if body.chars().any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r') {
        return Err(Error::usage("the note contains control characters"));
    }
    Ok(body.replace("\r\n", "\n"))
}

fn edit() -> Result<String> {
    let text = dialoguer::Editor::new()
        .edit("\n# Write the note above. Lines starting with # are dropped.\n")
        .map_err(|e| {
            Error::failure(format!("cannot run the editor: {e}"))
                .with_hint("set $EDITOR, or give the note as an argument")
        })?;
    let Some(text) = text else {
        return Err(Error::usage("the editor was closed without saving; nothing was added"));
    };
    Ok(text.lines().filter(|l| !l.starts_with('#')).collect::<Vec<_>>().join("\n"))
}
