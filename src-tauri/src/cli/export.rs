//! `export`: one article in a format, printed or written with its images,
//! or every article (of a status) as a static site.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::Result;
use byline_core::transform::export::Format;
use byline_core::Status;
use clap::Args;

use super::context::Context;

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The article's slug or number (not with --site).
    #[arg(required_unless_present = "site", conflicts_with = "site")]
    article: Option<String>,
    /// Build a static site in DIR (an index, a page per article, their
    /// images and feed.xml) of the published articles, rewriting the files
    /// of a previous export there and keeping everything else.
    #[arg(long, value_name = "DIR")]
    site: Option<PathBuf>,
    /// With --site: the articles with this status instead of the published.
    #[arg(long, value_name = "STATUS", requires = "site", conflicts_with = "all")]
    status: Option<Status>,
    /// With --site: every article, drafts included.
    #[arg(long, requires = "site")]
    all: bool,
    #[arg(long, short, value_name = "FORMAT", default_value = "html")]
    format: Format,
    /// The file to write (replaced atomically).
    #[arg(long, short, value_name = "PATH")]
    output: Option<PathBuf>,
}

pub fn export(context: &Context, args: ExportArgs) -> Result<()> {
    if let Some(dir) = &args.site {
        // Published only unless asked: the window's default too, and what
        // a site is for.
        let status = match (args.all, args.status) {
            (true, _) => None,
            (false, status) => Some(status.unwrap_or(Status::Published)),
        };
        return export_site(context, dir, status);
    }
    // clap requires the article whenever --site is absent.
    let article = args.article.as_deref().unwrap_or_default();
    let (mut library, article) = context.article(article)?;
    let Some(output) = args.output else {
        let exported = library.export_article(article.id, args.format)?;
        for warning in &exported.warnings {
            eprintln!("warning: {warning}");
        }
        std::io::stdout()
            .lock()
            .write_all(exported.content.as_bytes())?;
        return Ok(());
    };
    let written = library.export_to_file(article.id, args.format, &output)?;
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

fn export_site(context: &Context, dir: &Path, status: Option<Status>) -> Result<()> {
    let report = context.library()?.export_site(dir, status)?;
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
