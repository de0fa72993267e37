//! `leadctl tags`: every tag of the organisation with how many leads carry it.

use std::io::Write;

use clap::Args;
use comfy_table::{ContentArrangement, Table, presets::UTF8_FULL_CONDENSED};

use crate::cli::Format;
use crate::context::Ctx;
use crate::error::Result;
use crate::output::thousands;

/// List tags with their lead counts.
///
/// Every tag of the organisation with the number of leads carrying it, most used first (ties
/// by name); --format json, ndjson or csv give name and leads. Tags no lead carries any more
/// are listed with 0 until they are used again. Changes nothing; `leadctl tag` adds and removes
/// tags, `leadctl list --tag NAME` lists a tag's leads.
#[derive(Debug, Args)]
#[command(after_help = "Examples:\n  leadctl tags\n  leadctl tags --format json | jq '.[0]'")]
pub struct TagsArgs {}

/// Runs `tags`.
pub fn cmd_tags(ctx: &mut Ctx, _args: &TagsArgs) -> Result<()> {
    let org = ctx.org().to_string();
    let out_cfg = ctx.out.clone();
    let r = ctx.store()?.reader();
    let org_id = r.require_org(&org)?;
    let tags = r.tag_counts(org_id)?;
    let mut out = out_cfg.stdout();
    let format = out_cfg.format.unwrap_or(Format::Table);
    match format {
        Format::Json | Format::Ndjson => {
            crate::output::write_json_items(&mut out, format, &tags)?;
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(&mut out);
            w.write_record(crate::cells::safe(["name", "leads"]))?;
            for t in &tags {
                w.write_record(crate::cells::safe([t.name.as_str(), &t.leads.to_string()]))?;
            }
            w.flush()?;
        }
        Format::Table => {
            if tags.is_empty() {
                out_cfg.status("No tags yet.");
            } else {
                let mut t = Table::new();
                t.load_preset(UTF8_FULL_CONDENSED)
                    .set_content_arrangement(ContentArrangement::Dynamic)
                    .set_header(["tag", "leads"]);
                for tag in &tags {
                    t.add_row([tag.name.clone(), thousands(tag.leads)]);
                }
                writeln!(out, "{t}")?;
            }
        }
    }
    out.flush()?;
    Ok(())
}
