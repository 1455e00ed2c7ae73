//! The site settings (the publication, the FAQ heading, the boilerplate).

use byline_core::domain::site_settings::SiteSettings;
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;

#[tauri::command(async)]
pub fn site_settings(app: AppHandle) -> IpcResult<SiteSettings> {
    Ok(state(&app).library().site_settings()?)
}

#[tauri::command(async)]
pub fn set_site_settings(app: AppHandle, settings: SiteSettings) -> IpcResult<SiteSettings> {
    Ok(state(&app).library().set_site_settings(&settings)?)
}
