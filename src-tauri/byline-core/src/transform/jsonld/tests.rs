use chrono::{DateTime, TimeZone, Utc};
use serde_json::{json, Value};

use super::*;
use crate::domain::article::{ArticleId, ArticleMeta, Status};
use crate::domain::hash::BodyHash;

fn at(y: i32, mo: u32, d: u32, h: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, 0, 0).unwrap()
}

fn article() -> Article {
    Article {
        id: ArticleId(7),
        meta: ArticleMeta {
            title: "How to water a cactus".into(),
            dek: "Less than you think.".into(),
            slug: "water-a-cactus".into(),
            authors: vec!["Ada Lovelace".into(), "Grace Hopper".into()],
            tags: vec!["plants".into(), "desert".into()],
            meta_description: "A short guide to watering cacti without drowning them.".into(),
            canonical_url: String::new(),
            featured_image: "assets/cactus.jpg".into(),
            publish_at: Some(at(2024, 5, 1, 9)),
            word_target: None,
        },
        slug_is_custom: false,
        body: "Water rarely.".into(),
        body_hash: BodyHash::default(),
        words: 2,
        status: Status::Published,
        created_at: at(2024, 4, 20, 8),
        updated_at: at(2024, 5, 3, 17),
        trashed_at: None,
        // The graph takes its FAQ from `PageData`, never from the article.
        faq: vec![],
        faq_structured_data: true,
    }
}

fn site() -> SiteSettings {
    SiteSettings {
        name: "Green Pages".into(),
        base_url: "https://example.com/blog".into(),
        default_author: "The Desk".into(),
        language: "en-GB".into(),
        ..SiteSettings::default()
    }
}

fn faq() -> Vec<QuestionAnswer> {
    vec![
        QuestionAnswer::new("  How often?  ", "About **once a month** in summer."),
        QuestionAnswer::new(
            "Which water?",
            "Rain water. See [the guide](https://example.org/water).",
        ),
    ]
}

fn page<'a>(
    article: &'a Article,
    site: &'a SiteSettings,
    faq: &'a [QuestionAnswer],
) -> PageData<'a> {
    PageData {
        article,
        site,
        faq,
        faq_enabled: true,
    }
}

fn nodes(doc: &Value) -> &Vec<Value> {
    doc["@graph"].as_array().expect("@graph is an array")
}

fn node<'v>(doc: &'v Value, kind: &str) -> Option<&'v Value> {
    nodes(doc).iter().find(|n| n["@type"] == kind)
}

/// Walks a JSON-LD document and lists every way it breaks the schema.org
/// shape search engines require of an `Article` and a `FAQPage`.
fn violations(doc: &Value) -> Vec<String> {
    let mut v = Vec::new();
    if doc["@context"] != "https://schema.org" {
        v.push("@context is not https://schema.org".to_string());
    }
    let Some(graph) = doc["@graph"].as_array() else {
        v.push("@graph is not an array".to_string());
        return v;
    };
    let mut articles = 0;
    for (i, n) in graph.iter().enumerate() {
        match n["@type"].as_str() {
            Some("Article") => {
                articles += 1;
                check_article(n, &mut v);
            }
            Some("FAQPage") => check_faq_page(n, &mut v),
            other => v.push(format!("@graph[{i}] has unexpected @type {other:?}")),
        }
    }
    if articles != 1 {
        v.push(format!("{articles} Article nodes instead of 1"));
    }
    v
}

/// A string with something in it besides whitespace.
fn is_text(v: &Value) -> bool {
    v.as_str().is_some_and(|s| !s.trim().is_empty())
}

