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

/// One article with its whole text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Article {
    pub id: ArticleId,
    pub title: String,
    pub body: String,
    pub words: u32,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

/// What the library list shows of an article, without its body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ArticleSummary {
    pub id: ArticleId,
    pub title: String,
    pub words: u32,
    pub updated_at: DateTime<Utc>,
}

impl Article {
    pub fn summary(&self) -> ArticleSummary {
        ArticleSummary {
            id: self.id,
            title: self.title.clone(),
            words: self.words,
            updated_at: self.updated_at,
        }
    }
}

/// The title shown for an article whose title is empty.
pub const UNTITLED: &str = "Untitled";
