//! End-to-end tests of getting articles in and out of the real window: the
//! Export popover (save through the native dialog, Copy as HTML), the
//! Settings panel (site, boilerplate shown in the preview, a refused value,
//! exporting the site) and importing files through the Import button.
//! Native dialogs are answered by `BYLINE_DIALOG_ANSWER`, since WebDriver
//! cannot click in them. Run by `make test` with `--ignored`, like
//! tests/e2e.rs.

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use byline_core::domain::faq::QuestionAnswer;
use byline_core::domain::revision::RevisionKind;
use byline_core::{Library, Status};
use serde_json::json;
use support::{eventually, App, CTRL, RELEASE_MODIFIERS};

const SHIFT: char = '\u{E008}';
const ESCAPE: char = '\u{E00C}';

const TITLE: &str = "Ferry fares rise by 10% in June";
const BODY: &str =
    "The council voted on Tuesday.\n\n## What changes\n\nEvery route costs a **tenth** more.\n";

/// A library with one published article that has two FAQ items, the
/// second with no answer (flagged, so left out of the structured data).
fn library_with_article() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    let mut lib = Library::open(&library).unwrap();
    let id = lib.create_article(TITLE, BODY).unwrap().id;
    lib.add_faq_item(
        id,
        &QuestionAnswer::new("When do the new fares start?", "On 1 June."),
        None,
    )
    .unwrap();
    lib.add_faq_item(id, &QuestionAnswer::new("Do passes change?", ""), None)
        .unwrap();
    lib.set_status(id, Status::Published).unwrap();
    (dir, library)
}

async fn open_export(app: &App) {
    app.click("[data-testid=export-open]").await;
    app.wait_for_css("[data-testid=export-panel]").await;
}

async fn choose_format(app: &App, format: &str) {
    app.click(&format!("[data-testid=export-format][value='{format}']"))
        .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=export-format]:checked')?.value",
        json!(format),
    )
    .await;
}

