//! Pre-publish checks: everything an editor would flag before an article
//! goes out, each finding placed where it happens (a field, a FAQ item, or a
//! line and column range in the body) so the window can underline it and
//! the CLI can print `slug:line:column`.
//!
//! One module per family (`fields`, `images`, `headings`, `links`, `faq`,
//! `text`); `source` parses the body once (with the published options, so
//! headings, anchors and footnotes are what the page will have) and keeps
//! what the families read. Every check has a stable code in [`CATALOGUE`],
//! which also fixes its severity: a site turns a check off by its code.

use serde::Serialize;
use ts_rs::TS;

use crate::domain::article::{ArticleField, ArticleMeta, Status};
use crate::domain::checks::ChecksConfig;
use crate::domain::faq::QuestionAnswer;
use crate::domain::site_settings::SiteSettings;

pub mod external;
mod faq;
mod fields;
mod headings;
mod images;
mod links;
mod source;
mod text;

#[cfg(test)]
mod tests;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Wrong on the published page: fix before publishing.
    Error,
    /// Probably wrong; an editor would ask.
    Warning,
    /// Could be better.
    Suggestion,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Suggestion => "suggestion",
        }
    }
}

/// A point in the body: line from 1, column from 1 counted in characters
/// (Unicode scalar values), as an editor shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
pub struct Pos {
    pub line: u32,
    pub column: u32,
}

/// Where a finding is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Place {
    /// A metadata field (the Details panel).
    Field { field: ArticleField },
    /// A stretch of the body; `end` is just after the last character.
    Body { start: Pos, end: Pos },
    /// A FAQ item, counted from 0.
    Faq { index: u32 },
    /// The site settings (address, language).
    Site,
}

/// An obvious correction: `replacement` takes the place of the text the
/// finding's place covers (the field's value, or the body range).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Fix {
    /// What it does, for a button: "Use https".
    pub label: String,
    pub replacement: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    pub severity: Severity,
    /// Stable: `title.too_long`. Scripts and the site's settings name it.
    pub code: String,
    /// One line in plain words.
    pub message: String,
    pub place: Place,
    pub fix: Option<Fix>,
}

/// Flesch reading ease, for languages that have the formula.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Readability {
    /// The site's language tag the figure was measured for.
    pub language: String,
    /// 0–100, higher is easier; `None` when not measured.
    pub score: Option<f64>,
    /// "62 (plain English)" or "not measured for de".
    pub summary: String,
}

/// Everything the checks found in one article.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Report {
    /// Errors first, then warnings, then suggestions; within each, fields,
    /// then the body in order, then FAQ items, then the site.
    pub findings: Vec<Finding>,
    pub errors: u32,
    pub warnings: u32,
    pub suggestions: u32,
    pub readability: Readability,
}

/// What one check is, for Settings and `byline check --list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct CheckInfo {
    #[ts(type = "string")]
    pub code: &'static str,
    pub severity: Severity,
    #[ts(type = "string")]
    pub label: &'static str,
}

const fn info(code: &'static str, severity: Severity, label: &'static str) -> CheckInfo {
    CheckInfo {
        code,
        severity,
        label,
    }
}

use Severity::{Error as E, Suggestion as S, Warning as W};

/// Every check, grouped by family. The one place a severity is set.
pub const CATALOGUE: &[CheckInfo] = &[
    info("title.empty", E, "Title is empty"),
    info("title.too_long", W, "Title longer than search results show"),
    info("title.all_caps", W, "Title in capitals"),
    info("dek.missing", S, "No dek"),
    info("description.missing", W, "No meta description"),
    info("description.too_short", W, "Meta description too short"),
    info("description.too_long", W, "Meta description too long"),
    info(
        "slug.changed_after_publishing",
        E,
        "Slug changed after publishing",
    ),
    info("image.featured_missing", S, "No featured image"),
    info("image.featured_not_found", E, "Featured image not found"),
    info("image.alt_missing", W, "Image without alt text"),
    info("image.alt_useless", W, "Alt text that says nothing"),
    info("heading.extra_h1", W, "Top-level heading in the body"),
    info("heading.skipped_level", W, "Heading level skipped"),
    info("heading.empty", E, "Empty heading"),
    info("heading.duplicate", W, "Two headings with the same text"),
    info("link.empty_text", E, "Link without text"),
    info("link.vague_text", W, "Link text such as \"click here\""),
    info("link.insecure", S, "http: link"),
    info(
        "link.broken_anchor",
        E,
        "Link to a heading that does not exist",
    ),
    info(
        "link.undefined_reference",
        E,
        "Reference link without a definition",
    ),
    info(
        "link.undefined_shortcut",
        S,
        "[Text] that reads as a reference link without a definition",
    ),
    info(
        "link.https_available",
        W,
        "http: link to a page that is also on https: (checked on demand)",
    ),
    info(
        "link.broken",
        E,
        "Link to a page that is gone (checked on demand)",
    ),
    info(
        "link.server_error",
        W,
        "Link to a site that answers with an error",
    ),
    info("link.unreachable", W, "Link that could not be reached"),
    info("link.redirected", S, "Link that redirects elsewhere"),
    info("footnote.unused", W, "Footnote never referred to"),
    info(
        "footnote.undefined",
        E,
        "Footnote referred to but not written",
    ),
    info("faq.empty_question", E, "FAQ item without a question"),
    info("faq.empty_answer", E, "FAQ item without an answer"),
    info("faq.duplicate_question", W, "FAQ question asked twice"),
    info("faq.markup_in_question", W, "Formatting in a FAQ question"),
    info(
        "faq.answer_too_long",
        W,
        "FAQ answer too long for a rich result",
    ),
    info(
        "jsonld.faq_left_out",
        W,
        "FAQ items left out of structured data",
    ),
    info("jsonld.headline_cut", W, "Headline cut in structured data"),
    info(
        "jsonld.invalid",
        E,
        "Structured data missing a required value",
    ),
    info("text.long_paragraph", S, "Very long paragraph"),
    info("text.long_sentence", S, "Very long sentence"),
    info("text.repeated_word", W, "Word repeated (\"the the\")"),
    info(
        "text.placeholder",
        E,
        "Placeholder left in (TODO, TK, lorem ipsum)",
    ),
    info("text.hard_to_read", S, "Hard to read"),
    info(
        "url.canonical_invalid",
        E,
        "Canonical URL is not a web address",
    ),
    info("url.canonical_insecure", W, "Canonical URL uses http:"),
    info(
        "url.canonical_other_site",
        S,
        "Canonical URL on another site",
    ),
    info("url.site_address_missing", S, "Site address not set"),
];

