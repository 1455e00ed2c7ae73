//! Articles from the published web, in the real window: a plain-text copy
//! imported through the Import dialog comes back with its structure, the
//! report lists what became what and offers the dropped site chrome as the
//! site's boilerplate; the preview opens with the page's header as the
//! HTML export writes it, following the title as it is typed.
//!
//! The dialog is answered by `BYLINE_DIALOG_ANSWER`. Run by `make test`
//! with `--ignored`, like tests/e2e.rs.

mod support;

use std::path::PathBuf;

use byline_core::Library;
use serde_json::json;
use support::App;

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/web")
        .join(name)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_plain_text_import_is_reviewed_and_its_chrome_becomes_boilerplate() {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    drop(Library::open(&library).unwrap());
    let txt = fixture("ferry-minister.txt");
    let app =
        App::launch_with_env(&library, &[("BYLINE_DIALOG_ANSWER", txt.to_str().unwrap())]).await;

    app.click("[data-testid=import-open]").await;
    app.wait_for_css("[data-testid=import-structure]").await;
    let kinds = app
        .js(
            "[...document.querySelectorAll('[data-testid=import-structure] li')]\
             .map((li) => li.dataset.kind)",
        )
        .await;
    for kind in [
        "title",
        "repeated_headline",
        "heading",
        "callout",
        "faq_item",
        "link",
        "comment_count",
        "share_prompt",
        "related",
    ] {
        assert!(
            kinds.as_array().unwrap().contains(&json!(kind)),
            "{kind} not in the review: {kinds}"
        );
    }
    // The article opened with its title and the header the export writes.
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Minister Quits Over Ferry Contract 🚨"),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-header] h1')?.textContent",
        json!("Minister Quits Over Ferry Contract 🚨"),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=preview] h2')?.textContent.trim()",
        json!("What Happens Next"),
    )
    .await;

    // One click takes the dropped prompts as the site's boilerplate.
    app.click("[data-testid=use-boilerplate]").await;
    app.wait_for_css("[data-testid=boilerplate-taken]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-boilerplate] .byline-share')?.textContent.trim()",
        json!("Share this article to raise awareness and join the conversation below."),
    )
    .await;

    // One click undoes a change: the heading is a paragraph again.
    app.js(
        "document.querySelector('[data-testid=import-structure] li[data-kind=heading] \
         [data-testid=structure-undo]').click()",
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=import-structure] li[data-kind=heading] \
         [data-testid=structure-undone]') !== null",
        json!(true),
    )
    .await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=preview] h2')]\
         .some((h) => h.textContent.includes('What Happens Next'))",
        json!(false),
    )
    .await;
    app.wait_saved().await;

    // The header follows the title as it is typed.
    app.click("[data-testid=title-input]").await;
    app.wait_for_css("[data-testid=title-input]")
        .await
        // End, then the words: the click may land anywhere in the title.
        .send_keys("\u{E010} now")
        .await
        .unwrap();
    app.wait_for_js(
        "document.querySelector('[data-testid=preview-header] h1')?.textContent",
        json!("Minister Quits Over Ferry Contract 🚨 now"),
    )
    .await;
    app.close().await;

    let lib = Library::open(&library).unwrap();
    let article = &lib.list_articles().unwrap()[0];
    let body = lib.article(article.id).unwrap().body;
    assert!(body.contains("\n\nWhat Happens Next\n\n"), "{body}");
    let site = lib.site_settings().unwrap();
    assert_eq!(
        site.newsletter,
        "Discover more from The Harbour Times\n\nSubscribe to get the latest posts sent to your email."
    );
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_pasted_article_is_offered_its_structure_and_takes_it_on_one_click() {
    let (_dir, library, app) = App::launch_fresh().await;
    app.new_article().await;
    let text = std::fs::read_to_string(fixture("ferry-minister.txt")).unwrap();
    // A paste as the clipboard delivers it: plain text only.
    app.click(".cm-content").await;
    app.client
        .execute(
            "const dt = new DataTransfer(); dt.setData('text/plain', arguments[0]);\
             document.querySelector('.cm-content').dispatchEvent(\
             new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));",
            vec![json!(text)],
        )
        .await
        .unwrap();
    // Pasted as it is, with an offer.
    app.wait_for_css("[data-testid=paste-offer]").await;
    assert!(app.editor_text().await.contains("12 comments"));
    let message = app.text_of("[data-testid=paste-offer-message]").await;
    assert!(
        message.contains("1 heading") && message.contains("2 FAQ items"),
        "{message}"
    );

    app.click("[data-testid=paste-structure]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Minister Quits Over Ferry Contract 🚨"),
    )
    .await;
    app.wait_for_js(
        "[...document.querySelectorAll('[data-testid=preview] article h2')]\
         .filter((h) => /What Happens Next|Frequently Asked Questions/.test(h.textContent)).length",
        json!(2),
    )
    .await;
    // The FAQ section gets the usual offer to become FAQ items.
    app.wait_for_css("[data-testid=faq-detected]").await;
    // And the review says what became what, each with its Undo.
    app.wait_for_css("[data-testid=import-structure]").await;
    let review = app.text_of("[data-testid=import-structure]").await;
    assert!(
        review.contains("What Happens Next") && review.contains("12 comments"),
        "{review}"
    );
    assert!(
        app.js("document.querySelectorAll('[data-testid=structure-undo]').length")
            .await
            .as_u64()
            .unwrap_or(0)
            >= 3
    );
    app.wait_saved().await;
    app.close().await;
    let lib = Library::open(&library).unwrap();
    let article = &lib.list_articles().unwrap()[0];
    let body = lib.article(article.id).unwrap().body;
    assert!(!body.contains("12 comments"), "{body}");
    assert!(
        body.contains("> [!TIP]\n> Check the tender documents"),
        "{body}"
    );
}

