//! `set`: one metadata field at a time, by the rules the Details panel uses.

use anyhow::Result;
use byline_core::domain::article::ArticleField;
use clap::Args;

use super::context::Context;
use super::display::{display_title, field_value};

#[derive(Debug, Args)]
pub struct SetArgs {
    /// The article's slug or number.
    article: String,
    field: ArticleField,
    value: String,
}

pub fn set(context: &Context, args: SetArgs) -> Result<()> {
    let (mut library, article) = context.article(&args.article)?;
    let updated = library.set_field(article.id, args.field, &args.value)?;
    println!(
        "{}: {} is now {}",
        display_title(&updated.meta.title),
        args.field.as_str(),
        field_value(&updated, args.field)
    );
    Ok(())
}
