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

#[test]
fn exporting_again_keeps_what_the_writer_added_to_the_folder() {
    let (d, mut lib) = library();
    let first = publish(&mut lib, "First", "One.");
    publish(&mut lib, "Second", "Two.");
    let dir = d.path().join("site");
    lib.export_site(&dir, None).unwrap();
    // The writer makes the folder a GitHub Pages checkout.
    std::fs::create_dir_all(dir.join(".git/objects")).unwrap();
    std::fs::write(dir.join(".git/HEAD"), "ref: refs/heads/main\n").unwrap();
    std::fs::write(dir.join("CNAME"), "ferry.example\n").unwrap();
    std::fs::write(dir.join("first/notes.txt"), "mine").unwrap();
    lib.trash(first.id).unwrap();

    let report = lib.export_site(&dir, None).unwrap();
    assert_eq!(report.articles, 1);
    assert_eq!(
        std::fs::read_to_string(dir.join(".git/HEAD")).unwrap(),
        "ref: refs/heads/main\n"
    );
    assert!(dir.join(".git/objects").is_dir());
    assert_eq!(
        std::fs::read_to_string(dir.join("CNAME")).unwrap(),
        "ferry.example\n"
    );
    // The trashed article's page goes; the writer's file beside it stays.
    assert!(!dir.join("first/index.html").exists());
    assert_eq!(
        std::fs::read_to_string(dir.join("first/notes.txt")).unwrap(),
        "mine"
    );
    assert!(dir.join("second/index.html").is_file());
    let manifest = std::fs::read_to_string(dir.join(SITE_MARKER)).unwrap();
    assert!(manifest.contains("\nsecond/index.html\n"), "{manifest}");
    assert!(!manifest.contains("first/"), "{manifest}");
    assert!(!manifest.contains("CNAME"), "{manifest}");
}

#[test]
fn a_site_exported_before_manifests_keeps_the_writer_s_files() {
    let (d, mut lib) = library();
    publish(&mut lib, "First", "One.");
    let dir = d.path().join("site");
    std::fs::create_dir_all(dir.join("old")).unwrap();
    std::fs::write(
        dir.join(SITE_MARKER),
        "Exported by Byline; exporting again replaces this folder.\n",
    )
    .unwrap();
    std::fs::write(dir.join("index.html"), "old index").unwrap();
    std::fs::write(dir.join("CNAME"), "ferry.example\n").unwrap();
    lib.export_site(&dir, None).unwrap();
    assert!(std::fs::read_to_string(dir.join("index.html"))
        .unwrap()
        .contains("First"));
    assert!(dir.join("CNAME").is_file());
    assert!(dir.join("old").is_dir());
}

#[test]
fn a_file_at_the_destination_is_refused_untouched() {
    let (d, mut lib) = library();
    publish(&mut lib, "First", "One.");
    let file = d.path().join("site");
    std::fs::write(&file, "not a folder").unwrap();
    let before: Vec<_> = std::fs::read_dir(d.path()).unwrap().collect();
    let err = lib.export_site(&file, None).unwrap_err();
    assert!(err.to_string().contains("is a file, not a folder"), "{err}");
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "not a folder");
    let after: Vec<_> = std::fs::read_dir(d.path()).unwrap().collect();
    assert_eq!(before.len(), after.len(), "nothing renamed aside or left");
}

#[test]
fn a_writer_s_file_where_a_page_goes_is_refused_and_nothing_changes() {
    let (d, mut lib) = library();
    publish(&mut lib, "First", "One.");
    let dir = d.path().join("site");
    lib.export_site(&dir, None).unwrap();
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    // A hand-written page where the next article's page would go.
    std::fs::create_dir(dir.join("about")).unwrap();
    std::fs::write(dir.join("about/index.html"), "my about page").unwrap();
    publish(&mut lib, "About", "Us.");
    let err = lib.export_site(&dir, None).unwrap_err();
    assert!(err.to_string().contains("about"), "{err}");
    assert_eq!(
        std::fs::read_to_string(dir.join("about/index.html")).unwrap(),
        "my about page"
    );
    assert_eq!(
        std::fs::read_to_string(dir.join("index.html")).unwrap(),
        index,
        "nothing rewritten"
    );
}

#[cfg(unix)]
#[test]
fn exported_files_are_readable_by_a_web_server() {
    use std::os::unix::fs::PermissionsExt;
    let (d, mut lib) = library();
    let image = lib.store_image("harbour.png", PNG).unwrap();
    publish(&mut lib, "First", &format!("One.\n\n{}\n", image.markdown));
    let dir = d.path().join("site");
    lib.export_site(&dir, None).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&dir), 0o755);
    assert_eq!(mode(&dir.join("first")), 0o755);
    assert_eq!(mode(&dir.join("index.html")), 0o644);
    assert_eq!(mode(&dir.join("first/index.html")), 0o644);
    assert_eq!(mode(&dir.join(&image.path)), 0o644);
    assert_eq!(mode(&dir.join("feed.xml")), 0o644);
}
