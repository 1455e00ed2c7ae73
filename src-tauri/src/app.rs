//! The desktop shell: builds the Tauri app around the core.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use anyhow::{Context, Result};
use byline_core::autosave::{Autosaver, Policy};
use byline_core::Library;
use tauri::{Emitter, Manager, RunEvent, WindowEvent};

use crate::ipc::{self, events};

const WELCOME_TITLE: &str = "Welcome to Byline";
const WELCOME_BODY: &str = include_str!("../../assets/welcome.md");

pub struct AppState {
    library: Arc<Mutex<Library>>,
    pub autosaver: Autosaver,
}

impl AppState {
    pub fn library(&self) -> MutexGuard<'_, Library> {
        // See autosave's `lock`: a panic elsewhere must not stop saving.
        self.library.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

pub fn run(library_path: PathBuf) -> Result<()> {
    ensure_display()?;
    let is_new = !library_path.exists();
    let mut library = Library::open(&library_path)
        .with_context(|| format!("cannot open the library {}", library_path.display()))?;
    if is_new {
        // A new library opens on an article that shows what Byline does; it
        // is an ordinary article, gone with one click.
        library
            .create_article(WELCOME_TITLE, WELCOME_BODY)
            .context("cannot write the welcome article")?;
    }
    let library = Arc::new(Mutex::new(library));

    let app = tauri::Builder::default()
        .setup(move |app| {
            let handle = app.handle().clone();
            let autosaver =
                Autosaver::start(Arc::clone(&library), Policy::default(), move |event| {
                    let _ = handle.emit(events::AUTOSAVE, event);
                });
            app.manage(AppState { library, autosaver });
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
            }
        }
    });
    Ok(())
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
