//! Driving the real Byline window through tauri-driver (WebDriver), for the
//! end-to-end tests and the app benchmarks.
//!
//! Each [`App`] starts its own tauri-driver on free ports, which starts the
//! built `byline` binary on a given library. Needs a display (make test runs
//! these under Xvfb), `tauri-driver` and `WebKitWebDriver` on PATH.

#![allow(dead_code)]

pub mod link_site;

use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::{json, Value};

pub const BYLINE: &str = env!("CARGO_BIN_EXE_byline");
const PATIENCE: Duration = Duration::from_secs(15);

/// The app the tests drive: this build's `byline`, or the one named by
/// `BYLINE_APP_BINARY` (`make test-package` sets it to the installed
/// `/usr/bin/byline`).
pub fn app_binary() -> String {
    std::env::var("BYLINE_APP_BINARY")
        .ok()
        .filter(|path| !path.is_empty())
        .unwrap_or_else(|| BYLINE.to_owned())
}
/// WebDriver key codes (W3C WebDriver, "keyboard actions").
pub const CTRL: char = '\u{E009}';
pub const SHIFT: char = '\u{E008}';
pub const RELEASE_MODIFIERS: char = '\u{E000}';
pub const ENTER: char = '\u{E007}';
pub const TAB: char = '\u{E004}';
pub const ESCAPE: char = '\u{E00C}';
pub const SPACE: char = '\u{E00D}';
pub const UP: char = '\u{E013}';
pub const DOWN: char = '\u{E015}';
pub const END: char = '\u{E010}';

/// What has the keyboard, described for assertions: its test id, or the
/// editor, or its tag.
const FOCUSED: &str = "(() => { const a = document.activeElement; \
    if (!a || a === document.body) return 'nothing'; \
    if (a.closest('.cm-content')) return 'editor'; \
    return a.dataset.testid || a.closest('[data-testid]')?.dataset.testid + ' ' + a.tagName.toLowerCase(); })()";

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

pub struct App {
    pub client: Client,
    driver: Child,
    /// The webview's own storage (localStorage: the theme choice), fresh
    /// for each launch so one test's choices never reach another.
    _webview_data: tempfile::TempDir,
}

impl App {
    /// What has the keyboard (see [`FOCUSED`]).
    pub async fn focused(&self) -> Value {
        self.js(FOCUSED).await
    }

    pub async fn wait_focus(&self, expected: &str) {
        self.wait_for_js(FOCUSED, json!(expected)).await;
    }

    /// Keys sent to whatever has the keyboard; a newline is the Enter key.
    /// Each chord (Ctrl… up to the release) goes as a send of its own, as a
    /// writer lets go of the keys between one and the next.
    pub async fn press(&self, keys: &str) {
        let keys = keys.replace('\n', &ENTER.to_string());
        let mut parts = Vec::new();
        let mut rest = keys.as_str();
        while let Some(start) = rest.find(CTRL) {
            let end = rest[start..].find(RELEASE_MODIFIERS).unwrap()
                + start
                + RELEASE_MODIFIERS.len_utf8();
            parts.push(&rest[..start]);
            parts.push(&rest[start..end]);
            rest = &rest[end..];
        }
        parts.push(rest);
        for part in parts.into_iter().filter(|p| !p.is_empty()) {
            // WebDriver sends keys to an element: the one with the keyboard
            // (in the editor, its content, which CodeMirror listens on). The
            // window may redraw that element between finding it and typing
            // (a panel re-rendering its field): then it is found again.
            let mut tries = 0;
            loop {
                let target = if self.focused().await == json!("editor") {
                    self.wait_for_css(".cm-content").await
                } else {
                    self.client
                        .active_element()
                        .await
                        .expect("something has the keyboard")
                };
                match target.send_keys(part).await {
                    Ok(()) => break,
                    Err(fantoccini::error::CmdError::Standard(e))
                        if e.error == fantoccini::error::ErrorStatus::StaleElementReference
                            && tries < 5 =>
                    {
                        tries += 1;
                        tokio::time::sleep(Duration::from_millis(50)).await;
                    }
                    Err(e) => panic!("typing {part:?}: {e}"),
                }
            }
        }
    }

    /// Starts Byline on `library` and connects to its window.
    pub async fn launch(library: &Path) -> App {
        App::launch_with_env(library, &[]).await
    }

    /// As [`App::launch`], with extra environment for the app (for example
    /// `GTK_THEME=Adwaita:dark`, which WebKitGTK reports as a dark system theme).
    pub async fn launch_with_env(library: &Path, env: &[(&str, &str)]) -> App {
        App::launch_until(library, env, "[id='byline:app'] > .app").await
    }

    /// As [`App::launch_with_env`], ready once `ready_css` is on the page
    /// (a library that will not open shows a page of its own).
    pub async fn launch_until(library: &Path, env: &[(&str, &str)], ready_css: &str) -> App {
        App::launch_args(&app_binary(), json!(["--library", library]), env, ready_css).await
    }

