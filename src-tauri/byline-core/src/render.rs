//! The one Markdown renderer. The preview and every export call [`render`],
//! so what the writer sees is what gets published.
//!
//! comrak turns Markdown into HTML with raw HTML allowed (writers do use
//! `<kbd>` or `<details>`), then ammonia removes everything that could run
//! script or load a foreign document. Sanitising is not optional and there is
//! no unsanitised path out of this module.

use std::collections::HashSet;
use std::sync::LazyLock;

use comrak::nodes::{AlertType, NodeValue};
use serde::Serialize;
use ts_rs::TS;

use crate::text_stats::{stats, TextStats};

/// What the preview needs after a keystroke: the page as top-level blocks
/// (so unchanged ones stay on screen untouched) and the counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Preview {
    pub blocks: Vec<PreviewBlock>,
    pub stats: TextStats,
}

mod blocks;
pub use blocks::{without_sourcepos, PreviewBlock};

/// Renders Markdown to sanitised HTML, as exports publish it.
pub fn render(markdown: &str) -> String {
    render_with(markdown, &COMRAK_OPTIONS)
}

/// The same HTML with each element's source lines in `data-sourcepos`
/// ("3:1-5:20"): the preview uses them to update only the blocks that
/// changed and to scroll in step with the editor. Nothing else differs.
pub fn render_for_preview(markdown: &str) -> String {
    render_with(markdown, &PREVIEW_OPTIONS)
}

fn render_with(markdown: &str, options: &comrak::Options<'static>) -> String {
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, markdown, options);
    label_alerts(root);
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    comrak::format_html(root, options, &mut raw).expect("formatting into a String cannot fail");
    SANITIZER.clean(&raw).to_string()
}

/// The label a callout shows when the writer gave it none. Newsrooms call a
/// tip box "Pro Tip"; the others keep GitHub's names.
pub fn alert_label(kind: AlertType) -> &'static str {
    match kind {
        AlertType::Tip => "Pro Tip",
        AlertType::Note => "Note",
        AlertType::Important => "Important",
        AlertType::Warning => "Warning",
        AlertType::Caution => "Caution",
    }
}

fn label_alerts<'a>(root: &'a comrak::nodes::AstNode<'a>) {
    for node in root.descendants() {
        if let NodeValue::Alert(alert) = &mut node.data_mut().value {
            if alert.title.is_none() {
                alert.title = Some(alert_label(alert.alert_type).to_string());
            }
        }
    }
}

pub fn preview(markdown: &str) -> Preview {
    Preview {
        blocks: blocks::split(&render_for_preview(markdown)),
        stats: stats(markdown),
    }
}

static COMRAK_OPTIONS: LazyLock<comrak::Options<'static>> = LazyLock::new(|| {
    let mut options = comrak::Options::default();
    let ext = &mut options.extension;
    ext.strikethrough = true;
    ext.table = true;
    ext.autolink = true;
    ext.tasklist = true;
    ext.footnotes = true;
    // `> [!TIP]` and friends become labelled callout boxes.
    ext.alerts = true;
    // Headings get ids (and an empty anchor link) so they can be linked to.
    ext.header_id_prefix = Some(String::new());
    // Raw HTML is passed through to ammonia, which decides what survives.
    options.render.r#unsafe = true;
    options
});

static PREVIEW_OPTIONS: LazyLock<comrak::Options<'static>> = LazyLock::new(|| {
    let mut options = COMRAK_OPTIONS.clone();
    options.render.sourcepos = true;
    options
});

/// Classes comrak emits that the article stylesheet relies on. Anything else a
/// writer puts in `class` is dropped, so Markdown cannot borrow the app's own
/// class names and restyle the window around the preview.
const KNOWN_CLASSES: &[&str] = &[
    "anchor",
    "markdown-alert",
    "markdown-alert-title",
    "markdown-alert-note",
    "markdown-alert-tip",
    "markdown-alert-important",
    "markdown-alert-warning",
    "markdown-alert-caution",
    "footnotes",
    "footnote-ref",
    "footnote-backref",
    "task-list-item",
    "contains-task-list",
    "task-list-item-checkbox",
];

static SANITIZER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut b = ammonia::Builder::default();
    b.url_schemes(HashSet::from(["http", "https", "mailto", "tel"]))
        .add_tags([
            "input",
            "section",
            "details",
            "summary",
            "mark",
            "kbd",
            "figure",
            "figcaption",
        ])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes(
            "a",
            ["data-footnote-ref", "data-footnote-backref", "aria-label"],
        )
        .add_tag_attributes("section", ["data-footnotes"])
        .add_tag_attributes("ol", ["start"])
        .add_generic_attributes(["id", "class", "data-sourcepos"])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("input", "type") => (value == "checkbox").then_some(value.into()),
            (_, "data-sourcepos") => is_sourcepos(value).then_some(value.into()),
            (_, "class") => {
                let kept: Vec<&str> = value
                    .split_ascii_whitespace()
                    .filter(|c| {
                        KNOWN_CLASSES.contains(c) || (element == "code" && is_language_class(c))
                    })
                    .collect();
                (!kept.is_empty()).then(|| kept.join(" ").into())
            }
            _ => Some(value.into()),
        });
    b
});

/// `line:col-line:col`, nothing else: the attribute carries numbers only.
fn is_sourcepos(value: &str) -> bool {
    !value.is_empty()
        && value.len() < 48
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || c == ':' || c == '-')
}

fn is_language_class(class: &str) -> bool {
    class.strip_prefix("language-").is_some_and(|lang| {
        !lang.is_empty()
            && lang
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+#-_.".contains(c))
    })
}

#[cfg(test)]
mod tests;
