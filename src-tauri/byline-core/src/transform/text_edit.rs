//! The editor's changes, applied to the text the backend holds. Once the
//! backend has an article's text, each keystroke sends only what changed
//! (CodeMirror's changes), not the whole text again.
//!
//! Positions are the editor's: UTF-16 code units (JavaScript string
//! indices), into the text as it was before the change, in ascending order
//! and not overlapping, as CodeMirror's `iterChanges` gives them.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::transform::render::Preview;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
pub struct TextChange {
    /// Where the replaced text starts, in UTF-16 code units.
    pub from: u32,
    /// Where it ends (`from` for an insertion).
    pub to: u32,
    /// What replaces it.
    pub insert: String,
}

/// What the window sends on a keystroke: the whole text (when it opens an
/// article, or the backend asked for it), or the changes since edit `after`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum BodyEdit {
    Whole {
        body: String,
    },
    Changes {
        /// The edit these changes were made on.
        after: u64,
        /// The text's length afterwards, in UTF-16 code units: a cheap check
        /// that both sides hold the same text.
        length: u32,
        changes: Vec<TextChange>,
    },
}

/// The answer to a keystroke.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Typed {
    /// Staged for autosave; the preview when one was asked for.
    Staged { preview: Option<Preview> },
    /// An older edit than one already taken: nothing done.
    Stale,
    /// The changes were not made on the text the backend holds: nothing
    /// done; send this edit's whole text.
    Resend,
}

/// The text the backend holds for the article being typed, as of edit `seq`.
#[derive(Debug, Default)]
pub struct Draft {
    held: Option<Held>,
}

#[derive(Debug)]
struct Held {
    article: crate::domain::ids::ArticleId,
    seq: u64,
    text: String,
}

/// What an edit did to the [`Draft`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Taken {
    /// The draft is now edit `seq`'s text.
    Changed,
    /// No change (`seq` is the edit the draft holds, the changes empty).
    Same,
    /// An older edit than the one held, arriving late: ignored.
    Stale,
    /// The changes were not made on the text held: send the whole text.
    Resend,
}

impl Draft {
    pub fn take(
        &mut self,
        article: crate::domain::ids::ArticleId,
        seq: u64,
        edit: BodyEdit,
    ) -> Taken {
        let same_article = self.held.as_ref().filter(|h| h.article == article);
        if let Some(held) = same_article {
            let no_change = matches!(&edit, BodyEdit::Changes { after, changes, .. }
                if *after == seq && changes.is_empty());
            if seq == held.seq && no_change {
                return Taken::Same;
            }
            if seq <= held.seq {
                return Taken::Stale;
            }
        }
        match edit {
            BodyEdit::Whole { body } => {
                self.held = Some(Held {
                    article,
                    seq,
                    text: body,
                });
                Taken::Changed
            }
            BodyEdit::Changes {
                after,
                length,
                changes,
            } => {
                let Some(held) = self
                    .held
                    .as_mut()
                    .filter(|h| h.article == article && h.seq == after)
                else {
                    return Taken::Resend;
                };
                if apply(&mut held.text, &changes).is_none() {
                    return Taken::Resend;
                }
                if utf16_len(&held.text) != length as usize {
                    // Changed, but not into the window's text: hold nothing
                    // until the window sends it whole.
                    self.held = None;
                    return Taken::Resend;
                }
                held.seq = seq;
                Taken::Changed
            }
        }
    }

    /// The text held for `article`, if any.
    pub fn text(&self, article: crate::domain::ids::ArticleId) -> Option<&str> {
        self.held
            .as_ref()
            .filter(|h| h.article == article)
            .map(|h| h.text.as_str())
    }
}

/// Applies `changes` to `text`. `None` (and `text` untouched) when they do
/// not fit it: a position past its end or inside a character, or changes
/// out of order. The caller then asks the window for its whole text.
pub fn apply(text: &mut String, changes: &[TextChange]) -> Option<()> {
    // Byte ranges first, so a change that does not fit leaves no half edit.
    let mut ranges = Vec::with_capacity(changes.len());
    let mut walker = Utf16Walker::new(text);
    let mut last_end = 0u32;
    for change in changes {
        if change.from > change.to || change.from < last_end {
            return None;
        }
        last_end = change.to;
        let from = walker.byte_at(change.from)?;
        let to = walker.byte_at(change.to)?;
        ranges.push((from, to));
    }
    // From the last to the first, so earlier byte offsets stay valid.
    for (change, (from, to)) in changes.iter().zip(ranges).rev() {
        text.replace_range(from..to, &change.insert);
    }
    Some(())
}

