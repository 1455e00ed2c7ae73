//! The site the library publishes to: its name and address, the language,
//! the boilerplate added around every exported article, and the FAQ
//! defaults. Set once per library (`library/settings.rs` stores them);
//! exports and the preview read them, articles never copy them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::checks::ChecksConfig;

/// The heading of the FAQ section when the site sets none.
pub const DEFAULT_FAQ_HEADING: &str = "Frequently Asked Questions";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SiteSettings {
    /// The publication's name, for `<title>`, Open Graph and JSON-LD.
    pub name: String,
    /// Where the site lives (`https://example.com/`); articles are at
    /// `{base_url}{slug}/`. Empty until the writer sets it, in which case
    /// exports leave out the links that must be absolute.
    pub base_url: String,
    /// Used when an article names no author.
    pub default_author: String,
    /// A BCP 47 tag (`en`, `en-GB`, `uk`) for `<html lang>` and `inLanguage`.
    pub language: String,
    /// The heading above an article's FAQ items.
    pub faq_heading: String,
    /// Whether exports carry FAQ items as schema.org `FAQPage` (each article
    /// can also turn it off for itself).
    pub faq_structured_data: bool,
    /// Markdown added after the article on export: "Share this…".
    pub share_prompt: String,
    /// Markdown for the newsletter box added after the share prompt.
    pub newsletter: String,
    /// Markdown for the page footer.
    pub footer: String,
    /// Typographic (“curly”) quotes, apostrophes and dashes in the preview
    /// and every export. The Markdown keeps what the writer typed.
    pub smart_quotes: bool,
    /// Misspellings underlined in the editor as the writer types, checked
    /// against the dictionary for `language`.
    pub spellcheck: bool,
    /// Images that live on other sites load in the preview. Off by default:
    /// loading one tells that site when the article was opened, so they show
    /// as placeholders until the writer loads them (per article, or here for
    /// the whole library).
    pub load_remote_images: bool,
    /// The pre-publish checks this site turned off and the limits it set.
    pub checks: ChecksConfig,
}

impl Default for SiteSettings {
    fn default() -> Self {
        SiteSettings {
            name: String::new(),
            base_url: String::new(),
            default_author: String::new(),
            language: "en".to_string(),
            faq_heading: DEFAULT_FAQ_HEADING.to_string(),
            faq_structured_data: true,
            share_prompt: String::new(),
            newsletter: String::new(),
            footer: String::new(),
            smart_quotes: false,
            spellcheck: true,
            load_remote_images: false,
            checks: ChecksConfig::default(),
        }
    }
}
