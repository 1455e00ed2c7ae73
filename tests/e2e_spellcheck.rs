//! End-to-end tests of spell checking in the real window (issue 21, item
//! 2). WebDriver cannot see WebKit's misspelling underline, so each test
//! checks the two halves it is made of: the web engine reports spell
//! checking on with the dictionary the site's language asks for (shown in
//! Settings, read from WebKit's web context), and Enchant — the library
//! WebKitGTK checks with — flags the misspelled word typed in the editor
//! with that same dictionary. Run with `--ignored`, like tests/e2e.rs.

mod support;

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use byline_core::domain::site_settings::SiteSettings;
use byline_core::Library;
use serde_json::json;
use support::{eventually, App, CTRL, RELEASE_MODIFIERS};

const NOTE: &str = "[data-testid=settings-spelling-note]";

fn library_in(dir: &Path, language: &str) -> std::path::PathBuf {
    let path = dir.join("library.byline");
    let mut lib = Library::open(&path).unwrap();
    lib.set_site_settings(&SiteSettings {
        language: language.into(),
        ..SiteSettings::default()
    })
    .unwrap();
    lib.create_article("Spelling", "").unwrap();
    path
}

/// What `enchant-2 ARGS` prints for `input` (the library WebKitGTK checks
/// spelling with).
fn enchant(args: &[&str], input: &str) -> String {
    let mut child = Command::new("enchant-2")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("enchant-2 must be installed (make test installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "enchant-2 {args:?} failed (no such dictionary?)"
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The words Enchant's `dictionary` flags in `text`, as WebKit would.
fn misspelled(dictionary: &str, text: &str) -> Vec<String> {
    enchant(&["-l", "-d", dictionary], text)
        .lines()
        .map(str::to_owned)
        .collect()
}

async fn open_settings(app: &App) {
    app.click(".cm-content").await;
    app.wait_for_css(".cm-content")
        .await
        .send_keys(&format!("{CTRL},{RELEASE_MODIFIERS}"))
        .await
        .unwrap();
    app.wait_for_css("[data-testid=settings-spellcheck]").await;
}

/// The dictionaries Settings says the engine loaded ("Checking in en_GB.").
async fn checking_in(app: &App) -> Vec<String> {
    app.wait_for_js(
        &format!("document.querySelector('{NOTE}')?.textContent.includes('checking in') || document.querySelector('{NOTE}')?.textContent.startsWith('Checking in')"),
        json!(true),
    )
    .await;
    let note = app.text_of(NOTE).await;
    let names = note
        .rsplit_once("hecking in ")
        .unwrap()
        .1
        .trim_end_matches('.');
    names.split(", ").map(str::to_owned).collect()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_misspelled_word_typed_is_flagged_by_the_dictionary_the_window_loaded() {
    let dir = tempfile::tempdir().unwrap();
    let library = library_in(dir.path(), "en-US");
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelector('.cm-content')?.getAttribute('spellcheck')",
        json!("true"),
    )
    .await;
    app.type_in_editor("The ferry leaves the harbuor at noon")
        .await;
    app.wait_for_js(
        "document.querySelector('.cm-line')?.textContent",
        json!("The ferry leaves the harbuor at noon"),
    )
    .await;
    open_settings(&app).await;
    assert_eq!(checking_in(&app).await, ["en_US"]);
    app.screenshot_both_themes("spellcheck-settings").await;
    let typed = app.editor_text().await;
    assert_eq!(misspelled("en_US", &typed), ["harbuor"]);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_british_site_checks_british_spelling_until_turned_off_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let library = library_in(dir.path(), "en-GB");
    let app = App::launch(&library).await;
    // The editor says which language its text is in.
    app.wait_for_js(
        "document.querySelector('.cm-content')?.getAttribute('lang')",
        json!("en-GB"),
    )
    .await;
    app.type_in_editor("The colour of the color").await;
    open_settings(&app).await;
    let loaded = checking_in(&app).await;
    assert_eq!(loaded, ["en_GB"]);
    assert_eq!(misspelled(&loaded[0], &app.editor_text().await), ["color"]);

    app.click("[data-testid=settings-spellcheck]").await;
    eventually("spell checking turned off", || {
        let on = Library::open(&library)
            .unwrap()
            .site_settings()
            .unwrap()
            .spellcheck;
        (!on).then_some(())
    })
    .await;
    // The note reads the engine, not the checkbox.
    app.wait_for_js(
        &format!("document.querySelector('{NOTE}')?.textContent"),
        json!("Off: misspellings are not underlined."),
    )
    .await;
    // And the editor stops asking for it (what WebKit on macOS and
    // WebView2 go by).
    app.wait_for_js(
        "document.querySelector('.cm-content')?.getAttribute('spellcheck')",
        json!("false"),
    )
    .await;
    app.close().await;
    support::wait_until_app_exits(&library);

    // Off at the next start too.
    let app = App::launch(&library).await;
    open_settings(&app).await;
    app.wait_for_js(
        &format!("document.querySelector('{NOTE}')?.textContent"),
        json!("Off: misspellings are not underlined."),
    )
    .await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=settings-spellcheck]').checked")
            .await,
        json!(false)
    );
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_language_without_a_dictionary_falls_back_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    // No Ukrainian dictionary is installed here (the test checks that first).
    let none = Command::new("enchant-2")
        .args(["-l", "-d", "uk"])
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert!(!none.status.success(), "a uk dictionary is installed");
    let library = library_in(dir.path(), "uk");
    let app = App::launch(&library).await;
    open_settings(&app).await;
    let loaded = checking_in(&app).await;
    assert!(
        !loaded.is_empty() && !loaded.contains(&"uk".to_string()),
        "{loaded:?}"
    );
    assert!(
        app.text_of(NOTE)
            .await
            .starts_with("No dictionary for “uk” is installed; checking in "),
        "{}",
        app.text_of(NOTE).await
    );
    app.screenshot_both_themes("spellcheck-fallback").await;
    app.close().await;
}

