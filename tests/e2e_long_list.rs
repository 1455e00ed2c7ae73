//! End-to-end tests of a long library list in the real window: it starts
//! with one page, loads the rest as the writer scrolls or tabs down it, and
//! the first article is ready to edit meanwhile. Run by `make test` with
//! `--ignored`, like tests/e2e.rs.

mod support;

use std::path::{Path, PathBuf};

use byline_core::Library;
use serde_json::json;
use support::{App, TAB};

/// More articles than three pages of the list.
const ARTICLES: usize = 320;
/// The window's page (ui/src/lib/listing.ts, PAGE_SIZE).
const PAGE: usize = 100;

const ROWS: &str = "document.querySelectorAll('[data-testid=article-item]').length";
const LIST_TITLES: &str =
    "Array.from(document.querySelectorAll('[data-testid=article-item] .title')).map(t => t.textContent)";

/// Articles "Piece 1" to "Piece 320", each edited after the one before, so
/// the list (newest first) runs from "Piece 320" down.
fn long_library(dir: &Path) -> PathBuf {
    let path = dir.join("long.byline");
    let mut lib = Library::open(&path).unwrap();
    for i in 1..=ARTICLES {
        lib.create_article(&format!("Piece {i}"), &format!("Body of piece {i}.\n"))
            .unwrap();
    }
    path
}

fn titles_from(newest: usize, count: usize) -> Vec<String> {
    (0..count)
        .map(|i| format!("Piece {}", newest - i))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_long_list_starts_with_a_page_and_loads_the_rest_as_it_scrolls() {
    let dir = tempfile::tempdir().unwrap();
    let library = long_library(dir.path());
    let app = App::launch_until(&library, &[], ".cm-content").await;

    // The newest article opens, with one page of the list beside it.
    app.wait_for_js(
        "document.querySelector('.cm-content')?.textContent",
        json!("Body of piece 320."),
    )
    .await;
    app.wait_for_js(ROWS, json!(PAGE)).await;
    assert_eq!(
        app.js(LIST_TITLES).await,
        json!(titles_from(ARTICLES, PAGE))
    );
    // Until the writer scrolls, no more rows are loaded.
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    assert_eq!(app.js(ROWS).await, json!(PAGE));
    app.screenshot_both_themes("long-list").await;

    // The open article is editable while the rest of the list waits.
    app.type_in_editor(" Edited.").await;
    app.wait_saved().await;
    let stored = Library::open(&library)
        .unwrap()
        .list_articles()
        .unwrap()
        .into_iter()
        .find(|a| a.title == "Piece 320")
        .unwrap();
    let body = Library::open(&library)
        .unwrap()
        .article(stored.id)
        .unwrap()
        .body;
    assert!(body.contains("Edited."), "{body}");

    // Scrolling to the end loads page after page until the whole library
    // is listed, each article once, in order.
    for _ in 0..ARTICLES {
        let rows = app.js(ROWS).await.as_u64().unwrap() as usize;
        if rows == ARTICLES
            && app
                .js("document.querySelector('[data-testid=list-more]') === null")
                .await
                == json!(true)
        {
            break;
        }
        app.js("(document.querySelector('[data-testid=article-list]').scrollTop = 1e9, true)")
            .await;
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.js(LIST_TITLES).await,
        json!(titles_from(ARTICLES, ARTICLES))
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn tabbing_past_the_loaded_rows_loads_the_next_page() {
    let dir = tempfile::tempdir().unwrap();
    let library = long_library(dir.path());
    let app = App::launch_until(&library, &[], ".cm-content").await;
    app.wait_for_js(ROWS, json!(PAGE)).await;

    // Another order starts again from one page.
    app.js("(() => { const s = document.querySelector('[data-testid=sort]'); s.value = 'title'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()")
        .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=article-item] .title')?.textContent",
        json!("Piece 1"),
    )
    .await;
    app.wait_for_js(ROWS, json!(PAGE)).await;

    // The keyboard on a row near the end of the page, then Tab down.
    app.js(&format!(
        "(document.querySelectorAll('[data-testid=article-item]')[{}].focus(), true)",
        PAGE - 15
    ))
    .await;
    for _ in 0..10 {
        app.press(&TAB.to_string()).await;
    }
    app.wait_for_js(&format!("{ROWS} > {PAGE}"), json!(true))
        .await;
    // Title order: "Piece 1", "Piece 10", "Piece 100", "Piece 101"… the
    // pages continue it without a gap or a repeat.
    let mut expected: Vec<String> = (1..=ARTICLES).map(|i| format!("Piece {i}")).collect();
    expected.sort();
    let shown: Vec<String> = serde_json::from_value(app.js(LIST_TITLES).await).unwrap();
    assert_eq!(shown, expected[..shown.len()]);
    app.close().await;
}
