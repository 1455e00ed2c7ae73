//! Links and footnotes: text a reader can follow, `https:`, anchors that
//! land on a heading, references and footnotes that are defined and used.

use std::collections::HashSet;

use super::source::Doc;
use super::{quote, Fix, Sink};

/// Link texts that say nothing out of context (screen readers list links
/// by their text alone).
const VAGUE: &[&str] = &[
    "click here",
    "here",
    "click",
    "this",
    "this link",
    "link",
    "read more",
    "more",
    "learn more",
    "this page",
    "go",
    "this article",
];

/// A fix that points a link elsewhere, rewriting the address where it is
/// written in the link's Markdown.
pub(super) fn retarget(
    doc: &Doc<'_>,
    span: (usize, usize),
    from: &str,
    to: &str,
    label: &str,
) -> Option<Fix> {
    let markdown = doc.slice(span);
    markdown.find(from).map(|at| Fix {
        label: label.into(),
        replacement: format!("{}{to}{}", &markdown[..at], &markdown[at + from.len()..]),
    })
}

/// Bracketed words editors put in quotes, never meant as links.
const EDITORIAL_BRACKETS: &[&str] = &["sic", "sic!", "…", "...", "[…]"];

/// Whether any line outside fenced code is a link reference definition
/// (`[label]: address`, indented at most three spaces); comrak consumes
/// them while parsing, so the text is read for them.
fn has_reference_definitions(body: &str) -> bool {
    let mut fence: Option<&str> = None;
    for line in body.lines() {
        let indent = line.len() - line.trim_start_matches(' ').len();
        let trimmed = line.trim_start();
        if let Some(open) = fence {
            if trimmed.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if indent > 3 {
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            fence = Some(&trimmed[..3]);
            continue;
        }
        let Some(rest) = trimmed.strip_prefix('[') else {
            continue;
        };
        if rest.starts_with('^') {
            continue;
        }
        if let Some(close) = rest.find("]:") {
            if close > 0 && !rest[..close].contains('[') {
                return true;
            }
        }
    }
    false
}

pub(super) fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    let mut anchors: HashSet<String> = doc.headings.iter().map(|h| h.anchor.clone()).collect();
    for note in &doc.footnotes {
        anchors.insert(format!("fn-{}", note.name));
        anchors.insert(format!("fnref-{}", note.name));
    }

    for link in &doc.links {
        let place = doc.place(link.span);
        let text = link.text.trim();
        if text.is_empty() && !link.has_image {
            sink.push(
                "link.empty_text",
                place.clone(),
                "This link has no text, so readers cannot see or follow it.".into(),
                None,
            );
        } else if VAGUE.contains(&text.to_lowercase().trim_end_matches(['.', '!']).trim()) {
            sink.push(
                "link.vague_text",
                place.clone(),
                format!(
                    "The link text \"{}\" says nothing on its own; name where it goes.",
                    quote(text, 30)
                ),
                None,
            );
        }
        let url = link.url.trim();
        if url.len() > 7 && url[..7].eq_ignore_ascii_case("http://") {
            let fix = retarget(
                doc,
                link.span,
                url,
                &format!("https://{}", &url[7..]),
                "Use https",
            );
            sink.push(
                "link.insecure",
                place.clone(),
                format!(
                    "{} uses http:; use https: if the site supports it.",
                    quote(url, 50)
                ),
                fix,
            );
        }
        if let Some(target) = url.strip_prefix('#') {
            let decoded = percent_encoding::percent_decode_str(target).decode_utf8_lossy();
            if !target.is_empty()
                && !anchors.contains(target)
                && !anchors.contains(decoded.as_ref())
            {
                sink.push(
                    "link.broken_anchor",
                    place,
                    format!("No heading here has the anchor \"#{}\".", quote(target, 40)),
                    None,
                );
            }
        }
    }

    for (name, span) in &doc.undefined_footnotes {
        sink.push(
            "footnote.undefined",
            doc.place(*span),
            format!("Footnote [^{name}] is referred to but never written (`[^{name}]: …`)."),
            None,
        );
    }

    // `[text]` alone is often just brackets in prose ("[sic]", an
    // editor's "[the mayor]"), so it is only questioned on a page that
    // writes its links as references; `[text][label]` and `[text][]` are
    // certainly meant as links.
    let uses_references = has_reference_definitions(doc.body)
        || doc
            .unresolved
            .iter()
            .any(|r| doc.slice(r.span).contains("]["));
    for reference in &doc.unresolved {
        let place = doc.place(reference.span);
        let label = quote(&reference.label, 30);
        if doc.slice(reference.span).contains("][") {
            sink.push(
                "link.undefined_reference",
                place,
                format!(
                    "The link reference [{label}] has no definition (`[{label}]: https://…`), so it shows as plain text."
                ),
                None,
            );
        } else if uses_references && !EDITORIAL_BRACKETS.contains(&reference.label.trim()) {
            sink.push(
                "link.undefined_shortcut",
                place,
                format!(
                    "[{label}] reads as a reference link, but there is no `[{label}]: https://…`; if the brackets are meant as text, ignore this."
                ),
                None,
            );
        }
    }

    for note in &doc.footnotes {
        if note.references == 0 {
            sink.push(
                "footnote.unused",
                doc.place(note.span),
                format!(
                    "Footnote [^{}] is never referred to in the text, so it is not published.",
                    note.name
                ),
                None,
            );
        }
    }
}
