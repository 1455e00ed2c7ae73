//! Corrections: the dated notes a published article lists as "Updates".

use byline_core::domain::correction::Updates;
use byline_core::ArticleId;
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::state::Typing;

/// The article's corrections and the "Updates" HTML for the preview.
#[tauri::command(async)]
pub fn article_updates(app: AppHandle, id: ArticleId) -> IpcResult<Updates> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .updates(id)?)
}

#[tauri::command(async)]
pub fn add_correction(app: AppHandle, id: ArticleId, note: String) -> IpcResult<Updates> {
    let mut library = state(&app).library_after_typing(Typing::Of(id))?;
    library.add_correction(id, &note)?;
    Ok(library.updates(id)?)
}

/// Rewrites a correction's note; its time stays and the edit is dated.
#[tauri::command(async)]
pub fn edit_correction(
    app: AppHandle,
    id: ArticleId,
    correction: i64,
    note: String,
) -> IpcResult<Updates> {
    let mut library = state(&app).library_after_typing(Typing::Of(id))?;
    library.edit_correction(id, correction, &note)?;
    Ok(library.updates(id)?)
}

#[tauri::command(async)]
pub fn remove_correction(app: AppHandle, id: ArticleId, correction: i64) -> IpcResult<Updates> {
    let mut library = state(&app).library_after_typing(Typing::Of(id))?;
    library.remove_correction(id, correction)?;
    Ok(library.updates(id)?)
}
