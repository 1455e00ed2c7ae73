//! `import`: Markdown and plain-text files, folders and page bundles, with
//! a report per file.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use byline_core::transform::plain_article::Boilerplate;
use byline_core::usecases::import::{
    boilerplate, FaqImport, ImportOptions, ImportOutcome, ImportReport,
};
use clap::Args;

use super::context::Context;
use super::Refused;

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// `detect` turns a FAQ section at the end of a body into FAQ items;
    /// `keep` (the default) leaves the body as it is.
    #[arg(long, value_name = "MODE", default_value = "keep", value_parser = faq_mode)]
    faq: FaqImport,
    /// All files or none: any bad file cancels the whole import.
    #[arg(long)]
    atomic: bool,
    /// Take a `.txt` file's text as it is. Without it, a plain-text article
    /// gets its structure back (title, headings, callouts, FAQ, links, site
    /// chrome left out), each change listed in the report.
    #[arg(long)]
    plain: bool,
    /// Save the site chrome the import dropped (share prompt, newsletter
    /// box) as the site's boilerplate, where the site has none.
    #[arg(long)]
    use_boilerplate: bool,
    /// Download the images the imported articles show from other sites
    /// (http and https only) into the library, and point the articles at
    /// the copies. Without it nothing is requested.
    #[arg(long)]
    download_images: bool,
    /// Print the report as JSON.
    #[arg(long)]
    json: bool,
}

fn faq_mode(value: &str) -> Result<FaqImport, Refused> {
    match value.to_ascii_lowercase().as_str() {
        "keep" => Ok(FaqImport::Keep),
        "detect" => Ok(FaqImport::Detect),
        _ => Err(Refused(format!(
            "--faq {value:?} is not a mode; use keep or detect"
        ))),
    }
}

pub fn import(context: &Context, args: ImportArgs) -> Result<()> {
    let options = ImportOptions {
        faq: args.faq,
        atomic: args.atomic,
        plain: args.plain,
    };
    let mut library = context.library()?;
    let mut report = library.import_paths(&args.paths, options)?;
    if args.download_images {
        download(&mut library, &mut report)?;
    }
    let offer = boilerplate::offer(&report, &library.site_settings()?);
    let has_offer = !offer.share_prompt.is_empty() || !offer.newsletter.is_empty();
    if has_offer && args.use_boilerplate {
        library.use_boilerplate(&offer)?;
    }
    if args.json {
        let mut out = std::io::stdout().lock();
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
        out.flush()?;
    } else {
        print_report(&report)?;
        if has_offer {
            print_offer(&offer, args.use_boilerplate)?;
        }
    }
    if report.failed > 0 {
        anyhow::bail!(
            "{} of {} files could not be imported{}",
            report.failed,
            report.files.len(),
            if args.atomic {
                "; nothing was imported (--atomic)"
            } else {
                ""
            }
        );
    }
    Ok(())
}

/// Downloads each imported article's images from other sites, recording
/// what became of each image in its file's report.
fn download(library: &mut byline_core::Library, report: &mut ImportReport) -> Result<()> {
    let wanted = report
        .files
        .iter()
        .any(|f| f.article.is_some() && f.remote_images > 0);
    if !wanted {
        return Ok(());
    }
    let fetch = crate::image_fetch::HttpImages::new().map_err(anyhow::Error::msg)?;
    for f in &mut report.files {
        let Some(id) = f.article.filter(|_| f.remote_images > 0) else {
            continue;
        };
        let (_, downloads) = library.download_images(id, &fetch)?;
        f.remote_images -= downloads.downloaded.min(f.remote_images);
        f.downloads = Some(downloads);
    }
    Ok(())
}

fn print_report(report: &ImportReport) -> Result<()> {
    let mut out = std::io::stdout().lock();
    for s in &report.skipped {
        writeln!(out, "skipped  {} ({})", s.path, s.reason)?;
    }
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
        for change in &f.mapping.structure {
            writeln!(out, "         structure: {change}")?;
        }
        for warning in &f.mapping.warnings {
            writeln!(out, "         warning: {warning}")?;
        }
        if f.images > 0 || f.faq_items > 0 {
            writeln!(
                out,
                "         {} images copied, {} FAQ items",
                f.images, f.faq_items
            )?;
        }
        for image in f.downloads.iter().flat_map(|d| &d.images) {
            match (&image.stored, &image.error) {
                (Some(stored), _) => {
                    writeln!(out, "         downloaded: {} → {stored}", image.url)?
                }
                (None, Some(why)) => {
                    writeln!(out, "         not downloaded: {} ({why})", image.url)?
                }
                (None, None) => {}
            }
        }
        if f.downloads.is_none() && f.remote_images > 0 {
            writeln!(
                out,
                "         {} from other sites, not downloaded (--download-images keeps copies)",
                if f.remote_images == 1 {
                    "1 image".to_owned()
                } else {
                    format!("{} images", f.remote_images)
                }
            )?;
        }
    }
    out.flush()?;
    Ok(())
}

/// The site chrome the import dropped, offered (or, with
/// `--use-boilerplate`, saved) as the site's boilerplate.
fn print_offer(offer: &Boilerplate, used: bool) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let verb = if used { "saved as" } else { "could be" };
    for (text, part) in [
        (&offer.share_prompt, "share prompt"),
        (&offer.newsletter, "newsletter box"),
    ] {
        if !text.is_empty() {
            writeln!(
                out,
                "the site has no {part}; the dropped lines {verb} its {part}: {:?}",
                text.replace("\n\n", " / ")
            )?;
        }
    }
    if !used {
        writeln!(out, "(import again with --use-boilerplate to save them)")?;
    }
    out.flush()?;
    Ok(())
}
