//! End-to-end tests of issue 24's backend items, driven by the keyboard as
//! a writer would: editing a correction (the edit dated in the preview's
//! Updates), finding an article by its tag from the sidebar's search, and
//! smart quotes turned on in Settings (curly in the preview, straight in the
//! editor and the stored Markdown). Run with `--ignored`, like tests/e2e.rs.

mod support;

use std::path::Path;

use byline_core::domain::article::ArticleField;
use byline_core::{ArticleId, Library};
use serde_json::json;
use support::{eventually, App, CTRL, ENTER, ESCAPE, RELEASE_MODIFIERS, SHIFT, SPACE, TAB};

fn chord(keys: &str) -> String {
    format!("{keys}{RELEASE_MODIFIERS}")
}

/// A published article in a new library, for the tests to add to.
fn published_library(library: &Path, body: &str) -> ArticleId {
    let mut lib = Library::open(library).unwrap();
    let id = lib
        .create_article("Ferry fares rise in spring", body)
        .unwrap()
        .id;
    lib.set_status(id, byline_core::Status::Published).unwrap();
    id
}

const UPDATES: &str = "[data-testid=preview] .byline-updates li";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_correction_is_edited_in_place_and_the_preview_dates_the_edit() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let id = published_library(&library, "The fare rises.");
    let added = Library::open(&library)
        .unwrap()
        .add_correction(id, "An earlier version gave the wrong fre.")
        .unwrap();
    let stored = || Library::open(&library).unwrap().corrections(id).unwrap();
    let app = App::launch(&library).await;
    app.wait_for_js(
        &format!("document.querySelector('{UPDATES}')?.textContent.includes('wrong fre.')"),
        json!(true),
    )
    .await;

    app.click("[data-testid=corrections-toggle]").await;
    app.wait_focus("correction-note").await;
    // Back from the note field: past ×, to the correction's Edit.
    app.press(&chord(&format!("{SHIFT}{TAB}"))).await;
    app.wait_focus("correction-remove").await;
    app.press(&chord(&format!("{SHIFT}{TAB}"))).await;
    app.wait_focus("correction-edit").await;

    // Escape cancels: nothing changes, the keyboard is back on Edit, the
    // popover stays.
    app.press(&ENTER.to_string()).await;
    app.wait_focus("correction-edit-note").await;
    assert_eq!(
        app.js("document.activeElement.value").await,
        json!("An earlier version gave the wrong fre.")
    );
    app.press(" and more").await;
    app.press(&ESCAPE.to_string()).await;
    app.wait_focus("correction-edit").await;
    app.wait_for_css("[data-testid=corrections]").await;
    assert_eq!(stored(), vec![added.clone()]);

    // Enter edits again; the new wording, then Enter saves it.
    app.press(&ENTER.to_string()).await;
    app.wait_focus("correction-edit-note").await;
    app.press(&chord(&format!("{CTRL}a"))).await;
    app.press("An earlier version gave the wrong fare.").await;
    app.press(&ENTER.to_string()).await;
    app.wait_focus("correction-edit").await;
    let edited = eventually("the edit stored", || {
        stored()
            .into_iter()
            .next()
            .filter(|c| c.edited_at.is_some())
    })
    .await;
    assert_eq!(edited.note, "An earlier version gave the wrong fare.");
    assert_eq!(edited.at, added.at, "the correction keeps its time");

    // The preview's Updates show the new note, its first time and the edit's.
    app.wait_for_js(
        &format!("document.querySelector('{UPDATES}')?.textContent.includes('wrong fare.')"),
        json!(true),
    )
    .await;
    let times = app
        .js(&format!(
            "[...document.querySelectorAll('{UPDATES} time')].map(t => t.getAttribute('datetime'))"
        ))
        .await;
    let iso =
        |t: chrono::DateTime<chrono::Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    assert_eq!(
        times,
        json!([iso(added.at), iso(edited.edited_at.unwrap())])
    );
    assert!(app.text_of(UPDATES).await.contains("(edited "));
    // The popover lists it as edited too.
    app.wait_for_css("[data-testid=correction-edited]").await;
    app.screenshot_both_themes("feel-backend-correction-edited")
        .await;
    app.press(&ESCAPE.to_string()).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=corrections]') === null",
        json!(true),
    )
    .await;
    app.wait_focus("editor").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_tag_typed_in_the_sidebar_search_finds_its_article() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&library).unwrap();
        let tagged = lib
            .create_article("Night ferry returns", "Service resumes in May.")
            .unwrap()
            .id;
        lib.set_field(tagged, ArticleField::Tags, "transit, harbour")
            .unwrap();
        lib.create_article("Council budget", "The vote is on Tuesday.")
            .unwrap();
    }
    let app = App::launch(&library).await;
    app.click(".cm-content").await;
    app.wait_focus("editor").await;
    app.press(&chord(&format!("{CTRL}k"))).await;
    app.wait_focus("search-input").await;

    let results = "[...document.querySelectorAll('[data-testid=search-result] .title')].map(t => t.textContent.trim())";
    app.press("tag:harbour").await;
    app.wait_for_js(results, json!(["Night ferry returns"]))
        .await;
    // A plain word finds the tag as well.
    app.press(&chord(&format!("{CTRL}a"))).await;
    app.press("transit").await;
    app.wait_for_js(results, json!(["Night ferry returns"]))
        .await;
    app.screenshot("feel-backend-tag-search").await;
    // Enter opens it.
    app.press(&ENTER.to_string()).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]').value",
        json!("Night ferry returns"),
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn smart_quotes_turned_on_in_settings_curl_the_preview_not_the_text() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let body = "\"It's back,\" the captain said.";
    let id = published_library(&library, body);
    let app = App::launch(&library).await;
    let paragraph = "document.querySelector('[data-testid=preview] p')?.textContent";
    app.wait_for_js(paragraph, json!(body)).await;

    app.click(".cm-content").await;
    app.wait_focus("editor").await;
    app.press(&chord(&format!("{CTRL},"))).await;
    app.wait_focus("settings-name").await;
    // Tab through the form to the checkbox.
    for _ in 0..20 {
        if app.focused().await == json!("settings-smart-quotes") {
            break;
        }
        app.press(&TAB.to_string()).await;
    }
    app.wait_focus("settings-smart-quotes").await;
    app.press(&SPACE.to_string()).await;
    eventually("smart quotes saved", || {
        Library::open(&library)
            .unwrap()
            .site_settings()
            .unwrap()
            .smart_quotes
            .then_some(())
    })
    .await;
    app.wait_for_js(paragraph, json!("“It’s back,” the captain said."))
        .await;
    app.press(&ESCAPE.to_string()).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=settings-panel]') === null",
        json!(true),
    )
    .await;
    app.wait_focus("editor").await;

    // The writer's text keeps its straight quotes, on screen and stored.
    assert_eq!(app.editor_text().await, body);
    assert_eq!(
        Library::open(&library).unwrap().article(id).unwrap().body,
        body
    );
    // Typing more renders it the same way: the preview is the export.
    app.press(&chord(&format!("{CTRL}{}", '\u{E010}'))).await;
    app.press(" Don't wait.").await;
    app.wait_for_js(
        paragraph,
        json!("“It’s back,” the captain said. Don’t wait."),
    )
    .await;
    let exported = Library::open(&library)
        .unwrap()
        .render_export(id, byline_core::transform::export::Format::Fragment)
        .unwrap()
        .content;
    assert!(
        exported.contains("“It’s back,” the captain said."),
        "{exported:?}"
    );
    app.screenshot_both_themes("feel-backend-smart-quotes")
        .await;
    app.close().await;
}
