//! Exporting many articles as a small static site: an index page, one
//! page per article at `{slug}/index.html`, the images they show in
//! `assets/`, and an Atom feed.
//!
//! The folder may hold what the writer keeps beside the site (`.git`,
//! `CNAME`, a hand-written page): Byline records every file it writes in
//! the `.byline-site` manifest and, exporting again, rewrites and removes
//! only files listed there. Everything is built in memory and every clash
//! checked before the first write, so a refused export changes nothing;
//! each file is then replaced atomically. A folder Byline never exported
//! to is used only when empty, and a file at the destination is refused.
//! The pages are built by `transform::export` (the index and the feed in
//! `site_pages`); this module gathers the articles and writes the files.

use std::collections::BTreeSet;
use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::atomic_write::{write_atomically, write_atomically_unsynced};
use crate::domain::article::{Article, Status};
use crate::domain::asset::ASSET_DIR;
use crate::domain::error::{Error, Result};
use crate::library::{Library, ListQuery};
use crate::transform::export::{self, site_pages, Input};

/// The manifest: marks a folder as a site Byline exported and lists the
/// files it wrote there, the only ones exporting again may replace or
/// remove.
pub const SITE_MARKER: &str = ".byline-site";

/// The manifest's head; the files follow, one per line, after `files:`.
const MANIFEST_HEAD: &str = "Exported by Byline. Exporting again rewrites or removes the files \
listed below and leaves everything else in this folder alone.\nfiles:\n";

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
    /// site in `dir`, replacing the files of a previous export there and
    /// keeping everything else.
    pub fn export_site(&self, dir: &Path, status: Option<Status>) -> Result<SiteExport> {
        let previous = check_destination(dir)?;
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

        // Every file, as a path relative to the folder, built before any
        // is written.
        let mut files: Vec<(String, Vec<u8>)> = Vec::new();
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
            files.push((
                format!("{}/index.html", article.meta.slug),
                page.into_bytes(),
            ));
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
                files.push((format!("{ASSET_DIR}/{name}"), asset.bytes));
            }
        }
        files.push((
            "index.html".into(),
            site_pages::index_page(&site, &articles).into_bytes(),
        ));
        files.push((
            "feed.xml".into(),
            site_pages::atom_feed(&site, &articles).into_bytes(),
        ));

        for (rel, _) in &files {
            check_free(dir, rel, &previous)?;
        }
        let bytes = files.iter().map(|(_, b)| b.len() as u64).sum();
        write_site(dir, &files, &previous)?;
        Ok(SiteExport {
            dir: dir.display().to_string(),
            articles: articles.len() as u32,
            assets: assets.len() as u32,
            bytes,
            warnings,
        })
    }
}

/// What a previous export left in the destination.
enum Previous {
    /// No folder, or an empty one.
    Nothing,
    /// A site from a Byline that replaced the whole folder and kept no
    /// list: its files may be rewritten, nothing is removed.
    Unlisted,
    /// The files the last export wrote.
    Listed(BTreeSet<String>),
}

impl Previous {
    fn listed(&self) -> impl Iterator<Item = &String> {
        match self {
            Previous::Listed(files) => Some(files.iter()),
            _ => None,
        }
        .into_iter()
        .flatten()
    }
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn check_destination(dir: &Path) -> Result<Previous> {
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Previous::Nothing),
        Err(e) => return Err(io(dir)(e)),
        Ok(m) if !m.is_dir() => {
            return Err(Error::invalid(
                "site folder",
                format!(
                    "{} is a file, not a folder; choose a folder for the site (the file was left as it is)",
                    dir.display()
                ),
            ))
        }
        Ok(_) => {}
    }
    match std::fs::read_to_string(dir.join(SITE_MARKER)) {
        Ok(text) => Ok(match text.split_once("\nfiles:\n") {
            Some((_, list)) => Previous::Listed(
                list.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(str::to_owned)
                    .collect(),
            ),
            None => Previous::Unlisted,
        }),
        Err(_) => {
            let empty = std::fs::read_dir(dir).map_err(io(dir))?.next().is_none();
            if !empty {
                return Err(Error::invalid(
                    "site folder",
                    format!(
                        "{} has files Byline did not write; choose an empty folder or a previous export",
                        dir.display()
                    ),
                ));
            }
            Ok(Previous::Nothing)
        }
    }
}

