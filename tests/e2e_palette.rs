//! End-to-end tests of the command palette (Ctrl+P) and the "Keyboard
//! shortcuts" sheet in the real window: opened by keyboard, an action run
//! on the open article, an article opened by title, a heading gone to,
//! Escape giving the keyboard back to the text. Run by `make test` with
//! `--ignored`, like tests/e2e.rs.

mod support;

use std::path::PathBuf;
use std::time::Duration;

use byline_core::Library;
use serde_json::json;
use support::{App, CTRL, RELEASE_MODIFIERS};

const ENTER: char = '\u{E007}';
const ESCAPE: char = '\u{E00C}';
const ARROW_DOWN: char = '\u{E015}';

const PALETTE_IDS: &str =
    "[...document.querySelectorAll('[data-testid=palette-item]')].map(e => e.dataset.id)";
/// Whether the keyboard is in the editor's text.
const IN_EDITOR: &str = "!!document.activeElement?.closest('.cm-content')";
/// The text of the line the editor's cursor is on.
const CURSOR_LINE: &str =
    "(() => { const n = document.getSelection()?.anchorNode; const el = n?.nodeType === 1 ? n : n?.parentElement; return el?.closest('.cm-line')?.textContent ?? null; })()";

/// A library of two articles; the window opens on the last one given.
fn library_with(articles: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let mut lib = Library::open(&library).unwrap();
    for (title, body) in articles {
        lib.create_article(title, body).unwrap();
        // Distinct edit times, so the list order is the order given.
        std::thread::sleep(Duration::from_millis(5));
    }
    (dir, library)
}

/// Presses Ctrl+P with the keyboard in the editor's text.
async fn palette_from_editor(app: &App) {
    app.wait_for_css(".cm-content")
        .await
        .send_keys(&format!("{CTRL}p{RELEASE_MODIFIERS}"))
        .await
        .unwrap();
    app.wait_for_css("[data-testid=palette]").await;
    app.wait_for_js(
        "document.activeElement?.dataset.testid",
        json!("palette-input"),
    )
    .await;
}

async fn type_in_palette(app: &App, text: &str) {
    app.wait_for_css("[data-testid=palette-input]")
        .await
        .send_keys(text)
        .await
        .unwrap();
}

/// `{name}-light.png` and `{name}-dark.png`, as `screenshot_both_themes`
/// takes them but waiting longer for each repaint: WebDriver's screenshot
/// here can show the frame before a large overlay repainted.
async fn shots(app: &App, name: &str) {
    for theme in ["light", "dark"] {
        app.js(&format!(
            "(document.documentElement.dataset.theme = '{theme}', true)"
        ))
        .await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        app.screenshot(&format!("{name}-{theme}")).await;
    }
    app.js("(delete document.documentElement.dataset.theme, true)")
        .await;
}

