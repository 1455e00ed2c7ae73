//! End-to-end tests of the pre-publish checks in the real window: a problem
//! typed in the body is underlined where it is, listed in the Checks panel
//! and counted in the doc bar; clicking the finding selects it in the
//! editor; fixing it makes it go. Moving to Ready with an error asks first.
//! Run by `make test` with `--ignored`, like tests/e2e.rs.

mod support;

use std::time::Duration;

use byline_core::Library;
use fantoccini::actions::{InputSource, MouseActions, PointerAction};
use serde_json::json;
use support::{App, CTRL, END, ENTER, RELEASE_MODIFIERS};

/// Opens the Checks panel from the doc bar, or from More when the bar
/// folded the toggle.
async fn open_checks(app: &App) {
    let inline = app
        .js("!!document.querySelector('[data-testid=checks-toggle]')")
        .await;
    if inline == json!(true) {
        app.click("[data-testid=checks-toggle]").await;
    } else {
        app.click("[data-testid=more]").await;
        app.click("[data-testid=more-checks]").await;
    }
    app.wait_for_css("[data-testid=checks-panel]").await;
}

/// The doc bar's count of errors and warnings: on the Checks toggle, or in
/// More's "Checks (N)" when the bar folded it.
async fn tally(app: &App) -> u32 {
    let inline = app
        .js("!!document.querySelector('[data-testid=checks-count]')")
        .await;
    let text = if inline == json!(true) {
        app.text_of("[data-testid=checks-count]").await
    } else {
        app.click("[data-testid=more]").await;
        let label = app.text_of("[data-testid=more-checks]").await;
        app.click("[data-testid=more]").await;
        label
    };
    text.chars()
        .filter(char::is_ascii_digit)
        .collect::<String>()
        .parse()
        .unwrap_or(0)
}

const REPEATED: &str = "[data-testid=finding][data-code='text.repeated_word']";

