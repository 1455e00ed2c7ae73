//! `list` and `search`.

use crate::support::{assert_fails_with, byline, stderr, stdout, TestLibrary};

#[test]
fn list_prints_articles_newest_first() {
    let lib = TestLibrary::seeded();
    let out = lib.run(&["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].ends_with("Newest piece") && lines[0].contains("2 words"),
        "{text}"
    );
    assert!(
        lines[1].ends_with("Older piece") && lines[1].contains("3 words"),
        "{text}"
    );
}

#[test]
fn list_json_is_machine_readable() {
    let lib = TestLibrary::seeded();
    // The global option also works after the command.
    let out = byline(&["list", "--json", "--library", lib.arg()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Newest piece", "Older piece"]);
    assert!(
        json[0]["updated_at"].as_str().unwrap().ends_with('Z'),
        "times are UTC: {json}"
    );
}

#[test]
fn list_filters_by_status_and_tag_and_sorts() {
    let lib = TestLibrary::with(&[
        ("Zebra crossing", ""),
        ("Apple harvest", ""),
        ("Market day", ""),
    ]);
    let run = |args: &[&str]| {
        let out = lib.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    run(&["status", "zebra-crossing", "ready"]);
    run(&["set", "zebra-crossing", "tags", "city"]);
    run(&["set", "market-day", "tags", "City, food"]);

    let ready = run(&["list", "--status", "ready"]);
    assert_eq!(ready.lines().count(), 1, "{ready}");
    assert!(
        ready.starts_with("zebra-crossing") && ready.contains("Ready") && ready.contains("#city"),
        "{ready}"
    );

    let city = run(&["list", "--tag", "city", "--sort", "title"]);
    let titles: Vec<&str> = city
        .lines()
        .map(|l| l.split("  #").next().unwrap())
        .collect();
    assert!(
        titles[0].ends_with("Market day") && titles[1].ends_with("Zebra crossing"),
        "{city}"
    );
    assert_eq!(titles.len(), 2);

    let json: serde_json::Value =
        serde_json::from_str(&run(&["list", "--json", "--sort", "title"])).unwrap();
    let slugs: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["apple-harvest", "market-day", "zebra-crossing"]);

    assert!(run(&["list", "--status", "published"]).contains("No articles match these filters"));
    assert_fails_with(
        &lib.run(&["list", "--status", "gone"]),
        "\"gone\" is not a status",
    );
    assert_fails_with(
        &lib.run(&["list", "--sort", "size"]),
        "\"size\" is not a sort order",
    );
}

#[test]
fn list_prints_one_page_with_limit_and_offset() {
    let lib = TestLibrary::with(&[
        ("Zebra crossing", ""),
        ("Apple harvest", ""),
        ("Market day", ""),
        ("Bridge works", ""),
    ]);
    let slugs = |args: &[&str]| -> Vec<String> {
        let out = lib.run(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        json.as_array()
            .unwrap()
            .iter()
            .map(|a| a["slug"].as_str().unwrap().to_string())
            .collect()
    };
    for sort in ["title", "edited"] {
        let whole = slugs(&["list", "--json", "--sort", sort]);
        assert_eq!(whole.len(), 4);
        let first = slugs(&["list", "--json", "--sort", sort, "--limit", "3"]);
        let rest = slugs(&[
            "list", "--json", "--sort", sort, "--limit", "3", "--offset", "3",
        ]);
        assert_eq!(first, whole[..3], "{sort}");
        assert_eq!(rest, whole[3..], "{sort}");
    }
    let out = lib.run(&["list", "--sort", "title", "--limit", "2", "--offset", "1"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 2, "{text}");
    assert!(
        text.lines().next().unwrap().ends_with("Bridge works"),
        "{text}"
    );
    let past = stdout(&lib.run(&["list", "--offset", "9"]));
    assert!(past.contains("No more articles"), "{past}");
}

#[test]
fn search_finds_ranked_results_with_snippets() {
    let lib = TestLibrary::with(&[
        ("Weekend notes", "The council budget passed on Tuesday."),
        ("Budget vote delayed", "Nothing else."),
        ("Café culture", "Espresso."),
    ]);
    let out = lib.run(&["search", "budget"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let titles: Vec<&str> = text.lines().filter(|l| !l.starts_with("       ")).collect();
    assert_eq!(titles.len(), 2, "{text}");
    assert!(
        titles[0].ends_with("Budget vote delayed"),
        "title hits rank first: {text}"
    );
    assert!(
        text.contains("The council budget passed on Tuesday."),
        "{text}"
    );

    let out = lib.run(&["search", "cafe", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["article"]["title"], "Café culture");

    let out = lib.run(&["search", "nothing-like-this"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("No articles match"),
        "{}",
        stdout(&out)
    );

    assert_fails_with(&lib.run(&["search", &"x".repeat(500)]), "limit is 200");
}

#[test]
fn search_finds_tags_by_a_plain_word_or_tag_name() {
    let lib = TestLibrary::with(&[
        ("Ferry back", "Service resumes."),
        ("Bus notes", "Transit riders waited."),
    ]);
    assert!(lib
        .run(&["set", "ferry-back", "tags", "transit, harbour"])
        .status
        .success());
    let plain = stdout(&lib.run(&["search", "transit"]));
    assert!(
        plain.contains("Ferry back") && plain.contains("Bus notes"),
        "{plain}"
    );

    let out = lib.run(&["search", "tag:transit", "--json"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = json.as_array().unwrap();
    assert_eq!(hits.len(), 1, "{json}");
    assert_eq!(hits[0]["article"]["title"], "Ferry back");
    // The snippet shows the tag that matched.
    let marked: Vec<&str> = hits[0]["snippet"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["hit"] == true)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(marked, ["transit"]);

    let none = stdout(&lib.run(&["search", "tag:riders"]));
    assert!(none.contains("No articles match"), "{none}");
}
