//! schema.org structured data for exported pages.
//!
//! Each exported article carries one JSON-LD document: an `Article` node and,
//! when the article has FAQ items and publishes them, a `FAQPage` node, both
//! in one `@graph` so search engines read them as one page. Properties whose
//! value is unknown are left out rather than written empty, because an empty
//! string is an invalid value where a missing one is merely a warning.

use std::collections::HashSet;
use std::sync::LazyLock;

use chrono::{DateTime, SecondsFormat, Utc};
use serde_json::{json, Map, Value};
use url::Url;

use crate::domain::article::{Article, UNTITLED};
use crate::domain::faq::QuestionAnswer;
use crate::domain::site_settings::SiteSettings;
use crate::domain::url::{clean_url, WEB_SCHEMES};

/// Google truncates longer headlines and reports them as an error.
pub const HEADLINE_MAX_CHARS: usize = 110;

/// Everything one page's structured data is built from.
#[derive(Debug, Clone, Copy)]
pub struct PageData<'a> {
    pub article: &'a Article,
    pub site: &'a SiteSettings,
    /// FAQ items to include, already filtered by
    /// [`crate::transform::faq::validate::publishable`]. Empty means no `FAQPage`.
    pub faq: &'a [QuestionAnswer],
    /// Whether this page publishes its FAQ as structured data at all: the
    /// caller combines the site's and the article's settings into this.
    pub faq_enabled: bool,
}

/// The JSON-LD document:
/// `{"@context":"https://schema.org","@graph":[Article, FAQPage?]}`.
pub fn graph(data: &PageData) -> Value {
    let page_url = page_url(data.article, data.site);
    let mut nodes = vec![Value::Object(article_node(data, page_url.as_deref()))];
    if data.faq_enabled {
        if let Some(faq) = faq_node(
            data.faq,
            page_url.as_deref(),
            crate::transform::render::Typography::of(data.site),
        ) {
            nodes.push(Value::Object(faq));
        }
    }
    json!({
        "@context": "https://schema.org",
        "@graph": nodes,
    })
}

/// `<script type="application/ld+json">…</script>` holding `value`.
///
/// A script element's content ends at the first `</script` whatever JSON
/// string it sits in, and `<!--` changes how the parser looks for that end,
/// so `<`, `>` and `&` are written as JSON `\u` escapes. U+2028 and U+2029
/// are escaped too because older JavaScript parsers reject them in strings.
/// Outside strings, serialised JSON never contains any of these characters,
/// so escaping the whole text leaves it the same JSON value.
pub fn script_element(value: &Value) -> String {
    let json = value.to_string();
    let mut out = String::with_capacity(json.len() + 64);
    out.push_str(r#"<script type="application/ld+json">"#);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            _ => out.push(c),
        }
    }
    out.push_str("</script>");
    out
}

/// An answer's Markdown as the HTML structured data allows in `Answer.text`:
/// only the tags Google lists (headings, paragraphs, lists, line breaks,
/// `div`, bold, italic and links with an absolute `http`, `https` or
/// `mailto` href). Other tags are dropped and their text kept.
pub fn answer_html(markdown: &str, typography: crate::transform::render::Typography) -> String {
    let html = crate::transform::render::render_set(markdown, typography);
    let cleaned = ANSWER_SANITIZER.clean(&html).to_string();
    // Heading anchors lose their relative href and would be left as empty
    // links, which say nothing and only add noise.
    cleaned.replace("<a></a>", "").trim().to_string()
}

const ANSWER_SCHEMES: &[&str] = &["http", "https", "mailto"];

static ANSWER_SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::empty();
    b.add_tags([
        "h1", "h2", "h3", "h4", "h5", "h6", "br", "ol", "ul", "li", "a", "p", "div", "b", "strong",
        "i", "em",
    ])
    .generic_attributes(HashSet::new())
    .tag_attributes(std::collections::HashMap::from([(
        "a",
        HashSet::from(["href"]),
    )]))
    .url_schemes(ANSWER_SCHEMES.iter().copied().collect::<HashSet<_>>())
    // The URL rule of `domain::url` on top of ammonia's scheme check, as
    // the render sanitiser does: a search results page is one more reader
    // with URL handling of its own.
    .attribute_filter(|_, attribute, value| match attribute {
        "href" => clean_url(value, ANSWER_SCHEMES).map(Into::into),
        _ => Some(value.into()),
    })
    // In-page links (`#section`) and library paths mean nothing once the
    // answer is shown on a search results page.
    .url_relative(ammonia::UrlRelative::Deny)
    .link_rel(None);
    b
});

