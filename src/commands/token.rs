//! `leadctl token`: ingest API tokens for `serve-webhooks`.

use std::io::Write;

use clap::{Args, Subcommand};
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::cli::Format;
use crate::context::Ctx;
use crate::error::{Error, Result};
use crate::store::Act;
use crate::store::tokens::{new_token, token_hash};
use crate::time;

/// Ingest tokens and browser form keys for the listener: create (shown once), list, revoke.
///
/// `serve-webhooks` takes POST /inbound/leads with `Authorization: Bearer TOKEN`: a bearer
/// token for a site's backend, or a form key for a page's own script. A token belongs to one
/// organisation (--org): leads posted with it go there. Only a hash of the token is stored, so
/// a lost token cannot be shown again: revoke it and create another.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl token create --name website\n  \
    leadctl --org acme token create --name acme-site --format json\n  \
    leadctl token create --form --origin https://site.example --name contact-form\n  \
    leadctl token list\n  leadctl token revoke website")]
pub struct TokenArgs {
    #[command(subcommand)]
    pub command: TokenCommand,
}

/// Token subcommands.
#[derive(Debug, Subcommand)]
pub enum TokenCommand {
    /// Create a token (or a browser form key) and print it (once) on stdout.
    ///
    /// A bearer token (lct_...) is for a site's backend, server to server. A form key (--form,
    /// lfk_...) is public once written into a page, so it may only create leads, only from the
    /// --origin sites (403 from anywhere else), and is rate limited more tightly. The token is
    /// printed on stdout (--format json: {id, name, org, kind, origins, token}) and never
    /// again; a status line on stderr names it. The organisation is created when it is new. A
    /// live token with the same --name is refused (exit 2).
    #[command(after_help = "Examples:\n  leadctl token create --name website\n  \
        leadctl --org acme token create --name acme-site --format json\n  \
        leadctl token create --form --origin https://site.example --name contact-form")]
    Create {
        /// A name to recognise it by (default: token-N)
        #[arg(long)]
        name: Option<String>,
        /// Make a form key for a page's script: it may only create leads, only from the
        /// --origin sites, and is rate limited more tightly
        #[arg(long, requires = "origin")]
        form: bool,
        #[arg(
            long,
            value_name = "URL",
            requires = "form",
            help = "An origin the form key may post from, e.g. https://site.example (repeatable)"
        )]
        origin: Vec<String>,
    },
    /// List the organisation's tokens: name, created, last used, revoked.
    ///
    /// One row per token of the organisation (--org), revoked ones included: number, name,
    /// kind (bearer, or form key with its origins), when it was created, last used and revoked.
    /// The tokens themselves cannot be shown (only their hashes are stored). --format json,
    /// ndjson or csv for scripts. Changes nothing.
    #[command(after_help = "Examples:\n  leadctl token list\n  \
        leadctl --org acme token list --format json")]
    List,
    /// Revoke tokens by number or name; posts with them are refused (401) at once.
    ///
    /// TOKEN is a number from `token list` (with or without #) or a name; every live token of
    /// the organisation it names is revoked, with an audit entry each, and a line per token on
    /// stderr. A running listener refuses them from the next request on, without a restart.
    /// Revoked tokens stay in `token list`. Exit code 3 when no live token matches.
    #[command(after_help = "Examples:\n  leadctl token revoke website\n  leadctl token revoke 3")]
    Revoke {
        /// Token number (from `token list`) or name
        #[arg(value_name = "TOKEN")]
        key: String,
    },
}

