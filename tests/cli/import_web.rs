//! `import` of articles copied from the published web: a plain-text copy
//! gets its structure back (every change in the report), `--plain` takes
//! it as it is.

use crate::support::{stderr, stdout, TestLibrary};

fn fixture(name: &str) -> String {
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web/").to_owned() + name
}

#[test]
fn a_plain_text_article_gets_its_structure_back_and_the_report_lists_it() {
    let lib = TestLibrary::new();
    let out = lib.run(&["import", &fixture("ferry-minister.txt")]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let report = stdout(&out);
    for line in [
        "structure: \"Minister Quits Over Ferry Contract 🚨\": the first line is the title",
        "structure: \"Minister Quits Over Ferry Contract\": a repeat of the title, dropped",
        "structure: \"What Happens Next\" → \"## What Happens Next\"",
        "structure: \"Pro Tip: Check the tender documents yourself; they are public.\" → \"> [!TIP]",
        "structure: \"Who replaces the minister?\" → \"Who replaces the minister?\": a question under the FAQ line",
        "structure: \"12 comments\": a comment count, dropped",
        "structure: \"Discover more from The Harbour Times\": a \"discover more from\" box, dropped",
        "structure: \"You may also like\": a \"you may also like\" list, dropped",
        "→ \"<https://tenders.example.gov/ferry-2026>\": a bare web address is a link",
        "2 FAQ items",
    ] {
        assert!(report.contains(line), "{line} missing from\n{report}");
    }

    let md = stdout(&lib.run(&["export", "ferry-minister", "-f", "md-yaml"]));
    assert!(
        md.starts_with("---\ntitle: Minister Quits Over Ferry Contract 🚨\n"),
        "{md}"
    );
    assert!(
        md.contains("faq:\n- question: Who replaces the minister?"),
        "{md}"
    );
    assert!(md.contains("\n## What Happens Next\n"), "{md}");
    assert!(
        md.contains("> [!TIP]\n> Check the tender documents"),
        "{md}"
    );
    assert!(md.contains("\nThe inquiry was opened in March.\n"), "{md}");
    for chrome in [
        "12 comments",
        "Share this article",
        "Discover more",
        "You may also like",
    ] {
        assert!(!md.contains(chrome), "{chrome} in\n{md}");
    }
    // The JSON report carries each change with its kind.
    let json = stdout(&lib.run(&["import", &fixture("ferry-minister.txt"), "--json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    let kinds: Vec<&str> = json["files"][0]["structure"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["kind"].as_str().unwrap())
        .collect();
    for kind in [
        "title",
        "repeated_headline",
        "heading",
        "callout",
        "faq_item",
        "link",
        "share_prompt",
        "subscribe",
        "related",
    ] {
        assert!(kinds.contains(&kind), "{kind} not in {kinds:?}");
    }
}

#[test]
fn plain_takes_the_text_as_it_is() {
    let lib = TestLibrary::new();
    let out = lib.run(&["import", &fixture("ferry-minister.txt"), "--plain"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!stdout(&out).contains("structure:"), "{}", stdout(&out));
    let md = stdout(&lib.run(&["export", "ferry-minister", "-f", "md-yaml"]));
    assert!(md.contains("\n12 comments\n"), "{md}");
    assert!(md.contains("\nWhat Happens Next\n"), "{md}");
    assert!(!md.contains("faq:"), "{md}");
}

#[test]
fn dropped_chrome_is_offered_as_boilerplate_and_saved_only_when_asked() {
    let lib = TestLibrary::new();
    let out = stdout(&lib.run(&["import", &fixture("ferry-minister.txt")]));
    assert!(
        out.contains("the site has no share prompt; the dropped lines could be its share prompt: \"Share this article to raise awareness and join the conversation below.\""),
        "{out}"
    );
    assert!(out.contains("--use-boilerplate"), "{out}");
    assert_eq!(lib.open().site_settings().unwrap().share_prompt, "");

    let out = stdout(&lib.run(&[
        "import",
        &fixture("ferry-minister.txt"),
        "--use-boilerplate",
    ]));
    assert!(out.contains("saved as its newsletter box"), "{out}");
    let site = lib.open().site_settings().unwrap();
    assert_eq!(
        site.share_prompt,
        "Share this article to raise awareness and join the conversation below."
    );
    assert_eq!(
        site.newsletter,
        "Discover more from The Harbour Times\n\nSubscribe to get the latest posts sent to your email."
    );
    // The site has boilerplate now: nothing more is offered.
    let out = stdout(&lib.run(&["import", &fixture("ferry-minister.txt")]));
    assert!(!out.contains("the site has no"), "{out}");
}

#[test]
fn a_saved_page_imports_its_article_fields_and_faq() {
    let lib = TestLibrary::new();
    let out = lib.run(&["import", &fixture("ferry-minister.html")]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let report = stdout(&out);
    for line in [
        "JSON-LD headline → title",
        "JSON-LD FAQPage → FAQ items",
        "2 FAQ items",
    ] {
        assert!(report.contains(line), "{line} missing from\n{report}");
    }
    let md = stdout(&lib.run(&["export", "ferry-minister", "-f", "md-yaml"]));
    for field in [
        "title: Minister Quits Over Ferry Contract 🚨",
        "description: The transport minister resigned after an inquiry into a £240m ferry contract.",
        "canonical: https://www.harbourtimes.example/politics/minister-quits-ferry-contract/",
        "- Ruth Calder\n- Ian Moffat",
        "image: https://cdn.harbourtimes.example/2026/11/ferry-yard.jpg",
        "date: 2026-11-24",
        "- question: Who replaces the minister?",
        "\n## What Happens Next\n",
    ] {
        assert!(md.contains(field), "{field} missing from\n{md}");
    }
    for chrome in [
        "Share this article",
        "Discover more",
        "You may also like",
        "Good riddance",
    ] {
        assert!(!md.contains(chrome), "{chrome} in\n{md}");
    }
}

#[test]
fn a_folder_takes_text_and_saved_pages_and_names_every_template_it_skips() {
    let lib = TestLibrary::new();
    let folder = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/site-folder");
    let out = lib.run(&["import", folder, "--json"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mut created: Vec<&str> = json["files"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            assert_eq!(f["outcome"], "created", "{f}");
            f["title"].as_str().unwrap()
        })
        .collect();
    created.sort();
    assert_eq!(
        created,
        [
            "Council Notes",
            "Minister Quits Over Ferry Contract 🚨",
            "New Bridge Opens to Traffic"
        ]
    );
    let skipped: Vec<(String, String)> = json["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            let path = s["path"].as_str().unwrap();
            let rel = path.strip_prefix(folder).unwrap().trim_start_matches('/');
            (rel.to_owned(), s["reason"].as_str().unwrap().to_owned())
        })
        .collect();
    let reason = |rel: &str| {
        skipped
            .iter()
            .find(|(p, _)| p == rel)
            .map(|(_, r)| r.as_str())
            .unwrap_or_else(|| panic!("{rel} not reported as skipped: {skipped:?}"))
    };
    for (rel, why) in [
        ("_includes", "template parts"),
        ("_layouts", "templates"),
        ("_site", "output"),
        ("layouts", "templates"),
        ("node_modules", "packages"),
        ("partials", "template parts"),
        ("public", "output"),
        ("templates", "templates"),
        ("themes", "themes"),
        ("posts/post-card.html", "template tags"),
        ("posts/share-card.html", "a piece of a page"),
        ("robots.txt", "crawlers"),
    ] {
        assert!(reason(rel).contains(why), "{rel}: {}", reason(rel));
    }
    assert_eq!(skipped.len(), 12, "{skipped:?}");

    // The text report names them too, one line each.
    let lib = TestLibrary::new();
    let text = stdout(&lib.run(&["import", folder]));
    assert!(
        text.contains("skipped  ") && text.contains("share-card.html (it has no <html> or <body>"),
        "{text}"
    );
}
