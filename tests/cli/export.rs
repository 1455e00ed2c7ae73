//! `export --site`: a static site of the articles with one status.

use crate::support::{assert_fails_with, stderr, stdout, TestLibrary};

#[test]
fn export_site_builds_a_static_site_of_one_status() {
    let lib = TestLibrary::with(&[("Published one", "Hello."), ("A draft", "Later.")]);
    assert!(lib
        .run(&["status", "published-one", "published"])
        .status
        .success());
    let site = lib.dir().join("site");
    let out = lib.run(&[
        "export",
        "--status",
        "published",
        "--site",
        site.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Exported 1 articles"),
        "{}",
        stdout(&out)
    );
    assert!(site.join("published-one/index.html").is_file());
    assert!(!site.join("a-draft").exists());
    assert!(site.join("feed.xml").is_file());
    assert_fails_with(
        &lib.run(&["export", "--site", lib.dir().to_str().unwrap()]),
        "files Byline did not write",
    );
    // Published only by default, as in the window; --all takes drafts too.
    let default = lib.dir().join("default");
    let out = lib.run(&["export", "--site", default.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(default.join("published-one/index.html").is_file());
    assert!(!default.join("a-draft").exists(), "no drafts by default");
    let all = lib.dir().join("all");
    let out = lib.run(&["export", "--all", "--site", all.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(all.join("a-draft/index.html").is_file());
    // A file where the folder should be is refused untouched.
    let file = lib.dir().join("site.txt");
    std::fs::write(&file, "mine").unwrap();
    assert_fails_with(
        &lib.run(&["export", "--site", file.to_str().unwrap()]),
        "is a file, not a folder",
    );
    assert_eq!(std::fs::read_to_string(&file).unwrap(), "mine");
    assert_fails_with(
        &lib.run(&[
            "export",
            "--status",
            "gone",
            "--site",
            site.to_str().unwrap(),
        ]),
        "is not a status",
    );
}

#[test]
fn smart_quotes_set_for_the_site_reach_exports_but_not_the_markdown() {
    let lib = TestLibrary::with(&[("Quotes", "\"It's back,\" she said.")]);
    let html = stdout(&lib.run(&["export", "quotes", "--format", "html"]));
    assert!(html.contains("\"It's back,\" she said."), "{html}");

    let mut library = lib.open();
    let site = byline_core::domain::site_settings::SiteSettings {
        smart_quotes: true,
        ..library.site_settings().unwrap()
    };
    library.set_site_settings(&site).unwrap();
    drop(library);

    for format in ["html", "fragment", "json"] {
        let out = lib.run(&["export", "quotes", "--format", format]);
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(
            stdout(&out).contains("“It’s back,” she said."),
            "{format}: {}",
            stdout(&out)
        );
    }
    let md = stdout(&lib.run(&["export", "quotes", "--format", "md-yaml"]));
    assert!(
        md.contains("\"It's back,\" she said.") && !md.contains('“'),
        "{md}"
    );
    let shown = stdout(&lib.run(&["show", "quotes"]));
    assert!(shown.contains("\"It's back,\" she said."), "{shown}");
}
