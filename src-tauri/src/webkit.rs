//! What the window needs from WebKitGTK on Linux to keep a writer's page
//! alive: rendering settings that avoid a known crash, and a reload when the
//! page dies anyway.

/// WebKitGTK's accelerated compositing crashes the page inside Mesa on many
/// Linux graphics stacks (software rendering in VMs and under Xvfb, some
/// NVIDIA and Wayland setups): a general-protection fault in the threaded
/// compositor that leaves the window blank. Drawing without compositing
/// avoids it at no cost a writer notices (measured: typing latency no
/// worse). A writer who has set the variable, to either value, keeps theirs:
/// `WEBKIT_DISABLE_COMPOSITING_MODE=0 byline` turns compositing back on.
///
/// Called before GTK starts and before any other thread exists.
pub fn set_rendering_defaults() {
    #[cfg(target_os = "linux")]
    if std::env::var_os(COMPOSITING).is_none() {
        std::env::set_var(COMPOSITING, "1");
    }
}

#[cfg(target_os = "linux")]
const COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

/// Reloads the window when its page dies (a crash, WebKit's memory limit,
/// a killed process). Nothing typed is in the page alone: every keystroke
/// was staged with the autosaver as it was typed, so the reloaded page asks
/// for the article that was open ([`crate::state::AppState::page_start`])
/// and finds every one of them, with a notice of what happened.
pub fn reload_when_the_page_dies(app: &tauri::AppHandle) {
    #[cfg(target_os = "linux")]
    {
        use tauri::Manager;
        let Some(window) = app.get_webview_window("main") else {
            return;
        };
        let app = app.clone();
        let _ = window.with_webview(move |webview| {
            use webkit2gtk::{WebProcessTerminationReason as Reason, WebViewExt};
            let view: webkit2gtk::WebView = webview.inner();
            view.connect_web_process_terminated(move |view, reason| {
                let why = match reason {
                    Reason::ExceededMemoryLimit => "ran out of memory",
                    Reason::TerminatedByApi => "was stopped",
                    _ => "crashed",
                };
                eprintln!("byline: the window's page {why}; reloading it");
                if let Some(state) = app.try_state::<crate::state::AppState>() {
                    state.page_died(why);
                }
                // Until the reloaded page opens its article again.
                if let Some(window) = app.get_webview_window("main") {
                    let _ = window.set_title("Byline");
                }
                view.reload();
            });
        });
    }
    #[cfg(not(target_os = "linux"))]
    let _ = app;
}
