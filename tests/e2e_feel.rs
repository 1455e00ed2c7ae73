//! End-to-end tests of the writing feel (issue 24), driven by the keyboard
//! as a writer would: block shortcuts and leaving blocks, focus that follows
//! panels and comes back to the text, confirmations before anything public
//! goes, settings that save as they are edited, and the library list. Run
//! by `make test` with `--ignored`, like tests/e2e.rs.

mod support;

use std::path::Path;

use byline_core::Library;
use serde_json::{json, Value};
use support::{eventually, luminance, App, CTRL, RELEASE_MODIFIERS};

const SHIFT: char = '\u{E008}';
const ENTER: char = '\u{E007}';
const TAB: char = '\u{E004}';
const ESCAPE: char = '\u{E00C}';
const DOWN: char = '\u{E015}';
const END: char = '\u{E010}';

/// Keys sent to whatever has the keyboard; a newline is the Enter key.
/// Each chord (Ctrl… up to the release) goes as a send of its own, as a
/// writer lets go of the keys between one and the next.
async fn press(app: &App, keys: &str) {
    let keys = keys.replace('\n', &ENTER.to_string());
    let mut parts = Vec::new();
    let mut rest = keys.as_str();
    while let Some(start) = rest.find(CTRL) {
        let end = rest[start..].find(RELEASE_MODIFIERS).unwrap() + start + RELEASE_MODIFIERS.len_utf8();
        parts.push(&rest[..start]);
        parts.push(&rest[start..end]);
        rest = &rest[end..];
    }
    parts.push(rest);
    for part in parts.into_iter().filter(|p| !p.is_empty()) {
        // WebDriver sends keys to an element: the one with the keyboard
        // (in the editor, its content, which CodeMirror listens on).
        let target = if focused(app).await == json!("editor") {
            app.wait_for_css(".cm-content").await
        } else {
            app.client.active_element().await.expect("something has the keyboard")
        };
        target.send_keys(part).await.unwrap();
    }
}

/// A chord: Ctrl (and whatever follows) pressed together, then released.
fn ctrl(keys: &str) -> String {
    format!("{CTRL}{keys}{RELEASE_MODIFIERS}")
}

fn ctrl_shift(key: char) -> String {
    format!("{CTRL}{SHIFT}{key}{RELEASE_MODIFIERS}")
}

/// The one article's body as the library stores it.
fn stored_body(library: &Path) -> String {
    let lib = Library::open(library).unwrap();
    let id = lib.list_articles().unwrap()[0].id;
    lib.article(id).unwrap().body
}

/// What has the keyboard, described for assertions: its test id, or the
/// editor, or its tag.
const FOCUSED: &str = "(() => { const a = document.activeElement; \
    if (!a || a === document.body) return 'nothing'; \
    if (a.closest('.cm-content')) return 'editor'; \
    return a.dataset.testid || a.closest('[data-testid]')?.dataset.testid + ' ' + a.tagName.toLowerCase(); })()";

async fn focused(app: &App) -> Value {
    app.js(FOCUSED).await
}

async fn wait_focus(app: &App, expected: &str) {
    app.wait_for_js(FOCUSED, json!(expected)).await;
}

/// A new article with the keyboard in its (empty) body.
async fn new_article_in_editor(app: &App) {
    app.new_article().await;
    app.click(".cm-content").await;
    wait_focus(app, "editor").await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn block_shortcuts_start_blocks_on_empty_lines_and_enter_leaves_quotes() {
    let (_dir, library, app) = App::launch_fresh().await;
    new_article_in_editor(&app).await;

    // A heading typed after Ctrl+2 on the empty line, not in front of it.
    press(&app, &format!("{}What changes for riders\n\n", ctrl("2"))).await;
    // A quote: one Enter on its empty line leaves it.
    press(&app, &format!("{}Said the mayor.\n\n", ctrl_shift('9'))).await;
    // A callout, typed: the same.
    press(&app, "> [!TIP]\nBook the early ferry.\n\n").await;
    // A link with nothing selected: type its text, Tab to the address.
    press(
        &app,
        &format!("See {}the notice{TAB}https://example.org/n{END}\n\n", ctrl_shift('K')),
    )
    .await;
    // A numbered list started on an empty line; the second number is taken
    // off again with the same key, and a bullet list starts there.
    press(
        &app,
        &format!("{}Buy a pass\n{}{}Fares", ctrl_shift('7'), ctrl_shift('7'), ctrl_shift('8')),
    )
    .await;
    let expected = "## What changes for riders\n\n> Said the mayor.\n\n> [!TIP]\n> Book the early ferry.\n\n\
                    See [the notice](https://example.org/n)\n\n1. Buy a pass\n- Fares";
    assert_eq!(app.editor_text().await, expected);
    wait_focus(&app, "editor").await;

    for css in [
        "h2",
        "blockquote",
        ".markdown-alert-tip",
        "ol > li",
        "ul > li",
        "a[href='https://example.org/n']",
    ] {
        app.wait_for_css(&format!("[data-testid=preview] {css}")).await;
    }
    assert_eq!(
        app.text_of("[data-testid=preview] h2").await,
        "What changes for riders"
    );
    // The callout holds only its tip: the next block is outside it.
    assert_eq!(
        app.js("document.querySelectorAll('[data-testid=preview] .markdown-alert-tip p').length")
            .await,
        json!(2)
    );

    press(&app, &ctrl("s")).await;
    eventually("the body stored", || {
        (stored_body(&library) == expected).then_some(())
    })
    .await;
    app.screenshot_both_themes("feel-blocks").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_theme_key_always_changes_what_shows() {
    let (_dir, _library, app) = App::launch_fresh().await;
    new_article_in_editor(&app).await;
    let system_dark = app
        .js("matchMedia('(prefers-color-scheme: dark)').matches")
        .await
        == json!(true);
    let background =
        "getComputedStyle(document.querySelector('[data-testid=preview]')).backgroundColor";
    let before = luminance(app.js(background).await.as_str().unwrap());
    press(&app, &ctrl_shift('L')).await;
    let label = if system_dark { "Light theme" } else { "Dark theme" };
    app.wait_for_js(
        "document.querySelector('[data-testid=theme-toggle]').textContent.trim()",
        json!(label),
    )
    .await;
    let after = luminance(app.js(background).await.as_str().unwrap());
    assert!((before - after).abs() > 0.5, "before {before}, after {after}");
    // Pressed again, it is back to the desktop's theme, followed again.
    press(&app, &ctrl_shift('L')).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=theme-toggle]').textContent.trim()",
        json!("System theme"),
    )
    .await;
    let back = luminance(app.js(background).await.as_str().unwrap());
    assert!((before - back).abs() < 0.05, "before {before}, back {back}");
    wait_focus(&app, "editor").await;
    app.close().await;
}