fn export_revisions(library: &Path) -> usize {
    let lib = Library::open(library).unwrap();
    let id = lib.list(&Default::default()).unwrap()[0].id;
    lib.history(id)
        .unwrap()
        .iter()
        .filter(|r| r.kind == RevisionKind::Export)
        .count()
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn exports_a_web_page_and_copies_html() {
    let (dir, library) = library_with_article();
    let out = dir.path().join("out").join("ferry-fares.html");
    std::fs::create_dir_all(out.parent().unwrap()).unwrap();
    let app =
        App::launch_with_env(&library, &[("BYLINE_DIALOG_ANSWER", out.to_str().unwrap())]).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(TITLE),
    )
    .await;

    // The shortcut opens it from the editor, and Escape closes it.
    app.click(".cm-content").await;
    app.wait_for_css(".cm-content")
        .await
        .send_keys(&format!("{CTRL}{SHIFT}e{RELEASE_MODIFIERS}"))
        .await
        .unwrap();
    app.wait_for_css("[data-testid=export-panel]").await;
    app.wait_for_js(
        "document.activeElement?.dataset.testid",
        json!("export-format"),
    )
    .await;
    app.wait_for_css("[data-testid=export-panel]")
        .await
        .send_keys(&ESCAPE.to_string())
        .await
        .unwrap();
    app.wait_for_js(
        "!!document.querySelector('[data-testid=export-panel]')",
        json!(false),
    )
    .await;

    open_export(&app).await;
    assert_eq!(
        app.js("[...document.querySelectorAll('[data-testid=export-format]')].map(r => r.closest('label').querySelector('.format-name').textContent)")
            .await,
        json!([
            "Web page (HTML)",
            "HTML fragment (for a CMS)",
            "Markdown + YAML (Hugo, Jekyll, Astro)",
            "Markdown + TOML (Zola)",
            "JSON",
            "Plain text"
        ])
    );
    choose_format(&app, "html").await;
    // The flagged question is named before anything is exported.
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=export-warning]')].some(w => w.textContent.includes('left out of the FAQPage'))",
        json!(true),
    )
    .await;
    app.screenshot_both_themes("export-popover").await;

    app.click("[data-testid=export-save]").await;
    let result = app.text_of("[data-testid=export-result]").await;
    assert!(
        result.contains(out.to_str().unwrap()),
        "the popover says where it went: {result}"
    );
    let html = std::fs::read_to_string(&out).unwrap();
    assert!(html.starts_with("<!doctype html>"), "a whole page");
    assert!(html.contains(&format!("<h1>{TITLE}</h1>")), "{html}");
    assert!(html.contains("application/ld+json"), "JSON-LD");
    assert!(html.contains("\"FAQPage\""), "the FAQ as structured data");
    assert!(
        !html.contains("Do passes change?\",\n"),
        "the flagged question is not in the structured data"
    );
    assert_eq!(export_revisions(&library), 1, "an export is a revision");

    // Copy as HTML: then paste into a new article, where the editor turns
    // the clipboard's HTML back into Markdown.
    app.click("[data-testid=export-copy]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=export-copy]').textContent.trim()",
        json!("Copied"),
    )
    .await;
    app.new_article().await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(""),
    )
    .await;
    app.type_in_editor(&format!("{CTRL}v{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_js(
        "(() => { const t = [...document.querySelectorAll('.cm-line')].map(l => l.textContent).join('\\n'); return t.includes('## What changes') && t.includes('**tenth**'); })()",
        json!(true),
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn exports_markdown_with_front_matter() {
    let (dir, library) = library_with_article();
    let out = dir.path().join("ferry-fares.md");
    let app =
        App::launch_with_env(&library, &[("BYLINE_DIALOG_ANSWER", out.to_str().unwrap())]).await;
    open_export(&app).await;
    choose_format(&app, "md-yaml").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=export-panel] .file code')?.textContent",
        json!("ferry-fares-rise-by-10-in-june.md"),
    )
    .await;
    app.click("[data-testid=export-save]").await;
    app.wait_for_css("[data-testid=export-result]").await;
    let md = std::fs::read_to_string(&out).unwrap();
    assert!(md.starts_with("---\n"), "YAML front matter first: {md}");
    assert!(
        md.contains(&format!("title: {TITLE:?}")) || md.contains(&format!("title: {TITLE}")),
        "{md}"
    );
    assert!(
        md.contains("When do the new fares start?"),
        "FAQ items in the front matter"
    );
    assert!(md.contains("## What changes"), "the body follows");

    // The choice is remembered for the next export.
    app.click("[data-testid=export-open]").await;
    app.wait_for_js(
        "!!document.querySelector('[data-testid=export-panel]')",
        json!(false),
    )
    .await;
    open_export(&app).await;
    app.wait_for_js(
        "document.querySelector('[data-testid=export-format]:checked')?.value",
        json!("md-yaml"),
    )
    .await;
    app.close().await;
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn settings_add_boilerplate_and_refuse_a_bad_address() {
    let (dir, library) = library_with_article();
    let site_dir = dir.path().join("site");
    let app = App::launch_with_env(
        &library,
        &[("BYLINE_DIALOG_ANSWER", site_dir.to_str().unwrap())],
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!(TITLE),
    )
    .await;
    // Ctrl+, from the editor.
    app.type_in_editor(&format!("{CTRL},{RELEASE_MODIFIERS}"))
        .await;
    app.wait_for_css("[data-testid=settings-panel]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=settings-language]')?.value",
        json!("en"),
    )
    .await;
    app.wait_for_css("[data-testid=settings-name]")
        .await
        .send_keys("The Harbour Times")
        .await
        .unwrap();
    app.wait_for_css("[data-testid=settings-share]")
        .await
        .send_keys("Found this useful? **Share it** with a neighbour.")
        .await
        .unwrap();
    app.wait_for_css("[data-testid=settings-footer]")
        .await
        .send_keys("© 2026 The Harbour Times")
        .await
        .unwrap();
    // Each box shows its Markdown as published a moment after typing. Wait
    // for them: they push Save down, and a click aimed at it before they
    // appear can land where it no longer is.
    app.wait_for_js(
        "document.querySelector('[aria-label=\"Share prompt as published\"] strong')?.textContent",
        json!("Share it"),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[aria-label=\"Footer as published\"]')?.textContent.trim()",
        json!("© 2026 The Harbour Times"),
    )
    .await;
    app.click("[data-testid=settings-save]").await;

    // The preview shows it where exports put it: after the FAQ section.
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-boilerplate] aside.byline-share strong')?.textContent",
        json!("Share it"),
    )
    .await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=preview-faq]').nextElementSibling?.dataset.testid")
            .await,
        json!("preview-boilerplate")
    );
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-footer]')?.textContent.trim()",
        json!("© 2026 The Harbour Times"),
    )
    .await;
    let saved = Library::open(&library).unwrap().site_settings().unwrap();
    assert_eq!(saved.name, "The Harbour Times");
    assert!(saved.share_prompt.contains("**Share it**"));
    assert!(
        Library::open(&library)
            .unwrap()
            .list(&Default::default())
            .unwrap()[0]
            .words
            < 30,
        "boilerplate is never copied into the article"
    );

    // A refused address: its reason beside the field, the input kept, and
    // nothing saved.
    app.wait_for_css("[data-testid=settings-base-url]")
        .await
        .send_keys("harbour times dot com")
        .await
        .unwrap();
    app.click("[data-testid=settings-save]").await;
    let error = app.text_of("[data-testid=settings-error]").await;
    assert!(error.contains("not a web address"), "{error}");
    assert_eq!(
        app.js("document.querySelector('[data-testid=settings-base-url]').value")
            .await,
        json!("harbour times dot com")
    );
    assert_eq!(
        app.js("document.querySelector('[data-testid=settings-base-url]').getAttribute('aria-invalid')")
            .await,
        json!("true")
    );
    assert_eq!(
        Library::open(&library)
            .unwrap()
            .site_settings()
            .unwrap()
            .base_url,
        ""
    );
    app.screenshot_both_themes("settings-panel-error").await;
    // The end of the preview: the boilerplate and the footer.
    app.js("(() => { const p = document.querySelector('.preview-scroll'); p.scrollTop = p.scrollHeight; return true; })()")
        .await;
    app.screenshot_both_themes("preview-boilerplate").await;

    // Fixed, it saves (normalised with its trailing slash).
    app.js("(() => { const i = document.querySelector('[data-testid=settings-base-url]'); i.select(); return true; })()")
        .await;
    app.wait_for_css("[data-testid=settings-base-url]")
        .await
        .send_keys("https://harbour.example")
        .await
        .unwrap();
    app.click("[data-testid=settings-save]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=settings-base-url]').value",
        json!("https://harbour.example/"),
    )
    .await;
    assert_eq!(
        app.js("!!document.querySelector('[data-testid=settings-error]')")
            .await,
        json!(false)
    );

    // Export the published articles as a site, into the answered folder.
    app.click("[data-testid=settings-export-site]").await;
    let summary = app.text_of("[data-testid=settings-site-result]").await;
    assert!(summary.contains("1 article"), "{summary}");
    assert!(site_dir.join("index.html").exists());
    assert!(site_dir.join("feed.xml").exists());
    let page = eventually("the article's page", || {
        walk(&site_dir)
            .into_iter()
            .find(|p| p.ends_with("index.html") && p.parent() != Some(site_dir.as_path()))
    })
    .await;
    let page = std::fs::read_to_string(page).unwrap();
    assert!(
        page.contains("byline-share"),
        "the boilerplate is on the page"
    );
    assert!(page.contains("The Harbour Times"));
    app.screenshot_both_themes("settings-panel").await;
    app.close().await;
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(walk(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn import_reports_each_file() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    Library::open(&library).unwrap();
    let fixture = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/import/hugo/content/posts/ferry-fares.md");
    // Not UTF-8: Latin-1 bytes, as an old export might have.
    let bad = dir.path().join("caf\u{e9}-notes.md");
    std::fs::write(&bad, b"---\ntitle: Caf\xe9 notes\n---\n\nCr\xe8me.\n").unwrap();
    let answer = std::env::join_paths([&fixture, &bad]).unwrap();
    let app = App::launch_with_env(
        &library,
        &[("BYLINE_DIALOG_ANSWER", answer.to_str().unwrap())],
    )
    .await;

    // The empty library offers both ways in.
    app.wait_for_css("[data-testid=empty-state]").await;
    app.wait_for_css("[data-testid=import-empty]").await;
    app.click("[data-testid=import-open]").await;

    app.wait_for_css("[data-testid=import-report]").await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=import-file]')].map(f => f.dataset.outcome)",
        json!(["created", "failed"]),
    )
    .await;
    let summary = app.text_of("[data-testid=import-summary]").await;
    assert_eq!(summary, "1 new article, 1 file failed");
    let error = app.text_of("[data-testid=import-error]").await;
    assert!(error.to_lowercase().contains("utf-8"), "{error}");
    let created = app
        .text_of("[data-testid=import-file][data-outcome=created]")
        .await;
    assert!(
        created.contains("Ferry fares rise by 10% in June"),
        "{created}"
    );
    assert!(
        created.contains("categories → tags") || created.contains("categories"),
        "mapped keys listed: {created}"
    );
    assert!(created.contains("weight"), "kept keys listed: {created}");

    // In the sidebar and in the library, and opened since none was.
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=article-item] .title')].map(t => t.textContent)",
        json!(["Ferry fares rise by 10% in June"]),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Ferry fares rise by 10% in June"),
    )
    .await;
    let lib = Library::open(&library).unwrap();
    let listed = lib.list(&Default::default()).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].slug, "ferry-fares");
    // Let the preview settle before the screenshots.
    tokio::time::sleep(Duration::from_millis(300)).await;
    app.screenshot_both_themes("import-report").await;
    app.close().await;
}