/// Runs `token`.
pub fn cmd_token(ctx: &mut Ctx, args: &TokenArgs) -> Result<()> {
    let org = ctx.org().to_string();
    let actor = ctx.actor();
    let out = ctx.out.clone();
    let now = time::now_string();
    let store = ctx.store()?;
    match &args.command {
        TokenCommand::Create { name, form, origin } => {
            let origins = origin
                .iter()
                .map(|o| crate::store::tokens::normalize_origin(o).map_err(Error::usage))
                .collect::<Result<Vec<String>>>()?;
            if let Some(n) = name {
                if n.trim().is_empty() || n.chars().count() > 100 || n.chars().any(char::is_control)
                {
                    return Err(Error::usage("--name must be 1-100 printable characters"));
                }
            }
            let token = new_token(*form);
            let tx = store.begin_write()?;
            let org_id = tx.ensure_org(&org, &now)?;
            let act = Act { org_id, actor: &actor, now: &now };
            let existing = tx.reader().tokens(org_id)?;
            let n = existing.len() + 1;
            let name = name.clone().map(|n| n.trim().to_string()).unwrap_or(format!("token-{n}"));
            if existing.iter().any(|t| t.name == name && t.revoked_at.is_none()) {
                return Err(Error::usage(format!("a live token is already named '{name}'"))
                    .with_hint("pick another --name, or revoke the old one first"));
            }
            let form_origins = form.then_some(origins.as_slice());
            let id = tx.create_token(&act, &name, &token_hash(&token), form_origins)?;
            tx.commit()?;
            let mut w = out.stdout();
            if matches!(out.format, Some(Format::Json | Format::Ndjson)) {
                let kind = if *form { "form" } else { "bearer" };
                let doc = serde_json::json!({
                    "id": id, "name": name, "org": org, "kind": kind, "origins": origins,
                    "token": token,
                });
                crate::output::write_json_doc(&mut w, out.format.unwrap_or(Format::Json), &doc)?;
            } else {
                writeln!(w, "{token}")?;
            }
            w.flush()?;
            let what = if *form { "form key" } else { "token" };
            out.status(&format!(
                "Created {what} #{id} '{name}' for organisation {org}. It is shown only this once."
            ));
            Ok(())
        }
        TokenCommand::List => {
            let r = store.reader();
            let org_id = r.require_org(&org)?;
            let tokens = r.tokens(org_id)?;
            let mut w = out.stdout();
            let format = out.format.unwrap_or(Format::Table);
            if crate::output::write_json_items(&mut w, format, &tokens)? {
            } else if format == Format::Csv {
                let mut c = csv::Writer::from_writer(&mut w);
                c.write_record([
                    "id",
                    "name",
                    "kind",
                    "origins",
                    "created_at",
                    "last_used_at",
                    "revoked_at",
                ])?;
                for t in &tokens {
                    c.write_record(crate::cells::safe([
                        t.id.to_string(),
                        t.name.clone(),
                        t.kind.clone(),
                        t.origins.join(" "),
                        t.created_at.clone(),
                        t.last_used_at.clone().unwrap_or_default(),
                        t.revoked_at.clone().unwrap_or_default(),
                    ]))?;
                }
                c.flush()?;
            } else if tokens.is_empty() {
                out.status("No tokens yet: `leadctl token create --name website` makes one.");
            } else {
                let mut t = Table::new();
                t.load_preset(UTF8_FULL_CONDENSED)
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_header(["#", "name", "kind", "created", "last used", "revoked"]);
                for k in &tokens {
                    let kind = if k.kind == "form" {
                        format!("form key ({})", k.origins.join(", "))
                    } else {
                        k.kind.clone()
                    };
                    t.add_row([
                        k.id.to_string(),
                        k.name.clone(),
                        kind,
                        k.created_at.clone(),
                        k.last_used_at.clone().unwrap_or_else(|| "never".into()),
                        k.revoked_at.clone().unwrap_or_default(),
                    ]);
                }
                writeln!(w, "{t}")?;
            }
            w.flush()?;
            Ok(())
        }
        TokenCommand::Revoke { key } => {
            let org_id = store.reader().require_org(&org)?;
            let tx = store.begin_write()?;
            let act = Act { org_id, actor: &actor, now: &now };
            let revoked = tx.revoke_token(&act, key.trim().trim_start_matches('#'))?;
            if revoked.is_empty() {
                return Err(Error::not_found(format!(
                    "no live token '{key}' in organisation {org}"
                ))
                .with_hint("`leadctl token list` shows the tokens"));
            }
            tx.commit()?;
            for (id, name) in revoked {
                out.status(&format!("Revoked token #{id} '{name}'."));
            }
            Ok(())
        }
    }
}