    /// Starts Byline as a file manager does when `library` is
    /// double-clicked (`byline FILE.byline`, the desktop entry's `%f`).
    pub async fn launch_double_clicked(library: &Path) -> App {
        App::launch_args(
            &app_binary(),
            json!([library]),
            &[],
            "[id='byline:app'] > .app",
        )
        .await
    }

    /// Starts `binary` (usually [`app_binary`]) with `args` and waits for
    /// `ready_css`.
    pub async fn launch_args(
        binary: &str,
        args: Value,
        env: &[(&str, &str)],
        ready_css: &str,
    ) -> App {
        let port = free_port();
        let native_port = free_port();
        let webview_data = tempfile::tempdir().unwrap();
        let driver = Command::new("tauri-driver")
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("XDG_DATA_HOME", webview_data.path())
            .env("XDG_CACHE_HOME", webview_data.path().join("cache"))
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            // Its own process group, so ending it also ends the
            // WebKitWebDriver and app processes it started.
            .process_group(0)
            .spawn()
            .expect("tauri-driver must be on PATH (make test installs it)");
        let url = format!("http://127.0.0.1:{port}");
        let mut caps = serde_json::Map::new();
        caps.insert("browserName".into(), json!("wry"));
        caps.insert(
            "tauri:options".into(),
            json!({ "application": binary, "args": args }),
        );
        let deadline = Instant::now() + PATIENCE;
        let client = loop {
            match ClientBuilder::rustls()
                .unwrap()
                .capabilities(caps.clone())
                .connect(&url)
                .await
            {
                Ok(client) => break client,
                Err(err) if Instant::now() < deadline => {
                    let _ = err;
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                Err(err) => panic!("could not start a WebDriver session: {err}"),
            }
        };
        let app = App {
            client,
            driver,
            _webview_data: webview_data,
        };
        app.wait_for_css(ready_css).await;
        app
    }

    /// Starts Byline on an empty library. The file exists beforehand, so
    /// the app treats it as the writer's (no welcome article).
    pub async fn launch_fresh() -> (tempfile::TempDir, PathBuf, App) {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("library.byline");
        byline_core::Library::open(&library).unwrap();
        let app = App::launch(&library).await;
        (dir, library, app)
    }

    /// Clicks "New article" in the sidebar.
    /// Clicks New article and waits until it is open: the window gives the
    /// new article's title the keyboard once it has loaded, so keys sent
    /// before then could land in the title halfway through.
    pub async fn new_article(&self) {
        self.wait_for_css("[data-testid=new-article]")
            .await
            .click()
            .await
            .unwrap();
        self.wait_for_js(
            "document.activeElement?.dataset.testid === 'title-input'",
            json!(true),
        )
        .await;
    }

    /// Clicks the element matching `css`, once it is there.
    pub async fn click(&self, css: &str) {
        self.wait_for_css(css).await.click().await.unwrap();
    }

    /// The text of the element matching `css`, trimmed, once it is there.
    /// (Its DOM text: WebDriver's own text leaves out what it judges hidden,
    /// such as a notice fading in.)
    pub async fn text_of(&self, css: &str) -> String {
        let el = self.wait_for_css(css).await;
        self.client
            .execute("return arguments[0].textContent;", vec![json!(el)])
            .await
            .unwrap()
            .as_str()
            .unwrap_or_default()
            .trim()
            .to_owned()
    }

    /// Saves `{name}-light.png` and `{name}-dark.png`: the same window in
    /// each designed theme (set directly, as the theme switch does).
    pub async fn screenshot_both_themes(&self, name: &str) {
        for theme in ["light", "dark"] {
            self.js(&format!(
                "(document.documentElement.dataset.theme = '{theme}', true)"
            ))
            .await;
            // Let the page repaint in the new colours.
            tokio::time::sleep(Duration::from_millis(150)).await;
            self.screenshot(&format!("{name}-{theme}")).await;
        }
        self.js("(delete document.documentElement.dataset.theme, true)")
            .await;
    }

    pub async fn wait_for_css(&self, css: &str) -> fantoccini::elements::Element {
        let deadline = Instant::now() + PATIENCE;
        loop {
            if let Ok(el) = self.client.find(Locator::Css(css)).await {
                return el;
            }
            if Instant::now() >= deadline {
                let page = self.failure_context("wait-css").await;
                panic!("timed out waiting for {css}; {page}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// What a timed-out wait reports beside its own expectation: the
    /// messages the window shows (alerts, the status bar) and a screenshot,
    /// so a failure in CI can be read without rerunning it.
    async fn failure_context(&self, name: &str) -> String {
        let shown = self
            .client
            .execute(
                "return Array.from(document.querySelectorAll('[role=alert], [role=status]'))
                    .map(e => e.textContent.trim()).filter(t => t).join(' | ');",
                vec![],
            )
            .await
            .unwrap_or(Value::Null);
        let stamp = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_millis())
            .unwrap_or(0);
        let shot = match self.snapshot().await {
            Ok(png) => {
                let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-failures");
                let path = dir.join(format!("{name}-{stamp}.png"));
                let _ = std::fs::create_dir_all(&dir);
                let _ = std::fs::write(&path, png);
                path.display().to_string()
            }
            Err(e) => format!("no screenshot ({e})"),
        };
        format!("the window shows: {shown}; screenshot: {shot}")
    }

    /// Polls a JavaScript expression until it returns `expected`.
    pub async fn wait_for_js(&self, expr: &str, expected: Value) -> Value {
        let deadline = Instant::now() + PATIENCE;
        let script = format!("return ({expr});");
        loop {
            let got = self
                .client
                .execute(&script, vec![])
                .await
                .unwrap_or(Value::Null);
            if got == expected {
                return got;
            }
            if Instant::now() >= deadline {
                let page = self.failure_context("wait-js").await;
                panic!("timed out waiting for `{expr}` to be {expected}, last {got}; {page}");
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    pub async fn js(&self, expr: &str) -> Value {
        self.client
            .execute(&format!("return ({expr});"), vec![])
            .await
            .unwrap()
    }

    /// The editor's text, line by line as CodeMirror shows it.
    pub async fn editor_text(&self) -> String {
        self.js(
            "Array.from(document.querySelectorAll('.cm-line')).map(l => l.textContent).join('\\n')",
        )
        .await
        .as_str()
        .unwrap_or_default()
        .to_owned()
    }

    /// Sends keys to the editor where its cursor is (no click first, which
    /// would move it).
    pub async fn keys_to_editor(&self, text: &str) {
        self.wait_for_css(".cm-content")
            .await
            .send_keys(text)
            .await
            .unwrap();
    }

    /// Waits until the status bar says "Saved": the newest edit is stored.
    pub async fn wait_saved(&self) {
        self.wait_for_js(
            "document.querySelector('[data-testid=save-state]').textContent.trim()",
            json!("Saved"),
        )
        .await;
    }

    pub async fn type_in_editor(&self, text: &str) {
        let editor = self.wait_for_css(".cm-content").await;
        editor.click().await.unwrap();
        editor.send_keys(text).await.unwrap();
    }

    /// Saves a PNG of the window under target/e2e-screenshots/ for a person to look at.
    pub async fn screenshot(&self, name: &str) -> PathBuf {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/e2e-screenshots");
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{name}.png"));
        std::fs::write(&path, self.snapshot().await.unwrap()).unwrap();
        path
    }

    /// A PNG of the window. WebKitWebDriver takes it after the page's next
    /// presentation update; drawn without compositing (as Byline runs on
    /// Linux, see src-tauri/src/webkit.rs) a page at rest makes none, and the
    /// screenshot waits a minute. A few invisible repaints give it one.
    pub async fn snapshot(&self) -> Result<Vec<u8>, fantoccini::error::CmdError> {
        let _ = self
            .client
            .execute(
                "const d = document.createElement('div');
                 d.style.cssText = 'position:fixed;left:0;bottom:0;width:1px;height:1px;pointer-events:none;background:transparent';
                 document.body.append(d);
                 let n = 0;
                 const t = setInterval(() => {
                   d.style.background = n % 2 ? 'transparent' : 'rgba(0,0,0,0.004)';
                   if (++n > 40) { clearInterval(t); d.remove(); }
                 }, 50);",
                vec![],
            )
            .await;
        self.client.screenshot().await
    }

    /// Ends the session and the driver. The app may already have quit.
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
        // Drop ends the driver's process group.
    }
}

impl Drop for App {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.driver.wait();
    }
}

/// Polls `check` (a file on disk, a library query) until it gives a value.
pub async fn eventually<T>(what: &str, mut check: impl FnMut() -> Option<T>) -> T {
    let deadline = Instant::now() + PATIENCE;
    loop {
        if let Some(value) = check() {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Waits until no process is running the app on this library any more.
pub fn wait_until_app_exits(library: &Path) {
    wait_until_app_exits_of(&app_binary(), library)
}

/// Waits until no process is running `binary` on this library any more.
pub fn wait_until_app_exits_of(binary: &str, library: &Path) {
    let deadline = Instant::now() + PATIENCE;
    let needle = library.to_string_lossy().into_owned();
    loop {
        let running = std::fs::read_dir("/proc").unwrap().flatten().any(|entry| {
            std::fs::read(entry.path().join("cmdline"))
                .map(|c| {
                    let cmd = String::from_utf8_lossy(&c).replace('\0', " ");
                    cmd.starts_with(binary) && cmd.contains(&needle)
                })
                .unwrap_or(false)
        });
        if !running {
            return;
        }
        assert!(Instant::now() < deadline, "Byline did not quit");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// The relative luminance (0 black, 1 white) of a CSS `rgb()`/`rgba()`
/// colour, to tell a light page from a dark one.
pub fn luminance(css: &str) -> f64 {
    let n: Vec<f64> = css
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .take(3)
        .map(|c| c.trim().parse::<f64>().unwrap() / 255.0)
        .collect();
    0.2126 * n[0] + 0.7152 * n[1] + 0.0722 * n[2]
}
