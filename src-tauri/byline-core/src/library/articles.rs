//! Reading and writing articles.

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::revisions::{checkpoint_if_due, record, CheckpointPolicy};
use super::workflow::record_status_change;
use super::Library;
use crate::domain::article::{Article, ArticleId, ArticleMeta, ArticleSummary, Status};
use crate::domain::error::{Error, Result};
use crate::domain::hash::BodyHash;
use crate::domain::revision::{RevisionKind, RevisionState};
use crate::transform::text_stats::word_count;

/// Titles longer than this are refused: no headline needs more, and the list
/// and window chrome must stay usable.
pub const MAX_TITLE_CHARS: usize = 300;

/// The largest body accepted. Far beyond any article (100,000 words is about
/// 600 KB), small enough that a runaway paste cannot bloat the library.
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The columns every article query selects (from `articles a`), in the
/// order [`article_from_row`] reads them. Tags come as a JSON array in their
/// written order.
const ARTICLE_COLUMNS: &str = "a.id, a.title, a.dek, a.slug, a.slug_is_custom, a.authors,
    (SELECT json_group_array(t.tag ORDER BY t.position) FROM article_tags t WHERE t.article_id = a.id),
    a.meta_description, a.canonical_url, a.featured_image, a.publish_at,
    a.body, a.words, a.status, a.created_at, a.updated_at, a.trashed_at,
    (SELECT json_group_array(json_object('id', f.id, 'question', f.question, 'answer', f.answer,
        'shared', f.block_id) ORDER BY f.position) FROM faq_items f WHERE f.article_id = a.id),
    a.faq_structured_data, a.word_target";

/// The columns of [`summary_from_row`], also from `articles a`.
pub(super) const SUMMARY_COLUMNS: &str = "a.id, a.title, a.slug,
    (SELECT json_group_array(t.tag ORDER BY t.position) FROM article_tags t WHERE t.article_id = a.id),
    a.words, a.status, a.publish_at, a.updated_at, a.trashed_at";

/// How many columns [`SUMMARY_COLUMNS`] has, for queries that add more.
pub(super) const SUMMARY_COLUMN_COUNT: usize = 9;

/// [`SUMMARY_COLUMNS`] with `'[]'` for the tags, for long lists whose tags
/// are filled in afterwards from one scan of `article_tags` (a subquery per
/// row costs more than the rest of the list).
pub(super) const SUMMARY_COLUMNS_WITHOUT_TAGS: &str =
    "a.id, a.title, a.slug, '[]', a.words, a.status, a.publish_at, a.updated_at, a.trashed_at";

impl Library {
    pub fn create_article(&mut self, title: &str, body: &str) -> Result<Article> {
        let title = clean_title(title)?;
        check_body(body)?;
        self.insert_article(&title, body)
    }

    /// Inserts a new draft and records its first status, in one transaction.
    pub(super) fn insert_article(&mut self, title: &str, body: &str) -> Result<Article> {
        let id = self.write(|tx| insert_draft(tx, title, body))?;
        self.article(id)
    }

    /// An article, whether live or in the trash.
    pub fn article(&self, id: ArticleId) -> Result<Article> {
        read_article(&self.conn, id).map_err(|e| self.with_path(e))
    }

    /// The article with this slug, whether live or in the trash.
    pub fn article_by_slug(&self, slug: &str) -> Result<Option<Article>> {
        self.conn
            .query_row(
                &format!("SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.slug = ?1"),
                [slug],
                article_from_row,
            )
            .optional()
            .map_err(|e| self.sql_err(e))
    }

    /// The article a command line names: by slug, or by number (`12` or
    /// `#12`) when no article has that slug.
    pub fn find(&self, selector: &str) -> Result<Article> {
        let selector = selector.trim();
        if let Some(article) = self.article_by_slug(selector)? {
            return Ok(article);
        }
        if let Ok(n) = selector.trim_start_matches('#').parse::<i64>() {
            return self.article(ArticleId(n));
        }
        Err(Error::NoSuchSlug(selector.to_string()))
    }

    /// Replaces an article's body. Returns the article as stored. When this
    /// save follows a pause in typing, or the last revision is older than
    /// the checkpoint interval, the state before it is kept as a checkpoint
    /// first, in the same transaction (see `revisions`).
    pub fn save_body(&mut self, id: ArticleId, body: &str) -> Result<Article> {
        self.save_body_at(id, body, Utc::now())
    }

