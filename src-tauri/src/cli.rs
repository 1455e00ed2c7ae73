//! The command line. Every subcommand is a few lines over `byline-core`;
//! anything longer belongs in the core.

use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use byline_core::domain::article::ArticleField;
use byline_core::domain::article::UNTITLED;
use byline_core::library::ListQuery;
use byline_core::transform::render;
use byline_core::usecases::markdown_file::{decode_markdown, read_markdown_file, MAX_FILE_BYTES};
use byline_core::{Article, Library, Status};
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

/// Commands that act on one article name it by its slug (as `byline list`
/// shows it) or by its number.
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
        /// Only articles with this status: draft, in-review, ready, published.
        #[arg(long, value_name = "STATUS")]
        status: Option<String>,
        /// Only articles with this tag.
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        /// Order: edited (newest first), title, or publish-date.
        #[arg(long, value_name = "ORDER", default_value = "edited")]
        sort: String,
    },
    /// Create an article; prints its slug.
    New {
        /// Its title.
        #[arg(long, default_value = "")]
        title: String,
        /// A Markdown file to take the text from (`-` reads standard input).
        #[arg(long, value_name = "FILE")]
        from: Option<PathBuf>,
    },
    /// Print an article: its metadata, then its Markdown.
    Show {
        /// The article's slug or number.
        article: String,
        /// Print JSON with every field instead.
        #[arg(long)]
        json: bool,
    },
    /// Set one metadata field: title, dek, slug, authors, tags, description,
    /// canonical, image or publish-date. Lists are comma-separated; an empty
    /// value clears the field (an empty slug follows the title again).
    Set {
        /// The article's slug or number.
        article: String,
        field: String,
        value: String,
    },
    /// Move an article through the workflow: draft, in-review, ready, published.
    Status {
        /// The article's slug or number.
        article: String,
        status: String,
    },
    /// Move an article to the trash (it can be restored).
    Trash {
        /// The article's slug or number.
        article: String,
    },
    /// Bring an article back from the trash, or, given a revision, put the
    /// article back to that revision (its current state is kept in history
    /// first).
    Restore {
        /// The article's slug or number.
        article: String,
        /// The revision number, as `byline history` lists it.
        revision: Option<u32>,
    },
    /// List an article's revisions, newest first.
    History {
        /// The article's slug or number.
        article: String,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Compare two revisions word by word (`now` for the current text).
    Diff {
        /// The article's slug or number.
        article: String,
        /// The older revision's number.
        from: u32,
        /// The newer revision's number, or `now`.
        #[arg(default_value = "now")]
        to: String,
    },
    /// Attach a correction note to a published article; it lists under the
    /// article as "Updates", with its time.
    Correct {
        /// The article's slug or number.
        article: String,
        note: String,
    },
    /// Keep the article's current state as a named revision.
    Snapshot {
        /// The article's slug or number.
        article: String,
        #[arg(long, default_value = "")]
        label: String,
    },
    /// Search titles, deks and bodies. Quote a phrase ("city council"); the last
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
    /// Copy an image into the library's asset store (stored once however
    /// often it is added); prints the Markdown that shows it.
    Image {
        /// A PNG, JPEG, GIF, WebP or AVIF file.
        file: PathBuf,
        /// Print JSON (path, type, size, whether it was new) instead.
        #[arg(long)]
        json: bool,
    },
    /// Work with an article's FAQ items (questions are numbered from 1, as
    /// `list` shows them).
    Faq {
        /// The article's slug or number.
        article: String,
        #[command(subcommand)]
        action: FaqAction,
    },
    /// List the library's shared FAQ blocks, which `byline faq SLUG
    /// use-shared` adds to an article.
    FaqBlocks {
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Delete this shared block; articles that use it keep their copies.
        #[arg(long, value_name = "BLOCK")]
        delete: Option<i64>,
    },
    /// Import Markdown files and folders (searched recursively; a folder
    /// with an index.md is a page bundle). YAML (---) and TOML (+++) front
    /// matter map to Byline's fields; keys it does not know are kept and
    /// written back by Markdown export. Importing a file again updates its
    /// article. Exits with 1 if any file failed.
    Import {
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
        /// `detect` turns a FAQ section at the end of a body into FAQ items;
        /// `keep` (the default) leaves the body as it is.
        #[arg(long, value_name = "MODE", default_value = "keep")]
        faq: String,
        /// All files or none: any bad file cancels the whole import.
        #[arg(long)]
        atomic: bool,
        /// Print the report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Export an article: html (a standalone page), fragment (its HTML
    /// alone), md-yaml, md-toml, json or text. Without -o it is printed;
    /// with -o the library images it shows are copied into an `assets`
    /// folder beside the file. With --site DIR, export every article (or
    /// those with --status) as a static site with an Atom feed instead.
    Export {
        /// The article's slug or number (not with --site).
        #[arg(required_unless_present = "site", conflicts_with = "site")]
        article: Option<String>,
        /// Build a static site in DIR (an index, a page per article, their
        /// images and feed.xml), replacing a previous export there.
        #[arg(long, value_name = "DIR")]
        site: Option<PathBuf>,
        /// With --site: only articles with this status.
        #[arg(long, value_name = "STATUS", requires = "site")]
        status: Option<String>,
        #[arg(long, short, value_name = "FORMAT", default_value = "html")]
        format: String,
        /// The file to write (replaced atomically).
        #[arg(long, short, value_name = "PATH")]
        output: Option<PathBuf>,
    },
    /// Mirror the library into a folder (one slug.md per article, YAML
    /// front matter) and keep both in step until interrupted: edits made
    /// there come in as revisions, new files as articles, deleted files
    /// send their article to the trash. The window uses the same folder
    /// when it opens this library.
    Mirror {
        /// The folder (created if missing).
        dir: PathBuf,
    },
    /// Print the HTML that the preview shows for a Markdown file.
    Render {
        /// The Markdown file; `-` reads standard input.
        file: PathBuf,
    },
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
    StructuredData { state: String },
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
    let Some(command) = cli.command else {
        return crate::app::run(library_path(cli.library)?);
    };
    let path = library_path(cli.library)?;
    match command {
        Command::List {
            json,
            trash,
            status,
            tag,
            sort,
        } => {
            let query = ListQuery {
                status: status.as_deref().map(str::parse).transpose()?,
                tag,
                sort: sort.parse()?,
                trash,
            };
            list(&path, &query, json)
        }
        Command::New { title, from } => {
            let body = match from {
                Some(file) => read_markdown(&file)?,
                None => String::new(),
            };
            let article = Library::open(path)?.create_article(&title, &body)?;
            println!("{}", article.slug);
            Ok(())
        }
        Command::Show { article, json } => {
            let library = Library::open(path)?;
            show(&library, &library.find(&article)?, json)
        }
        Command::Set {
            article,
            field,
            value,
        } => {
            let field: ArticleField = field.parse()?;
            let mut library = Library::open(path)?;
            let id = library.find(&article)?.id;
            let updated = library.set_field(id, field, &value)?;
            println!(
                "{}: {} is now {}",
                display_title(&updated.title),
                field.as_str(),
                field_value(&updated, field)
            );
            Ok(())
        }
        Command::Status { article, status } => {
            let status: Status = status.parse()?;
            let mut library = Library::open(path)?;
            let id = library.find(&article)?.id;
            let article = library.set_status(id, status)?;
            println!("{}: {}", display_title(&article.title), status.label());
            Ok(())
        }
        Command::Trash { article } => {
            let mut library = Library::open(path)?;
            let id = library.find(&article)?.id;
            let article = library.trash(id)?;
            println!(
                "Moved {} to the trash; `byline restore {}` brings it back.",
                display_title(&article.title),
                article.slug
            );
            Ok(())
        }
        Command::Restore {
            article,
            revision: Some(number),
        } => {
            let mut library = Library::open(path)?;
            let id = library.find(&article)?.id;
            let article = library.restore_revision(id, number)?;
            println!(
                "Restored {} to revision {number}; the text it replaced is kept in its history.",
                display_title(&article.title)
            );
            Ok(())
        }
        Command::History { article, json } => history(&path, &article, json),
        Command::Correct { article, note } => {
            let mut library = Library::open(path)?;
            let id = library.find(&article)?.id;
            library.add_correction(id, &note)?;
            let count = library.corrections(id)?.len();
            println!(
                "Added a correction; {} now lists {count} under \"Updates\".",
                display_title(&library.article(id)?.title)
            );
            Ok(())
        }
        Command::Diff { article, from, to } => diff(&path, &article, from, &to),
        Command::Snapshot { article, label } => {
            let mut library = Library::open(path)?;
            let id = library.find(&article)?.id;
            let info = library.snapshot(id, &label)?;
            println!("Kept revision {}.", info.number);
            Ok(())
        }
        Command::Restore {
            article,
            revision: None,
        } => {
            let mut library = Library::open(path)?;
            let id = library.find(&article)?.id;
            let article = library.restore(id)?;
            println!("Restored {}.", display_title(&article.title));
            Ok(())
        }
        Command::Search { query, json, limit } => search(&path, &query, json, limit),
        Command::Image { file, json } => add_image(&path, &file, json),
        Command::Faq { article, action } => faq(&path, &article, action),
        Command::FaqBlocks {
            delete: Some(block),
            ..
        } => {
            let mut library = Library::open(path)?;
            let uses = library
                .faq_block(byline_core::domain::faq::FaqBlockId(block))?
                .uses;
            library.delete_faq_block(byline_core::domain::faq::FaqBlockId(block))?;
            println!("Deleted shared block #{block}; the {uses} articles that used it keep their copies.");
            Ok(())
        }
        Command::FaqBlocks { json, .. } => faq_blocks(&path, json),
        Command::Import {
            paths,
            faq,
            atomic,
            json,
        } => import(&path, &paths, &faq, atomic, json),
        Command::Export {
            site: Some(dir),
            status,
            ..
        } => export_site(&path, &dir, status.as_deref()),
        Command::Export {
            article,
            format,
            output,
            ..
        } => export(
            &path,
            article.as_deref().unwrap_or_default(),
            &format,
            output.as_deref(),
        ),
        Command::Mirror { dir } => mirror(&path, &dir),
        Command::Render { file } => render_file(&file),
    }
}

fn faq(library: &Path, article: &str, action: FaqAction) -> Result<()> {
    use byline_core::domain::faq::{FaqItem, QuestionAnswer};
    use byline_core::transform::faq::FaqView;
    let mut library = Library::open(library)?;
    let article = library.find(article)?;
    let id = article.id;
    // Items are numbered from 1 on the command line.
    let item = |n: u32| -> Result<&FaqItem> {
        n.checked_sub(1)
            .and_then(|i| article.faq.get(i as usize))
            .ok_or_else(|| {
                anyhow::anyhow!(
                    "{} has no FAQ item {n}; it has {}",
                    display_title(&article.title),
                    article.faq.len()
                )
            })
    };
    let position = |at: Option<u32>| at.map(|n| n.saturating_sub(1));
    match action {
        FaqAction::List { json } => {
            let view = FaqView::new(&article, &library.site_settings()?, None);
            let mut out = std::io::stdout().lock();
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&view)?)?;
                return Ok(());
            }
            if view.items.is_empty() {
                writeln!(out, "{} has no FAQ items.", display_title(&article.title))?;
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
            Ok(())
        }
        FaqAction::Add {
            question,
            answer,
            at,
        } => {
            library.add_faq_item(id, &QuestionAnswer::new(question, answer), position(at))?;
            println!(
                "Added; {} now has {} FAQ items.",
                display_title(&article.title),
                article.faq.len() + 1
            );
            Ok(())
        }
        FaqAction::Edit {
            item: n,
            question,
            answer,
        } => {
            if question.is_none() && answer.is_none() {
                anyhow::bail!("nothing to change; give --question, --answer or both");
            }
            let current = item(n)?;
            let text = QuestionAnswer::new(
                question.unwrap_or_else(|| current.question.clone()),
                answer.unwrap_or_else(|| current.answer.clone()),
            );
            let shared = current.shared;
            library.update_faq_item(current.id, &text)?;
            match shared {
                Some(block) => {
                    let uses = library.faq_block(block)?.uses;
                    println!("Changed FAQ item {n}, a shared block used by {uses} articles.");
                }
                None => println!("Changed FAQ item {n}."),
            }
            Ok(())
        }
        FaqAction::Move { item: n, to } => {
            library.move_faq_item(item(n)?.id, to.saturating_sub(1))?;
            println!(
                "Moved FAQ item {n} to {}.",
                to.max(1).min(article.faq.len() as u32)
            );
            Ok(())
        }
        FaqAction::Remove { item: n } => {
            let removed = library.remove_faq_item(item(n)?.id)?;
            println!("Removed “{}”.", removed.question);
            Ok(())
        }
        FaqAction::Share { item: n } => {
            let block = library.share_faq_item(item(n)?.id)?;
            println!(
                "FAQ item {n} is shared block #{}; `byline faq OTHER use-shared {}` adds it elsewhere.",
                block.id.0, block.id.0
            );
            Ok(())
        }
        FaqAction::Detach { item: n } => {
            library.detach_faq_item(item(n)?.id)?;
            println!("FAQ item {n} is now this article's own copy.");
            Ok(())
        }
        FaqAction::UseShared { block, at } => {
            let item = library.insert_faq_block(
                id,
                byline_core::domain::faq::FaqBlockId(block),
                position(at),
            )?;
            println!("Added shared block #{block}: “{}”.", item.question);
            Ok(())
        }
        FaqAction::Convert => {
            let before = article.faq.len();
            let after = library.convert_faq_section(id)?.faq.len();
            println!(
                "Converted the FAQ section into {} FAQ items; the text before is kept as a revision.",
                after - before
            );
            Ok(())
        }
        FaqAction::StructuredData { state } => {
            let on = match state.to_ascii_lowercase().as_str() {
                "on" | "yes" | "true" => true,
                "off" | "no" | "false" => false,
                other => anyhow::bail!("{other:?} is not on or off"),
            };
            library.set_faq_structured_data(id, on)?;
            println!(
                "FAQ structured data is {} for {}.",
                if on { "on" } else { "off" },
                display_title(&article.title)
            );
            Ok(())
        }
    }
}

