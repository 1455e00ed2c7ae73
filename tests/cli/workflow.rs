//! `new`, `status`, `trash` and `restore` from the trash.

use crate::support::{assert_fails_with, stderr, stdout, TestLibrary};

#[test]
fn new_status_trash_and_restore_work_on_the_same_library() {
    let lib = TestLibrary::new();
    let draft = lib.dir().join("draft.md");
    std::fs::write(&draft, "## Lede\n\nThe council met.").unwrap();

    let out = lib.run(&[
        "new",
        "--title",
        "Council meets",
        "--from",
        draft.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();
    assert_eq!(
        id, "council-meets",
        "new prints the slug other commands take"
    );
    let article = lib.open().find(&id).unwrap();
    assert_eq!(
        (article.meta.title.as_str(), article.body.as_str()),
        ("Council meets", "## Lede\n\nThe council met.")
    );

    let out = lib.run(&["status", &id, "in-review"]);
    assert_eq!(stdout(&out).trim(), "“Council meets”: In review");
    assert!(stdout(&lib.run(&["list"])).contains("In review"));

    // A wrong status is refused by name, in one line, and nothing changes.
    assert_fails_with(
        &lib.run(&["status", &id, "live"]),
        "\"live\" is not a status; use draft, in-review, ready or published",
    );
    assert!(stdout(&lib.run(&["list"])).contains("In review"));
    // The article's number works too.
    let number = article.id.0.to_string();
    let out = lib.run(&["status", &number, "in-review"]);
    assert!(out.status.success(), "{}", stderr(&out));

    let out = lib.run(&["trash", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&lib.run(&["list"])).contains("No articles yet"));
    assert!(stdout(&lib.run(&["list", "--trash"])).contains("Council meets"));
    assert_fails_with(
        &lib.run(&["status", &id, "ready"]),
        "in the trash; restore it first",
    );

    assert!(lib.run(&["restore", &id]).status.success());
    let listed = stdout(&lib.run(&["list"]));
    assert!(
        listed.contains("Council meets") && listed.contains("In review"),
        "{listed}"
    );
    assert!(stdout(&lib.run(&["list", "--trash"])).contains("The trash is empty"));

    assert_fails_with(&lib.run(&["trash", "999"]), "does not exist");
    assert_fails_with(
        &lib.run(&["trash", "no-such-piece"]),
        "no article has the slug \"no-such-piece\"",
    );
    let binary = lib.dir().join("photo.md");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    assert_fails_with(
        &lib.run(&["new", "--from", binary.to_str().unwrap()]),
        "binary file",
    );
}
