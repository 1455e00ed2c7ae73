//! End-to-end: what the window says "Saved" is in the library whatever
//! happens to the app or the disk. The app killed with SIGKILL while the
//! writer types; a library on a real small file system (see
//! `small_disk`) that fills up, then gets space back; one that goes
//! read-only after a disk error. Run by `make test` with `--ignored`.
//!
//! `BYLINE_E2E_KILLS` sets how many times the app is killed (5 by default).

mod support;

#[path = "small_disk/mod.rs"]
mod small_disk;

use std::path::Path;
use std::time::Duration;

use byline_core::Library;
use fantoccini::Locator;
use serde_json::json;
use support::{App, CTRL, END, RELEASE_MODIFIERS};

const SAVE_STATE: &str = "document.querySelector('[data-testid=save-state]')";

/// The status bar's save state: its text and its error code.
async fn save_state(app: &App) -> (String, String) {
    let v = app
        .js(&format!(
            "[{SAVE_STATE}.textContent.trim(), {SAVE_STATE}.dataset.code ?? '']"
        ))
        .await;
    (
        v[0].as_str().unwrap().to_owned(),
        v[1].as_str().unwrap().to_owned(),
    )
}

/// Waits for the status bar to show a failure with this code, and returns
/// what it says.
async fn wait_not_saved(app: &App, code: &str) -> String {
    app.wait_for_js(&format!("{SAVE_STATE}.dataset.code"), json!(code))
        .await;
    save_state(app).await.0
}

/// The article's body as the library holds it, read by a new connection
/// the way the next start of Byline reads it.
fn stored_body(library: &Path, title: &str) -> String {
    let lib = Library::open(library).unwrap();
    assert_eq!(lib.integrity_check().unwrap(), "ok");
    let summary = lib
        .list_articles()
        .unwrap()
        .into_iter()
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("no article {title:?}"));
    lib.article(summary.id).unwrap().body
}

/// A new article titled `title`, with `text` typed and saved.
async fn write_saved(app: &App, title: &str, text: &str) {
    app.new_article().await;
    app.press(title).await;
    app.keys_to_editor(text).await;
    app.wait_saved().await;
}