/// The codes of [`CATALOGUE`], for validating a site's configuration.
pub fn codes() -> Vec<&'static str> {
    CATALOGUE.iter().map(|c| c.code).collect()
}

/// One article as the checks see it. The caller (a use case, or the CLI
/// for a file) gathers what needs the library.
#[derive(Debug, Clone, Copy)]
pub struct CheckInput<'a> {
    pub meta: &'a ArticleMeta,
    pub body: &'a str,
    pub faq: &'a [QuestionAnswer],
    /// The article's own switch for FAQ structured data.
    pub faq_structured_data: bool,
    pub status: Status,
    /// The slug it had when last moved to Published, if ever.
    pub published_slug: Option<&'a str>,
    /// Whether the featured image is in the library; `None` when it cannot
    /// be told here (a web address, or a file checked outside a library).
    pub featured_image_found: Option<bool>,
    pub site: &'a SiteSettings,
}

/// The checks that need the network: run only on demand (`--links`, the
/// panel's Check links), never by [`run`].
pub const NETWORK_CODES: &[&str] = &[
    "link.https_available",
    "link.broken",
    "link.server_error",
    "link.unreachable",
    "link.redirected",
];

/// Collects findings, dropping those of checks the site turned off.
pub(crate) struct Sink<'a> {
    config: &'a ChecksConfig,
    findings: Vec<Finding>,
}

impl Sink<'_> {
    pub(crate) fn push(
        &mut self,
        code: &'static str,
        place: Place,
        message: String,
        fix: Option<Fix>,
    ) {
        debug_assert!(
            CATALOGUE.iter().any(|c| c.code == code),
            "{code} is not in the catalogue"
        );
        if !self.config.is_on(code) {
            return;
        }
        let severity = CATALOGUE
            .iter()
            .find(|c| c.code == code)
            .map(|c| c.severity)
            // Only a code missing from the catalogue lands here; a test
            // checks every code used is listed.
            .unwrap_or(Severity::Warning);
        self.findings.push(Finding {
            severity,
            code: code.to_string(),
            message,
            place,
            fix,
        });
    }
}

/// Runs every check the site has on.
pub fn run(input: &CheckInput<'_>) -> Report {
    let config = &input.site.checks;
    let mut sink = Sink {
        config,
        findings: Vec::new(),
    };
    let doc = source::Doc::parse(input.body);
    fields::check(input, &mut sink);
    images::check(&doc, &mut sink);
    headings::check(&doc, &mut sink);
    links::check(&doc, &mut sink);
    let readability = text::check(input, &doc, &mut sink);
    faq::check(input, &mut sink);

    let mut findings = sink.findings;
    // Stable: ties keep the order the checks ran in.
    findings.sort_by_key(|f| (f.severity, place_order(&f.place)));
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count() as u32;
    Report {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        suggestions: count(Severity::Suggestion),
        findings,
        readability,
    }
}

fn place_order(place: &Place) -> (u8, u32, u32) {
    match place {
        Place::Field { field } => (
            0,
            ArticleField::ALL
                .iter()
                .position(|f| f == field)
                .unwrap_or(0) as u32,
            0,
        ),
        Place::Body { start, .. } => (1, start.line, start.column),
        Place::Faq { index } => (2, *index, 0),
        Place::Site => (3, 0, 0),
    }
}

/// `text` cut to about `max` characters at a word, with an ellipsis, for
/// quoting in a message.
pub(crate) fn quote(text: &str, max: usize) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= max {
        return text;
    }
    let cut: String = text.chars().take(max).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{cut}…")
}
