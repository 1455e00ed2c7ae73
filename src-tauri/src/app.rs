//! The desktop shell: builds the Tauri app around the core.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use anyhow::{Context, Result};
use byline_core::transform::render::remote::REMOTE_SCHEME;
use byline_core::transform::render::{Previewer, Typography, ASSET_SCHEME};
use byline_core::usecases::autosave::{Autosaver, Policy};
use byline_core::Library;
use tauri::{Emitter, Manager, RunEvent, WindowEvent};

use crate::ipc::{self, events};
use crate::state::{AppState, Typing};

const WELCOME_TITLE: &str = "Welcome to Byline";
const WELCOME_BODY: &str = include_str!("../../assets/welcome.md");
const WELCOME_IMAGE: &[u8] = include_bytes!("../../assets/welcome-image.png");

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
    crate::webkit::set_rendering_defaults();
    // The library opens (and is checked: 50 ms at 10,000 articles) on its
    // own thread while GTK and the window start; the window's state waits
    // for it in setup, before anything can write to it.
    let opening = std::thread::Builder::new()
        .name("byline-open".into())
        .spawn(move || open(library_path))
        .context("cannot start opening the library")?;
    serve(opening)
}

/// The library the window shows, or why it would not open.
struct Opened {
    library: Option<Library>,
    problem: Option<byline_core::Error>,
    path: PathBuf,
}

fn open(library_path: PathBuf) -> Result<Opened> {
    let is_new = !library_path.exists();
    // A library that is damaged or will not open is never written to: the
    // window opens on a page that says why and offers its newest good
    // backup as a copy (`backups::Damaged`).
    let (mut library, problem) = match Library::open(&library_path) {
        Ok(library) => (Some(library), None),
        Err(err) if !is_new && byline_core::usecases::backups::may_be_damage(&err) => {
            (None, Some(err))
        }
        Err(err) => {
            return Err(err)
                .with_context(|| format!("cannot open the library {}", library_path.display()))
        }
    };
    if let Some(library) = library.as_mut().filter(|_| is_new) {
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
    Ok(Opened {
        library,
        problem,
        path: library_path,
    })
}

/// The opened library, once its thread is done. A library that cannot be
/// opened at all ends the app as the command line would, with the reason
/// on one line; the window has not been drawn yet.
fn wait_for_library(opening: std::thread::JoinHandle<Result<Opened>>) -> Opened {
    let failed = match opening.join() {
        Ok(Ok(opened)) => return opened,
        Ok(Err(err)) => format!("{err:#}").replace('\n', " "),
        Err(_) => "opening the library failed unexpectedly".to_owned(),
    };
    eprintln!("byline: {failed}");
    std::process::exit(1);
}

fn serve(opening: std::thread::JoinHandle<Result<Opened>>) -> Result<()> {
    let app = tauri::Builder::default()
        .setup(move |app| {
            let Opened {
                library,
                problem,
                path,
            } = wait_for_library(opening);
            app.manage(crate::backups::Damaged::new(&path, problem.as_ref()));
            crate::webkit::reload_when_the_page_dies(app.handle());
            if let Some(library) = library {
                start(app.handle(), library, path);
            }
            Ok(())
        })
        .on_window_event(|window, event| {
            // Dropped files are taken from the shell's own event, never from
            // the page: the page cannot ask for a path to be imported.
            if let WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                crate::commands::import::dropped(window.app_handle(), paths);
            }
            // Closing the window writes pending text first; if that fails the
            // window stays open so the text is still there, and the autosave
            // event has already put the reason in the status bar.
            if let WindowEvent::CloseRequested { api, .. } = event {
                if let Some(state) = window.try_state::<AppState>() {
                    if state.write_typing(Typing::All).is_err() {
                        api.prevent_close();
                    }
                }
            }
        })
        .register_uri_scheme_protocol(ASSET_SCHEME, |ctx, request| {
            serve_asset(ctx.app_handle(), request.uri().path())
        })
        .register_asynchronous_uri_scheme_protocol(REMOTE_SCHEME, |_ctx, request, responder| {
            crate::remote_images::serve(request.uri().path().to_owned(), responder)
        })
        // The window shows the app and nothing else (links open in the
        // browser, see navigation.rs).
        .plugin(crate::navigation::guard())
        // Only Rust opens dialogs (the window has no dialog permission),
        // so a page can never choose where Byline writes.
        .plugin(tauri_plugin_dialog::init())
        .invoke_handler(ipc::handler())
        .build(tauri::generate_context!())
        .context("cannot start the window")?;

    app.run(|handle, event| {
        // Closing the last window or quitting: write what autosave still
        // holds, then keep a backup of the library as it was left.
        if let RunEvent::Exit = event {
            if let Some(state) = handle.try_state::<AppState>() {
                if let Err(err) = state.write_typing(Typing::All) {
                    eprintln!("byline: could not save before quitting: {err}");
                }
                // The mirror writes the last saves out before it stops.
                state.mirror.stop();
                state.backups.on_quit(&state);
            }
        }
    });
    Ok(())
}

