//! End-to-end tests of the folder mirror in the real window: turning it on
//! from Settings (the folder dialog answered by `BYLINE_DIALOG_ANSWER`), an
//! edit made in another editor arriving in the open article, and a
//! conflict between typing here and an edit there, resolved both ways.
//! Run by `make test` with `--ignored`, like tests/e2e.rs.

mod support;

use std::path::{Path, PathBuf};

use byline_core::domain::revision::RevisionKind;
use byline_core::{Article, Library};
use serde_json::json;
use support::{eventually, App};

const TITLE: &str = "Harbour walk";
const BODY: &str = "The walk starts at the pier.\n";
const EDITOR_TEXT: &str =
    "Array.from(document.querySelectorAll('.cm-line')).map(l => l.textContent).join('\\n')";

fn library_with_article() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    Library::open(&library)
        .unwrap()
        .create_article(TITLE, BODY)
        .unwrap();
    (dir, library)
}

fn article(library: &Path) -> Article {
    let lib = Library::open(library).unwrap();
    let id = lib.list(&Default::default()).unwrap()[0].id;
    lib.article(id).unwrap()
}

/// Writes `text` to `path` the way editors save: a temporary file beside
/// it (hidden, so the mirror ignores it), then a rename over the original.
fn save_as_an_editor_would(path: &Path, text: &str) {
    let temp = path.with_file_name(format!(
        ".{}.swp",
        path.file_name().unwrap().to_string_lossy()
    ));
    std::fs::write(&temp, text).unwrap();
    std::fs::rename(&temp, path).unwrap();
}

