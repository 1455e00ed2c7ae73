//! Publications: an article sent to a publishing account, what was sent
//! and what the site answered, so the next Publish updates the same post
//! (never a duplicate) and first checks the post was not edited there.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::error::{Error, Result};
use super::ids::ArticleId;

/// The state an article is published in on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum PublishStatus {
    Draft,
    Published,
    /// Published by the site at the article's publish date.
    Scheduled,
}

impl PublishStatus {
    pub const ALL: [PublishStatus; 3] = [
        PublishStatus::Draft,
        PublishStatus::Published,
        PublishStatus::Scheduled,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            PublishStatus::Draft => "draft",
            PublishStatus::Published => "published",
            PublishStatus::Scheduled => "scheduled",
        }
    }
}

impl std::str::FromStr for PublishStatus {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        let wanted = s.trim().to_ascii_lowercase();
        PublishStatus::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| {
                Error::invalid(
                    "publish status",
                    format!("{s:?} is not one; use draft, published or scheduled"),
                )
            })
    }
}

impl std::fmt::Display for PublishStatus {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An image as the site keeps it once uploaded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RemoteMedia {
    pub id: String,
    pub url: String,
}

/// What Byline sends: made by `transform::outgoing` from the one renderer.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct OutgoingPost {
    pub title: String,
    /// The body, FAQ section and Updates as HTML, images at their uploaded
    /// addresses.
    pub html: String,
    /// The Article/FAQPage JSON-LD as a `<script>` element (WordPress
    /// carries it in the content).
    pub json_ld: String,
    pub excerpt: String,
    pub slug: String,
    pub tags: Vec<String>,
    pub authors: Vec<String>,
    pub canonical_url: Option<String>,
    pub featured_image: Option<RemoteMedia>,
    pub status: PublishStatus,
    /// When to publish (a scheduled post needs one).
    #[ts(type = "string | null")]
    pub date: Option<DateTime<Utc>>,
}

/// A post as the site reports it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemotePost {
    pub id: String,
    /// The post's public address.
    pub url: String,
    /// The site's version stamp: WordPress's `modified_gmt`, Ghost's
    /// `updated_at`.
    pub version: String,
    /// The content as the site stores it (WordPress's `content.raw`).
    pub content: String,
    pub status: PublishStatus,
}

/// An article's publication on one account, as last sent.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Publication {
    pub article: ArticleId,
    pub account: String,
    pub remote_id: String,
    pub url: String,
    pub status: PublishStatus,
    /// The site's version stamp after Byline's last write.
    pub remote_version: String,
    /// SHA-256 of what Byline sent (the post as JSON), to skip an update
    /// that would change nothing.
    pub sent_hash: String,
    /// SHA-256 of the content as the site stored it after that write: a
    /// different hash later means someone edited it there.
    pub remote_hash: String,
    #[ts(type = "string")]
    pub sent_at: DateTime<Utc>,
}
