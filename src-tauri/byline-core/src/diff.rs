//! Comparing two states of an article: the body word by word, and every
//! other field as before and after.

use serde::Serialize;
use similar::{ChangeTag, TextDiff};
use ts_rs::TS;

use crate::library::RevisionState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum DiffKind {
    Same,
    Added,
    Removed,
}

/// A run of text that is in both versions, or only in one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DiffSpan {
    pub kind: DiffKind,
    pub text: String,
}

/// A field other than the body that differs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FieldChange {
    /// As a writer knows it: "Title", "Tags".
    pub field: String,
    pub before: String,
    pub after: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Comparison {
    pub fields: Vec<FieldChange>,
    pub body: Vec<DiffSpan>,
    pub words_added: u32,
    pub words_removed: u32,
}

/// The body's changes, word by word: each word, space and punctuation mark
/// is a token, so a changed comma shows as a changed comma, and runs of the
/// same kind are merged so the reader sees phrases, not fragments.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let diff = TextDiff::configure()
        .algorithm(similar::Algorithm::Patience)
        .timeout(std::time::Duration::from_secs(2))
        .diff_unicode_words(old, new);
    let mut out: Vec<DiffSpan> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Equal => DiffKind::Same,
            ChangeTag::Insert => DiffKind::Added,
            ChangeTag::Delete => DiffKind::Removed,
        };
        let text = change.value();
        match out.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(text),
            _ => out.push(DiffSpan {
                kind,
                text: text.to_owned(),
            }),
        }
    }
    tidy(out)
}

/// Replacements separated only by a space read better as one: "quick
/// brown" → "slow red" shows as one removal and one addition, not four
/// fragments. The old text is still exactly the same and removed spans in
/// order, and the new text the same and added spans.
fn tidy(spans: Vec<DiffSpan>) -> Vec<DiffSpan> {
    enum Seg {
        Same(String),
        Change(String, String),
    }
    let mut segs: Vec<Seg> = Vec::new();
    for span in spans {
        match (span.kind, segs.last_mut()) {
            (DiffKind::Same, _) => segs.push(Seg::Same(span.text)),
            (DiffKind::Removed, Some(Seg::Change(r, _))) => r.push_str(&span.text),
            (DiffKind::Added, Some(Seg::Change(_, a))) => a.push_str(&span.text),
            (DiffKind::Removed, _) => segs.push(Seg::Change(span.text, String::new())),
            (DiffKind::Added, _) => segs.push(Seg::Change(String::new(), span.text)),
        }
    }
    let replacement = |s: &Seg| matches!(s, Seg::Change(r, a) if !r.is_empty() && !a.is_empty());
    let mut merged: Vec<Seg> = Vec::with_capacity(segs.len());
    let mut iter = segs.into_iter().peekable();
    while let Some(seg) = iter.next() {
        let glue = matches!(&seg, Seg::Same(t) if !t.is_empty() && t.trim().is_empty() && !t.contains('\n'));
        if glue && merged.last().is_some_and(replacement) && iter.peek().is_some_and(replacement) {
            let (Seg::Same(space), Some(Seg::Change(r2, a2)), Some(Seg::Change(r1, a1))) =
                (seg, iter.next(), merged.last_mut())
            else {
                unreachable!("checked just above")
            };
            r1.push_str(&space);
            r1.push_str(&r2);
            a1.push_str(&space);
            a1.push_str(&a2);
            continue;
        }
        merged.push(seg);
    }
    let mut out = Vec::with_capacity(merged.len());
    for seg in merged {
        match seg {
            Seg::Same(text) => out.push(DiffSpan {
                kind: DiffKind::Same,
                text,
            }),
            Seg::Change(removed, added) => {
                if !removed.is_empty() {
                    out.push(DiffSpan {
                        kind: DiffKind::Removed,
                        text: removed,
                    });
                }
                if !added.is_empty() {
                    out.push(DiffSpan {
                        kind: DiffKind::Added,
                        text: added,
                    });
                }
            }
        }
    }
    out
}

fn words(spans: &[DiffSpan], kind: DiffKind) -> u32 {
    spans
        .iter()
        .filter(|s| s.kind == kind)
        .map(|s| s.text.split_whitespace().count() as u32)
        .sum()
}

pub fn compare(before: &RevisionState, after: &RevisionState) -> Comparison {
    let mut fields = Vec::new();
    let mut field = |name: &str, a: String, b: String| {
        if a != b {
            fields.push(FieldChange {
                field: name.to_owned(),
                before: a,
                after: b,
            });
        }
    };
    field("Title", before.title.clone(), after.title.clone());
    field("Dek", before.dek.clone(), after.dek.clone());
    field("Slug", before.slug.clone(), after.slug.clone());
    field(
        "Authors",
        before.authors.join(", "),
        after.authors.join(", "),
    );
    field("Tags", before.tags.join(", "), after.tags.join(", "));
    field(
        "Description",
        before.meta_description.clone(),
        after.meta_description.clone(),
    );
    field(
        "Canonical URL",
        before.canonical_url.clone(),
        after.canonical_url.clone(),
    );
    field(
        "Featured image",
        before.featured_image.clone(),
        after.featured_image.clone(),
    );
    let date =
        |d: &Option<chrono::DateTime<chrono::Utc>>| d.map(|d| d.to_rfc3339()).unwrap_or_default();
    field(
        "Publish date",
        date(&before.publish_at),
        date(&after.publish_at),
    );
    field(
        "Status",
        before.status.label().to_owned(),
        after.status.label().to_owned(),
    );
    let body = if before.body == after.body {
        vec![DiffSpan {
            kind: DiffKind::Same,
            text: after.body.clone(),
        }]
    } else {
        word_diff(&before.body, &after.body)
    };
    Comparison {
        fields,
        words_added: words(&body, DiffKind::Added),
        words_removed: words(&body, DiffKind::Removed),
        body,
    }
}

#[cfg(test)]
mod tests;
