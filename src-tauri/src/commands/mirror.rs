//! The folder mirror's commands, for the settings panel and the conflict
//! banner; the mirror itself runs in `crate::mirror`.

use byline_core::usecases::mirror_rules::ConflictChoice;
use byline_core::{Article, ArticleId};
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::mirror::MirrorStatus;
use crate::state::Typing;

#[tauri::command(async)]
pub fn mirror_status(app: AppHandle) -> IpcResult<MirrorStatus> {
    let state = state(&app);
    Ok(crate::mirror::status(state)?)
}

/// Asks for a folder (the native dialog) and mirrors the library there.
/// The mirror reads files in before writing, so pending typing is written
/// first and a conflict with it is seen.
#[tauri::command(async)]
pub fn choose_mirror_folder(app: AppHandle) -> IpcResult<MirrorStatus> {
    let state = state(&app);
    if let Some(folder) = crate::dialogs::pick_folder(&app, "Mirror the library into a folder") {
        state.write_typing(Typing::All)?;
        state.mirror.start(&app, &state.library_path, &folder)?;
    }
    Ok(crate::mirror::status(state)?)
}

/// Turns the mirror off. The files stay where they are; pending typing is
/// written first, so the mirror's last write-out carries it to the folder.
#[tauri::command(async)]
pub fn stop_mirror(app: AppHandle) -> IpcResult<MirrorStatus> {
    let state = state(&app);
    // A write that fails has told the window through its autosave event,
    // and must not keep a mirror running that the writer turned off.
    let _ = state.write_typing(Typing::All);
    state.mirror.stop();
    state.library().set_mirror_folder(None)?;
    Ok(crate::mirror::status(state)?)
}

/// The writer's choice after a conflict between the window and the file.
#[tauri::command(async)]
pub fn resolve_mirror_conflict(
    app: AppHandle,
    id: ArticleId,
    choice: ConflictChoice,
) -> IpcResult<Article> {
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .resolve_mirror_conflict(id, choice)?)
}