/// Starts the app on a library with one article, and turns the mirror on
/// into `<dir>/mirror` from the Settings panel. Returns the article's file.
async fn mirrored() -> (tempfile::TempDir, PathBuf, App, PathBuf) {
    let (dir, library) = library_with_article();
    let folder = dir.path().join("mirror");
    let app = App::launch_with_env(
        &library,
        &[
            ("BYLINE_DIALOG_ANSWER", folder.to_str().unwrap()),
            ("BYLINE_CHECKPOINT_PAUSE_MS", "300"),
        ],
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(TITLE),
    )
    .await;
    app.click("[data-testid=settings-open]").await;
    app.wait_for_css("[data-testid=settings-panel]").await;
    assert_eq!(app.text_of("[data-testid=mirror-folder]").await, "Off");
    app.click("[data-testid=mirror-choose]").await;
    let shown = std::fs::canonicalize(&folder).unwrap_or(folder.clone());
    app.wait_for_js(
        "document.querySelector('[data-testid=mirror-folder]').textContent.trim()",
        json!(shown.to_str().unwrap()),
    )
    .await;
    app.wait_for_css("[data-testid=mirror-off]").await;
    let file = folder.join("harbour-walk.md");
    let text = eventually("harbour-walk.md in the mirror folder", || {
        std::fs::read_to_string(&file).ok()
    })
    .await;
    assert!(text.starts_with("---\n"), "front matter first: {text}");
    assert!(
        text.contains("title: Harbour walk") || text.contains("title: \"Harbour walk\""),
        "{text}"
    );
    assert!(text.contains("The walk starts at the pier."), "{text}");
    app.click("[data-testid=settings-panel] .panel-close").await;
    (dir, library, app, file)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn an_edit_in_the_mirror_folder_reaches_the_editor() {
    let (_dir, library, app, file) = mirrored().await;
    let text = std::fs::read_to_string(&file).unwrap();
    save_as_an_editor_would(&file, &text.replace("at the pier.", "at the lighthouse."));

    app.wait_for_js(EDITOR_TEXT, json!("The walk starts at the lighthouse.\n"))
        .await;
    let notice = app.text_of("[data-testid=mirror-notice]").await;
    assert_eq!(notice, "Updated from harbour-walk.md");
    let a = article(&library);
    assert_eq!(a.body, "The walk starts at the lighthouse.\n");
    let lib = Library::open(&library).unwrap();
    assert!(
        lib.history(a.id)
            .unwrap()
            .iter()
            .any(|r| r.kind == RevisionKind::ExternalEdit),
        "the edit is a revision"
    );

    // One undoable change: Ctrl+Z brings the text before it back.
    let editor = app.wait_for_css(".cm-content").await;
    editor.click().await.unwrap();
    editor
        .send_keys(&format!("{}z{}", support::CTRL, support::RELEASE_MODIFIERS))
        .await
        .unwrap();
    app.wait_for_js(EDITOR_TEXT, json!("The walk starts at the pier.\n"))
        .await;
    app.close().await;
}

/// Text with its runs of whitespace made single spaces.
fn words(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Ctrl+End: the caret to the end of the text.
async fn end_of_text(editor: &fantoccini::elements::Element) {
    editor
        .send_keys(&format!(
            "{}{}{}",
            support::CTRL,
            '\u{E010}',
            support::RELEASE_MODIFIERS
        ))
        .await
        .unwrap();
}

/// Types in the editor and, before autosave can write it to the file (it
/// waits for a pause in typing, then the mirror's next sweep), saves the
/// file from "another editor": both sides changed.
async fn make_conflict(app: &App, file: &Path, typed: &str, (ours, theirs): (&str, &str)) {
    let before = std::fs::read_to_string(file).unwrap();
    assert!(before.contains(ours), "{before}");
    let editor = app.wait_for_css(".cm-content").await;
    editor.send_keys(typed).await.unwrap();
    save_as_an_editor_would(file, &before.replace(ours, theirs));
    app.wait_for_css("[data-testid=mirror-conflict]").await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_conflict_shows_both_sides_and_the_writer_chooses() {
    let (_dir, library, app, file) = mirrored().await;
    // The caret at the end of the text.
    let editor = app.wait_for_css(".cm-content").await;
    editor.click().await.unwrap();
    end_of_text(&editor).await;

    make_conflict(
        &app,
        &file,
        "Bring water.",
        ("The walk starts", "The long walk starts"),
    )
    .await;
    // As shown: the markup's line breaks are spaces on screen.
    let banner = words(&app.text_of("[data-testid=mirror-conflict]").await);
    assert!(
        banner.contains("This article changed in harbour-walk.md while you were editing. Both versions are kept in History."),
        "{banner}"
    );
    // The difference: the file's words added, mine removed.
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=mirror-conflict] [data-testid=diff] ins')].map(e => e.textContent).join('|').includes('long')",
        json!(true),
    )
    .await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=mirror-conflict] [data-testid=diff] del')].map(e => e.textContent).join('|').includes('Bring water')",
        json!(true),
    )
    .await;
    assert_eq!(
        Library::open(&library)
            .unwrap()
            .mirror_conflicts()
            .unwrap()
            .len(),
        1
    );
    app.screenshot_both_themes("mirror-conflict").await;

    // Use the file's: the editor shows its text, the banner goes, the
    // library has it, and my version stays in History.
    app.click("[data-testid=conflict-use-file]").await;
    app.wait_for_js(EDITOR_TEXT, json!("The long walk starts at the pier.\n"))
        .await;
    app.wait_for_js(
        "!!document.querySelector('[data-testid=mirror-conflict]')",
        json!(false),
    )
    .await;
    let lib = Library::open(&library).unwrap();
    assert!(lib.mirror_conflicts().unwrap().is_empty());
    let a = article(&library);
    assert_eq!(a.body, "The long walk starts at the pier.\n");
    let kept_mine = lib.history(a.id).unwrap().iter().any(|r| {
        r.label
            .as_deref()
            .is_some_and(|l| l.starts_with("your version"))
    });
    assert!(kept_mine, "my side is kept in History");

    // Another conflict, and this time keep mine: the file gets my text.
    let editor = app.wait_for_css(".cm-content").await;
    editor.click().await.unwrap();
    end_of_text(&editor).await;
    eventually("the file to have the chosen text", || {
        std::fs::read_to_string(&file)
            .ok()
            .filter(|t| t.contains("The long walk starts at the pier."))
    })
    .await;
    make_conflict(
        &app,
        &file,
        "Mind the tide.",
        ("The long walk starts", "The short walk starts"),
    )
    .await;
    app.click("[data-testid=conflict-keep-mine]").await;
    app.wait_for_js(
        "!!document.querySelector('[data-testid=mirror-conflict]')",
        json!(false),
    )
    .await;
    assert!(app.editor_text().await.contains("Mind the tide."));
    let on_disk = eventually("the file to have my text", || {
        std::fs::read_to_string(&file)
            .ok()
            .filter(|t| t.contains("Mind the tide."))
    })
    .await;
    assert!(!on_disk.contains("short walk"), "{on_disk}");
    app.close().await;
}

