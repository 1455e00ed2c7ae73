//! `faq` (an article's FAQ items, one action each) and `faq-blocks` (the
//! library's shared blocks).

use std::io::Write;

use anyhow::Result;
use byline_core::domain::faq::{FaqBlockId, FaqItem, QuestionAnswer};
use byline_core::transform::faq::FaqView;
use byline_core::Article;
use clap::{Args, Subcommand};

use super::context::Context;
use super::display::display_title;
use super::Refused;

#[derive(Debug, Args)]
pub struct FaqArgs {
    /// The article's slug or number.
    article: String,
    #[command(subcommand)]
    action: FaqAction,
}

#[derive(Debug, Subcommand)]
enum FaqAction {
    /// List the questions and answers, with any problems flagged.
    List {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
    },
    /// Add a question and its answer (Markdown).
    Add {
        question: String,
        answer: String,
        /// Where to put it (1 is first); the end by default.
        #[arg(long, value_name = "N")]
        at: Option<u32>,
    },
    /// Change a question, its answer, or both.
    Edit {
        /// The item's number.
        item: u32,
        #[arg(long)]
        question: Option<String>,
        #[arg(long)]
        answer: Option<String>,
    },
    /// Move an item to another place (1 is first).
    Move { item: u32, to: u32 },
    /// Remove an item (it stays in the article's history).
    Remove { item: u32 },
    /// Keep an item in the library's shared blocks, for other articles.
    Share { item: u32 },
    /// Make a shared item this article's own copy.
    Detach { item: u32 },
    /// Add a shared block (its number from `byline faq-blocks`).
    UseShared {
        block: i64,
        #[arg(long, value_name = "N")]
        at: Option<u32>,
    },
    /// Turn a FAQ section written at the end of the body into FAQ items.
    Convert,
    /// Whether exports carry the FAQ as schema.org FAQPage: on or off.
    StructuredData {
        #[arg(value_parser = on_or_off, action = clap::ArgAction::Set)]
        state: bool,
    },
}

fn on_or_off(value: &str) -> Result<bool, Refused> {
    match value.to_ascii_lowercase().as_str() {
        "on" | "yes" | "true" => Ok(true),
        "off" | "no" | "false" => Ok(false),
        _ => Err(Refused(format!("{value:?} is not on or off"))),
    }
}

/// Items are numbered from 1 on the command line.
fn item(article: &Article, n: u32) -> Result<&FaqItem> {
    n.checked_sub(1)
        .and_then(|i| article.faq.get(i as usize))
        .ok_or_else(|| {
            anyhow::anyhow!(
                "{} has no FAQ item {n}; it has {}",
                display_title(&article.meta.title),
                article.faq.len()
            )
        })
}

/// A place given from 1, as the core counts it from 0.
fn position(at: Option<u32>) -> Option<u32> {
    at.map(|n| n.saturating_sub(1))
}

pub fn faq(context: &Context, args: FaqArgs) -> Result<()> {
    let (mut library, article) = context.article(&args.article)?;
    let id = article.id;
    match args.action {
        FaqAction::List { json } => {
            let view = FaqView::new(
                &article,
                &library.site_settings()?,
                byline_core::transform::render::Images::AsPublished,
            );
            let mut out = std::io::stdout().lock();
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&view)?)?;
                return Ok(());
            }
            if view.items.is_empty() {
                writeln!(
                    out,
                    "{} has no FAQ items.",
                    display_title(&article.meta.title)
                )?;
            }
            for (n, item) in view.items.iter().enumerate() {
                let shared = item
                    .shared
                    .map(|b| format!("  [shared #{}]", b.0))
                    .unwrap_or_default();
                writeln!(out, "{}. {}{shared}", n + 1, item.question)?;
                for line in item.answer.lines() {
                    writeln!(out, "   {line}")?;
                }
            }
            for issue in &view.issues {
                writeln!(out, "warning: {}", issue.message)?;
            }
        }
        FaqAction::Add {
            question,
            answer,
            at,
        } => {
            library.add_faq_item(id, &QuestionAnswer::new(question, answer), position(at))?;
            println!(
                "Added; {} now has {} FAQ items.",
                display_title(&article.meta.title),
                article.faq.len() + 1
            );
        }
        FaqAction::Edit {
            item: n,
            question,
            answer,
        } => {
            if question.is_none() && answer.is_none() {
                anyhow::bail!("nothing to change; give --question, --answer or both");
            }
            let current = item(&article, n)?;
            let text = QuestionAnswer::new(
                question.unwrap_or_else(|| current.question.clone()),
                answer.unwrap_or_else(|| current.answer.clone()),
            );
            library.update_faq_item(current.id, &text)?;
            match current.shared {
                Some(block) => {
                    let uses = library.faq_block(block)?.uses;
                    println!("Changed FAQ item {n}, a shared block used by {uses} articles.");
                }
                None => println!("Changed FAQ item {n}."),
            }
        }
        FaqAction::Move { item: n, to } => {
            library.move_faq_item(item(&article, n)?.id, to.saturating_sub(1))?;
            println!(
                "Moved FAQ item {n} to {}.",
                to.max(1).min(article.faq.len() as u32)
            );
        }
        FaqAction::Remove { item: n } => {
            let removed = library.remove_faq_item(item(&article, n)?.id)?;
            println!("Removed “{}”.", removed.question);
        }
        FaqAction::Share { item: n } => {
            let block = library.share_faq_item(item(&article, n)?.id)?;
            println!(
                "FAQ item {n} is shared block #{}; `byline faq OTHER use-shared {}` adds it elsewhere.",
                block.id.0, block.id.0
            );
        }
        FaqAction::Detach { item: n } => {
            library.detach_faq_item(item(&article, n)?.id)?;
            println!("FAQ item {n} is now this article's own copy.");
        }
        FaqAction::UseShared { block, at } => {
            let item = library.insert_faq_block(id, FaqBlockId(block), position(at))?;
            println!("Added shared block #{block}: “{}”.", item.question);
        }
        FaqAction::Convert => {
            let before = article.faq.len();
            let after = library.convert_faq_section(id)?.faq.len();
            println!(
                "Converted the FAQ section into {} FAQ items; the text before is kept as a revision.",
                after - before
            );
        }
        FaqAction::StructuredData { state: on } => {
            library.set_faq_structured_data(id, on)?;
            println!(
                "FAQ structured data is {} for {}.",
                if on { "on" } else { "off" },
                display_title(&article.meta.title)
            );
        }
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct FaqBlocksArgs {
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// Delete this shared block; articles that use it keep their copies.
    #[arg(long, value_name = "BLOCK")]
    delete: Option<i64>,
}

pub fn faq_blocks(context: &Context, args: FaqBlocksArgs) -> Result<()> {
    let mut library = context.library()?;
    if let Some(block) = args.delete {
        let uses = library.faq_block(FaqBlockId(block))?.uses;
        library.delete_faq_block(FaqBlockId(block))?;
        println!(
            "Deleted shared block #{block}; the {uses} articles that used it keep their copies."
        );
        return Ok(());
    }
    let blocks = library.faq_blocks()?;
    let mut out = std::io::stdout().lock();
    if args.json {
        writeln!(out, "{}", serde_json::to_string_pretty(&blocks)?)?;
        return Ok(());
    }
    if blocks.is_empty() {
        writeln!(
            out,
            "No shared FAQ blocks yet; `byline faq SLUG share N` makes one."
        )?;
    }
    for b in blocks {
        writeln!(out, "#{:<4} {}  (used by {})", b.id.0, b.question, b.uses)?;
    }
    Ok(())
}
