//! Slugs: the URL-safe name an article is published under.
//!
//! A slug is lower-case ASCII letters, digits and single hyphens. Accented
//! and non-Latin text is transliterated ("Café à Kyiv" → `cafe-a-kyiv`,
//! "Привет мир" → `privet-mir`, "東京" → `dong-jing`) rather than dropped, so
//! a headline in any script gets a readable slug. Emoji and other pictographs
//! carry no words and are left out.

/// Slugs made from a title stop at this many characters (at a word break),
/// long enough for any headline's key words, short enough for a URL.
pub const AUTO_SLUG_CHARS: usize = 80;

/// A slug typed by the writer may be longer, up to this.
pub const MAX_SLUG_CHARS: usize = 200;

/// The slug of an article whose title gives nothing to make one from.
pub const FALLBACK_SLUG: &str = "untitled";

/// The slug made from a title: transliterated, lower case, hyphen-separated,
/// cut at a word break near [`AUTO_SLUG_CHARS`]. Never empty.
pub fn from_title(title: &str) -> String {
    let slug = normalize(title);
    let slug = truncate_at_hyphen(&slug, AUTO_SLUG_CHARS);
    if slug.is_empty() {
        FALLBACK_SLUG.to_string()
    } else {
        slug
    }
}

/// What the writer typed as a slug, in slug form: "My Post!" → `my-post`.
/// Empty when nothing in it can be part of a slug.
pub fn normalize(input: &str) -> String {
    let words: String = input.chars().filter(|c| !is_pictograph(*c)).collect();
    let ascii = deunicode::deunicode_with_tofu(&words, " ");
    let mut slug = String::with_capacity(ascii.len());
    let mut pending_hyphen = false;
    for c in ascii.chars() {
        if c.is_ascii_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.push(c.to_ascii_lowercase());
        } else if c == '\'' || c == '\u{2019}' {
            // "Writer's" → "writers", not "writer-s".
        } else {
            pending_hyphen = true;
        }
    }
    slug
}

/// `base`, or `base-2`, `base-3`… whichever is the first not taken.
pub fn first_free(base: &str, is_taken: impl Fn(&str) -> bool) -> String {
    if !is_taken(base) {
        return base.to_string();
    }
    (2u32..)
        .map(|n| format!("{base}-{n}"))
        .find(|candidate| !is_taken(candidate))
        .expect("an unbounded range always has a free suffix")
}

fn truncate_at_hyphen(slug: &str, max: usize) -> String {
    if slug.len() <= max {
        return slug.to_string();
    }
    // Slugs are ASCII, so byte indices are character indices.
    let cut = &slug[..max];
    match cut.rfind('-') {
        Some(i) if i > max / 2 => cut[..i].to_string(),
        _ => cut.trim_end_matches('-').to_string(),
    }
}

/// Emoji and pictographs, including the joiners and selectors that build
/// them: transliteration would turn them into words nobody wrote.
fn is_pictograph(c: char) -> bool {
    matches!(c as u32,
        0x1F000..=0x1FAFF   // emoji, pictographs, symbols and flags
        | 0x2600..=0x27BF   // miscellaneous symbols, dingbats
        | 0x2B00..=0x2BFF   // arrows and stars used as emoji
        | 0xFE00..=0xFE0F   // variation selectors
        | 0x200D            // zero-width joiner
        | 0xE0020..=0xE007F // tag characters (subdivision flags)
    )
}

#[cfg(test)]
mod tests;
