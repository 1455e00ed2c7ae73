//! `byline check`: the pre-publish checks over an article, or over
//! Markdown files outside the library (for a newsroom's CI). Exits with 1
//! when any error is found, 0 otherwise (warnings and suggestions do not
//! fail a build).

use std::path::PathBuf;
use std::time::Duration;

use anyhow::{Context as _, Result};
use byline_core::domain::site_settings::SiteSettings;
use byline_core::transform::checks::{Finding, Place, Report, CATALOGUE};
use byline_core::usecases::checks::{self, Links};
use byline_core::usecases::link_check::LinkCache;
use clap::Args;
use serde_json::json;

use super::context::{read_markdown, Context};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The article (slug or number).
    #[arg(required_unless_present_any = ["files", "list"], conflicts_with_all = ["files", "list"])]
    article: Option<String>,
    /// Check Markdown files with front matter instead (`-` reads standard
    /// input); the site's settings come from the library when it exists.
    #[arg(long = "file", value_name = "PATH", num_args = 1.., conflicts_with = "list")]
    files: Vec<PathBuf>,
    /// Print the findings as JSON: the report for an article; for --file,
    /// a list of {file, report}.
    #[arg(long)]
    json: bool,
    /// List every check: its code, severity, and whether this site has it on.
    #[arg(long)]
    list: bool,
    /// Also request every link to another site (HEAD, else GET; four at a
    /// time; redirects followed and reported) and report those that are
    /// gone, failing or unreachable. Nothing is requested without it.
    #[arg(long, conflicts_with = "list")]
    links: bool,
    /// How long a linked site may take to answer, in seconds.
    #[arg(long, value_name = "SECONDS", default_value_t = 10)]
    timeout: u64,
}

/// The link check's fetcher for this run, when --links asks for one.
fn fetcher(args: &CheckArgs) -> Result<Option<crate::link_fetch::HttpFetch>> {
    if !args.links {
        return Ok(None);
    }
    let timeout = Duration::from_secs(args.timeout.max(1));
    Ok(Some(
        crate::link_fetch::HttpFetch::new(timeout).map_err(anyhow::Error::msg)?,
    ))
}

fn links<'a>(fetch: &'a Option<crate::link_fetch::HttpFetch>, cache: &'a LinkCache) -> Links<'a> {
    match fetch {
        Some(fetch) => Links::Check(fetch, cache),
        None => Links::Off,
    }
}

pub fn check(context: &Context, args: CheckArgs) -> Result<()> {
    if args.list {
        return list(context);
    }
    if !args.files.is_empty() {
        return files(context, &args);
    }
    let reference = args.article.as_deref().unwrap_or_default();
    let (library, article) = context.article(reference)?;
    let (fetch, cache) = (fetcher(&args)?, LinkCache::new());
    let report = checks::check_article(&library, article.id, None, links(&fetch, &cache))?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        print_report(&article.meta.slug, &report);
    }
    anyhow::ensure!(
        report.errors == 0,
        "{} has {} to fix before publishing",
        article.meta.slug,
        count(report.errors, "error")
    );
    Ok(())
}

/// The site's settings when the library exists; the defaults otherwise,
/// so a CI job needs no library (and none is created).
fn site(context: &Context) -> Result<SiteSettings> {
    if context.path().exists() {
        Ok(context.library()?.site_settings()?)
    } else {
        Ok(SiteSettings::default())
    }
}

fn files(context: &Context, args: &CheckArgs) -> Result<()> {
    let site = site(context)?;
    // One cache for the run: a link in several files is requested once.
    let (fetch, cache) = (fetcher(args)?, LinkCache::new());
    let mut errors = 0;
    let mut out = Vec::new();
    for file in &args.files {
        let name = file.display().to_string();
        let text = read_markdown(file)?;
        let report = checks::check_markdown(&name, &text, &site, links(&fetch, &cache))
            .with_context(|| format!("cannot check {name}"))?;
        errors += report.errors;
        if args.json {
            out.push(json!({"file": name, "report": report}));
        } else {
            print_report(&name, &report);
        }
    }
    if args.json {
        println!("{}", serde_json::to_string_pretty(&out)?);
    }
    anyhow::ensure!(
        errors == 0,
        "{} to fix before publishing",
        count(errors, "error")
    );
    Ok(())
}

fn list(context: &Context) -> Result<()> {
    let config = site(context)?.checks;
    for info in CATALOGUE {
        let on = if config.is_on(info.code) { "on" } else { "off" };
        println!(
            "{:<32} {:<10} {:<3}  {}",
            info.code,
            info.severity.as_str(),
            on,
            info.label
        );
    }
    Ok(())
}

fn count(n: u32, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// One finding a line, `NAME:PLACE: severity [code] message`, as compilers
/// print them (editors and CI logs link `file:line:column`), then a summary.
fn print_report(name: &str, report: &Report) {
    for finding in &report.findings {
        println!("{}", line(name, finding));
    }
    println!(
        "{name}: {}, {}, {}; reading ease {}",
        count(report.errors, "error"),
        count(report.warnings, "warning"),
        count(report.suggestions, "suggestion"),
        report.readability.summary
    );
}

fn line(name: &str, finding: &Finding) -> String {
    let place = match &finding.place {
        Place::Field { field } => field.as_str().to_string(),
        Place::Body { start, .. } => format!("{}:{}", start.line, start.column),
        Place::Faq { index } => format!("faq {}", index + 1),
        Place::Site => "site".to_string(),
    };
    let fix = finding
        .fix
        .as_ref()
        .map(|f| format!(" (fix: {})", f.label))
        .unwrap_or_default();
    format!(
        "{name}:{place}: {} [{}] {}{fix}",
        finding.severity.as_str(),
        finding.code,
        finding.message
    )
}
