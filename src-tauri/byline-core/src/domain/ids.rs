//! Every id the library hands out. Newtypes so one kind of id is never
//! taken for another, or for a count, and so TypeScript sees a `number`
//! (ts-rs would otherwise map `i64` to `bigint`, which JSON cannot carry).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// An article's id in its library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(type = "number")]
pub struct ArticleId(pub i64);

impl std::fmt::Display for ArticleId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "#{}", self.0)
    }
}

/// A FAQ item's id in its library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(type = "number")]
pub struct FaqItemId(pub i64);

/// A shared FAQ block's id: a question and answer kept once in the library
/// and used by several articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[ts(type = "number")]
pub struct FaqBlockId(pub i64);