fn check_article(n: &Value, v: &mut Vec<String>) {
    match n["headline"].as_str() {
        None => v.push("Article.headline is not a string".into()),
        Some(h) if h.trim().is_empty() => v.push("Article.headline is empty".into()),
        Some(h) if h.chars().count() > 110 => v.push("Article.headline is over 110 chars".into()),
        Some(_) => {}
    }
    if let Some(author) = n.get("author") {
        match author.as_array() {
            None => v.push("Article.author is not an array".into()),
            Some(list) if list.is_empty() => v.push("Article.author is empty".into()),
            Some(list) => {
                for (i, a) in list.iter().enumerate() {
                    if a["@type"] != "Person" {
                        v.push(format!("Article.author[{i}] is not a Person"));
                    }
                    if !is_text(&a["name"]) {
                        v.push(format!("Article.author[{i}] has no name"));
                    }
                }
            }
        }
    }
    for key in ["datePublished", "dateModified"] {
        if let Some(date) = n.get(key) {
            let ok = date
                .as_str()
                .is_some_and(|s| DateTime::parse_from_rfc3339(s).is_ok());
            if !ok {
                v.push(format!("Article.{key} is not an ISO 8601 date-time"));
            }
        }
    }
    for key in ["@id", "url", "mainEntityOfPage", "image"] {
        if let Some(url) = n.get(key) {
            let ok = url
                .as_str()
                .is_some_and(|s| s.starts_with("https://") || s.starts_with("http://"));
            if !ok {
                v.push(format!("Article.{key} is not an absolute URL"));
            }
        }
    }
    for key in ["description", "keywords", "inLanguage"] {
        if let Some(s) = n.get(key) {
            if !is_text(s) {
                v.push(format!("Article.{key} is not a non-empty string"));
            }
        }
    }
    if let Some(p) = n.get("publisher") {
        if p["@type"] != "Organization" || !p["name"].is_string() {
            v.push("Article.publisher is not a named Organization".into());
        }
    }
}

fn check_faq_page(n: &Value, v: &mut Vec<String>) {
    let Some(questions) = n["mainEntity"].as_array() else {
        v.push("FAQPage.mainEntity is not an array".into());
        return;
    };
    if questions.is_empty() {
        v.push("FAQPage.mainEntity is empty".into());
    }
    for (i, q) in questions.iter().enumerate() {
        if q["@type"] != "Question" {
            v.push(format!("mainEntity[{i}] is not a Question"));
        }
        if !is_text(&q["name"]) {
            v.push(format!("mainEntity[{i}].name is not a non-empty string"));
        }
        let answer = &q["acceptedAnswer"];
        if answer["@type"] != "Answer" {
            v.push(format!("mainEntity[{i}].acceptedAnswer is not an Answer"));
        }
        if !is_text(&answer["text"]) {
            v.push(format!(
                "mainEntity[{i}].acceptedAnswer.text is not a non-empty string"
            ));
        }
    }
}

#[test]
fn full_example_is_valid() {
    let (a, s, f) = (article(), site(), faq());
    let doc = graph(&page(&a, &s, &f));
    assert_eq!(violations(&doc), Vec::<String>::new(), "{doc:#}");
    assert_eq!(nodes(&doc).len(), 2);
}

#[test]
fn full_example_snapshot() {
    let (a, s, f) = (article(), site(), faq());
    let doc = graph(&page(&a, &s, &f));
    insta::assert_snapshot!(serde_json::to_string_pretty(&doc).unwrap());
}

#[test]
fn checker_catches_broken_documents() {
    let (a, s, f) = (article(), site(), faq());
    let good = graph(&page(&a, &s, &f));

    type Breaker = Box<dyn Fn(&mut Value)>;
    let broken: Vec<(&str, Breaker)> = vec![
        (
            "no context",
            Box::new(|d| d["@context"] = json!("http://x")),
        ),
        ("graph object", Box::new(|d| d["@graph"] = json!({}))),
        (
            "headline number",
            Box::new(|d| d["@graph"][0]["headline"] = json!(3)),
        ),
        (
            "headline long",
            Box::new(|d| d["@graph"][0]["headline"] = json!("x".repeat(111))),
        ),
        (
            "author string",
            Box::new(|d| d["@graph"][0]["author"] = json!("Ada")),
        ),
        (
            "author not person",
            Box::new(|d| d["@graph"][0]["author"][0]["@type"] = json!("Thing")),
        ),
        (
            "author nameless",
            Box::new(|d| d["@graph"][0]["author"][1] = json!({"@type": "Person"})),
        ),
        (
            "bad date",
            Box::new(|d| d["@graph"][0]["datePublished"] = json!("1 May 2024")),
        ),
        (
            "relative image",
            Box::new(|d| d["@graph"][0]["image"] = json!("assets/x.jpg")),
        ),
        (
            "empty mainEntity",
            Box::new(|d| d["@graph"][1]["mainEntity"] = json!([])),
        ),
        (
            "question nameless",
            Box::new(|d| d["@graph"][1]["mainEntity"][0]["name"] = json!(null)),
        ),
        (
            "answer wrong type",
            Box::new(|d| d["@graph"][1]["mainEntity"][1]["acceptedAnswer"]["@type"] = json!("X")),
        ),
        (
            "answer text missing",
            Box::new(|d| {
                d["@graph"][1]["mainEntity"][1]["acceptedAnswer"] = json!({"@type": "Answer"})
            }),
        ),
        (
            "no article",
            Box::new(|d| d["@graph"][0]["@type"] = json!("FAQPage")),
        ),
    ];
    for (name, breaker) in broken {
        let mut doc = good.clone();
        breaker(&mut doc);
        assert!(!violations(&doc).is_empty(), "checker missed: {name}");
    }
}