/// The body changes outside the window (the command line, a script, the
/// mirror) while the writer types on the text they had: autosave does not
/// write over it. The editor takes the stored text, the typed text is kept
/// in History, and a banner offers it back.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn typing_on_a_body_changed_elsewhere_loses_neither() {
    let (_dir, library) = library_with_article();
    let app = App::launch(&library).await;
    app.wait_for_js(EDITOR_TEXT, json!("The walk starts at the pier.\n"))
        .await;
    let id = article(&library).id;
    let elsewhere = |text: &str| {
        Library::open(&library)
            .unwrap()
            .save_body(id, text)
            .unwrap();
    };

    // Changed from another connection, as `byline` would; then the writer,
    // still looking at the old text, types.
    elsewhere("Changed from the command line.\n");
    let editor = app.wait_for_css(".cm-content").await;
    editor.click().await.unwrap();
    end_of_text(&editor).await;
    editor.send_keys("Typed here.").await.unwrap();

    app.wait_for_css("[data-testid=diverged]").await;
    let banner = words(&app.text_of("[data-testid=diverged]").await);
    assert!(
        banner.contains("changed elsewhere while you were typing"),
        "{banner}"
    );
    app.wait_for_js(EDITOR_TEXT, json!("Changed from the command line.\n"))
        .await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=diverged] [data-testid=diff] del')].map(e => e.textContent).join('|').includes('Typed here')",
        json!(true),
    )
    .await;
    let lib = Library::open(&library).unwrap();
    assert_eq!(
        lib.article(id).unwrap().body,
        "Changed from the command line.\n",
        "not written over"
    );
    let kept = lib.history(id).unwrap();
    let typed = kept
        .iter()
        .find(|r| r.label.as_deref() == Some(byline_core::library::DIVERGED_LABEL))
        .expect("the typed text is kept in History");
    assert_eq!(
        lib.revision_state(id, typed.number).unwrap().body,
        "The walk starts at the pier.\nTyped here."
    );
    app.screenshot_both_themes("diverged").await;

    // Use mine: the typed text comes back and is saved.
    app.click("[data-testid=diverged-use-mine]").await;
    app.wait_for_js(
        EDITOR_TEXT,
        json!("The walk starts at the pier.\nTyped here."),
    )
    .await;
    app.wait_for_js(
        "!!document.querySelector('[data-testid=diverged]')",
        json!(false),
    )
    .await;
    eventually("the library to have the typed text", || {
        let body = article(&library).body;
        (body == "The walk starts at the pier.\nTyped here.").then_some(())
    })
    .await;

    // Again, and this time keep the current text: nothing changes but the
    // banner, and typing saves normally on the current text.
    elsewhere("Changed once more.\n");
    let editor = app.wait_for_css(".cm-content").await;
    end_of_text(&editor).await;
    editor.send_keys(" Also typed.").await.unwrap();
    app.wait_for_css("[data-testid=diverged]").await;
    app.wait_for_js(EDITOR_TEXT, json!("Changed once more.\n"))
        .await;
    app.click("[data-testid=diverged-keep-current]").await;
    app.wait_for_js(
        "!!document.querySelector('[data-testid=diverged]')",
        json!(false),
    )
    .await;
    let editor = app.wait_for_css(".cm-content").await;
    end_of_text(&editor).await;
    editor.send_keys("Then this.").await.unwrap();
    eventually("typing on the current text to save", || {
        let body = article(&library).body;
        (body == "Changed once more.\nThen this.").then_some(())
    })
    .await;
    app.close().await;
}

