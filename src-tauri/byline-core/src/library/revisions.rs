//! Revisions: every state an article has been in that is worth going back
//! to, kept compactly, rebuilt exactly.
//!
//! A revision holds the article's whole state (title, every metadata field,
//! status and body) as JSON. Storage is zstd: every `KEYFRAME_EVERY`th
//! revision of an article is a keyframe, compressed on its own; the ones
//! between are compressed with an earlier revision's JSON as zstd's
//! dictionary, picked so each stores only the last few edits and a rebuild
//! takes at most nine decompressions (`delta_base`). A SHA-256 of the JSON,
//! stored beside each, proves every step is byte for byte what was
//! recorded.
//!
//! Checkpoints while writing come at natural moments (`checkpoint_if_due`):
//! once typing has paused for `pause` after a real amount of writing since
//! the last revision (`min_words` words or `min_chars` characters changed,
//! or a field such as the title or the FAQ), and at least every `interval`
//! of active writing. The app asks at the pause itself (the autosaver calls
//! `checkpoint_at_pause`), so history has the text when the writer looks;
//! every save also asks first, keeping the state *before* it, which covers
//! the CLI and a pause the app did not see. Each is labelled by what changed
//! since the revision before it (`transform::diff::summary`). To keep
//! history small, an automatic checkpoint that changed less than the
//! amount and is less than `coalesce` old is replaced by the next one;
//! nothing else (a snapshot, a status change, an import, an external edit)
//! is ever replaced.

use std::time::Duration;

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::Library;
use crate::domain::article::{Article, ArticleId};
use crate::domain::error::{Error, Result};
use crate::domain::revision::{RevisionInfo, RevisionKind, RevisionState};
use crate::transform::diff::summary::ChangeSummary;

/// Revisions between keyframes. A keyframe holds the whole state (a third
/// of its JSON, compressed); each doubling of this adds one step to the
/// longest rebuild (see `delta_base`).
const KEYFRAME_EVERY: u32 = 256;

/// zstd's level: 3 is its default, fast at both ends.
const LEVEL: i32 = 3;

/// The longest label a writer can give a revision.
pub const MAX_LABEL_CHARS: usize = 120;

/// When automatic checkpoints are taken; see the module docs.
#[derive(Debug, Clone, Copy)]
pub struct CheckpointPolicy {
    /// Typing that stops this long is a pause: the text at the pause goes
    /// into history if enough changed since the last revision.
    pub pause: Duration,
    /// During continuous writing, at most this long between checkpoints.
    pub interval: Duration,
    /// Words written or cut that make a pause worth a revision.
    pub min_words: u32,
    /// Characters written or cut that do, for edits of few long words.
    pub min_chars: usize,
    /// A checkpoint smaller than the amount above, younger than this, is
    /// replaced by the next automatic one instead of piling up.
    pub coalesce: Duration,
}

impl Default for CheckpointPolicy {
    fn default() -> Self {
        // A writer's pause to think is a few seconds; 20 words is a
        // sentence or two; three minutes of writing is a paragraph.
        CheckpointPolicy {
            pause: Duration::from_secs(8),
            interval: Duration::from_secs(3 * 60),
            min_words: 20,
            min_chars: 240,
            coalesce: Duration::from_secs(2 * 60),
        }
    }
}

impl CheckpointPolicy {
    /// Whether a change is a real amount of writing.
    fn is_substantial(&self, change: &ChangeSummary) -> bool {
        change.words_added + change.words_removed >= self.min_words
            || change.chars_changed >= self.min_chars
    }
}

fn millis(at: DateTime<Utc>) -> i64 {
    at.timestamp_millis()
}

fn from_millis(ms: i64) -> DateTime<Utc> {
    Utc.timestamp_millis_opt(ms).single().unwrap_or_default()
}

struct Row {
    id: i64,
    base_id: Option<i64>,
    data: Vec<u8>,
    size: i64,
    checksum: String,
}

fn load_row(tx: &rusqlite::Connection, id: i64) -> rusqlite::Result<Row> {
    tx.query_row(
        "SELECT id, base_id, data, size, checksum FROM revisions WHERE id = ?1",
        [id],
        |r| {
            Ok(Row {
                id: r.get(0)?,
                base_id: r.get(1)?,
                data: r.get(2)?,
                size: r.get(3)?,
                checksum: r.get(4)?,
            })
        },
    )
}