/// Pastes `html` (with `plain` as its text) into the editor, as a browser's
/// copy of a page reaches the clipboard.
async fn paste_html(app: &App, html: &str, plain: &str) {
    app.click(".cm-content").await;
    app.client
        .execute(
            "const dt = new DataTransfer(); dt.setData('text/html', arguments[0]);\
             dt.setData('text/plain', arguments[1]);\
             document.querySelector('.cm-content').dispatchEvent(\
             new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));",
            vec![json!(html), json!(plain)],
        )
        .await
        .unwrap();
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn a_pasted_web_page_is_offered_its_article_and_reviewed_with_undo() {
    let (_dir, library, app) = App::launch_fresh().await;
    app.new_article().await;
    let html = std::fs::read_to_string(fixture("ferry-minister.html")).unwrap();
    paste_html(&app, &html, "Minister Quits Over Ferry Contract").await;
    // Pasted as rich text, as today, with an offer.
    app.wait_for_css("[data-testid=paste-offer]").await;
    assert!(app.editor_text().await.contains("Share this article"));
    let message = app.text_of("[data-testid=paste-offer-message]").await;
    assert!(message.contains("whole web page"), "{message}");

    app.click("[data-testid=paste-structure]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Minister Quits Over Ferry Contract 🚨"),
    )
    .await;
    // The review shows what became what, with an Undo.
    app.wait_for_css("[data-testid=import-structure]").await;
    let kinds = app
        .js(
            "[...document.querySelectorAll('[data-testid=import-structure] li')]\
             .map((li) => li.dataset.kind)",
        )
        .await;
    // (Readability leaves the share box out before the chrome rules see it.)
    for kind in ["callout", "faq_item"] {
        assert!(
            kinds.as_array().unwrap().contains(&json!(kind)),
            "{kind} not in the review: {kinds}"
        );
    }
    assert!(!app.editor_text().await.contains("Share this article"));
    app.js(
        "document.querySelector('[data-testid=import-structure] li[data-kind=callout] \
         [data-testid=structure-undo]').click()",
    )
    .await;
    app.wait_for_css(
        "[data-testid=import-structure] li[data-kind=callout] [data-testid=structure-undone]",
    )
    .await;
    app.wait_for_js(
        "document.querySelector('.cm-content').textContent.includes('Pro Tip: Check the tender')",
        json!(true),
    )
    .await;
    app.wait_saved().await;
    app.close().await;

    let lib = Library::open(&library).unwrap();
    let article = lib.article(lib.list_articles().unwrap()[0].id).unwrap();
    assert_eq!(
        article.meta.canonical_url,
        "https://www.harbourtimes.example/politics/minister-quits-ferry-contract/"
    );
    assert!(
        !article.body.contains("Share this article"),
        "{}",
        article.body
    );
    assert!(!article.body.contains("> [!TIP]"), "{}", article.body);
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn an_ordinary_rich_paste_is_not_offered_a_page_structure() {
    let (_dir, _library, app) = App::launch_fresh().await;
    app.new_article().await;
    paste_html(
        &app,
        "<meta charset='utf-8'><h2>Fares</h2><p>Fares rise by a <b>tenth</b> in May.</p>",
        "Fares\n\nFares rise by a tenth in May.",
    )
    .await;
    app.wait_for_js(
        "document.querySelector('.cm-content').textContent.includes('**tenth**')",
        json!(true),
    )
    .await;
    app.wait_saved().await;
    assert_eq!(
        app.js("document.querySelector('[data-testid=paste-offer]') === null")
            .await,
        json!(true)
    );
    app.close().await;
}

/// A one-image site on this machine, counting the requests it gets.
fn image_site() -> (u16, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let count = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let seen = std::sync::Arc::clone(&count);
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            seen.fetch_add(1, std::sync::atomic::Ordering::SeqCst);
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let jpeg: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xd9";
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: image/jpeg\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                jpeg.len()
            );
            let _ = stream.write_all(jpeg);
        }
    });
    (port, count)
}

