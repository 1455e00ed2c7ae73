//! End-to-end tests of the library in the real window: statuses, filters,
//! search, the Details panel, the trash. Run by `make test` with `--ignored`
//! (they need a display and tauri-driver), like tests/e2e.rs.

mod support;

use byline_core::{Library, Status};
use serde_json::json;
use support::{App, CTRL, RELEASE_MODIFIERS};

const TAB: char = '\u{E004}';
const ENTER: char = '\u{E007}';
const SHIFT: char = '\u{E008}';

/// The titles the sidebar list shows, top to bottom.
const LIST_TITLES: &str =
    "Array.from(document.querySelectorAll('[data-testid=article-item] .title')).map(t => t.textContent)";

async fn click(app: &App, css: &str) {
    app.wait_for_css(css).await.click().await.unwrap();
}

/// Creates an article from the window: New article, a title, then the body.
async fn write_article(app: &App, title: &str, body: &str) {
    app.new_article().await;
    app.wait_for_js(
        "document.activeElement?.dataset.testid",
        json!("title-input"),
    )
    .await;
    let input = app.wait_for_css("[data-testid=title-input]").await;
    input.send_keys(&format!("{title}{ENTER}")).await.unwrap();
    app.wait_for_js(
        "document.activeElement?.classList.contains('cm-content')",
        json!(true),
    )
    .await;
    let editor = app.wait_for_css(".cm-content").await;
    editor.send_keys(body).await.unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=save-state]').textContent.trim()",
        json!("Saved"),
    )
    .await;
}

async fn set_status_from_pill(app: &App, status: &str) {
    click(app, "[data-testid=status-pill]").await;
    click(app, &format!("[data-testid=status-option-{status}]")).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=status-menu]') === null",
        json!(true),
    )
    .await;
}

