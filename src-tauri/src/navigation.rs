//! The window never leaves the app. One guard, in the shell, refuses every
//! navigation of the window to anything but the app's own pages, wherever
//! the HTML that asked for it came from (the preview, a FAQ answer, the
//! boilerplate, a future panel). Web links open in the writer's browser,
//! and only when the writer clicked one: the page hands the click to
//! [`open_link`], which accepts web and mail addresses only.

use tauri::plugin::{Builder, TauriPlugin};
use tauri::{Runtime, Url};

/// The plugin that holds the guard; installed once, in `app.rs`.
pub fn guard<R: Runtime>() -> TauriPlugin<R> {
    Builder::new("navigation-guard")
        .on_navigation(|_webview, url| {
            let allowed = is_app_page(url);
            if !allowed {
                eprintln!("byline: refused to navigate the window to {url}");
            }
            allowed
        })
        .build()
}

/// The app's own pages: the embedded UI (`tauri://localhost` on Linux and
/// macOS, `http(s)://tauri.localhost` on Windows and Android), or Vite's
/// dev server in a `make dev` build.
fn is_app_page(url: &Url) -> bool {
    let host = url.host_str().unwrap_or_default();
    match url.scheme() {
        "tauri" => host == "localhost",
        "http" | "https" if host == "tauri.localhost" => true,
        _ => cfg!(not(feature = "custom-protocol")) && is_dev_server(url),
    }
}

fn is_dev_server(url: &Url) -> bool {
    url.scheme() == "http" && url.host_str() == Some("localhost") && url.port() == Some(1420)
}

/// The schemes a clicked link may open outside the app.
const OPENABLE: &[&str] = &["http", "https", "mailto"];

/// The writer clicked a link in the window: it opens in the system's
/// browser (or mail program). Anything but a web or mail address is refused.
pub fn open_link(url: &str) -> byline_core::Result<()> {
    let parsed = Url::parse(url.trim())
        .ok()
        .filter(|u| OPENABLE.contains(&u.scheme()))
        .ok_or_else(|| {
            byline_core::Error::invalid("link", format!("{url:?} is not a web or mail address"))
        })?;
    open::that_detached(parsed.as_str()).map_err(|e| {
        byline_core::Error::invalid(
            "link",
            format!("could not open {parsed} in your browser: {e}"),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(url: &str) -> bool {
        is_app_page(&Url::parse(url).unwrap())
    }

    #[test]
    fn only_the_apps_own_pages_may_be_shown() {
        assert!(page("tauri://localhost/index.html"));
        assert!(page("http://tauri.localhost/"));
        for away in [
            "https://example.com/",
            "http://localhost:8080/",
            "tauri://evil.example/",
            "file:///etc/passwd",
            "byline-asset://localhost/ab.png",
            "data:text/html,hi",
            "javascript:alert(1)",
            "about:blank",
        ] {
            assert!(!page(away), "{away}");
        }
    }

    #[test]
    fn only_web_and_mail_links_open_outside() {
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "tauri://localhost/",
            "no",
        ] {
            let err = open_link(bad).unwrap_err().to_string();
            assert!(err.contains("not a web or mail address"), "{bad}: {err}");
        }
    }
}
