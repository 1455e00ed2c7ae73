//! End-to-end tests of the writing feel (issue 24), driven by the keyboard
//! as a writer would: block shortcuts and leaving blocks, focus that follows
//! panels and comes back to the text, confirmations before anything public
//! goes, settings that save as they are edited, and the library list. Run
//! by `make test` with `--ignored`, like tests/e2e.rs.

mod support;

use std::path::Path;

use byline_core::Library;
use serde_json::json;
use support::{
    eventually, luminance, App, CTRL, DOWN, END, ESCAPE, RELEASE_MODIFIERS, SHIFT, TAB, UP,
};

/// A chord: Ctrl (and whatever follows) pressed together, then released.
fn ctrl(keys: &str) -> String {
    format!("{CTRL}{keys}{RELEASE_MODIFIERS}")
}

fn ctrl_shift(key: char) -> String {
    format!("{CTRL}{SHIFT}{key}{RELEASE_MODIFIERS}")
}

/// The one article's body as the library stores it.
fn stored_body(library: &Path) -> String {
    let lib = Library::open(library).unwrap();
    let id = lib.list_articles().unwrap()[0].id;
    lib.article(id).unwrap().body
}

/// A new article with the keyboard in its (empty) body.
async fn new_article_in_editor(app: &App) {
    app.new_article().await;
    app.click(".cm-content").await;
    app.wait_focus("editor").await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn block_shortcuts_start_blocks_on_empty_lines_and_enter_leaves_quotes() {
    let (_dir, library, app) = App::launch_fresh().await;
    new_article_in_editor(&app).await;

    // A heading typed after Ctrl+2 on the empty line, not in front of it.
    app.press(&format!("{}What changes for riders\n\n", ctrl("2")))
        .await;
    // A quote: one Enter on its empty line leaves it.
    app.press(&format!("{}Said the mayor.\n\n", ctrl_shift('9')))
        .await;
    // A callout, typed: the same.
    app.press("> [!TIP]\nBook the early ferry.\n\n").await;
    // A callout from its shortcut on the empty line: the same.
    app.press(&format!("{}Passes still work.\n\n", ctrl_shift('0')))
        .await;
    // A link with nothing selected: type its text, Tab to the address.
    app.press(&format!(
        "See {}the notice{TAB}https://example.org/n{END}\n\n",
        ctrl_shift('K')
    ))
    .await;
    // A numbered list started on an empty line; the second number is taken
    // off again with the same key, and a bullet list starts there.
    app.press(&format!(
        "{}Buy a pass\n{}{}Fares",
        ctrl_shift('7'),
        ctrl_shift('7'),
        ctrl_shift('8')
    ))
    .await;
    let expected =
        "## What changes for riders\n\n> Said the mayor.\n\n> [!TIP]\n> Book the early ferry.\n\n\
                    > [!TIP]\n> Passes still work.\n\n\
                    See [the notice](https://example.org/n)\n\n1. Buy a pass\n- Fares";
    assert_eq!(app.editor_text().await, expected);
    app.wait_focus("editor").await;

    for css in [
        "h2",
        "blockquote",
        ".markdown-alert-tip",
        "ol > li",
        "ul > li",
        "a[href='https://example.org/n']",
    ] {
        app.wait_for_css(&format!("[data-testid=preview] {css}"))
            .await;
    }
    assert_eq!(
        app.text_of("[data-testid=preview] h2").await,
        "What changes for riders"
    );
    // Each callout holds only its tip (its label and one paragraph): the
    // next block is outside it.
    assert_eq!(
        app.js("[...document.querySelectorAll('[data-testid=preview] .markdown-alert-tip')].map(c => c.querySelectorAll('p').length)")
            .await,
        json!([2, 2])
    );

    app.press(&ctrl("s")).await;
    eventually("the body stored", || {
        (stored_body(&library) == expected).then_some(())
    })
    .await;
    app.screenshot_both_themes("feel-blocks").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_theme_key_always_changes_what_shows() {
    let (_dir, _library, app) = App::launch_fresh().await;
    new_article_in_editor(&app).await;
    let system_dark = app
        .js("matchMedia('(prefers-color-scheme: dark)').matches")
        .await
        == json!(true);
    let background =
        "getComputedStyle(document.querySelector('[data-testid=preview]')).backgroundColor";
    let before = luminance(app.js(background).await.as_str().unwrap());
    app.press(&ctrl_shift('L')).await;
    let label = if system_dark {
        "Light theme"
    } else {
        "Dark theme"
    };
    app.wait_for_js(
        "document.querySelector('[data-testid=theme-toggle]').textContent.trim()",
        json!(label),
    )
    .await;
    let after = luminance(app.js(background).await.as_str().unwrap());
    assert!(
        (before - after).abs() > 0.5,
        "before {before}, after {after}"
    );
    // Pressed again, it is back to the desktop's theme, followed again.
    app.press(&ctrl_shift('L')).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=theme-toggle]').textContent.trim()",
        json!("System theme"),
    )
    .await;
    let back = luminance(app.js(background).await.as_str().unwrap());
    assert!((before - back).abs() < 0.05, "before {before}, back {back}");
    app.wait_focus("editor").await;
    app.close().await;
}

