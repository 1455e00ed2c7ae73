//! Reading and writing articles.

use chrono::{DateTime, TimeZone, Utc};
use rusqlite::{params, OptionalExtension, Row};

use super::workflow::record_status_change;
use super::Library;
use crate::error::{Error, Result};
use crate::model::{Article, ArticleId, ArticleSummary, Status};
use crate::text_stats::word_count;

/// Titles longer than this are refused: no headline needs more, and the list
/// and window chrome must stay usable.
pub const MAX_TITLE_CHARS: usize = 300;

/// The largest body accepted. Far beyond any article (100,000 words is about
/// 600 KB), small enough that a runaway paste cannot bloat the library.
pub const MAX_BODY_BYTES: usize = 16 * 1024 * 1024;

/// The columns every article query selects, in the order [`article_from_row`]
/// reads them.
const ARTICLE_COLUMNS: &str = "id, title, body, words, status, created_at, updated_at, trashed_at";
const SUMMARY_COLUMNS: &str = "id, title, words, status, updated_at, trashed_at";

impl Library {
    pub fn create_article(&mut self, title: &str, body: &str) -> Result<Article> {
        let title = clean_title(title)?;
        check_body(body)?;
        self.insert_article(&title, body)
    }

    /// Inserts a new draft and records its first status, in one transaction.
    pub(super) fn insert_article(&mut self, title: &str, body: &str) -> Result<Article> {
        let now = now_millis();
        let id = self.write(|tx| {
            tx.execute(
                "INSERT INTO articles (title, body, words, created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?4)",
                params![title, body, word_count(body), now],
            )?;
            let id = ArticleId(tx.last_insert_rowid());
            record_status_change(tx, id, Status::Draft, now)?;
            Ok(id)
        })?;
        self.article(id)
    }

    /// An article, whether live or in the trash.
    pub fn article(&self, id: ArticleId) -> Result<Article> {
        self.conn
            .query_row(
                &format!("SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = ?1"),
                [id.0],
                article_from_row,
            )
            .optional()
            .map_err(|e| self.sql_err(e))?
            .ok_or(Error::ArticleNotFound(id))
    }

    /// Every article not in the trash, most recently edited first.
    pub fn list_articles(&self) -> Result<Vec<ArticleSummary>> {
        self.summaries("WHERE trashed_at IS NULL ORDER BY updated_at DESC, id DESC")
    }

    pub(super) fn summaries(&self, filter_and_order: &str) -> Result<Vec<ArticleSummary>> {
        let mut stmt = self
            .conn
            .prepare_cached(&format!(
                "SELECT {SUMMARY_COLUMNS} FROM articles {filter_and_order}"
            ))
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([], summary_from_row)
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.sql_err(e))
    }

    /// Replaces an article's body. Returns the article as stored.
    pub fn save_body(&mut self, id: ArticleId, body: &str) -> Result<Article> {
        check_body(body)?;
        let changed = self
            .conn
            .execute(
                "UPDATE articles SET body = ?2, words = ?3, updated_at = ?4 WHERE id = ?1",
                params![id.0, body, word_count(body), now_millis()],
            )
            .map_err(|e| self.sql_err(e))?;
        if changed == 0 {
            return Err(Error::ArticleNotFound(id));
        }
        self.article(id)
    }

    pub fn rename_article(&mut self, id: ArticleId, title: &str) -> Result<Article> {
        let title = clean_title(title)?;
        let changed = self
            .conn
            .execute(
                "UPDATE articles SET title = ?2, updated_at = ?3 WHERE id = ?1",
                params![id.0, title, now_millis()],
            )
            .map_err(|e| self.sql_err(e))?;
        if changed == 0 {
            return Err(Error::ArticleNotFound(id));
        }
        self.article(id)
    }
}

fn article_from_row(row: &Row<'_>) -> rusqlite::Result<Article> {
    Ok(Article {
        id: ArticleId(row.get(0)?),
        title: row.get(1)?,
        body: row.get(2)?,
        words: row.get(3)?,
        status: status_from_row(row, 4)?,
        created_at: millis_to_time(row, 5)?,
        updated_at: millis_to_time(row, 6)?,
        trashed_at: optional_time(row, 7)?,
    })
}

pub(super) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ArticleSummary> {
    Ok(ArticleSummary {
        id: ArticleId(row.get(0)?),
        title: row.get(1)?,
        words: row.get(2)?,
        status: status_from_row(row, 3)?,
        updated_at: millis_to_time(row, 4)?,
        trashed_at: optional_time(row, 5)?,
    })
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
pub(super) fn clean_title(title: &str) -> Result<String> {
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
