//! Importing Markdown files, folders and page bundles into the library.
//!
//! Each file is read and checked (size, binary, UTF-8, front matter: see
//! `markdown_file` and `post`) before anything is written, then written in
//! its own transaction, so one bad file never stops or damages the rest.
//! With `atomic`, all files share one transaction: all or nothing.
//!
//! An imported article remembers its file (`articles.source`): importing
//! the same file again updates that article instead of adding a second,
//! keeping the state before as a revision. Relative images beside the file
//! are copied into the asset store and the body pointed at them.

use std::path::{Path, PathBuf};

use chrono::Utc;
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::article::{ArticleId, ArticleMeta, Status};
use crate::domain::error::{Error, ErrorInfo, Result};
use crate::domain::faq::QuestionAnswer;
use crate::domain::revision::{RevisionKind, RevisionState};
use crate::library::articles::{clean_title, insert_draft, read_article};
use crate::library::imported::{self, ImportedFields};
use crate::library::metadata::{checked_slug, image_location, list, one_line, web_url};
use crate::library::revisions::record;
use crate::library::{
    self, Library, MAX_AUTHORS, MAX_DEK_CHARS, MAX_DESCRIPTION_CHARS, MAX_TAGS, MAX_TAG_CHARS,
};
use crate::transform::post::{self, Mapping, Post};

/// The extensions a folder is searched for. A file named on its own is
/// imported whatever its name.
const MARKDOWN_EXTENSIONS: &[&str] = &["md", "markdown", "mdown", "mkd"];

/// More files than this in one import is a mistake (a home folder).
pub const MAX_IMPORT_FILES: usize = 20_000;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FaqImport {
    /// Leave a FAQ section written in the body as it is (the window offers
    /// to convert it when the article is opened).
    #[default]
    Keep,
    /// Turn a FAQ section at the end of the body into FAQ items.
    Detect,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ImportOptions {
    pub faq: FaqImport,
    /// All files or none: one bad file cancels the whole import.
    pub atomic: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportOutcome {
    Created,
    Updated,
    /// Read and valid, but not written: another file failed in an atomic
    /// import.
    RolledBack,
    Failed,
}

/// What happened to one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FileReport {
    pub path: String,
    pub outcome: ImportOutcome,
    pub article: Option<ArticleId>,
    pub slug: String,
    pub title: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub mapping: Mapping,
    /// Images copied into the library.
    pub images: u32,
    pub faq_items: u32,
    pub error: Option<ErrorInfo>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    pub created: u32,
    pub updated: u32,
    pub failed: u32,
}

/// A file read and mapped, ready to write.
pub(super) struct Prepared {
    source: String,
    pub(super) post: Post,
    pub(super) title: String,
    pub(super) slug: String,
    pub(super) publish_at: Option<chrono::DateTime<Utc>>,
    status: Status,
    dir: PathBuf,
}

impl Library {
    /// Imports files and folders (searched recursively for Markdown; a
    /// folder's `index.md` is a page bundle named after the folder).
    /// Returns a report for every file; an `Err` only when the library
    /// itself fails.
    pub fn import_paths(
        &mut self,
        paths: &[PathBuf],
        options: ImportOptions,
    ) -> Result<ImportReport> {
        let mut files = Vec::new();
        let mut reports = Vec::new();
        for path in paths {
            if let Err(e) = collect(path, &mut files) {
                reports.push(failed(path, e));
            }
        }
        if files.len() > MAX_IMPORT_FILES {
            return Err(Error::invalid(
                "import",
                format!(
                    "found {} Markdown files; import at most {MAX_IMPORT_FILES} at once",
                    files.len()
                ),
            ));
        }
        let prepared: Vec<(PathBuf, Result<(Prepared, Mapping)>)> = files
            .into_iter()
            .map(|file| {
                let result = prepare(&file, options);
                (file, result)
            })
            .collect();

        if options.atomic {
            self.import_atomic(prepared, reports)
        } else {
            for (file, result) in prepared {
                let report = match result {
                    Err(e) => failed(&file, e),
                    Ok((prepared, mapping)) => match self.write(|tx| write_one(tx, &prepared)) {
                        Ok(written) => written.report(&file, mapping),
                        Err(e) if is_library_failure(&e) => return Err(e),
                        Err(e) => failed(&file, e),
                    },
                };
                reports.push(report);
            }
            Ok(summarise(reports))
        }
    }

    fn import_atomic(
        &mut self,
        prepared: Vec<(PathBuf, Result<(Prepared, Mapping)>)>,
        mut reports: Vec<FileReport>,
    ) -> Result<ImportReport> {
        let mut failure = !reports.is_empty();
        let mut written: Vec<FileReport> = Vec::new();
        let path = &self.path;
        let tx = library::begin_write(&mut self.conn, path)?;
        for (file, result) in prepared {
            let report = match result {
                Err(e) => {
                    failure = true;
                    failed(&file, e)
                }
                Ok((p, mapping)) => match write_one(&tx, &p) {
                    Ok(w) => w.report(&file, mapping),
                    Err(e) if is_library_failure(&e) => {
                        return Err(library::error_with_path(path, e))
                    }
                    Err(e) => {
                        failure = true;
                        failed(&file, e)
                    }
                },
            };
            written.push(report);
        }
        if failure {
            // Dropping the transaction rolls it back: nothing this import
            // wrote stays, and the files that were fine say so.
            drop(tx);
            for r in &mut written {
                if r.outcome != ImportOutcome::Failed {
                    r.outcome = ImportOutcome::RolledBack;
                    r.article = None;
                }
            }
        } else {
            tx.commit().map_err(|e| Error::from_sqlite(path, e))?;
        }
        reports.extend(written);
        Ok(summarise(reports))
    }
}

/// A library-wide failure (disk full, read-only, busy) stops the import;
/// anything else belongs to one file.
fn is_library_failure(e: &Error) -> bool {
    matches!(
        e,
        Error::Storage(_)
            | Error::LibraryReadOnly { .. }
            | Error::DiskFull { .. }
            | Error::LibraryBusy { .. }
            | Error::LibraryCorrupt { .. }
            | Error::LibraryUnavailable { .. }
    )
}

fn summarise(files: Vec<FileReport>) -> ImportReport {
    let count = |o: ImportOutcome| files.iter().filter(|f| f.outcome == o).count() as u32;
    ImportReport {
        created: count(ImportOutcome::Created),
        updated: count(ImportOutcome::Updated),
        failed: count(ImportOutcome::Failed),
        files,
    }
}

fn failed(path: &Path, error: Error) -> FileReport {
    FileReport {
        path: path.display().to_string(),
        outcome: ImportOutcome::Failed,
        article: None,
        slug: String::new(),
        title: String::new(),
        mapping: Mapping::default(),
        images: 0,
        faq_items: 0,
        error: Some(ErrorInfo::from(error)),
    }
}

/// The Markdown files under `path`, in a stable order; hidden folders,
/// `node_modules` and the site generators' output folders are skipped.
fn collect(path: &Path, out: &mut Vec<PathBuf>) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if meta.is_file() {
        out.push(path.to_path_buf());
        return Ok(());
    }
    let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
        .map_err(io)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for entry in entries {
        let name = entry.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || matches!(name, "node_modules" | "public" | "_site" | "dist") {
            continue;
        }
        if entry.is_dir() {
            collect(&entry, out)?;
        } else if entry
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| MARKDOWN_EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
        {
            out.push(entry);
        }
    }
    Ok(())
}

