//! Comparing two states of an article: the body word by word, and every
//! other field as before and after.

use serde::Serialize;
use ts_rs::TS;

pub mod summary;

use crate::domain::article::ArticleField;
use crate::domain::faq::QuestionAnswer;
use crate::domain::revision::RevisionState;

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
///
/// Words are compared within paragraphs, never across the whole
/// article at once: a token-level diff of two distant 5,000-word versions
/// takes the better part of a second, while paragraphs first, then words
/// inside each pair of matching paragraphs, takes milliseconds. Paragraphs
/// that changed are paired with the most similar one on the other side
/// (see `align`), so a
/// rewritten paragraph shows its word changes even when paragraphs around
/// it were added or cut.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffSpan> {
    let (old_lines, new_lines) = (paragraphs(old), paragraphs(new));
    let ops = similar::capture_diff_slices(similar::Algorithm::Patience, &old_lines, &new_lines);
    let mut out: Vec<DiffSpan> = Vec::new();
    for op in ops {
        let olds = &old_lines[op.old_range()];
        let news = &new_lines[op.new_range()];
        match op.tag() {
            similar::DiffTag::Equal => push(&mut out, DiffKind::Same, &olds.concat()),
            similar::DiffTag::Delete => push(&mut out, DiffKind::Removed, &olds.concat()),
            similar::DiffTag::Insert => push(&mut out, DiffKind::Added, &news.concat()),
            similar::DiffTag::Replace => {
                for pair in align(olds, news) {
                    match pair {
                        (Some(o), Some(n)) => words_within(&mut out, o, n),
                        (Some(o), None) => push(&mut out, DiffKind::Removed, o),
                        (None, Some(n)) => push(&mut out, DiffKind::Added, n),
                        (None, None) => {}
                    }
                }
            }
        }
    }
    tidy(out)
}

/// The text cut into paragraphs, each with the blank lines after it, so
/// the blank lines between paragraphs (all alike) cannot pair paragraphs
/// that are not.
fn paragraphs(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut in_blank = false;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let blank = line.trim().is_empty();
        if in_blank && !blank {
            out.push(&text[start..at]);
            start = at;
        }
        in_blank = blank;
        at += line.len();
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn push(out: &mut Vec<DiffSpan>, kind: DiffKind, text: &str) {
    if text.is_empty() {
        return;
    }
    match out.last_mut() {
        Some(last) if last.kind == kind => last.text.push_str(text),
        _ => out.push(DiffSpan {
            kind,
            text: text.to_owned(),
        }),
    }
}

fn words_within(out: &mut Vec<DiffSpan>, old: &str, new: &str) {
    let (a, b) = (tokens(old), tokens(new));
    let ops = if old.len() + new.len() > 20_000 {
        // A deadline is checked with the clock at every step, which costs
        // more than an ordinary paragraph's whole diff; only long ones get one.
        let deadline = std::time::Instant::now() + std::time::Duration::from_millis(200);
        similar::capture_diff_slices_deadline(similar::Algorithm::Patience, &a, &b, Some(deadline))
    } else {
        similar::capture_diff_slices(similar::Algorithm::Patience, &a, &b)
    };
    for op in ops {
        let (kind, text) = match op.tag() {
            similar::DiffTag::Equal => (DiffKind::Same, a[op.old_range()].concat()),
            similar::DiffTag::Delete => (DiffKind::Removed, a[op.old_range()].concat()),
            similar::DiffTag::Insert => (DiffKind::Added, b[op.new_range()].concat()),
            similar::DiffTag::Replace => {
                push(out, DiffKind::Removed, &a[op.old_range()].concat());
                (DiffKind::Added, b[op.new_range()].concat())
            }
        };
        push(out, kind, &text);
    }
}

/// Prose as diff tokens: runs of word characters (letters, digits, marks,
/// apostrophes inside words), runs of spaces, and each other character
/// (punctuation, emoji, ideographs) alone. Joined, they are the text again.
fn tokens(text: &str) -> Vec<&str> {
    #[derive(PartialEq, Clone, Copy)]
    enum Class {
        Word,
        Space,
        Other,
    }
    fn class(c: char) -> Class {
        if c.is_whitespace() {
            Class::Space
        } else if c.is_alphanumeric() || ('\u{300}'..='\u{36f}').contains(&c) {
            // Ideographs are alphanumeric too, but each is a word of its own.
            if ('\u{2e80}'..='\u{9fff}').contains(&c) || ('\u{ac00}'..='\u{d7af}').contains(&c) {
                Class::Other
            } else {
                Class::Word
            }
        } else {
            Class::Other
        }
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut prev: Option<Class> = None;
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let mut k = class(c);
        // "don't" and "l'été" stay one word.
        if (c == '\'' || c == '’') && prev == Some(Class::Word) {
            if let Some(&(_, next)) = chars.peek() {
                if class(next) == Class::Word {
                    k = Class::Word;
                }
            }
        }
        let joins = prev == Some(k) && k != Class::Other;
        if !joins && i > start {
            out.push(&text[start..i]);
            start = i;
        }
        prev = Some(k);
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

/// A paragraph's words as sorted hashes, so two paragraphs' likeness is
/// one merge of two sorted lists, with no allocation per pair.
fn bag(text: &str) -> Vec<u64> {
    use std::hash::{Hash, Hasher};
    let mut out: Vec<u64> = text
        .split_whitespace()
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect();
    out.sort_unstable();
    out
}

/// How alike two paragraphs are: the share of words they have in common
/// (Dice's coefficient over their bags of words), from 0 to 1.
fn likeness(a: &[u64], b: &[u64]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    let (mut i, mut j, mut common) = (0, 0, 0u32);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                common += 1;
                i += 1;
                j += 1;
            }
        }
    }
    2.0 * f64::from(common) / (a.len() + b.len()) as f64
}

