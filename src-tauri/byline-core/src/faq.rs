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
pub mod validate;

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
/// while writing and flagged by [`validate`] instead, so a half-written
/// item is never refused.
pub fn clean(pair: &QuestionAnswer) -> crate::Result<QuestionAnswer> {
    let question = pair.question.trim();
    if question.contains(['\n', '\r']) {
        return Err(crate::Error::invalid(
            "question",
            "must be one line; put the detail in the answer",
        ));
    }
    if question.chars().count() > MAX_QUESTION_CHARS {
        return Err(crate::Error::invalid(
            "question",
            format!("is longer than {MAX_QUESTION_CHARS} characters"),
        ));
    }
    if pair.answer.len() > MAX_ANSWER_BYTES {
        return Err(crate::Error::invalid(
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

/// What the FAQ panel and the preview show of an article's FAQ: the items,
/// what is wrong with them, and the section as it will be published.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FaqView {
    pub items: Vec<FaqItem>,
    pub issues: Vec<validate::FaqIssue>,
    /// The rendered section (empty without items), for the preview.
    pub html: String,
    pub heading: String,
    /// The article's own switch for structured data.
    pub structured_data: bool,
    /// The site's switch; structured data is published only when both are on.
    pub site_structured_data: bool,
    /// How many items the published `FAQPage` carries (flagged ones are
    /// left out of it).
    pub in_structured_data: u32,
}

impl FaqView {
    /// `asset_base` as for the preview (see `render::faq_html`).
    pub fn new(
        article: &crate::Article,
        site: &crate::site::SiteSettings,
        asset_base: Option<&str>,
    ) -> FaqView {
        let pairs: Vec<QuestionAnswer> = article.faq.iter().map(FaqItem::pair).collect();
        let (kept, issues) = validate::publishable(&pairs);
        let on = article.faq_structured_data && site.faq_structured_data;
        FaqView {
            html: crate::render::faq_html(&pairs, &site.faq_heading, asset_base),
            items: article.faq.clone(),
            issues,
            heading: site.faq_heading.clone(),
            structured_data: article.faq_structured_data,
            site_structured_data: site.faq_structured_data,
            in_structured_data: if on { kept.len() as u32 } else { 0 },
        }
    }
}
