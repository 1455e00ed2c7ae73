//! The prose: long paragraphs and sentences, a word typed twice, leftover
//! placeholders, and how easy it is to read.

use super::source::Doc;
use super::{quote, CheckInput, Fix, Place, Readability, Sink};
use crate::domain::article::ArticleField;
use crate::transform::text_stats::word_count;

/// Doubled words that are often right ("that that", "had had").
const DOUBLES_OK: &[&str] = &["that", "had", "is", "do", "can", "bye", "no", "so", "very"];

/// Below this Flesch score a text reads as academic.
const HARD_TO_READ: f64 = 30.0;

pub(super) fn check(input: &CheckInput<'_>, doc: &Doc<'_>, sink: &mut Sink<'_>) -> Readability {
    let config = &input.site.checks;
    for paragraph in &doc.paragraphs {
        let words = word_count(&paragraph.text);
        if words > config.paragraph_max_words {
            sink.push(
                "text.long_paragraph",
                doc.place(paragraph.span),
                format!(
                    "This paragraph has {words} words; past {} it reads as a wall of text on a phone.",
                    config.paragraph_max_words
                ),
                None,
            );
        }
        let source = doc.slice(paragraph.span);
        let mut cursor = 0;
        for sentence in sentences(&paragraph.text) {
            let words = word_count(sentence);
            let located = locate(source, sentence, &mut cursor);
            if words > config.sentence_max_words {
                let span = located
                    .map(|(s, e)| (paragraph.span.0 + s, paragraph.span.0 + e))
                    .unwrap_or(paragraph.span);
                sink.push(
                    "text.long_sentence",
                    doc.place(span),
                    format!(
                        "The sentence \"{}\" has {words} words; consider splitting it.",
                        quote(sentence, 40)
                    ),
                    None,
                );
            }
        }
    }

    for run in &doc.texts {
        repeated_words(doc, run, sink);
        for (at, len, found) in placeholders(&run.text) {
            let span = match run.start {
                Some(start) => (start + at, start + at + len),
                None => run.span,
            };
            sink.push(
                "text.placeholder",
                doc.place(span),
                format!("\"{found}\" looks like a placeholder left in the text."),
                None,
            );
        }
    }
    for (field, value) in [
        (ArticleField::Title, &input.meta.title),
        (ArticleField::Dek, &input.meta.dek),
        (ArticleField::MetaDescription, &input.meta.meta_description),
    ] {
        if let Some((_, _, found)) = placeholders(value).into_iter().next() {
            sink.push(
                "text.placeholder",
                Place::Field { field },
                format!(
                    "\"{found}\" in the {} looks like a placeholder.",
                    field.label().to_lowercase()
                ),
                None,
            );
        }
    }
    for (index, item) in input.faq.iter().enumerate() {
        if let Some((_, _, found)) = placeholders(&format!("{}\n{}", item.question, item.answer))
            .into_iter()
            .next()
        {
            sink.push(
                "text.placeholder",
                Place::Faq {
                    index: index as u32,
                },
                format!(
                    "\"{found}\" in question {} looks like a placeholder.",
                    index + 1
                ),
                None,
            );
        }
    }

    let readability = readability(&input.site.language, doc);
    if let Some(score) = readability.score {
        if score < HARD_TO_READ {
            sink.push(
                "text.hard_to_read",
                Place::Body {
                    start: doc.pos(0),
                    end: doc.pos(0),
                },
                format!(
                    "Reading ease is {score:.0} (hard); shorter sentences and words make it easier."
                ),
                None,
            );
        }
    }
    readability
}

/// Sentences: text up to `.`, `!` or `?` followed by a space or the end.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (i, &(at, c)) in chars.iter().enumerate() {
        let next_is_space = chars.get(i + 1).is_none_or(|&(_, n)| n.is_whitespace());
        if matches!(c, '.' | '!' | '?') && next_is_space {
            let end = at + c.len_utf8();
            let sentence = text[start..end].trim();
            if !sentence.is_empty() {
                out.push(sentence);
            }
            start = end;
        }
    }
    let rest = text[start..].trim();
    if !rest.is_empty() {
        out.push(rest);
    }
    out
}

/// Where a sentence's first and last words are in the paragraph's
/// Markdown, searching from `cursor` on (sentences come in order).
fn locate(source: &str, sentence: &str, cursor: &mut usize) -> Option<(usize, usize)> {
    let words: Vec<&str> = sentence.split_whitespace().collect();
    let (first, last) = (words.first()?, words.last()?);
    let start = *cursor + source.get(*cursor..)?.find(first)?;
    let last_at = start
        + source
            .get(start..)?
            .rfind_within(last, sentence.len() * 2)?;
    let end = last_at + last.len();
    *cursor = end;
    Some((start, end))
}

trait FindWithin {
    fn rfind_within(&self, needle: &str, window: usize) -> Option<usize>;
}

impl FindWithin for str {
    /// The last `needle` within the first `window` bytes (at a character
    /// boundary), else the first anywhere.
    fn rfind_within(&self, needle: &str, window: usize) -> Option<usize> {
        let mut cut = window.min(self.len());
        while !self.is_char_boundary(cut) {
            cut -= 1;
        }
        self[..cut].rfind(needle).or_else(|| self.find(needle))
    }
}