/// The mirror folder renamed away (as an unmounted disk or a folder moved
/// elsewhere looks): the window says the mirror is paused, a save trashes
/// nothing, and when the folder is back the mirror resumes by itself and
/// writes the save.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_missing_mirror_folder_pauses_the_mirror_and_it_resumes_when_back() {
    let (dir, library, app, file) = mirrored().await;
    let folder = file.parent().unwrap().to_path_buf();
    let away = dir.path().join("elsewhere");
    std::fs::rename(&folder, &away).unwrap();

    let status = app.wait_for_css("[data-testid=mirror-paused-status]").await;
    let shown = app.text_of("[data-testid=mirror-paused-status]").await;
    assert!(shown.starts_with("Mirror paused"), "{shown}");
    let title = status.attr("title").await.unwrap().unwrap_or_default();
    assert!(title.contains("is missing"), "{title}");

    // A save while the folder is away.
    let editor = app.wait_for_css(".cm-content").await;
    editor.click().await.unwrap();
    end_of_text(&editor).await;
    app.keys_to_editor("Bring water.").await;
    app.wait_saved().await;
    let a = article(&library);
    assert!(a.body.contains("Bring water."), "{}", a.body);
    // Give the mirror a few passes to get it wrong.
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let a = article(&library);
    assert!(a.trashed_at.is_none(), "the article is not trashed");
    assert!(
        Library::open(&library)
            .unwrap()
            .list_trash()
            .unwrap()
            .is_empty(),
        "nothing in the trash"
    );
    assert!(!folder.exists(), "the folder is not made again");
    assert!(!away.join(".trash").exists(), "no file moved to .trash");
    assert!(away.join("harbour-walk.md").is_file());

    // Settings says so too.
    app.click("[data-testid=mirror-paused-status]").await;
    app.wait_for_css("[data-testid=mirror-paused]").await;
    let note = app.text_of("[data-testid=mirror-paused]").await;
    assert!(note.contains("is missing"), "{note}");
    app.screenshot_both_themes("mirror-paused").await;
    app.click("[data-testid=settings-panel] .panel-close").await;

    // Back: the message goes and the save reaches the file.
    std::fs::rename(&away, &folder).unwrap();
    app.wait_for_js(
        "!!document.querySelector('[data-testid=mirror-paused-status]')",
        json!(false),
    )
    .await;
    eventually("the save written to the file", || {
        std::fs::read_to_string(&file)
            .ok()
            .filter(|t| t.contains("Bring water."))
    })
    .await;
    assert!(article(&library).trashed_at.is_none());
    app.close().await;
}

/// The app opened while the mirror folder is away (an unplugged disk): it
/// starts paused, says so, trashes nothing, makes no empty folder there,
/// and resumes once the folder is back.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn an_app_opened_without_its_mirror_folder_waits_for_it() {
    let (dir, library) = library_with_article();
    let folder = {
        let mut lib = Library::open(&library).unwrap();
        let folder = lib
            .set_mirror_folder(Some(&dir.path().join("mirror")))
            .unwrap()
            .unwrap();
        lib.mirror_out(&folder).unwrap();
        folder
    };
    let unplugged = dir.path().join("unplugged");
    std::fs::rename(&folder, &unplugged).unwrap();

    let app = App::launch(&library).await;
    app.wait_for_css("[data-testid=mirror-paused-status]").await;
    std::thread::sleep(std::time::Duration::from_millis(1000));
    assert!(article(&library).trashed_at.is_none());
    assert!(!folder.exists(), "no empty folder made at the path");

    std::fs::rename(&unplugged, &folder).unwrap();
    app.wait_for_js(
        "!!document.querySelector('[data-testid=mirror-paused-status]')",
        json!(false),
    )
    .await;
    assert!(article(&library).trashed_at.is_none());
    assert!(folder.join("harbour-walk.md").is_file());
    app.close().await;
}
