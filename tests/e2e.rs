//! End-to-end tests of the real Byline window, driven through tauri-driver.
//!
//! They need a display and tauri-driver, so plain `cargo test` skips them;
//! `make test` runs them (under Xvfb when there is no display) with
//! `--ignored`. Screenshots land in target/e2e-screenshots/.

mod support;

use byline_core::Library;
use serde_json::json;
use support::{luminance, wait_until_app_exits, App, CTRL, RELEASE_MODIFIERS};

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn write_quit_and_find_the_text_again() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    // An existing, empty library (a new one would open on the welcome article).
    Library::open(&library).unwrap();

    let app = App::launch(&library).await;
    app.wait_for_css("[data-testid=empty-state]").await;
    app.new_article().await;
    let title = app.wait_for_css("[data-testid=title-input]").await;
    title.send_keys("Council passes the budget").await.unwrap();

    app.type_in_editor("## Hello **world**").await;
    let strong = app.wait_for_css("[data-testid=preview] h2 > strong").await;
    assert_eq!(strong.text().await.unwrap(), "world");
    app.wait_for_js(
        "document.querySelector('[data-testid=article-item] .title')?.textContent",
        json!("Council passes the budget"),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=word-count]')?.textContent",
        json!("2 words"),
    )
    .await;
    app.screenshot("write-light").await;

    // Quit with the keyboard straight after typing, inside the autosave
    // delay: the last keystrokes must still reach the library.
    app.type_in_editor(" and more").await;
    let editor = app.wait_for_css(".cm-content").await;
    // The window closes while this command runs, so WebDriver may report an
    // error for it; the checks below are what matter.
    let _ = editor
        .send_keys(&format!("{CTRL}q{RELEASE_MODIFIERS}"))
        .await;
    wait_until_app_exits(&library);
    app.close().await;

    {
        let lib = Library::open(&library).unwrap();
        let articles = lib.list_articles().unwrap();
        assert_eq!(articles.len(), 1);
        let article = lib.article(articles[0].id).unwrap();
        assert_eq!(article.body, "## Hello **world** and more");
        assert_eq!(article.meta.title, "Council passes the budget");
        assert_eq!(lib.integrity_check().unwrap(), "ok");
    }

    let app = App::launch(&library).await;
    app.wait_for_css(".cm-content").await;
    assert_eq!(app.editor_text().await, "## Hello **world** and more");
    let strong = app.wait_for_css("[data-testid=preview] h2 > strong").await;
    assert_eq!(strong.text().await.unwrap(), "world");
    let title = app
        .js("document.querySelector('[data-testid=title-input]').value")
        .await;
    assert_eq!(title, json!("Council passes the budget"));
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn autosave_reports_saved_and_survives_the_window_being_killed() {
    let (_dir, library, app) = App::launch_fresh().await;
    app.new_article().await;
    app.type_in_editor("Draft one.").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=save-state]').textContent.trim()",
        json!("Saved"),
    )
    .await;
    // The library list follows the save: one article with two words.
    app.wait_for_js("document.querySelector('[data-testid=article-item] .meta').textContent.includes('2 words')", json!(true)).await;
    // No quit: the driver just ends the process.
    app.close().await;

    let lib = Library::open(&library).unwrap();
    let id = lib.list_articles().unwrap()[0].id;
    assert_eq!(lib.article(id).unwrap().body, "Draft one.");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn hostile_markdown_never_runs_or_reaches_the_dom() {
    let (_dir, _library, app) = App::launch_fresh().await;
    app.new_article().await;
    app.type_in_editor(
        "# Safe\n\n<img src=x onerror=\"window.__pwned=1\">\n\n<script>window.__pwned=2</script>\n\n[click](javascript:window.__pwned=3)\n\n<iframe src=\"https://example.com\"></iframe>\n",
    )
    .await;
    // The body's own h1, not the page header's above it.
    app.wait_for_css("[data-testid=preview] article h1").await;
    let preview = "document.querySelector('[data-testid=preview]')";
    assert_eq!(
        app.js(&format!(
            "{preview}.querySelectorAll('script, iframe, object, embed').length"
        ))
        .await,
        json!(0)
    );
    assert_eq!(
        app.js(&format!("{preview}.querySelectorAll('[onerror]').length"))
            .await,
        json!(0)
    );
    assert_eq!(
        app.js(&format!("Array.from({preview}.querySelectorAll('a')).some(a => (a.getAttribute('href') || '').includes('javascript'))")).await,
        json!(false)
    );
    // Clicking the (defanged) link must not navigate the window away.
    app.wait_for_css("[data-testid=preview] a")
        .await
        .click()
        .await
        .unwrap();
    assert_eq!(app.js("typeof window.__pwned").await, json!("undefined"));
    app.wait_for_css("[data-testid=editor]").await;
    app.close().await;
}