#[tokio::test(flavor = "multi_thread")]
#[ignore = "needs a display and tauri-driver; run by `make test`"]
async fn the_import_review_downloads_a_pages_images_only_on_a_click() {
    let (port, requests) = image_site();
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("library.byline");
    drop(Library::open(&library).unwrap());
    let page = dir.path().join("ferry.html");
    let html = std::fs::read_to_string(fixture("ferry-minister.html"))
        .unwrap()
        .replace(
            "https://cdn.harbourtimes.example",
            &format!("http://127.0.0.1:{port}"),
        );
    std::fs::write(&page, html).unwrap();
    let app = App::launch_with_env(
        &library,
        &[("BYLINE_DIALOG_ANSWER", page.to_str().unwrap())],
    )
    .await;

    app.click("[data-testid=import-open]").await;
    app.wait_for_js(
        "document.querySelector('[data-testid=download-images]')?.textContent.trim()",
        json!("Download 1 image"),
    )
    .await;
    app.wait_for_js(
        "document.querySelector('[data-testid=title-input]')?.value",
        json!("Minister Quits Over Ferry Contract 🚨"),
    )
    .await;
    assert_eq!(
        requests.load(std::sync::atomic::Ordering::SeqCst),
        0,
        "nothing is fetched before the click"
    );
    app.click("[data-testid=download-images]").await;
    app.wait_for_css("[data-testid=download-summary]").await;
    assert_eq!(
        app.text_of("[data-testid=download-summary]").await,
        "1 image downloaded"
    );
    // The list names the library's copy.
    app.wait_for_js(
        "document.querySelector('[data-testid=download-results] li')?.dataset.ok",
        json!("true"),
    )
    .await;
    app.wait_saved().await;
    app.close().await;
    let lib = Library::open(&library).unwrap();
    let article = lib.article(lib.list_articles().unwrap()[0].id).unwrap();
    assert!(
        article.meta.featured_image.starts_with("assets/"),
        "{}",
        article.meta.featured_image
    );
    assert!(!article.body.contains("127.0.0.1"), "{}", article.body);
}
