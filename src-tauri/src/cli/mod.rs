//! The command line: the clap definition's root and the dispatch. Each
//! command group (its arguments and what it runs) has a file of its own;
//! every command is a few lines over `byline-core`, and anything longer
//! belongs in the core.

mod accounts;
mod articles;
mod backups;
mod checks;
mod context;
mod corrections;
mod display;
mod export;
mod faq;
mod images;
mod import;
mod manual;
mod metadata;
mod mirror;
mod open_file;
mod publish;
mod render;
mod revisions;
mod site;
mod workflow;

use std::error::Error as _;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use clap::error::ErrorKind;
use clap::{Parser, Subcommand};

use context::Context;

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

    /// A library file to open in the window, as --library does (what a
    /// file manager runs when a .byline file is double-clicked).
    #[arg(
        value_name = "FILE.byline",
        value_parser = open_file::library_file,
        value_hint = clap::ValueHint::FilePath
    )]
    file: Option<PathBuf>,

    #[command(subcommand)]
    command: Option<Command>,
}

/// Commands that act on one article name it by its slug (as `byline list`
/// shows it) or by its number.
#[derive(Debug, Subcommand)]
enum Command {
    /// List the articles, most recently edited first.
    List(articles::ListArgs),
    /// Create an article; prints its slug.
    New(articles::NewArgs),
    /// Print an article: its metadata, then its Markdown.
    Show(articles::ShowArgs),
    /// Set one metadata field: title, dek, slug, authors, tags, description,
    /// canonical, image, publish-date or word_target (a goal in words, shown
    /// in the window's status bar). Lists are comma-separated; an empty
    /// value clears the field (an empty slug follows the title again).
    Set(metadata::SetArgs),
    /// Move an article through the workflow: draft, in-review, ready, published.
    Status(workflow::StatusArgs),
    /// Move an article to the trash (it can be restored).
    Trash(workflow::TrashArgs),
    /// Bring an article back from the trash, or, given a revision, put the
    /// article back to that revision (its current state is kept in history
    /// first).
    Restore(workflow::RestoreArgs),
    /// List an article's revisions, newest first.
    History(revisions::HistoryArgs),
    /// Compare two revisions word by word (`now` for the current text).
    Diff(revisions::DiffArgs),
    /// Attach a correction note to a published article; it lists under the
    /// article as "Updates", with its time.
    Correct(corrections::CorrectArgs),
    /// List an article's corrections, or edit one (`edit N NOTE`); an edit
    /// keeps the correction's time and is dated itself.
    Corrections(corrections::CorrectionsArgs),
    /// Keep the article's current state as a named revision.
    Snapshot(revisions::SnapshotArgs),
    /// Search titles, deks, bodies, FAQ text and tags (`tag:NAME` for tags
    /// alone). Quote a phrase ("city council"); the last word also matches as
    /// a prefix; accents are optional.
    Search(articles::SearchArgs),
    /// Copy an image into the library's asset store (stored once however
    /// often it is added); prints the Markdown that shows it.
    Image(images::ImageArgs),
    /// Work with an article's FAQ items (questions are numbered from 1, as
    /// `list` shows them).
    Faq(faq::FaqArgs),
    /// List the library's shared FAQ blocks, which `byline faq SLUG
    /// use-shared` adds to an article.
    FaqBlocks(faq::FaqBlocksArgs),
    /// Import Markdown files and folders (searched recursively; a folder
    /// with an index.md is a page bundle). YAML (---) and TOML (+++) front
    /// matter map to Byline's fields; keys it does not know are kept and
    /// written back by Markdown export. Importing a file again updates its
    /// article. Exits with 1 if any file failed.
    Import(import::ImportArgs),
    /// Export an article: html (a standalone page), fragment (its HTML
    /// alone), md-yaml, md-toml, json or text. Without -o it is printed;
    /// with -o the library images it shows are copied into an `assets`
    /// folder beside the file. With --site DIR, export every article (or
    /// those with --status) as a static site with an Atom feed instead.
    Export(export::ExportArgs),
    /// Mirror the library into a folder (one slug.md per article, YAML
    /// front matter) and keep both in step until interrupted: edits made
    /// there come in as revisions, new files as articles, deleted files
    /// send their article to the trash. The window uses the same folder
    /// when it opens this library.
    Mirror(mirror::MirrorArgs),
    /// Print the HTML that the preview shows for a Markdown file.
    Render(render::RenderArgs),
    /// Back the library up now (SQLite's online backup, checked when made)
    /// into its backup folder, which keeps every backup of the last day and
    /// one a day for a week before that.
    Backup(backups::BackupArgs),
    /// List the library's backups (time, size, why, path), newest first;
    /// `restore BACKUP` puts one back, `folder [DIR]` says or sets where
    /// they go.
    Backups(backups::BackupsArgs),
    /// Check the library: the file's integrity, the search index against
    /// the articles, every revision against its checksum, every image an
    /// article shows. Exits with 1 on a problem.
    Doctor(backups::DoctorArgs),
    /// Show the site settings (the publication's name and address, its
    /// language, the FAQ defaults, the boilerplate, smart quotes, spelling,
    /// images from other sites), or `set SETTING VALUE` one of them.
    Site(site::SiteArgs),
    /// Print a completion script for a shell (bash, zsh, fish…), e.g.
    /// `byline completions bash > /usr/share/bash-completion/completions/byline`.
    Completions(manual::CompletionsArgs),
    /// Print the manual page, byline(1), with a section per command.
    Man,
    /// Run the pre-publish checks: title, description, images, headings,
    /// links, footnotes, FAQ, structured data, the text itself. Prints one
    /// finding a line (`SLUG:LINE:COLUMN: severity [code] message`); exits
    /// with 1 when there are errors. `--file` checks Markdown files instead,
    /// for CI over exported posts; `--list` names every check.
    Check(checks::CheckArgs),
    /// List, add or remove publishing accounts (Ghost, WordPress,
    /// Micropub). A secret is read from standard input and kept in the
    /// system keyring, never in the library.
    Accounts(accounts::AccountsArgs),
    /// Publish an article to a publishing account (WordPress or Ghost):
    /// images uploaded once, the same post updated the next time, and an
    /// edit made on the site since Byline last sent stops the update
    /// (--compare shows it, --pull takes it in as a new revision,
    /// --overwrite replaces it). Prints the post's address.
    Publish(publish::PublishArgs),
    /// Take a published article back to a draft on the site.
    Unpublish(publish::UnpublishArgs),
}

