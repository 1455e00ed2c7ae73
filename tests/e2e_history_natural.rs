//! End-to-end: history at natural moments. A writer types a few
//! paragraphs with pauses of a few seconds and opens History without typing
//! again: the pauses after real writing are there, each labelled by what
//! changed; a pause after a few words adds nothing. Run with `--ignored`,
//! like tests/e2e_history.rs.

mod support;

use byline_core::domain::revision::RevisionKind;
use byline_core::Library;
use serde_json::json;
use support::{App, CTRL, RELEASE_MODIFIERS};

const SHIFT: char = '\u{E008}';
const ENTER: char = '\u{E007}';
/// The pause the app is told to use, and how long the test pauses.
const PAUSE_MS: u64 = 2000;
const PAUSE: std::time::Duration = std::time::Duration::from_millis(PAUSE_MS + 1500);

const FIRST: &str = "The ferry service to the island will change its timetable from Monday, \
with fewer crossings at night and more in the morning rush.";
const SECOND: &str = "Riders who travel after ten in the evening will wait longer, and the \
last boat back now leaves at half past eleven instead of midnight.";

const THIRD: &str = "The council says the change saves money on the night crew, and that \
it will look at the numbers again after the summer season ends.";

const LABELS: &str =
    "[...document.querySelectorAll('[data-testid=revision] .what')].map(e => e.textContent.trim())";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn pauses_after_real_writing_show_in_history_with_labels() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    Library::open(&library).unwrap();
    let pause_ms = PAUSE_MS.to_string();
    let app = App::launch_with_env(
        &library,
        &[("BYLINE_CHECKPOINT_PAUSE_MS", pause_ms.as_str())],
    )
    .await;
    app.new_article().await;

    app.keys_to_editor(FIRST).await;
    app.wait_saved().await;
    tokio::time::sleep(PAUSE).await;
    app.keys_to_editor(&format!(
        "{ENTER}{ENTER}## What changes{ENTER}{ENTER}{SECOND}"
    ))
    .await;
    app.wait_saved().await;
    tokio::time::sleep(PAUSE).await;
    // A few words and a pause: not a real amount, nothing kept.
    app.keys_to_editor(" Fares stay the same.").await;
    app.wait_saved().await;
    tokio::time::sleep(PAUSE).await;

    // Open History without typing again: both pauses are there.
    app.keys_to_editor(&format!("{CTRL}{SHIFT}h{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_css("[data-testid=history-panel]").await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=revision]').length",
        json!(2),
    )
    .await;
    let labels: Vec<String> = serde_json::from_value(app.js(LABELS).await).unwrap();
    assert_eq!(labels.len(), 2, "{labels:?}");
    assert!(
        labels[0].starts_with('+') && labels[0].ends_with("words in 'What changes'"),
        "{labels:?}"
    );
    assert_eq!(labels[1], "+23 words: 'The ferry service to the island…'");
    assert!(labels.iter().all(|l| !l.contains("±0")), "{labels:?}");
    app.screenshot("history-natural").await;

    // With History still open, more writing and a pause show up in it
    // without reopening the panel.
    app.keys_to_editor(&format!("{ENTER}{ENTER}{THIRD}")).await;
    app.wait_saved().await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=revision]').length",
        json!(3),
    )
    .await;
    app.close().await;

    let lib = Library::open(&library).unwrap();
    let id = lib.list(&Default::default()).unwrap()[0].id;
    let history = lib.history(id).unwrap();
    assert!(history.iter().all(|r| r.kind == RevisionKind::Checkpoint));
    assert_eq!(lib.revision_state(id, 1).unwrap().body, FIRST);
    let second = lib.revision_state(id, 2).unwrap().body;
    assert!(second.ends_with(SECOND), "{second:?}");
    assert_eq!(history.len(), 3);
    assert!(lib.article(id).unwrap().body.ends_with(THIRD));
}
