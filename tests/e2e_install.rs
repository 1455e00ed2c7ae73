//! Opening Byline as an installed desktop app does: a double-clicked
//! `.byline` file (the desktop entry runs `byline %f`). `make test` runs
//! these on this build's binary; `make test-package` runs them again on the
//! installed `/usr/bin/byline` (`BYLINE_APP_BINARY`).

mod support;

use std::process::Command;

use byline_core::Library;
use support::{app_binary, App};

const LINE: &str = "A line typed in the app a file manager opened.";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test` and `make test-package`"]
async fn a_double_clicked_library_opens_and_keeps_a_typed_line() {
    let dir = tempfile::tempdir().unwrap();
    // File managers pass the whole path, spaces and all, as one argument.
    let library = dir.path().join("My Articles.byline");
    Library::open(&library).unwrap();

    let app = App::launch_double_clicked(&library).await;
    app.wait_for_css("[data-testid=empty-state]").await;
    app.new_article().await;
    app.type_in_editor(LINE).await;
    app.wait_saved().await;
    app.close().await;

    // The same binary's command line reads it back from that file.
    let out = Command::new(app_binary())
        .arg("--library")
        .arg(&library)
        .args(["show", "1"])
        .env_remove("BYLINE_LIBRARY")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(shown.contains(LINE), "{shown}");
    // Nothing was written beside it under another name.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|name| !name.contains("-wal") && !name.contains("-shm"))
        .collect();
    assert!(
        names
            .iter()
            .all(|name| name.starts_with("My Articles.byline")),
        "{names:?}"
    );
}
