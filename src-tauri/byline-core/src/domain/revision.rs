//! A revision as the rest of the core sees it: its kind, the whole article
//! state it restores, and what a history entry shows. How revisions are
//! stored and verified is `library/revisions.rs`.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::article::{Article, ArticleMeta, Status};
use super::faq::QuestionAnswer;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum RevisionKind {
    /// Taken while writing, after a pause or every few minutes.
    Checkpoint,
    /// Named by the writer.
    Snapshot,
    /// The status changed.
    Status,
    /// The state just before a restore replaced it.
    BeforeRestore,
    Import,
    ExternalEdit,
    Export,
}

impl RevisionKind {
    pub const ALL: [RevisionKind; 7] = [
        RevisionKind::Checkpoint,
        RevisionKind::Snapshot,
        RevisionKind::Status,
        RevisionKind::BeforeRestore,
        RevisionKind::Import,
        RevisionKind::ExternalEdit,
        RevisionKind::Export,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RevisionKind::Checkpoint => "checkpoint",
            RevisionKind::Snapshot => "snapshot",
            RevisionKind::Status => "status",
            RevisionKind::BeforeRestore => "before_restore",
            RevisionKind::Import => "import",
            RevisionKind::ExternalEdit => "external_edit",
            RevisionKind::Export => "export",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RevisionKind::Checkpoint => "Checkpoint",
            RevisionKind::Snapshot => "Snapshot",
            RevisionKind::Status => "Status change",
            RevisionKind::BeforeRestore => "Before restore",
            RevisionKind::Import => "Import",
            RevisionKind::ExternalEdit => "External edit",
            RevisionKind::Export => "Export",
        }
    }

    /// The kind a stored name stands for; an unknown name (from a newer
    /// Byline) reads as a checkpoint.
    pub fn parse(s: &str) -> RevisionKind {
        Self::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .unwrap_or(RevisionKind::Checkpoint)
    }
}

/// Everything a revision restores. New fields must default, so revisions
/// recorded before they existed still read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct RevisionState {
    #[serde(flatten)]
    pub meta: ArticleMeta,
    pub status: Status,
    pub body: String,
    /// The FAQ items' text in order (revisions from before FAQ items read
    /// as having none). Links to shared blocks are not kept: a restored
    /// item is the article's own copy.
    pub faq: Vec<QuestionAnswer>,
}

impl Default for RevisionState {
    fn default() -> Self {
        RevisionState {
            meta: ArticleMeta::default(),
            status: Status::Draft,
            body: String::new(),
            faq: Vec::new(),
        }
    }
}

impl From<&Article> for RevisionState {
    fn from(a: &Article) -> Self {
        RevisionState {
            meta: a.meta.clone(),
            status: a.status,
            body: a.body.clone(),
            faq: a.faq.iter().map(|f| f.pair()).collect(),
        }
    }
}

/// One entry of an article's history, without its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RevisionInfo {
    /// Counts from 1 within the article: what the CLI and window call it.
    pub number: u32,
    #[ts(type = "string")]
    pub at: DateTime<Utc>,
    pub kind: RevisionKind,
    /// The kind as a writer reads it ("Before restore"), so the window and
    /// the CLI name kinds alike.
    pub kind_label: String,
    pub label: Option<String>,
    pub words: u32,
    /// Words gained (or lost) since the revision before it.
    pub words_delta: i64,
    /// Stored size in bytes, compressed.
    pub stored_bytes: u32,
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    /// Stored revisions are this JSON (zstd-compressed against a keyframe),
    /// so embedding `ArticleMeta` must not change a byte of it.
    #[test]
    fn stored_json_keeps_its_keys_and_their_order() {
        let state = RevisionState {
            meta: ArticleMeta {
                title: "T".into(),
                dek: "D".into(),
                slug: "s".into(),
                authors: vec!["A".into()],
                tags: vec!["x".into(), "y".into()],
                meta_description: "M".into(),
                canonical_url: "https://e.org/".into(),
                featured_image: "assets/i.png".into(),
                publish_at: Some(Utc.with_ymd_and_hms(2026, 5, 1, 9, 30, 0).unwrap()),
                word_target: None,
            },
            status: Status::Ready,
            body: "B".into(),
            faq: vec![QuestionAnswer::new("Q", "A")],
        };
        let json = serde_json::to_string(&state).unwrap();
        assert_eq!(
            json,
            r#"{"title":"T","dek":"D","slug":"s","authors":["A"],"tags":["x","y"],"meta_description":"M","canonical_url":"https://e.org/","featured_image":"assets/i.png","publish_at":"2026-05-01T09:30:00Z","status":"ready","body":"B","faq":[{"question":"Q","answer":"A"}]}"#
        );
        assert_eq!(serde_json::from_str::<RevisionState>(&json).unwrap(), state);
    }

    #[test]
    fn revisions_from_before_a_field_existed_still_read() {
        let state: RevisionState = serde_json::from_str(
            r#"{"title":"Old","tags":["a"],"body":"text","status":"published"}"#,
        )
        .unwrap();
        assert_eq!(state.meta.title, "Old");
        assert_eq!(state.meta.tags, ["a"]);
        assert_eq!(state.meta.dek, "");
        assert_eq!(state.meta.publish_at, None);
        assert_eq!(state.status, Status::Published);
        assert_eq!(state.body, "text");
        assert!(state.faq.is_empty());
        let empty: RevisionState = serde_json::from_str("{}").unwrap();
        assert_eq!(empty, RevisionState::default());
    }
}
