//! Backups and a damaged library as the window runs them: the hourly
//! timer, the backup on quit, the last automatic failure for Settings, and
//! what the window shows instead of the library when it would not open.
//! The policies (names, thinning, restore, which failures are damage) are
//! the core's (`usecases::backups`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::Duration;

use byline_core::usecases::backups::{self, BackupInfo, BackupReason};
use byline_core::ErrorInfo;
use chrono::Utc;
use serde::Serialize;
use tauri::{AppHandle, Manager};
use ts_rs::TS;

use crate::state::{lock, AppState};

/// How often the timer asks whether an hourly backup is due; the backup
/// itself comes at most hourly (`backups::AUTOMATIC_EVERY`).
/// `BYLINE_BACKUP_CHECK_MS` shortens it (tests).
const CHECK_EVERY: Duration = Duration::from_secs(60);

fn check_every() -> Duration {
    std::env::var("BYLINE_BACKUP_CHECK_MS")
        .ok()
        .and_then(|v| v.parse().ok())
        .map_or(CHECK_EVERY, Duration::from_millis)
}

/// Backups as the Settings panel shows them.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BackupStatus {
    pub folder: String,
    /// Whether the writer chose the folder (false: beside the library).
    pub chosen: bool,
    /// Newest first; the first is the last backup.
    pub backups: Vec<BackupInfo>,
    /// Why the last automatic backup failed, until one succeeds.
    pub error: Option<String>,
}

/// A library that would not open: what is wrong, and the newest backup
/// that passes its check, which the window offers to open as a copy.
#[derive(Debug, Clone, Serialize, TS)]
pub struct LibraryProblem {
    pub library: String,
    pub error: ErrorInfo,
    pub backup: Option<BackupInfo>,
}

/// The running app's backup state.
#[derive(Default)]
pub struct Backups {
    error: Mutex<Option<String>>,
}

impl Backups {
    /// Makes a backup now, remembering an automatic one's failure for
    /// Settings (a backup by hand reports its own).
    pub fn make(&self, state: &AppState, reason: BackupReason) -> byline_core::Result<BackupInfo> {
        let made = backups::make(&state.library(), reason, Utc::now());
        if reason != BackupReason::Manual || made.is_ok() {
            *lock(&self.error) = made.as_ref().err().map(ToString::to_string);
        }
        made
    }

    /// A backup when the window closes, unless nothing changed since the
    /// newest one.
    pub fn on_quit(&self, state: &AppState) {
        let due = {
            let library = state.library();
            match backups::list(&library) {
                Ok(all) => all
                    .first()
                    .is_none_or(|newest| backups::changed_since(library.path(), newest.made_at)),
                Err(_) => true,
            }
        };
        if due {
            if let Err(err) = self.make(state, BackupReason::Quit) {
                eprintln!("byline: could not back up the library on quit: {err}");
            }
        }
    }
}

/// The status for Settings. A folder that cannot be read lists no backups
/// and says why, so the writer can choose another.
pub fn status(state: &AppState) -> byline_core::Result<BackupStatus> {
    let library = state.library();
    let last_error = lock(&state.backups.error).clone();
    let (backups, error) = match backups::list(&library) {
        Ok(all) => (all, last_error),
        Err(err) => (Vec::new(), last_error.or(Some(err.to_string()))),
    };
    Ok(BackupStatus {
        folder: backups::folder(&library)?.display().to_string(),
        chosen: library.backup_folder()?.is_some(),
        backups,
        error,
    })
}

/// Starts the thread that makes the hourly backup while the window is open.
pub fn start_timer(app: AppHandle) {
    std::thread::Builder::new()
        .name("byline-backups".into())
        .spawn(move || loop {
            std::thread::sleep(check_every());
            let Some(state) = app.try_state::<AppState>() else {
                continue;
            };
            let due = backups::automatic_due(&state.library(), Utc::now()).unwrap_or(true);
            if due {
                let _ = state.backups.make(&state, BackupReason::Hourly);
            }
        })
        .map(drop)
        .unwrap_or_else(|e| eprintln!("byline: hourly backups are off: {e}"));
}

/// The window's slot for a library that would not open (empty when it
/// opened), and where a copy of its backup is opened instead.
pub struct Damaged {
    pub problem: Mutex<Option<LibraryProblem>>,
    pub library_path: PathBuf,
}

impl Damaged {
    pub fn new(library_path: &Path, err: Option<&byline_core::Error>) -> Self {
        Damaged {
            problem: Mutex::new(err.map(|err| LibraryProblem {
                library: library_path.display().to_string(),
                error: ErrorInfo::from(err),
                backup: backups::newest_good(library_path),
            })),
            library_path: library_path.to_path_buf(),
        }
    }
}
