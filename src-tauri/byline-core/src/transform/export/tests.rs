use chrono::{TimeZone, Utc};
use scraper::{Html, Selector};

use super::*;
use crate::domain::article::{ArticleId, ArticleMeta, Status};
use crate::domain::faq::{FaqItem, FaqItemId};
use crate::domain::hash::BodyHash;

fn article() -> Article {
    let at = Utc.with_ymd_and_hms(2026, 5, 1, 9, 30, 0).unwrap();
    Article {
        id: ArticleId(7),
        meta: ArticleMeta {
            title: "Ferry fares rise 🚢".into(),
            dek: "The council votes \"yes\" on a 10% rise".into(),
            slug: "ferry-fares".into(),
            authors: vec!["Ana Ruiz".into()],
            tags: vec!["transport".into(), "city".into()],
            meta_description: "Ferry fares rise by 10% in June, the council decided on Tuesday.".into(),
            canonical_url: String::new(),
            featured_image: "assets/0123456789abcdef0123456789abcdef.png".into(),
            publish_at: Some(at),
            word_target: None,
        },
        slug_is_custom: true,
        body: "The council voted.\n\n> [!TIP]\n> Buy a season pass.\n\n![Map](assets/0123456789abcdef0123456789abcdef.png)\n\n<script>alert(1)</script>\n".into(),
        body_hash: BodyHash::default(),
        words: 12,
        status: Status::Published,
        created_at: at,
        updated_at: at,
        trashed_at: None,
        faq: vec![
            FaqItem {
                id: FaqItemId(1),
                question: "When do fares rise?".into(),
                answer: "On **1 June**. </script><script>alert(2)</script> \"quoted\"".into(),
                shared: None,
            },
            FaqItem {
                id: FaqItemId(2),
                question: "How much?".into(),
                answer: "By 10%.".into(),
                shared: None,
            },
            FaqItem {
                id: FaqItemId(3),
                question: "how much".into(),
                answer: "Duplicate.".into(),
                shared: None,
            },
        ],
        faq_structured_data: true,
    }
}

fn site() -> SiteSettings {
    SiteSettings {
        name: "The Ferry Times".into(),
        base_url: "https://ferry.example/news/".into(),
        default_author: "Desk".into(),
        share_prompt: "Share this with a **friend**.".into(),
        newsletter: "Get the [newsletter](https://ferry.example/nl).".into(),
        footer: "© The Ferry Times".into(),
        ..SiteSettings::default()
    }
}

fn correction() -> Vec<Correction> {
    vec![Correction {
        id: 1,
        at: Utc.with_ymd_and_hms(2026, 5, 2, 8, 0, 0).unwrap(),
        note: "An earlier version gave the wrong date.".into(),
        edited_at: None,
    }]
}

fn with<R>(article: &Article, site: &SiteSettings, f: impl FnOnce(&Input<'_>) -> R) -> R {
    let corrections = correction();
    let mut kept = Map::new();
    kept.insert("layout".into(), Value::String("post".into()));
    f(&Input {
        article,
        site,
        corrections: &corrections,
        revisions: 4,
        kept_front_matter: &kept,
    })
}

#[test]
fn snapshots_of_every_format() {
    let (a, s) = (article(), site());
    for format in Format::ALL {
        // The page embeds the whole stylesheet; its snapshot keeps the rest.
        let out = with(&a, &s, |i| export(format, i)).replace(ARTICLE_CSS, "/* article.css */\n");
        insta::assert_snapshot!(format!("export_{}", format.as_str()), out);
    }
}

fn select<'a>(doc: &'a Html, css: &str) -> Vec<scraper::ElementRef<'a>> {
    doc.select(&Selector::parse(css).unwrap()).collect()
}

fn meta(doc: &Html, key: &str) -> Option<String> {
    select(
        doc,
        &format!("meta[property=\"{key}\"], meta[name=\"{key}\"]"),
    )
    .first()
    .and_then(|m| m.value().attr("content").map(str::to_owned))
}