fn faq_blocks(library: &Path, json: bool) -> Result<()> {
    let blocks = Library::open(library)?.faq_blocks()?;
    let mut out = std::io::stdout().lock();
    if json {
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

fn import(library: &Path, paths: &[PathBuf], faq: &str, atomic: bool, json: bool) -> Result<()> {
    use byline_core::usecases::import::{FaqImport, ImportOptions, ImportOutcome};
    let faq = match faq.to_ascii_lowercase().as_str() {
        "keep" => FaqImport::Keep,
        "detect" => FaqImport::Detect,
        other => anyhow::bail!("--faq {other:?} is not a mode; use keep or detect"),
    };
    let report = Library::open(library)?.import_paths(paths, ImportOptions { faq, atomic })?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        for f in &report.files {
            match f.outcome {
                ImportOutcome::Failed => {
                    let why = f.error.as_ref().map_or("", |e| e.message.as_str());
                    // Most file errors already name the file.
                    if why.contains(&f.path) {
                        writeln!(out, "failed   {why}")?;
                    } else {
                        writeln!(out, "failed   {}: {why}", f.path)?;
                    }
                    continue;
                }
                ImportOutcome::RolledBack => {
                    writeln!(
                        out,
                        "not imported {} (another file failed; --atomic)",
                        f.path
                    )?;
                    continue;
                }
                ImportOutcome::Created => writeln!(out, "created  {} → {}", f.path, f.slug)?,
                ImportOutcome::Updated => writeln!(out, "updated  {} → {}", f.path, f.slug)?,
            }
            if !f.mapping.mapped.is_empty() {
                writeln!(out, "         mapped: {}", f.mapping.mapped.join(", "))?;
            }
            if !f.mapping.kept.is_empty() {
                writeln!(out, "         kept: {}", f.mapping.kept.join(", "))?;
            }
            if !f.mapping.skipped.is_empty() {
                writeln!(out, "         skipped: {}", f.mapping.skipped.join("; "))?;
            }
            if f.images > 0 || f.faq_items > 0 {
                writeln!(
                    out,
                    "         {} images copied, {} FAQ items",
                    f.images, f.faq_items
                )?;
            }
        }
    }
    out.flush()?;
    if report.failed > 0 {
        anyhow::bail!(
            "{} of {} files could not be imported{}",
            report.failed,
            report.files.len(),
            if atomic {
                "; nothing was imported (--atomic)"
            } else {
                ""
            }
        );
    }
    Ok(())
}

fn export(library: &Path, article: &str, format: &str, output: Option<&Path>) -> Result<()> {
    use byline_core::transform::export::Format;
    let format: Format = format.parse()?;
    let mut library = Library::open(library)?;
    let id = library.find(article)?.id;
    let Some(output) = output else {
        let exported = library.export_article(id, format)?;
        for warning in &exported.warnings {
            eprintln!("warning: {warning}");
        }
        std::io::stdout()
            .lock()
            .write_all(exported.content.as_bytes())?;
        return Ok(());
    };
    let written = library.export_to_file(id, format, output)?;
    for warning in &written.warnings {
        eprintln!("warning: {warning}");
    }
    println!(
        "Wrote {}{}.",
        written.path,
        match written.assets {
            0 => String::new(),
            n => format!(" and {n} images in assets/"),
        }
    );
    Ok(())
}

fn export_site(library: &Path, dir: &Path, status: Option<&str>) -> Result<()> {
    let status: Option<Status> = status.map(str::parse).transpose()?;
    let report = Library::open(library)?.export_site(dir, status)?;
    for warning in &report.warnings {
        eprintln!("warning: {warning}");
    }
    println!(
        "Exported {} articles and {} images to {} ({:.1} KB), with feed.xml.",
        report.articles,
        report.assets,
        report.dir,
        report.bytes as f64 / 1024.0
    );
    Ok(())
}

/// Prints what the mirror does, one line each, as it happens.
struct PrintHooks;

impl byline_core::usecases::mirror_watcher::MirrorHooks for PrintHooks {
    fn changed(&self, change: &byline_core::usecases::mirror_rules::MirrorChange) {
        use byline_core::usecases::mirror_rules::MirrorChangeKind as K;
        let what = match change.kind {
            K::Written => "wrote",
            K::MovedToTrash => "moved to the trash folder",
            K::ExternalEdit => "read an edit from",
            K::Created => "new article from",
            K::Trashed => "deleted, article trashed:",
            K::Conflict => "CONFLICT (both changed; see `byline history`):",
        };
        println!("{what} {}", change.file);
    }

    fn failed(&self, message: String) {
        eprintln!("byline: {message}");
    }
}

fn mirror(library: &Path, dir: &Path) -> Result<()> {
    let watcher =
        byline_core::usecases::mirror_watcher::MirrorWatcher::start(library, dir, PrintHooks)?;
    println!(
        "Mirroring into {}; press Ctrl+C to stop.",
        watcher.folder().display()
    );
    watcher.wait();
    Ok(())
}

fn history(library: &Path, article: &str, json: bool) -> Result<()> {
    let library = Library::open(library)?;
    let id = library.find(article)?.id;
    let revisions = library.history(id)?;
    let mut out = std::io::stdout().lock();
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&revisions)?)?;
        return Ok(());
    }
    if revisions.is_empty() {
        writeln!(out, "No revisions yet.")?;
    }
    for r in revisions {
        let at = r.at.with_timezone(&chrono::Local).format("%Y-%m-%d %H:%M");
        let what = &r.kind_label;
        let label = r
            .label
            .as_deref()
            .map(|l| format!("  {l}"))
            .unwrap_or_default();
        writeln!(
            out,
            "{:>4}  {at}  {what:<14} {:>7} words ({:+}){label}",
            r.number, r.words, r.words_delta
        )?;
    }
    Ok(())
}

