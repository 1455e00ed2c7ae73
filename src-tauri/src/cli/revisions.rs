//! `history`, `diff`, `snapshot` and `restore` to a revision.

use std::io::Write;
use std::str::FromStr;

use anyhow::Result;
use byline_core::transform::diff::DiffKind;
use clap::Args;

use super::context::Context;
use super::display::{display_title, local_time};
use super::Refused;

#[derive(Debug, Args)]
pub struct HistoryArgs {
    /// The article's slug or number.
    article: String,
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
}

pub fn history(context: &Context, args: HistoryArgs) -> Result<()> {
    let (library, article) = context.article(&args.article)?;
    let revisions = library.history(article.id)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&revisions)?)?;
        return Ok(());
    }
    if revisions.is_empty() {
        writeln!(out, "No revisions yet.")?;
    }
    for r in revisions {
        let label = r
            .label
            .as_deref()
            .map(|l| format!("  {l}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>4}  {}  {:<14} {:>7} words ({:+}){label}",
            r.number,
            local_time(&r.at),
            r.kind_label,
            r.words,
            r.words_delta
        )?;
    }
    Ok(())
}

/// The newer side of a comparison: a revision, or the text as it is now.
#[derive(Debug, Clone, Copy)]
pub enum Compared {
    Now,
    Revision(u32),
}

impl FromStr for Compared {
    type Err = Refused;

    fn from_str(s: &str) -> Result<Self, Refused> {
        match s {
            "now" | "current" => Ok(Compared::Now),
            n => n.parse().map(Compared::Revision).map_err(|_| {
                Refused(format!(
                    "{n:?} is not a revision number; use a number from `byline history` or `now`"
                ))
            }),
        }
    }
}

#[derive(Debug, Args)]
pub struct DiffArgs {
    /// The article's slug or number.
    article: String,
    /// The older revision's number.
    from: u32,
    /// The newer revision's number, or `now`.
    #[arg(default_value = "now")]
    to: Compared,
}

pub fn diff(context: &Context, args: DiffArgs) -> Result<()> {
    let (library, article) = context.article(&args.article)?;
    let to = match args.to {
        Compared::Now => None,
        Compared::Revision(n) => Some(n),
    };
    let comparison = library.compare_revisions(article.id, args.from, to)?;
    let mut out = std::io::stdout().lock();
    for f in &comparison.fields {
        writeln!(out, "{}: {:?} → {:?}", f.field, f.before, f.after)?;
    }
    if !comparison.fields.is_empty() {
        writeln!(out)?;
    }
    for span in &comparison.body {
        match span.kind {
            DiffKind::Same => write!(out, "{}", span.text)?,
            DiffKind::Added => write!(out, "{{+{}+}}", span.text)?,
            DiffKind::Removed => write!(out, "[-{}-]", span.text)?,
        }
    }
    writeln!(
        out,
        "\n\n{} words added, {} removed",
        comparison.words_added, comparison.words_removed
    )?;
    Ok(())
}

#[derive(Debug, Args)]
pub struct SnapshotArgs {
    /// The article's slug or number.
    article: String,
    #[arg(long, default_value = "")]
    label: String,
}

pub fn snapshot(context: &Context, args: SnapshotArgs) -> Result<()> {
    let (mut library, article) = context.article(&args.article)?;
    let info = library.snapshot(article.id, &args.label)?;
    println!("Kept revision {}.", info.number);
    Ok(())
}

pub fn restore(context: &Context, article: &str, number: u32) -> Result<()> {
    let (mut library, article) = context.article(article)?;
    let article = library.restore_revision(article.id, number)?;
    println!(
        "Restored {} to revision {number}; the text it replaced is kept in its history.",
        display_title(&article.meta.title)
    );
    Ok(())
}