    /// `save_body` as if it were `now` (tests of the checkpoint rule).
    pub(crate) fn save_body_at(
        &mut self,
        id: ArticleId,
        body: &str,
        now: DateTime<Utc>,
    ) -> Result<Article> {
        check_body(body)?;
        let policy = self.checkpoints;
        let since = self.writing_since(id, now)?;
        self.write(|tx| write_body(tx, id, body, now, policy, since))?;
        self.article(id)
    }

    /// Writes the body autosave hands over, if the body stored is still the
    /// one the text was built on (`base`). If it changed
    /// elsewhere meanwhile (the folder mirror, the CLI), nothing is written
    /// over it: the text is kept as a revision instead, so neither side is
    /// lost, and the writer chooses.
    pub fn save_body_on(&mut self, id: ArticleId, body: &str, base: &BodyHash) -> Result<BodySave> {
        check_body(body)?;
        let now = Utc::now();
        let policy = self.checkpoints;
        let since = self.writing_since(id, now)?;
        let kept = self.write(|tx| {
            let current: String = tx
                .query_row("SELECT body FROM articles WHERE id = ?1", [id.0], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or(Error::ArticleNotFound(id))?;
            if current == body {
                return Ok(None);
            }
            if BodyHash::of(&current) == *base {
                write_body(tx, id, body, now, policy, since)?;
                return Ok(None);
            }
            let mut state = RevisionState::from(&read_article(tx, id)?);
            state.body = body.to_owned();
            let revision = record(
                tx,
                id,
                RevisionKind::Snapshot,
                Some(DIVERGED_LABEL),
                &state,
                now,
            )?
            .expect("a snapshot is always recorded");
            Ok(Some(revision))
        })?;
        let article = self.article(id)?;
        Ok(match kept {
            None => BodySave::Saved(article),
            Some(revision) => BodySave::Diverged { article, revision },
        })
    }

    /// Retitles an article. Its slug follows the new title unless the
    /// writer chose the slug, or the article is published (its URL is out
    /// in the world and must not move by itself).
    pub fn rename_article(&mut self, id: ArticleId, title: &str) -> Result<Article> {
        let title = clean_title(title)?;
        let article = self.article(id)?;
        let follow = !article.slug_is_custom && article.status != Status::Published;
        self.write(|tx| {
            let slug = if follow {
                unique_slug(tx, &crate::transform::slug::from_title(&title), Some(id))?
            } else {
                article.meta.slug.clone()
            };
            tx.execute(
                "UPDATE articles SET title = ?2, slug = ?3, updated_at = ?4 WHERE id = ?1",
                params![id.0, title, slug, now_millis()],
            )?;
            Ok(())
        })?;
        self.article(id)
    }
}

/// Inserts a draft with a slug made from its title and records its first
/// status, inside the caller's transaction.
pub(crate) fn insert_draft(
    tx: &rusqlite::Transaction<'_>,
    title: &str,
    body: &str,
) -> Result<ArticleId> {
    let now = now_millis();
    let slug = unique_slug(tx, &crate::transform::slug::from_title(title), None)?;
    tx.execute(
        "INSERT INTO articles (title, slug, body, words, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
        params![title, slug, body, word_count(body), now],
    )?;
    let id = ArticleId(tx.last_insert_rowid());
    record_status_change(tx, id, Status::Draft, now)?;
    Ok(id)
}

/// `base` or the first `base-N` no other article has (trashed ones count:
/// restoring one must not make two articles share a URL).
pub(super) fn unique_slug(
    tx: &rusqlite::Transaction<'_>,
    base: &str,
    except: Option<ArticleId>,
) -> Result<String> {
    // "base-…" sorts between "base-" and "base." ('.' follows '-'), so
    // this is a range scan of the unique slug index.
    let mut stmt = tx.prepare_cached(
        "SELECT slug FROM articles
         WHERE (slug = ?1 OR (slug > ?1 || '-' AND slug < ?1 || '.')) AND id IS NOT ?2",
    )?;
    let taken = stmt
        .query_map(params![base, except.map(|id| id.0)], |r| {
            r.get::<_, String>(0)
        })?
        .collect::<rusqlite::Result<std::collections::HashSet<_>>>()?;
    Ok(crate::transform::slug::first_free(base, |s| {
        taken.contains(s)
    }))
}

fn article_from_row(row: &Row<'_>) -> rusqlite::Result<Article> {
    let body: String = row.get(11)?;
    let hash = BodyHash::of(&body);
    Ok(Article {
        id: ArticleId(row.get(0)?),
        meta: ArticleMeta {
            title: row.get(1)?,
            dek: row.get(2)?,
            slug: row.get(3)?,
            authors: json_list(row, 5)?,
            tags: json_list(row, 6)?,
            meta_description: row.get(7)?,
            canonical_url: row.get(8)?,
            featured_image: row.get(9)?,
            publish_at: optional_time(row, 10)?,
            word_target: row.get(19)?,
        },
        slug_is_custom: row.get(4)?,
        body,
        body_hash: hash,
        words: row.get(12)?,
        status: status_from_row(row, 13)?,
        created_at: millis_to_time(row, 14)?,
        updated_at: millis_to_time(row, 15)?,
        trashed_at: optional_time(row, 16)?,
        faq: json_value(row, 17)?,
        faq_structured_data: row.get(18)?,
    })
}

pub(super) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: ArticleId(row.get(0)?),
        title: row.get(1)?,
        slug: row.get(2)?,
        tags: json_list(row, 3)?,
        words: row.get(4)?,
        status: status_from_row(row, 5)?,
        publish_at: optional_time(row, 6)?,
        updated_at: millis_to_time(row, 7)?,
        trashed_at: optional_time(row, 8)?,
    })
}

