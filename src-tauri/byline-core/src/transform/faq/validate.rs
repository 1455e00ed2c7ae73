//! The rules a FAQ item must meet before it is published.
//!
//! A question is one line of plain text: it becomes the `name` of a
//! schema.org `Question` and a heading on the page, and neither place renders
//! markup, so `**bold**` or `<b>` would show up literally. The answer is
//! Markdown and may be formatted freely.

use std::collections::HashMap;

use serde::Serialize;
use ts_rs::TS;

use crate::domain::faq::QuestionAnswer;

/// What is wrong with one FAQ item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum FaqProblem {
    EmptyQuestion,
    EmptyAnswer,
    /// The same question as an earlier item, ignoring case, spacing and a
    /// trailing question mark.
    DuplicateQuestion,
    /// HTML tags or Markdown inline markup in the question.
    MarkupInQuestion,
}

/// One problem with one item. An item can have several.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FaqIssue {
    /// The item's position in the list, from 0.
    pub index: u32,
    pub problem: FaqProblem,
    /// One sentence for the writer, counting items from 1 ("Question 3").
    pub message: String,
}

/// Every issue in `items`, ordered by item and, within an item, in the order
/// of [`FaqProblem`]'s variants.
pub fn validate(items: &[QuestionAnswer]) -> Vec<FaqIssue> {
    let mut issues = Vec::new();
    // Normalised question -> index of its first occurrence.
    let mut seen: HashMap<String, usize> = HashMap::new();

    for (index, item) in items.iter().enumerate() {
        let n = index + 1;
        let mut push = |problem: FaqProblem, message: String| {
            issues.push(FaqIssue {
                index: u32::try_from(index).unwrap_or(u32::MAX),
                problem,
                message,
            });
        };

        let question_empty = item.question.trim().is_empty();
        if question_empty {
            push(
                FaqProblem::EmptyQuestion,
                format!("Question {n} has no question; write one or remove the item."),
            );
        }
        if item.answer.trim().is_empty() {
            push(
                FaqProblem::EmptyAnswer,
                format!("Question {n} has no answer; write one or remove the item."),
            );
        }
        if !question_empty {
            let key = normalise_question(&item.question);
            // An empty key means the question was only question marks; it is
            // still compared so "?" and "??" count as the same question.
            match seen.get(&key) {
                Some(&first) => push(
                    FaqProblem::DuplicateQuestion,
                    format!(
                        "Question {n} repeats question {}; reword it or remove it.",
                        first + 1
                    ),
                ),
                None => {
                    seen.insert(key, index);
                }
            }
        }
        if has_markup(&item.question) {
            push(
                FaqProblem::MarkupInQuestion,
                format!(
                    "Question {n} contains HTML or Markdown formatting, but questions are \
                     published as plain text; remove the formatting."
                ),
            );
        }
    }
    issues
}

/// Splits `items` into what may go into structured data and why the rest may
/// not: returns the indices (ascending) of items no issue names, and every
/// issue as [`validate`] reports it. The first of several duplicates is kept
/// if it has no issue of its own.
pub fn publishable(items: &[QuestionAnswer]) -> (Vec<usize>, Vec<FaqIssue>) {
    let issues = validate(items);
    let kept = (0..items.len())
        .filter(|&i| !issues.iter().any(|issue| issue.index as usize == i))
        .collect();
    (kept, issues)
}

/// The form two questions are compared in: trimmed, case-folded, runs of
/// whitespace made one space, trailing question marks dropped (so "Is it
/// free?" and "is it  free" are the same question).
fn normalise_question(question: &str) -> String {
    let folded = question.to_lowercase();
    let collapsed = folded.split_whitespace().collect::<Vec<_>>().join(" ");
    collapsed
        .trim_end_matches(['?', '？'])
        .trim_end()
        .to_string()
}

/// Whether `text` holds something an HTML or Markdown renderer would treat
/// as markup. Deliberately narrow: questions about code ("C++", "5 * 3",
/// "snake_case", "a < b", "Vec<T>") must not be flagged.
fn has_markup(text: &str) -> bool {
    has_html(text) || has_markdown(text)
}