#[test]
fn the_page_parses_with_one_script_the_json_ld_and_absolute_links() {
    let (a, s) = (article(), site());
    let html = with(&a, &s, page);
    let doc = Html::parse_document(&html);
    assert!(
        doc.errors.is_empty() || !html.contains("<script>alert"),
        "{:?}",
        doc.errors
    );

    let scripts = select(&doc, "script");
    assert_eq!(scripts.len(), 1, "only the JSON-LD: {html}");
    assert_eq!(scripts[0].value().attr("type"), Some("application/ld+json"));
    let ld: Value = serde_json::from_str(&scripts[0].inner_html()).expect("JSON-LD parses");
    let graph = ld["@graph"].as_array().unwrap();
    assert_eq!(graph[0]["@type"], "Article");
    assert_eq!(graph[1]["@type"], "FAQPage");
    let questions = graph[1]["mainEntity"].as_array().unwrap();
    assert_eq!(questions.len(), 2, "the duplicate question is left out");
    let answer = questions[0]["acceptedAnswer"]["text"].as_str().unwrap();
    assert!(answer.contains("<strong>1 June</strong>"), "{answer}");
    assert!(!answer.contains("<script"), "{answer}");
    assert!(answer.contains("\"quoted\""));

    let url = "https://ferry.example/news/ferry-fares/";
    assert_eq!(
        select(&doc, "link[rel=canonical]")[0].value().attr("href"),
        Some(url)
    );
    assert_eq!(meta(&doc, "og:url").as_deref(), Some(url));
    let image = meta(&doc, "og:image").unwrap();
    assert!(
        image.starts_with("https://ferry.example/news/assets/"),
        "{image}"
    );
    assert_eq!(
        meta(&doc, "twitter:card").as_deref(),
        Some("summary_large_image")
    );
    assert_eq!(
        meta(&doc, "og:title").as_deref(),
        Some("Ferry fares rise 🚢")
    );
    assert_eq!(
        meta(&doc, "description").as_deref(),
        Some(a.meta.meta_description.as_str())
    );
    assert_eq!(
        select(&doc, "title")[0].inner_html(),
        "Ferry fares rise 🚢 — The Ferry Times"
    );
    assert_eq!(select(&doc, "html")[0].value().attr("lang"), Some("en"));

    // The article: semantic, with its header, FAQ, boilerplate and Updates.
    let article = &select(&doc, "main > article.byline-article")[0];
    let text: String = article.text().collect();
    assert!(text.contains("The council voted."));
    assert!(text.contains("Pro Tip"));
    assert_eq!(select(&doc, "article .byline-faq h3").len(), 3);
    assert_eq!(select(&doc, "article .byline-share").len(), 1);
    assert_eq!(select(&doc, "article .byline-newsletter").len(), 1);
    assert_eq!(select(&doc, "article .byline-updates li").len(), 1);
    assert_eq!(select(&doc, "footer.byline-footer").len(), 1);
    assert!(select(&doc, "style")[0]
        .inner_html()
        .contains(".byline-article"));
    // No handler or script URL anywhere.
    assert!(!html.contains("onerror") && !html.contains("javascript:"));
}

#[test]
fn without_a_site_address_links_that_must_be_absolute_are_left_out() {
    let a = article();
    let s = SiteSettings::default();
    let html = with(&a, &s, page);
    let doc = Html::parse_document(&html);
    assert!(select(&doc, "link[rel=canonical]").is_empty());
    assert_eq!(meta(&doc, "og:url"), None);
    assert_eq!(
        meta(&doc, "og:image"),
        None,
        "a relative image is not an Open Graph image"
    );
    assert_eq!(meta(&doc, "twitter:card").as_deref(), Some("summary"));
    // A canonical URL set on the article is used as it is.
    let mut a = article();
    a.meta.canonical_url = "https://elsewhere.example/ferry".into();
    let html = with(&a, &s, page);
    let doc = Html::parse_document(&html);
    assert_eq!(
        select(&doc, "link[rel=canonical]")[0].value().attr("href"),
        Some("https://elsewhere.example/ferry")
    );
}

#[test]
fn structured_data_for_the_faq_can_be_off_for_the_article_or_the_site() {
    let mut a = article();
    a.faq_structured_data = false;
    let s = site();
    let html = with(&a, &s, page);
    assert!(!html.contains("FAQPage"));
    assert!(html.contains("byline-faq"), "the section is still shown");
    let a = article();
    let mut s = site();
    s.faq_structured_data = false;
    assert!(!with(&a, &s, page).contains("FAQPage"));
    assert!(with(&a, &site(), page).contains("FAQPage"));
}

