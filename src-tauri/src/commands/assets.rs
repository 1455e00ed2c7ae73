//! Images dropped or pasted into the editor, into the library's asset store.

use byline_core::library::{StoredImage, MAX_IMAGE_BYTES};
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;

/// An image dropped or pasted into the editor, its bytes as base64 (one
/// string crosses IPC far faster than a JSON array of numbers).
#[tauri::command(async)]
pub fn store_image(app: AppHandle, name: String, data: String) -> IpcResult<StoredImage> {
    use base64::Engine as _;
    if name.chars().count() > 255 {
        return Err(
            byline_core::Error::invalid("image name", "is longer than 255 characters").into(),
        );
    }
    // Checked before decoding so a huge paste is refused without a copy.
    if data.len() / 4 * 3 > MAX_IMAGE_BYTES + 3 {
        return Err(byline_core::Error::UnsupportedImage {
            name,
            reason: format!(
                "it is larger than the {} MB limit",
                MAX_IMAGE_BYTES / 1_048_576
            ),
        }
        .into());
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.as_bytes())
        .map_err(|e| byline_core::Error::UnsupportedImage {
            name: name.clone(),
            reason: format!("its data did not arrive intact ({e})"),
        })?;
    Ok(state(&app).library().store_image(&name, &bytes)?)
}
