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
use crate::library::articles::{insert_draft, read_article};
use crate::library::imported::{self, ImportedFields};
use crate::library::metadata::{image_location, list, one_line, web_url};
use crate::library::revisions::record;
use crate::library::{
    self, Library, MAX_AUTHORS, MAX_DEK_CHARS, MAX_DESCRIPTION_CHARS, MAX_TAGS, MAX_TAG_CHARS,
};
use crate::transform::post::{Mapping, Post};

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
    /// Take a plain-text file's text as it is, without giving it its
    /// structure back (`transform::plain_article`).
    #[serde(default)]
    pub plain: bool,
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
    /// Images the article shows from other sites that could be downloaded
    /// (`download::remote_images`); nothing is fetched unless asked.
    pub remote_images: u32,
    /// What a download the writer asked for did (`--download-images`).
    pub downloads: Option<download::ImageDownloadReport>,
    pub error: Option<ErrorInfo>,
}

/// A folder or file an import left out on purpose (a site's templates,
/// its build output, a page fragment), and why: never silently.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SkippedFile {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ImportReport {
    pub files: Vec<FileReport>,
    pub skipped: Vec<SkippedFile>,
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
    /// Images are read only from inside this folder.
    root: PathBuf,
}

/// How far a long import has come, for the window's progress line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct ImportProgress {
    pub phase: ImportPhase,
    pub done: u32,
    pub total: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ImportPhase {
    /// Files being read and checked; the library is not touched.
    Reading,
    /// Articles being written, each in its own short transaction.
    Writing,
}

/// One file of an import, read and checked (or refused), not yet written.
pub struct PlannedFile {
    path: PathBuf,
    result: Result<(Prepared, Mapping)>,
}

/// An import read from disk, ready to write: [`plan_import`] does all the
/// reading without the library, so a window can keep the library free for
/// typing while files are read, then write them one short transaction at
/// a time ([`Library::import_planned`]).
pub struct ImportPlan {
    pub files: Vec<PlannedFile>,
    /// Paths refused before reading (missing, not a regular file, a link
    /// out of the folder).
    pub refused: Vec<FileReport>,
    /// Folders and files left out on purpose.
    pub skipped: Vec<SkippedFile>,
    pub options: ImportOptions,
}

/// Finds and reads every file under `paths`, telling `progress` how far
/// it has come. Touches no library.
pub fn plan_import(
    paths: &[PathBuf],
    options: ImportOptions,
    progress: &mut dyn FnMut(ImportProgress),
) -> Result<ImportPlan> {
    let mut found = walk::Walk::default();
    let mut refused = Vec::new();
    for path in paths {
        if let Err(e) = found.add(path) {
            if found.too_big {
                return Err(e);
            }
            refused.push(failed(path, e));
        }
    }
    refused.extend(found.refused.drain(..).map(|(path, e)| failed(&path, e)));
    if found.files.len() > MAX_IMPORT_FILES {
        return Err(Error::invalid(
            "import",
            format!(
                "found {} Markdown files; import at most {MAX_IMPORT_FILES} at once",
                found.files.len()
            ),
        ));
    }
    let total = found.files.len() as u32;
    let mut skipped: Vec<SkippedFile> = found
        .skipped
        .drain(..)
        .map(|(path, reason)| SkippedFile {
            path: path.display().to_string(),
            reason,
        })
        .collect();
    let mut files = Vec::with_capacity(found.files.len());
    for (i, file) in found.files.into_iter().enumerate() {
        if file.in_folder {
            if let Some(reason) = prepare::not_a_page(&file.path) {
                skipped.push(SkippedFile {
                    path: file.path.display().to_string(),
                    reason,
                });
                report_progress(progress, ImportPhase::Reading, i as u32 + 1, total);
                continue;
            }
        }
        let result = prepare(&file.path, &file.root, options);
        files.push(PlannedFile {
            path: file.path,
            result,
        });
        report_progress(progress, ImportPhase::Reading, i as u32 + 1, total);
    }
    Ok(ImportPlan {
        files,
        refused,
        skipped,
        options,
    })
}

