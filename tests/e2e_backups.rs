//! End-to-end tests of backups in the real window: Settings makes one,
//! lists it and restores it (the library as it was kept first); Check
//! library reports a sound library; and a damaged library opens on a page
//! that says so, from which its newest good backup opens as a copy.
//! Run by `make test` with `--ignored`, like tests/e2e.rs.

mod support;

use std::io::{Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use byline_core::usecases::backups::{self, BackupReason};
use byline_core::Library;
use serde_json::json;
use support::{eventually, App};

const TITLE: &str = "Harbour walk";
const EDITOR_TEXT: &str =
    "Array.from(document.querySelectorAll('.cm-line')).map(l => l.textContent).join('\\n')";
const ITEMS: &str = "document.querySelectorAll('[data-testid=backup-item]').length";

fn library_with_article(body: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    Library::open(&library)
        .unwrap()
        .create_article(TITLE, body)
        .unwrap();
    (dir, library)
}

fn body(library: &Path) -> String {
    let lib = Library::open(library).unwrap();
    lib.find("harbour-walk").unwrap().body
}

/// Overwrites pages in the middle of a real file with garbage.
fn damage(path: &Path) {
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    for page in [1u64, 2, 3] {
        file.seek(SeekFrom::Start(page * 4096)).unwrap();
        file.write_all(&[0xA5; 4096]).unwrap();
    }
    file.sync_all().unwrap();
}

async fn open_settings(app: &App) {
    app.click("[data-testid=settings-open]").await;
    app.wait_for_css("[data-testid=backup-last]").await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn settings_makes_a_backup_lists_it_and_restores_it() {
    let (dir, library) = library_with_article("The walk starts at the pier.\n");
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(TITLE),
    )
    .await;
    open_settings(&app).await;
    assert!(app
        .text_of("[data-testid=backup-last]")
        .await
        .starts_with("No backup yet"));

    app.click("[data-testid=backup-now]").await;
    app.wait_for_js(ITEMS, json!(1)).await;
    assert!(app
        .text_of("[data-testid=backup-last]")
        .await
        .starts_with("Last backup just now"));
    assert!(app
        .text_of("[data-testid=backup-item]")
        .await
        .contains("made by hand"));
    let folder = dir.path().join("library-backups");
    let made = backups::list_in(&library, &folder).unwrap();
    assert_eq!(made.len(), 1, "{made:?}");

    // Check library: a sound library says so.
    app.click("[data-testid=check-library]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=check-summary]')?.textContent",
        json!("Everything checked is sound."),
    )
    .await;
    app.click("[data-testid=settings-panel] .panel-close").await;

    // Typing after the backup, saved.
    app.keys_to_editor(" And on to the lighthouse.").await;
    app.wait_saved().await;
    let typed = app.editor_text().await;
    assert!(typed.contains("lighthouse"), "{typed}");
    assert!(body(&library).contains("lighthouse"));

    open_settings(&app).await;
    app.wait_for_js(ITEMS, json!(1)).await;
    app.click("[data-testid=backup-restore]").await;
    app.click("[data-testid=backup-restore-confirm]").await;
    // The window starts again on the restored library.
    app.wait_for_js(EDITOR_TEXT, json!("The walk starts at the pier.\n"))
        .await;
    assert_eq!(body(&library), "The walk starts at the pier.\n");

    // The library as it was before the restore is kept, typing and all.
    let all = backups::list_in(&library, &folder).unwrap();
    let kept = all
        .iter()
        .find(|b| b.reason == BackupReason::BeforeRestore)
        .unwrap_or_else(|| panic!("no backup kept before the restore: {all:?}"));
    let kept = Library::open(&kept.path).unwrap();
    assert!(kept
        .find("harbour-walk")
        .unwrap()
        .body
        .contains("lighthouse"));
    open_settings(&app).await;
    app.wait_for_js(ITEMS, json!(2)).await;
    app.js("(document.querySelector('[data-testid=backup-last]').scrollIntoView(), true)")
        .await;
    app.screenshot_both_themes("backups-settings").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_damaged_library_is_shown_as_such_and_its_backup_opens_as_a_copy() {
    let text = "The zebra crossing by the pier. ".repeat(3000);
    let (dir, library) = library_with_article(&text);
    let good = {
        let lib = Library::open(&library).unwrap();
        backups::make(&lib, BackupReason::Hourly, chrono::Utc::now()).unwrap()
    };
    damage(&library);
    let before = std::fs::read(&library).unwrap();

    let app = App::launch_until(&library, &[], "[data-testid=library-problem]").await;
    let message = app.text_of("[data-testid=library-problem-message]").await;
    assert!(message.contains("is damaged"), "{message}");
    assert!(message.contains("cannot be read"), "{message}");
    assert!(message.contains("library.byline"), "{message}");
    assert_eq!(
        app.text_of("[data-testid=library-problem-backup]").await,
        good.path
    );
    app.screenshot_both_themes("damaged-library").await;
    assert_eq!(std::fs::read(&library).unwrap(), before, "not written to");

    app.click("[data-testid=open-backup-copy]").await;
    app.wait_for_css("[id='byline:app'] > .app").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(TITLE),
    )
    .await;
    let copy = eventually("the recovered copy", || {
        std::fs::read_dir(dir.path())
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.starts_with("library-recovered-") && name.ends_with(".byline")
            })
    })
    .await;
    // Typing goes to the copy; the damaged file and the backup stay.
    app.keys_to_editor(" Typed in the copy.").await;
    app.wait_saved().await;
    let lib = Library::open(&copy).unwrap();
    assert!(lib
        .find("harbour-walk")
        .unwrap()
        .body
        .contains("Typed in the copy."));
    assert_eq!(std::fs::read(&library).unwrap(), before);
    backups::verify_or_delete(Path::new(&good.path)).unwrap();
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn quitting_keeps_a_backup_with_the_last_typing() {
    let (dir, library) = library_with_article("The walk starts at the pier.\n");
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(TITLE),
    )
    .await;
    // Quit straight after typing, inside the autosave delay.
    app.keys_to_editor(" Past the ferry.").await;
    let editor = app.wait_for_css(".cm-content").await;
    let _ = editor
        .send_keys(&format!("{}q{}", support::CTRL, support::RELEASE_MODIFIERS))
        .await;
    support::wait_until_app_exits(&library);
    let all = backups::list_in(&library, &dir.path().join("library-backups")).unwrap();
    assert_eq!(all.len(), 1, "{all:?}");
    assert_eq!(all[0].reason, BackupReason::Quit);
    let kept = Library::open(&all[0].path).unwrap();
    assert!(kept
        .find("harbour-walk")
        .unwrap()
        .body
        .contains("Past the ferry."));
    drop(app);
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn an_automatic_backup_is_made_while_the_window_is_open() {
    let (dir, library) = library_with_article("The walk starts at the pier.\n");
    // The timer asks often; with no backup yet, one is due at once, and
    // then not again within the hour.
    let app = App::launch_with_env(&library, &[("BYLINE_BACKUP_CHECK_MS", "200")]).await;
    let folder = dir.path().join("library-backups");
    let made = eventually("an hourly backup", || {
        backups::list_in(&library, &folder)
            .ok()
            .filter(|all| !all.is_empty())
    })
    .await;
    assert_eq!(made[0].reason, BackupReason::Hourly);
    open_settings(&app).await;
    assert!(app
        .text_of("[data-testid=backup-item]")
        .await
        .contains("hourly"));
    tokio::time::sleep(std::time::Duration::from_secs(1)).await;
    assert_eq!(backups::list_in(&library, &folder).unwrap().len(), 1);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn check_library_finds_a_broken_search_index_and_repair_rebuilds_it() {
    let (dir, library) = library_with_article("The zebra crossing by the pier.\n");
    {
        let conn = rusqlite::Connection::open(&library).unwrap();
        conn.execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, dek, body, faq_text)
             SELECT 'delete', id, title, dek, body, faq_text FROM articles",
            [],
        )
        .unwrap();
    }
    let app = App::launch(&library).await;
    open_settings(&app).await;
    app.click("[data-testid=check-library]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=check-summary]')?.textContent",
        json!("1 problem found."),
    )
    .await;
    let report = app.text_of("[data-testid=check-report]").await;
    assert!(report.contains("Search index: 1 problem"), "{report}");
    assert!(report.contains("does not match"), "{report}");

    app.click("[data-testid=repair-library]").await;
    app.wait_for_css("[data-testid=repair-result]").await;
    assert_eq!(
        app.text_of("[data-testid=repair-result]").await,
        "Backed up first; rebuilt the search index."
    );
    assert_eq!(
        app.text_of("[data-testid=check-summary]").await,
        "Everything checked is sound."
    );
    let all = backups::list_in(&library, &dir.path().join("library-backups")).unwrap();
    assert!(
        all.iter().any(|b| b.reason == BackupReason::BeforeRepair),
        "{all:?}"
    );
    let lib = Library::open(&library).unwrap();
    assert_eq!(lib.search("zebra", 10).unwrap().len(), 1);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_palette_backs_the_library_up_with_the_last_typing() {
    let (dir, library) = library_with_article("The walk starts at the pier.\n");
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(TITLE),
    )
    .await;
    app.keys_to_editor(" Then the ferry.").await;
    app.wait_for_css(".cm-content")
        .await
        .send_keys(&format!("{}p{}", support::CTRL, support::RELEASE_MODIFIERS))
        .await
        .unwrap();
    let input = app.wait_for_css("[data-testid=palette-input]").await;
    input.send_keys("back up the library").await.unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=palette-item]')?.dataset.id",
        json!("back-up"),
    )
    .await;
    input.send_keys("\u{E007}").await.unwrap();
    let all = eventually("a backup made from the palette", || {
        backups::list_in(&library, &dir.path().join("library-backups"))
            .ok()
            .filter(|all| !all.is_empty())
    })
    .await;
    assert_eq!(all[0].reason, BackupReason::Manual);
    let notice = app.text_of("[data-testid=mirror-notice]").await;
    assert_eq!(notice, format!("Backed up to {}", all[0].path));
    let kept = Library::open(&all[0].path).unwrap();
    assert!(kept
        .find("harbour-walk")
        .unwrap()
        .body
        .contains("Then the ferry."));
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_restore_turns_the_mirror_off_so_the_folder_does_not_undo_it() {
    let (dir, library) = library_with_article("The walk starts at the pier.\n");
    let folder = dir.path().join("mirror");
    let app = App::launch_with_env(
        &library,
        &[("BYLINE_DIALOG_ANSWER", folder.to_str().unwrap())],
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(TITLE),
    )
    .await;
    open_settings(&app).await;
    app.click("[data-testid=mirror-choose]").await;
    app.wait_for_css("[data-testid=mirror-off]").await;
    let file = folder.join("harbour-walk.md");
    eventually("the mirrored file", || std::fs::read_to_string(&file).ok()).await;
    app.click("[data-testid=backup-now]").await;
    app.wait_for_js(ITEMS, json!(1)).await;
    app.click("[data-testid=settings-panel] .panel-close").await;

    app.keys_to_editor(" And on to the lighthouse.").await;
    app.wait_saved().await;
    eventually("the typing in the mirrored file", || {
        std::fs::read_to_string(&file)
            .ok()
            .filter(|t| t.contains("lighthouse"))
    })
    .await;

    open_settings(&app).await;
    app.wait_for_js(ITEMS, json!(1)).await;
    app.click("[data-testid=backup-restore]").await;
    app.click("[data-testid=backup-restore-confirm]").await;
    app.wait_for_js(EDITOR_TEXT, json!("The walk starts at the pier.\n"))
        .await;
    open_settings(&app).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=mirror-folder]')?.textContent.trim()",
        json!("Off"),
    )
    .await;
    // The folder keeps its newer file, and it does not come back in.
    tokio::time::sleep(std::time::Duration::from_secs(2)).await;
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("lighthouse"));
    assert_eq!(body(&library), "The walk starts at the pier.\n");
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_failing_automatic_backup_is_reported_in_settings() {
    let (dir, library) = library_with_article("The walk starts at the pier.\n");
    // A backup folder that cannot be made: its parent is a file.
    let blocker = dir.path().join("not-a-folder");
    std::fs::write(&blocker, "a file").unwrap();
    Library::open(&library)
        .unwrap()
        .set_backup_folder(Some(&blocker.join("backups")))
        .unwrap();
    let app = App::launch_with_env(&library, &[("BYLINE_BACKUP_CHECK_MS", "200")]).await;
    // Settings reads the status when it opens: reopen until the timer has
    // tried (and failed).
    let mut shown = String::new();
    for _ in 0..50 {
        open_settings(&app).await;
        shown = app
            .js("document.querySelector('[data-testid=backup-error]')?.textContent ?? ''")
            .await
            .as_str()
            .unwrap_or_default()
            .to_owned();
        if !shown.is_empty() {
            break;
        }
        app.click("[data-testid=settings-panel] .panel-close").await;
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    assert!(shown.contains("cannot be created"), "{shown:?}");
    assert!(shown.contains("not-a-folder"), "{shown:?}");
    app.close().await;
}