/// A value a typed argument refuses, in the words the refusal is printed
/// with. The core's own `FromStr` refusals are its `Error`.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct Refused(pub String);

pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => return parse_failure(err),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            // One line: the context chain joined, most general first.
            eprintln!("byline: {}", format!("{err:#}").replace('\n', " "));
            ExitCode::FAILURE
        }
    }
}

/// A value that Byline's own rules refuse (a status, a field, a format) is
/// reported like every other refusal: one line and exit code 1. Everything
/// else (usage, `--help`, `--version`, a number that is not one) is clap's
/// to print, with its exit code.
fn parse_failure(err: clap::Error) -> ExitCode {
    if err.kind() == ErrorKind::ValueValidation {
        let reason = err.source().and_then(|source| {
            source
                .downcast_ref::<byline_core::Error>()
                .map(ToString::to_string)
                .or_else(|| source.downcast_ref::<Refused>().map(ToString::to_string))
        });
        if let Some(reason) = reason {
            eprintln!("byline: {}", reason.replace('\n', " "));
            return ExitCode::FAILURE;
        }
        // Not a command and not a library file: a usage error, as clap
        // reports an unknown command.
        if let Some(not_a_library) = err
            .source()
            .and_then(|source| source.downcast_ref::<open_file::NotALibrary>())
        {
            eprintln!("byline: {not_a_library}");
            return ExitCode::from(2);
        }
    }
    err.exit()
}