fn diff(library: &Path, article: &str, from: u32, to: &str) -> Result<()> {
    let library = Library::open(library)?;
    let id = library.find(article)?.id;
    let to = match to {
        "now" | "current" => None,
        n => Some(n.parse::<u32>().map_err(|_| {
            anyhow::anyhow!(
                "{n:?} is not a revision number; use a number from `byline history` or `now`"
            )
        })?),
    };
    let comparison = library.compare_revisions(id, from, to)?;
    let mut out = std::io::stdout().lock();
    for f in &comparison.fields {
        writeln!(out, "{}: {:?} → {:?}", f.field, f.before, f.after)?;
    }
    if !comparison.fields.is_empty() {
        writeln!(out)?;
    }
    use byline_core::transform::diff::DiffKind;
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

fn add_image(library: &Path, file: &Path, json: bool) -> Result<()> {
    let size = std::fs::metadata(file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    // Refused before reading, so a huge file is never loaded.
    if size > byline_core::library::MAX_IMAGE_BYTES as u64 {
        anyhow::bail!(
            "{} is {:.1} MB; images are limited to {} MB",
            file.display(),
            size as f64 / 1_048_576.0,
            byline_core::library::MAX_IMAGE_BYTES / 1_048_576
        );
    }
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let stored = Library::open(library)?.store_image(&name, &bytes)?;
    if json {
        println!("{}", serde_json::to_string_pretty(&stored)?);
    } else {
        println!("{}", stored.markdown);
    }
    Ok(())
}

fn library_path(explicit: Option<PathBuf>) -> Result<PathBuf> {
    match explicit {
        Some(path) if path.as_os_str().is_empty() => {
            anyhow::bail!("--library was given an empty path")
        }
        Some(path) => Ok(path),
        None => byline_core::usecases::location::default_library_path()
            .context("cannot find the platform's data directory; pass --library PATH"),
    }
}

fn display_title(title: &str) -> String {
    format!("“{}”", if title.is_empty() { UNTITLED } else { title })
}

fn list(path: &Path, query: &ListQuery, json: bool) -> Result<()> {
    let library = Library::open(path)?;
    let articles = library.list(query)?;
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, &articles)?;
        writeln!(out)?;
        return Ok(());
    }
    if articles.is_empty() {
        let filtered = query.status.is_some() || query.tag.is_some();
        let message = match (query.trash, filtered) {
            (true, false) => "The trash is empty.".to_string(),
            (_, true) => "No articles match these filters.".to_string(),
            (false, false) => format!(
                "No articles yet in {}. Run `byline` to open the window and write one.",
                path.display()
            ),
        };
        writeln!(out, "{message}")?;
        return Ok(());
    }
    for a in &articles {
        let title = if a.title.is_empty() {
            UNTITLED
        } else {
            &a.title
        };
        let edited = a.updated_at.with_timezone(&Local).format("%Y-%m-%d %H:%M");
        let tags: String = a.tags.iter().map(|t| format!("  #{t}")).collect();
        writeln!(
            out,
            "{:<24}  {edited}  {:<9}  {:>7} {:<5}  {title}{tags}",
            a.slug,
            a.status.label(),
            a.words,
            if a.words == 1 { "word" } else { "words" }
        )?;
    }
    Ok(())
}

