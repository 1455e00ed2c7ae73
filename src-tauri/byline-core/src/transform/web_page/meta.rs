//! What a saved page says about its article in its head: schema.org
//! JSON-LD first (what news sites give search engines), then Open Graph,
//! then plain `<meta>`, `<link rel=canonical>` and `<title>`. Each field
//! remembers where it came from, for the report.

use dom_query::Document;
use serde_json::{Map, Value};

use crate::domain::faq::QuestionAnswer;

/// schema.org types that are an article.
const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "BackgroundNewsArticle",
    "TechArticle",
    "Report",
];

#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(super) struct Meta {
    pub title: String,
    pub description: String,
    pub canonical: String,
    pub authors: Vec<String>,
    pub date: String,
    pub image: String,
    pub site_name: String,
    /// From a `FAQPage`; answers as the page wrote them (HTML).
    pub faq: Vec<QuestionAnswer>,
    /// "og:title → title", one per field read.
    pub sources: Vec<String>,
}

pub(super) fn read(doc: &Document) -> Meta {
    let mut meta = Meta::default();
    let nodes: Vec<Map<String, Value>> = doc
        .select(r#"script[type="application/ld+json"]"#)
        .iter()
        .filter_map(|s| serde_json::from_str::<Value>(s.text().trim()).ok())
        .flat_map(|v| {
            let mut out = Vec::new();
            nodes_of(v, &mut out);
            out
        })
        .collect();
    if let Some(article) = nodes.iter().find(|n| has_type(n, ARTICLE_TYPES)) {
        let mut set = |field: &str, value: String, key: &str| {
            meta.put(field, value, &format!("JSON-LD {key}"));
        };
        set("title", text_of(article.get("headline")), "headline");
        set(
            "description",
            text_of(article.get("description")),
            "description",
        );
        set(
            "date",
            text_of(article.get("datePublished")),
            "datePublished",
        );
        set("image", url_of(article.get("image")), "image");
        let canonical = match article.get("mainEntityOfPage") {
            Some(Value::Object(o)) => text_of(o.get("@id").or(o.get("url"))),
            Some(v) => text_of(Some(v)),
            None => String::new(),
        };
        set("canonical", canonical, "mainEntityOfPage");
        set("canonical", text_of(article.get("url")), "url");
        set(
            "site_name",
            text_of(article.get("publisher").and_then(|p| p.get("name"))),
            "publisher",
        );
        let authors = names_of(article.get("author"));
        if meta.authors.is_empty() && !authors.is_empty() {
            meta.authors = authors;
            meta.sources.push("JSON-LD author → authors".to_owned());
        }
    }
    if let Some(faq) = nodes.iter().find(|n| has_type(n, &["FAQPage"])) {
        meta.faq = faq_of(faq);
        if !meta.faq.is_empty() {
            meta.sources.push("JSON-LD FAQPage → FAQ items".to_owned());
        }
    }

    let attr = |selector: &str, name: &str| -> String {
        doc.select(selector)
            .attr(name)
            .map(|v| v.trim().to_owned())
            .unwrap_or_default()
    };
    let og = |property: &str| {
        attr(
            &format!(r#"meta[property="{property}"], meta[name="{property}"]"#),
            "content",
        )
    };
    meta.put("title", og("og:title"), "og:title");
    meta.put("description", og("og:description"), "og:description");
    meta.put(
        "canonical",
        attr(r#"link[rel="canonical"]"#, "href"),
        "link canonical",
    );
    meta.put("canonical", og("og:url"), "og:url");
    meta.put("image", og("og:image"), "og:image");
    meta.put(
        "date",
        og("article:published_time"),
        "article:published_time",
    );
    meta.put("site_name", og("og:site_name"), "og:site_name");
    meta.put(
        "description",
        attr(r#"meta[name="description"]"#, "content"),
        "meta description",
    );
    if meta.authors.is_empty() {
        let author = attr(r#"meta[name="author"]"#, "content");
        let author = if author.is_empty() {
            // article:author is often the author's page, not a name.
            Some(og("article:author")).filter(|a| !a.contains("://"))
        } else {
            Some(author)
        };
        if let Some(author) = author.filter(|a| !a.is_empty()) {
            meta.authors = vec![author];
            meta.sources.push("meta author → authors".to_owned());
        }
    }
    let title = doc.select("head title").text().trim().to_owned();
    meta.put("title", title, "<title>");
    meta
}

impl Meta {
    /// Sets `field` unless an earlier (better) source set it.
    fn put(&mut self, field: &str, value: String, source: &str) {
        let value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        let slot = match field {
            "title" => &mut self.title,
            "description" => &mut self.description,
            "canonical" => &mut self.canonical,
            "date" => &mut self.date,
            "image" => &mut self.image,
            "site_name" => &mut self.site_name,
            _ => return,
        };
        if slot.is_empty() && !value.is_empty() {
            *slot = value;
            let field = match field {
                "canonical" => "canonical URL",
                "site_name" => "site name",
                other => other,
            };
            self.sources.push(format!("{source} → {field}"));
        }
    }
}

/// Every object in a JSON-LD value: arrays and `@graph` opened.
fn nodes_of(value: Value, out: &mut Vec<Map<String, Value>>) {
    match value {
        Value::Array(items) => items.into_iter().for_each(|v| nodes_of(v, out)),
        Value::Object(mut o) => {
            if let Some(graph) = o.remove("@graph") {
                nodes_of(graph, out);
            }
            out.push(o);
        }
        _ => {}
    }
}

fn has_type(node: &Map<String, Value>, types: &[&str]) -> bool {
    match node.get("@type") {
        Some(Value::String(t)) => types.contains(&t.as_str()),
        Some(Value::Array(ts)) => ts
            .iter()
            .any(|t| t.as_str().is_some_and(|t| types.contains(&t))),
        _ => false,
    }
}

/// A value as text: a string, a number, or an object's name (the first of
/// a list).
fn text_of(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Array(items)) => text_of(items.first()),
        Some(Value::Object(o)) => text_of(o.get("name")),
        _ => String::new(),
    }
}

/// An image: a URL, an `ImageObject`'s `url`, or the first of a list.
fn url_of(value: Option<&Value>) -> String {
    match value {
        Some(Value::String(s)) => s.trim().to_owned(),
        Some(Value::Array(items)) => url_of(items.first()),
        Some(Value::Object(o)) => url_of(o.get("url").or(o.get("contentUrl"))),
        _ => String::new(),
    }
}

/// Authors: names of people or strings, one or a list.
fn names_of(value: Option<&Value>) -> Vec<String> {
    let list: Vec<&Value> = match value {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    list.into_iter()
        .map(|v| text_of(Some(v)))
        .filter(|n| !n.is_empty() && !n.contains("://"))
        .collect()
}

fn faq_of(page: &Map<String, Value>) -> Vec<QuestionAnswer> {
    let questions: Vec<&Value> = match page.get("mainEntity") {
        Some(Value::Array(items)) => items.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    };
    questions
        .into_iter()
        .filter_map(|q| {
            let question = text_of(q.get("name"));
            let answer = match q.get("acceptedAnswer") {
                Some(Value::Array(a)) => a.first().map(|a| text_of(a.get("text"))),
                Some(a) => Some(text_of(a.get("text"))),
                None => None,
            }?;
            (!question.is_empty() && !answer.is_empty())
                .then(|| QuestionAnswer::new(question, answer))
        })
        .collect()
}
