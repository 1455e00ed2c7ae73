//! End-to-end tests of FAQ items in the real window: the FAQ panel (add,
//! flags, reorder by buttons, keys and drag, remove and undo, shared blocks,
//! structured data), the FAQ section in the preview, and converting a FAQ
//! section written in the body. Run by `make test` with `--ignored`, like
//! tests/e2e.rs.

mod support;

use std::path::PathBuf;
use std::time::Duration;

use byline_core::domain::faq::QuestionAnswer;
use byline_core::domain::revision::RevisionKind;
use byline_core::{Article, Library};
use fantoccini::actions::{InputSource, MouseActions, PointerAction, MOUSE_BUTTON_LEFT};
use serde_json::json;
use support::{App, CTRL, RELEASE_MODIFIERS};

const SHIFT: char = '\u{E008}';
const ALT: char = '\u{E00A}';
const ENTER: char = '\u{E007}';
const ARROW_UP: char = '\u{E013}';
const ARROW_DOWN: char = '\u{E015}';

const QUESTIONS: &str =
    "[...document.querySelectorAll('[data-testid=faq-question]')].map(e => e.value)";
const PREVIEW_QUESTIONS: &str =
    "[...document.querySelectorAll('[data-testid=preview-faq] h3')].map(h => h.textContent)";
const ISSUES: &str =
    "[...document.querySelectorAll('[data-testid=faq-issue]')].map(e => e.textContent.trim())";
const EDITOR_TEXT: &str =
    "Array.from(document.querySelectorAll('.cm-line')).map(l => l.textContent).join('\\n')";

async fn click(app: &App, css: &str) {
    app.wait_for_css(css).await.click().await.unwrap();
}

/// The element matching `css` inside the FAQ item at `index`.
fn in_item(index: usize, css: &str) -> String {
    format!("[data-testid=faq-item][data-index='{index}'] {css}")
}

/// Types into the item's question or answer field (clicking it first).
async fn type_into(app: &App, index: usize, field: &str, text: &str) {
    let el = app
        .wait_for_css(&in_item(index, &format!("[data-testid=faq-{field}]")))
        .await;
    el.click().await.unwrap();
    el.send_keys(text).await.unwrap();
}

async fn open_faq_panel(app: &App) {
    click(app, "[data-testid=faq-toggle]").await;
    app.wait_for_css("[data-testid=faq-panel]").await;
    // Each answer's rendering arrives from the backend a moment later and
    // pushes the item's buttons down: a click aimed before then lands on
    // the answer field instead.
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=faq-item]')].every((item) => \
         !item.querySelector('[data-testid=faq-answer]')?.value.trim() || \
         item.querySelector('[data-testid=faq-answer-preview]') !== null)",
        json!(true),
    )
    .await;
}

/// Opens the article with this title from the library list.
async fn open_article(app: &App, title: &str) {
    let found = app
        .js(&format!(
            "(() => {{ const b = [...document.querySelectorAll('[data-testid=article-item]')].find(b => b.querySelector('.title').textContent === {title:?}); b?.click(); return !!b; }})()"
        ))
        .await;
    assert_eq!(found, json!(true), "no article {title} in the list");
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(title),
    )
    .await;
}

/// A library holding these articles, each with its FAQ items. The last one
/// is the most recently edited, so the window opens on it.
fn library_with(articles: &[(&str, &str, &[(&str, &str)])]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let mut lib = Library::open(&library).unwrap();
    for (title, body, items) in articles {
        let id = lib.create_article(title, body).unwrap().id;
        for (q, a) in *items {
            lib.add_faq_item(id, &QuestionAnswer::new(*q, *a), None)
                .unwrap();
        }
        // Distinct edit times, so the list order is the order given.
        std::thread::sleep(Duration::from_millis(5));
    }
    (dir, library)
}

fn article_titled(library: &std::path::Path, title: &str) -> Article {
    let lib = Library::open(library).unwrap();
    let summary = lib
        .list(&Default::default())
        .unwrap()
        .into_iter()
        .find(|a| a.title == title)
        .unwrap_or_else(|| panic!("no article {title}"));
    lib.article(summary.id).unwrap()
}