/// A library with one published article of two sections; returns its id.
fn published_library(library: &Path) -> byline_core::ArticleId {
    let mut lib = Library::open(library).unwrap();
    let id = lib
        .create_article(
            "Ferry fares rise in spring",
            "## One\n\nFirst section.\n\n## Two\n\nSecond section.",
        )
        .unwrap()
        .id;
    lib.set_status(id, byline_core::Status::Published).unwrap();
    id
}

/// Whether the keyboard is inside the element with this test id.
fn focus_inside(testid: &str) -> String {
    format!(
        "document.querySelector('[data-testid={testid}]')?.contains(document.activeElement) ?? false"
    )
}

/// Whether the element with this test id lies over the library's search box.
async fn covers_search(app: &App, testid: &str) -> bool {
    app.js(&format!(
        "(() => {{ const a = document.querySelector('[data-testid={testid}]').getBoundingClientRect(); \
         const b = document.querySelector('[data-testid=search-input]').getBoundingClientRect(); \
         return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom; }})()"
    ))
    .await
        == json!(true)
}

/// The text of the editor line holding the cursor.
const CURSOR_LINE: &str =
    "(() => { const n = document.getSelection().focusNode; \
     const el = n?.nodeType === 1 ? n : n?.parentElement; return el?.closest('.cm-line')?.textContent ?? null; })()";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn panels_take_the_keyboard_keep_tab_and_give_it_back_on_escape() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    published_library(&library);
    let app = App::launch(&library).await;
    app.click(".cm-content").await;
    app.press(&format!("{CTRL}{END}{RELEASE_MODIFIERS} Typed."))
        .await;
    let mut text = "## One\n\nFirst section.\n\n## Two\n\nSecond section. Typed.".to_owned();
    assert_eq!(app.editor_text().await, text);

    // Each panel and popover: it takes the keyboard, Tab and Shift+Tab go
    // round inside it, Escape closes it and the writer types on where they were.
    let panels = [
        (ctrl_shift('D'), "details-panel"),
        (ctrl_shift('Q'), "faq-panel"),
        (ctrl_shift('H'), "history-panel"),
        (ctrl(","), "settings-panel"),
        (ctrl_shift('E'), "export-panel"),
    ];
    for (i, (key, panel)) in panels.iter().enumerate() {
        app.press(key).await;
        app.wait_for_js(&focus_inside(panel), json!(true)).await;
        for tab in [
            TAB.to_string(),
            TAB.to_string(),
            TAB.to_string(),
            TAB.to_string(),
            TAB.to_string(),
            format!("{SHIFT}{TAB}{RELEASE_MODIFIERS}"),
            format!("{SHIFT}{TAB}{RELEASE_MODIFIERS}"),
            format!("{SHIFT}{TAB}{RELEASE_MODIFIERS}"),
            format!("{SHIFT}{TAB}{RELEASE_MODIFIERS}"),
            format!("{SHIFT}{TAB}{RELEASE_MODIFIERS}"),
            format!("{SHIFT}{TAB}{RELEASE_MODIFIERS}"),
            format!("{SHIFT}{TAB}{RELEASE_MODIFIERS}"),
        ] {
            app.press(&tab).await;
            assert_eq!(
                app.js(&focus_inside(panel)).await,
                json!(true),
                "Tab left the {panel} for {}",
                app.js("document.activeElement?.outerHTML.slice(0, 200)")
                    .await
            );
        }
        app.press(&ESCAPE.to_string()).await;
        app.wait_for_js(
            &format!("document.querySelector('[data-testid={panel}]') === null"),
            json!(true),
        )
        .await;
        app.wait_focus("editor").await;
        let mark = (i + 1).to_string();
        app.press(&mark).await;
        text.push_str(&mark);
        // Tab never reached the article: it is exactly what was typed.
        assert_eq!(app.editor_text().await, text, "after the {panel}");
    }

    // Corrections, opened with its button: the note field has the keyboard.
    app.click("[data-testid=corrections-toggle]").await;
    app.wait_focus("correction-note").await;
    app.press(&ESCAPE.to_string()).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=corrections]') === null",
        json!(true),
    )
    .await;
    app.wait_focus("editor").await;

    // The outline is a keyboard list: Down, Enter jumps to the heading.
    app.press(&ctrl_shift('O')).await;
    app.wait_focus("outline-item").await;
    assert_eq!(
        app.js("document.activeElement.textContent").await,
        json!("One")
    );
    app.press(&DOWN.to_string()).await;
    assert_eq!(
        app.js("document.activeElement.textContent").await,
        json!("Two")
    );
    app.press("\n").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=outline]') === null",
        json!(true),
    )
    .await;
    app.wait_focus("editor").await;
    app.wait_for_js(CURSOR_LINE, json!("## Two")).await;
    assert_eq!(app.editor_text().await, text);

    // With Details open the doc bar narrows; the outline still leaves the
    // library's search box clear, and Escape gives the text back.
    app.press(&ctrl_shift('D')).await;
    app.wait_for_js(&focus_inside("details-panel"), json!(true))
        .await;
    app.press(&ctrl_shift('O')).await;
    app.wait_focus("outline-item").await;
    assert!(
        !covers_search(&app, "outline").await,
        "the outline covers the search box"
    );
    app.screenshot_both_themes("feel-outline").await;
    app.press(&ESCAPE.to_string()).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=outline]') === null",
        json!(true),
    )
    .await;
    app.press(&ctrl_shift('D')).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=details-panel]') === null",
        json!(true),
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn after_restore_the_editor_has_the_keyboard_and_ctrl_z_undoes_it() {
    let (_dir, library, app) = App::launch_fresh().await;
    new_article_in_editor(&app).await;
    app.press("The ferry leaves at noon.").await;
    // A named snapshot of this text, from the keyboard.
    app.press(&ctrl_shift('H')).await;
    app.wait_for_js(&focus_inside("history-panel"), json!(true))
        .await;
    app.click("[data-testid=snapshot]").await;
    app.wait_focus("snapshot-label").await;
    app.press("Before the cut\n").await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=revision] .what')].some(e => e.textContent === 'Before the cut')",
        json!(true),
    )
    .await;
    app.press(&ESCAPE.to_string()).await;
    app.wait_focus("editor").await;
    app.press(" It returns at six.").await;
    app.press(&ctrl("s")).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=save-state]').textContent.trim()",
        json!("Saved"),
    )
    .await;

    app.press(&ctrl_shift('H')).await;
    app.wait_for_js(&focus_inside("history-panel"), json!(true))
        .await;
    app.js("([...document.querySelectorAll('[data-testid=revision]')].find(e => e.textContent.includes('Before the cut')).click(), true)")
        .await;
    app.click("[data-testid=restore-revision]").await;
    app.click("[data-testid=restore-yes]").await;
    app.wait_for_js(
        "Array.from(document.querySelectorAll('.cm-line')).map(l => l.textContent).join('\\n')",
        json!("The ferry leaves at noon."),
    )
    .await;
    app.wait_focus("editor").await;
    // Ctrl+Z at once, with no click: the text before the restore is back.
    app.press(&ctrl("z")).await;
    app.wait_for_js(
        "Array.from(document.querySelectorAll('.cm-line')).map(l => l.textContent).join('\\n')",
        json!("The ferry leaves at noon. It returns at six."),
    )
    .await;
    app.press(&ctrl("s")).await;
    eventually("the undone restore stored", || {
        (stored_body(&library) == "The ferry leaves at noon. It returns at six.").then_some(())
    })
    .await;
    app.screenshot_both_themes("feel-history").await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_correction_goes_only_after_confirming_and_trashing_offers_undo() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let id = published_library(&library);
    Library::open(&library)
        .unwrap()
        .add_correction(id, "An earlier version gave the wrong fare.")
        .unwrap();
    let corrections = || {
        Library::open(&library)
            .unwrap()
            .corrections(id)
            .unwrap()
            .len()
    };
    let app = App::launch(&library).await;

    app.click("[data-testid=corrections-toggle]").await;
    app.wait_for_css("[data-testid=corrections]").await;
    assert!(
        !covers_search(&app, "corrections").await,
        "Corrections covers the search box"
    );
    app.click("[data-testid=correction-remove]").await;
    // Asked first, with Keep the safe choice under the keyboard.
    app.wait_for_css("[data-testid=correction-confirm]").await;
    assert_eq!(
        app.text_of("[data-testid=correction-confirm]")
            .await
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" "),
        "Delete this correction? Delete Keep"
    );
    app.wait_focus("correction-keep").await;
    app.screenshot_both_themes("feel-correction-confirm").await;
    // Escape keeps it, and the popover stays.
    app.press(&ESCAPE.to_string()).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=correction-confirm]') === null",
        json!(true),
    )
    .await;
    app.wait_for_css("[data-testid=corrections]").await;
    assert_eq!(corrections(), 1);
    // Confirmed, it goes.
    app.click("[data-testid=correction-remove]").await;
    app.click("[data-testid=correction-delete]").await;
    eventually("the correction deleted", || {
        (corrections() == 0).then_some(())
    })
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=corrections-toggle]').textContent.trim()",
        json!("Corrections"),
    )
    .await;
    app.press(&ESCAPE.to_string()).await;

    // Move to trash: a message with Undo, which brings the article back.
    app.click("[data-testid=more]").await;
    app.click("[data-testid=trash]").await;
    app.wait_for_css("[data-testid=trash-message]").await;
    assert!(app
        .text_of("[data-testid=trash-message]")
        .await
        .starts_with("“Ferry fares rise in spring” moved to the trash."));
    eventually("the article in the trash", || {
        (Library::open(&library).unwrap().list_trash().unwrap().len() == 1).then_some(())
    })
    .await;
    app.screenshot_both_themes("feel-trash-undo").await;
    app.click("[data-testid=trash-undo]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=trash-message]') === null",
        json!(true),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Ferry fares rise in spring"),
    )
    .await;
    assert!(Library::open(&library)
        .unwrap()
        .list_trash()
        .unwrap()
        .is_empty());
    app.close().await;
}