/// Refuses a file Byline would write where the writer has one of their
/// own (or a folder, or a file where Byline needs a folder).
fn check_free(dir: &Path, rel: &str, previous: &Previous) -> Result<()> {
    let mut path = dir.to_path_buf();
    let parts: Vec<&str> = rel.split('/').collect();
    for (i, part) in parts.iter().enumerate() {
        path.push(part);
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            return Ok(());
        };
        let last = i + 1 == parts.len();
        let ours = match previous {
            Previous::Nothing => false,
            Previous::Unlisted => true,
            Previous::Listed(files) => files.contains(rel),
        };
        let clash = if last {
            !meta.is_file() || !ours
        } else {
            !meta.is_dir()
        };
        if clash {
            return Err(Error::invalid(
                "site folder",
                format!(
                    "{} is not a file Byline exported, and the site needs that name; move it or choose another folder (nothing was changed)",
                    path.display()
                ),
            ));
        }
    }
    Ok(())
}

/// Writes the manifest: every file Byline may have written there.
fn write_manifest<'a>(dir: &Path, files: impl Iterator<Item = &'a String>) -> Result<()> {
    let list: BTreeSet<&String> = files.collect();
    let mut text = MANIFEST_HEAD.to_owned();
    for f in list {
        text.push_str(f);
        text.push('\n');
    }
    write_atomically(&dir.join(SITE_MARKER), text.as_bytes())
}

/// Makes `path` and its missing parents as ordinary folders (0755).
fn make_dirs(path: &Path) -> Result<()> {
    std::fs::create_dir_all(path).map_err(io(path))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)
            .map_err(io(path))?
            .permissions()
            .mode();
        if mode & 0o755 != 0o755 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o755))
                .map_err(io(path))?;
        }
    }
    Ok(())
}

/// Puts the files in place: the manifest first lists old and new (so an
/// export cut short still knows every file it wrote), then each file is
/// replaced atomically, the old export's files not written again are
/// removed (with folders they leave empty), and the manifest lists the new.
fn write_site(dir: &Path, files: &[(String, Vec<u8>)], previous: &Previous) -> Result<()> {
    make_dirs(dir)?;
    let new: BTreeSet<String> = files.iter().map(|(rel, _)| rel.clone()).collect();
    write_manifest(dir, new.iter().chain(previous.listed()))?;
    for (rel, bytes) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            make_dirs(parent)?;
        }
        write_atomically_unsynced(&path, bytes)?;
    }
    for rel in previous.listed().filter(|rel| !new.contains(*rel)) {
        // Only a name inside the folder: a manifest edited to point
        // elsewhere removes nothing.
        // nor one reached through a link.
        if rel
            .split('/')
            .any(|p| p.is_empty() || p == "." || p == "..")
        {
            continue;
        }
        let path = dir.join(rel);
        let through_link = path
            .ancestors()
            .skip(1)
            .take_while(|a| *a != dir)
            .any(|a| std::fs::symlink_metadata(a).map_or(true, |m| !m.is_dir()));
        if through_link {
            continue;
        }
        if std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_file()) {
            std::fs::remove_file(&path).map_err(io(&path))?;
        }
        let mut parent = path.parent();
        while let Some(p) = parent.filter(|p| *p != dir && p.starts_with(dir)) {
            if std::fs::remove_dir(p).is_err() {
                break;
            }
            parent = p.parent();
        }
    }
    write_manifest(dir, new.iter())
}

#[cfg(test)]
mod tests;
