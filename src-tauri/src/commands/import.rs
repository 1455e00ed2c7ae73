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
    let total = plan.files.len() as u32;
    for (i, file) in plan.files.into_iter().enumerate() {
        let report = state
            .library_after_typing(Typing::All)?
            .import_planned(file)?;
        reports.push(report);
        report_progress(&mut progress, ImportPhase::Writing, i as u32 + 1, total);
    }
    Ok(import_report(reports))
}