/// Reads, maps and checks one file, before any write.
fn prepare(path: &Path, options: ImportOptions) -> Result<(Prepared, Mapping)> {
    let text = crate::usecases::markdown_file::read_markdown_file(path)?;
    prepare_text(path, &text, options)
}

/// Maps a file's text (read from `path`) and checks it, before any write.
pub(super) fn prepare_text(
    path: &Path,
    text: &str,
    options: ImportOptions,
) -> Result<(Prepared, Mapping)> {
    let (mut post, mapping) = post::read(text).map_err(|e| Error::FrontMatter {
        path: path.to_path_buf(),
        detail: e.0,
    })?;
    library::articles::check_body(&post.body)?;
    if options.faq == FaqImport::Detect && post.faq.is_empty() {
        if let Some(found) = crate::transform::faq::detect::detect(&post.body) {
            post.faq = found.items;
            post.body = found.body_without;
        }
    }
    let title = clean_title(&post.title)?;
    let publish_at = post.publish_at()?;
    // The file's own name is its slug when the front matter gives none:
    // that is its URL on the site it came from.
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let named = if matches!(stem, "index" | "_index") {
        path.parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .unwrap_or(stem)
    } else {
        stem
    };
    let slug = checked_slug(post.slug.as_deref().unwrap_or(named))?;
    let slug = if slug.is_empty() {
        crate::transform::slug::from_title(&title)
    } else {
        slug
    };
    let source = std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let status = post.status.unwrap_or(Status::Draft);
    Ok((
        Prepared {
            source,
            title,
            slug,
            publish_at,
            status,
            post,
            dir,
        },
        mapping,
    ))
}

