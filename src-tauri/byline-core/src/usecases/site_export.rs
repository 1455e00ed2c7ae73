//! Exporting many articles as a small static site: an index page, one
//! page per article at `{slug}/index.html`, the images they show in
//! `assets/`, and an Atom feed.
//!
//! The site is built in a temporary folder beside the destination and then
//! swapped in, so a web server or a reader never sees half a site, and a
//! failure leaves the previous export as it was. A folder Byline did not
//! make (no `.byline-site` marker) is never replaced unless it is empty.
//! The pages are built by `transform::export` (the index and the feed in
//! `site_pages`); this module gathers the articles and writes the files.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::domain::article::{Article, Status};
use crate::domain::asset::ASSET_DIR;
use crate::domain::error::{Error, Result};
use crate::library::{Library, ListQuery};
use crate::transform::export::{self, site_pages, Input};

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
        articles.sort_by_key(|a| std::cmp::Reverse(a.meta.publish_at.unwrap_or(a.updated_at)));

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
            write(
                root.join(&article.meta.slug).join("index.html"),
                page.as_bytes(),
            )?;
            for w in export::warnings(&input) {
                warnings.push(format!("{}: {w}", site_pages::title(article)));
            }
            let mut shown = export::referenced_assets(&article.body);
            shown.extend(export::referenced_assets(&article.meta.featured_image));
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
                write(root.join(ASSET_DIR).join(name), &asset.bytes)?;
            }
        }
        write(
            root.join("index.html"),
            site_pages::index_page(&site, &articles).as_bytes(),
        )?;
        write(
            root.join("feed.xml"),
            site_pages::atom_feed(&site, &articles).as_bytes(),
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

#[cfg(test)]
mod tests;
