//! `correct`: dated notes on a published article, listed as "Updates".

use anyhow::Result;
use clap::Args;

use super::context::Context;
use super::display::display_title;

#[derive(Debug, Args)]
pub struct CorrectArgs {
    /// The article's slug or number.
    article: String,
    note: String,
}

pub fn correct(context: &Context, args: CorrectArgs) -> Result<()> {
    let (mut library, article) = context.article(&args.article)?;
    let id = article.id;
    library.add_correction(id, &args.note)?;
    let count = library.corrections(id)?.len();
    println!(
        "Added a correction; {} now lists {count} under \"Updates\".",
        display_title(&library.article(id)?.meta.title)
    );
    Ok(())
}
