//! Counting what editors count. Kept in one place so the status bar, the
//! library list and the CLI always agree.

use serde::Serialize;
use ts_rs::TS;

/// Words per minute used for reading time; the common figure for adult
/// readers of web articles.
pub const READING_WORDS_PER_MINUTE: u32 = 230;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct TextStats {
    pub words: u32,
    pub characters: u32,
    pub reading_minutes: u32,
}

/// Counts words in Markdown source. A word is a whitespace-separated token
/// with at least one letter or digit, so Markdown punctuation (`##`, `-`,
/// `>`, `**`) is not counted while `**bold**` and `don't` count once.
pub fn word_count(markdown: &str) -> u32 {
    let n = markdown
        .split_whitespace()
        .filter(|token| token.chars().any(char::is_alphanumeric))
        .count();
    u32::try_from(n).unwrap_or(u32::MAX)
}

pub fn stats(markdown: &str) -> TextStats {
    let words = word_count(markdown);
    let characters = u32::try_from(markdown.chars().count()).unwrap_or(u32::MAX);
    TextStats::from_counts(words, characters)
}

impl TextStats {
    /// The stats of a text with these counts. Both are sums over the
    /// text's lines, which is how the preview keeps them up to date.
    pub fn from_counts(words: u32, characters: u32) -> TextStats {
        let reading_minutes = if words == 0 {
            0
        } else {
            words.div_ceil(READING_WORDS_PER_MINUTE)
        };
        TextStats {
            words,
            characters,
            reading_minutes,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_punctuation_is_not_a_word() {
        assert_eq!(word_count("## Hello **world**\n\n- one\n> two"), 4);
        assert_eq!(word_count("  \n\t "), 0);
        assert_eq!(word_count("don't stop — café 2026"), 4);
    }

    #[test]
    fn reading_time_rounds_up() {
        assert_eq!(stats("").reading_minutes, 0);
        assert_eq!(stats("word").reading_minutes, 1);
        let long = "word ".repeat(461);
        assert_eq!(stats(&long).reading_minutes, 3);
        assert_eq!(stats("héllo").characters, 5);
    }
}
