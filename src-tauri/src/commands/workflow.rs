//! The editorial workflow: status, the trash, duplicates.

use byline_core::{Article, ArticleId, ArticleSummary, Status, StatusChange};
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::state::Typing;

/// Pending typing is written first: a status change is kept as a revision,
/// and it should hold the text on screen.
#[tauri::command(async)]
pub fn set_status(app: AppHandle, id: ArticleId, status: Status) -> IpcResult<Article> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .set_status(id, status)?)
}

#[tauri::command(async)]
pub fn status_history(app: AppHandle, id: ArticleId) -> IpcResult<Vec<StatusChange>> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .status_history(id)?)
}

/// Moves an article to the trash after writing any pending edit, so the
/// text in the trash is the text the writer last saw.
#[tauri::command(async)]
pub fn trash_article(app: AppHandle, id: ArticleId) -> IpcResult<ArticleSummary> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .trash(id)?
        .summary())
}

// An article in the trash has no typing pending (trashing wrote it), and
// writing some now could only fail on the trashed article and block the
// command that mends it: restoring and deleting for good do not flush.

#[tauri::command(async)]
pub fn restore_article(app: AppHandle, id: ArticleId) -> IpcResult<ArticleSummary> {
    Ok(state(&app).library().restore(id)?.summary())
}

#[tauri::command(async)]
pub fn delete_forever(app: AppHandle, id: ArticleId) -> IpcResult<()> {
    Ok(state(&app).library().delete_forever(id)?)
}

#[tauri::command(async)]
pub fn empty_trash(app: AppHandle) -> IpcResult<u32> {
    let deleted = state(&app).library().empty_trash()?;
    Ok(u32::try_from(deleted).unwrap_or(u32::MAX))
}

#[tauri::command(async)]
pub fn duplicate_article(app: AppHandle, id: ArticleId) -> IpcResult<Article> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .duplicate(id)?)
}
