//! `site`: the site settings, shown and set one at a time by the rules the
//! Settings panel uses.

use crate::support::{assert_fails_with, stderr, stdout, TestLibrary};

#[test]
fn site_settings_are_shown_and_set_one_at_a_time() {
    let lib = TestLibrary::new();
    let out = lib.run(&["site"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let shown = stdout(&out);
    assert!(shown.contains("language: en\n"), "{shown}");
    assert!(shown.contains("load_remote_images: off\n"), "{shown}");

    for (setting, value, now) in [
        ("name", "The Harbour Times", "The Harbour Times"),
        (
            "base_url",
            "https://harbour.example",
            "https://harbour.example/",
        ),
        ("load_remote_images", "on", "on"),
        ("smart_quotes", "yes", "on"),
    ] {
        let out = lib.run(&["site", "set", setting, value]);
        assert!(out.status.success(), "{setting}: {}", stderr(&out));
        assert_eq!(stdout(&out).trim(), format!("{setting} is now {now}"));
    }
    let site = lib.open().site_settings().unwrap();
    assert_eq!(site.name, "The Harbour Times");
    assert_eq!(site.base_url, "https://harbour.example/");
    assert!(site.load_remote_images && site.smart_quotes);

    let json: serde_json::Value =
        serde_json::from_str(&stdout(&lib.run(&["site", "--json"]))).unwrap();
    assert_eq!(json["name"], "The Harbour Times");
}

#[test]
fn a_refused_setting_changes_nothing_and_says_why_in_one_line() {
    let lib = TestLibrary::new();
    assert_fails_with(
        &lib.run(&["site", "set", "colour", "blue"]),
        "not a site setting",
    );
    assert_fails_with(
        &lib.run(&["site", "set", "spellcheck", "maybe"]),
        "use on or off",
    );
    assert_fails_with(
        &lib.run(&["site", "set", "language", "not a tag"]),
        "language",
    );
    assert_eq!(lib.open().site_settings().unwrap().language, "en");
}