fn article_node(data: &PageData, page_url: Option<&str>) -> Map<String, Value> {
    let article = data.article;
    let site = data.site;
    let mut node = Map::new();
    node.insert("@type".into(), "Article".into());
    if let Some(url) = page_url {
        node.insert("@id".into(), format!("{url}#article").into());
    }
    node.insert("headline".into(), headline(&article.meta.title).into());

    let description = [&article.meta.meta_description, &article.meta.dek]
        .into_iter()
        .map(|s| s.trim())
        .find(|s| !s.is_empty());
    if let Some(description) = description {
        node.insert("description".into(), description.into());
    }

    let authors = authors(article, site);
    if !authors.is_empty() {
        let people: Vec<Value> = authors
            .into_iter()
            .map(|name| json!({"@type": "Person", "name": name}))
            .collect();
        node.insert("author".into(), people.into());
    }

    if let Some(at) = article.meta.publish_at {
        node.insert("datePublished".into(), timestamp(at).into());
    }
    node.insert("dateModified".into(), timestamp(article.updated_at).into());

    if let Some(image) = absolute_url(&article.meta.featured_image, site_base(site).as_ref()) {
        node.insert("image".into(), image.into());
    }

    let tags: Vec<&str> = article
        .meta
        .tags
        .iter()
        .map(|t| t.trim())
        .filter(|t| !t.is_empty())
        .collect();
    if !tags.is_empty() {
        node.insert("keywords".into(), tags.join(", ").into());
    }

    let language = site.language.trim();
    if !language.is_empty() {
        node.insert("inLanguage".into(), language.into());
    }

    if let Some(url) = page_url {
        node.insert("url".into(), url.into());
        node.insert("mainEntityOfPage".into(), url.into());
    }

    let publisher = site.name.trim();
    if !publisher.is_empty() {
        node.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": publisher}),
        );
    }
    node
}

/// `None` when no item is left to publish: an empty `mainEntity` is invalid.
fn faq_node(
    faq: &[QuestionAnswer],
    page_url: Option<&str>,
    typography: crate::transform::render::Typography,
) -> Option<Map<String, Value>> {
    // Items should arrive validated; a blank one that slipped through is
    // skipped rather than published as an invalid Question.
    let questions: Vec<Value> = faq
        .iter()
        .filter_map(|item| {
            let name = item
                .question
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ");
            let text = answer_html(&item.answer, typography);
            (!name.is_empty() && !text.is_empty()).then(|| {
                json!({
                    "@type": "Question",
                    "name": name,
                    "acceptedAnswer": {"@type": "Answer", "text": text},
                })
            })
        })
        .collect();
    if questions.is_empty() {
        return None;
    }
    let mut node = Map::new();
    node.insert("@type".into(), "FAQPage".into());
    if let Some(url) = page_url {
        node.insert("@id".into(), format!("{url}#faq").into());
    }
    node.insert("mainEntity".into(), questions.into());
    Some(node)
}

/// The title cut to [`HEADLINE_MAX_CHARS`] characters; an untitled article
/// gets the name the app shows it under, since `headline` is required.
fn headline(title: &str) -> String {
    let title = title.trim();
    let title = if title.is_empty() { UNTITLED } else { title };
    match title.char_indices().nth(HEADLINE_MAX_CHARS) {
        Some((cut, _)) => title[..cut].trim_end().to_string(),
        None => title.to_string(),
    }
}

fn authors<'a>(article: &'a Article, site: &'a SiteSettings) -> Vec<&'a str> {
    let named: Vec<&str> = article
        .meta
        .authors
        .iter()
        .map(|a| a.trim())
        .filter(|a| !a.is_empty())
        .collect();
    if !named.is_empty() {
        return named;
    }
    let fallback = site.default_author.trim();
    if fallback.is_empty() {
        Vec::new()
    } else {
        vec![fallback]
    }
}

fn timestamp(at: DateTime<Utc>) -> String {
    at.to_rfc3339_opts(SecondsFormat::Secs, true)
}

/// The site's address, when it is set and absolute, ending in `/` so that
/// joining a path keeps its last segment (`https://x.org/blog` is a folder).
fn site_base(site: &SiteSettings) -> Option<Url> {
    let raw = clean_url(&site.base_url, WEB_SCHEMES)?;
    if raw.is_empty() {
        return None;
    }
    let with_slash = if raw.ends_with('/') {
        raw.to_string()
    } else {
        format!("{raw}/")
    };
    Url::parse(&with_slash).ok().filter(is_web_url)
}

/// The page's own address: the canonical URL if the writer set one,
/// otherwise `{base_url}{slug}/`; `None` when neither can be made absolute.
fn page_url(article: &Article, site: &SiteSettings) -> Option<String> {
    let base = site_base(site);
    if !article.meta.canonical_url.trim().is_empty() {
        return absolute_url(&article.meta.canonical_url, base.as_ref());
    }
    let slug = article.meta.slug.trim().trim_matches('/');
    if slug.is_empty() {
        return None;
    }
    let url = base?.join(&format!("{slug}/")).ok()?;
    Some(url.to_string())
}

/// `raw` as an absolute `http(s)` URL: as is if it already is one, resolved
/// against `base` if relative, `None` if neither works.
fn absolute_url(raw: &str, base: Option<&Url>) -> Option<String> {
    // Refused outright, not resolved against the base: what a reader
    // might take for a script URL is no path on the site either. One it
    // keeps is parsed as written: the url crate percent-encodes a path's
    // spaces, where removing them would change it.
    clean_url(raw, WEB_SCHEMES)?;
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let url = match Url::parse(raw) {
        Ok(url) => url,
        Err(url::ParseError::RelativeUrlWithoutBase) => base?.join(raw).ok()?,
        Err(_) => return None,
    };
    is_web_url(&url).then(|| url.to_string())
}

fn is_web_url(url: &Url) -> bool {
    matches!(url.scheme(), "http" | "https") && url.has_host()
}

#[cfg(test)]
mod tests;