fn show(library: &Library, article: &Article, json: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    if json {
        serde_json::to_writer_pretty(&mut out, article)?;
        writeln!(out)?;
        return Ok(());
    }
    writeln!(out, "{}", display_title(&article.title))?;
    if !article.dek.is_empty() {
        writeln!(out, "{}", article.dek)?;
    }
    writeln!(out)?;
    let since = library
        .status_history(article.id)?
        .last()
        .map(|c| {
            format!(
                " since {}",
                c.changed_at.with_timezone(&Local).format("%Y-%m-%d %H:%M")
            )
        })
        .unwrap_or_default();
    let trashed = if article.trashed_at.is_some() {
        " (in the trash)"
    } else {
        ""
    };
    writeln!(
        out,
        "{:<14}{}{since}{trashed}",
        "status",
        article.status.label()
    )?;
    for field in ArticleField::ALL
        .into_iter()
        .filter(|f| *f != ArticleField::Title && *f != ArticleField::Dek)
    {
        writeln!(out, "{:<14}{}", field.as_str(), field_value(article, field))?;
    }
    writeln!(out, "{:<14}{}", "words", article.words)?;
    writeln!(
        out,
        "{:<14}{}",
        "edited",
        article
            .updated_at
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M")
    )?;
    writeln!(out, "\n{}", article.body)?;
    Ok(())
}

/// A field's value as `show` and `set` print it; "—" for an empty one.
fn field_value(article: &Article, field: ArticleField) -> String {
    let value = match field {
        ArticleField::Title => article.title.clone(),
        ArticleField::Dek => article.dek.clone(),
        ArticleField::Slug if article.slug_is_custom => article.slug.clone(),
        ArticleField::Slug => format!("{} (from the title)", article.slug),
        ArticleField::Authors => article.authors.join(", "),
        ArticleField::Tags => article.tags.join(", "),
        ArticleField::MetaDescription if article.meta_description.is_empty() => String::new(),
        ArticleField::MetaDescription => format!(
            "{} ({} characters)",
            article.meta_description,
            article.meta_description.chars().count()
        ),
        ArticleField::CanonicalUrl => article.canonical_url.clone(),
        ArticleField::FeaturedImage => article.featured_image.clone(),
        ArticleField::PublishAt => article
            .publish_at
            .map(|t| t.with_timezone(&Local).format("%Y-%m-%d %H:%M").to_string())
            .unwrap_or_default(),
    };
    if value.is_empty() {
        "—".to_string()
    } else {
        value
    }
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
        writeln!(out, "{}  {title}", hit.article.slug)?;
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