fn corrupt(detail: String) -> Error {
    Error::RevisionCorrupt { detail }
}

/// The JSON a revision row holds, decompressed and verified.
fn rebuild_json(conn: &rusqlite::Connection, id: i64) -> Result<Vec<u8>> {
    let row = load_row(conn, id)?;
    let dict = match row.base_id {
        Some(base) => Some(rebuild_json(conn, base)?),
        None => None,
    };
    let size = usize::try_from(row.size)
        .map_err(|_| corrupt(format!("revision {} has a bad size", row.id)))?;
    let json = match &dict {
        Some(dict) => zstd::bulk::Decompressor::with_dictionary(dict)
            .and_then(|mut d| d.decompress(&row.data, size)),
        None => zstd::bulk::decompress(&row.data, size),
    }
    .map_err(|e| corrupt(format!("revision {} does not decompress: {e}", row.id)))?;
    if super::sha256_hex(&json) != row.checksum {
        return Err(corrupt(format!("revision {} fails its checksum", row.id)));
    }
    Ok(json)
}

/// Every revision that does not rebuild (decompress, match its SHA-256,
/// read as a state), as `(article title, number, why)`; for `doctor`.
pub(crate) fn broken(conn: &rusqlite::Connection) -> Result<Vec<(String, u32, String)>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, r.number, a.title FROM revisions r JOIN articles a ON a.id = r.article_id
         ORDER BY a.id, r.number",
    )?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, u32>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    let mut out = Vec::new();
    for (id, number, title) in rows {
        if let Err(err) = rebuild_json(conn, id).and_then(|json| parse_state(&json)) {
            out.push((title, number, err.to_string()));
        }
    }
    Ok(out)
}

fn parse_state(json: &[u8]) -> Result<RevisionState> {
    serde_json::from_slice(json)
        .map_err(|e| corrupt(format!("a revision's state does not read: {e}")))
}

/// Records `state` as the article's next revision. A checkpoint identical to
/// the latest revision is not recorded again (returns `None`).
pub(crate) fn record(
    tx: &Transaction<'_>,
    id: ArticleId,
    kind: RevisionKind,
    label: Option<&str>,
    state: &RevisionState,
    at: DateTime<Utc>,
) -> Result<Option<u32>> {
    let json = serde_json::to_vec(state).expect("a revision state always serialises");
    let sum = super::sha256_hex(&json);
    let last: Option<(u32, String, Option<i64>, i64)> = tx
        .query_row(
            "SELECT number, checksum, base_id, id FROM revisions WHERE article_id = ?1 ORDER BY number DESC LIMIT 1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    if kind == RevisionKind::Checkpoint && last.as_ref().is_some_and(|l| l.1 == sum) {
        return Ok(None);
    }
    let number = last.as_ref().map_or(1, |l| l.0 + 1);
    let base = match &last {
        Some((_, _, _, last_id)) => delta_base(tx, id, number, *last_id)?,
        None => None,
    };
    let data = match base {
        Some(base_id) => {
            let dict = rebuild_json(tx, base_id)?;
            zstd::bulk::Compressor::with_dictionary(LEVEL, &dict)
                .and_then(|mut c| c.compress(&json))
        }
        None => zstd::bulk::compress(&json, LEVEL),
    }
    .map_err(|e| corrupt(format!("cannot compress a revision: {e}")))?;
    tx.execute(
        "INSERT INTO revisions (article_id, number, created_at, kind, label, words, base_id, data, size, checksum)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            id.0,
            number,
            millis(at),
            kind.as_str(),
            label,
            crate::transform::text_stats::word_count(&state.body),
            base,
            data,
            json.len() as i64,
            sum
        ],
    )?;
    Ok(Some(number))
}

