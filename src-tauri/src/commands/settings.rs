//! The site settings (the publication, the FAQ heading, the boilerplate).

use byline_core::domain::site_settings::SiteSettings;
use byline_core::transform::render::Typography;
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::spellcheck::SpellcheckStatus;

#[tauri::command(async)]
pub fn site_settings(app: AppHandle) -> IpcResult<SiteSettings> {
    Ok(state(&app).library().site_settings()?)
}

#[tauri::command(async)]
pub fn set_site_settings(app: AppHandle, settings: SiteSettings) -> IpcResult<SiteSettings> {
    let state = state(&app);
    let saved = state.library().set_site_settings(&settings)?;
    // The preview renders as exports will from the next keystroke on.
    state
        .previewer_settings()
        .set_typography(Typography::of(&saved));
    state.set_site_remote_images(saved.load_remote_images);
    // The window checks spelling (or stops) in the saved language; what
    // the engine made of it is for `spellcheck_status` to tell.
    drop(crate::spellcheck::apply(&app, &saved));
    Ok(saved)
}

/// What the About section shows: which Byline this is, and which library
/// file the window has open.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct About {
    /// The package version the binary was built from (`byline --version`).
    pub version: String,
    pub library: String,
}

#[tauri::command(async)]
pub fn about(app: AppHandle) -> IpcResult<About> {
    Ok(About {
        version: env!("CARGO_PKG_VERSION").to_owned(),
        library: state(&app).library_path.display().to_string(),
    })
}

#[tauri::command(async)]
pub fn spellcheck_status(app: AppHandle) -> IpcResult<SpellcheckStatus> {
    crate::spellcheck::status(&app)
}