async fn save_state(app: &App) -> String {
    app.text_of("[data-testid=save-state]").await
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn settings_save_as_typed_ctrl_s_saves_and_a_refused_edit_is_asked_about() {
    let (_dir, library, app) = App::launch_fresh().await;
    let settings = || Library::open(&library).unwrap().site_settings().unwrap();
    new_article_in_editor(&app).await;
    app.press("Body.").await;
    app.press(&ctrl(",")).await;
    app.wait_focus("settings-name").await;
    app.press("The Harbour Times").await;
    // The status bar never says "Saved" before the name is stored. (Read
    // in that order: a save is stored before the window hears of it, so
    // "Saved" with the old name still stored would be a lie, however
    // quickly or slowly the machine runs.)
    let shown = save_state(&app).await;
    if shown == "Saved" {
        assert_eq!(
            settings().name,
            "The Harbour Times",
            "'Saved' shown too soon"
        );
    }
    eventually("the name saved without pressing Save", || {
        (settings().name == "The Harbour Times").then_some(())
    })
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=save-state]').textContent.trim()",
        json!("Saved"),
    )
    .await;

    // Ctrl+S saves at once, and the address takes its saved form.
    app.press(&TAB.to_string()).await;
    app.wait_focus("settings-base-url").await;
    app.press(&format!("https://harbour.example{}", ctrl("s")))
        .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=settings-base-url]').value",
        json!("https://harbour.example/"),
    )
    .await;
    assert_eq!(settings().base_url, "https://harbour.example/");

    // A refused address: said in the status bar, nothing saved, and closing
    // asks before dropping it.
    app.press(&format!("{}harbour times dot com", ctrl("a")))
        .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=save-state]').textContent.trim().startsWith('Settings not saved')",
        json!(true),
    )
    .await;
    app.wait_for_css("[data-testid=settings-error]").await;
    assert_eq!(settings().base_url, "https://harbour.example/");
    app.press(&ESCAPE.to_string()).await;
    app.wait_for_css("[data-testid=settings-discard-confirm]")
        .await;
    app.wait_for_css("[data-testid=settings-panel]").await;
    // The keyboard is on the safe answer, so Enter keeps editing (it was
    // left in the address field, where Enter saved again and the question
    // stayed open).
    app.wait_focus("settings-keep-editing").await;
    app.screenshot_both_themes("feel-settings-discard").await;
    // Keep editing: the panel and the typed text stay.
    app.press("\n").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=settings-discard-confirm]') === null",
        json!(true),
    )
    .await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=settings-base-url]').value")
            .await,
        json!("harbour times dot com")
    );
    app.press(&ESCAPE.to_string()).await;
    app.click("[data-testid=settings-discard]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=settings-panel]') === null",
        json!(true),
    )
    .await;
    app.wait_focus("editor").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=save-state]').textContent.trim()",
        json!("Saved"),
    )
    .await;
    assert_eq!(settings().base_url, "https://harbour.example/");
    assert_eq!(settings().name, "The Harbour Times");
    app.close().await;
}