/// The revision whose JSON is the new revision `number`'s dictionary, or
/// `None` for a keyframe. Counting from the keyframe, revision `k` is
/// compressed against revision `k` with its lowest set bit cleared (1, 2
/// and 4 against the keyframe, 3 against 2, 5 against 4, 6 against 4, 7
/// against 6…): on average it stores only the last few edits, and a rebuild
/// walks at most one step per bit of `k` (8 for `KEYFRAME_EVERY` = 256).
/// Numbers are dense (only the newest revision is ever replaced, and its
/// successor takes its number); if one is missing, the keyframe is used. Rows written before (each against its keyframe) read the same way:
/// `base_id` is always just the dictionary.
fn delta_base(
    tx: &Transaction<'_>,
    id: ArticleId,
    number: u32,
    last_id: i64,
) -> Result<Option<i64>> {
    let (key_id, key_number): (i64, u32) = tx.query_row(
        "WITH RECURSIVE chain (id, base_id, number) AS (
             SELECT id, base_id, number FROM revisions WHERE id = ?1
             UNION ALL
             SELECT r.id, r.base_id, r.number
             FROM revisions r JOIN chain c ON r.id = c.base_id
         )
         SELECT id, number FROM chain WHERE base_id IS NULL",
        [last_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let offset = number - key_number;
    if offset >= KEYFRAME_EVERY {
        return Ok(None);
    }
    let base_number = key_number + (offset & (offset - 1));
    if base_number == key_number {
        return Ok(Some(key_id));
    }
    let base: Option<i64> = tx
        .query_row(
            "SELECT id FROM revisions WHERE article_id = ?1 AND number = ?2",
            params![id.0, base_number],
            |r| r.get(0),
        )
        .optional()?;
    Ok(Some(base.unwrap_or(key_id)))
}

/// Keeps the article's stored state as a checkpoint when one is due (see
/// the module docs): called before an edit is written (typing saved by
/// autosave, a FAQ change, an import over an article), and at a pause.
/// `writing_since` is when the current stretch of typing began, if known;
/// without it only a pause can make a checkpoint due. Returns the number
/// recorded, if any.
pub(super) fn checkpoint_if_due(
    tx: &Transaction<'_>,
    id: ArticleId,
    policy: CheckpointPolicy,
    writing_since: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
) -> Result<Option<u32>> {
    // This runs on every save: decide what time allows from a few columns,
    // and read revisions and diff only when a checkpoint may be due.
    let (updated_at, last_at): (i64, Option<i64>) = tx
        .query_row(
            "SELECT a.updated_at, (SELECT max(created_at) FROM revisions WHERE article_id = a.id)
             FROM articles a WHERE a.id = ?1",
            [id.0],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Error::ArticleNotFound(id))?;
    let since = |ms: i64| (now.timestamp_millis() - ms).max(0) as u128;
    let paused = since(updated_at) >= policy.pause.as_millis();
    let interval_up = writing_since.is_some_and(|began| {
        let from = last_at.map_or(millis(began), |at| at.max(millis(began)));
        since(from) >= policy.interval.as_millis()
    });
    if !paused && !interval_up {
        return Ok(None);
    }
    let state = RevisionState::from(&super::articles::read_article(tx, id)?);
    let latest = latest_two(tx, id)?;
    // Before its first revision, an article's text is measured from
    // nothing, and its title and other fields are taken as they are.
    let from_nothing = || RevisionState {
        body: String::new(),
        faq: Vec::new(),
        ..state.clone()
    };
    let previous_state = match &latest.first() {
        Some(last) => parse_state(&rebuild_json(tx, last.row)?)?,
        None => from_nothing(),
    };
    if previous_state == state {
        return Ok(None);
    }
    let change = crate::transform::diff::summary::summarise(&previous_state, &state);
    // The first revision an article gets needs no amount: history is never
    // empty after a pause. After that, a pause needs a real amount of
    // writing or a changed field; the interval needs only a change.
    let due = interval_up
        || latest.is_empty()
        || policy.is_substantial(&change)
        || !change.fields.is_empty();
    if !due {
        return Ok(None);
    }
    let mut label = change.label;
    if let Some(last) = latest.first() {
        let recent = since(last.at) < policy.coalesce.as_millis();
        if last.kind == RevisionKind::Checkpoint.as_str() && recent {
            let before_last = match latest.get(1) {
                Some(r) => parse_state(&rebuild_json(tx, r.row)?)?,
                None => from_nothing(),
            };
            let last_change =
                crate::transform::diff::summary::summarise(&before_last, &previous_state);
            // A small step, just taken, that the writer has not undone:
            // the new checkpoint takes its place, labelled from before it.
            if !policy.is_substantial(&last_change) && before_last != state {
                tx.execute("DELETE FROM revisions WHERE id = ?1", [last.row])?;
                label = crate::transform::diff::summary::summarise(&before_last, &state).label;
            }
        }
    }
    record(tx, id, RevisionKind::Checkpoint, Some(&label), &state, now)
}

/// The latest revision of an article, as the checkpoint rule needs it.
struct Latest {
    row: i64,
    kind: String,
    at: i64,
}

/// The article's last two revisions, newest first.
fn latest_two(tx: &Transaction<'_>, id: ArticleId) -> Result<Vec<Latest>> {
    let mut stmt = tx.prepare_cached(
        "SELECT id, kind, created_at FROM revisions WHERE article_id = ?1 ORDER BY number DESC LIMIT 2",
    )?;
    let rows = stmt
        .query_map([id.0], |r| {
            Ok(Latest {
                row: r.get(0)?,
                kind: r.get(1)?,
                at: r.get(2)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

/// A label as given by a writer: one line, trimmed, not too long; empty
/// means none.
fn clean_label(label: &str) -> Result<Option<String>> {
    let label = label.trim();
    if label.contains(['\n', '\r']) {
        return Err(Error::invalid("label", "must be one line"));
    }
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err(Error::invalid(
            "label",
            format!("is longer than {MAX_LABEL_CHARS} characters"),
        ));
    }
    Ok((!label.is_empty()).then(|| label.to_owned()))
}

impl Library {
    /// When the current stretch of typing on an article began: now, if the
    /// last edit was a pause ago (or none was seen); else as before.
    pub(super) fn writing_since(
        &mut self,
        id: ArticleId,
        now: DateTime<Utc>,
    ) -> Result<DateTime<Utc>> {
        let updated_at: Option<i64> = self
            .conn
            .query_row(
                "SELECT updated_at FROM articles WHERE id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql_err(e))?;
        let paused = updated_at.is_none_or(|at| {
            (now.timestamp_millis() - at).max(0) as u128 >= self.checkpoints.pause.as_millis()
        });
        let began = self.writing.entry(id).or_insert(now);
        if paused {
            *began = now;
        }
        Ok(*began)
    }

    /// Keeps the text as it is now as a checkpoint if typing has paused
    /// after a real amount of writing (see the module docs). The autosaver
    /// calls this a pause after its last save; returns the number recorded.
    pub fn checkpoint_at_pause(&mut self, id: ArticleId) -> Result<Option<u32>> {
        self.checkpoint_at_pause_at(id, Utc::now())
    }

    /// `checkpoint_at_pause` as if it were `now` (tests of the rule).
    pub(crate) fn checkpoint_at_pause_at(
        &mut self,
        id: ArticleId,
        now: DateTime<Utc>,
    ) -> Result<Option<u32>> {
        let policy = self.checkpoints;
        self.write(|tx| checkpoint_if_due(tx, id, policy, None, now))
    }

    /// The article's history, newest first.
    pub fn history(&self, id: ArticleId) -> Result<Vec<RevisionInfo>> {
        self.article(id)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT number, created_at, kind, label, words, length(data) FROM revisions
                 WHERE article_id = ?1 ORDER BY number",
            )
            .map_err(|e| self.sql_err(e))?;
        let mut out: Vec<RevisionInfo> = stmt
            .query_map([id.0], |r| {
                let kind = RevisionKind::parse(&r.get::<_, String>(2)?);
                Ok(RevisionInfo {
                    number: r.get(0)?,
                    at: from_millis(r.get(1)?),
                    kind,
                    kind_label: kind.label().to_owned(),
                    label: r.get(3)?,
                    words: r.get(4)?,
                    words_delta: 0,
                    stored_bytes: r.get(5)?,
                })
            })
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.sql_err(e))?;
        let mut previous = 0i64;
        for info in &mut out {
            info.words_delta = i64::from(info.words) - previous;
            previous = i64::from(info.words);
        }
        out.reverse();
        Ok(out)
    }

    /// The state an article was in at revision `number`.
    pub fn revision_state(&self, id: ArticleId, number: u32) -> Result<RevisionState> {
        let row_id = self.revision_row(id, number)?;
        parse_state(&rebuild_json(&self.conn, row_id).map_err(|e| self.with_path(e))?)
    }

    fn revision_row(&self, id: ArticleId, number: u32) -> Result<i64> {
        self.article(id)?;
        self.conn
            .query_row(
                "SELECT id FROM revisions WHERE article_id = ?1 AND number = ?2",
                params![id.0, number],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql_err(e))?
            .ok_or(Error::NoSuchRevision {
                article: id,
                number,
            })
    }

    /// Bytes the library's revisions take, and what they would take stored
    /// as full copies.
    pub fn revision_totals(&self) -> Result<(u64, u64)> {
        self.conn
            .query_row(
                "SELECT coalesce(sum(length(data)), 0), coalesce(sum(size), 0) FROM revisions",
                [],
                |r| Ok((r.get::<_, i64>(0)? as u64, r.get::<_, i64>(1)? as u64)),
            )
            .map_err(|e| self.sql_err(e))
    }

    /// Records the article's current state as a named snapshot.
    pub fn snapshot(&mut self, id: ArticleId, label: &str) -> Result<RevisionInfo> {
        let label = clean_label(label)?;
        let article = self.article(id)?;
        let number = self.write(|tx| {
            record(
                tx,
                id,
                RevisionKind::Snapshot,
                label.as_deref(),
                &RevisionState::from(&article),
                Utc::now(),
            )
        })?;
        let number = number.expect("snapshots are always recorded");
        self.revision_info(id, number)
    }

    /// Records the current state with the given kind, for callers outside
    /// this module (import, export, the folder mirror). Returns its number,
    /// or `None` for a checkpoint that matched the latest revision.
    pub fn record_revision(
        &mut self,
        id: ArticleId,
        kind: RevisionKind,
        label: Option<&str>,
    ) -> Result<Option<u32>> {
        let article = self.article(id)?;
        self.write(|tx| {
            record(
                tx,
                id,
                kind,
                label,
                &RevisionState::from(&article),
                Utc::now(),
            )
        })
    }

    /// Names (or renames, or with "" unnames) a revision.
    pub fn label_revision(
        &mut self,
        id: ArticleId,
        number: u32,
        label: &str,
    ) -> Result<RevisionInfo> {
        let label = clean_label(label)?;
        let row = self.revision_row(id, number)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE revisions SET label = ?2 WHERE id = ?1",
                params![row, label],
            )?;
            Ok(())
        })?;
        self.revision_info(id, number)
    }

    fn revision_info(&self, id: ArticleId, number: u32) -> Result<RevisionInfo> {
        self.history(id)?
            .into_iter()
            .find(|r| r.number == number)
            .ok_or(Error::NoSuchRevision {
                article: id,
                number,
            })
    }

    /// Compares revision `from` with revision `to`, or with the article as
    /// it is now when `to` is `None`.
    pub fn compare_revisions(
        &self,
        id: ArticleId,
        from: u32,
        to: Option<u32>,
    ) -> Result<crate::transform::diff::Comparison> {
        let before = self.revision_state(id, from)?;
        let after = match to {
            Some(n) => self.revision_state(id, n)?,
            None => RevisionState::from(&self.article(id)?),
        };
        Ok(crate::transform::diff::compare(&before, &after))
    }

    /// Puts the article back to revision `number`. The current state is
    /// first recorded as "before restore", so nothing is lost, and the
    /// restored state is what the article holds afterwards. A slug that
    /// another article took since is kept as it is now.
    pub fn restore_revision(&mut self, id: ArticleId, number: u32) -> Result<Article> {
        let target = self.revision_state(id, number)?;
        let current = self.article(id)?;
        if current.trashed_at.is_some() {
            return Err(Error::ArticleTrashed(id));
        }
        let label = format!("before restoring revision {number}");
        self.write(|tx| {
            record(
                tx,
                id,
                RevisionKind::BeforeRestore,
                Some(&label),
                &RevisionState::from(&current),
                Utc::now(),
            )?;
            let slug_free: bool = tx.query_row(
                "SELECT NOT EXISTS (SELECT 1 FROM articles WHERE slug = ?1 AND id != ?2)",
                params![target.meta.slug, id.0],
                |r| r.get(0),
            )?;
            let slug = if slug_free && !target.meta.slug.is_empty() {
                &target.meta.slug
            } else {
                &current.meta.slug
            };
            super::articles::write_state(tx, id, &target, slug)?;
            super::faq::replace_items(tx, id, &target.faq)?;
            Ok(())
        })?;
        self.article(id)
    }
}

#[cfg(test)]
mod growth_tests;
#[cfg(test)]
mod tests;
