//! FAQ items: the question-and-answer pairs that close an article, kept as
//! structured data so they can be validated, reused across articles and
//! published as schema.org `FAQPage`.
//!
//! This module owns the domain types and the rules a FAQ item must meet;
//! storage lives in `library/faq.rs`, the HTML section in `render`, the
//! structured data in `jsonld`, and finding a FAQ section written as plain
//! Markdown in [`detect`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub mod detect;

/// A FAQ item's id in its library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(type = "number")]
pub struct FaqItemId(pub i64);

/// A shared FAQ block's id: a question and answer kept once in the library
/// and used by several articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(type = "number")]
pub struct FaqBlockId(pub i64);

/// A question and its answer as written: the question is one line of plain
/// text, the answer is Markdown rendered by the same pipeline as the body.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
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
