//! FAQ transforms: flagging what is wrong with items ([`validate`]),
//! finding a FAQ section written as Markdown ([`detect`]), and what the FAQ
//! panel and the preview show ([`FaqView`]).

use serde::Serialize;
use ts_rs::TS;

use crate::domain::article::Article;
use crate::domain::faq::{FaqItem, QuestionAnswer};
use crate::domain::site_settings::SiteSettings;
use crate::transform::render;

pub mod detect;
pub mod validate;

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
    /// `images` as for [`render::faq_html`].
    pub fn new(article: &Article, site: &SiteSettings, images: render::Images<'_>) -> FaqView {
        let pairs: Vec<QuestionAnswer> = article.faq.iter().map(FaqItem::pair).collect();
        let (kept, issues) = validate::publishable(&pairs);
        let on = article.faq_structured_data && site.faq_structured_data;
        FaqView {
            html: render::faq_html(
                &pairs,
                &site.faq_heading,
                images,
                render::Typography::of(site),
            ),
            items: article.faq.clone(),
            issues,
            heading: site.faq_heading.clone(),
            structured_data: article.faq_structured_data,
            site_structured_data: site.faq_structured_data,
            in_structured_data: if on { kept.len() as u32 } else { 0 },
        }
    }
}
