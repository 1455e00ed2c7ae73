//! `status`, `trash` and `restore` (from the trash): the editorial workflow.

use anyhow::Result;
use byline_core::Status;
use clap::Args;

use super::context::Context;
use super::display::display_title;

#[derive(Debug, Args)]
pub struct StatusArgs {
    /// The article's slug or number.
    article: String,
    status: Status,
}

pub fn status(context: &Context, args: StatusArgs) -> Result<()> {
    let (mut library, article) = context.article(&args.article)?;
    let article = library.set_status(article.id, args.status)?;
    println!(
        "{}: {}",
        display_title(&article.meta.title),
        args.status.label()
    );
    Ok(())
}

#[derive(Debug, Args)]
pub struct TrashArgs {
    /// The article's slug or number.
    article: String,
}

pub fn trash(context: &Context, args: TrashArgs) -> Result<()> {
    let (mut library, article) = context.article(&args.article)?;
    let article = library.trash(article.id)?;
    println!(
        "Moved {} to the trash; `byline restore {}` brings it back.",
        display_title(&article.meta.title),
        article.meta.slug
    );
    Ok(())
}

/// `restore` without a revision brings an article back from the trash;
/// with one, `revisions::restore` puts it back to that revision.
#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The article's slug or number.
    pub article: String,
    /// The revision number, as `byline history` lists it.
    pub revision: Option<u32>,
}

pub fn restore(context: &Context, article: &str) -> Result<()> {
    let (mut library, article) = context.article(article)?;
    let article = library.restore(article.id)?;
    println!("Restored {}.", display_title(&article.meta.title));
    Ok(())
}