/// Empties the library's WAL (the app's connection is idle between saves),
/// so the next save needs new blocks on the disk rather than reusing old.
fn empty_the_wal(library: &Path) {
    rusqlite::Connection::open(library)
        .unwrap()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_full_disk_is_shown_the_text_kept_and_saving_resumes_by_itself() {
    let Some(disk) = small_disk::SmallDisk::new(8) else {
        return;
    };
    let library = disk.path().join("library.byline");
    Library::open(&library).unwrap();
    let app = App::launch(&library).await;
    write_saved(&app, "On a small disk", "Saved before the disk filled up.").await;
    empty_the_wal(&library);

    disk.fill();
    let typed = " Typed while the disk was full, and kept.";
    app.keys_to_editor(typed).await;
    let said = wait_not_saved(&app, "disk_full").await;
    assert!(said.contains("disk is full"), "{said}");
    assert!(said.contains("text kept, retrying"), "{said}");
    app.screenshot("durability-disk-full").await;
    // The text is on screen, typing goes on, and the bar keeps saying why.
    app.keys_to_editor(" More.").await;
    let expected = format!("Saved before the disk filled up.{typed} More.");
    assert_eq!(app.editor_text().await, expected);
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(save_state(&app).await.1, "disk_full");

    // Space returns: no key pressed, the autosaver's retry saves it.
    disk.free();
    app.wait_saved().await;
    assert_eq!(stored_body(&library, "On a small disk"), expected);
    app.close().await;
    support::wait_until_app_exits(&library);
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_library_gone_read_only_is_shown_the_text_kept_and_nothing_damaged() {
    let Some(disk) = small_disk::SmallDisk::new(8) else {
        return;
    };
    let library = disk.path().join("library.byline");
    Library::open(&library).unwrap();
    let app = App::launch(&library).await;
    write_saved(&app, "Read-only", "Saved before the disk failed.").await;

    disk.fail_read_only();
    app.keys_to_editor(" Typed after.").await;
    let said = wait_not_saved(&app, "library_read_only").await;
    assert!(said.contains("read-only"), "{said}");
    app.screenshot("durability-read-only").await;
    assert_eq!(
        app.editor_text().await,
        "Saved before the disk failed. Typed after."
    );
    // The disk stays read-only until it is unmounted: end the app (its
    // quit would refuse, as the text is not saved), replug, and look.
    drop(app);
    support::wait_until_app_exits(&library);
    disk.remount();
    assert_eq!(
        stored_body(&library, "Read-only"),
        "Saved before the disk failed."
    );
}

/// The process id of the Byline app running on `library`.
fn app_pid(library: &Path) -> u32 {
    let needle = library.to_string_lossy().into_owned();
    std::fs::read_dir("/proc")
        .unwrap()
        .flatten()
        .find_map(|entry| {
            let pid: u32 = entry.file_name().to_str()?.parse().ok()?;
            let cmd = std::fs::read(entry.path().join("cmdline")).ok()?;
            let cmd = String::from_utf8_lossy(&cmd).replace('\0', " ");
            (cmd.starts_with(support::BYLINE) && cmd.contains(&needle)).then_some(pid)
        })
        .expect("the app's process")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn what_the_window_said_was_saved_survives_kill_9_while_typing() {
    let rounds: u32 = std::env::var("BYLINE_E2E_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(5);
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    // The window opens on the most recently edited article: this one.
    Library::open(&library)
        .unwrap()
        .create_article("Killed", "")
        .unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    let mut rng = seed;
    let mut next = move |n: u64| {
        rng = rng
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (rng >> 33) % n
    };
    let (mut checked, mut kept_more) = (0, 0);
    let mut saved = String::new();
    for round in 0..rounds {
        let app = App::launch(&library).await;
        // The window reopens the article as it was last saved.
        app.wait_for_js(
            "document.querySelector('[data-testid=title-input]')?.value",
            json!("Killed"),
        )
        .await;
        if round > 0 {
            assert_eq!(app.editor_text().await.trim_end(), saved.trim_end());
        }
        app.keys_to_editor(&format!("{CTRL}{END}{RELEASE_MODIFIERS}"))
            .await;
        app.keys_to_editor(&format!(" Round {round} saved.")).await;
        app.wait_saved().await;
        saved = app.editor_text().await;
        let body = if round % 2 == 0 {
            // Typing on, then SIGKILL at a random moment: before, during
            // or after the next save. If the bar said "Saved" just before,
            // the library holds exactly the text on screen.
            app.keys_to_editor(&format!(" Round {round} typed on"))
                .await;
            tokio::time::sleep(Duration::from_millis(next(700))).await;
            let (state, _) = save_state(&app).await;
            let on_screen = app.editor_text().await;
            kill_app(&library, Duration::ZERO);
            drop(app);
            let body = stored_body(&library, "Killed");
            if state == "Saved" {
                assert_eq!(
                    body, on_screen,
                    "round {round}: shown Saved before the kill"
                );
                checked += 1;
            }
            body
        } else {
            // SIGKILL while the keys are still arriving: the library holds
            // what was saved plus some of the new keys, never a mangled text.
            let typed = format!(" Round {round}: killed while these keys were typed.");
            let library_path = library.clone();
            let delay = Duration::from_millis(next(700));
            let killer = std::thread::spawn(move || kill_app(&library_path, delay));
            if let Ok(editor) = app.client.find(Locator::Css(".cm-content")).await {
                // Fails once the app is gone: that is the point.
                let _ = editor.send_keys(&typed).await;
            }
            killer.join().unwrap();
            drop(app);
            let body = stored_body(&library, "Killed");
            assert!(
                format!("{saved}{typed}").starts_with(&body),
                "round {round}: the library holds {body:?}, not a prefix of what was typed"
            );
            body
        };
        assert!(
            body.starts_with(&saved),
            "round {round}: {saved:?} was shown Saved, the library holds {body:?}"
        );
        if body != saved {
            kept_more += 1;
        }
        checked += 1;
        saved = body;
    }
    println!(
        "app kills: {rounds} (seed {seed}), {checked} saved states checked, \
         {kept_more} kills after a further save landed, 0 losses"
    );
}

/// Sends the app on `library` SIGKILL after `delay`, and waits until it is
/// gone.
fn kill_app(library: &Path, delay: Duration) {
    std::thread::sleep(delay);
    std::process::Command::new("kill")
        .args(["-KILL", &app_pid(library).to_string()])
        .status()
        .unwrap();
    support::wait_until_app_exits(library);
}
