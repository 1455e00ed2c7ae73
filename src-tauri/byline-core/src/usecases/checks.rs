//! The pre-publish checks over an article in the library (gathering what
//! the checks need from it: the site's settings, the slug the article was
//! published under, whether its featured image is there), or over a
//! Markdown file outside any library (`byline check --file`).

use crate::domain::article::{ArticleId, ArticleMeta, Status};
use crate::domain::asset::ASSET_DIR;
use crate::domain::error::{Error, Result};
use crate::domain::revision::RevisionKind;
use crate::domain::site_settings::SiteSettings;
use crate::library::Library;
use crate::transform::checks::{self, external, CheckInput, Place, Report};
use crate::transform::post;
use crate::usecases::link_check::{self, Fetch, LinkCache};

/// Whether links to other sites are checked too.
#[derive(Clone, Copy)]
pub enum Links<'a> {
    /// Not at all.
    Off,
    /// With the results a recent check left in the cache, requesting
    /// nothing (the window, as the writer types).
    Cached(&'a LinkCache),
    /// Requesting every address the cache does not hold.
    Check(&'a dyn Fetch, &'a LinkCache),
}

fn add_links(report: &mut Report, body: &str, site: &SiteSettings, links: Links<'_>) {
    let results = match links {
        Links::Off => return,
        Links::Cached(cache) => link_check::cached(&external::requested_urls(body), cache),
        Links::Check(fetch, cache) => {
            link_check::check_links(&external::requested_urls(body), fetch, cache)
        }
    };
    external::add_link_findings(report, body, &results, &site.checks);
}

/// Every check the site has on, over the article as it is in the library,
/// or with `body` in place of its body (the window checks the text on
/// screen as it is typed, before autosave has written it).
pub fn check_article(
    library: &Library,
    id: ArticleId,
    body: Option<&str>,
    links: Links<'_>,
) -> Result<Report> {
    let article = library.article(id)?;
    let site = library.site_settings()?;
    let published_slug = published_slug(library, id)?;
    let featured_image_found = featured_image_found(library, &article.meta.featured_image)?;
    let faq: Vec<_> = article.faq.iter().map(|f| f.pair()).collect();
    let body = body.unwrap_or(&article.body);
    let mut report = checks::run(&CheckInput {
        meta: &article.meta,
        body,
        faq: &faq,
        faq_structured_data: article.faq_structured_data,
        status: article.status,
        published_slug: published_slug.as_deref(),
        featured_image_found,
        site: &site,
    });
    add_links(&mut report, body, &site, links);
    Ok(report)
}

/// The slug the article had the last time it was moved to Published.
fn published_slug(library: &Library, id: ArticleId) -> Result<Option<String>> {
    for info in library.history(id)? {
        if info.kind != RevisionKind::Status {
            continue;
        }
        let state = library.revision_state(id, info.number)?;
        if state.status == Status::Published {
            return Ok(Some(state.meta.slug));
        }
    }
    Ok(None)
}

/// `Some(false)` for an image in the library's assets folder that the
/// library does not hold; `None` when it cannot be told here (a web
/// address, a path on the site).
fn featured_image_found(library: &Library, image: &str) -> Result<Option<bool>> {
    let image = image.trim();
    if image.is_empty() || image.starts_with('/') || image.contains("://") {
        return Ok(None);
    }
    match image
        .strip_prefix(ASSET_DIR)
        .and_then(|r| r.strip_prefix('/'))
    {
        Some(file) => Ok(Some(library.asset(file)?.is_some())),
        None => Ok(None),
    }
}

/// The checks over a Markdown file with front matter, as `byline check
/// --file` runs them in a newsroom's CI: body lines are the file's lines.
/// `name` says which file in an error.
pub fn check_markdown(
    name: &str,
    text: &str,
    site: &SiteSettings,
    links: Links<'_>,
) -> Result<Report> {
    let (post, _) =
        post::read_lenient(text).map_err(|e| Error::invalid("file", format!("{name}: {e}")))?;
    let meta = ArticleMeta {
        title: post.title.clone(),
        dek: post.dek.clone(),
        slug: post.slug.clone().unwrap_or_default(),
        authors: post.authors.clone(),
        tags: post.tags.clone(),
        meta_description: post.description.clone(),
        canonical_url: post.canonical_url.clone(),
        featured_image: post.image.clone(),
        publish_at: None,
        word_target: None,
    };
    let mut report = checks::run(&CheckInput {
        meta: &meta,
        body: &post.body,
        faq: &post.faq,
        faq_structured_data: true,
        status: post.status.unwrap_or(Status::Draft),
        published_slug: None,
        featured_image_found: None,
        site,
    });
    add_links(&mut report, &post.body, site, links);
    // The body is the file's tail; its first line is this far down.
    let trimmed = post.body.trim();
    let shift = match text.rfind(trimmed) {
        Some(at) if !trimmed.is_empty() => {
            let lead = post.body.len() - post.body.trim_start().len();
            let lines_before = text[..at].matches('\n').count();
            lines_before.saturating_sub(post.body[..lead].matches('\n').count()) as u32
        }
        _ => 0,
    };
    for finding in &mut report.findings {
        if let Place::Body { start, end } = &mut finding.place {
            start.line += shift;
            end.line += shift;
        }
    }
    Ok(report)
}
