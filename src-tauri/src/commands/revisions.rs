//! History: revisions, comparisons, snapshots and restores. Each writes the
//! article's pending typing first, so a checkpoint it triggers is in the
//! list and "now" is the text on screen.

use byline_core::domain::revision::RevisionInfo;
use byline_core::transform::diff::Comparison;
use byline_core::{Article, ArticleId};
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::state::Typing;

/// The article's revisions, newest first.
#[tauri::command(async)]
pub fn article_history(app: AppHandle, id: ArticleId) -> IpcResult<Vec<RevisionInfo>> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .history(id)?)
}

/// Revision `from` against revision `to`, or against the text as it is now.
#[tauri::command(async)]
pub fn compare_revisions(
    app: AppHandle,
    id: ArticleId,
    from: u32,
    to: Option<u32>,
) -> IpcResult<Comparison> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .compare_revisions(id, from, to)?)
}

#[tauri::command(async)]
pub fn restore_revision(app: AppHandle, id: ArticleId, number: u32) -> IpcResult<Article> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .restore_revision(id, number)?)
}

#[tauri::command(async)]
pub fn snapshot_article(app: AppHandle, id: ArticleId, label: String) -> IpcResult<RevisionInfo> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .snapshot(id, &label)?)
}

#[tauri::command(async)]
pub fn label_revision(
    app: AppHandle,
    id: ArticleId,
    number: u32,
    label: String,
) -> IpcResult<RevisionInfo> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .label_revision(id, number, &label)?)
}
