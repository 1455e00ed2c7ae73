//! A plain-text article (a copy of a published page, an archive's `.txt`)
//! given its structure back: title, section headings, callouts, FAQ items
//! and links, with the site's chrome left out.
//!
//! Every rule is conservative (when in doubt the text stays a paragraph)
//! and every change it makes is listed as a [`StructureChange`], so the
//! import report can say what became what and the window can undo it.
//!
//! - The first line is the title (emoji kept); a later line repeating it
//!   is dropped.
//! - A short line with no final punctuation, standing alone between two
//!   paragraphs of text, is a section heading.
//! - A paragraph opening "Pro Tip:", "Tip:", "Note:", "Warning:",
//!   "Important:" or "Caution:" is the matching callout.
//! - A "Frequently Asked Questions" (or "FAQ") line followed by question
//!   lines (ending in "?"), each with its answer, is FAQ items.
//! - A bare `http(s)://` address is a link.
//! - Site chrome ([`chrome`]) is dropped.

mod chrome;
pub(crate) use chrome::{chrome_kind, is_related_link};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::faq::QuestionAnswer;
use crate::domain::site_settings::DEFAULT_FAQ_HEADING;

/// What one rule did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Title,
    RepeatedHeadline,
    Heading,
    Callout,
    FaqItem,
    Link,
    CommentCount,
    SharePrompt,
    Subscribe,
    DiscoverMore,
    /// "You may also like" and the links listed under it.
    Related,
}

impl ChangeKind {
    /// Whether the change dropped a site's chrome.
    pub fn is_chrome(self) -> bool {
        matches!(
            self,
            ChangeKind::CommentCount
                | ChangeKind::SharePrompt
                | ChangeKind::Subscribe
                | ChangeKind::DiscoverMore
                | ChangeKind::Related
        )
    }

    /// The rule in plain words, for the report.
    pub fn reason(self) -> &'static str {
        match self {
            ChangeKind::Title => "the first line is the title",
            ChangeKind::RepeatedHeadline => "a repeat of the title, dropped",
            ChangeKind::Heading => {
                "a short line without final punctuation between paragraphs is a section heading"
            }
            ChangeKind::Callout => "a paragraph opening with a callout label is a callout",
            ChangeKind::FaqItem => "a question under the FAQ line and its answer is a FAQ item",
            ChangeKind::Link => "a bare web address is a link",
            ChangeKind::CommentCount => "a comment count, dropped",
            ChangeKind::SharePrompt => "a share prompt, dropped",
            ChangeKind::Subscribe => "a subscribe prompt, dropped",
            ChangeKind::DiscoverMore => "a \"discover more from\" box, dropped",
            ChangeKind::Related => "a \"you may also like\" list, dropped",
        }
    }
}

/// One change, with the text as it was and what it became (empty when the
/// text was dropped).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct StructureChange {
    pub kind: ChangeKind,
    pub original: String,
    pub became: String,
}

impl std::fmt::Display for StructureChange {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let original = self.original.replace('\n', " ");
        if self.became.is_empty() || self.kind == ChangeKind::Title {
            write!(f, "{original:?}: {}", self.kind.reason())
        } else {
            let became = self.became.replace('\n', " ");
            write!(f, "{original:?} → {became:?}: {}", self.kind.reason())
        }
    }
}

/// A plain-text article with its structure back.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Structured {
    /// Empty when the text does not open with a line that can be a title.
    pub title: String,
    /// Markdown, ending in one newline (or empty).
    pub body: String,
    pub faq: Vec<QuestionAnswer>,
    pub changes: Vec<StructureChange>,
}

impl Structured {
    /// The body with the FAQ as a Markdown section at its end, for text
    /// pasted into the editor (the window then offers to make the section
    /// FAQ items, as for any article ending in one).
    pub fn body_with_faq(&self) -> String {
        let mut body = self.body.clone();
        if self.faq.is_empty() {
            return body;
        }
        if !body.is_empty() {
            body.push('\n');
        }
        body.push_str(&format!("## {DEFAULT_FAQ_HEADING}\n"));
        for qa in &self.faq {
            body.push_str(&format!("\n### {}\n\n{}\n", qa.question, qa.answer));
        }
        body
    }

    /// Whether the text read as a whole article: it had a title and at
    /// least one other rule found something. A paste is offered its
    /// structure only then.
    pub fn looks_like_article(&self) -> bool {
        !self.title.is_empty()
            && self
                .changes
                .iter()
                .any(|c| !matches!(c.kind, ChangeKind::Title | ChangeKind::Link))
    }

    /// The chrome dropped, as a site's boilerplate would hold it.
    pub fn boilerplate(&self) -> Boilerplate {
        boilerplate(&self.changes)
    }
}

