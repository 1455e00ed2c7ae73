//! The folder mirror as the window runs it: one watcher at a time, its
//! events sent to the window, its last error kept for the settings panel.
//! The rules and the watcher itself live in the core (`usecases/`
//! `mirror_rules.rs`, `mirror_folder.rs`, `mirror_watcher.rs`); the
//! commands that drive this are in `commands/mirror.rs`.

use std::path::Path;
use std::sync::{Arc, Mutex};

use byline_core::usecases::mirror_rules::{MirrorChange, MirrorConflict};
use byline_core::usecases::mirror_watcher::{MirrorHooks, MirrorWatcher};
use byline_core::ErrorInfo;
use tauri::{AppHandle, Emitter, Manager};

use crate::ipc::events;
use crate::state::{lock, AppState, Typing};

/// The folder mirror as the settings panel shows it.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct MirrorStatus {
    /// The folder, when the mirror is on.
    pub folder: Option<String>,
    pub running: bool,
    pub conflicts: Vec<MirrorConflict>,
    /// The last thing the mirror could not do.
    pub error: Option<String>,
    /// Why the mirror waits, when its folder is missing or replaced: it
    /// reads and writes nothing until the folder is back.
    pub paused: Option<String>,
}

#[derive(Default)]
pub struct Mirror {
    watcher: Mutex<Option<MirrorWatcher>>,
    /// Shared with the running watcher's hooks, which set and clear it.
    error: Arc<Mutex<Option<ErrorInfo>>>,
    /// The pause in force, set and cleared by the watcher's hooks.
    paused: Arc<Mutex<Option<ErrorInfo>>>,
}

impl Mirror {
    /// Starts mirroring the library at `library_path` into `folder`,
    /// replacing any mirror running now.
    pub fn start(
        &self,
        app: &AppHandle,
        library_path: &Path,
        folder: &Path,
    ) -> byline_core::Result<()> {
        let mut slot = lock(&self.watcher);
        if let Some(running) = slot.take() {
            running.stop();
        }
        *lock(&self.paused) = None;
        let hooks = WindowHooks {
            app: app.clone(),
            error: Arc::clone(&self.error),
            paused: Arc::clone(&self.paused),
        };
        *slot = Some(MirrorWatcher::start(library_path, folder, hooks)?);
        Ok(())
    }

    /// Stops the mirror, if one runs, after it writes the last changes out.
    pub fn stop(&self) {
        if let Some(mirror) = lock(&self.watcher).take() {
            mirror.stop();
        }
        *lock(&self.paused) = None;
    }

    /// A mirror that could not start when the app opened: the app opens
    /// anyway (the folder may be on an unplugged disk) and says why here.
    pub fn paused(&self, folder: &Path, err: &byline_core::Error) {
        let mut info = ErrorInfo::from(err);
        info.message = format!("The mirror to {} is paused: {err}", folder.display());
        *lock(&self.error) = Some(info);
    }
}

/// The mirror as the settings panel shows it. The library is locked only
/// after the mirror's own locks are let go: starting or stopping a mirror
/// holds its slot while the watcher's thread finishes, and that thread may
/// be waiting for the library to write the window's typing.
pub fn status(state: &AppState) -> byline_core::Result<MirrorStatus> {
    let running = lock(&state.mirror.watcher).is_some();
    // The status keeps its plain message, as the bindings give its shape;
    // the `mirror-error` event carries the whole `{code, message}`.
    let error = lock(&state.mirror.error)
        .as_ref()
        .map(|e| e.message.clone());
    let paused = lock(&state.mirror.paused)
        .as_ref()
        .map(|e| e.message.clone());
    let library = state.library();
    Ok(MirrorStatus {
        folder: library.mirror_folder()?.map(|f| f.display().to_string()),
        running,
        conflicts: library.mirror_conflicts()?,
        error,
        paused,
    })
}

/// Tells the window what the mirror did. Before reading files it writes
/// whatever the window's autosave holds, so text typed a moment ago is in
/// the library when a file's edit arrives and a conflict is seen as one.
struct WindowHooks {
    app: AppHandle,
    error: Arc<Mutex<Option<ErrorInfo>>>,
    paused: Arc<Mutex<Option<ErrorInfo>>>,
}

impl MirrorHooks for WindowHooks {
    fn before_reading(&self) {
        if let Some(state) = self.app.try_state::<AppState>() {
            let _ = state.write_typing(Typing::All);
        }
    }

    fn changed(&self, change: &MirrorChange) {
        *lock(&self.error) = None;
        let _ = self.app.emit(events::MIRROR, change);
    }

    fn failed(&self, error: &byline_core::Error) {
        let info = ErrorInfo::from(error);
        *lock(&self.error) = Some(info.clone());
        let _ = self.app.emit(events::MIRROR_ERROR, info);
    }

    fn paused(&self, error: &byline_core::Error) {
        let info = ErrorInfo::from(error);
        *lock(&self.paused) = Some(info.clone());
        let _ = self.app.emit(events::MIRROR_PAUSED, info);
    }

    fn resumed(&self) {
        *lock(&self.paused) = None;
        *lock(&self.error) = None;
        let _ = self.app.emit(events::MIRROR_RESUMED, ());
    }
}
