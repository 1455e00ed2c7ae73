//! The autosave protocol: the editor stages its text on every change, and
//! the window can ask for everything staged to be written now.

use byline_core::library::check_body;
use byline_core::ArticleId;
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::state::Typing;

/// Hands the editor's text to autosave. Cheap: it is called on every change.
/// `seq` numbers the edit so the window can match the autosave event to it;
/// `base` is the `body_hash` of the article as the editor loaded it, so a
/// body changed elsewhere meanwhile is never written over.
#[tauri::command(async)]
pub fn stage_body(
    app: AppHandle,
    id: ArticleId,
    body: String,
    seq: u64,
    base: String,
) -> IpcResult<()> {
    check_body(&body)?;
    check_base(&base)?;
    state(&app).stage_typing(id, body, seq, base);
    Ok(())
}

/// An edit's base must be a body fingerprint (SHA-256, in hex).
pub(super) fn check_base(base: &str) -> byline_core::Result<()> {
    if base.len() != 64 || !base.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(byline_core::Error::invalid(
            "base",
            "is not a body fingerprint",
        ));
    }
    Ok(())
}

#[tauri::command(async)]
pub fn flush_saves(app: AppHandle) -> IpcResult<()> {
    Ok(state(&app).write_typing(Typing::All)?)
}

/// Quits after writing every pending edit. If that write fails the app stays
/// open, so the text is still on screen and the error is shown.
#[tauri::command(async)]
pub fn quit(app: AppHandle) -> IpcResult<()> {
    state(&app).write_typing(Typing::All)?;
    app.exit(0);
    Ok(())
}