fn chip_count(status: &str) -> String {
    format!("document.querySelector('[data-testid=filter-{status}] .count').textContent")
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn three_articles_statuses_filters_search_and_open_a_result() {
    let (_dir, library, app) = App::launch_fresh().await;
    write_article(
        &app,
        "Harbour reopens",
        "The harbour reopens after the storm.",
    )
    .await;
    write_article(
        &app,
        "Budget vote",
        "The council votes on the budget tonight.",
    )
    .await;
    write_article(
        &app,
        "Ferry timetable",
        "The ferry to the island runs hourly.",
    )
    .await;

    // The open article is the last one written; send it to review, then
    // open the budget piece from the list and publish it.
    set_status_from_pill(&app, "in_review").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=status-pill]').textContent.trim()",
        json!("In review▾"),
    )
    .await;
    let items = app
        .client
        .find_all(fantoccini::Locator::Css("[data-testid=article-item]"))
        .await
        .unwrap();
    assert_eq!(items.len(), 3);
    items[1].click().await.unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]').value",
        json!("Budget vote"),
    )
    .await;
    set_status_from_pill(&app, "published").await;

    // Counts per status follow.
    app.wait_for_js(&chip_count("published"), json!("1")).await;
    assert_eq!(app.js(&chip_count("draft")).await, json!("1"));
    assert_eq!(app.js(&chip_count("in_review")).await, json!("1"));
    assert_eq!(app.js(&chip_count("ready")).await, json!("0"));
    assert_eq!(
        app.js("document.querySelector('[data-testid=filter-all] .count').textContent")
            .await,
        json!("3")
    );

    // Filter by status.
    click(&app, "[data-testid=filter-in_review]").await;
    app.wait_for_js(LIST_TITLES, json!(["Ferry timetable"]))
        .await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=item-status]').textContent")
            .await,
        json!("In review")
    );
    click(&app, "[data-testid=filter-draft]").await;
    app.wait_for_js(LIST_TITLES, json!(["Harbour reopens"]))
        .await;
    click(&app, "[data-testid=filter-all]").await;
    app.wait_for_js(&format!("{LIST_TITLES}.length"), json!(3))
        .await;

    // Sort by title.
    app.js("(() => { const s = document.querySelector('[data-testid=sort]'); s.value = 'title'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()").await;
    app.wait_for_js(
        LIST_TITLES,
        json!(["Budget vote", "Ferry timetable", "Harbour reopens"]),
    )
    .await;

    // The status history is in the library, dated.
    {
        let lib = Library::open(&library).unwrap();
        let budget = lib.find("budget-vote").unwrap();
        assert_eq!(budget.status, Status::Published);
        let history: Vec<Status> = lib
            .status_history(budget.id)
            .unwrap()
            .iter()
            .map(|c| c.status)
            .collect();
        assert_eq!(history, vec![Status::Draft, Status::Published]);
    }
    app.screenshot("library-filters").await;

    // Search, then open a result.
    let search = app.wait_for_css("[data-testid=search-input]").await;
    search.send_keys("island").await.unwrap();
    app.wait_for_js(
        "document.querySelectorAll('[data-testid=search-result]').length",
        json!(1),
    )
    .await;
    click(&app, "[data-testid=search-result]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]').value",
        json!("Ferry timetable"),
    )
    .await;
    assert!(app.editor_text().await.contains("runs hourly"));
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_details_panel_edits_metadata_flags_a_slug_clash_and_tags_filter_the_list() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&library).unwrap();
        lib.create_article("Budget vote", "Council business.")
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        lib.create_article("Ferry returns", "The ferry is back.")
            .unwrap();
    }
    let app = App::launch(&library).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Ferry returns"),
    )
    .await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=doc-slug]').textContent")
            .await,
        json!("/ferry-returns")
    );

    // Ctrl+Shift+D opens the panel.
    let editor = app.wait_for_css(".cm-content").await;
    editor
        .send_keys(&format!("{CTRL}{SHIFT}d{RELEASE_MODIFIERS}"))
        .await
        .unwrap();
    app.wait_for_css("[data-testid=details-panel]").await;

    // Title length against 60, live as the writer types.
    let title = app.wait_for_css("[data-testid=field-title]").await;
    title
        .send_keys(" after two years of repairs to the old island pier")
        .await
        .unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=title-length]').textContent.startsWith('63 / 60')",
        json!(true),
    )
    .await;
    title.send_keys(&TAB.to_string()).await.unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]').value",
        json!("Ferry returns after two years of repairs to the old island pier"),
    )
    .await;

    // A slug clash is flagged before saving, and is not saved.
    let slug = app.wait_for_css("[data-testid=field-slug]").await;
    slug.clear().await.unwrap();
    slug.send_keys("Budget Vote").await.unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=slug-status]').textContent",
        json!("Already used by “Budget vote”; choose another"),
    )
    .await;
    app.screenshot("details-slug-clash").await;
    slug.send_keys(&TAB.to_string()).await.unwrap();
    {
        let lib = Library::open(&library).unwrap();
        let ferry = lib
            .find("ferry-returns-after-two-years-of-repairs-to-the-old-island-pier")
            .unwrap();
        assert!(!ferry.slug_is_custom, "the clashing slug was not saved");
    }
    let slug = app.wait_for_css("[data-testid=field-slug]").await;
    slug.clear().await.unwrap();
    slug.send_keys(&format!("ferry-back{TAB}")).await.unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=doc-slug]').textContent",
        json!("/ferry-back"),
    )
    .await;

    // The description's length against 50–160.
    let description = app
        .wait_for_css("[data-testid=field-meta_description]")
        .await;
    description.send_keys("Too short.").await.unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=description-length]').textContent",
        json!("10 characters · short; aim for 50–160"),
    )
    .await;
    description
        .send_keys(" The island ferry returns with a new hourly timetable.")
        .await
        .unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=description-length]').textContent.includes('within 50–160')",
        json!(true),
    )
    .await;

    // Tags, authors and a refused canonical URL that stays in its field.
    let tags = app.wait_for_css("[data-testid=field-tags]").await;
    tags.send_keys(&format!("transport, islands{TAB}"))
        .await
        .unwrap();
    let canonical = app.wait_for_css("[data-testid=field-canonical_url]").await;
    canonical
        .send_keys(&format!("example.com/ferry{TAB}"))
        .await
        .unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=details-panel] [role=alert]')?.textContent.includes('is not a web address')",
        json!(true),
    )
    .await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=field-canonical_url]').value")
            .await,
        json!("example.com/ferry"),
        "refused input stays in the field"
    );
    app.screenshot("details-panel").await;

    {
        let lib = Library::open(&library).unwrap();
        let ferry = lib.find("ferry-back").unwrap();
        assert_eq!(ferry.meta.tags, vec!["transport", "islands"]);
        assert!(ferry
            .meta
            .meta_description
            .starts_with("Too short. The island ferry"));
        assert_eq!(ferry.meta.canonical_url, "", "nothing invalid was saved");
    }

    // The tag filter lists the new tags and filters by them.
    app.wait_for_js(
        "Array.from(document.querySelectorAll('[data-testid=tag-filter] option')).map(o => o.value)",
        json!(["", "islands", "transport"]),
    )
    .await;
    app.js("(() => { const s = document.querySelector('[data-testid=tag-filter]'); s.value = 'islands'; s.dispatchEvent(new Event('change', { bubbles: true })); return true; })()").await;
    app.wait_for_js(
        LIST_TITLES,
        json!(["Ferry returns after two years of repairs to the old island pier"]),
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn trash_restore_duplicate_and_empty_the_trash_after_confirming() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&library).unwrap();
        lib.create_article("Keep me", "Stays.").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        lib.create_article("Old draft", "To be thrown away.")
            .unwrap();
    }
    // In the dark theme, so its screenshots show the other designed theme.
    let app = App::launch_with_env(&library, &[("GTK_THEME", "Adwaita:dark")]).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Old draft"),
    )
    .await;
    click(&app, "[data-testid=details-toggle]").await;
    app.wait_for_css("[data-testid=details-panel]").await;
    click(&app, "[data-testid=status-pill]").await;
    app.wait_for_css("[data-testid=status-option-ready]").await;
    app.screenshot("details-and-status-menu-dark").await;
    // Escape closes the menu and gives focus back to the pill.
    let option = app.wait_for_css("[data-testid=status-option-draft]").await;
    option.send_keys("\u{E00C}").await.unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=status-menu]') === null",
        json!(true),
    )
    .await;
    assert_eq!(
        app.js("document.activeElement?.dataset.testid").await,
        json!("status-pill")
    );
    click(&app, "[data-testid=details-toggle]").await;

    click(&app, "[data-testid=more]").await;
    click(&app, "[data-testid=duplicate]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]').value",
        json!("Old draft (copy)"),
    )
    .await;
    app.wait_for_js(
        LIST_TITLES,
        json!(["Old draft (copy)", "Old draft", "Keep me"]),
    )
    .await;

    // Trash the copy: the next article opens and the trash counts it.
    click(&app, "[data-testid=more]").await;
    click(&app, "[data-testid=trash]").await;
    app.wait_for_js(LIST_TITLES, json!(["Old draft", "Keep me"]))
        .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=show-trash] .count')?.textContent",
        json!("1"),
    )
    .await;

    // Open it from the trash and restore it.
    click(&app, "[data-testid=show-trash]").await;
    app.wait_for_js(LIST_TITLES, json!(["Old draft (copy)"]))
        .await;
    click(&app, "[data-testid=article-item]").await;
    app.wait_for_css("[data-testid=trashed-banner]").await;
    app.screenshot("trashed-article").await;
    click(&app, "[data-testid=restore]").await;
    app.wait_for_js(
        LIST_TITLES,
        json!(["Old draft (copy)", "Old draft", "Keep me"]),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Old draft (copy)"),
    )
    .await;

    // Trash two, then empty the trash: nothing goes before confirming.
    click(&app, "[data-testid=more]").await;
    click(&app, "[data-testid=trash]").await;
    app.wait_for_js(&format!("{LIST_TITLES}.length"), json!(2))
        .await;
    click(&app, "[data-testid=article-item]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Old draft"),
    )
    .await;
    click(&app, "[data-testid=more]").await;
    click(&app, "[data-testid=trash]").await;
    app.wait_for_js(LIST_TITLES, json!(["Keep me"])).await;
    click(&app, "[data-testid=show-trash]").await;
    app.wait_for_js(&format!("{LIST_TITLES}.length"), json!(2))
        .await;
    click(&app, "[data-testid=empty-trash]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=empty-trash-confirm]').textContent.includes('Delete 2 articles for good?')",
        json!(true),
    )
    .await;
    app.screenshot("empty-trash-confirm").await;
    click(&app, "[data-testid=empty-trash-no]").await;
    assert_eq!(
        Library::open(&library).unwrap().list_trash().unwrap().len(),
        2,
        "cancel deletes nothing"
    );
    click(&app, "[data-testid=empty-trash]").await;
    click(&app, "[data-testid=empty-trash-yes]").await;
    app.wait_for_css("[data-testid=list-empty]").await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=list-empty]').textContent.trim()")
            .await,
        json!("The trash is empty.")
    );
    let lib = Library::open(&library).unwrap();
    assert!(lib.list_trash().unwrap().is_empty());
    assert_eq!(lib.list_articles().unwrap().len(), 1);
    app.close().await;
}