fn questions(article: &Article) -> Vec<&str> {
    article.faq.iter().map(|i| i.question.as_str()).collect()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn questions_added_in_the_panel_show_in_the_preview() {
    let (_dir, library, app) = App::launch_fresh().await;
    app.new_article().await;
    let title = app.wait_for_css("[data-testid=title-input]").await;
    title
        .send_keys(&format!("Island ferry guide{ENTER}"))
        .await
        .unwrap();
    app.type_in_editor("Everything about the island ferry.")
        .await;
    // The panel's shortcut, from the editor.
    app.wait_for_css(".cm-content")
        .await
        .send_keys(&format!("{CTRL}{SHIFT}q{RELEASE_MODIFIERS}"))
        .await
        .unwrap();
    app.wait_for_css("[data-testid=faq-panel]").await;
    let empty = app.wait_for_css("[data-testid=faq-empty]").await;
    assert!(
        empty.text().await.unwrap().contains("search engines"),
        "the empty state says what a FAQ item is"
    );

    click(&app, "[data-testid=faq-add]").await;
    app.wait_for_css(&in_item(0, "[data-testid=faq-question]"))
        .await;
    // The new question has the focus: type straight into it.
    app.wait_for_js(
        "document.activeElement?.dataset.testid",
        json!("faq-question"),
    )
    .await;
    type_into(&app, 0, "question", "How long is the crossing?").await;
    type_into(&app, 0, "answer", "About **forty** minutes.").await;
    app.wait_for_js(
        &format!(
            "document.querySelector(\"{}\")?.textContent",
            in_item(0, "[data-testid=faq-answer-preview] strong")
        ),
        json!("forty"),
    )
    .await;

    // Saved: the "no answer" flag has gone (and with it, the line that
    // moved the button below).
    app.wait_for_js(ISSUES, json!([])).await;
    click(&app, "[data-testid=faq-add]").await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=faq-item]').length",
        json!(2),
    )
    .await;
    type_into(&app, 1, "question", "Can I bring a bike?").await;
    type_into(&app, 1, "answer", "Yes, *free* of charge.").await;

    // The preview shows the section after the body: the questions as
    // headings, the answers rendered.
    app.wait_for_js(
        PREVIEW_QUESTIONS,
        json!(["How long is the crossing?", "Can I bring a bike?"]),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-faq] h2')?.textContent",
        json!("Frequently Asked Questions"),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-faq] .byline-faq-item strong')?.textContent",
        json!("forty"),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-faq] .byline-faq-item:last-child em')?.textContent",
        json!("free"),
    )
    .await;
    assert_eq!(
        app.js("document.querySelector('.preview-scroll > article').nextElementSibling?.dataset.testid")
            .await,
        json!("preview-faq"),
        "the FAQ follows the body"
    );
    app.wait_for_js(
        "document.querySelector('[data-testid=faq-count]')?.textContent",
        json!("2"),
    )
    .await;
    assert_eq!(app.js(ISSUES).await, json!([]));
    app.wait_for_js(
        "document.querySelector('[data-testid=faq-structured-summary]').textContent",
        json!("All 2 questions go into the structured data."),
    )
    .await;
    // Light theme, chosen in the status bar, for the screenshot.
    click(&app, "[data-testid=theme-toggle]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=theme-toggle]').textContent.trim()",
        json!("Light theme"),
    )
    .await;
    app.js("(() => { document.activeElement?.blur(); return true; })()")
        .await;
    app.screenshot("faq-panel-light").await;

    // Closing the panel right after typing loses nothing.
    type_into(&app, 1, "answer", " Racks on deck.").await;
    click(&app, "[data-testid=faq-toggle]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-faq] .byline-faq-item:last-child p')?.textContent",
        json!("Yes, free of charge. Racks on deck."),
    )
    .await;
    app.close().await;

    let article = article_titled(&library, "Island ferry guide");
    assert_eq!(
        questions(&article),
        ["How long is the crossing?", "Can I bring a bike?"]
    );
    assert_eq!(article.faq[0].answer, "About **forty** minutes.");
    assert_eq!(
        article.faq[1].answer,
        "Yes, *free* of charge. Racks on deck."
    );
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn empty_answers_and_duplicate_questions_are_flagged() {
    let (_dir, library) = library_with(&[(
        "Harbour parking",
        "Where to leave the car.",
        &[
            ("Is parking free?", "Only on Sundays."),
            ("How far is the pier?", "A five-minute walk."),
        ],
    )]);
    // In the dark theme, so the screenshot shows the other designed theme.
    let app = App::launch_with_env(&library, &[("GTK_THEME", "Adwaita:dark")]).await;
    open_faq_panel(&app).await;
    app.wait_for_js(
        QUESTIONS,
        json!(["Is parking free?", "How far is the pier?"]),
    )
    .await;
    click(&app, "[data-testid=faq-add]").await;
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=faq-item]').length",
        json!(3),
    )
    .await;
    type_into(&app, 2, "question", "is parking free").await;
    app.wait_for_js(
        &format!(
            "[...document.querySelectorAll(\"{}\")].map(e => e.dataset.problem)",
            in_item(2, "[data-testid=faq-issue]")
        ),
        json!(["empty_answer", "duplicate_question"]),
    )
    .await;
    assert_eq!(
        app.js(ISSUES).await,
        json!([
            "Question 3 has no answer; write one or remove the item.",
            "Question 3 repeats question 1; reword it or remove it."
        ])
    );
    app.wait_for_js(
        "document.querySelector('[data-testid=faq-structured-summary]').textContent",
        json!("2 of 3 questions go into the structured data. Flagged questions are left out until they are fixed."),
    )
    .await;
    app.js("(() => { document.activeElement?.blur(); document.querySelector(\"[data-testid=faq-item][data-index='2']\").scrollIntoView({ block: 'end' }); return true; })()")
        .await;
    app.screenshot("faq-panel-dark-flags").await;

    // Answering it clears that flag; the duplicate stays flagged.
    type_into(&app, 2, "answer", "Yes.").await;
    app.wait_for_js(
        ISSUES,
        json!(["Question 3 repeats question 1; reword it or remove it."]),
    )
    .await;

    // The article's structured data switch.
    click(&app, "[data-testid=faq-structured-data]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=faq-structured-summary]').textContent",
        json!("This article's FAQ is published without structured data."),
    )
    .await;
    app.close().await;

    let article = article_titled(&library, "Harbour parking");
    assert!(!article.faq_structured_data);
    assert_eq!(article.faq[2].question, "is parking free");
    assert_eq!(article.faq[2].answer, "Yes.");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn items_reorder_by_buttons_keys_and_drag_and_the_order_is_kept() {
    let (_dir, library) = library_with(&[(
        "Timetable",
        "When the boats run.",
        &[("Alpha?", "A."), ("Bravo?", "B."), ("Charlie?", "C.")],
    )]);
    let app = App::launch(&library).await;
    open_faq_panel(&app).await;
    app.wait_for_js(QUESTIONS, json!(["Alpha?", "Bravo?", "Charlie?"]))
        .await;

    click(&app, &in_item(0, "[data-testid=faq-move-down]")).await;
    app.wait_for_js(QUESTIONS, json!(["Bravo?", "Alpha?", "Charlie?"]))
        .await;
    app.wait_for_js(PREVIEW_QUESTIONS, json!(["Bravo?", "Alpha?", "Charlie?"]))
        .await;

    // Alt+Down with the caret in Alpha's question: it moves, the caret stays.
    let alpha = app
        .wait_for_css(&in_item(1, "[data-testid=faq-question]"))
        .await;
    alpha.click().await.unwrap();
    alpha
        .send_keys(&format!("{ALT}{ARROW_DOWN}"))
        .await
        .unwrap();
    app.wait_for_js(QUESTIONS, json!(["Bravo?", "Charlie?", "Alpha?"]))
        .await;
    app.wait_for_js("document.activeElement?.value", json!("Alpha?"))
        .await;
    app.wait_for_js(
        "document.activeElement?.closest('[data-testid=faq-item]')?.dataset.index",
        json!("2"),
    )
    .await;
    // And back up once, still from the keyboard.
    app.client
        .active_element()
        .await
        .unwrap()
        .send_keys(&format!("{ALT}{ARROW_UP}"))
        .await
        .unwrap();
    app.wait_for_js(QUESTIONS, json!(["Bravo?", "Alpha?", "Charlie?"]))
        .await;
    app.wait_for_js("document.activeElement?.value", json!("Alpha?"))
        .await;

    // Drag Charlie by its handle onto the top half of Bravo: it goes first.
    let handle = app
        .wait_for_css(&in_item(2, "[data-testid=faq-drag]"))
        .await;
    let bravo = app
        .wait_for_css(&in_item(0, "[data-testid=faq-question]"))
        .await;
    let mouse = MouseActions::new("mouse".into())
        .then(PointerAction::MoveToElement {
            element: handle,
            duration: None,
            x: 0.0,
            y: 0.0,
        })
        .then(PointerAction::Down {
            button: MOUSE_BUTTON_LEFT,
        })
        .then(PointerAction::MoveToElement {
            element: bravo.clone(),
            duration: Some(Duration::from_millis(150)),
            x: 0.0,
            y: -40.0,
        })
        .then(PointerAction::MoveToElement {
            element: bravo,
            duration: Some(Duration::from_millis(100)),
            x: 0.0,
            y: -36.0,
        })
        .then(PointerAction::Up {
            button: MOUSE_BUTTON_LEFT,
        });
    app.client.perform_actions(mouse).await.unwrap();
    app.client.release_actions().await.unwrap();
    app.wait_for_js(QUESTIONS, json!(["Charlie?", "Bravo?", "Alpha?"]))
        .await;
    app.wait_for_js(PREVIEW_QUESTIONS, json!(["Charlie?", "Bravo?", "Alpha?"]))
        .await;
    app.close().await;

    let article = article_titled(&library, "Timetable");
    assert_eq!(questions(&article), ["Charlie?", "Bravo?", "Alpha?"]);
    assert_eq!(article.faq[0].answer, "C.");

    // Reopened, the window shows the same order.
    let app = App::launch(&library).await;
    open_faq_panel(&app).await;
    app.wait_for_js(QUESTIONS, json!(["Charlie?", "Bravo?", "Alpha?"]))
        .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_removed_item_comes_back_in_its_place_with_undo() {
    let (_dir, library) = library_with(&[(
        "Tickets",
        "Prices and passes.",
        &[
            ("Can I pay on board?", "Cards only."),
            ("Is there a day pass?", "Yes, **£12**."),
            ("Do children travel free?", "Under fives do."),
        ],
    )]);
    let app = App::launch(&library).await;
    open_faq_panel(&app).await;
    click(&app, &in_item(1, "[data-testid=faq-remove]")).await;
    app.wait_for_js(
        QUESTIONS,
        json!(["Can I pay on board?", "Do children travel free?"]),
    )
    .await;
    app.wait_for_js(
        PREVIEW_QUESTIONS,
        json!(["Can I pay on board?", "Do children travel free?"]),
    )
    .await;
    // The bar sits where the item was, names it, and has the focus.
    let undo = app.wait_for_css("[data-testid=faq-undo]").await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=faq-undo]').parentElement.textContent.includes('Removed “Is there a day pass?”.')")
            .await,
        json!(true)
    );
    app.wait_for_js("document.activeElement?.dataset.testid", json!("faq-undo"))
        .await;
    app.screenshot("faq-undo").await;
    undo.click().await.unwrap();
    app.wait_for_js(
        QUESTIONS,
        json!([
            "Can I pay on board?",
            "Is there a day pass?",
            "Do children travel free?"
        ]),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=faq-undo]') === null",
        json!(true),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-faq] .byline-faq-item:nth-child(3) strong')?.textContent",
        json!("£12"),
    )
    .await;
    app.close().await;

    let article = article_titled(&library, "Tickets");
    assert_eq!(
        questions(&article),
        [
            "Can I pay on board?",
            "Is there a day pass?",
            "Do children travel free?"
        ]
    );
    assert_eq!(article.faq[1].answer, "Yes, **£12**.");
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_shared_item_edited_in_one_article_changes_in_the_other() {
    let (_dir, library) = library_with(&[
        ("Island walks", "Three walks from the pier.", &[]),
        (
            "Ferry guide",
            "How to get there.",
            &[("Do dogs travel free?", "Yes, on a lead.")],
        ),
    ]);
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Ferry guide"),
    )
    .await;
    open_faq_panel(&app).await;
    // The answer's preview arrives a moment later and pushes Share down: a
    // click aimed before it lands where Share no longer is.
    app.wait_for_js(
        &format!(
            "document.querySelector(\"{}\")?.textContent.trim()",
            in_item(0, "[data-testid=faq-answer-preview]")
        ),
        json!("Yes, on a lead."),
    )
    .await;
    click(&app, &in_item(0, "[data-testid=faq-share]")).await;
    app.wait_for_js(
        &format!(
            "document.querySelector(\"{}\")?.textContent",
            in_item(0, "[data-testid=faq-shared]")
        ),
        json!("Shared · used by 1 article"),
    )
    .await;
    app.wait_for_css(&in_item(0, "[data-testid=faq-detach]"))
        .await;

    // The other article: its empty panel offers the shared question.
    open_article(&app, "Island walks").await;
    app.wait_for_css("[data-testid=faq-empty]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=faq-block] .block-q')?.textContent",
        json!("Do dogs travel free?"),
    )
    .await;
    click(&app, "[data-testid=faq-block]").await;
    app.wait_for_js(QUESTIONS, json!(["Do dogs travel free?"]))
        .await;
    app.wait_for_js(
        &format!(
            "document.querySelector(\"{}\")?.textContent",
            in_item(0, "[data-testid=faq-shared]")
        ),
        json!("Shared · used by 2 articles"),
    )
    .await;
    app.screenshot("faq-shared").await;

    // Edit it here...
    let answer = app
        .wait_for_css(&in_item(0, "[data-testid=faq-answer]"))
        .await;
    answer.click().await.unwrap();
    answer.send_keys(&format!("{CTRL}a")).await.unwrap();
    answer
        .send_keys("Yes, on a lead and muzzled.")
        .await
        .unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-faq] .byline-faq-item p')?.textContent",
        json!("Yes, on a lead and muzzled."),
    )
    .await;

    // ...and the first article has it too.
    open_article(&app, "Ferry guide").await;
    app.wait_for_js(
        &format!(
            "document.querySelector(\"{}\")?.value",
            in_item(0, "[data-testid=faq-answer]")
        ),
        json!("Yes, on a lead and muzzled."),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-faq] .byline-faq-item p')?.textContent",
        json!("Yes, on a lead and muzzled."),
    )
    .await;

    // Detached, it is this article's own again.
    click(&app, &in_item(0, "[data-testid=faq-detach]")).await;
    app.wait_for_css(&in_item(0, "[data-testid=faq-share]"))
        .await;

    let ferry = article_titled(&library, "Ferry guide");
    let walks = article_titled(&library, "Island walks");
    assert_eq!(ferry.faq[0].answer, "Yes, on a lead and muzzled.");
    assert_eq!(walks.faq[0].answer, "Yes, on a lead and muzzled.");
    assert_eq!(ferry.faq[0].shared, None);
    assert!(walks.faq[0].shared.is_some());

    // Settings lists the shared question, used by the other article now,
    // and deletes it after a confirmation: that article keeps its copy.
    open_article(&app, "Island walks").await;
    app.wait_for_css(&in_item(0, "[data-testid=faq-shared]"))
        .await;
    click(&app, "[data-testid=settings-open]").await;
    let listed = app.text_of("[data-testid=settings-faq-block]").await;
    assert!(
        listed.contains("Do dogs travel free?") && listed.contains("Used by 1 article"),
        "{listed}"
    );
    app.js("(document.querySelector('[data-testid=settings-faq-blocks]').scrollIntoView({ block: 'center' }), true)")
        .await;
    app.screenshot_both_themes("settings-shared-faq").await;
    click(&app, "[data-testid=settings-faq-block-delete]").await;
    click(&app, "[data-testid=settings-faq-block-delete-yes]").await;
    app.wait_for_css("[data-testid=settings-faq-blocks-empty]")
        .await;
    assert!(Library::open(&library)
        .unwrap()
        .faq_blocks()
        .unwrap()
        .is_empty());
    // The open article's FAQ panel follows: its item is its own.
    click(&app, "[data-testid=settings-open]").await;
    open_faq_panel(&app).await;
    app.wait_for_css(&in_item(0, "[data-testid=faq-share]"))
        .await;
    let island = article_titled(&library, "Island walks");
    assert_eq!(island.faq.len(), 1);
    assert_eq!(island.faq[0].question, "Do dogs travel free?");
    assert_eq!(island.faq[0].shared, None);
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_faq_section_in_the_body_converts_into_items() {
    let (_dir, library) = library_with(&[(
        "Old post",
        "An older piece.\n\n## Frequently asked questions\n\n### Is it old?\n\nQuite.\n",
        &[],
    )]);
    let app = App::launch(&library).await;
    // Offered on opening; dismissed, it goes away.
    app.wait_for_js(
        "document.querySelector('[data-testid=faq-detected-message]')?.textContent",
        json!("This article ends with a FAQ section (1 question). Convert it into FAQ items?"),
    )
    .await;
    click(&app, "[data-testid=faq-dismiss]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=faq-detected]') === null",
        json!(true),
    )
    .await;

    // A new article, and a FAQ section pasted at its end.
    app.new_article().await;
    app.type_in_editor("Intro paragraph.").await;
    app.js(
        "(() => { const dt = new DataTransfer(); dt.setData('text/plain', '\\n\\n## FAQ\\n\\n### Q1?\\n\\nA1.\\n\\n### Q2?\\n\\nA2.'); \
         document.querySelector('.cm-content').dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true })); return true; })()",
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=faq-detected]')?.textContent.includes('(2 questions)')",
        json!(true),
    )
    .await;
    app.screenshot("faq-detected").await;
    click(&app, "[data-testid=faq-convert]").await;

    // The section left the body and became items, in the panel and preview.
    app.wait_for_css("[data-testid=faq-panel]").await;
    app.wait_for_js(QUESTIONS, json!(["Q1?", "Q2?"])).await;
    app.wait_for_js(EDITOR_TEXT, json!("Intro paragraph.\n"))
        .await;
    app.wait_for_js(PREVIEW_QUESTIONS, json!(["Q1?", "Q2?"]))
        .await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=faq-detected]') === null")
            .await,
        json!(true)
    );
    assert_eq!(
        app.js("[...document.querySelectorAll('[data-testid=preview] .byline-article h2')].map(h => h.textContent)")
            .await,
        json!(["Frequently Asked Questions"]),
        "the body's own FAQ heading is gone from the preview"
    );
    // The conversion is one change in the editor: undo and redo it whole.
    app.wait_for_css(".cm-content")
        .await
        .send_keys(&format!("{CTRL}z"))
        .await
        .unwrap();
    app.wait_for_js(&format!("({EDITOR_TEXT}).includes('## FAQ')"), json!(true))
        .await;
    app.wait_for_css(".cm-content")
        .await
        .send_keys(&format!("{CTRL}{SHIFT}z"))
        .await
        .unwrap();
    app.wait_for_js(EDITOR_TEXT, json!("Intro paragraph.\n"))
        .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=save-state]').textContent.trim()",
        json!("Saved"),
    )
    .await;
    app.close().await;

    let lib = Library::open(&library).unwrap();
    let id = lib.list(&Default::default()).unwrap()[0].id;
    let article = lib.article(id).unwrap();
    assert_eq!(article.body.trim_end(), "Intro paragraph.");
    assert_eq!(questions(&article), ["Q1?", "Q2?"]);
    assert_eq!(article.faq[1].answer, "A2.");
    assert!(
        lib.history(id)
            .unwrap()
            .iter()
            .any(|r| r.kind == RevisionKind::Snapshot
                && r.label.as_deref() == Some("before converting the FAQ section")),
        "the state before the conversion is kept"
    );
}
