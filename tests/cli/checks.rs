//! `byline check`: findings for an article or Markdown files, exit 1 on
//! errors, JSON, the site's configuration.

use crate::link_site::Site;
use crate::support::{assert_fails_with, byline, stderr, stdout, TestLibrary};

const BODY: &str = "Fares rise in June.\n\nRiders pay the the same for a pass.\n";

#[test]
fn an_article_with_an_error_fails_and_each_finding_is_placed() {
    // No title is an error; the doubled word a warning on line 3.
    let lib = TestLibrary::with(&[("", BODY)]);
    let slug = lib.open().list(&Default::default()).unwrap()[0]
        .slug
        .clone();
    let out = lib.run(&["check", &slug]);
    assert_fails_with(&out, "has 1 error to fix before publishing");
    let text = stdout(&out);
    assert!(
        text.contains(&format!("{slug}:title: error [title.empty]")),
        "{text}"
    );
    assert!(
        text.contains(&format!("{slug}:3:12: warning [text.repeated_word]")),
        "{text}"
    );
    assert!(text.contains("1 error, "), "{text}");
    assert!(text.contains("reading ease "), "{text}");

    let out = lib.run(&["check", &slug, "--json"]);
    assert!(!out.status.success());
    let report: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(report["errors"], 1);
    let repeated = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "text.repeated_word")
        .unwrap();
    assert_eq!(
        repeated["place"],
        serde_json::json!({"kind": "body", "start": {"line": 3, "column": 12}, "end": {"line": 3, "column": 19}})
    );
    assert_eq!(repeated["fix"]["replacement"], "the");
}

#[test]
fn warnings_alone_exit_zero() {
    let lib = TestLibrary::with(&[("Fares rise", BODY)]);
    let out = lib.run(&["check", "fares-rise"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("[text.repeated_word]"));
}

#[test]
fn a_slug_changed_after_publishing_is_an_error() {
    let lib = TestLibrary::with(&[("Fares rise", "Fares rise in June.\n")]);
    assert!(lib
        .run(&["status", "fares-rise", "published"])
        .status
        .success());
    assert!(lib
        .run(&["set", "fares-rise", "slug", "fares"])
        .status
        .success());
    let out = lib.run(&["check", "fares"]);
    assert_fails_with(&out, "fares has 1 error");
    assert!(
        stdout(&out).contains("fares:slug: error [slug.changed_after_publishing]"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn a_check_the_site_turned_off_is_not_reported() {
    let lib = TestLibrary::with(&[("Fares rise", BODY)]);
    {
        let mut library = lib.open();
        let mut site = library.site_settings().unwrap();
        site.checks.off = vec!["text.repeated_word".into()];
        library.set_site_settings(&site).unwrap();
    }
    let out = lib.run(&["check", "fares-rise"]);
    assert!(!stdout(&out).contains("repeated_word"), "{}", stdout(&out));
    let list = stdout(&lib.run(&["check", "--list"]));
    let line = list
        .lines()
        .find(|l| l.starts_with("text.repeated_word "))
        .unwrap();
    assert!(line.contains(" off "), "{line}");
    assert!(list
        .lines()
        .any(|l| l.starts_with("title.empty ") && l.contains(" on ")));
}

#[test]
fn files_are_checked_with_their_own_line_numbers_and_no_library() {
    let dir = tempfile::tempdir().unwrap();
    let post = dir.path().join("post.md");
    std::fs::write(
        &post,
        "---\ntitle: Fares rise\ndescription: Short.\n---\n\nFares rise by TK percent.\n",
    )
    .unwrap();
    let library = dir.path().join("none.byline");
    let out = byline(&[
        "--library",
        library.to_str().unwrap(),
        "check",
        "--file",
        post.to_str().unwrap(),
    ]);
    let name = post.display().to_string();
    assert_fails_with(&out, "1 error to fix before publishing");
    let text = stdout(&out);
    assert!(
        text.contains(&format!("{name}:6:15: error [text.placeholder]")),
        "{text}"
    );
    assert!(
        text.contains(&format!(
            "{name}:description: warning [description.too_short]"
        )),
        "{text}"
    );
    assert!(!library.exists(), "checking files creates no library");

    let out = byline(&[
        "--library",
        library.to_str().unwrap(),
        "check",
        "--json",
        "--file",
        post.to_str().unwrap(),
    ]);
    let list: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(list[0]["file"], name.as_str());
    assert_eq!(list[0]["report"]["errors"], 1);
}

#[test]
fn links_are_requested_only_with_links_and_each_answer_is_reported() {
    let site = Site::start();
    let body = format!(
        "Fares rise.\n\nSee [the table]({}), [the notice]({}), [the minutes]({}),\n\
         [the budget]({}) and [the map]({}).\n",
        site.url("/ok"),
        site.url("/old"),
        site.url("/gone"),
        site.url("/fail"),
        site.url("/hang")
    );
    let lib = TestLibrary::with(&[("Fares rise", &body)]);

    // Without --links nothing is requested, and an http: link only gets
    // the suggestion to try https.
    let out = lib.run(&["check", "fares-rise"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(site.seen.lock().unwrap().is_empty());
    assert!(stdout(&out).contains("[link.insecure]"), "{}", stdout(&out));

    let out = lib.run(&["check", "fares-rise", "--links", "--timeout", "1"]);
    assert_fails_with(&out, "fares-rise has 1 error");
    let text = stdout(&out);
    let line_of = |code: &str| {
        text.lines()
            .find(|l| l.contains(&format!("[{code}]")))
            .unwrap_or_else(|| panic!("{code} missing from:\n{text}"))
            .to_owned()
    };
    assert!(
        line_of("link.broken").contains("/gone answers 404"),
        "{text}"
    );
    assert!(
        line_of("link.broken").starts_with("fares-rise:3:"),
        "{text}"
    );
    assert!(
        line_of("link.server_error").contains("/fail answers 500"),
        "{text}"
    );
    assert!(
        line_of("link.redirected").contains(&format!("now redirects to {}", site.url("/ok"))),
        "{text}"
    );
    assert!(
        line_of("link.unreachable").contains("took too long"),
        "{text}"
    );
    assert!(
        !text
            .lines()
            .any(|l| l.contains("[link.") && !l.contains("[link.insecure]") && l.contains("/ok ")),
        "{text}"
    );

    // The site does not speak https (its https: twins fail), so the
    // check withdraws "use https" rather than offer a link that breaks.
    assert!(!text.contains("[link.insecure]"), "{text}");
    assert!(!text.contains("[link.https_available]"), "{text}");

    // HEAD first, GET only where HEAD was answered with an error; no
    // cookies or referrer.
    let seen = site.seen.lock().unwrap().clone();
    assert!(
        seen.iter().any(|r| r.starts_with("HEAD /gone ")),
        "{seen:?}"
    );
    assert!(seen.iter().any(|r| r.starts_with("GET /gone ")), "{seen:?}");
    assert!(!seen.iter().any(|r| r.starts_with("GET /ok ")), "{seen:?}");
    assert!(
        !seen
            .iter()
            .any(|r| r.contains("cookie") || r.contains("referer")),
        "{seen:?}"
    );
}
