//! Imports: files and folders dropped on the window, or chosen with the
//! Import dialog. Every article's pending typing is written first: an
//! import may update the article on screen.

use byline_core::usecases::import::{ImportOptions, ImportReport};
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::state::Typing;

/// Files or folders dropped on the window.
#[tauri::command(async)]
pub fn import_paths(
    app: AppHandle,
    paths: Vec<String>,
    options: ImportOptions,
) -> IpcResult<ImportReport> {
    if paths.is_empty() || paths.len() > 10_000 {
        return Err(
            byline_core::Error::invalid("import", "needs between 1 and 10,000 paths").into(),
        );
    }
    let paths: Vec<std::path::PathBuf> = paths.into_iter().map(Into::into).collect();
    Ok(state(&app)
        .library_after_typing(Typing::All)?
        .import_paths(&paths, options)?)
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
    let report = state(&app)
        .library_after_typing(Typing::All)?
        .import_paths(&paths, options)?;
    Ok(Some(report))
}
