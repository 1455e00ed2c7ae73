//! Exports: one article (previewed, or written where the writer chooses)
//! and the static site. Pending typing is written first, so an export is
//! of the text on screen.

use byline_core::transform::export::Format;
use byline_core::usecases::article_export::{Exported, WrittenExport};
use byline_core::usecases::site_export::SiteExport;
use byline_core::{ArticleId, Status};
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::state::Typing;

/// An export as it would be written, for the export dialog's summary and
/// "Copy as HTML" (the fragment).
#[tauri::command(async)]
pub fn preview_export(app: AppHandle, id: ArticleId, format: Format) -> IpcResult<Exported> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .render_export(id, format)?)
}

/// Asks where to save (the native dialog, opened by Rust so the window
/// never names a path), then writes the export there with its images.
/// `None` when the writer cancels.
#[tauri::command(async)]
pub fn export_article(
    app: AppHandle,
    id: ArticleId,
    format: Format,
) -> IpcResult<Option<WrittenExport>> {
    let state = state(&app);
    let file_name = state
        .library_after_typing(Typing::Of(id))?
        .render_export(id, format)?
        .file_name;
    let Some(path) = crate::dialogs::save_file(&app, &file_name, format) else {
        return Ok(None);
    };
    let written = state.library().export_to_file(id, format, &path)?;
    Ok(Some(written))
}

/// Asks for a folder, then exports every article with `status` (all when
/// `None`) there as a static site.
#[tauri::command(async)]
pub fn export_site(app: AppHandle, status: Option<Status>) -> IpcResult<Option<SiteExport>> {
    let state = state(&app);
    state.write_typing(Typing::All)?;
    let Some(dir) = crate::dialogs::pick_folder(&app, "Export the site into a folder") else {
        return Ok(None);
    };
    let report = state.library().export_site(&dir, status)?;
    Ok(Some(report))
}
