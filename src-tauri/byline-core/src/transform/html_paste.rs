//! Rich text pasted from a web page or a word processor, turned into clean
//! Markdown: headings, emphasis, links, lists, quotes, tables and code are
//! kept; styling, scripts, forms and the word processor's own markup are not.
//!
//! The result is Markdown like any the writer types, so it reaches the page
//! only through the renderer and its sanitiser.

use std::sync::LazyLock;

use htmd::options::{BulletListMarker, CodeBlockStyle, HeadingStyle, Options, TranslationMode};
use htmd::HtmlToMarkdown;

use crate::domain::error::{Error, Result};
use crate::transform::lines::collapse_blank_lines;

/// A clipboard this large is not an article excerpt; refusing it keeps a
/// runaway paste from freezing the window.
pub const MAX_PASTE_BYTES: usize = 8 * 1024 * 1024;

/// Elements whose content is never text a writer meant to paste.
const SKIPPED: &[&str] = &[
    "head", "script", "style", "noscript", "template", "meta", "link", "title", "iframe", "object",
    "embed", "svg", "canvas", "video", "audio", "form", "button", "input", "select", "textarea",
    "nav",
];

static CONVERTER: LazyLock<HtmlToMarkdown> = LazyLock::new(|| {
    HtmlToMarkdown::builder()
        .skip_tags(SKIPPED.to_vec())
        .options(Options {
            heading_style: HeadingStyle::Atx,
            code_block_style: CodeBlockStyle::Fenced,
            bullet_list_marker: BulletListMarker::Dash,
            // "- item", "1. item": how writers type lists.
            ul_bullet_spacing: 1,
            ol_number_spacing: 1,
            // Plain Markdown only: HTML the converter cannot express is
            // reduced to its text rather than carried along.
            translation_mode: TranslationMode::Pure,
            ..Options::default()
        })
        .build()
});

pub fn html_to_markdown(html: &str) -> Result<String> {
    if html.len() > MAX_PASTE_BYTES {
        return Err(Error::invalid(
            "pasted text",
            format!(
                "is {} bytes; the limit is {MAX_PASTE_BYTES} bytes",
                html.len()
            ),
        ));
    }
    if depth::too_deep(html, depth::MAX_PASTE_DEPTH) {
        return Err(Error::invalid(
            "pasted text",
            format!(
                "nests more than {} elements deep; paste a smaller part",
                depth::MAX_PASTE_DEPTH
            ),
        ));
    }
    let markdown = CONVERTER
        .convert(html)
        .map_err(|e| Error::invalid("pasted text", format!("could not be read as HTML: {e}")))?;
    Ok(tidy(&markdown))
}

/// Trims the ends, drops the non-breaking spaces word processors scatter,
/// and keeps at most one blank line between blocks.
fn tidy(markdown: &str) -> String {
    collapse_blank_lines(&markdown.replace('\u{a0}', " "))
        .trim()
        .to_string()
}

pub(crate) mod depth;

#[cfg(test)]
mod tests;
