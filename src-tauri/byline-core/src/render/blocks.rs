//! Splitting rendered HTML into its top-level blocks, each with a key that
//! ignores source positions, so the preview can keep every block whose key
//! it already shows and build only the rest.
//!
//! The input is the sanitiser's own serialisation: well-formed, no raw-text
//! elements (scripts and styles are gone), `<` escaped in text. The scanner
//! only has to follow tags, quoted attribute values, comments and void
//! elements to know when a top-level element ends.

use std::hash::{Hash, Hasher};

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PreviewBlock {
    /// Identifies the block's content, source positions left out: typing a
    /// line above a block changes its positions, not its key.
    pub key: String,
    pub html: String,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// The top-level elements of `html`, in order. Text between them (the
/// serialiser's newlines) is dropped; stray top-level text becomes a block
/// of its own so nothing is lost.
pub fn split(html: &str) -> Vec<PreviewBlock> {
    let bytes = html.as_bytes();
    let mut blocks = Vec::new();
    let mut depth: usize = 0;
    let mut start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            if depth == 0 && start.is_none() && !bytes[i].is_ascii_whitespace() {
                start = Some(i);
            }
            i += 1;
            continue;
        }
        if html[i..].starts_with("<!--") {
            let end = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
            i = end;
            continue;
        }
        let tag_end = tag_end(bytes, i);
        let closing = bytes.get(i + 1) == Some(&b'/');
        if depth == 0 && start.is_none() {
            start = Some(i);
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else {
            let name = tag_name(&html[i + 1..tag_end]);
            let self_closing = bytes[tag_end - 1] == b'/' || VOID.contains(&name.as_str());
            if !self_closing {
                depth += 1;
            }
        }
        i = tag_end + 1;
        if depth == 0 {
            if let Some(s) = start.take() {
                push(&mut blocks, &html[s..i]);
            }
        }
    }
    if let Some(s) = start {
        push(&mut blocks, html[s..].trim_end());
    }
    blocks
}

/// The index of the `>` that ends the tag starting at `open`, skipping `>`
/// inside quoted attribute values.
fn tag_end(bytes: &[u8], open: usize) -> usize {
    let mut quote: Option<u8> = None;
    let mut j = open + 1;
    while j < bytes.len() {
        match (quote, bytes[j]) {
            (None, b'"' | b'\'') => quote = Some(bytes[j]),
            (Some(q), c) if c == q => quote = None,
            (None, b'>') => return j,
            _ => {}
        }
        j += 1;
    }
    bytes.len() - 1
}

fn tag_name(inside: &str) -> String {
    inside
        .trim_start_matches('/')
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect::<String>()
        .to_ascii_lowercase()
}

fn push(blocks: &mut Vec<PreviewBlock>, html: &str) {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    without_sourcepos(html).hash(&mut hasher);
    blocks.push(PreviewBlock {
        key: format!("{:016x}", hasher.finish()),
        html: html.to_string(),
    });
}

/// `html` with every ` data-sourcepos="…"` attribute removed.
pub fn without_sourcepos(html: &str) -> String {
    const ATTR: &str = " data-sourcepos=\"";
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(at) = rest.find(ATTR) {
        out.push_str(&rest[..at]);
        let after = &rest[at + ATTR.len()..];
        rest = after.find('"').map_or("", |end| &after[end + 1..]);
    }
    out.push_str(rest);
    out
}
