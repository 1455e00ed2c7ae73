//! A one-line account of what changed between two states of an article:
//! the label of an automatic revision ("+84 words in 'What changes'", or
//! the first words of the changed passage when no heading is above it),
//! and how much changed, so the revision rule can tell a real amount of
//! writing from a fixed typo.

use super::{compare, DiffKind, DiffSpan};
use crate::domain::revision::RevisionState;

/// How much changed from one state to the next, and how to say it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeSummary {
    pub words_added: u32,
    pub words_removed: u32,
    /// Characters added plus characters removed in the body.
    pub chars_changed: usize,
    /// The fields other than the body that changed, as a writer knows them
    /// ("Title", "FAQ"), each once.
    pub fields: Vec<String>,
    /// One line, at most `LABEL_CHARS` characters.
    pub label: String,
}

/// Longest label made here; under the library's limit for any label.
pub const LABEL_CHARS: usize = 100;
const HEADING_CHARS: usize = 40;
const EXCERPT_WORDS: usize = 6;
const EXCERPT_CHARS: usize = 40;

/// What changed from `before` to `after`.
pub fn summarise(before: &RevisionState, after: &RevisionState) -> ChangeSummary {
    let comparison = compare(before, after);
    let mut fields: Vec<String> = Vec::new();
    for change in &comparison.fields {
        // "FAQ 2: answer" and "FAQ: removed item 3" are both the FAQ.
        let name = if change.field.starts_with("FAQ") {
            "FAQ".to_owned()
        } else {
            change.field.clone()
        };
        if !fields.contains(&name) {
            fields.push(name);
        }
    }
    let chars_changed = comparison
        .body
        .iter()
        .filter(|s| s.kind != DiffKind::Same)
        .map(|s| s.text.chars().count())
        .sum();
    let regions = regions(&comparison.body);
    let words_added = regions.iter().map(|r| r.words_added).sum();
    let words_removed = regions.iter().map(|r| r.words_removed).sum();
    let mut label = if before.body != after.body {
        body_label(&regions, &after.body, words_added, words_removed)
    } else {
        String::new()
    };
    if !fields.is_empty() {
        let edited = format!("edited {}", fields.join(", "));
        label = if label.is_empty() {
            capitalise(&edited)
        } else {
            format!("{label}; {edited}")
        };
    }
    if label.is_empty() {
        label = "No change".to_owned();
    }
    ChangeSummary {
        words_added,
        words_removed,
        chars_changed,
        fields,
        label: shorten(&label, LABEL_CHARS),
    }
}

/// A run of changes with no unchanged text between them.
struct Region {
    /// Where its added text starts in the new body.
    start: usize,
    /// How much of the added text repeats the removed text's start.
    shared: usize,
    /// Where it is in the new body (past leading blank space it added, so
    /// an added section starting with its heading belongs to that heading).
    at: usize,
    added: String,
    removed: String,
    words_added: u32,
    words_removed: u32,
}

/// The diff's changes as regions, each with words counted as a writer
/// would: the diff shows a rewritten phrase whole ("rise." out, "rise in
/// May." in), but only the words not on both sides were written or cut,
/// and punctuation is not a word.
fn regions(spans: &[DiffSpan]) -> Vec<Region> {
    let mut out: Vec<Region> = Vec::new();
    let mut at = 0usize;
    let mut open = false;
    for span in spans {
        if span.kind == DiffKind::Same {
            at += span.text.len();
            open = false;
            continue;
        }
        if !open {
            out.push(Region {
                start: at,
                shared: 0,
                at,
                added: String::new(),
                removed: String::new(),
                words_added: 0,
                words_removed: 0,
            });
            open = true;
        }
        let region = out.last_mut().expect("pushed above");
        if span.kind == DiffKind::Added {
            region.added.push_str(&span.text);
            at += span.text.len();
        } else {
            region.removed.push_str(&span.text);
        }
    }
    for region in &mut out {
        // Removed text takes no room in the new body, so the added text
        // starts where the region does; past what both sides share and the
        // blank space after it is where the change really begins.
        let shared = region
            .added
            .char_indices()
            .zip(region.removed.chars())
            .find(|((_, a), b)| a != b)
            .map_or(
                region.added.len().min(region.removed.len()),
                |((i, _), _)| i,
            );
        region.shared = shared;
        let rest = &region.added[shared..];
        region.at += shared + rest.len() - rest.trim_start().len();
        let mut removed = words(&region.removed);
        let mut added = 0;
        for word in words(&region.added) {
            match removed.iter().position(|w| *w == word) {
                Some(i) => {
                    removed.swap_remove(i);
                }
                None => added += 1,
            }
        }
        region.words_added = added;
        region.words_removed = removed.len() as u32;
    }
    out
}