fn run(cli: Cli) -> Result<()> {
    if let (Some(file), Some(_)) = (&cli.file, &cli.command) {
        anyhow::bail!(
            "{} is opened in the window, not with a command; to run a command on it, use --library {}",
            file.display(),
            file.display()
        );
    }
    let context = Context::new(cli.file.or(cli.library))?;
    let Some(command) = cli.command else {
        return crate::app::run(context.into_path());
    };
    let c = &context;
    match command {
        Command::List(args) => articles::list(c, args),
        Command::New(args) => articles::new(c, args),
        Command::Show(args) => articles::show(c, args),
        Command::Search(args) => articles::search(c, args),
        Command::Set(args) => metadata::set(c, args),
        Command::Status(args) => workflow::status(c, args),
        Command::Trash(args) => workflow::trash(c, args),
        Command::Restore(workflow::RestoreArgs {
            article,
            revision: None,
        }) => workflow::restore(c, &article),
        Command::Restore(workflow::RestoreArgs {
            article,
            revision: Some(number),
        }) => revisions::restore(c, &article, number),
        Command::History(args) => revisions::history(c, args),
        Command::Diff(args) => revisions::diff(c, args),
        Command::Snapshot(args) => revisions::snapshot(c, args),
        Command::Correct(args) => corrections::correct(c, args),
        Command::Corrections(args) => corrections::corrections(c, args),
        Command::Image(args) => images::image(c, args),
        Command::Faq(args) => faq::faq(c, args),
        Command::FaqBlocks(args) => faq::faq_blocks(c, args),
        Command::Import(args) => import::import(c, args),
        Command::Export(args) => export::export(c, args),
        Command::Mirror(args) => mirror::mirror(c, args),
        Command::Render(args) => render::render(args),
        Command::Backup(args) => backups::backup(c, args),
        Command::Backups(args) => backups::backups(c, args),
        Command::Doctor(args) => backups::doctor(c, args),
        Command::Site(args) => site::site(c, args),
        Command::Completions(args) => manual::completions(args),
        Command::Man => manual::man(),
        Command::Check(args) => checks::check(c, args),
        Command::Accounts(args) => accounts::accounts(c, args),
        Command::Publish(args) => publish::publish(c, args),
        Command::Unpublish(args) => publish::unpublish(c, args),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_cli_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    /// Parses a command line as `byline` would, without running it.
    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("byline").chain(args.iter().copied()))
    }

    #[test]
    fn a_refused_value_carries_byline_s_reason() {
        for (args, reason) in [
            (
                &["list", "--status", "live"][..],
                "\"live\" is not a status",
            ),
            (&["list", "--sort", "size"], "\"size\" is not a sort order"),
            (&["set", "x", "colour", "blue"], "\"colour\" is not a field"),
            (
                &["export", "x", "--format", "pdf"],
                "\"pdf\" is not a format",
            ),
            (
                &["diff", "x", "1", "later"],
                "\"later\" is not a revision number",
            ),
            (
                &["import", "--faq", "guess", "a.md"],
                "--faq \"guess\" is not a mode",
            ),
            (
                &[
                    "accounts",
                    "add",
                    "x",
                    "--kind",
                    "blogger",
                    "--site",
                    "https://x.org",
                ],
                "\"blogger\" is not one",
            ),
            (
                &["faq", "x", "structured-data", "maybe"],
                "\"maybe\" is not on or off",
            ),
        ] {
            let err = parse(args).expect_err(&format!("{args:?} should be refused"));
            assert_eq!(err.kind(), ErrorKind::ValueValidation, "{args:?}");
            let source = err.source().expect("the reason").to_string();
            assert!(source.contains(reason), "{args:?}: {source}");
        }
        // A number that is not one stays clap's usage error.
        let err = parse(&["restore", "x", "two"]).expect_err("not a number");
        assert!(err.source().unwrap().downcast_ref::<Refused>().is_none());
    }
}