#[test]
fn article_properties() {
    let (a, s, f) = (article(), site(), faq());
    let doc = graph(&page(&a, &s, &f));
    let art = node(&doc, "Article").unwrap();
    let url = "https://example.com/blog/water-a-cactus/";
    assert_eq!(art["@id"], format!("{url}#article"));
    assert_eq!(art["url"], url);
    assert_eq!(art["mainEntityOfPage"], url);
    assert_eq!(art["headline"], "How to water a cactus");
    assert_eq!(art["description"], a.meta.meta_description);
    assert_eq!(art["datePublished"], "2024-05-01T09:00:00Z");
    assert_eq!(art["dateModified"], "2024-05-03T17:00:00Z");
    assert_eq!(art["image"], "https://example.com/blog/assets/cactus.jpg");
    assert_eq!(art["keywords"], "plants, desert");
    assert_eq!(art["inLanguage"], "en-GB");
    assert_eq!(
        art["author"],
        json!([{"@type":"Person","name":"Ada Lovelace"},{"@type":"Person","name":"Grace Hopper"}])
    );
    assert_eq!(
        art["publisher"],
        json!({"@type":"Organization","name":"Green Pages"})
    );
    let published = DateTime::parse_from_rfc3339(art["datePublished"].as_str().unwrap()).unwrap();
    assert_eq!(published, a.meta.publish_at.unwrap());
}

#[test]
fn sparse_article_leaves_unknown_properties_out() {
    let a = Article {
        meta: ArticleMeta {
            title: String::new(),
            dek: " ".into(),
            authors: vec![" ".into()],
            tags: vec![],
            meta_description: String::new(),
            featured_image: "assets/cactus.jpg".into(),
            publish_at: None,
            ..article().meta
        },
        ..article()
    };
    let s = SiteSettings {
        language: String::new(),
        ..SiteSettings::default()
    };
    let doc = graph(&page(&a, &s, &[]));
    assert_eq!(violations(&doc), Vec::<String>::new(), "{doc:#}");
    let art = node(&doc, "Article").unwrap().as_object().unwrap();
    let keys: Vec<&str> = art.keys().map(|k| k.as_str()).collect();
    // No base URL: nothing that must be absolute can be written.
    assert_eq!(keys, ["@type", "headline", "dateModified"], "{doc:#}");
    assert_eq!(art["headline"], "Untitled");
}

#[test]
fn description_falls_back_to_dek_and_author_to_site_default() {
    let a = Article {
        meta: ArticleMeta {
            meta_description: "  ".into(),
            authors: vec![],
            ..article().meta
        },
        ..article()
    };
    let s = site();
    let doc = graph(&page(&a, &s, &[]));
    let art = node(&doc, "Article").unwrap();
    assert_eq!(art["description"], "Less than you think.");
    assert_eq!(art["author"], json!([{"@type":"Person","name":"The Desk"}]));
}

#[test]
fn headline_is_cut_at_110_chars_on_a_char_boundary() {
    let a = Article {
        meta: ArticleMeta {
            title: "é".repeat(100) + &"🌵".repeat(20),
            ..article().meta
        },
        ..article()
    };
    let s = site();
    let doc = graph(&page(&a, &s, &[]));
    let h = node(&doc, "Article").unwrap()["headline"]
        .as_str()
        .unwrap()
        .to_string();
    assert_eq!(h.chars().count(), 110);
    assert_eq!(h, "é".repeat(100) + &"🌵".repeat(10));
    assert_eq!(headline("short"), "short");
    assert_eq!(headline(&"a".repeat(110)), "a".repeat(110));
}

