//! End-to-end tests of what the window lets the outside world do: links
//! never navigate the window (the shell's guard refuses; a click opens the
//! writer's browser instead), and images from other sites are not requested
//! until the writer loads them. A real HTTP server on 127.0.0.1 stands in for
//! the other sites and counts what reaches it; a stand-in `xdg-open` on PATH
//! records what the app asked the desktop to open. Run by `make test` with
//! `--ignored`, like tests/e2e.rs.

mod support;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use byline_core::domain::faq::QuestionAnswer;
use byline_core::domain::site_settings::SiteSettings;
use byline_core::Library;
use serde_json::json;
use support::{eventually, App};

/// A 1×1 PNG: loaded, it has a natural width of 1 (a placeholder is wider).
const PIXEL: &[u8] = &[
    0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1F, 0x15, 0xC4,
    0x89, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9C, 0x63, 0x00, 0x01, 0x00, 0x00,
    0x05, 0x00, 0x01, 0x0D, 0x0A, 0x2D, 0xB4, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE,
    0x42, 0x60, 0x82,
];

/// Another site: answers every GET (a PNG for `.png` paths, a page for the
/// rest) and remembers each path asked for.
struct OtherSite {
    port: u16,
    requests: Arc<Mutex<Vec<String>>>,
}

impl OtherSite {
    fn start() -> OtherSite {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&requests);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let mut line = String::new();
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                if reader.read_line(&mut line).is_err() {
                    continue;
                }
                // Read the headers to their end before answering.
                let mut header = String::new();
                while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                    header.clear();
                }
                let path = line.split_whitespace().nth(1).unwrap_or("").to_owned();
                seen.lock().unwrap().push(path.clone());
                let (mime, body): (&str, &[u8]) = if path.ends_with(".png") {
                    ("image/png", PIXEL)
                } else {
                    ("text/html", b"<p>another site</p>")
                };
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: {mime}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                    body.len()
                );
                let _ = stream.write_all(body);
            }
        });
        OtherSite { port, requests }
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn requests(&self) -> Vec<String> {
        self.requests.lock().unwrap().clone()
    }
}

/// A folder with an `xdg-open` that writes what it was asked to open to a
/// log, for PATH; the app opens links with the desktop's `xdg-open`.
fn stand_in_browser(dir: &Path) -> (PathBuf, PathBuf) {
    let bin = dir.join("bin");
    std::fs::create_dir_all(&bin).unwrap();
    let log = dir.join("opened.log");
    let script = bin.join("xdg-open");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nprintf '%s\\n' \"$1\" >> '{}'\n", log.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    (bin, log)
}

fn opened(log: &Path) -> String {
    std::fs::read_to_string(log).unwrap_or_default()
}

async fn url_of(app: &App) -> String {
    app.client.current_url().await.unwrap().to_string()
}

#[tokio::test]
#[ignore = "drives the real window: needs a display, tauri-driver and WebKitWebDriver (make test)"]
async fn links_open_in_the_browser_and_never_navigate_the_window() {
    let site = OtherSite::start();
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let mut lib = Library::open(&library).unwrap();
    let body = format!(
        "Read [the council's page]({}) first.\n\nA claim.[^1]\n\n[^1]: Its source.\n",
        site.url("/council")
    );
    let id = lib.create_article("Ferry fares", &body).unwrap().id;
    lib.add_faq_item(
        id,
        &QuestionAnswer::new(
            "When do fares change?",
            &format!("See [the timetable]({}).", site.url("/timetable")),
        ),
        None,
    )
    .unwrap();
    drop(lib);
    let (bin, log) = stand_in_browser(dir.path());
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let app = App::launch_with_env(&library, &[("PATH", &path)]).await;
    let home = url_of(&app).await;

    // A link in the body opens in the browser; the window stays.
    app.click("[data-testid=preview] article a[href$='/council']")
        .await;
    eventually("the browser to be asked for the council's page", || {
        opened(&log).contains("/council").then_some(())
    })
    .await;
    assert_eq!(url_of(&app).await, home);

    // The same in the FAQ section, which was not guarded before.
    app.click("[data-testid=preview-faq] a[href$='/timetable']")
        .await;
    eventually("the browser to be asked for the timetable", || {
        opened(&log).contains("/timetable").then_some(())
    })
    .await;
    assert_eq!(url_of(&app).await, home);

    // A footnote reference scrolls within the page: nothing opens.
    app.click("[data-testid=preview] a[data-footnote-ref]")
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(opened(&log).lines().count(), 2, "{}", opened(&log));

    // Whatever asks, the shell refuses to take the window elsewhere.
    app.js(&format!(
        "(window.location.href = {}, true)",
        json!(site.url("/escape"))
    ))
    .await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    assert_eq!(url_of(&app).await, home);
    app.wait_for_css("[id='byline:app'] > .app").await;
    assert!(
        site.requests().is_empty(),
        "the window itself never reached the other site: {:?}",
        site.requests()
    );
    app.close().await;
}

