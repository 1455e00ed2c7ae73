//! The command line. Every subcommand is a few lines over `byline-core`;
//! anything longer belongs in the core.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use byline_core::markdown_file::{decode_markdown, read_markdown_file, MAX_FILE_BYTES};
use byline_core::model::UNTITLED;
use byline_core::{render, ArticleId, Library, Status};
use chrono::Local;
use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "byline",
    version,
    about = "Write articles in Markdown beside a live preview of the published page.",
    long_about = "Write articles in Markdown beside a live preview of the published page.\n\n\
        Run `byline` with no command to open the window. The commands below work on the \
        same library without a window, so they can be used in scripts.",
    after_help = "The library is one SQLite file. Unless --library or BYLINE_LIBRARY says \
        otherwise it lives in the platform's data directory (on Linux \
        ~/.local/share/byline/library.byline)."
)]
struct Cli {
    /// The library file to open (created if it does not exist).
    #[arg(long, global = true, env = "BYLINE_LIBRARY", value_name = "PATH")]
    library: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// List the articles, most recently edited first.
    List {
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
        /// List the articles in the trash instead.
        #[arg(long)]
        trash: bool,
    },
    /// Create an article; prints its id.
    New {
        /// Its title.
        #[arg(long, default_value = "")]
        title: String,
        /// A Markdown file to take the text from (`-` reads standard input).
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
    },
    /// Move an article through the workflow: draft, in-review, ready, published.
    Status {
        /// The article's id, as `byline list` shows it.
        id: i64,
        status: Status,
    },
    /// Move an article to the trash (it can be restored).
    Trash { id: i64 },
    /// Bring an article back from the trash.
    Restore { id: i64 },
    /// Search titles and bodies. Quote a phrase ("city council"); the last
    /// word also matches as a prefix; accents are optional.
    Search {
        query: String,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// At most this many results.
        #[arg(long, default_value_t = 20)]
        limit: usize,
    },
    /// Print the HTML that the preview shows for a Markdown file.
    Render {
        /// The Markdown file; `-` reads standard input.
        file: PathBuf,
    },
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line: the context chain joined, most general first.
            eprintln!("byline: {}", format!("{err:#}").replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.command {
        None => crate::app::run(library_path(cli.library)?),
        Some(Command::List { json, trash }) => list(&library_path(cli.library)?, json, trash),
        Some(Command::New { title, from }) => {
            let body = match from {
                Some(file) => read_markdown(&file)?,
                None => String::new(),
            };
            let article =
                Library::open(library_path(cli.library)?)?.create_article(&title, &body)?;
            println!("{}", article.id.0);
            Ok(())
        }
        Some(Command::Status { id, status }) => {
            let article =
                Library::open(library_path(cli.library)?)?.set_status(ArticleId(id), status)?;
            println!("{}: {}", display_title(&article.title), status.label());
            Ok(())
        }
        Some(Command::Trash { id }) => {
            let article = Library::open(library_path(cli.library)?)?.trash(ArticleId(id))?;
            println!(
                "Moved {} to the trash; `byline restore {id}` brings it back.",
                display_title(&article.title)
            );
            Ok(())
        }
        Some(Command::Restore { id }) => {
            let article = Library::open(library_path(cli.library)?)?.restore(ArticleId(id))?;
            println!("Restored {}.", display_title(&article.title));
            Ok(())
        }
        Some(Command::Search { query, json, limit }) => {
            search(&library_path(cli.library)?, &query, json, limit)
        }
        Some(Command::Render { file }) => render_file(&file),
    }
}

fn library_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
    match explicit {
        Some(path) if path.as_os_str().is_empty() => {
            anyhow::bail!("--library was given an empty path")
        }
        Some(path) => Ok(path),
        None => byline_core::location::default_library_path()
            .context("cannot find the platform's data directory; pass --library PATH"),
    }
}

fn display_title(title: &str) -> String {
    format!("“{}”", if title.is_empty() { UNTITLED } else { title })
}

fn list(path: &Path, json: bool, trash: bool) -> Result<()> {
    let library = Library::open(path)?;
    let articles = if trash {
        library.list_trash()?
    } else {
        library.list_articles()?
    };
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &articles)?;
        writeln!(out)?;
        return Ok(());
    }
    if articles.is_empty() && trash {
        writeln!(out, "The trash is empty.")?;
        return Ok(());
    }
    if articles.is_empty() {
        writeln!(
            out,
            "No articles yet in {}. Run `byline` to open the window and write one.",
            path.display()
        )?;
        return Ok(());
    }
    for a in &articles {
        let title = if a.title.is_empty() {
            UNTITLED
        } else {
            &a.title
        };
        let edited = a.updated_at.with_timezone(&Local).format("%Y-%m-%d %H:%M");
        writeln!(
            out,
            "{:>5}  {edited}  {:<9}  {:>7} {:<5}  {title}",
            a.id.0,
            a.status.label(),
            a.words,
            if a.words == 1 { "word" } else { "words" }
        )?;
    }
    Ok(())
}

fn search(path: &Path, query: &str, json: bool, limit: usize) -> Result<()> {
    let library = Library::open(path)?;
    let hits = library.search(query, limit)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &hits)?;
        writeln!(out)?;
        return Ok(());
    }
    if hits.is_empty() {
        writeln!(out, "No articles match {query:?}.")?;
        return Ok(());
    }
    // Hits in bold on a terminal; plain text when piped.
    let (bold, plain) = if out.is_terminal() {
        ("\x1b[1m", "\x1b[0m")
    } else {
        ("", "")
    };
    for hit in &hits {
        let title = if hit.article.title.is_empty() {
            UNTITLED
        } else {
            &hit.article.title
        };
        writeln!(out, "{:>5}  {title}", hit.article.id.0)?;
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

/// Reads a Markdown file, or standard input for `-`, with the core's checks.
fn read_markdown(file: &Path) -> Result<String> {
    if file == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)
            .context("cannot read standard input")?;
        Ok(decode_markdown(Path::new("standard input"), bytes)?)
    } else {
        Ok(read_markdown_file(file)?)
    }
}

fn render_file(file: &Path) -> Result<()> {
    let markdown = read_markdown(file)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", render::render(&markdown))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