/// Site chrome as a site's boilerplate holds it: the share prompt, and the
/// newsletter box ("Discover more from…", "Subscribe…"). Each line once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Boilerplate {
    pub share_prompt: String,
    pub newsletter: String,
}

/// The boilerplate the chrome in `changes` (from any number of articles)
/// makes.
pub fn boilerplate<'a>(changes: impl IntoIterator<Item = &'a StructureChange>) -> Boilerplate {
    let mut share: Vec<&str> = Vec::new();
    let mut newsletter: Vec<&str> = Vec::new();
    for c in changes {
        let list = match c.kind {
            ChangeKind::SharePrompt => &mut share,
            ChangeKind::DiscoverMore | ChangeKind::Subscribe => &mut newsletter,
            _ => continue,
        };
        if !list.contains(&c.original.as_str()) {
            list.push(&c.original);
        }
    }
    Boilerplate {
        share_prompt: share.join("\n\n"),
        newsletter: newsletter.join("\n\n"),
    }
}

/// The longest line taken as a title or question.
const MAX_LINE_CHARS: usize = 300;
/// A heading is a few words, not a line of text.
const MAX_HEADING_CHARS: usize = 90;
const MAX_HEADING_WORDS: usize = 12;

/// Callout labels, longest first so "Pro Tip" wins over "Tip".
const CALLOUTS: &[(&str, &str)] = &[
    ("pro tip", "TIP"),
    ("tip", "TIP"),
    ("note", "NOTE"),
    ("warning", "WARNING"),
    ("important", "IMPORTANT"),
    ("caution", "CAUTION"),
];

/// Gives `text` its structure back (see the module's rules).
pub fn structure(text: &str) -> Structured {
    let mut out = Structured::default();
    let paragraphs = paragraphs(text);
    let mut kept: Vec<String> = Vec::new();
    let mut in_related = false;
    for p in paragraphs {
        if let Some(kind) = chrome::chrome_kind(&p) {
            in_related = kind == ChangeKind::Related;
            out.changes.push(dropped(kind, &p));
            continue;
        }
        if in_related && chrome::is_related_link(&p) {
            out.changes.push(dropped(ChangeKind::Related, &p));
            continue;
        }
        in_related = false;
        if out.title.is_empty() && kept.is_empty() && is_one_line(&p, MAX_LINE_CHARS) {
            out.title = p.clone();
            out.changes.push(StructureChange {
                kind: ChangeKind::Title,
                original: p.clone(),
                became: p,
            });
            continue;
        }
        if !out.title.is_empty() && is_one_line(&p, MAX_LINE_CHARS) && same_words(&p, &out.title) {
            out.changes.push(dropped(ChangeKind::RepeatedHeadline, &p));
            continue;
        }
        kept.push(p);
    }

    if let Some((at, items)) = find_faq(&kept) {
        kept.truncate(at);
        for qa in &items {
            out.changes.push(StructureChange {
                kind: ChangeKind::FaqItem,
                original: qa.question.clone(),
                became: qa.question.clone(),
            });
        }
        out.faq = items;
    }

    let candidates: Vec<bool> = kept.iter().map(|p| is_heading_candidate(p)).collect();
    let mut blocks = Vec::with_capacity(kept.len());
    for (i, p) in kept.iter().enumerate() {
        let heading = candidates[i]
            && i > 0
            && i + 1 < kept.len()
            && !candidates[i - 1]
            && !candidates[i + 1]
            && is_text(&kept[i + 1]);
        // Links first, so a callout's text is the body's text and its
        // Undo finds it.
        let linked = link_urls(p, &mut out.changes);
        let block = if heading {
            format!("## {linked}")
        } else if let Some(became) = callout(&linked) {
            became
        } else {
            blocks.push(linked);
            continue;
        };
        out.changes.push(StructureChange {
            kind: if heading {
                ChangeKind::Heading
            } else {
                ChangeKind::Callout
            },
            original: p.clone(),
            became: block.clone(),
        });
        blocks.push(block);
    }
    for qa in &mut out.faq {
        qa.answer = link_urls(&qa.answer, &mut out.changes);
    }
    out.body = blocks.join("\n\n");
    if !out.body.is_empty() {
        out.body.push('\n');
    }
    out
}

pub(crate) fn dropped(kind: ChangeKind, text: &str) -> StructureChange {
    StructureChange {
        kind,
        original: text.to_owned(),
        became: String::new(),
    }
}