#[test]
fn page_url_prefers_canonical_and_joins_base_with_one_slash() {
    let s = |base: &str| SiteSettings {
        base_url: base.into(),
        ..SiteSettings::default()
    };
    let a = article();
    for base in [
        "https://example.com",
        "https://example.com/",
        " https://example.com/ ",
    ] {
        assert_eq!(
            page_url(&a, &s(base)).as_deref(),
            Some("https://example.com/water-a-cactus/"),
            "{base:?}"
        );
    }
    assert_eq!(page_url(&a, &s("")), None);
    assert_eq!(page_url(&a, &s("example.com")), None);

    let canonical = Article {
        meta: ArticleMeta {
            canonical_url: "https://other.org/cactus".into(),
            ..article().meta
        },
        ..article()
    };
    assert_eq!(
        page_url(&canonical, &s("")).as_deref(),
        Some("https://other.org/cactus")
    );
    let doc = graph(&page(&canonical, &site(), &[]));
    assert_eq!(
        node(&doc, "Article").unwrap()["@id"],
        "https://other.org/cactus#article"
    );
}

#[test]
fn image_urls() {
    let base = Url::parse("https://example.com/").unwrap();
    assert_eq!(
        absolute_url("https://cdn.example.com/a.jpg", None).as_deref(),
        Some("https://cdn.example.com/a.jpg")
    );
    assert_eq!(
        absolute_url("assets/a.jpg", Some(&base)).as_deref(),
        Some("https://example.com/assets/a.jpg")
    );
    assert_eq!(absolute_url("assets/a.jpg", None), None);
    assert_eq!(absolute_url("javascript:alert(1)", Some(&base)), None);
    assert_eq!(absolute_url("", Some(&base)), None);
}

#[test]
fn faq_page_shape() {
    let (a, s, f) = (article(), site(), faq());
    let doc = graph(&page(&a, &s, &f));
    let faq = node(&doc, "FAQPage").unwrap();
    assert_eq!(faq["@id"], "https://example.com/blog/water-a-cactus/#faq");
    let q = &faq["mainEntity"][0];
    assert_eq!(q["name"], "How often?");
    assert_eq!(
        q["acceptedAnswer"]["text"],
        "<p>About <strong>once a month</strong> in summer.</p>"
    );
    assert_eq!(
        faq["mainEntity"][1]["acceptedAnswer"]["text"],
        r#"<p>Rain water. See <a href="https://example.org/water">the guide</a>.</p>"#
    );
}

#[test]
fn no_faq_page_when_disabled_or_empty() {
    let (a, s, f) = (article(), site(), faq());
    let disabled = PageData {
        faq_enabled: false,
        ..page(&a, &s, &f)
    };
    let doc = graph(&disabled);
    assert!(node(&doc, "FAQPage").is_none());
    assert_eq!(nodes(&doc).len(), 1);

    let doc = graph(&page(&a, &s, &[]));
    assert!(node(&doc, "FAQPage").is_none());

    // Blank items that slipped past validation do not make an empty FAQPage.
    let blank = [
        QuestionAnswer::new(" ", "x"),
        QuestionAnswer::new("Q?", "  "),
    ];
    let doc = graph(&page(&a, &s, &blank));
    assert!(node(&doc, "FAQPage").is_none(), "{doc:#}");
}

#[test]
fn answer_html_keeps_only_allowed_markup() {
    let html = answer_html(
        "## Steps\n\n1. *One* and __two__\n2. `code` ~~gone~~\n\n\
         Line  \nbreak <span class=\"x\" id=\"y\">kept text</span>\n\n\
         > quoted\n\n[mail](mailto:a@b.c) [rel](/x) [frag](#y)\n",
        Default::default(),
    );
    assert_eq!(
        html,
        "<h2>Steps</h2>\n<ol>\n<li><em>One</em> and <strong>two</strong></li>\n\
         <li>code gone</li>\n</ol>\n<p>Line<br>\nbreak kept text</p>\n\n\
         <p>quoted</p>\n\n\
         <p><a href=\"mailto:a@b.c\">mail</a> <a>rel</a> <a>frag</a></p>"
    );
}

