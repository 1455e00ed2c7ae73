//! The one Markdown renderer. The preview and every export call [`render`],
//! so what the writer sees is what gets published.
//!
//! comrak turns Markdown into HTML with raw HTML allowed (writers do use
//! `<kbd>` or `<details>`), then ammonia removes everything that could run
//! script or load a foreign document. Sanitising is not optional and there is
//! no unsanitised path out of this module.

use std::collections::HashSet;
use std::sync::LazyLock;

use serde::Serialize;
use ts_rs::TS;

use crate::text_stats::{stats, TextStats};

/// What the preview needs after a keystroke: the HTML and the counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Preview {
    pub html: String,
    pub stats: TextStats,
}

/// Renders Markdown to sanitised HTML.
pub fn render(markdown: &str) -> String {
    let raw = comrak::markdown_to_html(markdown, &COMRAK_OPTIONS);
    SANITIZER.clean(&raw).to_string()
}

pub fn preview(markdown: &str) -> Preview {
    Preview {
        html: render(markdown),
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
    // Raw HTML is passed through to ammonia, which decides what survives.
    options.render.r#unsafe = true;
    options
});

/// Classes comrak emits that the article stylesheet relies on. Anything else a
/// writer puts in `class` is dropped, so Markdown cannot borrow the app's own
/// class names and restyle the window around the preview.
const KNOWN_CLASSES: &[&str] = &[
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
        .add_generic_attributes(["id", "class"])
        .attribute_filter(|element, attribute, value| match (element, attribute) {
            ("input", "type") => (value == "checkbox").then_some(value.into()),
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
