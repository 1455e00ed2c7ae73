//! Exporting many articles as a small static site: an index page, one
//! page per article at `{slug}/index.html`, the images they show in
//! `assets/`, and an Atom feed.
//!
//! The site is built in a temporary folder beside the destination and then
//! swapped in, so a web server or a reader never sees half a site, and a
//! failure leaves the previous export as it was. A folder Byline did not
//! make (no `.byline-site` marker) is never replaced unless it is empty.

use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::{Library, ListQuery};
use crate::error::{Error, Result};
use crate::export::{self, Input};
use crate::model::{Article, Status, UNTITLED};
use crate::render::escape_text as escape;
use crate::site::SiteSettings;

/// Marks a folder as a site Byline exported, so exporting again may
/// replace it.
pub const SITE_MARKER: &str = ".byline-site";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SiteExport {
    pub dir: String,
    pub articles: u32,
    pub assets: u32,
    /// Total size of the files written.
    pub bytes: u64,
    pub warnings: Vec<String>,
}

impl Library {
    /// Exports every live article with `status` (all when `None`) as a
    /// site in `dir`, replacing a previous export there.
    pub fn export_site(&self, dir: &Path, status: Option<Status>) -> Result<SiteExport> {
        let io = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Io { path, source }
        };
        check_destination(dir)?;
        let parent = match dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        std::fs::create_dir_all(&parent).map_err(io(&parent))?;
        let staging = tempfile::Builder::new()
            .prefix(".byline-site-")
            .tempdir_in(&parent)
            .map_err(io(&parent))?;
        let root = staging.path();

        let site = self.site_settings()?;
        let query = ListQuery {
            status,
            ..ListQuery::default()
        };
        let mut articles: Vec<Article> = self
            .list(&query)?
            .into_iter()
            .map(|s| self.article(s.id))
            .collect::<Result<_>>()?;
        // Newest first by publish date, undated ones by their last edit.
        articles.sort_by_key(|a| std::cmp::Reverse(a.publish_at.unwrap_or(a.updated_at)));

        let mut bytes = 0u64;
        let mut write = |path: PathBuf, content: &[u8]| -> Result<()> {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(io(dir))?;
            }
            std::fs::write(&path, content).map_err(io(&path))?;
            bytes += content.len() as u64;
            Ok(())
        };
        let mut assets: Vec<String> = Vec::new();
        let mut warnings = Vec::new();
        let no_keys = serde_json::Map::new();
        for article in &articles {
            let corrections = self.corrections(article.id)?;
            let input = Input {
                article,
                site: &site,
                corrections: &corrections,
                revisions: 0,
                kept_front_matter: &no_keys,
            };
            // Pages live one folder down; their images are in the root's
            // `assets/`.
            let page = export::page(&input)
                .replace("=\"assets/", "=\"../assets/")
                .replace("url(assets/", "url(../assets/");
            write(root.join(&article.slug).join("index.html"), page.as_bytes())?;
            for w in export::warnings(&input) {
                warnings.push(format!("{}: {w}", title(article)));
            }
            let mut shown = export::referenced_assets(&article.body);
            shown.extend(export::referenced_assets(&article.featured_image));
            for item in &article.faq {
                shown.extend(export::referenced_assets(&item.answer));
            }
            for name in shown {
                if !assets.contains(&name) {
                    assets.push(name);
                }
            }
        }
        for name in &assets {
            if let Some(asset) = self.asset(name)? {
                write(root.join(super::ASSET_DIR).join(name), &asset.bytes)?;
            }
        }
        write(
            root.join("index.html"),
            index_page(&site, &articles).as_bytes(),
        )?;
        write(
            root.join("feed.xml"),
            atom_feed(&site, &articles).as_bytes(),
        )?;
        write(
            root.join(SITE_MARKER),
            b"Exported by Byline; exporting again replaces this folder.\n",
        )?;

        swap_in(staging, dir)?;
        Ok(SiteExport {
            dir: dir.display().to_string(),
            articles: articles.len() as u32,
            assets: assets.len() as u32,
            bytes,
            warnings,
        })
    }
}

fn title(a: &Article) -> &str {
    if a.title.trim().is_empty() {
        UNTITLED
    } else {
        &a.title
    }
}

fn check_destination(dir: &Path) -> Result<()> {
    let Ok(mut entries) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let empty = entries.next().is_none();
    if !empty && !dir.join(SITE_MARKER).exists() {
        return Err(Error::invalid(
            "site folder",
            format!(
                "{} has files Byline did not write; choose an empty folder or a previous export",
                dir.display()
            ),
        ));
    }
    Ok(())
}

/// Moves the built site into place: the old export is renamed aside, the
/// new one renamed in, then the old one deleted.
fn swap_in(staging: tempfile::TempDir, dir: &Path) -> Result<()> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    let built = staging.keep();
    if dir.exists() {
        let old = dir.with_file_name(format!(
            ".{}-old-{}",
            dir.file_name().and_then(|n| n.to_str()).unwrap_or("site"),
            std::process::id()
        ));
        std::fs::rename(dir, &old).map_err(io(dir))?;
        if let Err(e) = std::fs::rename(&built, dir) {
            // Put the old export back rather than leave nothing.
            let _ = std::fs::rename(&old, dir);
            let _ = std::fs::remove_dir_all(&built);
            return Err(io(dir)(e));
        }
        std::fs::remove_dir_all(&old).map_err(io(&old))?;
    } else {
        std::fs::rename(&built, dir).map_err(io(dir))?;
    }
    Ok(())
}

