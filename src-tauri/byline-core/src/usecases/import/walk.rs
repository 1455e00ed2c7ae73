//! Finding the Markdown files of an import: folder walks that can neither
//! run away nor leave the folder.
//!
//! A link to a folder is never followed (two links to `..` would walk
//! forever); a linked file is taken only when it points inside the folder
//! being imported, and each file is taken once however many names lead to
//! it. Anything that is not a regular file (a FIFO named `a.md` would block
//! the read forever) is reported, never opened. The walk stops at a depth
//! and an entry count, so a mistaken home folder fails fast.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::domain::error::{Error, Result};

use super::MAX_IMPORT_FILES;

/// The extensions a folder is searched for: Markdown, plain text and
/// saved pages. A file named on its own is imported whatever its name.
const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd", "txt", "html", "htm"];

/// Folders that hold a site's templates, packages or build output, never
/// its articles: skipped, and each named in the report with why.
const NOT_ARTICLES: &[(&str, &str)] = &[
    ("layouts", "a site's templates"),
    ("_layouts", "a site's templates"),
    ("_includes", "a site's template parts"),
    ("partials", "a site's template parts"),
    ("templates", "a site's templates"),
    ("themes", "a site's themes"),
    ("node_modules", "installed packages"),
    ("public", "a site generator's output"),
    ("_site", "a site generator's output"),
    ("dist", "a build's output"),
];

/// Plain-text files a site keeps for crawlers, never articles.
const NOT_ARTICLE_FILES: &[&str] = &["robots.txt", "humans.txt", "ads.txt", "security.txt"];

/// Folders inside folders; real sites stay under ten.
const MAX_DEPTH: usize = 64;
/// Directory entries looked at in one import (files of every kind).
const MAX_ENTRIES: usize = 200_000;

/// A file to import and the folder its images must come from.
#[derive(Debug, Clone)]
pub(crate) struct Found {
    pub path: PathBuf,
    pub root: PathBuf,
    /// Found in a folder, rather than named by the writer: a saved page
    /// found this way is checked for being a template first.
    pub in_folder: bool,
}

/// What a walk found: files to import, and files it refused, with why.
#[derive(Default)]
pub(crate) struct Walk {
    pub files: Vec<Found>,
    pub refused: Vec<(PathBuf, Error)>,
    /// Folders and files left out on purpose, with why.
    pub skipped: Vec<(PathBuf, String)>,
    /// The walk stopped at a limit: the import is refused whole, since
    /// a part of a mistaken home folder is no better than all of it.
    pub too_big: bool,
    seen: HashSet<PathBuf>,
    entries: usize,
}

impl Walk {
    /// Adds what `path` holds: the file itself, or the Markdown files under
    /// the folder, in a stable order. Hidden folders, `node_modules` and the
    /// site generators' output folders are skipped.
    pub fn add(&mut self, path: &Path) -> Result<()> {
        let io = |source| Error::Io {
            path: path.to_path_buf(),
            source,
        };
        // What the writer named is followed, link or not: they chose it.
        let meta = std::fs::metadata(path).map_err(io)?;
        let canonical = std::fs::canonicalize(path).map_err(io)?;
        if meta.is_dir() {
            self.folder(path, &canonical, 0)
        } else if meta.is_file() {
            let root = canonical
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default();
            self.take(path, canonical, root, false);
            Ok(())
        } else {
            Err(not_regular(path))
        }
    }

    fn take(&mut self, path: &Path, canonical: PathBuf, root: PathBuf, in_folder: bool) {
        if self.seen.insert(canonical) {
            self.files.push(Found {
                path: path.to_path_buf(),
                root,
                in_folder,
            });
        }
    }

    fn folder(&mut self, dir: &Path, root: &Path, depth: usize) -> Result<()> {
        if depth > MAX_DEPTH {
            self.too_big = true;
            return Err(Error::invalid(
                "import",
                format!(
                    "{} is more than {MAX_DEPTH} folders deep; import a folder nearer the posts",
                    dir.display()
                ),
            ));
        }
        let mut entries: Vec<(PathBuf, std::fs::FileType)> = std::fs::read_dir(dir)
            .map_err(|source| Error::Io {
                path: dir.to_path_buf(),
                source,
            })?
            .filter_map(|e| e.ok())
            .filter_map(|e| Some((e.path(), e.file_type().ok()?)))
            .collect();
        self.entries += entries.len();
        if self.entries > MAX_ENTRIES || self.files.len() > MAX_IMPORT_FILES {
            self.too_big = true;
            return Err(Error::invalid(
                "import",
                format!(
                    "the folder holds more than {MAX_IMPORT_FILES} Markdown files or \
                     {MAX_ENTRIES} entries; import a folder nearer the posts"
                ),
            ));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        for (entry, kind) in entries {
            let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
            if name.starts_with('.') {
                continue;
            }
            // `file_type` does not follow links: a link to a folder is a link.
            if kind.is_dir() {
                if let Some((_, what)) = NOT_ARTICLES.iter().find(|(n, _)| *n == name) {
                    self.skipped
                        .push((entry.clone(), format!("{what}, not articles")));
                    continue;
                }
                self.folder(&entry, root, depth + 1)?;
                continue;
            }
            if !is_markdown(&entry) {
                continue;
            }
            if NOT_ARTICLE_FILES.contains(&name.to_ascii_lowercase().as_str()) {
                self.skipped.push((
                    entry.clone(),
                    "a file for web crawlers, not an article".to_owned(),
                ));
                continue;
            }
            if kind.is_file() {
                let canonical = std::fs::canonicalize(&entry).unwrap_or_else(|_| entry.clone());
                self.take(&entry, canonical, root.to_path_buf(), true);
            } else if kind.is_symlink() {
                self.link(&entry, root);
            } else {
                self.refused.push((entry.clone(), not_regular(&entry)));
            }
        }
        Ok(())
    }

    /// A linked Markdown file: taken when it is a regular file inside the
    /// folder being imported (and not already taken under its own name).
    fn link(&mut self, entry: &Path, root: &Path) {
        let target = std::fs::canonicalize(entry);
        let regular = std::fs::metadata(entry).is_ok_and(|m| m.is_file());
        match target {
            Ok(target) if regular && target.starts_with(root) => {
                self.take(entry, target, root.to_path_buf(), true);
            }
            Ok(target) if regular => self.refused.push((
                entry.to_path_buf(),
                Error::invalid(
                    "import",
                    format!(
                        "{} is a link to {}, outside the folder being imported",
                        entry.display(),
                        target.display()
                    ),
                ),
            )),
            _ => {}
        }
    }
}

fn is_markdown(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| MARKDOWN_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

fn not_regular(path: &Path) -> Error {
    Error::invalid(
        "import",
        format!(
            "{} is not a regular file (a pipe, device or socket)",
            path.display()
        ),
    )
}