/// Words as `(byte offset, word)`: letters, digits and inner apostrophes.
fn words(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        let inside = c.is_alphanumeric() || (matches!(c, '\'' | '’') && start.is_some());
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, text[s..i].trim_end_matches(['\'', '’'])));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

fn repeated_words(doc: &Doc<'_>, run: &super::source::TextRun, sink: &mut Sink<'_>) {
    let words = words(&run.text);
    for pair in words.windows(2) {
        let ((a_at, a), (b_at, b)) = (pair[0], pair[1]);
        let between = &run.text[a_at + a.len()..b_at];
        let same = a.to_lowercase() == b.to_lowercase();
        if !same
            || !between.chars().all(char::is_whitespace)
            || between.is_empty()
            || !a.chars().any(char::is_alphabetic)
            || DOUBLES_OK.contains(&a.to_lowercase().as_str())
        {
            continue;
        }
        let (span, fix) = match run.start {
            Some(start) => (
                (start + a_at, start + b_at + b.len()),
                Some(Fix {
                    label: format!("Keep one \"{a}\""),
                    replacement: a.to_string(),
                }),
            ),
            None => (run.span, None),
        };
        sink.push(
            "text.repeated_word",
            doc.place(span),
            format!("\"{a} {b}\": the word is repeated."),
            fix,
        );
    }
}

/// Placeholders as `(byte offset, byte length, text)`: TODO, FIXME, TK,
/// XX (any run of X), and "lorem ipsum" in any case.
fn placeholders(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    for (at, word) in words(text) {
        let marker = matches!(word, "TODO" | "FIXME" | "TK" | "TKTK" | "TBD")
            || (word.len() >= 2 && word.chars().all(|c| c == 'X'));
        if marker {
            out.push((at, word.len(), word.to_string()));
        }
    }
    let lower = text.to_lowercase();
    // Lower-casing can change byte lengths; only trust offsets when not.
    if lower.len() == text.len() {
        let mut from = 0;
        while let Some(found) = lower[from..].find("lorem ipsum") {
            let at = from + found;
            out.push((
                at,
                11,
                text.get(at..at + 11).unwrap_or("lorem ipsum").to_string(),
            ));
            from = at + 11;
        }
    } else if lower.contains("lorem ipsum") {
        out.push((0, 0, "lorem ipsum".to_string()));
    }
    out.sort_by_key(|p| p.0);
    out
}

/// Flesch reading ease over the body's paragraphs, for English; other
/// languages have other formulas (or none), so they are not measured.
fn readability(language: &str, doc: &Doc<'_>) -> Readability {
    let language = language.trim().to_string();
    let english = language
        .split('-')
        .next()
        .is_some_and(|l| l.eq_ignore_ascii_case("en"));
    if !english {
        return Readability {
            summary: format!("not measured for {language}"),
            language,
            score: None,
        };
    }
    let (mut sentence_count, mut word_total, mut syllable_total) = (0usize, 0usize, 0usize);
    for paragraph in &doc.paragraphs {
        for sentence in sentences(&paragraph.text) {
            let ws: Vec<&str> = words(sentence)
                .into_iter()
                .map(|(_, w)| w)
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect();
            if ws.is_empty() {
                continue;
            }
            sentence_count += 1;
            word_total += ws.len();
            syllable_total += ws.iter().map(|w| syllables(w)).sum::<usize>();
        }
    }
    if word_total == 0 {
        return Readability {
            language,
            score: None,
            summary: "not measured: no text yet".into(),
        };
    }
    let score = 206.835
        - 1.015 * (word_total as f64 / sentence_count as f64)
        - 84.6 * (syllable_total as f64 / word_total as f64);
    let score = (score.clamp(0.0, 100.0) * 10.0).round() / 10.0;
    let band = match score {
        s if s >= 80.0 => "easy",
        s if s >= 60.0 => "plain English",
        s if s >= 50.0 => "fairly difficult",
        s if s >= 30.0 => "difficult",
        _ => "very difficult",
    };
    Readability {
        language,
        score: Some(score),
        summary: format!("{score:.0} ({band})"),
    }
}

/// English syllables by the usual rule of thumb: groups of vowels, less a
/// silent final "e" ("make"), at least one. Good enough for a score that
/// is itself an estimate.
fn syllables(word: &str) -> usize {
    let word: Vec<char> = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphabetic())
        .collect();
    let vowel = |c: char| matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
    let mut count: usize = 0;
    let mut previous = false;
    for &c in &word {
        let v = vowel(c);
        if v && !previous {
            count += 1;
        }
        previous = v;
    }
    let n = word.len();
    if n > 2
        && word[n - 1] == 'e'
        && !vowel(word[n - 2])
        && !(word[n - 2] == 'l' && n > 3 && !vowel(word[n - 3]))
    {
        count = count.saturating_sub(1);
    }
    count.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syllables_follow_the_rule_of_thumb() {
        assert_eq!(syllables("cat"), 1);
        assert_eq!(syllables("make"), 1);
        assert_eq!(syllables("table"), 2);
        assert_eq!(syllables("reading"), 2);
        assert_eq!(syllables("readability"), 5);
    }

    #[test]
    fn sentences_split_at_stops_followed_by_space() {
        assert_eq!(
            sentences("One. Two costs $1.50! Three?"),
            vec!["One.", "Two costs $1.50!", "Three?"]
        );
    }
}