/// A value a query aggregated as JSON (`json_group_array`).
fn json_value<T: serde::de::DeserializeOwned>(row: &Row<'_>, idx: usize) -> rusqlite::Result<T> {
    let json: String = row.get(idx)?;
    serde_json::from_str(&json).map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(idx, rusqlite::types::Type::Text, Box::new(e))
    })
}

/// A list stored or aggregated as a JSON array of strings.
fn json_list(row: &Row<'_>, idx: usize) -> rusqlite::Result<Vec<String>> {
    json_value(row, idx)
}

pub(super) fn status_from_row(row: &Row<'_>, idx: usize) -> rusqlite::Result<Status> {
    let stored: String = row.get(idx)?;
    Status::ALL
        .into_iter()
        .find(|s| s.as_str() == stored)
        .ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                idx,
                rusqlite::types::Type::Text,
                format!("unknown status {stored:?}").into(),
            )
        })
}

fn optional_time(row: &Row<'_>, idx: usize) -> rusqlite::Result<Option<DateTime<Utc>>> {
    match row.get::<_, Option<i64>>(idx)? {
        None => Ok(None),
        Some(_) => millis_to_time(row, idx).map(Some),
    }
}

/// Titles are one line: surrounding space is trimmed and line breaks (from a
/// paste) become spaces. An empty title is allowed and shown as "Untitled".
pub(crate) fn clean_title(title: &str) -> Result<String> {
    let title: String = title
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let chars = title.chars().count();
    if chars > MAX_TITLE_CHARS {
        return Err(Error::invalid(
            "title",
            format!("is {chars} characters long; the limit is {MAX_TITLE_CHARS}"),
        ));
    }
    Ok(title)
}

/// Refuses a body over [`MAX_BODY_BYTES`]. Public so every entry point (IPC,
/// CLI) checks incoming text the same way before doing any work with it.
pub fn check_body(body: &str) -> Result<()> {
    if body.len() > MAX_BODY_BYTES {
        return Err(Error::invalid(
            "body",
            format!(
                "is {} bytes; the limit is {MAX_BODY_BYTES} bytes",
                body.len()
            ),
        ));
    }
    Ok(())
}

/// What [`Library::save_body_on`] did with the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BodySave {
    /// Written; the article as stored.
    Saved(Article),
    /// The stored body had changed since the text's base: nothing written,
    /// the text kept as `revision`. `article` is as stored.
    Diverged { article: Article, revision: u32 },
}

/// The label of the revision that keeps text typed on a body that changed
/// elsewhere meanwhile.
pub const DIVERGED_LABEL: &str = "your text, typed while the article changed elsewhere";

