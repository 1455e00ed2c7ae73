//! `set` and `show`: every metadata field, and what is refused.

use crate::support::{assert_fails_with, stderr, stdout, TestLibrary};

#[test]
fn set_and_show_every_metadata_field() {
    let lib = TestLibrary::with(&[("Ferry returns", "The ferry is back.")]);
    let set = |field: &str, value: &str| {
        let out = lib.run(&["set", "ferry-returns", field, value]);
        assert!(out.status.success(), "set {field}: {}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(
        set("dek", "After two years, the island is linked again").trim(),
        "“Ferry returns”: dek is now After two years, the island is linked again"
    );
    set("authors", "Ana Ruiz, Tom Lee");
    set("tags", "transport, islands");
    set(
        "description",
        "The island ferry returns after two years, with a new timetable.",
    );
    set("canonical", "https://example.com/ferry-returns");
    set("image", "/images/ferry.jpg");
    set("publish-date", "2026-05-01 09:30");
    set("slug", "Ferry Is Back");

    let out = lib.run(&["show", "ferry-is-back"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "“Ferry returns”",
        "After two years, the island is linked again",
        "status        Draft since ",
        "slug          ferry-is-back\n",
        "authors       Ana Ruiz, Tom Lee",
        "tags          transport, islands",
        "description   The island ferry returns after two years, with a new timetable. (63 characters)",
        "canonical     https://example.com/ferry-returns",
        "image         /images/ferry.jpg",
        "publish-date  2026-05-01 09:30",
        "The ferry is back.",
    ] {
        assert!(text.contains(needle), "show lacks {needle:?}:\n{text}");
    }

    let out = lib.run(&["show", "ferry-is-back", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["authors"], serde_json::json!(["Ana Ruiz", "Tom Lee"]));
    assert_eq!(json["tags"], serde_json::json!(["transport", "islands"]));
    assert_eq!(json["slug_is_custom"], true);
    assert_eq!(json["body"], "The ferry is back.");

    // Clearing the slug hands it back to the title.
    let out = lib.run(&["set", "ferry-is-back", "slug", ""]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&lib.run(&["show", "ferry-returns"])).contains("ferry-returns (from the title)"));
}

#[test]
fn bad_metadata_is_refused_in_one_line_and_changes_nothing() {
    let lib = TestLibrary::with(&[("Budget vote", "body"), ("", "")]);
    let before = |slug: &str| lib.open().find(slug).unwrap();
    let budget = before("budget-vote");
    let untitled = before("untitled");
    assert_eq!(untitled.meta.title, "", "an empty title is allowed");
    assert!(stdout(&lib.run(&["list"])).contains("Untitled"));

    let long = "t".repeat(5000);
    assert_fails_with(
        &lib.run(&["set", "budget-vote", "title", &long]),
        "title is 5000 characters long; the limit is 300",
    );
    assert_fails_with(
        &lib.run(&["new", "--title", &long]),
        "title is 5000 characters long",
    );
    assert_fails_with(
        &lib.run(&["set", "untitled", "slug", "Budget Vote"]),
        "the slug \"budget-vote\" is already used by \"Budget vote\"",
    );
    assert_fails_with(
        &lib.run(&["set", "budget-vote", "colour", "red"]),
        "\"colour\" is not a field; use one of title, dek, slug",
    );
    assert_fails_with(
        &lib.run(&["set", "budget-vote", "canonical", "javascript:alert(1)"]),
        "is not a web address",
    );
    assert_fails_with(
        &lib.run(&["set", "budget-vote", "publish-date", "soon"]),
        "is not a date",
    );
    assert_fails_with(
        &lib.run(&["status", "budget-vote", "archived"]),
        "is not a status",
    );

    assert_eq!(before("budget-vote"), budget, "nothing changed");
    assert_eq!(before("untitled"), untitled, "nothing changed");
    assert_eq!(lib.open().list_articles().unwrap().len(), 2);
}

#[test]
fn a_word_target_is_set_shown_and_cleared() {
    let lib = TestLibrary::with(&[("Ferry returns", "The ferry is back.")]);
    let out = lib.run(&["set", "ferry-returns", "word_target", "800"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).trim(),
        "“Ferry returns”: word_target is now 800 words"
    );
    let text = stdout(&lib.run(&["show", "ferry-returns"]));
    assert!(text.contains("word_target   800 words"), "{text}");
    let out = lib.run(&["show", "ferry-returns", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["word_target"], 800);

    for bad in ["0", "lots", "2.5", "1000001"] {
        assert_fails_with(
            &lib.run(&["set", "ferry-returns", "word_target", bad]),
            "whole number from 1 to 1000000",
        );
    }
    assert_eq!(
        lib.open().find("ferry-returns").unwrap().meta.word_target,
        Some(800)
    );

    let out = lib.run(&["set", "ferry-returns", "word_target", ""]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(
        lib.open().find("ferry-returns").unwrap().meta.word_target,
        None
    );
    let out = lib.run(&["show", "ferry-returns", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(json.get("word_target").is_none(), "{json}");
}