/// Lines below this likeness are a removal and an addition, not an edit.
const SAME_PARAGRAPH: f64 = 0.5;

/// Pairs the changed lines of one side with those of the other, in order,
/// maximising total likeness (a longest-common-subsequence over "alike
/// enough"). Unpaired lines come back alone.
#[allow(clippy::type_complexity)]
fn align<'a>(olds: &[&'a str], news: &[&'a str]) -> Vec<(Option<&'a str>, Option<&'a str>)> {
    let (k, m) = (olds.len(), news.len());
    // Past this size, pairing costs more than it shows; fall back to the
    // two blocks whole.
    if k * m > 250_000 {
        let mut out: Vec<_> = olds.iter().map(|o| (Some(*o), None)).collect();
        out.extend(news.iter().map(|n| (None, Some(*n))));
        return out;
    }
    let mut score = vec![vec![0.0f64; m + 1]; k + 1];
    let old_bags: Vec<Vec<u64>> = olds.iter().map(|t| bag(t)).collect();
    let new_bags: Vec<Vec<u64>> = news.iter().map(|t| bag(t)).collect();
    let mut like = vec![vec![0.0f64; m]; k];
    for i in 0..k {
        for j in 0..m {
            let (a, b) = (old_bags[i].len(), new_bags[j].len());
            // Dice cannot exceed 2·min/(a+b): skip pairs too unequal in length.
            if a + b > 0 && (2 * a.min(b)) as f64 / ((a + b) as f64) < SAME_PARAGRAPH {
                continue;
            }
            like[i][j] = likeness(&old_bags[i], &new_bags[j]);
        }
    }
    for i in 1..=k {
        for j in 1..=m {
            let mut best = score[i - 1][j].max(score[i][j - 1]);
            let l = like[i - 1][j - 1];
            if l >= SAME_PARAGRAPH {
                best = best.max(score[i - 1][j - 1] + l);
            }
            score[i][j] = best;
        }
    }
    let mut out = Vec::with_capacity(k + m);
    let (mut i, mut j) = (k, m);
    while i > 0 || j > 0 {
        if i > 0 && j > 0 {
            let l = like[i - 1][j - 1];
            if l >= SAME_PARAGRAPH && (score[i][j] - (score[i - 1][j - 1] + l)).abs() < 1e-9 {
                out.push((Some(olds[i - 1]), Some(news[j - 1])));
                i -= 1;
                j -= 1;
                continue;
            }
        }
        if i > 0 && (j == 0 || score[i][j] == score[i - 1][j]) {
            out.push((Some(olds[i - 1]), None));
            i -= 1;
        } else {
            out.push((None, Some(news[j - 1])));
            j -= 1;
        }
    }
    out.reverse();
    out
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

/// FAQ items compared as a list (Patience over whole items), so adding
/// one at the top shows one addition, not every item changed. Items
/// replaced in place are compared field by field.
fn faq_changes(before: &[QuestionAnswer], after: &[QuestionAnswer], out: &mut Vec<FieldChange>) {
    let whole = |qa: &QuestionAnswer| format!("{}\n{}", qa.question, qa.answer);
    for op in similar::capture_diff_slices(similar::Algorithm::Patience, before, after) {
        let (old, new) = (op.old_range(), op.new_range());
        let (olds, news) = (&before[old.clone()], &after[new.clone()]);
        let paired = olds.len().min(news.len());
        for (i, (a, b)) in olds.iter().zip(news).enumerate() {
            let n = new.start + i + 1;
            if a.question != b.question {
                out.push(FieldChange {
                    field: format!("FAQ {n}: question"),
                    before: a.question.clone(),
                    after: b.question.clone(),
                });
            }
            if a.answer != b.answer {
                out.push(FieldChange {
                    field: format!("FAQ {n}: answer"),
                    before: a.answer.clone(),
                    after: b.answer.clone(),
                });
            }
        }
        for (i, a) in olds.iter().enumerate().skip(paired) {
            out.push(FieldChange {
                field: format!("FAQ: removed item {}", old.start + i + 1),
                before: whole(a),
                after: String::new(),
            });
        }
        for (i, b) in news.iter().enumerate().skip(paired) {
            out.push(FieldChange {
                field: format!("FAQ: added item {}", new.start + i + 1),
                before: String::new(),
                after: whole(b),
            });
        }
    }
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
    for f in ArticleField::ALL {
        field(f.label(), before.meta.text(f), after.meta.text(f));
    }
    field(
        "Status",
        before.status.label().to_owned(),
        after.status.label().to_owned(),
    );
    faq_changes(&before.faq, &after.faq, &mut fields);
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