/// The window's first frame is the writer's article: one answer from the
/// backend (`window_start`) carries the list, the article and its rendered
/// preview, and the page builds the window from it in one go. So the moment
/// the window's layout exists, all of them are in it; nothing fills in after.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_window_opens_with_its_article_already_rendered() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&library).unwrap();
        lib.create_article("Harbour dues rise", "An older piece.")
            .unwrap();
        lib.create_article("Ferry timetable", "Another older piece.")
            .unwrap();
        lib.create_article(
            "The bridge opens on Monday",
            "## What changes\n\nTraffic will be light at first.",
        )
        .unwrap();
    }
    let app = App::launch(&library).await;
    let first = app
        .js("{ rows: [...document.querySelectorAll('[data-testid=article-item] .title')].map(t => t.textContent), \
             editor: document.querySelector('.cm-content')?.textContent ?? null, \
             preview: document.querySelector('[data-testid=preview] article h2')?.textContent ?? null, \
             header: document.querySelector('[data-testid=preview-header] h1')?.textContent ?? null, \
             platform: document.documentElement.dataset.platform, \
             uiFont: getComputedStyle(document.body).fontFamily, \
             editorFont: getComputedStyle(document.querySelector('.cm-content')).fontFamily }")
        .await;
    assert_eq!(
        first["rows"],
        json!([
            "The bridge opens on Monday",
            "Ferry timetable",
            "Harbour dues rise"
        ]),
        "{first}"
    );
    assert!(
        first["editor"]
            .as_str()
            .is_some_and(|t| t.contains("Traffic will be light")),
        "the newest article is open in the editor at once: {first}"
    );
    assert_eq!(first["preview"], "What changes", "{first}");
    assert_eq!(first["header"], "The bridge opens on Monday", "{first}");
    // On Linux the window names generic families only: each other name
    // tried first costs a fontconfig lookup per text style at start.
    assert_eq!(first["platform"], "linux", "{first}");
    assert_eq!(first["uiFont"], "sans-serif", "{first}");
    assert_eq!(first["editorFont"], "monospace", "{first}");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_window_follows_a_dark_system_theme() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&library).unwrap();
        lib.create_article(
            "Five things to know about the new bridge",
            "## What changes\n\nThe **bridge** opens on Monday. Read the [council's notice](https://example.com).\n\n> Traffic will be light at first.\n\n| Day | Lanes |\n|---|---|\n| Mon | 2 |\n",
        )
        .unwrap();
    }
    let app = App::launch_with_env(&library, &[("GTK_THEME", "Adwaita:dark")]).await;
    app.wait_for_css("[data-testid=preview] h2").await;
    let page = app
        .js("getComputedStyle(document.querySelector('.preview-scroll')).backgroundColor")
        .await;
    let ink = app
        .js("getComputedStyle(document.querySelector('article.byline-article')).color")
        .await;
    let (page, ink) = (
        luminance(page.as_str().unwrap()),
        luminance(ink.as_str().unwrap()),
    );
    assert!(page < 0.25, "dark page expected, luminance {page}");
    assert!(
        ink > 0.7,
        "light text on the dark page expected, luminance {ink}"
    );
    app.screenshot("write-dark").await;
    app.close().await;

    let app = App::launch(&library).await;
    app.wait_for_css("[data-testid=preview] h2").await;
    let page = app
        .js("getComputedStyle(document.querySelector('.preview-scroll')).backgroundColor")
        .await;
    assert!(
        luminance(page.as_str().unwrap()) > 0.9,
        "light page expected by default"
    );
    app.screenshot("article-light").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn search_from_the_keyboard_finds_highlights_and_opens_an_article() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&library).unwrap();
        lib.create_article(
            "Café owners fight the rent rise",
            "Owners of the corner café say the new rent will close them.",
        )
        .unwrap();
        lib.create_article("Bridge opens on Monday", "Traffic will be light at first.")
            .unwrap();
        lib.create_article(
            "Council budget",
            "The budget passed after a <b>long</b> night.",
        )
        .unwrap();
    }
    let app = App::launch(&library).await;
    // The newest article opens; Ctrl+K from the editor goes to the search box.
    let editor = app.wait_for_css(".cm-content").await;
    editor
        .send_keys(&format!("{CTRL}k{RELEASE_MODIFIERS}"))
        .await
        .unwrap();
    app.wait_for_js(
        "document.activeElement?.dataset.testid",
        json!("search-input"),
    )
    .await;

    let search = app.wait_for_css("[data-testid=search-input]").await;
    search.send_keys("cafe rent").await.unwrap();
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=search-result]').length",
        json!(1),
    )
    .await;
    let marks = app
        .js("Array.from(document.querySelectorAll('[data-testid=search-result] mark')).map(m => m.textContent.toLowerCase())")
        .await;
    assert!(
        marks.as_array().unwrap().iter().any(|m| m == "café"),
        "{marks}"
    );
    assert!(
        marks.as_array().unwrap().iter().any(|m| m == "rent"),
        "{marks}"
    );
    app.screenshot("search").await;

    app.wait_for_css("[data-testid=search-result]")
        .await
        .click()
        .await
        .unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]').value",
        json!("Café owners fight the rent rise"),
    )
    .await;
    assert!(app
        .editor_text()
        .await
        .starts_with("Owners of the corner café"));

    // Markup in article text is shown as text in results, never as HTML.
    let search = app.wait_for_css("[data-testid=search-input]").await;
    search.clear().await.unwrap();
    search.send_keys("long").await.unwrap();
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=search-result]').length",
        json!(1),
    )
    .await;
    assert_eq!(
        app.js("document.querySelectorAll('[data-testid=search-results] b').length")
            .await,
        json!(0)
    );

    search.send_keys(" zebra").await.unwrap();
    app.wait_for_css("[data-testid=no-results]").await;
    // Escape leaves search and brings the whole library back.
    search.send_keys("\u{E00C}").await.unwrap();
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=article-item]').length",
        json!(3),
    )
    .await;
    app.close().await;
}