/// Two posts whose paths differ only by date, as a Zola blog has them: the
/// second once failed ("the slug is already used"); now both come in, and
/// the report says which got a new slug.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn import_of_clashing_posts_brings_both_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    Library::open(&library).unwrap();
    let blog = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/blogs/zola/content");
    let answer = std::env::join_paths([
        blog.join("2015-05-15-Rust-1.0.md"),
        blog.join("2025-05-15-Rust-1.0.md"),
    ])
    .unwrap();
    let app = App::launch_with_env(
        &library,
        &[("BYLINE_DIALOG_ANSWER", answer.to_str().unwrap())],
    )
    .await;
    app.wait_for_css("[data-testid=import-empty]").await;
    app.click("[data-testid=import-open]").await;
    app.wait_for_css("[data-testid=import-report]").await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=import-file]')].map(f => f.dataset.outcome)",
        json!(["created", "created"]),
    )
    .await;
    // Read in the page: the report redraws as the first article opens.
    app.wait_for_js(
        "document.querySelector('[data-testid=import-summary]')?.textContent",
        json!("2 new articles, 1 file with warnings"),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=import-warnings]')?.textContent.trim()",
        json!("the slug rust-1-0 is used by \"Announcing Rust 1.0\"; this post got rust-1-0-2"),
    )
    .await;
    // The progress line is gone once the report is in.
    app.wait_for_js(
        "document.querySelector('[data-testid=import-progress]') === null",
        json!(true),
    )
    .await;
    let lib = Library::open(&library).unwrap();
    let mut slugs: Vec<String> = lib
        .list(&Default::default())
        .unwrap()
        .into_iter()
        .map(|a| a.slug)
        .collect();
    slugs.sort();
    assert_eq!(slugs, ["rust-1-0", "rust-1-0-2"]);
    app.close().await;
}