/// What Enchant suggests for `word` with `dictionary` (its ispell pipe
/// mode, `& word count offset: one, two…`): what WebKit's menu lists.
fn suggestions(dictionary: &str, word: &str) -> Vec<String> {
    enchant(&["-a", "-d", dictionary], &format!("{word}\n"))
        .lines()
        .find_map(|l| l.strip_prefix('&'))
        .and_then(|l| l.split_once(": "))
        .map(|(_, list)| list.split(", ").map(str::to_owned).collect())
        .unwrap_or_default()
}

/// A right-click on a misspelled word opens WebKit's own menu, whose
/// suggestions come from the dictionary the window loaded. WebDriver cannot
/// read a native menu, so the test checks its two halves: the dictionary
/// offers the right word for what was typed, and the window lets the
/// right-click through to WebKit (nothing in the page cancels it).
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_right_click_on_a_misspelling_reaches_webkits_menu_of_suggestions() {
    let dir = tempfile::tempdir().unwrap();
    let library = library_in(dir.path(), "en-US");
    let app = App::launch(&library).await;
    app.type_in_editor("We recieve the timetable").await;
    app.wait_for_js(
        "document.querySelector('.cm-line')?.textContent",
        json!("We recieve the timetable"),
    )
    .await;
    assert!(
        suggestions("en_US", "recieve").contains(&"receive".to_owned()),
        "{:?}",
        suggestions("en_US", "recieve")
    );
    // Record, after every listener of the page has run, whether the
    // right-click was cancelled; then right-click the word.
    app.js("(window.__menuCancelled = null, window.addEventListener('contextmenu', e => { window.__menuCancelled = e.defaultPrevented; }), true)")
        .await;
    let line = app.wait_for_css(".cm-line").await;
    use fantoccini::actions::InputSource;
    let actions = fantoccini::actions::MouseActions::new("mouse".into())
        .then(fantoccini::actions::PointerAction::MoveToElement {
            element: line,
            duration: None,
            x: -60.0,
            y: 0.0,
        })
        .then(fantoccini::actions::PointerAction::Down {
            button: fantoccini::actions::MOUSE_BUTTON_RIGHT,
        })
        .then(fantoccini::actions::PointerAction::Up {
            button: fantoccini::actions::MOUSE_BUTTON_RIGHT,
        });
    app.client.perform_actions(actions).await.unwrap();
    app.wait_for_js("window.__menuCancelled", json!(false))
        .await;
    // Showing the menu changes nothing: the text is as typed.
    app.client.release_actions().await.unwrap();
    assert_eq!(app.editor_text().await, "We recieve the timetable");
    app.close().await;
}
