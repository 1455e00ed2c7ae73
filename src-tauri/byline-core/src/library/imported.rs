//! The `articles` columns an import fills: the file an article came from
//! (`source`), the front matter keys kept from it (`front_matter`), and
//! every field written at once from a file. The rules deciding what goes
//! in are `usecases::import`; the statements are here.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::workflow::record_status_change;
use super::Library;
use crate::domain::article::{ArticleId, ArticleMeta, Status};
use crate::domain::error::{Error, Result};
use crate::transform::text_stats::word_count;

impl Library {
    /// The front matter keys an import kept for this article.
    pub fn kept_front_matter(
        &self,
        id: ArticleId,
    ) -> Result<serde_json::Map<String, serde_json::Value>> {
        let json: String = self
            .conn
            .query_row(
                "SELECT front_matter FROM articles WHERE id = ?1",
                [id.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql_err(e))?
            .ok_or(Error::ArticleNotFound(id))?;
        serde_json::from_str(&json).map_err(|e| Error::LibraryCorrupt {
            path: self.path.clone(),
            detail: format!("the kept front matter of article {id} cannot be read: {e}"),
        })
    }
}

/// The article imported from `source` before, if any.
pub(crate) fn article_from_source(tx: &Transaction<'_>, source: &str) -> Result<Option<ArticleId>> {
    Ok(tx
        .query_row("SELECT id FROM articles WHERE source = ?1", [source], |r| {
            r.get(0).map(ArticleId)
        })
        .optional()?)
}

/// The article that has `slug`, trash included, with its title.
pub(crate) fn slug_holder(tx: &Transaction<'_>, slug: &str) -> Result<Option<(ArticleId, String)>> {
    Ok(tx
        .query_row(
            "SELECT id, title FROM articles WHERE slug = ?1",
            [slug],
            |r| Ok((ArticleId(r.get(0)?), r.get(1)?)),
        )
        .optional()?)
}

/// Takes the article out of the trash (a file imported again brings it back).
pub(crate) fn untrash(tx: &Transaction<'_>, id: ArticleId) -> Result<()> {
    tx.execute(
        "UPDATE articles SET trashed_at = NULL WHERE id = ?1",
        [id.0],
    )?;
    Ok(())
}

/// Every field an imported file sets, already checked.
pub(crate) struct ImportedFields<'a> {
    /// Its tags are not written here: they live in their own table
    /// (`articles::write_tags`).
    pub meta: &'a ArticleMeta,
    pub body: &'a str,
    /// Recorded as the article's source, or the one it has is kept.
    pub source: Option<&'a str>,
    /// The kept front matter keys, as JSON.
    pub front_matter: &'a str,
}

/// Writes an imported file's fields over the article (its slug counts as
/// the writer's own), as of `now`.
pub(crate) fn write_imported(
    tx: &Transaction<'_>,
    id: ArticleId,
    f: &ImportedFields<'_>,
    now: DateTime<Utc>,
) -> Result<()> {
    tx.execute(
        "UPDATE articles SET title = ?2, dek = ?3, slug = ?4, slug_is_custom = 1, authors = ?5,
            meta_description = ?6, canonical_url = ?7, featured_image = ?8, publish_at = ?9,
            body = ?10, words = ?11, updated_at = ?12, source = coalesce(?13, source),
            front_matter = ?14
         WHERE id = ?1",
        params![
            id.0,
            f.meta.title,
            f.meta.dek,
            f.meta.slug,
            serde_json::to_string(&f.meta.authors).expect("a list of strings serialises"),
            f.meta.meta_description,
            f.meta.canonical_url,
            f.meta.featured_image,
            f.meta.publish_at.map(|d| d.timestamp_millis()),
            f.body,
            word_count(f.body),
            now.timestamp_millis(),
            f.source,
            f.front_matter
        ],
    )?;
    Ok(())
}

/// Sets the status a file names, dating the change, unless it is already
/// the article's.
pub(crate) fn set_imported_status(
    tx: &Transaction<'_>,
    id: ArticleId,
    status: Status,
    now: DateTime<Utc>,
) -> Result<()> {
    let current: String =
        tx.query_row("SELECT status FROM articles WHERE id = ?1", [id.0], |r| {
            r.get(0)
        })?;
    if current != status.as_str() {
        tx.execute(
            "UPDATE articles SET status = ?2 WHERE id = ?1",
            params![id.0, status.as_str()],
        )?;
        record_status_change(tx, id, status, now.timestamp_millis())?;
    }
    Ok(())
}
