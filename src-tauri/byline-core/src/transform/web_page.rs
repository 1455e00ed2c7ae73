//! A saved web page (a news article as the browser or the CMS saved it)
//! read into an article: the article's own content found by dom_smoothie
//! (a port of Mozilla's Readability, so no hand-written scraper guesses at
//! a site's layout), converted to Markdown by the same converter as a paste
//! (`html_paste`), its fields from the page's metadata (`meta`), its FAQ
//! from a `FAQPage` in the JSON-LD or a FAQ section at the end, and the
//! site chrome that survived extraction dropped by the plain-text rules.
//!
//! Nothing is fetched: images stay links to where the page had them (the
//! preview shows them only when the writer loads them).

mod meta;

use dom_query::Document;
use dom_smoothie::{Config, Readability};

use crate::domain::error::{Error, Result};
use crate::domain::faq::QuestionAnswer;
use crate::transform::faq::detect;
use crate::transform::html_paste::{depth, html_to_markdown, MAX_PASTE_BYTES};
use crate::transform::plain_article::{
    callout, chrome_kind, dropped, is_related_link, same_words, ChangeKind, StructureChange,
};

/// A saved page read into an article's parts.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct WebPage {
    pub title: String,
    pub description: String,
    pub canonical_url: String,
    pub authors: Vec<String>,
    /// As the page wrote it (ISO 8601, mostly).
    pub date: String,
    pub image: String,
    pub site_name: String,
    /// Markdown, ending in one newline (or empty).
    pub body: String,
    pub faq: Vec<QuestionAnswer>,
    pub changes: Vec<StructureChange>,
    /// Where each field came from: "og:title → title".
    pub sources: Vec<String>,
}

/// Elements a page of this size would not have; Readability stops there.
const MAX_ELEMENTS: usize = 200_000;

/// Reads a saved page. Fails only when the page holds no article at all.
pub fn read(html: &str) -> Result<WebPage> {
    // Readability walks the tree recursively: a page nested past what any
    // real one is, is refused before it is parsed, as a paste is.
    if html.len() > MAX_PASTE_BYTES || depth::too_deep(html, depth::MAX_PASTE_DEPTH) {
        return Err(Error::invalid(
            "web page",
            format!(
                "is larger than {MAX_PASTE_BYTES} bytes or nests more than {} elements deep",
                depth::MAX_PASTE_DEPTH
            ),
        ));
    }
    let doc = Document::from(html);
    let meta = meta::read(&doc);
    // Links and images relative to the page are made absolute against
    // where it was published, when the page says so: its canonical URL,
    // or else its `<base href>`; never a `file:` or other address.
    let base_href = doc
        .select("base[href]")
        .attr("href")
        .map(|v| v.trim().to_owned())
        .unwrap_or_default();
    let is_web = |u: &&str| u.starts_with("https://") || u.starts_with("http://");
    let base = Some(meta.canonical.as_str())
        .filter(is_web)
        .or(Some(base_href.as_str()).filter(is_web));
    // Readability would read a `<base>` itself, `file:` ones included: the
    // base is only ever the one chosen here.
    doc.select("base").remove();
    let config = Config {
        max_elements_to_parse: MAX_ELEMENTS,
        ..Config::default()
    };
    let article = Readability::with_document(doc, base, Some(config))
        .and_then(|mut r| r.parse())
        .map_err(|e| {
            Error::invalid("web page", format!("holds no article Byline can find: {e}"))
        })?;

    let mut page = WebPage {
        title: meta.title,
        description: meta.description,
        canonical_url: meta.canonical,
        authors: meta.authors,
        date: meta.date,
        image: meta.image,
        site_name: meta.site_name,
        sources: meta.sources,
        ..WebPage::default()
    };
    if page.title.is_empty() {
        page.title = article.title.trim().to_owned();
    }
    if page.authors.is_empty() {
        if let Some(byline) = article.byline.as_deref().map(str::trim) {
            let name = byline.strip_prefix("By ").unwrap_or(byline).trim();
            if !name.is_empty() {
                page.authors = vec![name.to_owned()];
                page.sources.push("the page's byline → authors".to_owned());
            }
        }
    }
    let markdown = html_to_markdown(&article.content)?;
    let mut body = drop_chrome(&markdown, &page.title, &mut page.changes);
    body.push('\n');

    let section = detect::detect(&body);
    if let Some(found) = &section {
        body = found.body_without.clone();
    }
    page.faq = if !meta.faq.is_empty() {
        meta.faq
            .into_iter()
            .map(|qa| {
                let answer = html_to_markdown(&qa.answer).unwrap_or(qa.answer);
                QuestionAnswer::new(qa.question, answer)
            })
            .collect()
    } else {
        section.map(|s| s.items).unwrap_or_default()
    };
    for qa in &page.faq {
        page.changes.push(StructureChange {
            kind: ChangeKind::FaqItem,
            original: qa.question.clone(),
            became: qa.question.clone(),
        });
    }
    page.body = body.trim_end().to_owned();
    if !page.body.is_empty() {
        page.body.push('\n');
    }
    Ok(page)
}

