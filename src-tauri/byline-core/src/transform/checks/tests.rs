//! A fixture per check that triggers it, one clean article that triggers
//! none, placement in the body, site configuration, and the JSON shape.

use super::*;
use crate::domain::article::{ArticleMeta, Status};
use crate::domain::faq::QuestionAnswer;

struct Fixture {
    meta: ArticleMeta,
    body: String,
    faq: Vec<QuestionAnswer>,
    status: Status,
    published_slug: Option<String>,
    featured_found: Option<bool>,
    site: SiteSettings,
}

const CLEAN_BODY: &str = "\
Ferry fares in the city will rise by ten percent in June. It is the first rise since 2016.[^source]

## What changes

Riders pay more for a single trip. A monthly pass costs the same. See [the fare table](#the-fares) for details.

![A ferry leaving the north pier at dusk](ferry.jpg)

### The fares

The [council's notice][notice] lists every fare.

[notice]: https://council.example.com/notice
[^source]: City council minutes, 3 June.
";

fn clean() -> Fixture {
    Fixture {
        meta: ArticleMeta {
            title: "Ferry fares rise for the first time in a decade".into(),
            dek: "The council voted on Tuesday.".into(),
            slug: "ferry-fares".into(),
            meta_description: "The city's ferry fares rise by ten percent in June, the first \
                increase since 2016, after a council vote on Tuesday."
                .into(),
            featured_image: "ferry.jpg".into(),
            ..ArticleMeta::default()
        },
        body: CLEAN_BODY.into(),
        faq: vec![QuestionAnswer::new(
            "When do the new fares start?",
            "On the first of June.",
        )],
        status: Status::Draft,
        published_slug: None,
        featured_found: Some(true),
        site: SiteSettings {
            base_url: "https://news.example.com/".into(),
            ..SiteSettings::default()
        },
    }
}

impl Fixture {
    fn run(&self) -> Report {
        run(&CheckInput {
            meta: &self.meta,
            body: &self.body,
            faq: &self.faq,
            faq_structured_data: true,
            status: self.status,
            published_slug: self.published_slug.as_deref(),
            featured_image_found: self.featured_found,
            site: &self.site,
        })
    }

    fn codes(&self) -> Vec<String> {
        self.run().findings.into_iter().map(|f| f.code).collect()
    }
}

fn with(change: impl FnOnce(&mut Fixture)) -> Fixture {
    let mut f = clean();
    change(&mut f);
    f
}

fn body(text: &str) -> Fixture {
    with(|f| f.body = text.to_string())
}

fn faq(items: &[(&str, &str)]) -> Fixture {
    with(|f| {
        f.faq = items
            .iter()
            .map(|(q, a)| QuestionAnswer::new(*q, *a))
            .collect()
    })
}

/// Each check's code and an article that triggers it.
fn triggers() -> Vec<(&'static str, Fixture)> {
    vec![
        ("title.empty", with(|f| f.meta.title = String::new())),
        ("title.too_long", with(|f| f.meta.title = "Ferry fares rise for the first time in a decade, and riders are not happy".into())),
        ("title.all_caps", with(|f| f.meta.title = "FERRY FARES RISE".into())),
        ("dek.missing", with(|f| f.meta.dek = String::new())),
        ("description.missing", with(|f| f.meta.meta_description = String::new())),
        ("description.too_short", with(|f| f.meta.meta_description = "Fares rise.".into())),
        ("description.too_long", with(|f| f.meta.meta_description = "Fares rise. ".repeat(20))),
        ("slug.changed_after_publishing", with(|f| f.published_slug = Some("ferry-fares-rise".into()))),
        ("image.featured_missing", with(|f| f.meta.featured_image = String::new())),
        ("image.featured_not_found", with(|f| f.featured_found = Some(false))),
        ("image.alt_missing", body("A pier.\n\n![](pier.png)\n")),
        ("image.alt_useless", body("A pier.\n\n![IMG_2041](photos/IMG_2041.jpg)\n")),
        ("heading.extra_h1", body("# Another title\n\nText.\n")),
        ("heading.skipped_level", body("## Fares\n\nText.\n\n#### Single trips\n\nText.\n")),
        ("heading.empty", body("Text.\n\n##\n\nMore text.\n")),
        ("heading.duplicate", body("## Fares\n\nText.\n\n## Fares\n\nMore.\n")),
        ("link.empty_text", body("See [](https://example.com/).\n")),
        ("link.vague_text", body("The notice is out: [click here](https://example.com/).\n")),
        ("link.insecure", body("Read [the notice](http://example.com/notice).\n")),
        ("link.broken_anchor", body("See [the fares](#nowhere).\n")),
        ("link.undefined_reference", body("Read [the notice][nowhere].\n")),
        ("link.undefined_shortcut", body("Read [the notice] and [the rules].\n\n[the rules]: https://example.com/rules\n")),
        ("footnote.unused", body("Fares rise.\n\n[^a]: A note no one reads.\n")),
        ("footnote.undefined", body("Fares rise.[^b]\n")),
        ("faq.empty_question", faq(&[("", "An answer.")])),
        ("faq.empty_answer", faq(&[("When?", "")])),
        ("faq.duplicate_question", faq(&[("When?", "June."), ("when", "June.")])),
        ("faq.markup_in_question", faq(&[("When do **fares** rise?", "June.")])),
        ("faq.answer_too_long", faq(&[("When?", &"In June. ".repeat(40))])),
        ("jsonld.faq_left_out", faq(&[("When?", ""), ("How much?", "Ten percent.")])),
        ("jsonld.headline_cut", with(|f| f.meta.title = "Fares rise ".repeat(12))),
        ("text.long_paragraph", body(&"Fares rise in June. ".repeat(40))),
        ("text.long_sentence", body(&format!("Fares rise{}.\n", " and rise".repeat(20)))),
        ("text.repeated_word", body("Fares rise in the the summer.\n")),
        ("text.placeholder", body("Fares rise by TK percent.\n")),
        ("text.hard_to_read", body("Institutional considerations notwithstanding, municipal administrative authorities implemented comprehensive organizational restructuring initiatives.\n")),
        ("url.canonical_invalid", with(|f| f.meta.canonical_url = "ferry-fares".into())),
        ("url.canonical_insecure", with(|f| f.meta.canonical_url = "http://news.example.com/ferry-fares/".into())),
        ("url.canonical_other_site", with(|f| f.meta.canonical_url = "https://wire.example.org/ferry".into())),
        ("url.site_address_missing", with(|f| { f.site.base_url = String::new(); f.status = Status::Ready; })),
    ]
}

#[test]
fn the_clean_article_has_no_findings() {
    let report = clean().run();
    assert_eq!(report.findings, vec![], "{report:#?}");
    assert!(report.readability.score.is_some());
}

#[test]
fn each_fixture_triggers_its_check() {
    for (code, fixture) in triggers() {
        let codes = fixture.codes();
        assert!(
            codes.iter().any(|c| c == code),
            "{code} not found in {codes:?}"
        );
    }
}

/// Every check but one has a fixture; the one (a guard on the JSON-LD the
/// export builds, which the fields cannot make invalid today) is tested on
/// a hand-made graph below.
#[test]
fn every_check_has_a_fixture() {
    let covered: Vec<&str> = triggers().iter().map(|(c, _)| *c).collect();
    for info in CATALOGUE {
        if info.code != "jsonld.invalid" && !NETWORK_CODES.contains(&info.code) {
            assert!(covered.contains(&info.code), "{} has no fixture", info.code);
        }
    }
}

#[test]
fn jsonld_problems_are_found_in_a_bad_graph() {
    let graph = serde_json::json!({"@graph": [
        {"@type": "Article", "headline": " ", "url": "/ferry/"},
        {"@type": "FAQPage", "mainEntity": [{"@type": "Question", "name": "When?", "acceptedAnswer": {"text": ""}}]},
    ]});
    assert_eq!(
        faq::problems(&graph).len(),
        3,
        "{:?}",
        faq::problems(&graph)
    );
    let good = serde_json::json!({"@graph": [{"@type": "Article", "headline": "Fares"}]});
    assert!(faq::problems(&good).is_empty());
}

fn body_place(report: &Report, code: &str) -> (Pos, Pos) {
    let finding = report.findings.iter().find(|f| f.code == code).expect(code);
    match finding.place {
        Place::Body { start, end } => (start, end),
        ref other => panic!("{code} placed at {other:?}"),
    }
}

fn at(line: u32, column: u32) -> Pos {
    Pos { line, column }
}

#[test]
fn findings_in_the_body_are_placed_by_line_and_character_column() {
    let report = body("Intro.\n\nCafé — it was the the best.\n").run();
    assert_eq!(
        body_place(&report, "text.repeated_word"),
        (at(3, 15), at(3, 22))
    );
    let fix = report
        .findings
        .iter()
        .find(|f| f.code == "text.repeated_word")
        .unwrap();
    assert_eq!(fix.fix.as_ref().unwrap().replacement, "the");

    let report = body("Intro.\n\n## Part\n\nSee [below](#gone) now.\n").run();
    assert_eq!(
        body_place(&report, "link.broken_anchor"),
        (at(5, 5), at(5, 19))
    );

    let report = body("Intro.\n\n# Again\n").run();
    assert_eq!(
        body_place(&report, "heading.extra_h1"),
        (at(3, 1), at(3, 8))
    );
}

#[test]
fn a_site_turns_a_check_off_and_changes_a_limit() {
    let mut fixture = with(|f| f.meta.dek = String::new());
    fixture.site.checks.off = vec!["dek.missing".into()];
    assert!(!fixture.codes().contains(&"dek.missing".to_string()));

    let mut fixture = clean();
    fixture.site.checks.title_max_chars = 20;
    assert!(fixture.codes().contains(&"title.too_long".to_string()));
}

#[test]
fn readability_is_measured_for_english_only() {
    let report = clean().run();
    assert!(
        report.readability.summary.contains('('),
        "{:?}",
        report.readability
    );
    let report = with(|f| f.site.language = "de".into()).run();
    assert_eq!(report.readability.score, None);
    assert_eq!(report.readability.summary, "not measured for de");
}

#[test]
fn an_anchor_to_a_heading_with_markup_or_a_footnote_is_found() {
    let fixture = body(
        "## The `fares` *now*\n\nSee [it](#the-fares-now) and [note](#fn-a).[^a]\n\n[^a]: Note.\n",
    );
    assert_eq!(fixture.codes(), Vec::<String>::new());
}

#[test]
fn code_is_not_prose() {
    let fixture = body("Fares rise.\n\n```\nTODO the the\n```\n\nUse `XX` here.\n");
    assert_eq!(fixture.codes(), Vec::<String>::new());
}

#[test]
fn the_report_as_json() {
    let fixture = with(|f| {
        f.meta.title = "FERRY FARES RISE".into();
        f.meta.meta_description = "Fares rise.".into();
        f.meta.canonical_url = "http://news.example.com/ferry-fares/".into();
        f.body = "# Fares\n\nRiders pay TK more. See [here](http://example.com/) and [the the table](#table).\n\n![image](a.png)\n\n#### Detail\n\nText.[^x]\n".into();
        f.faq = vec![QuestionAnswer::new("When?", "")];
    });
    let json = serde_json::to_string_pretty(&fixture.run()).unwrap();
    insta::assert_snapshot!(json);
}

#[test]
fn link_check_results_become_findings_at_each_link() {
    use external::{add_link_findings, external_urls, LinkStatus};
    use std::collections::HashMap;

    let body = "See [a](https://a.example/x), [b](https://b.example/), [c](http://c.example/) \
        and [d](https://d.example/) and [e](https://e.example/) and [a again](https://a.example/x) \
        and [here](#top).\n";
    assert_eq!(
        external_urls(body),
        vec![
            "https://a.example/x",
            "https://b.example/",
            "http://c.example/",
            "https://d.example/",
            "https://e.example/"
        ]
    );
    let fixture = with(|f| f.body = body.to_string());
    let mut report = fixture.run();
    let before = report.findings.len();
    let results: HashMap<String, LinkStatus> = [
        ("https://a.example/x", LinkStatus::Broken { code: 404 }),
        ("https://b.example/", LinkStatus::Ok { code: 200 }),
        ("http://c.example/", LinkStatus::ServerError { code: 500 }),
        (
            "https://d.example/",
            LinkStatus::Unreachable {
                reason: "the site took too long".into(),
            },
        ),
        (
            "https://e.example/",
            LinkStatus::Redirected {
                to: "https://e.example/new".into(),
                code: 200,
            },
        ),
    ]
    .into_iter()
    .map(|(u, s)| (u.to_string(), s))
    .collect();
    add_link_findings(&mut report, body, &results, &fixture.site.checks);
    let codes: Vec<&str> = report.findings.iter().map(|f| f.code.as_str()).collect();
    assert_eq!(
        codes.iter().filter(|c| **c == "link.broken").count(),
        2,
        "{codes:?}"
    );
    for code in ["link.server_error", "link.unreachable", "link.redirected"] {
        assert!(codes.contains(&code), "{code} in {codes:?}");
    }
    assert_eq!(report.findings.len(), before + 5);
    let errors = report
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    assert_eq!(report.errors as usize, errors);
    let redirected = report
        .findings
        .iter()
        .find(|f| f.code == "link.redirected")
        .unwrap();
    assert_eq!(
        redirected.fix.as_ref().unwrap().replacement,
        "[e](https://e.example/new)"
    );
}

#[test]
fn brackets_in_prose_are_not_questioned_without_reference_links() {
    // No reference definitions: `[the mayor]` and `[sic]` are an editor's
    // brackets.
    let prose = body("\"She [the mayor] said it was final [sic].\"\n");
    assert!(!prose
        .codes()
        .iter()
        .any(|c| c.starts_with("link.undefined")));
    // A page that writes its links as references: `[sic]` still passes,
    // a bracketed phrase is questioned, and a definition in fenced code
    // does not count as one.
    let with_refs =
        body("He said it was final [sic]. Read [the notice].\n\n[rules]: https://example.com/\n");
    assert_eq!(
        with_refs
            .codes()
            .iter()
            .filter(|c| *c == "link.undefined_shortcut")
            .count(),
        1
    );
    let fenced = body("Read [the notice].\n\n```\n[rules]: https://example.com/\n```\n");
    assert!(!fenced
        .codes()
        .iter()
        .any(|c| c == "link.undefined_shortcut"));
}

#[test]
fn an_http_link_is_flagged_by_the_link_check_only_where_https_answers() {
    use external::{add_link_findings, requested_urls, LinkStatus};
    use std::collections::HashMap;

    let body = "See [a](http://a.example/x), [b](http://b.example/) and [c](http://c.example/).\n";
    assert_eq!(
        requested_urls(body),
        vec![
            "http://a.example/x",
            "http://b.example/",
            "http://c.example/",
            "https://a.example/x",
            "https://b.example/",
            "https://c.example/"
        ]
    );
    let fixture = with(|f| f.body = body.to_string());
    let mut report = fixture.run();
    let count =
        |report: &Report, code: &str| report.findings.iter().filter(|f| f.code == code).count();
    assert_eq!(count(&report, "link.insecure"), 3);
    let results: HashMap<String, LinkStatus> = [
        // a: on https too, and the http address moves there.
        (
            "http://a.example/x",
            LinkStatus::Redirected {
                to: "https://a.example/x".into(),
                code: 200,
            },
        ),
        ("https://a.example/x", LinkStatus::Ok { code: 200 }),
        // b: https does not answer, so http is right.
        ("http://b.example/", LinkStatus::Ok { code: 200 }),
        (
            "https://b.example/",
            LinkStatus::Unreachable {
                reason: "no TLS".into(),
            },
        ),
        // c: not checked yet (the cache holds nothing): the suggestion stays.
    ]
    .into_iter()
    .map(|(u, s)| (u.to_string(), s))
    .collect();
    add_link_findings(&mut report, body, &results, &fixture.site.checks);
    assert_eq!(count(&report, "link.insecure"), 1, "{:#?}", report.findings);
    assert_eq!(count(&report, "link.https_available"), 1);
    assert_eq!(
        count(&report, "link.redirected"),
        0,
        "the move to https is one finding, not two"
    );
    let https = report
        .findings
        .iter()
        .find(|f| f.code == "link.https_available")
        .unwrap();
    assert_eq!(
        https.fix.as_ref().unwrap().replacement,
        "[a](https://a.example/x)"
    );
    assert_eq!(
        report.warnings as usize,
        report
            .findings
            .iter()
            .filter(|f| f.severity == Severity::Warning)
            .count()
    );
}
