//! FAQ items: the question-and-answer pairs that close an article, kept as
//! structured data so they can be validated, reused across articles and
//! published as schema.org `FAQPage`.
//!
//! This module owns the domain types and the rules a single item must meet
//! as typed; storage lives in `library/faq.rs`, the HTML section in
//! `transform::render`, the structured data in `transform::jsonld`, and
//! validation, detection and the panel's view in `transform::faq`.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::{Error, Result};
pub use super::ids::{FaqBlockId, FaqItemId};

/// A question and its answer as written: the question is one line of plain
/// text, the answer is Markdown rendered by the same pipeline as the body.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS,
)]
pub struct QuestionAnswer {
    pub question: String,
    pub answer: String,
}

impl QuestionAnswer {
    pub fn new(question: impl Into<String>, answer: impl Into<String>) -> Self {
        QuestionAnswer {
            question: question.into(),
            answer: answer.into(),
        }
    }
}

/// One FAQ item of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FaqItem {
    pub id: FaqItemId,
    pub question: String,
    pub answer: String,
    /// The shared block this item uses, if any: editing the item edits the
    /// block, and so every article that uses it, until the item is detached.
    pub shared: Option<FaqBlockId>,
}

impl FaqItem {
    pub fn pair(&self) -> QuestionAnswer {
        QuestionAnswer::new(self.question.clone(), self.answer.clone())
    }
}

/// A question and answer kept once in the library for several articles.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FaqBlock {
    pub id: FaqBlockId,
    pub question: String,
    pub answer: String,
    /// How many articles (trash included) use it.
    pub uses: u32,
}

/// The longest question accepted: a question is one line, read as a heading.
pub const MAX_QUESTION_CHARS: usize = 300;
/// The longest answer accepted, in bytes of Markdown.
pub const MAX_ANSWER_BYTES: usize = 64 * 1024;
/// More items than this is not a FAQ but a second article.
pub const MAX_ITEMS: usize = 100;

/// Checks a question and answer as typed: the question one line and not
/// too long, the answer not too long. Emptiness and duplicates are allowed
/// while writing and flagged by `transform::faq::validate` instead, so a half-written
/// item is never refused.
pub fn clean(pair: &QuestionAnswer) -> Result<QuestionAnswer> {
    let question = pair.question.trim();
    if question.contains(['\n', '\r']) {
        return Err(Error::invalid(
            "question",
            "must be one line; put the detail in the answer",
        ));
    }
    if question.chars().count() > MAX_QUESTION_CHARS {
        return Err(Error::invalid(
            "question",
            format!("is longer than {MAX_QUESTION_CHARS} characters"),
        ));
    }
    if pair.answer.len() > MAX_ANSWER_BYTES {
        return Err(Error::invalid(
            "answer",
            format!("is longer than {} KB", MAX_ANSWER_BYTES / 1024),
        ));
    }
    Ok(QuestionAnswer::new(question, pair.answer.trim_end()))
}

/// The text search indexes for a FAQ: every question and answer.
pub fn search_text<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> String {
    let mut text = String::new();
    for (q, a) in pairs {
        text.push_str(q);
        text.push('\n');
        text.push_str(a);
        text.push_str("\n\n");
    }
    text
}