/// A library with one clean article, open in the window.
async fn launch_with(title: &str, body: &str) -> (tempfile::TempDir, App) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.byline");
    {
        let mut library = Library::open(&path).unwrap();
        library.create_article(title, body).unwrap();
    }
    let app = App::launch(&path).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(title),
    )
    .await;
    (dir, app)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_typed_problem_is_underlined_listed_found_and_fixed() {
    let (_dir, app) = launch_with("Ferry fares", "Fares rise in June.\n\nRiders pay more.").await;
    app.click(".cm-content").await;
    app.keys_to_editor(&format!("{CTRL}{END}{RELEASE_MODIFIERS}"))
        .await;
    app.keys_to_editor(&format!("{ENTER}{ENTER}It was the the end."))
        .await;

    // Underlined in the editor, with a marker in the gutter.
    app.wait_for_js(
        "[...document.querySelectorAll('.cm-lintRange-warning')].map(e => e.textContent).join('|')",
        json!("the the"),
    )
    .await;
    app.wait_for_css(".cm-lint-marker-warning").await;
    // Drawn in CSS (the CSP refuses lint's own data: images).
    assert_eq!(
        app.js(
            "getComputedStyle(document.querySelector('.cm-lintRange-warning')).textDecorationStyle"
        )
        .await,
        json!("wavy")
    );
    // Hovering the underline shows the message.
    let underline = app.wait_for_css(".cm-lintRange-warning").await;
    let hover = MouseActions::new("mouse".into()).then(PointerAction::MoveToElement {
        element: underline,
        duration: Some(Duration::from_millis(100)),
        x: 0.0,
        y: 0.0,
    });
    app.client.perform_actions(hover).await.unwrap();
    app.client.release_actions().await.unwrap();
    let tooltip = app.text_of(".cm-tooltip-lint").await;
    assert!(tooltip.contains("the word is repeated"), "{tooltip}");
    // Beside the words, whole, and not clipped by the editor's edge.
    let placed = app
        .js("(() => { const el = document.querySelector('.cm-tooltip-lint'); const t = el.getBoundingClientRect(); const u = document.querySelector('.cm-lintRange-warning').getBoundingClientRect(); const at = document.elementFromPoint(t.left + t.width / 2, t.top + t.height / 2); const beside = (t.bottom <= u.top + 4 && u.top - t.bottom < 40) || (t.top >= u.bottom - 4 && t.top - u.bottom < 40); return beside && t.width > 40 && t.right <= innerWidth && !el.closest('.cm-editor') && !!at && !!at.closest('.cm-tooltip-lint'); })()")
        .await;
    assert_eq!(placed, serde_json::json!(true));
    app.screenshot("checks-underline").await;
    // Counted in the doc bar (errors and warnings).
    assert!(tally(&app).await >= 1);

    // Listed in the panel, under Warnings, with its line.
    open_checks(&app).await;
    app.wait_for_css("[data-testid=checks-panel]").await;
    let text = app.editor_text().await;
    let line = text.lines().position(|l| l.contains("the the")).unwrap() + 1;
    let label = app.text_of(REPEATED).await;
    assert!(
        label.starts_with(&format!("Line {line} ")),
        "{label} in {text:?}"
    );

    // A click lands on it: the words are selected in the editor, which
    // has the keyboard.
    app.click(REPEATED).await;
    app.wait_for_js("window.getSelection().toString()", json!("the the"))
        .await;
    app.wait_for_js(
        "document.activeElement?.classList.contains('cm-content')",
        json!(true),
    )
    .await;

    // Typing over the selection fixes it, and the finding goes.
    app.keys_to_editor("the").await;
    app.wait_for_js(
        "document.querySelectorAll('.cm-lintRange-warning').length",
        json!(0),
    )
    .await;
    app.wait_for_js(
        &format!("document.querySelector(\"{REPEATED}\") === null"),
        json!(true),
    )
    .await;
    assert!(app.editor_text().await.contains("It was the end."));
    app.screenshot("checks-panel").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn moving_to_ready_with_an_error_asks_first() {
    let (_dir, app) = launch_with("Ferry fares", "Fares rise by TK percent.").await;

    app.click("[data-testid=status-pill]").await;
    app.click("[data-testid=status-option-ready]").await;
    // Not moved: the panel shows the error and asks.
    app.wait_for_css("[data-testid=checks-confirm]").await;
    app.wait_for_css("[data-testid=finding][data-code='text.placeholder']")
        .await;
    let pill = "document.querySelector('[data-testid=status-pill]').textContent.trim()";
    assert_eq!(app.js(pill).await, json!("Draft▾"));

    app.click("[data-testid=checks-move-anyway]").await;
    app.wait_for_js(pill, json!("Ready▾")).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=checks-confirm]') === null",
        json!(true),
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_check_turned_off_in_settings_is_no_longer_flagged() {
    let (_dir, app) = launch_with("Ferry fares", "Riders pay the the same.").await;
    open_checks(&app).await;
    app.wait_for_css(REPEATED).await;

    app.click("[data-testid=settings-open]").await;
    let checkbox = "[data-testid='settings-check-text.repeated_word']";
    app.wait_for_css(checkbox).await;
    // Far down the panel: brought to its middle, clear of the Save row.
    app.js(&format!(
        "(document.querySelector(\"{checkbox}\").scrollIntoView({{block: 'center'}}), true)"
    ))
    .await;
    app.click(checkbox).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=save-state]')?.textContent.trim()",
        json!("Saved"),
    )
    .await;
    // Settings closed, the bar has room for Checks again.
    app.click("[data-testid=settings-open]").await;
    open_checks(&app).await;
    app.wait_for_css("[data-testid=checks-panel]").await;
    app.wait_for_js(
        &format!("document.querySelector(\"{REPEATED}\") === null"),
        json!(true),
    )
    .await;
    app.wait_for_js(
        "document.querySelectorAll('.cm-lintRange-warning').length",
        json!(0),
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn check_links_requests_only_when_asked_and_offers_the_new_address() {
    let site = support::link_site::Site::start();
    let body = format!(
        "Fares rise in June.\n\nSee [the table]({}), [the notice]({}) and [the minutes]({}).\n",
        site.url("/ok"),
        site.url("/old"),
        site.url("/gone")
    );
    let (_dir, app) = launch_with("Ferry fares", &body).await;
    open_checks(&app).await;
    app.wait_for_css("[data-testid=checks-summary]").await;
    // The http: links get only the static suggestion; nothing was requested
    // by opening the article or its checks.
    app.wait_for_css("[data-testid=finding][data-code='link.insecure']")
        .await;
    assert_eq!(site.seen.lock().unwrap().len(), 0);

    app.click("[data-testid=checks-links]").await;
    let broken = "[data-testid=finding][data-code='link.broken']";
    app.wait_for_css(broken).await;
    let label = app.text_of(broken).await;
    assert!(label.starts_with("Line 3 "), "{label}");
    assert!(label.contains("/gone answers 404"), "{label}");
    app.wait_for_js(
        "document.querySelector('[data-testid=checks-links]').textContent.trim()",
        json!("Check links"),
    )
    .await;
    assert!(!site.seen.lock().unwrap().is_empty());
    // The site has no https:, so "use https" is withdrawn, not offered.
    app.wait_for_js(
        "document.querySelectorAll(\"[data-code='link.insecure'], [data-code='link.https_available']\").length",
        json!(0),
    )
    .await;
    app.screenshot("checks-links").await;

    // The moved page: its fix puts the new address in the Markdown.
    app.click("[data-testid=finding][data-code='link.redirected'] + [data-testid=finding-fix]")
        .await;
    let fixed = format!("[the notice]({})", site.url("/ok"));
    let deadline = std::time::Instant::now() + Duration::from_secs(15);
    while !app.editor_text().await.contains(&fixed) {
        assert!(
            std::time::Instant::now() < deadline,
            "{fixed} not in {:?}",
            app.editor_text().await
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    app.close().await;
}