pub(super) struct Written {
    pub(super) id: ArticleId,
    pub(super) created: bool,
    slug: String,
    title: String,
    images: u32,
    faq_items: u32,
    skipped: Vec<String>,
}

impl Written {
    fn report(self, path: &Path, mut mapping: Mapping) -> FileReport {
        mapping.skipped.extend(self.skipped);
        FileReport {
            path: path.display().to_string(),
            outcome: if self.created {
                ImportOutcome::Created
            } else {
                ImportOutcome::Updated
            },
            article: Some(self.id),
            slug: self.slug,
            title: self.title,
            mapping,
            images: self.images,
            faq_items: self.faq_items,
            error: None,
        }
    }
}

fn write_one(tx: &Transaction<'_>, p: &Prepared) -> Result<Written> {
    let existing = imported::article_from_source(tx, &p.source)?;
    write_prepared(
        tx,
        p,
        &Target {
            existing,
            source: Some(&p.source),
            kind: RevisionKind::Import,
            label: None,
            before: "before importing the file again",
        },
    )
}

/// Where a prepared file goes and how its arrival is named in history.
pub(super) struct Target<'a> {
    /// The article it updates; a new one when `None`.
    pub existing: Option<ArticleId>,
    /// Recorded as the article's source (imports), or left as it is.
    pub source: Option<&'a str>,
    pub kind: RevisionKind,
    pub label: Option<&'a str>,
    /// The label of the state kept before an update.
    pub before: &'a str,
}

pub(super) fn write_prepared(
    tx: &Transaction<'_>,
    p: &Prepared,
    target: &Target<'_>,
) -> Result<Written> {
    let post = &p.post;
    let dek = one_line(&post.dek, "dek", MAX_DEK_CHARS)?;
    let description = one_line(&post.description, "description", MAX_DESCRIPTION_CHARS)?;
    let authors = list(&post.authors.join(","), "author", MAX_AUTHORS, 100)?;
    let tags = list(&post.tags.join(","), "tag", MAX_TAGS, MAX_TAG_CHARS)?;
    let canonical = web_url(&post.canonical_url, "canonical URL")?;
    let faq: Vec<QuestionAnswer> = post
        .faq
        .iter()
        .map(crate::domain::faq::clean)
        .collect::<Result<_>>()?;

    let existing = target.existing;
    if let Some((holder, title)) = imported::slug_holder(tx, &p.slug)? {
        if Some(holder) != existing {
            return Err(Error::SlugTaken {
                slug: p.slug.clone(),
                title: if title.is_empty() {
                    crate::domain::article::UNTITLED.to_owned()
                } else {
                    title
                },
            });
        }
    }

    let (body, image, images, skipped) = copy_images(tx, &p.dir, &post.body, &post.image)?;
    let image = image_location(&image)?;

    let now = Utc::now();
    let (id, created) = match existing {
        Some(id) => {
            let before = read_article(tx, id)?;
            record(
                tx,
                id,
                RevisionKind::Checkpoint,
                Some(target.before),
                &RevisionState::from(&before),
                now,
            )?;
            if before.trashed_at.is_some() {
                imported::untrash(tx, id)?;
            }
            (id, false)
        }
        None => (insert_draft(tx, &p.title, &body)?, true),
    };
    let extra = serde_json::to_string(&post.extra).expect("JSON values serialise");
    let meta = ArticleMeta {
        title: p.title.clone(),
        dek,
        slug: p.slug.clone(),
        authors,
        tags,
        meta_description: description,
        canonical_url: canonical,
        featured_image: image,
        publish_at: p.publish_at,
        // A file carries no target; `write_imported` leaves the article's as it is.
        word_target: None,
    };
    imported::write_imported(
        tx,
        id,
        &ImportedFields {
            meta: &meta,
            body: &body,
            source: target.source,
            front_matter: &extra,
        },
        now,
    )?;
    library::articles::write_tags(tx, id, &meta.tags)?;
    imported::set_imported_status(tx, id, p.status, now)?;
    library::faq::replace_items(tx, id, &faq)?;
    let after = read_article(tx, id)?;
    record(
        tx,
        id,
        target.kind,
        target.label,
        &RevisionState::from(&after),
        now,
    )?;
    Ok(Written {
        id,
        created,
        slug: p.slug.clone(),
        title: p.title.clone(),
        images,
        faq_items: faq.len() as u32,
        skipped,
    })
}

mod images;
use images::copy_images;

#[cfg(test)]
mod tests;