/// The length of `text` in UTF-16 code units, as the editor counts it.
pub fn utf16_len(text: &str) -> usize {
    let mut n = 0;
    for chunk in text.as_bytes().chunks(64) {
        n += if chunk.is_ascii() {
            chunk.len()
        } else {
            // Every byte but continuation bytes starts a character; a
            // four-byte one is two UTF-16 units.
            chunk
                .iter()
                .map(|&b| match b {
                    0x80..=0xBF => 0,
                    0xF0..=0xFF => 2,
                    _ => 1,
                })
                .sum()
        };
    }
    n
}

/// Turns ascending UTF-16 positions into byte offsets in one pass.
struct Utf16Walker<'a> {
    text: &'a str,
    byte: usize,
    unit: u32,
}

impl<'a> Utf16Walker<'a> {
    fn new(text: &'a str) -> Self {
        Utf16Walker {
            text,
            byte: 0,
            unit: 0,
        }
    }

    fn byte_at(&mut self, unit: u32) -> Option<usize> {
        let bytes = self.text.as_bytes();
        // ASCII runs: one byte per unit, skipped a block at a time.
        while self.unit < unit {
            let want = (unit - self.unit) as usize;
            let run = &bytes[self.byte..];
            let step = want.min(64).min(run.len());
            if step > 0 && run[..step].is_ascii() {
                self.byte += step;
                self.unit += step as u32;
                continue;
            }
            let c = self.text[self.byte..].chars().next()?;
            let units = c.len_utf16() as u32;
            if self.unit + units > unit {
                // Inside a surrogate pair.
                return None;
            }
            self.byte += c.len_utf8();
            self.unit += units;
        }
        Some(self.byte)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn change(from: u32, to: u32, insert: &str) -> TextChange {
        TextChange {
            from,
            to,
            insert: insert.into(),
        }
    }

    #[test]
    fn changes_apply_at_the_editor_s_positions() {
        let mut text = String::from("café 😀 end");
        // "é" is one unit, the emoji two.
        apply(&mut text, &[change(3, 4, "e"), change(7, 7, "!")]).unwrap();
        assert_eq!(text, "cafe 😀! end");
        assert_eq!(utf16_len(&text), 12);
        apply(&mut text, &[change(5, 7, "")]).unwrap();
        assert_eq!(text, "cafe ! end");
    }

    #[test]
    fn a_draft_follows_the_window_s_edits_and_asks_for_the_text_when_lost() {
        let a = crate::domain::ids::ArticleId(1);
        let b = crate::domain::ids::ArticleId(2);
        let mut draft = Draft::default();
        let changes = |after, length, list: Vec<TextChange>| BodyEdit::Changes {
            after,
            length,
            changes: list,
        };
        // Nothing held yet: changes cannot be applied.
        assert_eq!(
            draft.take(a, 1, changes(0, 1, vec![change(0, 0, "x")])),
            Taken::Resend
        );
        assert_eq!(
            draft.take(
                a,
                2,
                BodyEdit::Whole {
                    body: "Hello".into()
                }
            ),
            Taken::Changed
        );
        assert_eq!(
            draft.take(a, 3, changes(2, 6, vec![change(5, 5, "!")])),
            Taken::Changed
        );
        assert_eq!(draft.text(a), Some("Hello!"));
        // A late, older edit is ignored; asking again for the same is a no-op.
        assert_eq!(
            draft.take(a, 2, changes(1, 5, vec![change(0, 0, "x")])),
            Taken::Stale
        );
        assert_eq!(draft.take(a, 3, changes(3, 6, vec![])), Taken::Same);
        // A skipped edit (4 never arrived): the window must resend.
        assert_eq!(
            draft.take(a, 5, changes(4, 7, vec![change(0, 0, "x")])),
            Taken::Resend
        );
        assert_eq!(draft.text(a), Some("Hello!"));
        // A length that does not match: the draft is dropped, not guessed at.
        assert_eq!(
            draft.take(a, 6, changes(3, 99, vec![change(0, 0, "x")])),
            Taken::Resend
        );
        assert_eq!(draft.text(a), None);
        // Another article starts from its whole text.
        assert_eq!(
            draft.take(b, 1, BodyEdit::Whole { body: "B".into() }),
            Taken::Changed
        );
        assert_eq!(draft.text(a), None);
        assert_eq!(draft.text(b), Some("B"));
    }

    #[test]
    fn changes_that_do_not_fit_leave_the_text_alone() {
        let mut text = String::from("a😀b");
        for bad in [
            vec![change(2, 2, "x")],                    // inside the emoji
            vec![change(0, 9, "")],                     // past the end
            vec![change(2, 1, "")],                     // backwards
            vec![change(3, 4, "x"), change(0, 1, "y")], // out of order
        ] {
            assert_eq!(apply(&mut text, &bad), None, "{bad:?}");
            assert_eq!(text, "a😀b");
        }
    }
}