const SIDEBAR_WIDTH: &str =
    "Math.round(document.querySelector('aside.sidebar')?.getBoundingClientRect().width ?? 0)";

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_library_shows_whole_headlines_widens_hides_and_search_hands_over_to_results() {
    use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};

    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&library).unwrap();
        lib.create_article("Council approves a ferry timetable for the north", "North.")
            .unwrap();
        lib.create_article("Council approves a ferry timetable for the south", "South.")
            .unwrap();
    }
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=article-item]').length",
        json!(2),
    )
    .await;
    // Headlines that start alike are shown whole, on two lines.
    assert_eq!(
        app.js(
            "[...document.querySelectorAll('[data-testid=article-item] .title')].every(t => \
                t.scrollHeight <= t.clientHeight + 1 && t.getBoundingClientRect().height > 30)"
        )
        .await,
        json!(true)
    );
    app.screenshot_both_themes("feel-library").await;

    // Dragging the edge widens the library.
    assert_eq!(app.js(SIDEBAR_WIDTH).await, json!(260));
    let edge = app.wait_for_css("[data-testid=sidebar-resize]").await;
    let drag = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: edge,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveBy {
            duration: Some(std::time::Duration::from_millis(250)),
            x: 120.0,
            y: 0.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    app.client.perform_actions(drag).await.unwrap();
    app.wait_for_js(
        &format!("Math.abs({SIDEBAR_WIDTH} - 380) <= 2"),
        json!(true),
    )
    .await;
    let wide = app.js(SIDEBAR_WIDTH).await;

    // Ctrl+Shift+B hides it; both choices outlive a reload of the window.
    app.click(".cm-content").await;
    app.press(&ctrl_shift('B')).await;
    app.wait_for_js(
        "document.querySelector('aside.sidebar') === null",
        json!(true),
    )
    .await;
    app.screenshot("feel-library-hidden").await;
    app.js("(() => { location.reload(); return true; })()")
        .await;
    app.wait_for_css(".cm-content").await;
    assert_eq!(
        app.js("document.querySelector('aside.sidebar') === null")
            .await,
        json!(true)
    );
    // Ctrl+K brings it back, to search.
    app.click(".cm-content").await;
    app.press(&ctrl("k")).await;
    app.wait_focus("search-input").await;
    assert_eq!(app.js(SIDEBAR_WIDTH).await, wide);

    // Enter in search opens the first result and hands the keyboard to the
    // results: Down, Enter opens the next; Up, Up goes back to the box.
    app.press("council").await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=search-result]').length",
        json!(2),
    )
    .await;
    let titles = app
        .js("[...document.querySelectorAll('[data-testid=search-result] .title')].map(t => t.textContent.trim())")
        .await;
    app.press("\n").await;
    app.wait_focus("search-result").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]').value",
        titles[0].clone(),
    )
    .await;
    app.press(&format!("{DOWN}\n")).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]').value",
        titles[1].clone(),
    )
    .await;
    app.press(&format!("{UP}{UP}")).await;
    app.wait_focus("search-input").await;
    app.close().await;
}

