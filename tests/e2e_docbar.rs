//! End-to-end tests of the bar above the editor (one row at 1280 and 900
//! pixels wide, every action on it or in More) and of writing goals (a word
//! target set in Details, progress and the session count in the status
//! bar). Run by `make test` with `--ignored`, like tests/e2e.rs.

mod support;

use std::path::PathBuf;
use std::time::Duration;

use byline_core::domain::faq::QuestionAnswer;
use byline_core::{Library, Status};
use serde_json::{json, Value};
use support::{App, CTRL, RELEASE_MODIFIERS, SHIFT};

const TAB: char = '\u{E004}';

/// A published article with two FAQ items and a correction: every action
/// the bar can have is present.
fn worst_case_library() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let mut lib = Library::open(&library).unwrap();
    let id = lib
        .create_article(
            "Ferry fares rise for the summer season on every island route",
            "The council voted on Tuesday.\n\n## Fares\n\nA single crossing costs more.",
        )
        .unwrap()
        .id;
    lib.set_field(
        id,
        byline_core::domain::article::ArticleField::Slug,
        "ferry-fares-rise-summer-season-island-routes",
    )
    .unwrap();
    lib.add_faq_item(id, &QuestionAnswer::new("Do passes change?", "No."), None)
        .unwrap();
    lib.add_faq_item(id, &QuestionAnswer::new("When?", "In June."), None)
        .unwrap();
    lib.set_status(id, Status::Published).unwrap();
    lib.add_correction(id, "An earlier version gave the wrong date.")
        .unwrap();
    (dir, library)
}

/// The bar's height against one row (its tallest item), and what is on it.
const BAR: &str = "(() => {
    const bar = document.querySelector('[data-testid=doc-bar]');
    const kids = [...bar.children].filter(e => e.offsetParent !== null
        && getComputedStyle(e).position !== 'absolute' && e.offsetWidth > 0);
    const tops = new Set(kids.map(e => Math.round(e.getBoundingClientRect().top
        + e.getBoundingClientRect().height / 2)));
    const right = Math.max(...kids.map(e => e.getBoundingClientRect().right));
    return { rows: tops.size, overflows: right > bar.getBoundingClientRect().right + 0.5,
             scroll: bar.scrollWidth > bar.clientWidth };
})()";

/// Every action's test id: on the bar, or (after opening More) in it.
const ACTIONS: [(&str, &str); 8] = [
    ("copy-link", "more-link"),
    ("corrections-toggle", "more-corrections"),
    ("outline-toggle", "more-outline"),
    ("faq-toggle", "more-faq"),
    ("checks-toggle", "more-checks"),
    ("history-toggle", "more-history"),
    ("details-toggle", "more-details"),
    ("export-open", "more-export"),
];

async fn exists(app: &App, testid: &str) -> bool {
    app.js(&format!(
        "!!document.querySelector('[data-testid={testid}]')"
    ))
    .await
        == json!(true)
}

async fn set_width(app: &App, width: u32) {
    app.client.set_window_size(width, 800).await.unwrap();
    app.wait_for_js("window.innerWidth", json!(width)).await;
    // Let the bar measure itself again.
    tokio::time::sleep(Duration::from_millis(400)).await;
}

/// Checks the bar is one row and each action is reachable (on the bar, or
/// in More, and working from there); returns which were folded.
async fn check_bar(app: &App, width: u32) -> Vec<String> {
    let bar = app.js(BAR).await;
    assert_eq!(bar["rows"], json!(1), "at {width}px the bar has {bar}");
    assert_eq!(bar["overflows"], json!(false), "at {width}px: {bar}");
    assert_eq!(bar["scroll"], json!(false), "at {width}px: {bar}");
    // The slug is whole, or "Copy link" is offered instead.
    let slug_shown = app
        .js("!document.querySelector('[data-testid=doc-slug]').hidden")
        .await;
    if slug_shown == json!(true) {
        assert_eq!(
            app.js("(() => { const s = document.querySelector('[data-testid=doc-slug]'); return s.scrollWidth <= s.clientWidth + 0.5; })()").await,
            json!(true),
            "the slug is cut at {width}px"
        );
    }

    app.click("[data-testid=more]").await;
    app.wait_for_css("[data-testid=more-menu]").await;
    let mut folded = Vec::new();
    for (inline, in_menu) in ACTIONS {
        let on_bar = exists(app, inline).await;
        let in_more = exists(app, in_menu).await;
        assert!(
            on_bar != in_more,
            "at {width}px {inline} must be on the bar or in More, once (bar {on_bar}, More {in_more})"
        );
        if in_more {
            folded.push(in_menu.trim_start_matches("more-").to_owned());
        }
    }
    // The menu lists them in the bar's order, then the article's own actions.
    let menu: Value = app
        .js("[...document.querySelectorAll('[data-testid=more-menu] [role=menuitem]')].map(e => e.dataset.testid)")
        .await;
    let mut expected: Vec<String> = folded.iter().map(|a| format!("more-{a}")).collect();
    expected.extend([
        "publish".to_owned(),
        "duplicate".to_owned(),
        "trash".to_owned(),
    ]);
    assert_eq!(menu, json!(expected), "at {width}px");
    app.screenshot_both_themes(&format!("docbar-{width}-more"))
        .await;
    // Escape closes More.
    app.wait_for_css("[data-testid=more]")
        .await
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    app.wait_for_js(
        "!!document.querySelector('[data-testid=more-menu]')",
        json!(false),
    )
    .await;
    folded
}

