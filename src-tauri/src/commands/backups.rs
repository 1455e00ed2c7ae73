//! Backups, restoring one, checking the library, and a library that would
//! not open, for the Settings panel and the damaged-library page.

use std::path::Path;

use byline_core::usecases::backups::{self, BackupInfo, BackupReason};
use byline_core::usecases::doctor::{self, DoctorReport, Repair};
use byline_core::{Error, Library};
use chrono::Utc;
use tauri::{AppHandle, Manager};

use super::state;
use crate::backups::{BackupStatus, Damaged, LibraryProblem};
use crate::ipc::IpcResult;
use crate::state::{lock, Typing};

#[tauri::command(async)]
pub fn backup_status(app: AppHandle) -> IpcResult<BackupStatus> {
    Ok(crate::backups::status(state(&app))?)
}

/// A backup now, of what is on screen: pending typing is written first.
#[tauri::command(async)]
pub fn back_up_now(app: AppHandle) -> IpcResult<BackupStatus> {
    let state = state(&app);
    state.write_typing(Typing::All)?;
    state.backups.make(state, BackupReason::Manual)?;
    Ok(crate::backups::status(state)?)
}

#[tauri::command(async)]
pub fn choose_backup_folder(app: AppHandle) -> IpcResult<BackupStatus> {
    let state = state(&app);
    if let Some(folder) = crate::dialogs::pick_folder(&app, "Keep backups in a folder") {
        state.library().set_backup_folder(Some(&folder))?;
    }
    Ok(crate::backups::status(state)?)
}

#[tauri::command(async)]
pub fn reset_backup_folder(app: AppHandle) -> IpcResult<BackupStatus> {
    let state = state(&app);
    state.library().set_backup_folder(None)?;
    Ok(crate::backups::status(state)?)
}

/// Puts the library back as one of its listed backups. Typing is written
/// first (so it is in the backup of the current library the restore keeps)
/// and the mirror stopped (the restore turns it off, so the folder's newer
/// files do not come back over the restored articles); the window reloads
/// after.
#[tauri::command(async)]
pub fn restore_backup(app: AppHandle, path: String) -> IpcResult<BackupInfo> {
    let state = state(&app);
    // Refused before anything stops: not a listed backup, or one that
    // fails its check.
    let listed = backups::list(&state.library())?;
    if !listed.iter().any(|b| b.path == path) {
        return Err(Error::invalid(
            "backup",
            format!("{path} is not one of this library's backups"),
        )
        .into());
    }
    byline_core::library::verify_backup(Path::new(&path))?;
    state.write_typing(Typing::All)?;
    let mirror_folder = state.library().mirror_folder().ok().flatten();
    state.mirror.stop();
    let mut library = state.library();
    let kept = match backups::restore(&mut library, Path::new(&path), Utc::now()) {
        Ok(restored) => restored.kept,
        Err(err) => {
            drop(library);
            // Nothing was restored: the mirror carries on as it was.
            if let Some(folder) = mirror_folder {
                if let Err(e) = state.mirror.start(&app, &state.library_path, &folder) {
                    state.mirror.paused(&folder, &e);
                }
            }
            return Err(err.into());
        }
    };
    let site = library.site_settings().unwrap_or_default();
    drop(library);
    state
        .previewer_settings()
        .set_typography(byline_core::transform::render::Typography::of(&site));
    state.set_site_remote_images(site.load_remote_images);
    Ok(kept)
}

/// `byline doctor` for the window. Typing is written first so the check
/// sees the text on screen.
#[tauri::command(async)]
pub fn check_library(app: AppHandle) -> IpcResult<DoctorReport> {
    let library = state(&app).library_after_typing(Typing::All)?;
    Ok(doctor::check(&library)?)
}

#[tauri::command(async)]
pub fn repair_library(app: AppHandle) -> IpcResult<Repair> {
    let mut library = state(&app).library_after_typing(Typing::All)?;
    Ok(doctor::repair(&mut library, Utc::now())?)
}

/// What is wrong with a library that would not open; `None` when it opened.
#[tauri::command(async)]
pub fn library_problem(app: AppHandle) -> IpcResult<Option<LibraryProblem>> {
    Ok(app
        .try_state::<Damaged>()
        .and_then(|d| lock(&d.problem).clone()))
}

/// Copies the newest good backup beside the damaged library (which stays
/// as it is), opens the copy and starts the window's library on it;
/// returns the copy's path. The window reloads after.
#[tauri::command(async)]
pub fn open_backup_copy(app: AppHandle) -> IpcResult<String> {
    let damaged = app.state::<Damaged>();
    let mut slot = lock(&damaged.problem);
    let Some(problem) = slot.as_ref() else {
        return Err(
            Error::invalid("library", "opened normally; there is nothing to recover").into(),
        );
    };
    let Some(backup) = &problem.backup else {
        return Err(Error::invalid("backup", "no good backup of this library was found").into());
    };
    let copy = backups::recovered_copy(&damaged.library_path, Path::new(&backup.path), Utc::now())?;
    let library = Library::open(&copy)?;
    crate::app::start(&app, library, copy.clone());
    *slot = None;
    Ok(copy.display().to_string())
}
