use std::path::PathBuf;

use super::*;
use crate::domain::article::ArticleField;
use crate::transform::render::{Images, RemoteImages};
use crate::usecases::import::ImportOptions;

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("lib.byline")).unwrap();
    (dir, lib)
}

/// The saved page fixture imported: headline, description, two authors,
/// a date and a featured image on another site.
fn imported_page(lib: &mut Library) -> ArticleId {
    let page = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/web/ferry-minister.html");
    let report = lib.import_paths(&[page], ImportOptions::default()).unwrap();
    report.files[0].article.expect("imported")
}

#[test]
fn the_preview_header_is_the_exported_pages_header() {
    let (_dir, mut lib) = library();
    let id = imported_page(&mut lib);
    lib.set_field(id, ArticleField::Dek, "Ellery goes after the audit")
        .unwrap();
    let page = lib.render_export(id, Format::Html).unwrap().content;
    let header = lib.page_header(id, None, Images::AsPublished).unwrap();
    assert!(
        page.contains(&format!("<article class=\"byline-article\">\n{header}")),
        "{header}\nnot at the top of\n{page}"
    );
    for part in [
        "<h1>Minister Quits Over Ferry Contract 🚨</h1>",
        "<p class=\"byline-dek\">Ellery goes after the audit</p>",
        "By Ruth Calder, Ian Moffat · <time datetime=\"2026-11-24T09:30:00Z\">24 November 2026</time>",
        "<img src=\"https://cdn.harbourtimes.example/2026/11/ferry-yard.jpg\" alt=\"\">",
    ] {
        assert!(header.contains(part), "{part} not in {header}");
    }
}

#[test]
fn the_window_header_differs_only_in_how_it_reads_the_image() {
    let (_dir, mut lib) = library();
    let id = imported_page(&mut lib);
    let published = lib.page_header(id, None, Images::AsPublished).unwrap();
    let window = lib
        .page_header(
            id,
            None,
            Images::InWindow {
                assets: "byline-asset://localhost/",
                remote: RemoteImages::Block,
            },
        )
        .unwrap();
    assert_ne!(published, window);
    let src = |html: &str| {
        let at = html.find("<img src=\"").unwrap() + 10;
        html[at..at + html[at..].find('"').unwrap()].to_owned()
    };
    assert!(
        src(&window).starts_with("byline-remote://localhost/blocked/https"),
        "{window}"
    );
    assert_eq!(
        published.replace(&src(&published), ""),
        window.replace(&src(&window), "")
    );

    // A library image goes through the window's asset protocol.
    lib.set_field(id, ArticleField::FeaturedImage, "assets/cover.png")
        .unwrap();
    let window = lib
        .page_header(
            id,
            None,
            Images::InWindow {
                assets: "byline-asset://localhost/",
                remote: RemoteImages::Block,
            },
        )
        .unwrap();
    assert_eq!(src(&window), "byline-asset://localhost/cover.png");
}

#[test]
fn the_header_follows_the_title_as_typed() {
    let (_dir, mut lib) = library();
    let id = imported_page(&mut lib);
    let header = lib
        .page_header(id, Some("Minister <Quits>"), Images::AsPublished)
        .unwrap();
    assert!(
        header.starts_with("<header>\n<h1>Minister &lt;Quits&gt;</h1>\n"),
        "{header}"
    );
    let header = lib
        .page_header(id, Some("  "), Images::AsPublished)
        .unwrap();
    assert!(
        header.starts_with("<header>\n<h1>Untitled</h1>\n"),
        "{header}"
    );
}