/// `![Pixel](…)` and a raw `<img>`, both on the other site.
fn article_with_remote_images(site: &OtherSite) -> String {
    format!(
        "Intro.\n\n![Pixel]({})\n\n<img src=\"{}\" alt=\"Raw\">\n",
        site.url("/pixel.png"),
        site.url("/raw.png")
    )
}

const IMAGES_LOADED: &str = "[...document.querySelectorAll('[data-testid=preview] article img')].map(i => i.complete && i.naturalWidth === 1)";

#[tokio::test]
#[ignore = "drives the real window: needs a display, tauri-driver and WebKitWebDriver (make test)"]
async fn images_from_other_sites_wait_for_the_writer() {
    let site = OtherSite::start();
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    Library::open(&library)
        .unwrap()
        .create_article("Harbour pictures", &article_with_remote_images(&site))
        .unwrap();
    let app = App::launch(&library).await;

    app.wait_for_css("[data-testid=remote-images]").await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=preview] article img')].every(i => i.src.includes('/blocked/'))",
        json!(true),
    )
    .await;
    // Placeholders are drawn (a calm box naming the site), not broken images.
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=preview] article img')].map(i => i.complete && i.naturalWidth > 1)",
        json!([true, true]),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    assert!(
        site.requests().is_empty(),
        "nothing was requested before the writer chose: {:?}",
        site.requests()
    );
    app.screenshot_both_themes("remote-images-blocked").await;

    app.click("[data-testid=load-remote-images]").await;
    app.wait_for_js(IMAGES_LOADED, json!([true, true])).await;
    let asked = site.requests();
    assert!(
        asked.contains(&"/pixel.png".to_owned()) && asked.contains(&"/raw.png".to_owned()),
        "{asked:?}"
    );
    app.wait_for_js(
        "document.querySelector('[data-testid=remote-images]') === null",
        json!(true),
    )
    .await;
    app.close().await;
}

#[tokio::test]
#[ignore = "drives the real window: needs a display, tauri-driver and WebKitWebDriver (make test)"]
async fn a_site_that_loads_images_from_other_sites_shows_them_at_once() {
    let site = OtherSite::start();
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let mut lib = Library::open(&library).unwrap();
    lib.set_site_settings(&SiteSettings {
        load_remote_images: true,
        ..SiteSettings::default()
    })
    .unwrap();
    lib.create_article("Harbour pictures", &article_with_remote_images(&site))
        .unwrap();
    drop(lib);
    let app = App::launch(&library).await;

    app.wait_for_js(IMAGES_LOADED, json!([true, true])).await;
    assert!(
        app.js("document.querySelector('[data-testid=remote-images]') === null")
            .await
            .as_bool()
            .unwrap(),
        "no offer to load what is already loaded"
    );

    // Turning the setting off in Settings takes the images away again.
    app.click("[data-testid=settings-open]").await;
    app.click("[data-testid=settings-remote-images]").await;
    app.click("[data-testid=settings-save]").await;
    app.wait_for_css("[data-testid=remote-images]").await;
    app.close().await;
}