/// Tells `progress` at every 25th file and the last: enough to move a
/// progress line without flooding the window with events.
pub fn report_progress(
    progress: &mut dyn FnMut(ImportProgress),
    phase: ImportPhase,
    done: u32,
    total: u32,
) {
    if done.is_multiple_of(25) || done == total {
        progress(ImportProgress { phase, done, total });
    }
}

/// The report of an import whose files were written one by one.
pub fn import_report(files: Vec<FileReport>, skipped: Vec<SkippedFile>) -> ImportReport {
    summarise(files, skipped)
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
        let plan = plan_import(paths, options, &mut |_| {})?;
        self.apply_import(plan, &mut |_| {})
    }

    /// Writes a planned import: each file in its own transaction, or all
    /// in one (`atomic`).
    pub fn apply_import(
        &mut self,
        plan: ImportPlan,
        progress: &mut dyn FnMut(ImportProgress),
    ) -> Result<ImportReport> {
        let mut reports = plan.refused;
        if plan.options.atomic {
            return self.import_atomic(plan.files, reports, plan.skipped);
        }
        let total = plan.files.len() as u32;
        for (i, file) in plan.files.into_iter().enumerate() {
            reports.push(self.import_planned(file)?);
            report_progress(progress, ImportPhase::Writing, i as u32 + 1, total);
        }
        Ok(summarise(reports, plan.skipped))
    }

    /// Writes one planned file in its own transaction. An `Err` only when
    /// the library itself fails; the file's own problems are in the report.
    pub fn import_planned(&mut self, file: PlannedFile) -> Result<FileReport> {
        let PlannedFile { path, result } = file;
        Ok(match result {
            Err(e) => failed(&path, e),
            Ok((mut prepared, mut mapping)) => {
                match self.write(|tx| write_one(tx, &mut prepared, &mut mapping)) {
                    Ok(written) => written.report(&path, mapping),
                    Err(e) if is_library_failure(&e) => return Err(e),
                    Err(e) => failed(&path, e),
                }
            }
        })
    }

    fn import_atomic(
        &mut self,
        prepared: Vec<PlannedFile>,
        mut reports: Vec<FileReport>,
        skipped: Vec<SkippedFile>,
    ) -> Result<ImportReport> {
        let mut failure = !reports.is_empty();
        let mut written: Vec<FileReport> = Vec::new();
        let path = &self.path;
        let tx = library::begin_write(&mut self.conn, path)?;
        for PlannedFile { path: file, result } in prepared {
            let report = match result {
                Err(e) => {
                    failure = true;
                    failed(&file, e)
                }
                Ok((mut p, mut mapping)) => match write_one(&tx, &mut p, &mut mapping) {
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
        Ok(summarise(reports, skipped))
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

fn summarise(files: Vec<FileReport>, skipped: Vec<SkippedFile>) -> ImportReport {
    let count = |o: ImportOutcome| files.iter().filter(|f| f.outcome == o).count() as u32;
    ImportReport {
        skipped,
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
        remote_images: 0,
        downloads: None,
        error: Some(ErrorInfo::from(error)),
    }
}

pub(super) struct Written {
    pub(super) id: ArticleId,
    pub(super) created: bool,
    slug: String,
    title: String,
    images: u32,
    faq_items: u32,
    remote_images: u32,
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
            remote_images: self.remote_images,
            downloads: None,
            error: None,
        }
    }
}

fn write_one(tx: &Transaction<'_>, p: &mut Prepared, mapping: &mut Mapping) -> Result<Written> {
    let existing = imported::article_from_source(tx, &p.source)?;
    free_slug(tx, p, existing, mapping)?;
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

    let (body, image, images, skipped) = copy_images(tx, &p.dir, &p.root, &post.body, &post.image)?;
    let image = image_location(&image)?;
    let remote_images = download::fetchable(&download::remote_images(&body, &image, &canonical));

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
        remote_images,
        skipped,
    })
}

pub mod boilerplate;
pub mod download;
mod fit;
mod images;
mod named;
mod prepare;
pub(super) use prepare::prepare_text;
use prepare::{free_slug, prepare};
mod walk;
use images::copy_images;

#[cfg(test)]
mod tests;
