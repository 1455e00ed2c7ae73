//! Cutting comrak's HTML into its top-level blocks. The page is sanitised
//! block by block (see `render::sanitize`), and the preview keys each block
//! by its HTML without source positions, so typing in one paragraph leaves
//! every other block's key, and its sanitised HTML, as it was.
//!
//! The input is comrak's output, which is unsanitised where the writer used
//! raw HTML. The cutter follows tags, quoted attribute values, comments, void
//! elements and raw-text elements (`<script>`, `<style>`, …) to know where a
//! top-level element ends. Raw HTML it cannot balance only makes a bigger
//! block: every byte lands in exactly one block, and each block is then
//! sanitised on its own.

use serde::Serialize;
use ts_rs::TS;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct PreviewBlock {
    /// Identifies the block's content, source positions left out: typing a
    /// line above a block changes its position, not its key.
    pub key: String,
    /// The block's source lines as `data-sourcepos` gives them ("3:1-5:20"),
    /// or empty for stray text. The window sets it on the block's element;
    /// scroll sync reads it.
    pub pos: String,
    /// The sanitised HTML, or `null` when the window already shows a block
    /// with this key (see `Preview::generation`).
    pub html: Option<String>,
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
    "wbr",
];

/// Elements whose content is raw text: a `<` inside them is not a tag.
const RAW_TEXT: &[&str] = &[
    "script",
    "style",
    "textarea",
    "title",
    "xmp",
    "iframe",
    "noembed",
    "noframes",
    "noscript",
    "plaintext",
];

/// The top-level elements of `html`, in order, as slices. Whitespace between
/// them (the serialiser's newlines) is dropped; stray top-level text becomes
/// a block of its own so nothing is lost.
pub fn chunks(html: &str) -> Vec<&str> {
    let bytes = html.as_bytes();
    let mut out = Vec::new();
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
        if depth == 0 && start.is_none() {
            start = Some(i);
        }
        if html[i..].starts_with("<!--") {
            i = html[i..].find("-->").map_or(bytes.len(), |e| i + e + 3);
        } else {
            let end = tag_end(bytes, i);
            if bytes[end] != b'>' {
                // A `<` that never closes: the rest is text.
                i = bytes.len();
                continue;
            }
            let closing = bytes.get(i + 1) == Some(&b'/');
            if closing {
                depth = depth.saturating_sub(1);
                i = end + 1;
            } else {
                let name = tag_name(&html[i + 1..end]);
                let self_closing = bytes[end - 1] == b'/' || VOID.contains(&name.as_str());
                i = end + 1;
                if RAW_TEXT.contains(&name.as_str()) && !self_closing {
                    // Skip to the end of the matching close tag, whatever
                    // the content looks like.
                    let close = format!("</{name}");
                    i = find_ascii_ci(&html[i..], &close)
                        .map_or(bytes.len(), |at| tag_end(bytes, i + at) + 1);
                } else if !self_closing {
                    depth += 1;
                }
            }
        }
        if depth == 0 {
            if let Some(s) = start.take() {
                out.push(&html[s..i.min(bytes.len())]);
            }
        }
    }
    if let Some(s) = start {
        let rest = html[s..].trim_end();
        if !rest.is_empty() {
            out.push(rest);
        }
    }
    out
}

fn find_ascii_ci(haystack: &str, needle: &str) -> Option<usize> {
    let (h, n) = (haystack.as_bytes(), needle.as_bytes());
    (0..h.len().saturating_sub(n.len() - 1)).find(|&at| h[at..at + n.len()].eq_ignore_ascii_case(n))
}

/// The `data-sourcepos` of a block's own (outermost) start tag.
pub fn leading_sourcepos(html: &str) -> &str {
    const ATTR: &str = " data-sourcepos=\"";
    let tag = html.find('>').map_or(html, |end| &html[..end]);
    tag.find(ATTR)
        .and_then(|at| {
            let value = &tag[at + ATTR.len()..];
            value.find('"').map(|end| &value[..end])
        })
        .unwrap_or("")
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
