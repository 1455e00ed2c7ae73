//! End-to-end tests of revisions in the real window: type, pause, type
//! again, open History, compare, name, snapshot and restore; and undo that
//! survives autosave. Run by `make test` with `--ignored`, like tests/e2e.rs.

mod support;

use byline_core::domain::revision::RevisionKind;
use byline_core::Library;
use serde_json::json;
use support::{App, CTRL, RELEASE_MODIFIERS};

const SHIFT: char = '\u{E008}';
const ENTER: char = '\u{E007}';

const EDITOR_TEXT: &str =
    "Array.from(document.querySelectorAll('.cm-line')).map(l => l.textContent).join('\\n')";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn history_compares_names_and_restores() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    Library::open(&library).unwrap();
    let app = App::launch_with_env(&library, &[("BYLINE_CHECKPOINT_PAUSE_MS", "1500")]).await;
    app.new_article().await;
    app.keys_to_editor("The ferry leaves at noon.").await;
    app.wait_saved().await;
    // A pause, then more typing: the text at the pause becomes a checkpoint.
    tokio::time::sleep(std::time::Duration::from_millis(1800)).await;
    app.keys_to_editor(" It returns at six.").await;
    app.wait_saved().await;

    app.keys_to_editor(&format!("{CTRL}{SHIFT}h{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_css("[data-testid=history-panel]").await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=revision]').length",
        json!(1),
    )
    .await;
    app.click("[data-testid=revision][data-number='1']").await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=diff] ins')].map(e => e.textContent).join('')",
        json!(" It returns at six."),
    )
    .await;

    // Name it.
    app.click("[data-testid=name-revision]").await;
    let name = app.wait_for_css("[data-testid=revision-name]").await;
    name.send_keys(&format!("First draft{ENTER}"))
        .await
        .unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=revision][data-number=\"1\"] .what').textContent",
        json!("First draft"),
    )
    .await;

    // A named snapshot of the text as it is now.
    app.click("[data-testid=snapshot]").await;
    let label = app.wait_for_css("[data-testid=snapshot-label]").await;
    label.send_keys("Before cuts").await.unwrap();
    app.click("[data-testid=snapshot-save]").await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=revision]').length",
        json!(2),
    )
    .await;

    // Revision 1 is still picked; Shift+click revision 2 to compare the two.
    app.wait_for_css("[data-testid=comparison]").await;
    app.js("(() => { document.querySelector('[data-testid=revision][data-number=\"2\"]').dispatchEvent(new MouseEvent('click', { bubbles: true, shiftKey: true })); return true; })()").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=comparison] strong').textContent",
        json!("Revision 1 → revision 2"),
    )
    .await;
    app.screenshot("history-compare").await;

    // Restore revision 1: the editor shows it, and nothing is lost.
    app.click("[data-testid=revision][data-number='1']").await;
    app.click("[data-testid=restore-revision]").await;
    app.click("[data-testid=restore-yes]").await;
    app.wait_for_js(EDITOR_TEXT, json!("The ferry leaves at noon."))
        .await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=revision]').length",
        json!(3),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=revision] .what').textContent",
        json!("before restoring revision 1"),
    )
    .await;
    app.wait_saved().await;
    app.close().await;

    let lib = Library::open(&library).unwrap();
    let id = lib.list(&Default::default()).unwrap()[0].id;
    assert_eq!(lib.article(id).unwrap().body, "The ferry leaves at noon.");
    let kinds: Vec<RevisionKind> = lib.history(id).unwrap().iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [
            RevisionKind::BeforeRestore,
            RevisionKind::Snapshot,
            RevisionKind::Checkpoint
        ]
    );
    assert_eq!(
        lib.revision_state(id, 3).unwrap().body,
        "The ferry leaves at noon. It returns at six."
    );
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn undo_reaches_back_past_autosaves() {
    let (_dir, library, app) = App::launch_fresh().await;
    app.new_article().await;
    app.keys_to_editor("First line.").await;
    app.wait_saved().await;
    // CodeMirror joins typing less than 500 ms apart into one undo step;
    // wait past that so the two sentences are two steps.
    tokio::time::sleep(std::time::Duration::from_millis(700)).await;
    app.keys_to_editor(" Second line.").await;
    app.wait_saved().await;
    // Both saves are behind us; undo still walks back through the typing.
    app.keys_to_editor(&format!("{CTRL}z{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_js(EDITOR_TEXT, json!("First line.")).await;
    app.keys_to_editor(&format!("{CTRL}{SHIFT}z{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_js(EDITOR_TEXT, json!("First line. Second line."))
        .await;
    app.keys_to_editor(&format!("{CTRL}z{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_js(EDITOR_TEXT, json!("First line.")).await;
    app.wait_saved().await;
    app.close().await;
    let lib = Library::open(&library).unwrap();
    let id = lib.list(&Default::default()).unwrap()[0].id;
    assert_eq!(lib.article(id).unwrap().body, "First line.");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_published_article_takes_corrections_listed_as_updates() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&library).unwrap();
        let id = lib
            .create_article("Ferry timetable", "The ferry leaves at noon.")
            .unwrap()
            .id;
        lib.set_status(id, byline_core::Status::Published).unwrap();
    }
    let app = App::launch(&library).await;
    app.click("[data-testid=corrections-toggle]").await;
    let note = app.wait_for_css("[data-testid=correction-note]").await;
    note.send_keys("An earlier version gave the wrong <b>time</b>.")
        .await
        .unwrap();
    app.click("[data-testid=correction-add]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-updates] h2')?.textContent",
        json!("Updates"),
    )
    .await;
    // The note is text: its angle brackets show, nothing is parsed as HTML.
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-updates] li')?.lastChild?.textContent.trim()",
        json!("An earlier version gave the wrong <b>time</b>."),
    )
    .await;
    assert_eq!(
        app.js("document.querySelectorAll('[data-testid=preview-updates] b').length")
            .await,
        json!(0)
    );
    app.wait_for_js(
        "document.querySelector('[data-testid=corrections-toggle]').textContent.trim()",
        json!("Corrections (1)"),
    )
    .await;
    app.screenshot("corrections").await;
    app.close().await;

    let lib = Library::open(&library).unwrap();
    let id = lib.list(&Default::default()).unwrap()[0].id;
    assert_eq!(lib.corrections(id).unwrap().len(), 1);
}
