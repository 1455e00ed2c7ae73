//! The desktop shell: builds the Tauri app around the core.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use anyhow::{Context, Result};
use byline_core::transform::render::{Previewer, ASSET_SCHEME};
use byline_core::usecases::autosave::{Autosaver, Policy};
use byline_core::usecases::mirror_rules::MirrorChange;
use byline_core::usecases::mirror_watcher::{MirrorHooks, MirrorWatcher};
use byline_core::Library;
use tauri::{Emitter, Manager, RunEvent, WindowEvent};

use crate::ipc::{self, events};

const WELCOME_TITLE: &str = "Welcome to Byline";
const WELCOME_BODY: &str = include_str!("../../assets/welcome.md");
const WELCOME_IMAGE: &[u8] = include_bytes!("../../assets/welcome-image.png");

pub struct AppState {
    library: Arc<Mutex<Library>>,
    pub library_path: PathBuf,
    pub autosaver: Autosaver,
    previewer: Mutex<Previewer>,
    /// The folder mirror, while one is on.
    pub mirror: Mutex<Option<MirrorWatcher>>,
    /// The last thing the mirror could not do, for the settings panel.
    pub mirror_error: Arc<Mutex<Option<String>>>,
}

/// Tells the window what the mirror did. Before reading files it writes
/// whatever the window's autosave holds, so text typed a moment ago is in
/// the library when a file's edit arrives and a conflict is seen as one.
struct WindowHooks {
    app: tauri::AppHandle,
    error: Arc<Mutex<Option<String>>>,
}

impl MirrorHooks for WindowHooks {
    fn before_reading(&self) {
        if let Some(state) = self.app.try_state::<AppState>() {
            let _ = state.autosaver.flush();
        }
    }

    fn changed(&self, change: &MirrorChange) {
        *self.error.lock().unwrap_or_else(PoisonError::into_inner) = None;
        let _ = self.app.emit(events::MIRROR, change);
    }

    fn failed(&self, message: String) {
        *self.error.lock().unwrap_or_else(PoisonError::into_inner) = Some(message.clone());
        let _ = self.app.emit(events::MIRROR_ERROR, message);
    }
}

/// Starts mirroring into `folder`, replacing any mirror running now.
pub fn start_mirror(app: &tauri::AppHandle, folder: &std::path::Path) -> byline_core::Result<()> {
    let state = app.state::<AppState>();
    let mut slot = state.mirror.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(running) = slot.take() {
        running.stop();
    }
    let hooks = WindowHooks {
        app: app.clone(),
        error: Arc::clone(&state.mirror_error),
    };
    *slot = Some(MirrorWatcher::start(&state.library_path, folder, hooks)?);
    Ok(())
}

impl AppState {
    pub fn library(&self) -> MutexGuard<'_, Library> {
        // See autosave's `lock`: a panic elsewhere must not stop saving.
        self.library.lock().unwrap_or_else(PoisonError::into_inner)
    }

    pub fn previewer(&self) -> MutexGuard<'_, Previewer> {
        // Its cache only ever holds finished entries, so a poisoned lock
        // leaves nothing half-written behind.
        self.previewer
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
    }
}

/// The URL the window loads library images from: WebKitGTK and WKWebView
/// take custom schemes as they are; WebView2 and Android see them as
/// `http://<scheme>.localhost`.
pub const ASSET_BASE: &str = if cfg!(any(windows, target_os = "android")) {
    "http://byline-asset.localhost/"
} else {
    "byline-asset://localhost/"
};