/// Opens More and picks `action`.
async fn from_more(app: &App, action: &str) {
    app.click("[data-testid=more]").await;
    app.click(&format!("[data-testid=more-{action}]")).await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_doc_bar_keeps_one_row_at_1280_and_900_pixels() {
    let (_dir, library) = worst_case_library();
    let app = App::launch(&library).await;
    // The FAQ's tally and the corrections have arrived (the bar is measured with them).
    app.wait_for_css("[data-testid=doc-bar] .ghosts .tally")
        .await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=doc-bar] .ghosts span')].some(s => s.textContent === 'Corrections (1)')",
        json!(true),
    )
    .await;

    set_width(&app, 1280).await;
    app.screenshot_both_themes("docbar-1280").await;
    let wide = check_bar(&app, 1280).await;

    set_width(&app, 900).await;
    app.screenshot_both_themes("docbar-900").await;
    let narrow = check_bar(&app, 900).await;

    // Narrower folds more, and always what the wider folded too.
    assert!(narrow.len() > wide.len(), "1280 {wide:?}, 900 {narrow:?}");
    for action in &wide {
        assert!(narrow.contains(action), "1280 {wide:?}, 900 {narrow:?}");
    }
    // Export is the last to go: at 900 it still has its button.
    assert!(!narrow.contains(&"export".to_owned()), "{narrow:?}");

    // Folded actions work from More, at 900 pixels.
    assert!(narrow.contains(&"outline".to_owned()), "{narrow:?}");
    from_more(&app, "outline").await;
    app.wait_for_css("[data-testid=outline-item]").await;
    app.click("[data-testid=outline-item]").await;
    app.wait_for_js(
        "!!document.querySelector('[data-testid=outline]')",
        json!(false),
    )
    .await;

    assert!(narrow.contains(&"corrections".to_owned()), "{narrow:?}");
    from_more(&app, "corrections").await;
    app.wait_for_css("[data-testid=correction-note]")
        .await
        .send_keys("\u{E00C}")
        .await
        .unwrap();
    app.wait_for_js(
        "!!document.querySelector('[data-testid=correction-note]')",
        json!(false),
    )
    .await;

    // At 1280, History is folded; opened from More, its panel keeps the
    // toggle on the bar, to close it where the writer looks for it.
    set_width(&app, 1280).await;
    assert!(wide.contains(&"history".to_owned()), "{wide:?}");
    app.click("[data-testid=title-input]").await;
    from_more(&app, "history").await;
    app.wait_for_css("[data-testid=history-panel]").await;
    let bar = app.js(BAR).await;
    assert_eq!(bar["rows"], json!(1), "with History open: {bar}");
    app.screenshot_both_themes("docbar-1280-history-open").await;
    app.click("[data-testid=history-toggle]").await;
    app.wait_for_js(
        "!!document.querySelector('[data-testid=history-panel]')",
        json!(false),
    )
    .await;
    app.wait_for_js(
        "!!document.querySelector('[data-testid=history-toggle]')",
        json!(false),
    )
    .await;

    // "Copy link" puts the article's address on the clipboard.
    app.click("[data-testid=title-input]").await;
    if exists(&app, "copy-link").await {
        app.click("[data-testid=copy-link]").await;
    } else {
        from_more(&app, "link").await;
    }
    // Pasted into the text, it is the article's path (no site address is set).
    app.type_in_editor(&format!("{CTRL}v{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_js(
        "[...document.querySelectorAll('.cm-line')].map(l => l.textContent).join('\\n').includes('/ferry-fares-rise-summer-season-island-routes/')",
        json!(true),
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_word_target_shows_progress_and_the_session_count() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&library).unwrap();
        lib.create_article(
            "Harbour",
            "One two three four five six seven eight nine ten.",
        )
        .unwrap();
    }
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=word-count]')?.textContent.trim()",
        json!("10 words"),
    )
    .await;
    // Nothing written yet in this session.
    assert!(!exists(&app, "session-count").await);

    // Set in Details; a refused value says why and changes nothing.
    app.click("[data-testid=details-toggle]").await;
    let field = app.wait_for_css("[data-testid=field-word_target]").await;
    field.click().await.unwrap();
    field.send_keys(&format!("a lot{TAB}")).await.unwrap();
    let reason = app
        .text_of("[data-testid=details-panel] [role=alert]")
        .await;
    assert!(
        reason.contains("whole number from 1 to 1000000"),
        "{reason}"
    );
    field.clear().await.unwrap();
    field.send_keys(&format!("1,500{TAB}")).await.unwrap();
    // Numbers as this computer's locale writes them, as the status bar does.
    let target = app.js("new Intl.NumberFormat().format(1500)").await;
    let target = target.as_str().unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=word-count]')?.textContent.trim()",
        json!(format!("10 / {target} words")),
    )
    .await;
    assert_eq!(
        app.js(
            "document.querySelector('[data-testid=word-goal-meter]').getAttribute('aria-valuenow')"
        )
        .await,
        json!("10")
    );
    {
        let lib = Library::open(&library).unwrap();
        let id = lib.find("harbour").unwrap().id;
        assert_eq!(lib.article(id).unwrap().meta.word_target, Some(1500));
    }

    // Writing counts as this session's words.
    app.type_in_editor(" Eleven twelve thirteen").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=session-count]')?.textContent.trim()",
        json!("+3 this session"),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=word-count]')?.textContent.trim()",
        json!(format!("13 / {target} words")),
    )
    .await;
    app.screenshot_both_themes("word-target").await;

    // Another article starts its own session; back here, it starts again.
    app.click("[data-testid=details-toggle]").await;
    app.new_article().await;
    app.wait_for_js(
        "document.querySelector('[data-testid=word-count]')?.textContent.trim()",
        json!("0 words"),
    )
    .await;
    assert!(!exists(&app, "session-count").await);
    app.close().await;
}

