//! How a site tunes the pre-publish checks: which are turned off and the
//! limits the adjustable ones measure against. Stored inside the site
//! settings (`SiteSettings::checks`), so a new limit needs no migration:
//! a missing key takes its default.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::{Error, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ChecksConfig {
    /// Codes of checks the site turned off (`title.too_long`).
    pub off: Vec<String>,
    /// Search results cut a headline at about 60 characters.
    pub title_max_chars: u32,
    /// The usual range for a meta description: shorter says too little,
    /// longer is cut in search results.
    pub description_min_chars: u32,
    pub description_max_chars: u32,
    /// A paragraph longer than this reads as a wall of text on a phone.
    pub paragraph_max_words: u32,
    pub sentence_max_words: u32,
    /// Rich results show a short answer; a longer one is cut.
    pub faq_answer_max_chars: u32,
}

impl Default for ChecksConfig {
    fn default() -> Self {
        ChecksConfig {
            off: Vec::new(),
            title_max_chars: 60,
            description_min_chars: 50,
            description_max_chars: 160,
            paragraph_max_words: 150,
            sentence_max_words: 35,
            faq_answer_max_chars: 300,
        }
    }
}

impl ChecksConfig {
    pub fn is_on(&self, code: &str) -> bool {
        !self.off.iter().any(|c| c == code)
    }

    /// The configuration as stored: known codes only, each once, sorted;
    /// every limit at least 1 and the description's range the right way
    /// round. `known` is the list of check codes.
    pub fn clean(&self, known: &[&str]) -> Result<ChecksConfig> {
        let mut off: Vec<String> = Vec::new();
        for code in &self.off {
            let code = code.trim();
            if !known.contains(&code) {
                return Err(Error::invalid(
                    "checks",
                    format!("{code:?} is not a check; `byline check --list` names them"),
                ));
            }
            if !off.iter().any(|c| c == code) {
                off.push(code.to_string());
            }
        }
        off.sort();
        let limits = [
            ("title limit", self.title_max_chars),
            ("description minimum", self.description_min_chars),
            ("description maximum", self.description_max_chars),
            ("paragraph limit", self.paragraph_max_words),
            ("sentence limit", self.sentence_max_words),
            ("FAQ answer limit", self.faq_answer_max_chars),
        ];
        for (name, value) in limits {
            if value == 0 || value > 100_000 {
                return Err(Error::invalid(
                    "checks",
                    format!("the {name} must be between 1 and 100000"),
                ));
            }
        }
        if self.description_min_chars > self.description_max_chars {
            return Err(Error::invalid(
                "checks",
                "the description minimum is above its maximum",
            ));
        }
        Ok(ChecksConfig {
            off,
            ..self.clone()
        })
    }
}