fn date_of(a: &Article) -> DateTime<Utc> {
    a.publish_at.unwrap_or(a.updated_at)
}

fn index_page(site: &SiteSettings, articles: &[Article]) -> String {
    let name = if site.name.is_empty() {
        "Articles"
    } else {
        &site.name
    };
    let mut list = String::new();
    for a in articles {
        list.push_str(&format!(
            "<li><a href=\"{slug}/\">{title}</a>{dek}<time datetime=\"{iso}\">{day}</time></li>\n",
            slug = escape(&a.slug),
            title = escape(title(a)),
            dek = if a.dek.is_empty() {
                String::new()
            } else {
                format!("<p>{}</p>", escape(&a.dek))
            },
            iso = date_of(a).to_rfc3339_opts(SecondsFormat::Secs, true),
            day = date_of(a).format("%-d %B %Y"),
        ));
    }
    let empty = if articles.is_empty() {
        "<p>Nothing published yet.</p>\n"
    } else {
        ""
    };
    format!(
        "<!doctype html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"color-scheme\" content=\"light dark\">\n<title>{name}</title>\n\
         <link rel=\"alternate\" type=\"application/atom+xml\" href=\"feed.xml\" title=\"{name}\">\n\
         <style>\n{css}{INDEX_CSS}</style>\n</head>\n<body>\n<main class=\"byline-article\">\n\
         <h1>{name}</h1>\n{empty}<ol class=\"byline-index\">\n{list}</ol>\n</main>\n</body>\n</html>\n",
        lang = escape(&site.language),
        name = escape(name),
        css = export::ARTICLE_CSS,
    )
}

const INDEX_CSS: &str = "
body { margin: 0; padding: 3rem 1.25rem; background: light-dark(#fdfcfa, #1b1a18); }
.byline-index { list-style: none; padding: 0; }
.byline-index li { margin: 0 0 1.6em; }
.byline-index a { font-family: system-ui, sans-serif; font-size: 1.2em; font-weight: 600; text-decoration: none; }
.byline-index p { margin: 0.2em 0; color: var(--article-muted); }
.byline-index time { font-family: system-ui, sans-serif; font-size: 0.8em; color: var(--article-muted); }
";

/// An Atom feed (RFC 4287) of the exported articles, with their HTML.
fn atom_feed(site: &SiteSettings, articles: &[Article]) -> String {
    let base = site.base_url.trim();
    let has_base = url::Url::parse(base).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
    let name = if site.name.is_empty() {
        "Articles"
    } else {
        &site.name
    };
    let updated = articles
        .iter()
        .map(|a| a.updated_at)
        .max()
        .unwrap_or_else(Utc::now)
        .to_rfc3339_opts(SecondsFormat::Secs, true);
    // Atom ids must be permanent IRIs: the site's address when there is
    // one, otherwise a URN made from the site name and slug.
    let feed_id = if has_base {
        base.to_owned()
    } else {
        format!("urn:byline:{}", crate::slug::from_title(name))
    };
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    xml.push_str(&format!(
        "<title>{}</title>\n<id>{}</id>\n<updated>{updated}</updated>\n",
        escape(name),
        escape(&feed_id)
    ));
    if has_base {
        xml.push_str(&format!(
            "<link rel=\"alternate\" href=\"{}\"/>\n<link rel=\"self\" href=\"{}feed.xml\"/>\n",
            escape(base),
            escape(base)
        ));
    }
    let default_author = if site.default_author.is_empty() {
        name
    } else {
        &site.default_author
    };
    xml.push_str(&format!(
        "<author><name>{}</name></author>\n<generator>Byline</generator>\n",
        escape(default_author)
    ));
    let no_keys = serde_json::Map::new();
    for a in articles {
        let input = Input {
            article: a,
            site,
            corrections: &[],
            revisions: 0,
            kept_front_matter: &no_keys,
        };
        let id = input
            .page_url()
            .unwrap_or_else(|| format!("{feed_id}:{}", a.slug));
        xml.push_str("<entry>\n");
        xml.push_str(&format!(
            "<title>{}</title>\n<id>{}</id>\n",
            escape(title(a)),
            escape(&id)
        ));
        if let Some(url) = input.page_url() {
            xml.push_str(&format!(
                "<link rel=\"alternate\" href=\"{}\"/>\n",
                escape(&url)
            ));
        }
        xml.push_str(&format!(
            "<updated>{}</updated>\n",
            a.updated_at.to_rfc3339_opts(SecondsFormat::Secs, true)
        ));
        if let Some(at) = a.publish_at {
            xml.push_str(&format!(
                "<published>{}</published>\n",
                at.to_rfc3339_opts(SecondsFormat::Secs, true)
            ));
        }
        for author in &a.authors {
            xml.push_str(&format!(
                "<author><name>{}</name></author>\n",
                escape(author)
            ));
        }
        for tag in &a.tags {
            xml.push_str(&format!("<category term=\"{}\"/>\n", escape(tag)));
        }
        let summary = if a.meta_description.is_empty() {
            &a.dek
        } else {
            &a.meta_description
        };
        if !summary.is_empty() {
            xml.push_str(&format!("<summary>{}</summary>\n", escape(summary)));
        }
        xml.push_str(&format!(
            "<content type=\"html\">{}</content>\n</entry>\n",
            escape(&export::fragment(&input))
        ));
    }
    xml.push_str("</feed>\n");
    xml
}

#[cfg(test)]
mod tests;