/// Relative luminance of an element's computed CSS property.
async fn luminance_of(app: &App, css: &str, property: &str) -> f64 {
    let value = app
        .js(&format!(
            "getComputedStyle(document.querySelector('{css}')).{property}"
        ))
        .await;
    luminance(value.as_str().unwrap())
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn find_history_dates_and_long_titles_look_like_the_app() {
    let headline = "Council approves a ferry timetable for the northern islands after a winter of \
                    cancelled crossings, late buses and a petition signed by nine hundred residents";
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&library).unwrap();
        let id = lib
            .create_article(headline, "The ferry leaves at noon.\n\nIt returns at six.")
            .unwrap()
            .id;
        lib.set_field(
            id,
            byline_core::domain::article::ArticleField::PublishAt,
            "2026-11-30T12:30:00Z",
        )
        .unwrap();
    }
    let app = App::launch(&library).await;

    // The whole headline shows, wrapped over lines, not cut.
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(headline),
    )
    .await;
    assert_eq!(
        app.js(
            "(() => { const t = document.querySelector('[data-testid=title-input]'); \
                return t.scrollHeight <= t.clientHeight + 1 && t.clientHeight > 50; })()"
        )
        .await,
        json!(true)
    );
    // Enter in the title still goes on to the text.
    app.click("[data-testid=title-input]").await;
    app.press("\n").await;
    app.wait_focus("editor").await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=title-input]').value")
            .await,
        json!(headline)
    );

    // The publish date as the page writes it.
    app.press(&ctrl_shift('D')).await;
    app.wait_for_js(&focus_inside("details-panel"), json!(true))
        .await;
    assert_eq!(
        app.text_of("[data-testid=publish-date-shown]").await,
        "On the page: 30 November 2026"
    );
    app.press(&ESCAPE.to_string()).await;
    app.wait_focus("editor").await;

    // Find (Ctrl+F) in the app's fields and colours, light and dark.
    app.press(&ctrl("f")).await;
    app.wait_for_css(".cm-panel.cm-search").await;
    app.wait_for_js(
        "document.activeElement?.classList.contains('cm-textfield')",
        json!(true),
    )
    .await;
    app.press("ferry").await;
    assert_eq!(
        app.js("getComputedStyle(document.querySelector('.cm-search .cm-textfield')).borderTopLeftRadius")
            .await,
        json!("6px")
    );
    app.js("(document.documentElement.dataset.theme = 'light', true)")
        .await;
    let light_panel = luminance_of(&app, ".cm-panels", "backgroundColor").await;
    let light_button = luminance_of(&app, ".cm-search .cm-button", "backgroundColor").await;
    app.js("(document.documentElement.dataset.theme = 'dark', true)")
        .await;
    tokio::time::sleep(std::time::Duration::from_millis(150)).await;
    let dark_panel = luminance_of(&app, ".cm-panels", "backgroundColor").await;
    let dark_button = luminance_of(&app, ".cm-search .cm-button", "backgroundColor").await;
    let dark_text = luminance_of(&app, ".cm-search .cm-textfield", "color").await;
    app.js("(delete document.documentElement.dataset.theme, true)")
        .await;
    assert!(
        light_panel > 0.8 && light_button > 0.8,
        "light {light_panel} {light_button}"
    );
    assert!(
        dark_panel < 0.2 && dark_button < 0.2 && dark_text > 0.6,
        "dark {dark_panel} {dark_button} {dark_text}"
    );
    app.screenshot_both_themes("feel-find").await;
    app.press(&ESCAPE.to_string()).await;
    app.wait_for_js(
        "document.querySelector('.cm-panel.cm-search') === null",
        json!(true),
    )
    .await;
    app.wait_focus("editor").await;

    // History's buttons are the app's kind, not grey system buttons.
    app.press(&ctrl_shift('H')).await;
    app.wait_for_js(&focus_inside("history-panel"), json!(true))
        .await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=snapshot]').classList.contains('secondary')")
            .await,
        json!(true)
    );
    assert_eq!(
        app.js(
            "getComputedStyle(document.querySelector('[data-testid=snapshot]')).backgroundImage"
        )
        .await,
        json!("none")
    );
    app.screenshot_both_themes("feel-history-panel").await;
    app.close().await;
}