/// Puts an open library behind the window: autosave, the preview's
/// settings, spelling, the mirror and hourly backups. Run once, at setup,
/// or when a damaged library's backup is opened as a copy instead.
pub fn start(app: &tauri::AppHandle, mut library: Library, library_path: PathBuf) {
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
    // A mirror setting or site settings that cannot be read leave the
    // mirror off and the preview plain; the settings panel reports why.
    let mirror_folder = library.mirror_folder().ok().flatten();
    let site = library.site_settings().unwrap_or_default();
    let typography = Typography::of(&site);
    let library = Arc::new(Mutex::new(library));

    let handle = app.clone();
    let autosaver = Autosaver::start(Arc::clone(&library), Policy::default(), move |event| {
        let _ = handle.emit(events::AUTOSAVE, event);
    });
    let mut previewer = Previewer::new(Some(ASSET_BASE));
    previewer.set_typography(typography);
    app.manage(AppState::new(library, library_path, autosaver, previewer));
    app.state::<AppState>()
        .set_site_remote_images(site.load_remote_images);
    // Spelling is set up once the page has drawn (`window_shown`): the
    // dictionaries load on the main thread, which carries the page's
    // requests too.
    if let Some(folder) = mirror_folder {
        // A folder that went missing (an unplugged disk) does not stop the
        // mirror starting: it waits, paused, for the folder. Any other
        // failure must not stop the app opening; the settings panel shows why.
        let state = app.state::<AppState>();
        if let Err(e) = state.mirror.start(app, &state.library_path, &folder) {
            state.mirror.paused(&folder, &e);
        }
    }
    crate::backups::start_timer(app.clone());
}

/// Serves `/<hash>.<ext>` from the library's asset store. Content-addressed,
/// so a response never goes stale and may be cached for good.
fn serve_asset(app: &tauri::AppHandle, path: &str) -> tauri::http::Response<Vec<u8>> {
    let file = path.trim_start_matches('/');
    let found = app
        .try_state::<AppState>()
        .map(|state| state.library().asset(file));
    asset_response(found)
}

/// The response for an asset lookup. No `Access-Control-Allow-Origin`: the
/// window shows images with `<img>`, which needs none, and nothing else
/// (another origin's page, a script) may read the writer's images.
fn asset_response(
    found: Option<byline_core::Result<Option<byline_core::library::Asset>>>,
) -> tauri::http::Response<Vec<u8>> {
    let response = tauri::http::Response::builder().header("X-Content-Type-Options", "nosniff");
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assets_are_served_to_the_window_alone() {
        let found = byline_core::library::Asset {
            mime: "image/png",
            bytes: vec![1, 2, 3],
        };
        for response in [asset_response(Some(Ok(Some(found)))), asset_response(None)] {
            let headers = response.headers();
            assert!(
                headers.get("access-control-allow-origin").is_none(),
                "{headers:?}"
            );
            assert_eq!(headers.get("x-content-type-options").unwrap(), "nosniff");
        }
    }
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