/// Paragraphs: runs of lines between blank lines, each line's trailing
/// spaces trimmed.
fn paragraphs(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

fn is_one_line(p: &str, max: usize) -> bool {
    !p.contains('\n') && p.chars().count() <= max
}

/// The same words, whatever the case, emoji and punctuation.
pub(crate) fn same_words(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        s.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let a = words(a);
    !a.is_empty() && a == words(b)
}

/// A line that ends a sentence or a clause, looking past closing quotes
/// and brackets.
fn ends_with_punctuation(p: &str) -> bool {
    p.trim_end()
        .trim_end_matches(['"', '\'', '”', '’', ')', ']', '»'])
        .ends_with(['.', '!', '?', ':', ';', ',', '…'])
}

fn is_question(p: &str) -> bool {
    is_one_line(p, MAX_LINE_CHARS) && p.trim_end().ends_with('?')
}

/// A line that could be a heading: a few words, starting with a capital
/// or a digit, not a sentence, not a list item, quote or address.
fn is_heading_candidate(p: &str) -> bool {
    let p = p.trim();
    if !is_one_line(p, MAX_HEADING_CHARS)
        || p.split_whitespace().count() > MAX_HEADING_WORDS
        || ends_with_punctuation(p)
        || p.contains("://")
    {
        return false;
    }
    let Some(first) = p.chars().next() else {
        return false;
    };
    if !(first.is_uppercase() || first.is_ascii_digit()) {
        return false;
    }
    // "1. First", "2) Second": a list, not a heading.
    let digits = p.trim_start_matches(|c: char| c.is_ascii_digit());
    digits.len() == p.len() || !digits.starts_with(['.', ')'])
}

/// Text a heading can stand over: a sentence, or more than one line.
fn is_text(p: &str) -> bool {
    p.contains('\n') || ends_with_punctuation(p) || p.chars().count() > MAX_HEADING_CHARS
}

/// The callout `p` opens as ("Pro Tip: Check…"), as a GitHub alert.
pub(crate) fn callout(p: &str) -> Option<String> {
    let (label, kind) = CALLOUTS.iter().find(|(label, _)| {
        p.get(..label.len() + 1)
            .is_some_and(|head| head.to_lowercase() == format!("{label}:"))
    })?;
    let rest = p[label.len() + 1..].trim_start();
    if rest.is_empty() || !p[..label.len()].starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let mut out = format!("> [!{kind}]");
    for line in rest.lines() {
        out.push_str("\n> ");
        out.push_str(line);
    }
    Some(out)
}

/// The FAQ closing `kept`: where its line is, and its items. `None`
/// unless every paragraph after the FAQ line is a question or an answer
/// and every question has one.
fn find_faq(kept: &[String]) -> Option<(usize, Vec<QuestionAnswer>)> {
    let at = kept
        .iter()
        .position(|p| is_one_line(p, 60) && crate::transform::faq::detect::is_faq_heading(p))?;
    let mut items: Vec<QuestionAnswer> = Vec::new();
    let mut answer: Vec<&str> = Vec::new();
    for p in &kept[at + 1..] {
        if is_question(p) {
            if let Some(last) = items.last_mut() {
                if answer.is_empty() {
                    return None;
                }
                last.answer = answer.join("\n\n");
                answer.clear();
            }
            items.push(QuestionAnswer::new(p.trim(), ""));
        } else if items.is_empty() {
            return None;
        } else {
            answer.push(p);
        }
    }
    let last = items.last_mut()?;
    if answer.is_empty() {
        return None;
    }
    last.answer = answer.join("\n\n");
    Some((at, items))
}

/// Bare `http(s)://` addresses in `text` as autolinks (`<https://…>`),
/// each listed. Trailing punctuation stays outside the link; an address
/// already in a link or angle brackets is left alone.
fn link_urls(text: &str, changes: &mut Vec<StructureChange>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = find_url(rest) {
        let (before, from) = rest.split_at(start);
        out.push_str(before);
        let len = from
            .find(|c: char| c.is_whitespace() || matches!(c, '<' | '>' | '"'))
            .unwrap_or(from.len());
        let url = from[..len].trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '\'']);
        let wrapped = before.ends_with(['<', '(', '[', '"', '\'']);
        if wrapped || url.len() <= "https://".len() {
            out.push_str(&from[..len]);
        } else {
            out.push('<');
            out.push_str(url);
            out.push('>');
            out.push_str(&from[url.len()..len]);
            changes.push(StructureChange {
                kind: ChangeKind::Link,
                original: url.to_owned(),
                became: format!("<{url}>"),
            });
        }
        rest = &from[len..];
    }
    out.push_str(rest);
    out
}

/// Where the next address starting `http://` or `https://` at a word's
/// start is.
fn find_url(text: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find("http") {
        let at = from + i;
        let tail = &text[at..];
        let starts_word = text[..at]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric());
        if starts_word && (tail.starts_with("http://") || tail.starts_with("https://")) {
            return Some(at);
        }
        from = at + 4;
    }
    None
}

#[cfg(test)]
mod tests;
