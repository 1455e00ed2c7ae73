//! `faq` and `faq-blocks`.

use crate::support::{assert_fails_with, stdout, TestLibrary};

#[test]
fn faq_list_add_edit_move_remove_share_and_convert() {
    let lib = TestLibrary::with(&[("Ferries", "Boats.\n\n## FAQ\n\n### Is it late?\n\nOften.\n")]);
    let run = |args: &[&str]| {
        lib.command()
            .args(["faq", "ferries"])
            .args(args)
            .output()
            .unwrap()
    };
    let out = run(&["list"]);
    assert!(
        stdout(&out).contains("has no FAQ items"),
        "{}",
        stdout(&out)
    );

    assert!(run(&["add", "When does it run?", "Every **hour**."])
        .status
        .success());
    assert!(run(&["add", "Where?", "Pier 4.", "--at", "1"])
        .status
        .success());
    let list = stdout(&run(&["list"]));
    assert!(
        list.starts_with("1. Where?\n   Pier 4.\n2. When does it run?"),
        "{list}"
    );

    assert!(run(&["edit", "1", "--answer", "Pier 5."]).status.success());
    assert!(run(&["move", "1", "2"]).status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&run(&["list", "--json"]))).unwrap();
    assert_eq!(json["items"][0]["question"], "When does it run?");
    assert_eq!(json["items"][1]["answer"], "Pier 5.");
    assert!(json["html"]
        .as_str()
        .unwrap()
        .contains("<strong>hour</strong>"));

    // A duplicate and an empty answer are flagged as warnings.
    assert!(run(&["add", "where", ""]).status.success());
    let list = stdout(&run(&["list"]));
    assert!(list.contains("warning: Question 3 has no answer"), "{list}");
    assert!(
        list.contains("warning: Question 3 repeats question 2"),
        "{list}"
    );
    assert!(run(&["remove", "3"]).status.success());

    // Shared with another article, edited there, seen here.
    assert!(lib.run(&["new", "--title", "Trams"]).status.success());
    let share = stdout(&run(&["share", "1"]));
    assert!(share.contains("shared block #1"), "{share}");
    let blocks = stdout(&lib.run(&["faq-blocks"]));
    assert!(blocks.contains("When does it run?"), "{blocks}");
    assert!(lib
        .run(&["faq", "trams", "use-shared", "1"])
        .status
        .success());
    let edit = lib.run(&["faq", "trams", "edit", "1", "--answer", "Every 30 minutes."]);
    assert!(
        stdout(&edit).contains("used by 2 articles"),
        "{}",
        stdout(&edit)
    );
    assert!(stdout(&run(&["list"])).contains("Every 30 minutes."));
    let deleted = lib.run(&["faq-blocks", "--delete", "1"]);
    assert!(
        stdout(&deleted).contains("the 2 articles that used it keep their copies"),
        "{}",
        stdout(&deleted)
    );
    assert!(stdout(&run(&["list"])).contains("Every 30 minutes."));
    assert_fails_with(
        &lib.run(&["faq-blocks", "--delete", "1"]),
        "shared FAQ block 1 does not exist",
    );

    // The FAQ section in the body becomes items.
    let out = run(&["convert"]);
    assert!(
        stdout(&out).contains("into 1 FAQ items"),
        "{}",
        stdout(&out)
    );
    let show = stdout(&lib.run(&["show", "ferries"]));
    assert!(!show.contains("## FAQ"), "{show}");

    assert_fails_with(&run(&["remove", "9"]), "has no FAQ item 9; it has 3");
    assert_fails_with(
        &run(&["add", "Two\nlines?", "x"]),
        "question must be one line",
    );
    assert_fails_with(&run(&["edit", "1"]), "nothing to change");
    assert_fails_with(&run(&["convert"]), "does not end with a FAQ section");
    assert_fails_with(&run(&["structured-data", "maybe"]), "not on or off");
    assert!(run(&["structured-data", "off"]).status.success());
    let html = stdout(&lib.run(&["export", "ferries", "--format", "html"]));
    assert!(!html.contains("FAQPage") && html.contains("byline-faq"));
}