#[test]
fn warnings_name_flagged_items() {
    let (a, s) = (article(), site());
    let warnings = with(&a, &s, warnings);
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("Question 3 repeats question 2")),
        "{warnings:?}"
    );
    assert!(warnings.iter().any(|w| w.contains("left out")));
}

#[test]
fn the_fragment_has_no_page_chrome() {
    let (a, s) = (article(), site());
    let html = with(&a, &s, fragment);
    assert!(!html.contains("<html") && !html.contains("<head") && !html.contains("<script"));
    assert!(html.contains("byline-faq") && html.contains("byline-updates"));
}

#[test]
fn json_carries_every_field_the_faq_and_the_revision_count() {
    let (a, s) = (article(), site());
    let v: Value = serde_json::from_str(&with(&a, &s, json)).unwrap();
    assert_eq!(v["title"], "Ferry fares rise 🚢");
    assert_eq!(v["slug"], "ferry-fares");
    assert_eq!(v["status"], "published");
    assert_eq!(v["revision_count"], 4);
    assert_eq!(v["faq"].as_array().unwrap().len(), 3);
    assert_eq!(v["faq"][1]["answer_html"], "<p>By 10%.</p>\n");
    assert_eq!(v["url"], "https://ferry.example/news/ferry-fares/");
    assert_eq!(v["front_matter"]["layout"], "post");
    assert_eq!(
        v["updates"][0]["note"],
        "An earlier version gave the wrong date."
    );
    assert_eq!(v["json_ld"]["@graph"][1]["@type"], "FAQPage");
}

#[test]
fn plain_text_reads_like_prose() {
    let text = plain_text("# Head\n\nA *b* `c` [link](http://x).\n\n- one\n- two\n\n> quote\n");
    assert_eq!(text, "Head\n\nA b c link.\n\n• one\n• two\n\nquote\n\n");
}

#[test]
fn referenced_assets_are_found_once() {
    let md = "![a](assets/aa.png) and <img src=\"assets/bb.webp\"> again ![a](assets/aa.png) assets/ nothing";
    assert_eq!(referenced_assets(md), ["aa.png", "bb.webp"]);
}

#[test]
fn format_names() {
    for f in Format::ALL {
        assert_eq!(f.as_str().parse::<Format>().unwrap(), f);
    }
    assert_eq!("markdown".parse::<Format>().unwrap(), Format::MdYaml);
    assert_eq!("pdf".parse::<Format>().unwrap_err().code(), "invalid_input");
}

#[test]
fn smart_quotes_reach_every_html_export_and_never_the_markdown() {
    let mut a = article();
    a.body = "\"It's back,\" the captain said.\n".into();
    a.faq[1].answer = "It's \"10%\".".into();
    let plain_site = site();
    let smart_site = SiteSettings {
        smart_quotes: true,
        share_prompt: "Don't keep it to yourself.".into(),
        ..site()
    };
    let curly = "“It’s back,” the captain said.";
    for format in [Format::Html, Format::Fragment, Format::Json] {
        let out = with(&a, &smart_site, |i| export(format, i));
        assert!(out.contains(curly), "{format:?}: {out}");
        let out = with(&a, &plain_site, |i| export(format, i));
        assert!(!out.contains(curly), "{format:?}: {out}");
    }
    let page = with(&a, &smart_site, page);
    assert!(page.contains("Don’t keep it to yourself."), "{page}");
    assert!(page.contains("It’s “10%”."), "{page}");
    let v: Value = serde_json::from_str(&with(&a, &smart_site, json)).unwrap();
    assert_eq!(v["body_markdown"], "\"It's back,\" the captain said.\n");
    assert_eq!(v["faq"][1]["answer_html"], "<p>It’s “10%”.</p>\n");
    for dialect in [Format::MdYaml, Format::MdToml] {
        let md = with(&a, &smart_site, |i| export(dialect, i));
        assert!(md.contains("\"It's back,\" the captain said."), "{md}");
        assert!(!md.contains('“'), "{md}");
    }
}
