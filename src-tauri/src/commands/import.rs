//! Imports: files and folders dropped on the window, or chosen with the
//! Import dialog.
//!
//! The page never names a path to import: a drop is taken from the shell's
//! own drag-drop event ([`dropped`]) and a dialog pick from the dialog the
//! shell opened. Files are read and checked without the library (nothing
//! waits on them), then written one short transaction at a time, each
//! after pending typing, so typing, autosave and quitting stay responsive
//! during a long import. Progress goes to the window as `import-progress`.

use std::path::PathBuf;

use byline_core::usecases::import::download::{self, ImageDownloadReport};
use byline_core::usecases::import::{
    import_report, plan_import, report_progress, ImportOptions, ImportPhase, ImportProgress,
    ImportReport,
};
use byline_core::ErrorInfo;
use serde::Serialize;
use tauri::{AppHandle, Emitter};

use super::state;
use crate::ipc::{events, IpcResult};
use crate::state::Typing;

/// The result of importing what was dropped on the window, sent as the
/// `import-done` event (a drop is not a command, so it has no reply).
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImportDone {
    pub report: Option<ImportReport>,
    pub error: Option<ErrorInfo>,
}

/// "Import…": asks for Markdown files (or a folder, when `folder`), then
/// imports them. `None` when the writer cancels.
#[tauri::command(async)]
pub fn import_dialog(
    app: AppHandle,
    folder: bool,
    options: ImportOptions,
) -> IpcResult<Option<ImportReport>> {
    let paths = if folder {
        crate::dialogs::pick_folder(&app, "Import a folder of Markdown").map(|p| vec![p])
    } else {
        crate::dialogs::pick_markdown_files(&app)
    };
    let Some(paths) = paths else {
        return Ok(None);
    };
    Ok(Some(import(&app, &paths, options)?))
}

/// Files and folders dropped on the window, as the shell's drag-drop event
/// gives them: imported on a thread of their own, the outcome sent as
/// `import-done`. Images are left out (the editor takes those on paste).
pub fn dropped(app: &AppHandle, paths: &[PathBuf]) {
    let wanted: Vec<PathBuf> = paths.iter().filter(|p| !is_image(p)).cloned().collect();
    if wanted.is_empty() {
        return;
    }
    let app = app.clone();
    std::thread::spawn(move || {
        let done = match import(&app, &wanted, ImportOptions::default()) {
            Ok(report) => ImportDone {
                report: Some(report),
                error: None,
            },
            Err(e) => ImportDone {
                report: None,
                error: Some(e.0),
            },
        };
        let _ = app.emit(events::IMPORT_DONE, done);
    });
}

fn is_image(path: &std::path::Path) -> bool {
    path.extension().and_then(|e| e.to_str()).is_some_and(|e| {
        matches!(
            e.to_ascii_lowercase().as_str(),
            "png"
                | "jpg"
                | "jpeg"
                | "gif"
                | "webp"
                | "avif"
                | "svg"
                | "heic"
                | "bmp"
                | "tif"
                | "tiff"
        )
    })
}

/// Reads every file with the library free, then writes each in its own
/// transaction (all in one when `atomic`), taking the library only for it.
fn import(app: &AppHandle, paths: &[PathBuf], options: ImportOptions) -> IpcResult<ImportReport> {
    let mut progress = |p: ImportProgress| {
        let _ = app.emit(events::IMPORT_PROGRESS, p);
    };
    let plan = plan_import(paths, options, &mut progress)?;
    let state = state(app);
    if options.atomic {
        return Ok(state
            .library_after_typing(Typing::All)?
            .apply_import(plan, &mut progress)?);
    }
    let mut reports = plan.refused;
    let skipped = plan.skipped;
    let total = plan.files.len() as u32;
    for (i, file) in plan.files.into_iter().enumerate() {
        let report = state
            .library_after_typing(Typing::All)?
            .import_planned(file)?;
        reports.push(report);
        report_progress(&mut progress, ImportPhase::Writing, i as u32 + 1, total);
    }
    Ok(import_report(reports, skipped))
}

/// What "Download N images" did: the article as it now is (the editor
/// takes its text) and what became of each image.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ImagesDownloaded {
    pub article: byline_core::Article,
    pub report: ImageDownloadReport,
}

/// "Download N images" in the import review: article `id`'s images from
/// other sites fetched (only now, only `http(s)`) with the library free,
/// then stored and the text pointed at them in one transaction, on the
/// text as it is by then (typing done meanwhile is kept).
#[tauri::command(async)]
pub fn download_images(app: AppHandle, id: byline_core::ArticleId) -> IpcResult<ImagesDownloaded> {
    let fetch = crate::image_fetch::HttpImages::new()
        .map_err(|reason| byline_core::Error::invalid("image download", reason))?;
    let state = state(&app);
    let images = state
        .library_after_typing(Typing::Of(id))?
        .remote_images(id)?;
    // The fetcher blocks on the async runtime, so it runs on a thread of
    // its own, never on one of the runtime's (where commands run).
    let fetched = std::thread::scope(|scope| {
        scope
            .spawn(|| download::fetch_all(&images, &fetch))
            .join()
            .map_err(|_| byline_core::Error::invalid("image download", "stopped unexpectedly"))
    })?;
    let (article, report) = state
        .library_after_typing(Typing::Of(id))?
        .store_downloads(id, &images, fetched)?;
    Ok(ImagesDownloaded { article, report })
}

/// A whole web page pasted into the editor (the clipboard's HTML was a
/// document, not a fragment), read as a saved page is on import
/// (`transform::web_page`), for the window to offer; nothing changes until
/// the writer takes it.
#[tauri::command(async)]
pub fn structure_page(_app: AppHandle, html: String) -> IpcResult<PastedPage> {
    let page = byline_core::transform::web_page::read(&html)?;
    let mut body = page.body;
    if !page.faq.is_empty() {
        // As a pasted text's FAQ: a section the usual offer turns into items.
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str("## Frequently Asked Questions\n");
        for qa in &page.faq {
            body.push_str(&format!("\n### {}\n\n{}\n", qa.question, qa.answer));
        }
    }
    Ok(PastedPage {
        looks_like_article: !page.title.is_empty() || !body.trim().is_empty(),
        title: page.title,
        body,
        changes: page.changes,
        description: page.description,
        canonical_url: page.canonical_url,
        authors: page.authors,
        image: page.image,
        sources: page.sources,
    })
}

/// What [`structure_page`] makes of a pasted page: the article, its fields
/// from the page's metadata, and every change for the review.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PastedPage {
    pub looks_like_article: bool,
    pub title: String,
    /// Markdown; a FAQ is a section at its end.
    pub body: String,
    pub changes: Vec<byline_core::transform::plain_article::StructureChange>,
    pub description: String,
    pub canonical_url: String,
    pub authors: Vec<String>,
    pub image: String,
    /// Where each field came from: "og:title → title".
    pub sources: Vec<String>,
}
