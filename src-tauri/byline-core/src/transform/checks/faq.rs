//! The FAQ items (every flag the FAQ panel shows, plus answers too long for
//! a rich result) and the page's JSON-LD, built as the export builds it and
//! checked for the values search engines require.

use chrono::{DateTime, Utc};
use serde_json::Value;

use super::{quote, CheckInput, Place, Sink};
use crate::domain::article::{Article, ArticleField, ArticleId};
use crate::domain::hash::BodyHash;
use crate::transform::faq::validate::{self, FaqProblem};
use crate::transform::jsonld::{self, HEADLINE_MAX_CHARS};

pub(super) fn check(input: &CheckInput<'_>, sink: &mut Sink<'_>) {
    let max = input.site.checks.faq_answer_max_chars as usize;
    let (kept, issues) = validate::publishable(input.faq);
    for issue in &issues {
        let code = match issue.problem {
            FaqProblem::EmptyQuestion => "faq.empty_question",
            FaqProblem::EmptyAnswer => "faq.empty_answer",
            FaqProblem::DuplicateQuestion => "faq.duplicate_question",
            FaqProblem::MarkupInQuestion => "faq.markup_in_question",
        };
        sink.push(
            code,
            Place::Faq { index: issue.index },
            issue.message.clone(),
            None,
        );
    }
    for (index, item) in input.faq.iter().enumerate() {
        let chars = item.answer.trim().chars().count();
        if chars > max {
            sink.push(
                "faq.answer_too_long",
                Place::Faq { index: index as u32 },
                format!(
                    "The answer to question {} has {chars} characters; rich results show about {max}.",
                    index + 1
                ),
                None,
            );
        }
    }

    structured_data(input, &kept, sink);
}

fn structured_data(input: &CheckInput<'_>, kept: &[usize], sink: &mut Sink<'_>) {
    let title = input.meta.title.trim();
    if title.chars().count() > HEADLINE_MAX_CHARS {
        sink.push(
            "jsonld.headline_cut",
            Place::Field {
                field: ArticleField::Title,
            },
            format!(
                "Structured data cuts the headline to {HEADLINE_MAX_CHARS} characters: \"{}\".",
                quote(title, 50)
            ),
            None,
        );
    }

    let enabled = input.faq_structured_data && input.site.faq_structured_data;
    let faq: Vec<_> = kept.iter().map(|&i| input.faq[i].clone()).collect();
    let article = stand_in(input);
    let graph = jsonld::graph(&jsonld::PageData {
        article: &article,
        site: input.site,
        faq: &faq,
        faq_enabled: enabled,
    });

    if enabled && !input.faq.is_empty() {
        let published = graph["@graph"]
            .as_array()
            .and_then(|nodes| nodes.iter().find(|n| n["@type"] == "FAQPage"))
            .and_then(|n| n["mainEntity"].as_array())
            .map_or(0, Vec::len);
        let left_out = input.faq.len() - published;
        if left_out > 0 {
            let first = (0..input.faq.len())
                .find(|i| !kept.contains(i))
                .unwrap_or(0);
            sink.push(
                "jsonld.faq_left_out",
                Place::Faq { index: first as u32 },
                format!(
                    "{left_out} of {} FAQ items are left out of the FAQPage structured data until they are fixed.",
                    input.faq.len()
                ),
                None,
            );
        }
    }

    for problem in problems(&graph) {
        sink.push(
            "jsonld.invalid",
            Place::Field {
                field: ArticleField::Title,
            },
            problem,
            None,
        );
    }
}

/// What the export's JSON-LD is built from, as an article.
fn stand_in(input: &CheckInput<'_>) -> Article {
    Article {
        id: ArticleId(0),
        meta: input.meta.clone(),
        slug_is_custom: true,
        body: String::new(),
        body_hash: BodyHash::of(""),
        words: 0,
        status: input.status,
        created_at: DateTime::<Utc>::UNIX_EPOCH,
        updated_at: DateTime::<Utc>::UNIX_EPOCH,
        trashed_at: None,
        faq: Vec::new(),
        faq_structured_data: input.faq_structured_data,
    }
}

/// The values schema.org consumers require and the web addresses they
/// follow: a non-empty headline; for each question a name and an answer;
/// `url`, `image` and `@id` absolute http(s) addresses.
pub(crate) fn problems(graph: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let nodes = graph["@graph"].as_array().cloned().unwrap_or_default();
    for node in &nodes {
        for key in ["url", "image", "mainEntityOfPage", "@id"] {
            if let Some(value) = node.get(key).and_then(Value::as_str) {
                let ok =
                    url::Url::parse(value).is_ok_and(|u| matches!(u.scheme(), "http" | "https"));
                if !ok {
                    out.push(format!(
                        "Structured data has \"{key}\" {value:?}, which is not a web address."
                    ));
                }
            }
        }
        match node["@type"].as_str() {
            Some("Article") => {
                if node["headline"]
                    .as_str()
                    .is_none_or(|h| h.trim().is_empty())
                {
                    out.push("Structured data has no headline.".to_string());
                }
            }
            Some("FAQPage") => {
                let questions = node["mainEntity"].as_array().cloned().unwrap_or_default();
                if questions.is_empty() {
                    out.push("The FAQPage in the structured data has no questions.".to_string());
                }
                for q in &questions {
                    let blank = |v: &Value| v.as_str().is_none_or(|s| s.trim().is_empty());
                    if blank(&q["name"]) || blank(&q["acceptedAnswer"]["text"]) {
                        out.push(
                            "A question in the structured data has no question or no answer."
                                .to_string(),
                        );
                    }
                }
            }
            _ => out.push("Structured data has a node of no known type.".to_string()),
        }
    }
    out
}
