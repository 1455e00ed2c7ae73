//! End-to-end test of the Publish panel in the real window, against a real
//! WordPress (tests/servers/) with the account's password in a real Secret
//! Service: the preview shows what will be sent, Publish creates the post,
//! an edit made on the site stops the update and the panel offers to
//! overwrite it, or shows the difference and pulls the site's version in. Run by `make test` with `--ignored`, like tests/e2e.rs.

#[path = "cli/session_keyring.rs"]
#[allow(dead_code)]
mod session_keyring;
mod support;
#[path = "servers/wordpress_server.rs"]
#[allow(dead_code)]
mod wordpress_server;

use std::io::Write;
use std::process::{Command, Stdio};

use byline_core::Library;
use serde_json::json;
use session_keyring::SessionKeyring;
use support::App;
use wordpress_server::WordPressServer;

const BYLINE: &str = env!("CARGO_BIN_EXE_byline");

/// The server's helpers use reqwest's blocking client, which must not run
/// on the test's async runtime threads as they are.
fn blocking<T>(work: impl FnOnce() -> T) -> T {
    tokio::task::block_in_place(work)
}

fn add_account(library: &std::path::Path, keyring: &SessionKeyring, server: &WordPressServer) {
    let mut command = Command::new(BYLINE);
    keyring.apply(&mut command);
    let mut child = command
        .arg("--library")
        .arg(library)
        .args([
            "accounts",
            "add",
            "Test WP",
            "--kind",
            "wordpress",
            "--site",
            &server.url,
        ])
        .args(["--user", &server.user])
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .unwrap();
    writeln!(child.stdin.take().unwrap(), "{}", server.password).unwrap();
    assert!(child.wait().unwrap().success());
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display, tauri-driver and the WordPress test server; run by `make test`"]
async fn the_publish_panel_previews_publishes_and_stops_over_a_site_edit() {
    let keyring = SessionKeyring::start();
    let server = WordPressServer::start();
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    Library::open(&library)
        .unwrap()
        .create_article("Harbour walk", "The walk starts at the pier.\n")
        .unwrap();
    add_account(&library, &keyring, &server);

    let env = keyring.env();
    let bus: Vec<(&str, &str)> = env
        .iter()
        .filter(|(k, _)| *k == "DBUS_SESSION_BUS_ADDRESS")
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    let app = App::launch_with_env(&library, &bus).await;
    app.click("[data-testid=more]").await;
    app.click("[data-testid=publish]").await;
    app.wait_for_css("[data-testid=publish-panel]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=publish-preview]')?.textContent.includes('Harbour walk')",
        json!(true),
    )
    .await;
    // The HTML that will be sent, JSON-LD included, is there to read.
    app.wait_for_js(
        "document.querySelector('[data-testid=publish-html]')?.textContent.includes('application/ld+json')",
        json!(true),
    )
    .await;

    app.click("[data-testid=publish-send]").await;
    let done = app.wait_for_css("[data-testid=publish-done]").await;
    assert_eq!(
        done.text().await.unwrap(),
        "Published to Test WP as a draft."
    );
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=publication]').length",
        json!(1),
    )
    .await;
    let posts = blocking(|| server.get("/wp/v2/posts&status=any&context=edit&search=Harbour"));
    let id = posts[0]["id"].as_i64().unwrap();
    assert!(posts[0]["content"]["raw"]
        .as_str()
        .unwrap()
        .contains("The walk starts at the pier."));

    // An editor changes it on the site; the writer changes it here.
    blocking(|| {
        server.post(
            &format!("/wp/v2/posts/{id}"),
            json!({"content": "<p>The editor's version.</p>"}),
        )
    });
    app.keys_to_editor(" Then the lighthouse.").await;
    app.wait_saved().await;
    app.click("[data-testid=publish-send]").await;
    let problem = app.wait_for_css("[data-testid=publish-problem]").await;
    let text = problem.text().await.unwrap();
    assert!(text.contains("was changed on the site"), "{text}");
    let post = blocking(|| server.get(&format!("/wp/v2/posts/{id}&context=edit")));
    assert_eq!(post["content"]["raw"], "<p>The editor's version.</p>");

    app.click("[data-testid=publish-overwrite]").await;
    let done = app.wait_for_css("[data-testid=publish-done]").await;
    assert_eq!(done.text().await.unwrap(), "Updated on Test WP.");
    let post = blocking(|| server.get(&format!("/wp/v2/posts/{id}&context=edit")));
    assert!(post["content"]["raw"]
        .as_str()
        .unwrap()
        .contains("lighthouse"));

    // Edited on the site again: this time the panel shows the difference
    // and the writer pulls the site's version in.
    blocking(|| {
        server.post(
            &format!("/wp/v2/posts/{id}"),
            json!({"content": "<p>The editor's second version, by the harbour.</p>"}),
        )
    });
    app.click("[data-testid=publish-send]").await;
    app.wait_for_css("[data-testid=publish-problem]").await;
    let diff = app.wait_for_css("[data-testid=publish-site-diff]").await;
    let text = diff.text().await.unwrap();
    assert!(text.contains("second version"), "{text}");
    app.click("[data-testid=publish-pull]").await;
    let done = app.wait_for_css("[data-testid=publish-done]").await;
    assert_eq!(
        done.text().await.unwrap(),
        "Pulled the text from Test WP as a new revision; Update sends it back."
    );
    assert_eq!(
        app.editor_text().await,
        "The editor's second version, by the harbour.\n"
    );
    app.wait_saved().await;
    // The site's version is remembered: the next update is no conflict.
    app.click("[data-testid=publish-send]").await;
    let done = app.wait_for_css("[data-testid=publish-done]").await;
    assert_eq!(done.text().await.unwrap(), "Updated on Test WP.");
    app.close().await;
}
