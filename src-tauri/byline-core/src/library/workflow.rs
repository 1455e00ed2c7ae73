//! The life of an article beyond its text: its editorial status (with the
//! date of every change), the trash, and duplicating.
//!
//! Nothing is lost by one action: trashing is reversible, and deleting for
//! good is only possible from the trash.

use chrono::Utc;
use rusqlite::{params, OptionalExtension};

use super::articles::{clean_title, insert_draft, millis_to_time, now_millis, status_from_row};
use super::Library;
use crate::domain::article::{Article, ArticleId, Status, StatusChange};
use crate::domain::error::{Error, Result};

impl Library {
    /// Moves a live article to `status` and records when. Setting the status
    /// it already has changes nothing.
    pub fn set_status(&mut self, id: ArticleId, status: Status) -> Result<Article> {
        let article = self.article(id)?;
        if article.trashed_at.is_some() {
            return Err(Error::ArticleTrashed(id));
        }
        if article.status == status {
            return Ok(article);
        }
        let now = now_millis();
        self.write(|tx| {
            tx.execute(
                "UPDATE articles SET status = ?2 WHERE id = ?1",
                params![id.0, status.as_str()],
            )?;
            record_status_change(tx, id, status, now)?;
            let mut state = crate::domain::revision::RevisionState::from(&article);
            state.status = status;
            super::revisions::record(
                tx,
                id,
                crate::domain::revision::RevisionKind::Status,
                Some(&format!("{} → {}", article.status.label(), status.label())),
                &state,
                Utc::now(),
            )?;
            Ok(())
        })?;
        self.article(id)
    }

    /// Every status the article has had, oldest first.
    pub fn status_history(&self, id: ArticleId) -> Result<Vec<StatusChange>> {
        self.article(id)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT status, changed_at FROM status_changes
                 WHERE article_id = ?1 ORDER BY changed_at, id",
            )
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([id.0], |row| {
                Ok(StatusChange {
                    status: status_from_row(row, 0)?,
                    changed_at: millis_to_time(row, 1)?,
                })
            })
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.sql_err(e))
    }

    /// Moves an article to the trash. Trashing it again changes nothing.
    pub fn trash(&mut self, id: ArticleId) -> Result<Article> {
        self.article(id)?;
        self.conn
            .execute(
                "UPDATE articles SET trashed_at = ?2 WHERE id = ?1 AND trashed_at IS NULL",
                params![id.0, now_millis()],
            )
            .map_err(|e| self.sql_err(e))?;
        self.article(id)
    }

    /// Brings an article back from the trash, as it was.
    pub fn restore(&mut self, id: ArticleId) -> Result<Article> {
        self.article(id)?;
        self.conn
            .execute(
                "UPDATE articles SET trashed_at = NULL WHERE id = ?1",
                [id.0],
            )
            .map_err(|e| self.sql_err(e))?;
        self.article(id)
    }

    /// Deletes an article for good. Only an article in the trash can be.
    pub fn delete_forever(&mut self, id: ArticleId) -> Result<()> {
        let trashed: Option<Option<i64>> = self
            .conn
            .query_row(
                "SELECT trashed_at FROM articles WHERE id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql_err(e))?;
        match trashed {
            None => Err(Error::ArticleNotFound(id)),
            Some(None) => Err(Error::NotInTrash(id)),
            Some(Some(_)) => {
                self.conn
                    .execute("DELETE FROM articles WHERE id = ?1", [id.0])
                    .map_err(|e| self.sql_err(e))?;
                Ok(())
            }
        }
    }

    /// Deletes everything in the trash for good; returns how many articles.
    pub fn empty_trash(&mut self) -> Result<usize> {
        self.conn
            .execute("DELETE FROM articles WHERE trashed_at IS NOT NULL", [])
            .map_err(|e| self.sql_err(e))
    }

    /// A new draft with the same title (marked as a copy), text and
    /// metadata, except what identifies the original's publication: the
    /// copy gets its own slug, no canonical URL and no publish date.
    pub fn duplicate(&mut self, id: ArticleId) -> Result<Article> {
        let original = self.article(id)?;
        let base = if original.meta.title.is_empty() {
            crate::domain::article::UNTITLED
        } else {
            &original.meta.title
        };
        let title: String = format!("{base} (copy)");
        // A title at the length limit keeps its start, not an error.
        let title = clean_title(&title).or_else(|_| {
            clean_title(
                &title
                    .chars()
                    .take(super::MAX_TITLE_CHARS)
                    .collect::<String>(),
            )
        })?;
        let copy = self.write(|tx| {
            let copy = insert_draft(tx, &title, &original.body)?;
            tx.execute(
                "UPDATE articles SET (dek, authors, meta_description, featured_image, tags_text,
                        word_target) =
                    (SELECT dek, authors, meta_description, featured_image, tags_text, word_target
                     FROM articles WHERE id = ?2)
                 WHERE id = ?1",
                params![copy.0, id.0],
            )?;
            tx.execute(
                "INSERT INTO article_tags (article_id, position, tag)
                 SELECT ?1, position, tag FROM article_tags WHERE article_id = ?2",
                params![copy.0, id.0],
            )?;
            Ok(copy)
        })?;
        self.article(copy)
    }
}

/// Appends to an article's status history, inside the caller's transaction
/// so the status and its history never disagree.
pub(crate) fn record_status_change(
    tx: &rusqlite::Transaction<'_>,
    id: ArticleId,
    status: Status,
    at_millis: i64,
) -> Result<()> {
    tx.execute(
        "INSERT INTO status_changes (article_id, status, changed_at) VALUES (?1, ?2, ?3)",
        params![id.0, status.as_str(), at_millis],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
