//! `list`, `search`, `new` and `show`: finding, creating and reading articles.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Result;
use byline_core::domain::article::ArticleField;
use byline_core::library::{ListQuery, SortKey};
use byline_core::{Article, Library, Status};
use clap::Args;

use super::context::{read_markdown, Context};
use super::display::{display_title, field_value, list_title, local_time};

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Print JSON instead of a table.
    #[arg(long)]
    json: bool,
    /// List the articles in the trash instead.
    #[arg(long)]
    trash: bool,
    /// Only articles with this status: draft, in-review, ready, published.
    #[arg(long, value_name = "STATUS")]
    status: Option<Status>,
    /// Only articles with this tag.
    #[arg(long, value_name = "TAG")]
    tag: Option<String>,
    /// Order: edited (newest first), title, or publish-date.
    #[arg(long, value_name = "ORDER", default_value = "edited")]
    sort: SortKey,
    /// At most N articles (a page of the list).
    #[arg(long, value_name = "N")]
    limit: Option<u32>,
    /// Skip the first N articles of the list.
    #[arg(long, value_name = "N")]
    offset: Option<u32>,
}

pub fn list(context: &Context, args: ListArgs) -> Result<()> {
    let query = ListQuery {
        status: args.status,
        tag: args.tag,
        sort: args.sort,
        trash: args.trash,
        limit: args.limit,
        offset: args.offset,
    };
    let articles = context.library()?.list(&query)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &articles)?;
        writeln!(out)?;
        return Ok(());
    }
    if articles.is_empty() && query.offset.unwrap_or(0) > 0 {
        writeln!(out, "No more articles.")?;
        return Ok(());
    }
    if articles.is_empty() {
        let filtered = query.status.is_some() || query.tag.is_some();
        let message = match (query.trash, filtered) {
            (true, false) => "The trash is empty.".to_string(),
            (_, true) => "No articles match these filters.".to_string(),
            (false, false) => format!(
                "No articles yet in {}. Run `byline` to open the window and write one.",
                context.path().display()
            ),
        };
        writeln!(out, "{message}")?;
        return Ok(());
    }
    for a in &articles {
        let tags: String = a.tags.iter().map(|t| format!("  #{t}")).collect();
        writeln!(
            out,
            "{:<24}  {}  {:<9}  {:>7} {:<5}  {}{tags}",
            a.slug,
            local_time(&a.updated_at),
            a.status.label(),
            a.words,
            if a.words == 1 { "word" } else { "words" },
            list_title(&a.title),
        )?;
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    query: String,
    /// Print JSON instead of text.
    #[arg(long)]
    json: bool,
    /// At most this many results.
    #[arg(long, default_value_t = 20)]
    limit: usize,
}

pub fn search(context: &Context, args: SearchArgs) -> Result<()> {
    let hits = context.library()?.search(&args.query, args.limit)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &hits)?;
        writeln!(out)?;
        return Ok(());
    }
    if hits.is_empty() {
        writeln!(out, "No articles match {:?}.", args.query)?;
        return Ok(());
    }
    // Hits in bold on a terminal; plain text when piped.
    let (bold, plain) = if out.is_terminal() {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    for hit in &hits {
        writeln!(
            out,
            "{}  {}",
            hit.article.slug,
            list_title(&hit.article.title)
        )?;
        let snippet: String = hit
            .snippet
            .iter()
            .map(|p| {
                if p.hit {
                    format!("{bold}{}{plain}", p.text)
                } else {
                    p.text.clone()
                }
            })
            .collect();
        writeln!(
            out,
            "       {}",
            snippet.split_whitespace().collect::<Vec<_>>().join(" ")
        )?;
    }
    Ok(())
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// Its title.
    #[arg(long, default_value = "")]
    title: String,
    /// A Markdown file to take the text from (`-` reads standard input).
    #[arg(long, value_name = "FILE")]
    from: Option<PathBuf>,
}

pub fn new(context: &Context, args: NewArgs) -> Result<()> {
    let body = match args.from {
        Some(file) => read_markdown(&file)?,
        None => String::new(),
    };
    let article = context.library()?.create_article(&args.title, &body)?;
    println!("{}", article.meta.slug);
    Ok(())
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// The article's slug or number.
    article: String,
    /// Print JSON with every field instead.
    #[arg(long)]
    json: bool,
}

pub fn show(context: &Context, args: ShowArgs) -> Result<()> {
    let (library, article) = context.article(&args.article)?;
    let mut out = std::io::stdout().lock();
    if args.json {
        serde_json::to_writer_pretty(&mut out, &article)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}", display_title(&article.meta.title))?;
    if !article.meta.dek.is_empty() {
        writeln!(out, "{}", article.meta.dek)?;
    }
    writeln!(out)?;
    writeln!(
        out,
        "{:<14}{}{}{}",
        "status",
        article.status.label(),
        status_since(&library, &article)?,
        if article.trashed_at.is_some() {
            " (in the trash)"
        } else {
            ""
        }
    )?;
    for field in ArticleField::ALL
        .into_iter()
        .filter(|f| *f != ArticleField::Title && *f != ArticleField::Dek)
    {
        writeln!(
            out,
            "{:<14}{}",
            field.as_str(),
            field_value(&article, field)
        )?;
    }
    writeln!(out, "{:<14}{}", "words", article.words)?;
    writeln!(out, "{:<14}{}", "edited", local_time(&article.updated_at))?;
    writeln!(out, "\n{}", article.body)?;
    Ok(())
}

/// " since <time>" for the article's last status change, if it has one.
fn status_since(library: &Library, article: &Article) -> Result<String> {
    Ok(library
        .status_history(article.id)?
        .last()
        .map(|c| format!(" since {}", local_time(&c.changed_at)))
        .unwrap_or_default())
}
