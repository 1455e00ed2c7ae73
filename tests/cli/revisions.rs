//! `history`, `diff`, `snapshot`, `restore` to a revision, `correct` and
//! `corrections`.

use crate::support::{assert_fails_with, stderr, stdout, TestLibrary};

#[test]
fn history_diff_snapshot_and_restore_a_revision() {
    let lib = TestLibrary::new();
    let id = {
        let mut library = lib.open();
        let id = library
            .create_article("Ferry", "The ferry leaves at noon.")
            .unwrap()
            .id;
        library.snapshot(id, "first").unwrap();
        library.save_body(id, "The ferry leaves at one.").unwrap();
        id
    };
    let out = lib.run(&["snapshot", "ferry", "--label", "second"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "Kept revision 2.");

    let out = lib.run(&["history", "ferry"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].trim_start().starts_with("2 ") && lines[0].contains("second"),
        "{text}"
    );
    assert!(
        lines[1].contains("Snapshot") && lines[1].contains("first"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&lib.run(&["history", "ferry", "--json"]).stdout).unwrap();
    assert_eq!(json[1]["kind"], "snapshot");

    let out = lib.run(&["diff", "ferry", "1", "2"]);
    assert!(
        stdout(&out).contains("The ferry leaves at [-noon-]{+one+}."),
        "{}",
        stdout(&out)
    );

    let out = lib.run(&["restore", "ferry", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let library = lib.open();
    assert_eq!(
        library.article(id).unwrap().body,
        "The ferry leaves at noon."
    );
    assert_eq!(library.history(id).unwrap().len(), 3);
    drop(library);

    assert_fails_with(&lib.run(&["restore", "ferry", "9"]), "has no revision 9");
    assert_fails_with(
        &lib.run(&["diff", "ferry", "1", "later"]),
        "not a revision number",
    );
}

#[test]
fn correct_adds_a_note_to_a_published_article_only() {
    let lib = TestLibrary::with(&[("Ferry", "Leaves at noon.")]);
    assert_fails_with(
        &lib.run(&["correct", "ferry", "Fixed the time."]),
        "can only be added to a published article",
    );
    assert!(lib.run(&["status", "ferry", "published"]).status.success());
    let out = lib.run(&["correct", "ferry", "Fixed the time."]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("lists 1 under \"Updates\""),
        "{}",
        stdout(&out)
    );
    assert_fails_with(&lib.run(&["correct", "ferry", "  "]), "is empty");
}

#[test]
fn corrections_list_and_edit_keeps_the_time_and_dates_the_edit() {
    let lib = TestLibrary::with(&[("Ferry", "Leaves at noon.")]);
    let out = lib.run(&["corrections", "ferry"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("has no corrections"),
        "{}",
        stdout(&out)
    );

    assert!(lib.run(&["status", "ferry", "published"]).status.success());
    assert!(lib
        .run(&["correct", "ferry", "Fixed the tme."])
        .status
        .success());
    let listed = stdout(&lib.run(&["corrections", "ferry", "list"]));
    assert!(
        listed.contains("  1  ") && listed.contains("Fixed the tme."),
        "{listed}"
    );
    assert!(!listed.contains("edited"), "{listed}");

    let out = lib.run(&["corrections", "ferry", "edit", "1", "Fixed the time."]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Edited correction 1"),
        "{}",
        stdout(&out)
    );
    let listed = stdout(&lib.run(&["corrections", "ferry"]));
    assert!(
        listed.contains("Fixed the time.") && listed.contains("(edited "),
        "{listed}"
    );
    // The export's Updates say it too, the original time first.
    let html = stdout(&lib.run(&["export", "ferry", "--format", "html"]));
    assert!(
        html.contains("Fixed the time. <small>(edited <time"),
        "{html}"
    );

    let out = lib.run(&["corrections", "ferry", "edit", "1", "Fixed the time."]);
    assert!(stdout(&out).contains("nothing changed"), "{}", stdout(&out));
    assert_fails_with(
        &lib.run(&["corrections", "ferry", "edit", "2", "No such."]),
        "has no correction 2",
    );
    assert_fails_with(
        &lib.run(&["corrections", "ferry", "edit", "1", "  "]),
        "is empty",
    );
    let lib_file = lib.open();
    let id = lib_file.list_articles().unwrap()[0].id;
    assert_eq!(lib_file.corrections(id).unwrap()[0].note, "Fixed the time.");
}
