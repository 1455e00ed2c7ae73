use quick_xml::events::Event;

use super::*;
use crate::domain::article::ArticleField;
use crate::domain::faq::QuestionAnswer;

const PNG: &[u8] = include_bytes!("../../../../../assets/welcome-image.png");

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("lib.byline")).unwrap();
    (dir, lib)
}

fn publish(lib: &mut Library, title: &str, body: &str) -> Article {
    let id = lib.create_article(title, body).unwrap().id;
    lib.set_field(id, ArticleField::PublishAt, "2026-05-01T09:30:00Z")
        .unwrap();
    lib.set_status(id, Status::Published).unwrap()
}

/// Element names in document order, and the text of every `<id>`.
fn atom(xml: &str) -> (Vec<String>, Vec<String>) {
    let mut reader = quick_xml::Reader::from_str(xml);
    let (mut names, mut ids) = (Vec::new(), Vec::new());
    let mut in_id = false;
    loop {
        match reader.read_event().expect("the feed is well-formed XML") {
            Event::Start(e) | Event::Empty(e) => {
                let name = AsRef::<str>::as_ref(&e.name()).to_owned();
                in_id = name == "id";
                names.push(name);
            }
            Event::Text(t) if in_id => ids.push(t.xml10_content().into_owned()),
            Event::End(_) => in_id = false,
            Event::Eof => break,
            _ => {}
        }
    }
    (names, ids)
}

#[test]
fn a_site_has_an_index_pages_images_and_a_valid_feed() {
    let (_d, mut lib) = library();
    let image = lib.store_image("harbour.png", PNG).unwrap();
    let ferry = publish(
        &mut lib,
        "Ferry fares",
        &format!("Fares rise.\n\n{}\n", image.markdown),
    );
    lib.set_faq(ferry.id, &[QuestionAnswer::new("When?", "In **June**.")])
        .unwrap();
    publish(&mut lib, "Tram <line> & more", "Trams.");
    lib.create_article("Draft only", "Not yet.").unwrap();
    let mut site = lib.site_settings().unwrap();
    site.name = "The Ferry Times".into();
    site.base_url = "https://ferry.example/".into();
    lib.set_site_settings(&site).unwrap();

    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("public");
    let report = lib.export_site(&dir, Some(Status::Published)).unwrap();
    assert_eq!((report.articles, report.assets), (2, 1));

    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(index.contains("href=\"ferry-fares/\""));
    assert!(index.contains("Tram &lt;line&gt; &amp; more"));
    assert!(!index.contains("Draft only"), "only published articles");
    let page = std::fs::read_to_string(dir.join("ferry-fares/index.html")).unwrap();
    assert!(
        page.contains(&format!("src=\"../{}\"", image.path)),
        "images one folder up"
    );
    assert!(page.contains("FAQPage"));
    assert!(dir.join(&image.path).is_file());
    assert_eq!(std::fs::read(dir.join(&image.path)).unwrap(), PNG);

    let feed = std::fs::read_to_string(dir.join("feed.xml")).unwrap();
    let (names, ids) = atom(&feed);
    assert_eq!(names[0], "feed");
    assert_eq!(names.iter().filter(|n| *n == "entry").count(), 2);
    // RFC 4287: the feed and each entry have an id, a title and updated.
    for required in ["id", "title", "updated"] {
        assert_eq!(
            names.iter().filter(|n| *n == required).count(),
            3,
            "{required}"
        );
    }
    assert!(
        ids.iter()
            .all(|id| id.starts_with("https://ferry.example/")),
        "{ids:?}"
    );
    assert!(feed.contains("<link rel=\"alternate\" href=\"https://ferry.example/ferry-fares/\"/>"));
    assert!(
        feed.contains("&lt;strong&gt;June&lt;/strong&gt;"),
        "content is escaped HTML"
    );
}

#[test]
fn exporting_again_replaces_the_site_whole() {
    let (_d, mut lib) = library();
    let a = publish(&mut lib, "First", "One.");
    publish(&mut lib, "Second", "Two.");
    let out = tempfile::tempdir().unwrap();
    let dir = out.path().join("site");
    lib.export_site(&dir, None).unwrap();
    assert!(dir.join("first/index.html").is_file());
    lib.trash(a.id).unwrap();
    let report = lib.export_site(&dir, None).unwrap();
    assert_eq!(report.articles, 1);
    assert!(!dir.join("first").exists(), "gone with its article");
    assert!(dir.join("second/index.html").is_file());
    // Nothing left behind beside it.
    let siblings: Vec<_> = std::fs::read_dir(out.path()).unwrap().collect();
    assert_eq!(siblings.len(), 1);
}

#[test]
fn a_folder_byline_did_not_write_is_never_replaced() {
    let (_d, mut lib) = library();
    publish(&mut lib, "First", "One.");
    let out = tempfile::tempdir().unwrap();
    std::fs::write(out.path().join("notes.txt"), "mine").unwrap();
    let err = lib.export_site(out.path(), None).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains("files Byline did not write"));
    assert_eq!(
        std::fs::read_to_string(out.path().join("notes.txt")).unwrap(),
        "mine"
    );
    // An empty folder is fine.
    let empty = out.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    lib.export_site(&empty, None).unwrap();
    assert!(empty.join("index.html").is_file());
}

#[test]
fn without_a_site_address_the_feed_uses_urns() {
    let (_d, mut lib) = library();
    publish(&mut lib, "First", "One.");
    let out = tempfile::tempdir().unwrap();
    lib.export_site(&out.path().join("s"), None).unwrap();
    let feed = std::fs::read_to_string(out.path().join("s/feed.xml")).unwrap();
    let (_, ids) = atom(&feed);
    assert!(
        ids.iter().all(|id| id.starts_with("urn:byline:")),
        "{ids:?}"
    );
    assert!(
        !feed.contains("href=\"first"),
        "no relative links in a feed"
    );
}
