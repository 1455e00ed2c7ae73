//! The one rule for a URL that leaves the app: in an attribute of the
//! rendered HTML, in the JSON-LD, in the page head and feed, or taken from
//! front matter.
//!
//! Browsers, feed readers, mail clients and CMSs disagree about which
//! characters they skip in a URL, and how often they decode character
//! references, so the rule is judged on the most lenient reading any of
//! them might make: character references decoded, every whitespace,
//! control and invisible format character removed. On that reading the URL
//! must be a relative reference (no `:` before its first `/`, `?` or `#`,
//! as RFC 3986 §4.2 requires of one) or start with an allowed scheme. So
//! `\u{2028}javascript:`, `java\u{1}script:`, `&#106;avascript:` and
//! `javascript&colon;` are all refused, whatever a given reader would have
//! made of them.

use std::borrow::Cow;

/// The schemes a page's own address, image or feed link may have.
pub const WEB_SCHEMES: &[&str] = &["http", "https"];

/// `raw` without the characters a reader might skip, when it is a relative
/// reference or its scheme is one of `allowed` (ASCII, compared without
/// case); `None` when it is anything else.
///
/// The URL is judged as written and with its character references decoded
/// (before and after stripping), and must pass every way. What is returned is the URL as written
/// (not decoded: the caller's context decodes it once, as it always did, and
/// decoding it here too would change a good URL holding `&amp;`), without
/// whitespace, control or invisible format characters.
pub fn clean_url(raw: &str, allowed: &[&str]) -> Option<String> {
    let cleaned = strip(raw);
    if !is_acceptable(&cleaned, allowed) {
        return None;
    }
    if raw.contains('&') {
        // Decoded before stripping, as a browser reads it (`&#x3A` then a
        // space is a colon), and after, as a reader that strips first
        // would (`&#x3A` then `a` is another character).
        for view in [raw, cleaned.as_str()] {
            if !is_acceptable(&strip(&decode_char_refs(view)), allowed) {
                return None;
            }
        }
    }
    Some(cleaned)
}

fn strip(s: &str) -> String {
    s.chars().filter(|c| !is_ignorable(*c)).collect()
}

/// A URL field as written when the rule accepts it, empty otherwise: for
/// fields that are data (front matter, the JSON export's fields), where a
/// path such as `my cover.jpg` must stay as it is, not links on a page.
pub fn accepted(url: &str) -> String {
    if clean_url(url, WEB_SCHEMES).is_some() {
        url.to_owned()
    } else {
        String::new()
    }
}

/// Relative (no `:` before the first `/`, `?` or `#`), or an allowed scheme
/// before that `:`. A `:` there after something that is not a scheme
/// (`1x:`, `ja\u{300}vascript:`) is refused too: no relative reference may
/// have one, and some reader somewhere would take it for a scheme.
fn is_acceptable(url: &str, allowed: &[&str]) -> bool {
    let end = url.find(['/', '?', '#']).unwrap_or(url.len());
    match url[..end].find(':') {
        None => true,
        Some(colon) => {
            let scheme = &url[..colon];
            is_scheme(scheme) && allowed.iter().any(|a| a.eq_ignore_ascii_case(scheme))
        }
    }
}

/// RFC 3986: an ASCII letter, then letters, digits, `+`, `-` or `.`.
fn is_scheme(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// Whitespace (which covers the Unicode space, line and paragraph
/// separators), controls (C0, DEL, C1) and the invisible format characters
/// (Unicode category Cf, listed here as of Unicode 15.1: std has no
/// category lookup).
pub fn is_ignorable(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{AD}'
                | '\u{600}'..='\u{605}'
                | '\u{61C}'
                | '\u{6DD}'
                | '\u{70F}'
                | '\u{890}'..='\u{891}'
                | '\u{8E2}'
                | '\u{180E}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2064}'
                | '\u{2066}'..='\u{206F}'
                | '\u{FEFF}'
                | '\u{FFF9}'..='\u{FFFB}'
                | '\u{110BD}'
                | '\u{110CD}'
                | '\u{13430}'..='\u{1343F}'
                | '\u{1BCA0}'..='\u{1BCA3}'
                | '\u{1D173}'..='\u{1D17A}'
                | '\u{E0001}'
                | '\u{E0020}'..='\u{E007F}'
        )
}

/// Decodes HTML character references the way a browser does in text, and a
/// little more eagerly: numeric ones in decimal or hex with or without the
/// `;`, and every named one in the HTML table (the legacy ones such as
/// `&nbsp` also without `;`, even where an attribute would leave them).
/// Eager is the safe side: the result is only ever used to refuse a URL.
pub fn decode_char_refs(s: &str) -> Cow<'_, str> {
    if !s.contains('&') {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match decode_one(after) {
            Some((decoded, used)) => {
                out.push_str(&decoded);
                rest = &after[used..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// The reference at the start of `s` (just after its `&`): what it decodes
/// to and how many bytes of `s` it used.
fn decode_one(s: &str) -> Option<(String, usize)> {
    if let Some(num) = s.strip_prefix('#') {
        let (radix, digits_at) = match num.as_bytes().first() {
            Some(b'x' | b'X') => (16, 2),
            _ => (10, 1),
        };
        let digits = &s[digits_at..];
        let len = digits
            .find(|c: char| !c.is_digit(radix))
            .unwrap_or(digits.len());
        if len == 0 {
            return None;
        }
        // Too large a number is U+FFFD, as in a browser; so are 0 and
        // surrogates, which `from_u32` refuses.
        let c = u32::from_str_radix(&digits[..len], radix)
            .ok()
            .and_then(char::from_u32)
            .filter(|c| *c != '\0')
            .unwrap_or('\u{FFFD}');
        let semi = usize::from(digits[len..].starts_with(';'));
        return Some((c.to_string(), digits_at + len + semi));
    }
    let name_len = s
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    if name_len == 0 {
        return None;
    }
    // The table also holds every prefix of a name, for a tokenizer's
    // longest match, with (0, 0) for "no character".
    let entity = |name: &str| {
        markup5ever::data::NAMED_ENTITIES
            .get(name)
            .filter(|(a, _)| *a != 0)
            .map(|&(a, b)| code_points(a, b))
    };
    if s[name_len..].starts_with(';') {
        if let Some(decoded) = entity(&s[..=name_len]) {
            return Some((decoded, name_len + 1));
        }
    }
    // The legacy names that may go without `;`: the longest that fits.
    (1..=name_len.min(32))
        .rev()
        .find_map(|len| entity(&s[..len]).map(|decoded| (decoded, len)))
}

fn code_points(a: u32, b: u32) -> String {
    [a, b]
        .into_iter()
        .filter(|&c| c != 0)
        .filter_map(char::from_u32)
        .collect()
}

#[cfg(test)]
mod tests;