pub fn run(library_path: PathBuf) -> Result<()> {
    ensure_display()?;
    let is_new = !library_path.exists();
    let mut library = Library::open(&library_path)
        .with_context(|| format!("cannot open the library {}", library_path.display()))?;
    if is_new {
        // A new library opens on an article that shows what Byline does; it
        // is an ordinary article, gone with one click.
        let image = library
            .store_image("welcome-image.png", WELCOME_IMAGE)
            .context("cannot store the welcome article's image")?;
        let body = WELCOME_BODY.replace(
            "{{welcome-image}}",
            &format!("![A page in Byline]({})", image.path),
        );
        library
            .create_article(WELCOME_TITLE, &body)
            .context("cannot write the welcome article")?;
    }
    // How long typing must pause before the text at the pause is kept as a
    // checkpoint; `BYLINE_CHECKPOINT_PAUSE_MS` tunes it (tests use a short
    // one).
    if let Some(ms) = std::env::var("BYLINE_CHECKPOINT_PAUSE_MS")
        .ok()
        .and_then(|v| v.parse::<u64>().ok())
    {
        library.set_checkpoint_policy(byline_core::library::CheckpointPolicy {
            pause: std::time::Duration::from_millis(ms),
            ..Default::default()
        });
    }
    let mirror_folder = library
        .mirror_folder()
        .context("cannot read the mirror setting")?;
    let library = Arc::new(Mutex::new(library));

    let app = tauri::Builder::default()
        .setup(move |app| {
            let handle = app.handle().clone();
            let autosaver =
                Autosaver::start(Arc::clone(&library), Policy::default(), move |event| {
                    let _ = handle.emit(events::AUTOSAVE, event);
                });
            app.manage(AppState {
                library,
                library_path,
                autosaver,
                previewer: Mutex::new(Previewer::new(Some(ASSET_BASE))),
                mirror: Mutex::new(None),
                mirror_error: Arc::new(Mutex::new(None)),
            });
            if let Some(folder) = mirror_folder {
                // A folder that went missing (an unplugged disk) must not
                // stop the app opening; the settings panel shows why.
                if let Err(e) = start_mirror(app.handle(), &folder) {
                    let state = app.state::<AppState>();
                    *state
                        .mirror_error
                        .lock()
                        .unwrap_or_else(PoisonError::into_inner) =
                        Some(format!("The mirror to {} is paused: {e}", folder.display()));
                }
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            // Closing the window writes pending text first; if that fails the
            // window stays open so the text is still there, and the autosave
            // event has already put the reason in the status bar.
            if let WindowEvent::CloseRequested { api, .. } = event {
                if let Some(state) = window.try_state::<AppState>() {
                    if state.autosaver.flush().is_err() {
                        api.prevent_close();
                    }
                }
            }
        })
        .register_uri_scheme_protocol(ASSET_SCHEME, |ctx, request| {
            serve_asset(ctx.app_handle(), request.uri().path())
        })
        // Only Rust opens dialogs (the window has no dialog permission),
        // so a page can never choose where Byline writes.
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(ipc::handler())
        .build(tauri::generate_context!())
        .context("cannot start the window")?;

    app.run(|handle, event| {
        // Closing the last window or quitting: write what autosave still holds.
        if let RunEvent::Exit = event {
            if let Some(state) = handle.try_state::<AppState>() {
                if let Err(err) = state.autosaver.flush() {
                    eprintln!("byline: could not save before quitting: {err}");
                }
                // The mirror writes the last saves out before it stops.
                if let Some(mirror) = state
                    .mirror
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take()
                {
                    mirror.stop();
                }
            }
        }
    });
    Ok(())
}

/// Serves `/<hash>.<ext>` from the library's asset store. Content-addressed,
/// so a response never goes stale and may be cached for good.
fn serve_asset(app: &tauri::AppHandle, path: &str) -> tauri::http::Response<Vec<u8>> {
    let file = path.trim_start_matches('/');
    let found = app
        .try_state::<AppState>()
        .map(|state| state.library().asset(file));
    let response = tauri::http::Response::builder()
        .header("X-Content-Type-Options", "nosniff")
        .header("Access-Control-Allow-Origin", "*");
    let built = match found {
        Some(Ok(Some(asset))) => response
            .header("Content-Type", asset.mime)
            .header("Cache-Control", "max-age=31536000, immutable")
            .body(asset.bytes),
        Some(Ok(None)) | None => response
            .status(404)
            .header("Content-Type", "text/plain")
            .body(b"no such image in this library".to_vec()),
        Some(Err(err)) => response
            .status(500)
            .header("Content-Type", "text/plain")
            .body(err.to_string().into_bytes()),
    };
    built.unwrap_or_else(|_| tauri::http::Response::new(Vec::new()))
}

/// GTK aborts with an unhelpful message when there is no display; say what
/// is wrong and how to run Byline anyway.
fn ensure_display() -> Result<()> {
    #[cfg(target_os = "linux")]
    {
        let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty());
        if !set("DISPLAY") && !set("WAYLAND_DISPLAY") {
            anyhow::bail!(
                "no display found (DISPLAY and WAYLAND_DISPLAY are unset): the window needs a graphical session; on a headless machine run it under Xvfb, e.g. `xvfb-run -a byline`"
            );
        }
    }
    Ok(())
}