/// Why `html` is not a saved page but a template or a piece of one: it
/// holds template tags (`{{ … }}`, `{% … %}`, as Hugo, Jekyll, Liquid,
/// Jinja and Nunjucks write them), or has neither `<html>` nor `<body>`.
/// `None` for a whole page.
pub fn not_a_page(html: &str) -> Option<&'static str> {
    if html.contains("{{") || html.contains("{%") {
        return Some("it holds template tags ({{ or {%): a site's template, not a page");
    }
    let lower = html.to_ascii_lowercase();
    if !lower.contains("<html") && !lower.contains("<body") {
        return Some("it has no <html> or <body>: a piece of a page, not a saved page");
    }
    None
}

/// The Markdown's blocks without the site's chrome and a repeat of the
/// headline, and with "**Pro Tip:** …" paragraphs as callouts, each listed.
fn drop_chrome(markdown: &str, title: &str, changes: &mut Vec<StructureChange>) -> String {
    let mut kept: Vec<String> = Vec::new();
    let mut in_related = false;
    for (i, block) in markdown.split("\n\n").enumerate() {
        let text = plain_text(block);
        if let Some(kind) = chrome_kind(&text) {
            in_related = kind == ChangeKind::Related;
            changes.push(dropped(kind, &text));
            continue;
        }
        if in_related && (is_related_link(&text) || is_link_list(block)) {
            changes.push(dropped(ChangeKind::Related, &text));
            continue;
        }
        in_related = false;
        if i < 3 && block.starts_with('#') && !title.is_empty() && same_words(&text, title) {
            changes.push(dropped(ChangeKind::RepeatedHeadline, &text));
            continue;
        }
        let unbolded = unbold_label(block);
        if let Some(became) = callout(&unbolded) {
            changes.push(StructureChange {
                kind: ChangeKind::Callout,
                original: text,
                became: became.clone(),
            });
            kept.push(became);
            continue;
        }
        kept.push(block.to_owned());
    }
    kept.join("\n\n")
}

/// "**Pro Tip:** Check…" as "Pro Tip: Check…": a label set in bold, as
/// a page writes a callout.
fn unbold_label(block: &str) -> std::borrow::Cow<'_, str> {
    let Some(rest) = block.strip_prefix("**") else {
        return block.into();
    };
    match rest.find(":**") {
        Some(end) if end <= 12 => format!("{}:{}", &rest[..end], &rest[end + 3..]).into(),
        _ => block.into(),
    }
}

/// A block's words without Markdown's heading marks, emphasis or link
/// addresses: what a reader sees.
fn plain_text(block: &str) -> String {
    let text = block.trim().trim_start_matches('#').trim();
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '*' | '_' | '[' => {}
            ']' if chars.peek() == Some(&'(') => {
                for c in chars.by_ref() {
                    if c == ')' {
                        break;
                    }
                }
            }
            ']' => {}
            c => out.push(c),
        }
    }
    out.trim().to_owned()
}

/// A list whose every item is a link: "Related stories" on most sites.
fn is_link_list(block: &str) -> bool {
    block.lines().all(|l| {
        let l = l.trim_start_matches(['-', '*', ' ']);
        l.starts_with('[') && l.trim_end().ends_with(')')
    })
}

#[cfg(test)]
mod tests;