/// The words of a text, lower-cased and without the punctuation around
/// them; marks alone ("##", "—") are not words.
fn words(text: &str) -> Vec<String> {
    text.split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

/// "+12 −3 words in 'Heading'" (and how many other sections changed), or
/// "+12 words: 'first words of it…'" when no heading is above the change.
fn body_label(regions: &[Region], new_body: &str, added: u32, removed: u32) -> String {
    let plural = |n: u32| if n == 1 { "word" } else { "words" };
    let amount = match (added, removed) {
        (0, 0) => "Spacing and punctuation".to_owned(),
        (a, 0) => format!("+{a} {}", plural(a)),
        (0, r) => format!("−{r} {}", plural(r)),
        (a, r) => format!("+{a} −{r} words"),
    };
    let headings = headings(new_body);
    // Changed words per section, in the order first met. When words
    // changed, regions of punctuation alone do not count as a section.
    let mut sections: Vec<Section> = Vec::new();
    for region in regions {
        let changed = region.words_added + region.words_removed;
        if changed == 0 && (added > 0 || removed > 0) {
            continue;
        }
        if region.added.trim().is_empty() && region.removed.trim().is_empty() {
            continue;
        }
        let mut heading = headings
            .partition_point(|(offset, _)| *offset <= region.at)
            .checked_sub(1);
        // A passage that adds a heading with most of its words under it
        // belongs to that heading.
        let end = region.start + region.added.len();
        let last_inside = headings
            .partition_point(|(offset, _)| *offset < end)
            .checked_sub(1)
            .filter(|i| headings[*i].0 > region.at);
        if let Some(i) = last_inside {
            let under = words(&new_body[headings[i].0..end]).len();
            if under * 2 >= words(&region.added[region.shared..]).len() {
                heading = Some(i);
            }
        }
        match sections.iter_mut().find(|s| s.heading == heading) {
            Some(entry) => entry.words += changed,
            None => sections.push(Section {
                heading,
                words: changed,
                first: region,
            }),
        }
    }
    let Some(main) = sections
        .iter()
        .reduce(|best, next| if next.words > best.words { next } else { best })
    else {
        return amount;
    };
    let place = match main.heading {
        Some(i) => {
            let others = match sections.len() - 1 {
                0 => String::new(),
                1 => " and 1 more section".to_owned(),
                n => format!(" and {n} more sections"),
            };
            format!(" in '{}'{others}", shorten(&headings[i].1, HEADING_CHARS))
        }
        // The first words of the passage: what was written if any words
        // were, else what was cut, else the marks themselves.
        None => {
            let region = main.first;
            let (written, cut) = (
                excerpt(&region.added[region.shared..]),
                excerpt(&region.removed[region.shared.min(region.removed.len())..]),
            );
            let text = if region.words_added > 0 {
                written.or(cut)
            } else {
                cut.or(written)
            }
            .unwrap_or_else(|| {
                let marks = if region.added.trim().is_empty() {
                    &region.removed
                } else {
                    &region.added
                };
                shorten(marks.trim(), EXCERPT_CHARS)
            });
            format!(": '{text}'")
        }
    };
    format!("{amount}{place}")
}

/// The changes under one heading (`heading` indexes the headings; `None`
/// is the text above the first).
struct Section<'a> {
    heading: Option<usize>,
    words: u32,
    first: &'a Region,
}

/// The ATX headings of a Markdown text (outside fenced code), each with
/// the byte offset its line starts at and its text without the markers.
fn headings(body: &str) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut fence: Option<&str> = None;
    let mut at = 0;
    for line in body.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let trimmed = line.trim_start();
        for marker in ["```", "~~~"] {
            if trimmed.starts_with(marker) {
                fence = match fence {
                    Some(open) if open == marker => None,
                    None => Some(marker),
                    other => other,
                };
            }
        }
        if fence.is_some() || line.len() - trimmed.len() > 3 {
            continue;
        }
        let hashes = trimmed.chars().take_while(|c| *c == '#').count();
        let rest = &trimmed[hashes..];
        if (1..=6).contains(&hashes) && (rest.starts_with([' ', '\t']) || rest.trim().is_empty()) {
            let text = rest.trim().trim_end_matches('#').trim();
            let text: String = text
                .chars()
                .filter(|c| !matches!(c, '*' | '_' | '`'))
                .collect();
            if !text.is_empty() {
                out.push((start, text));
            }
        }
    }
    out
}

/// The first few words of a passage (Markdown markers such as `##`, `>`
/// and `-` left out), or `None` if it has no words.
fn excerpt(text: &str) -> Option<String> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut out = words[..words.len().min(EXCERPT_WORDS)].join(" ");
    if words.len() > EXCERPT_WORDS {
        out.push('…');
    }
    Some(shorten(&out, EXCERPT_CHARS))
}

/// `text` cut to `max` characters, ending in "…" when cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out: String = text.chars().take(max - 1).collect();
    out = out.trim_end().to_owned();
    out.push('…');
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
