//! Links the writer clicks in the window (see `navigation.rs`).

use tauri::AppHandle;

use crate::ipc::IpcResult;

/// Opens a clicked web or mail link in the system's browser.
#[tauri::command(async)]
pub fn open_link(_app: AppHandle, url: String) -> IpcResult<()> {
    Ok(crate::navigation::open_link(&url)?)
}
