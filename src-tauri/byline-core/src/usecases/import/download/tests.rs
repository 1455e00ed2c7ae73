use std::sync::Mutex;

use super::*;
use crate::domain::article::ArticleField;

/// A fetcher that answers from a table and records every request (the
/// real one, over HTTP, is the app's; `tests/cli/import_web.rs` runs it
/// against a real server).
struct Table {
    answers: Vec<(&'static str, std::result::Result<Fetched, String>)>,
    asked: Mutex<Vec<String>>,
}

impl ImageFetch for Table {
    fn fetch_image(&self, url: &str, _max: usize) -> std::result::Result<Fetched, String> {
        self.asked.lock().unwrap().push(url.to_owned());
        self.answers
            .iter()
            .find(|(u, _)| *u == url)
            .map(|(_, a)| a.clone())
            .unwrap_or_else(|| Err("the site answered 404 Not Found".to_owned()))
    }
}

fn png() -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n".to_vec();
    b.extend_from_slice(&[0; 32]);
    b
}

fn image(bytes: Vec<u8>, kind: &str) -> std::result::Result<Fetched, String> {
    Ok(Fetched {
        content_type: kind.to_owned(),
        bytes,
    })
}

#[test]
fn only_web_addresses_are_requested_and_relative_ones_read_against_the_canonical_url() {
    let body = "![a](https://cdn.example/a.png)\n\n![b](img/b.png)\n\n![c](file:///etc/passwd)\n\n\
                ![d](data:image/png;base64,AAAA)\n\n![e](//cdn.example/e.png)\n\n\
                ![f](assets/0123.png)\n\n<img src=\"ftp://x.example/g.png\">\n";
    let found = remote_images(body, "", "https://news.example/politics/story/");
    let got: Vec<(&str, std::result::Result<&str, ()>)> = found
        .iter()
        .map(|i| (i.written.as_str(), i.fetch.as_deref().map_err(|_| ())))
        .collect();
    assert_eq!(
        got,
        [
            ("https://cdn.example/a.png", Ok("https://cdn.example/a.png")),
            (
                "img/b.png",
                Ok("https://news.example/politics/story/img/b.png")
            ),
            ("file:///etc/passwd", Err(())),
            ("data:image/png;base64,AAAA", Err(())),
            ("//cdn.example/e.png", Ok("https://cdn.example/e.png")),
            ("ftp://x.example/g.png", Err(())),
        ]
    );
    assert_eq!(fetchable(&found), 3);
}

#[test]
fn a_relative_address_without_a_web_canonical_url_is_refused() {
    for base in ["", "file:///home/me/page.html", "javascript:alert(1)"] {
        let found = remote_images("![b](img/b.png)\n", "", base);
        let why = found[0].fetch.as_ref().unwrap_err();
        assert!(why.contains("relative"), "{base}: {why}");
    }
}

#[test]
fn downloads_are_stored_rewritten_and_failures_listed_with_the_address_kept() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("l.byline")).unwrap();
    let body = "Intro.\n\n![Yard](https://cdn.example/yard.png)\n\n\
                ![Map](https://cdn.example/map.png)\n\n![Page](https://cdn.example/page.png)\n\n\
                ![Local](file:///etc/hosts)\n";
    let article = lib.create_article("Ferry", body).unwrap();
    lib.set_field(
        article.id,
        ArticleField::FeaturedImage,
        "https://cdn.example/yard.png",
    )
    .unwrap();
    let fetch = Table {
        answers: vec![
            ("https://cdn.example/yard.png", image(png(), "image/png")),
            (
                "https://cdn.example/map.png",
                image(png(), "text/html; charset=utf-8"),
            ),
            (
                "https://cdn.example/page.png",
                image(b"<html>".to_vec(), "image/png"),
            ),
        ],
        asked: Mutex::new(Vec::new()),
    };
    let (after, report) = lib.download_images(article.id, &fetch).unwrap();

    let asked = fetch.asked.lock().unwrap().clone();
    assert_eq!(
        asked,
        [
            "https://cdn.example/yard.png",
            "https://cdn.example/map.png",
            "https://cdn.example/page.png"
        ],
        "file: is never requested"
    );
    assert_eq!((report.downloaded, report.failed), (1, 3), "{report:#?}");
    let stored = report.images[0].stored.clone().unwrap();
    assert!(stored.starts_with("assets/"), "{stored}");
    assert!(
        after.body.contains(&format!("![Yard]({stored})")),
        "{}",
        after.body
    );
    assert_eq!(after.meta.featured_image, stored);
    // Failures keep their addresses, each with a reason.
    assert!(after.body.contains("![Map](https://cdn.example/map.png)"));
    assert!(after.body.contains("![Page](https://cdn.example/page.png)"));
    assert!(after.body.contains("![Local](file:///etc/hosts)"));
    let why = |url: &str| {
        report
            .images
            .iter()
            .find(|i| i.url == url)
            .and_then(|i| i.error.clone())
            .unwrap()
    };
    assert!(why("https://cdn.example/map.png").contains("text/html"));
    assert!(why("https://cdn.example/page.png").contains("image"));
    assert!(why("file:///etc/hosts").contains("file:"));
    // The state before is in History.
    let history = lib.history(article.id).unwrap();
    assert!(history
        .iter()
        .any(|r| r.label.as_deref() == Some("before downloading images")));
}

#[test]
fn nothing_changes_when_no_image_comes() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(&dir.path().join("l.byline")).unwrap();
    let body = "![Yard](https://cdn.example/yard.png)\n";
    let article = lib.create_article("Ferry", body).unwrap();
    let fetch = Table {
        answers: vec![],
        asked: Mutex::new(Vec::new()),
    };
    let (after, report) = lib.download_images(article.id, &fetch).unwrap();
    assert_eq!((report.downloaded, report.failed), (0, 1));
    assert_eq!(after.body, body);
    assert_eq!(
        report.images[0].error.as_deref(),
        Some("the site answered 404 Not Found")
    );
}

#[test]
fn svg_is_never_taken() {
    let fetched = checked(Fetched {
        content_type: "image/svg+xml".into(),
        bytes: b"<svg/>".to_vec(),
    });
    assert!(fetched.unwrap_err().contains("image/svg+xml"));
}