async fn palette_gone(app: &App) {
    app.wait_for_js(
        "!document.querySelector('[data-testid=palette]')",
        json!(true),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_palette_runs_actions_opens_articles_and_goes_to_headings() {
    let (_dir, library) = library_with(&[
        (
            "Harbour timetable",
            "When the boats leave.\n\n## Winter sailings\n\nTwice a day.\n\n## Summer sailings\n\nEvery hour.\n",
        ),
        ("Island ferry guide", "Everything about the island ferry.\n"),
    ]);
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Island ferry guide"),
    )
    .await;

    // The palette's key is shown in the window.
    let button = app.text_of("[data-testid=palette-open]").await;
    assert!(
        button.contains("Ctrl P"),
        "the Commands button shows its key: {button}"
    );

    // At the library's narrowest it still fits beside the settings gear.
    // (The window sets the width inline; the test keeps what it was and
    // puts it back, or the layout would lose its columns.)
    app.js("(() => { const s = document.querySelector('.app').style; window.__width = s.getPropertyValue('--sidebar-width'); s.setProperty('--sidebar-width', '200px'); return true; })()")
        .await;
    tokio::time::sleep(Duration::from_millis(200)).await;
    let fits = app
        .js("(() => { const c = document.querySelector('[data-testid=palette-open]').getBoundingClientRect(); const g = document.querySelector('[data-testid=settings-open]').getBoundingClientRect(); const s = document.querySelector('.sidebar').getBoundingClientRect(); return c.width > 0 && c.right <= g.left && g.right <= s.right; })()")
        .await;
    assert_eq!(
        fits,
        json!(true),
        "the Commands button fits a 200-pixel library"
    );
    app.js("(document.querySelector('.app').style.setProperty('--sidebar-width', window.__width), true)")
        .await;

    // Opened from the text; Escape gives the keyboard back to the text.
    palette_from_editor(&app).await;
    let ids = app.js(PALETTE_IDS).await;
    let ids: Vec<String> = serde_json::from_value(ids).unwrap();
    for id in [
        "faq",
        "details",
        "open-article",
        "go-to-heading",
        "shortcuts",
        "bold",
    ] {
        assert!(
            ids.contains(&id.to_owned()),
            "the palette offers {id}: {ids:?}"
        );
    }
    assert!(
        !ids.contains(&"palette".to_owned()),
        "the palette does not offer itself"
    );
    // Arrows choose.
    type_in_palette(&app, &ARROW_DOWN.to_string()).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=palette-item][aria-selected=true]')?.dataset.index",
        json!("1"),
    )
    .await;
    shots(&app, "palette-actions").await;
    type_in_palette(&app, &ESCAPE.to_string()).await;
    palette_gone(&app).await;
    app.wait_for_js(IN_EDITOR, json!(true)).await;

    // Fuzzy search finds the FAQ action, shown with its key; Enter runs it
    // on the open article.
    palette_from_editor(&app).await;
    type_in_palette(&app, "hide faq").await;
    app.wait_for_js(&format!("{PALETTE_IDS}[0]"), json!("faq"))
        .await;
    let keys = app
        .js("document.querySelector('[data-testid=palette-item] .keys')?.getAttribute('aria-label')")
        .await;
    assert_eq!(keys, json!("Ctrl+Shift+Q"), "the action shows its shortcut");
    shots(&app, "palette-search").await;
    type_in_palette(&app, &ENTER.to_string()).await;
    palette_gone(&app).await;
    app.wait_for_css("[data-testid=faq-panel]").await;

    // Recent actions come first.
    palette_from_editor(&app).await;
    app.wait_for_js(&format!("{PALETTE_IDS}[0]"), json!("faq"))
        .await;
    // Run it again: the panel closes, the keyboard is back in the text.
    type_in_palette(&app, &ENTER.to_string()).await;
    palette_gone(&app).await;
    app.wait_for_js(
        "!document.querySelector('[data-testid=faq-panel]')",
        json!(true),
    )
    .await;

    // "Open article…", then an article by title.
    palette_from_editor(&app).await;
    type_in_palette(&app, "open article").await;
    app.wait_for_js(&format!("{PALETTE_IDS}[0]"), json!("open-article"))
        .await;
    type_in_palette(&app, &ENTER.to_string()).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=palette-input]')?.placeholder",
        json!("Open an article by title…"),
    )
    .await;
    type_in_palette(&app, "harb").await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=palette-item] .name')].map(e => e.textContent)",
        json!(["Harbour timetable"]),
    )
    .await;
    shots(&app, "palette-articles").await;
    type_in_palette(&app, &ENTER.to_string()).await;
    palette_gone(&app).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Harbour timetable"),
    )
    .await;

    // "Go to heading…": the cursor lands on the heading, in the text.
    palette_from_editor(&app).await;
    type_in_palette(&app, "go to heading").await;
    app.wait_for_js(&format!("{PALETTE_IDS}[0]"), json!("go-to-heading"))
        .await;
    type_in_palette(&app, &ENTER.to_string()).await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=palette-item] .name')].map(e => e.textContent)",
        json!(["Winter sailings", "Summer sailings"]),
    )
    .await;
    type_in_palette(&app, "summer").await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=palette-item] .name')].map(e => e.textContent)",
        json!(["Summer sailings"]),
    )
    .await;
    shots(&app, "palette-headings").await;
    type_in_palette(&app, &ENTER.to_string()).await;
    palette_gone(&app).await;
    app.wait_for_js(IN_EDITOR, json!(true)).await;
    app.wait_for_js(CURSOR_LINE, json!("## Summer sailings"))
        .await;

    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_shortcuts_sheet_lists_every_key_from_the_palette() {
    let (_dir, library) = library_with(&[("Island ferry guide", "Everything about the ferry.\n")]);
    let app = App::launch(&library).await;
    app.wait_for_css(".cm-content").await;

    palette_from_editor(&app).await;
    type_in_palette(&app, "keyboard shortcuts").await;
    app.wait_for_js(&format!("{PALETTE_IDS}[0]"), json!("shortcuts"))
        .await;
    type_in_palette(&app, &ENTER.to_string()).await;
    app.wait_for_css("[data-testid=shortcuts-sheet]").await;
    palette_gone(&app).await;

    let rows: Vec<(String, String)> = serde_json::from_value(
        app.js("[...document.querySelectorAll('[data-testid=shortcut-row]')].map(r => [r.querySelector('dt').textContent.trim(), r.querySelector('.keys').getAttribute('aria-label')])")
            .await,
    )
    .unwrap();
    let has = |name: &str, keys: &str| rows.iter().any(|(n, k)| n == name && k == keys);
    assert!(has("Command palette", "Ctrl+P"), "{rows:?}");
    assert!(has("Show or hide the FAQ", "Ctrl+Shift+Q"), "{rows:?}");
    assert!(
        has("Bold", "Ctrl+B"),
        "the editor's keys are listed too: {rows:?}"
    );
    assert!(rows.len() >= 25, "every key is listed: {}", rows.len());
    shots(&app, "shortcuts-sheet").await;

    // Escape closes it and the keyboard goes back to the text.
    app.wait_for_js(
        "document.activeElement?.closest('[data-testid=shortcuts-sheet]') !== null",
        json!(true),
    )
    .await;
    app.wait_for_css("[data-testid=shortcuts-sheet] .groups")
        .await
        .send_keys(&ESCAPE.to_string())
        .await
        .unwrap();
    app.wait_for_js(
        "!document.querySelector('[data-testid=shortcuts-sheet]')",
        json!(true),
    )
    .await;
    app.wait_for_js(IN_EDITOR, json!(true)).await;

    app.close().await;
}

/// "About Byline" from the palette shows which Byline this is (the version
/// `byline --version` prints) and which library file is open, in Settings.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn about_byline_names_the_version_and_the_library() {
    let (_dir, library, app) = App::launch_fresh().await;
    app.new_article().await;
    palette_from_editor(&app).await;
    type_in_palette(&app, "About").await;
    app.wait_for_css("[data-testid=palette-input]")
        .await
        .send_keys("\u{E007}")
        .await
        .unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=about-version]')?.textContent",
        json!(env!("CARGO_PKG_VERSION")),
    )
    .await;
    assert_eq!(
        app.text_of("[data-testid=about-library]").await,
        library.display().to_string()
    );
    app.close().await;
}
