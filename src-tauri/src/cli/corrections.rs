//! `correct` (attach a dated note to a published article, listed as
//! "Updates") and `corrections` (list them, edit one).

use anyhow::Result;
use byline_core::domain::correction::Correction;
use clap::{Args, Subcommand};

use super::context::Context;
use super::display::display_title;
use super::Refused;

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

#[derive(Debug, Args)]
pub struct CorrectionsArgs {
    /// The article's slug or number.
    article: String,
    /// What to do; without one, the corrections are listed.
    #[command(subcommand)]
    action: Option<CorrectionsAction>,
}

#[derive(Debug, Subcommand)]
enum CorrectionsAction {
    /// List the corrections, numbered from 1 (oldest first, as readers see them).
    List,
    /// Rewrite a correction's note. Its time stays; the edit is dated and
    /// shows beside it under "Updates".
    Edit {
        /// The correction's number, as `list` shows it.
        number: usize,
        note: String,
    },
}

pub fn corrections(context: &Context, args: CorrectionsArgs) -> Result<()> {
    let (mut library, article) = context.article(&args.article)?;
    let id = article.id;
    let list = library.corrections(id)?;
    match args.action.unwrap_or(CorrectionsAction::List) {
        CorrectionsAction::List => {
            if list.is_empty() {
                println!("{} has no corrections.", display_title(&article.meta.title));
            }
            for (n, c) in list.iter().enumerate() {
                println!("{:>3}  {}", n + 1, line(c));
            }
        }
        CorrectionsAction::Edit { number, note } => {
            let Some(current) = number.checked_sub(1).and_then(|i| list.get(i)) else {
                return Err(Refused(format!(
                    "{} has no correction {number} (it has {})",
                    display_title(&article.meta.title),
                    list.len()
                ))
                .into());
            };
            let edited = library.edit_correction(id, current.id, &note)?;
            if edited.edited_at == current.edited_at {
                println!("Correction {number} already says that; nothing changed.");
            } else {
                println!("Edited correction {number}: {}", line(&edited));
            }
        }
    }
    Ok(())
}

/// A correction as one line: its time, the note, and when it was edited.
fn line(c: &Correction) -> String {
    let time = |at: chrono::DateTime<chrono::Utc>| at.format("%-d %B %Y, %H:%M UTC").to_string();
    match c.edited_at {
        Some(at) => format!("{}  {}  (edited {})", time(c.at), c.note, time(at)),
        None => format!("{}  {}", time(c.at), c.note),
    }
}
