//! Corrections: dated notes a writer attaches when a published article is
//! changed, listed under it as "Updates".

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

/// Long enough for a real correction, short enough to stay a note.
pub const MAX_CORRECTION_CHARS: usize = 1_000;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Correction {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub note: String,
    /// When the note was last changed. Readers see it beside the original
    /// time, which never moves: a correction's wording can be fixed, but not
    /// quietly.
    #[ts(type = "string | null")]
    pub edited_at: Option<DateTime<Utc>>,
}

/// What the window shows of an article's corrections: the notes, and the
/// "Updates" HTML the preview puts under the article (as exports will).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Updates {
    pub corrections: Vec<Correction>,
    pub html: String,
}
