//! How deep pasted HTML nests, counted from its tags before any parsing:
//! the converter walks the document recursively, so a paste nested a few
//! thousand deep (`<b><i>` over and over) would overflow the stack and
//! take the window with it. The count is an upper bound on real nesting:
//! void elements and those whose end tag is optional (`p`, `li`, `td`…,
//! which close themselves rather than nest) are not counted; a comment or
//! raw-text element's contents are not tags.

/// Far deeper than any document a writer copies from (word processors
/// stay under 30), shallow enough for the converter on a 2 MB stack.
pub const MAX_PASTE_DEPTH: usize = 128;

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];
const SELF_CLOSING: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc",
];
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noscript",
];

/// Whether `html` might nest deeper than `max`.
pub fn too_deep(html: &str, max: usize) -> bool {
    let bytes = html.as_bytes();
    let mut depth: usize = 0;
    let mut i = 0;
    while let Some(at) = html[i..].find('<') {
        i += at + 1;
        if html[i..].starts_with("!--") {
            match html[i..].find("-->") {
                Some(end) => i += end + 3,
                None => return false,
            }
            continue;
        }
        let closing = bytes.get(i) == Some(&b'/');
        let start = if closing { i + 1 } else { i };
        let name_len = html[start..]
            .bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b':')
            .count();
        if name_len == 0 {
            continue;
        }
        let name = html[start..start + name_len].to_ascii_lowercase();
        let end = html[start..].find('>').map_or(html.len(), |e| start + e);
        if VOID.contains(&name.as_str()) || SELF_CLOSING.contains(&name.as_str()) {
            i = end;
            continue;
        }
        if closing {
            depth = depth.saturating_sub(1);
        } else if html[start..end].ends_with('/') {
            // `<x/>`: foreign elements close themselves this way.
        } else if RAW_TEXT.contains(&name.as_str()) {
            let close = format!("</{name}");
            match html[end..].to_ascii_lowercase().find(&close) {
                Some(c) => {
                    i = end + c;
                    continue;
                }
                None => return false,
            }
        } else {
            depth += 1;
            if depth > max {
                return true;
            }
        }
        i = end;
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_real_nesting_only() {
        assert!(too_deep(&"<b><i>".repeat(100), 128));
        assert!(!too_deep(&"<b></b>".repeat(1000), 128));
        assert!(!too_deep(&"<p>para".repeat(1000), 128));
        assert!(!too_deep(&"<li>item<br>".repeat(1000), 128));
        assert!(!too_deep(
            &format!("<script>{}</script>", "<b>".repeat(500)),
            128
        ));
        assert!(!too_deep(&format!("<!--{}-->", "<b>".repeat(500)), 128));
        assert!(too_deep(&"<ul><li>".repeat(200), 128));
        assert!(!too_deep("<div><p>Ok</p></div> <a <", 128));
    }
}
