//! End-to-end tests of publishing accounts in Settings, in the real window
//! with a real Secret Service (GNOME Keyring on the test's own session
//! bus): an account added there has its password in the keyring, read back
//! with `secret-tool`, and removing it forgets the password; with no
//! Secret Service the window says so and adds nothing.
//! Run by `make test` with `--ignored`, like tests/e2e.rs.

#[path = "servers/micropub_server.rs"]
#[allow(dead_code)]
mod micropub_server;
#[path = "cli/session_keyring.rs"]
#[allow(dead_code)]
mod session_keyring;
mod support;

use std::process::Command;

use byline_core::Library;
use serde_json::json;
use session_keyring::SessionKeyring;
use support::App;

const ACCOUNTS: &str = "document.querySelectorAll('[data-testid=publishing-account]').length";
const PASSWORD: &str = "wxyz 9876 ABCD efgh ijkl mnop";

fn library() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.byline");
    Library::open(&path)
        .unwrap()
        .create_article("Harbour walk", "The walk starts at the pier.\n")
        .unwrap();
    (dir, path)
}

async fn launch(library: &std::path::Path, session: &SessionKeyring) -> App {
    let env = session.env();
    // The app's own data home stays the fixture's; only the bus is the
    // test's (the keyring's files live in the session's home).
    let bus: Vec<(&str, &str)> = env
        .iter()
        .filter(|(k, _)| *k == "DBUS_SESSION_BUS_ADDRESS")
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    let app = App::launch_with_env(library, &bus).await;
    app.click("[data-testid=settings-open]").await;
    app.wait_for_css("[data-testid=publishing-accounts]").await;
    app
}

async fn type_into(app: &App, css: &str, text: &str) {
    app.wait_for_css(css).await.send_keys(text).await.unwrap();
}

async fn fill_wordpress(app: &App) {
    app.click("[data-testid=account-add]").await;
    type_into(app, "[data-testid=account-name]", "Work blog").await;
    type_into(app, "[data-testid=account-site]", "http://127.0.0.1:8089").await;
    type_into(app, "[data-testid=account-user]", "ann").await;
    type_into(app, "[data-testid=account-secret]", PASSWORD).await;
    app.click("[data-testid=account-save]").await;
}

fn in_keyring(session: &SessionKeyring, user: &str) -> Option<String> {
    let mut command = Command::new("secret-tool");
    session.apply(&mut command);
    let out = command
        .args(["lookup", "service", "byline", "username", user])
        .output()
        .expect("secret-tool");
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).unwrap())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn settings_adds_an_account_to_the_keyring_and_removes_it() {
    let session = SessionKeyring::start();
    let (_dir, library) = library();
    let app = launch(&library, &session).await;
    app.wait_for_js(ACCOUNTS, json!(0)).await;
    fill_wordpress(&app).await;
    app.wait_for_js(ACCOUNTS, json!(1)).await;
    assert!(app
        .text_of("[data-testid=publishing-account]")
        .await
        .contains("WordPress · http://127.0.0.1:8089 as ann"));
    let key = "wordpress:ann@http://127.0.0.1:8089";
    assert_eq!(in_keyring(&session, key).as_deref(), Some(PASSWORD));
    // The page holds no copy: the form and its field are gone.
    let page: String = app
        .js("document.documentElement.outerHTML")
        .await
        .as_str()
        .unwrap()
        .to_owned();
    assert!(
        !page.contains("ABCD efgh"),
        "the password is still in the page"
    );
    assert_eq!(
        app.js("document.querySelector('[data-testid=account-secret]') === null")
            .await,
        json!(true)
    );

    app.click("[data-testid=account-remove]").await;
    app.click("[data-testid=account-remove-confirm]").await;
    app.wait_for_js(ACCOUNTS, json!(0)).await;
    assert_eq!(in_keyring(&session, key), None);
    app.close().await;
    assert!(Library::open(&library)
        .unwrap()
        .accounts()
        .unwrap()
        .is_empty());
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn without_a_keyring_settings_says_so_and_adds_nothing() {
    let session = SessionKeyring::bus_only();
    let (_dir, library) = library();
    let app = launch(&library, &session).await;
    fill_wordpress(&app).await;
    let problem = app.wait_for_css("[data-testid=account-problem]").await;
    let text = problem.text().await.unwrap();
    assert!(text.contains("system keyring is not available"), "{text}");
    app.wait_for_js(ACCOUNTS, json!(0)).await;
    app.close().await;
    assert!(Library::open(&library)
        .unwrap()
        .accounts()
        .unwrap()
        .is_empty());
}

/// A Micropub account added in Settings with only the site's home page:
/// the endpoint is found from its `<link rel="micropub">` (the real test
/// server's), the token tried there, and the account keeps the endpoint.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the Micropub test server; run by `make test`"]
async fn settings_finds_a_micropub_endpoint_from_the_home_page() {
    // Its start waits with a blocking client: off the async runtime.
    let server = tokio::task::spawn_blocking(micropub_server::MicropubServer::start)
        .await
        .unwrap();
    let session = SessionKeyring::start();
    let (_dir, library) = library();
    let app = launch(&library, &session).await;
    app.click("[data-testid=account-add]").await;
    app.js(
        "(() => { const k = document.querySelector('[data-testid=account-kind]'); \
         k.value = 'micropub'; k.dispatchEvent(new Event('change', { bubbles: true })); return true; })()",
    )
    .await;
    app.wait_for_css("[data-testid=account-site-hint]").await;
    type_into(&app, "[data-testid=account-name]", "Notes").await;
    type_into(&app, "[data-testid=account-site]", &server.url).await;
    type_into(&app, "[data-testid=account-secret]", micropub_server::TOKEN).await;
    app.click("[data-testid=account-save]").await;
    app.wait_for_js(ACCOUNTS, json!(1)).await;
    let shown = app.text_of("[data-testid=publishing-account]").await;
    assert!(
        shown.contains(&format!("Micropub · {}", server.endpoint)),
        "{shown}"
    );
    let key = format!("micropub:@{}", server.endpoint);
    assert_eq!(
        in_keyring(&session, &key).as_deref(),
        Some(micropub_server::TOKEN)
    );
    app.close().await;
}
