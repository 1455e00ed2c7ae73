//! The Details panel: one metadata field at a time, and slug checks.

use byline_core::domain::article::ArticleField;
use byline_core::library::SlugCheck;
use byline_core::{Article, ArticleId};
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::state::Typing;

/// Sets one metadata field from the Details panel, with the same rules as
/// `byline set`. Pending typing is written first, so a revision the change
/// records holds the body on screen.
#[tauri::command(async)]
pub fn set_field(
    app: AppHandle,
    id: ArticleId,
    field: ArticleField,
    value: String,
) -> IpcResult<Article> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .set_field(id, field, &value)?)
}

/// Whether a slug being typed is free, so a clash shows before saving.
#[tauri::command(async)]
pub fn check_slug(app: AppHandle, id: ArticleId, slug: String) -> IpcResult<SlugCheck> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .check_slug(id, &slug)?)
}