/// Writes a body in `tx`, first keeping the state before it as a checkpoint
/// when one is due.
fn write_body(
    tx: &rusqlite::Transaction<'_>,
    id: ArticleId,
    body: &str,
    now: DateTime<Utc>,
    policy: CheckpointPolicy,
    writing_since: DateTime<Utc>,
) -> Result<()> {
    // This runs on every autosave: decide from a few columns, and read the
    // whole article only when a checkpoint is due. An unchanged body, or a
    // new article with nothing in it yet, is not worth a checkpoint.
    let (changed, worth_keeping): (bool, bool) = tx
        .query_row(
            "SELECT a.body != ?2, trim(a.body) != '' OR trim(a.title) != ''
             FROM articles a WHERE a.id = ?1",
            params![id.0, body],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or(Error::ArticleNotFound(id))?;
    if changed && worth_keeping {
        checkpoint_if_due(tx, id, policy, Some(writing_since), now)?;
    }
    tx.execute(
        "UPDATE articles SET body = ?2, words = ?3, updated_at = ?4 WHERE id = ?1",
        params![id.0, body, word_count(body), now.timestamp_millis()],
    )?;
    Ok(())
}

/// An article by id, on the library's connection or inside a transaction.
pub(crate) fn read_article(conn: &rusqlite::Connection, id: ArticleId) -> Result<Article> {
    conn.query_row(
        &format!("SELECT {ARTICLE_COLUMNS} FROM articles a WHERE a.id = ?1"),
        [id.0],
        article_from_row,
    )
    .optional()?
    .ok_or(Error::ArticleNotFound(id))
}

/// Puts a revision's state into the article (all but its status, which
/// belongs to the workflow, not to the text), with `slug` as its slug.
pub(crate) fn write_state(
    tx: &rusqlite::Transaction<'_>,
    id: ArticleId,
    state: &crate::domain::revision::RevisionState,
    slug: &str,
) -> Result<()> {
    let authors = serde_json::to_string(&state.meta.authors).expect("a list of strings serialises");
    tx.execute(
        "UPDATE articles SET title = ?2, dek = ?3, slug = ?4, authors = ?5, meta_description = ?6,
            canonical_url = ?7, featured_image = ?8, publish_at = ?9, body = ?10, words = ?11,
            updated_at = ?12, word_target = ?13
         WHERE id = ?1",
        params![
            id.0,
            state.meta.title,
            state.meta.dek,
            slug,
            authors,
            state.meta.meta_description,
            state.meta.canonical_url,
            state.meta.featured_image,
            state.meta.publish_at.map(|d| d.timestamp_millis()),
            state.body,
            word_count(&state.body),
            now_millis(),
            state.meta.word_target
        ],
    )?;
    write_tags(tx, id, &state.meta.tags)
}

/// Replaces an article's tags with `tags`, in their order, and the
/// `tags_text` search reads (see migration 12).
pub(crate) fn write_tags(
    tx: &rusqlite::Transaction<'_>,
    id: ArticleId,
    tags: &[String],
) -> Result<()> {
    tx.execute("DELETE FROM article_tags WHERE article_id = ?1", [id.0])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO article_tags (article_id, position, tag) VALUES (?1, ?2, ?3)",
    )?;
    for (position, tag) in tags.iter().enumerate() {
        insert.execute(params![id.0, position as i64, tag])?;
    }
    // Only when the tags changed: every write of `tags_text` re-indexes the
    // whole article, body included, and most saves keep the tags as they are.
    tx.prepare_cached("UPDATE articles SET tags_text = ?2 WHERE id = ?1 AND tags_text IS NOT ?2")?
        .execute(params![id.0, tags.join(", ")])?;
    Ok(())
}

pub(super) fn now_millis() -> i64 {
    Utc::now().timestamp_millis()
}

pub(super) fn millis_to_time(row: &Row<'_>, idx: usize) -> rusqlite::Result<DateTime<Utc>> {
    let ms: i64 = row.get(idx)?;
    Utc.timestamp_millis_opt(ms).single().ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            idx,
            rusqlite::types::Type::Integer,
            format!("timestamp {ms} is out of range").into(),
        )
    })
}
