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