/// Every child of the status bar on one line (none taller than a line),
/// and the bar itself one row.
const STATUS_ONE_ROW: &str = "(() => { const bar = document.querySelector('[data-testid=status-bar]'); const kids = [...bar.children].filter(k => k.offsetWidth > 0); return bar.offsetHeight <= 30 && kids.every(k => k.offsetHeight <= 20 && k.getBoundingClientRect().right <= bar.getBoundingClientRect().right + 1); })()";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn at_900_pixels_the_status_bar_keeps_one_row_and_a_side_panel_leaves_room_to_write() {
    let (_dir, library) = worst_case_library();
    let app = App::launch(&library).await;
    app.wait_for_css("[data-testid=word-count]").await;

    for width in [1280, 900] {
        set_width(&app, width).await;
        assert_eq!(
            app.js(STATUS_ONE_ROW).await,
            json!(true),
            "at {width}px the status bar wraps"
        );
    }
    // The word count and the saving state always stay.
    for id in ["word-count", "save-state"] {
        app.wait_for_js(
            &format!("document.querySelector('[data-testid={id}]').offsetWidth > 0"),
            json!(true),
        )
        .await;
    }

    // A side panel at 900: the preview steps aside rather than leave the
    // editor a sliver; it comes back when the panel closes.
    app.click("[data-testid=title-input]").await;
    app.press(&format!("{CTRL}{SHIFT}d{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_css("[data-testid=details-panel]").await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let editor = app
        .js("document.querySelector('.writing').getBoundingClientRect().width")
        .await
        .as_f64()
        .unwrap();
    assert!(
        editor >= 300.0,
        "the editor is {editor}px wide beside Details"
    );
    assert_eq!(
        app.js("getComputedStyle(document.querySelector('.preview-pane')).visibility")
            .await,
        json!("hidden")
    );
    app.screenshot_both_themes("narrow-900-details").await;
    app.press(&format!("{CTRL}{SHIFT}d{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_js(
        "getComputedStyle(document.querySelector('.preview-pane')).visibility",
        json!("visible"),
    )
    .await;
    app.close().await;
}
