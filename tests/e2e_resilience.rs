//! End-to-end tests of the window surviving what kills pages: switching
//! between a short article and a 10,000-word one while typing (which crashed
//! WebKitGTK's compositor under software rendering about one run in three
//! before Byline turned compositing off, see src-tauri/src/webkit.rs), and
//! the page's process killed outright in the middle of typing, after which
//! the window reloads on the same article with every keystroke that reached
//! the backend. Run by `make test` with `--ignored`, like tests/e2e.rs.

mod support;

use std::path::Path;

use byline_core::Library;
use serde_json::json;
use support::{eventually, App};

/// About 10,000 words in paragraphs of about a hundred.
fn long_body() -> String {
    let sentence =
        "The harbour board met again on Tuesday to weigh the ferry contract and its costs. ";
    let paragraph = sentence.repeat(7);
    let mut body = String::from("## The long read\n\n");
    for n in 0..100 {
        body.push_str(&format!("{n}. {paragraph}\n\n"));
    }
    body
}

async fn open_titled(app: &App, title: &str) {
    app.wait_for_js(
        &format!(
            "(() => {{ const item = [...document.querySelectorAll('[data-testid=article-item]')].find(b => b.querySelector('.title')?.textContent.trim() === {}); item?.click(); return !!item; }})()",
            json!(title)
        ),
        json!(true),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(title),
    )
    .await;
}

#[tokio::test]
#[ignore = "drives the real window: needs a display, tauri-driver and WebKitWebDriver (make test)"]
async fn switching_between_a_short_and_a_long_article_while_typing_never_crashes_the_page() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let mut lib = Library::open(&library).unwrap();
    let short = lib.create_article("Short", "A few words.").unwrap().id;
    let long = lib.create_article("Long", &long_body()).unwrap().id;
    drop(lib);
    let app = App::launch(&library).await;

    const ROUNDS: usize = 12;
    for round in 0..ROUNDS {
        for title in ["Short", "Long"] {
            open_titled(&app, title).await;
            app.keys_to_editor(&format!(" {title}{round}")).await;
        }
    }
    app.wait_saved().await;
    // The page lived through every round: it still answers, and what was
    // typed in the last round reached the library.
    let lib = Library::open(&library).unwrap();
    let last = ROUNDS - 1;
    assert!(lib
        .article(short)
        .unwrap()
        .body
        .contains(&format!("Short{last}")));
    assert!(lib
        .article(long)
        .unwrap()
        .body
        .contains(&format!("Long{last}")));
    app.close().await;
}

/// The processes whose parent is `pid`, with their names.
fn children(pid: u32) -> Vec<(u32, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(child) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{child}/stat")) else {
            continue;
        };
        // `pid (comm) state ppid …`; comm may hold spaces, so read after ')'.
        let (Some(open), Some(close)) = (stat.find('('), stat.rfind(')')) else {
            continue;
        };
        let ppid = stat[close + 1..].split_whitespace().nth(1);
        if ppid.and_then(|p| p.parse::<u32>().ok()) == Some(pid) {
            out.push((child, stat[open + 1..close].to_owned()));
        }
    }
    out
}

/// The titles of the X server's top-level windows (`xwininfo`, from
/// x11-utils, which `make test` installs).
fn window_titles() -> Vec<String> {
    let out = std::process::Command::new("xwininfo")
        .args(["-root", "-tree"])
        .output()
        .expect("xwininfo must be installed (make test installs x11-utils)");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|line| {
            let start = line.find('"')? + 1;
            let end = start + line[start..].find('"')?;
            Some(line[start..end].to_owned())
        })
        .collect()
}

/// The Byline process running on `library`.
fn app_process(library: &Path) -> u32 {
    let wanted = library.to_string_lossy().into_owned();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        let cmdline = std::fs::read(format!("/proc/{pid}/cmdline")).unwrap_or_default();
        let args: Vec<String> = cmdline
            .split(|b| *b == 0)
            .map(|a| String::from_utf8_lossy(a).into_owned())
            .collect();
        if args.first().is_some_and(|a| a.ends_with("/byline")) && args.contains(&wanted) {
            return pid;
        }
    }
    panic!("no Byline process runs on {wanted}");
}

#[tokio::test]
#[ignore = "drives the real window: needs a display, tauri-driver and WebKitWebDriver (make test)"]
async fn a_killed_page_comes_back_on_the_same_article_with_what_was_typed() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let mut lib = Library::open(&library).unwrap();
    let id = lib
        .create_article("Ferry fares", "The council voted on Tuesday.")
        .unwrap()
        .id;
    // A newer article: a fresh start would open it, not the one typed in.
    lib.create_article("Harbour news", "Another story.")
        .unwrap();
    drop(lib);
    let app = App::launch(&library).await;
    open_titled(&app, "Ferry fares").await;

    app.keys_to_editor("Typed just before the page died. ")
        .await;
    // Every keystroke reaches the backend as it is typed; wait for the
    // editor to hold it all, then kill the page at once, before autosave's
    // pause has passed.
    app.wait_for_js(
        "document.querySelector('.cm-content')?.textContent.includes('page died.')",
        json!(true),
    )
    .await;
    let byline = app_process(&library);
    assert!(
        window_titles().iter().any(|t| t == "Ferry fares — Byline"),
        "the title names the open article: {:?}",
        window_titles()
    );
    let pages: Vec<u32> = children(byline)
        .into_iter()
        .filter(|(_, name)| name.starts_with("WebKitWebProces"))
        .map(|(pid, _)| pid)
        .collect();
    assert!(!pages.is_empty(), "Byline's page runs in its own process");
    for pid in &pages {
        std::process::Command::new("kill")
            .args(["-KILL", &pid.to_string()])
            .status()
            .unwrap();
    }

    // The window reloads by itself: a new page process, which asks which
    // article was open and opens it again. WebDriver's session ends with
    // the page it drove, so the reloaded window is read from the X server:
    // its title names the open article, and was reset when the page died.
    eventually("a new page process", || {
        children(byline)
            .iter()
            .any(|(pid, name)| name.starts_with("WebKitWebProces") && !pages.contains(pid))
            .then_some(())
    })
    .await;
    eventually("the reloaded window to show the article typed in", || {
        window_titles()
            .iter()
            .any(|t| t == "Ferry fares — Byline")
            .then_some(())
    })
    .await;
    let saved = Library::open(&library).unwrap().article(id).unwrap().body;
    assert_eq!(
        saved,
        "Typed just before the page died. The council voted on Tuesday."
    );
    drop(app);
}