#[test]
fn answer_html_drops_script_and_event_handlers() {
    let html = answer_html(
        "Before <script>alert(1)</script> after <img src=x onerror=\"alert(2)\"> end \
         [x](javascript:alert(3)) <a href=\"https://ok.example\" onclick=\"alert(4)\">ok</a>",
        Default::default(),
    );
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "alert",
        "onerror",
        "onclick",
        "<img",
        "javascript:",
    ] {
        assert!(!lower.contains(bad), "{bad} in {html}");
    }
    assert!(html.contains("Before"), "{html}");
    assert!(
        html.contains(r#"<a href="https://ok.example">ok</a>"#),
        "{html}"
    );

    let (a, s) = (article(), site());
    let items = [QuestionAnswer::new(
        "Safe?",
        "Yes <script>alert(1)</script><img src=x onerror=alert(1)>",
    )];
    let doc = graph(&page(&a, &s, &items));
    let text = node(&doc, "FAQPage").unwrap()["mainEntity"][0]["acceptedAnswer"]["text"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        !text.contains("script") && !text.contains("onerror"),
        "{text}"
    );
}

#[test]
fn script_element_cannot_be_broken_out_of() {
    let hostile = "</script><script>alert(1)</script> \"quoted\" \\back\\slash <!-- c --> \
                   & 🌵 \u{2028}\u{2029} </SCRIPT >";
    let value = json!({
        "@context": "https://schema.org",
        "name": hostile,
        "nested": [{"k": hostile}],
    });
    let el = script_element(&value);

    let open = r#"<script type="application/ld+json">"#;
    assert!(el.starts_with(open));
    assert!(el.ends_with("</script>"));
    let lower = el.to_lowercase();
    assert_eq!(lower.matches("</script").count(), 1, "{el}");
    assert!(!el.contains("<!--"), "{el}");
    assert!(!el[open.len()..].contains('<') || el.ends_with("</script>"));
    assert!(!el.contains('\u{2028}') && !el.contains('\u{2029}'));

    let inner = &el[open.len()..el.len() - "</script>".len()];
    assert!(!inner.contains(['<', '>', '&']), "{inner}");
    let back: Value = serde_json::from_str(inner).unwrap();
    assert_eq!(back, value);
    assert_eq!(back["name"], hostile);
}

#[test]
fn script_element_of_a_real_page_round_trips() {
    let (a, s) = (article(), site());
    let items = [QuestionAnswer::new(
        "Does </script> break it?",
        "No: <b>bold</b> & \"quotes\" stay. 🌵",
    )];
    let doc = graph(&page(&a, &s, &items));
    let el = script_element(&doc);
    assert_eq!(el.to_lowercase().matches("</script").count(), 1, "{el}");
    let open = r#"<script type="application/ld+json">"#;
    let inner = &el[open.len()..el.len() - "</script>".len()];
    let back: Value = serde_json::from_str(inner).unwrap();
    assert_eq!(back, doc);
    assert_eq!(
        back["@graph"][1]["mainEntity"][0]["name"],
        "Does </script> break it?"
    );
}

proptest::proptest! {
    #[test]
    fn script_element_round_trips_any_string(s in "\\PC*|[<>&/!\\-\u{2028}\u{2029}\"\\\\a-zA-Z]{0,40}") {
        let value = json!({"name": s, "list": [s.clone()]});
        let el = script_element(&value);
        let open = r#"<script type="application/ld+json">"#;
        proptest::prop_assert_eq!(el.to_lowercase().matches("</script").count(), 1);
        proptest::prop_assert!(!el.contains("<!--"));
        let inner = &el[open.len()..el.len() - "</script>".len()];
        let back: Value = serde_json::from_str(inner).unwrap();
        proptest::prop_assert_eq!(back, value);
    }

    #[test]
    fn answer_html_never_keeps_script(s in "\\PC{0,80}") {
        let html = answer_html(&format!("{s}<script>x</script><img src=x onerror=y>"), Default::default());
        proptest::prop_assert!(!html.contains("<script") && !html.contains("onerror"));
    }
}
