//! The domain types. These are the shapes that cross the IPC boundary, so each
//! derives `TS` and the TypeScript copies are generated, never written by hand.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An article's id in its library. A newtype so an article id is never
/// confused with a revision id or a count, and so TypeScript sees a `number`
/// (ts-rs would otherwise map `i64` to `bigint`, which JSON cannot carry).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(type = "number")]
pub struct ArticleId(pub i64);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// Where an article is in the editorial workflow. Any status can move to any
/// other (an editor sends a piece back; a published piece is pulled).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    Draft,
    InReview,
    Ready,
    Published,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Draft,
        Status::InReview,
        Status::Ready,
        Status::Published,
    ];

    /// The name stored in the library and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Draft => "draft",
            Status::InReview => "in_review",
            Status::Ready => "ready",
            Status::Published => "published",
        }
    }

    /// The name shown to a writer.
    pub fn label(self) -> &'static str {
        match self {
            Status::Draft => "Draft",
            Status::InReview => "In review",
            Status::Ready => "Ready",
            Status::Published => "Published",
        }
    }
}

impl std::str::FromStr for Status {
    type Err = crate::Error;

    /// Accepts the stored name, the label, and `-` or a space for `_`, in
    /// any case: `in-review`, `In review`, `IN_REVIEW`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let key = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
        Status::ALL
            .into_iter()
            .find(|st| st.as_str() == key)
            .ok_or_else(|| {
                crate::Error::invalid(
                    "status",
                    format!("{s:?} is not a status; use draft, in-review, ready or published"),
                )
            })
    }
}

/// One article with its whole text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    pub body: String,
    pub words: u32,
    pub status: Status,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    /// When it was moved to the trash; `None` for a live article.
    pub trashed_at: Option<DateTime<Utc>>,
}

/// What the library list shows of an article, without its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: String,
    pub words: u32,
    pub status: Status,
    pub updated_at: DateTime<Utc>,
    pub trashed_at: Option<DateTime<Utc>>,
}

/// One step of an article's workflow history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatusChange {
    pub status: Status,
    pub changed_at: DateTime<Utc>,
}

impl Article {
    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
            id: self.id,
            title: self.title.clone(),
            words: self.words,
            status: self.status,
            updated_at: self.updated_at,
            trashed_at: self.trashed_at,
        }
    }
}

/// The title shown for an article whose title is empty.
pub const UNTITLED: &str = "Untitled";