fn has_html(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes
        .iter()
        .enumerate()
        .filter(|&(_, &b)| b == b'<')
        .any(|(i, _)| is_tag_at(&text[i + 1..]))
}

/// Whether what follows a `<` makes it a tag, a comment or an autolink.
fn is_tag_at(rest: &str) -> bool {
    if rest.starts_with("!--") {
        return true;
    }
    let (closing, rest) = match rest.strip_prefix('/') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let name_len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
        .unwrap_or(rest.len());
    let name = &rest[..name_len];
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        // "a < b", "<3", "<=": a bare `<` is a comparison, not a tag.
        return false;
    }
    let after = &rest[name_len..];

    if !closing {
        // `<https://example.com>` is a Markdown autolink.
        if after.starts_with(':') && name.len() >= 2 {
            let target = &after[1..];
            return target
                .find('>')
                .is_some_and(|end| end > 0 && !target[..end].contains(char::is_whitespace));
        }
    }

    let lower = name.to_ascii_lowercase();
    // A closing tag is unmistakable; an opening one is only taken for a tag
    // when it names an HTML element (or a custom element, which has a dash),
    // so type parameters such as `Vec<T>` or `Map<String>` pass.
    let known = lower.contains('-') || HTML_ELEMENTS.contains(&lower.as_str());
    if !(closing || known) {
        return false;
    }
    let Some(end) = after.find('>') else {
        return false;
    };
    let inside = &after[..end];
    if inside.contains('<') {
        return false;
    }
    if closing {
        return inside.trim().is_empty();
    }
    // `<b>`, `<br/>`, `<a href="x">`: the name must end at `>`, `/` or
    // whitespace, never run into other characters.
    inside.is_empty() || inside.starts_with(['/', ' ', '\t', '\n', '\r'])
}

fn has_markdown(text: &str) -> bool {
    text.contains("![")
        || text.matches('`').count() >= 2
        || has_emphasis_pair(text, "**")
        || has_emphasis_pair(text, "__")
        || has_inline_link(text)
}

/// Whether `delim` opens (followed by a non-space) and later closes
/// (preceded by a non-space) a span, as strong emphasis does. "5 ** 2" and
/// an unmatched `**` are left alone because no renderer formats them.
fn has_emphasis_pair(text: &str, delim: &str) -> bool {
    let mut search_from = 0;
    while let Some(found) = text[search_from..].find(delim) {
        let open = search_from + found;
        let content_start = open + delim.len();
        let opens = text[content_start..]
            .chars()
            .next()
            .is_some_and(|c| !c.is_whitespace() && !delim.starts_with(c));
        if opens {
            let mut close_search = content_start;
            while let Some(found) = text[close_search..].find(delim) {
                let close = close_search + found;
                let closes = text[..close]
                    .chars()
                    .next_back()
                    .is_some_and(|c| !c.is_whitespace());
                if close > content_start && closes {
                    return true;
                }
                close_search = close + delim.len();
            }
            return false;
        }
        search_from = content_start;
    }
    false
}

/// `[text](target)`: a bracketed label directly followed by a parenthesised
/// target, as in Markdown. "(see [1])" or "f(x)[0]" are not links.
fn has_inline_link(text: &str) -> bool {
    let mut search_from = 0;
    while let Some(found) = text[search_from..].find("](") {
        let mid = search_from + found;
        let has_label = text[..mid].rfind('[').is_some();
        let has_target = text[mid + 2..]
            .find(')')
            .is_some_and(|end| !text[mid + 2..mid + 2 + end].contains(char::is_whitespace));
        if has_label && has_target {
            return true;
        }
        search_from = mid + 2;
    }
    false
}

/// HTML element names, so `<b>` counts as a tag and `<T>` does not.
const HTML_ELEMENTS: &[&str] = &[
    "a",
    "abbr",
    "address",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "bdi",
    "bdo",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "img",
    "input",
    "ins",
    "kbd",
    "label",
    "legend",
    "li",
    "link",
    "main",
    "map",
    "mark",
    "marquee",
    "math",
    "menu",
    "meta",
    "meter",
    "nav",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "pre",
    "progress",
    "q",
    "rp",
    "rt",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "slot",
    "small",
    "source",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
];

#[cfg(test)]
mod tests;
