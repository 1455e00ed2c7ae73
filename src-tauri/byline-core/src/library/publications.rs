//! The `publications` and `published_media` tables: where each article is
//! published (remote id, address, the site's version stamp, hashes of what
//! was sent and of what the site kept), and every image uploaded to an
//! account by its content hash, so an update uploads nothing twice.

use rusqlite::{params, OptionalExtension, Row};

use super::articles::{millis_to_time, now_millis};
use super::Library;
use crate::domain::article::ArticleId;
use crate::domain::error::Result;
use crate::domain::publication::{Publication, PublishStatus, RemoteMedia};

const COLUMNS: &str =
    "article_id, account, remote_id, url, status, remote_version, sent_hash, remote_hash, sent_at";

fn publication_from(row: &Row<'_>) -> rusqlite::Result<Publication> {
    let status: String = row.get(4)?;
    let status = status.parse::<PublishStatus>().map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(4, rusqlite::types::Type::Text, e.into())
    })?;
    Ok(Publication {
        article: ArticleId(row.get(0)?),
        account: row.get(1)?,
        remote_id: row.get(2)?,
        url: row.get(3)?,
        status,
        remote_version: row.get(5)?,
        sent_hash: row.get(6)?,
        remote_hash: row.get(7)?,
        sent_at: millis_to_time(row, 8)?,
    })
}

impl Library {
    /// Where the article is published, by account name.
    pub fn publications(&self, id: ArticleId) -> Result<Vec<Publication>> {
        let mut stmt = self
            .conn
            .prepare(&format!(
                "SELECT {COLUMNS} FROM publications WHERE article_id = ?1 ORDER BY account"
            ))
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([id.0], publication_from)
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
            .map_err(|e| self.sql_err(e))?;
        Ok(rows)
    }

    /// The article's publication on this account, if it has one.
    pub fn publication(&self, id: ArticleId, account: &str) -> Result<Option<Publication>> {
        self.conn
            .query_row(
                &format!(
                    "SELECT {COLUMNS} FROM publications WHERE article_id = ?1 AND account = ?2"
                ),
                params![id.0, account],
                publication_from,
            )
            .optional()
            .map_err(|e| self.sql_err(e))
    }

    /// An image already uploaded to the account, by its SHA-256.
    pub fn published_media(&self, account: &str, hash: &str) -> Result<Option<RemoteMedia>> {
        self.conn
            .query_row(
                "SELECT remote_id, url FROM published_media WHERE account = ?1 AND hash = ?2",
                params![account, hash],
                |r| {
                    Ok(RemoteMedia {
                        id: r.get(0)?,
                        url: r.get(1)?,
                    })
                },
            )
            .optional()
            .map_err(|e| self.sql_err(e))
    }

    pub fn remember_media(&mut self, account: &str, hash: &str, media: &RemoteMedia) -> Result<()> {
        let at = now_millis();
        self.write(|tx| {
            tx.execute(
                "INSERT INTO published_media (account, hash, remote_id, url, uploaded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT (account, hash) DO UPDATE SET
                   remote_id = excluded.remote_id, url = excluded.url, uploaded_at = excluded.uploaded_at",
                params![account, hash, media.id, media.url, at],
            )?;
            Ok(())
        })
    }
}

/// Records (or replaces) the article's publication on its account, inside
/// the caller's transaction (a publish records its revision beside it).
pub(crate) fn put(tx: &rusqlite::Transaction<'_>, p: &Publication) -> Result<()> {
    tx.execute(
        "INSERT INTO publications
           (article_id, account, remote_id, url, status, remote_version, sent_hash, remote_hash, sent_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (article_id, account) DO UPDATE SET
           remote_id = excluded.remote_id, url = excluded.url, status = excluded.status,
           remote_version = excluded.remote_version, sent_hash = excluded.sent_hash,
           remote_hash = excluded.remote_hash, sent_at = excluded.sent_at",
        params![
            p.article.0,
            p.account,
            p.remote_id,
            p.url,
            p.status.as_str(),
            p.remote_version,
            p.sent_hash,
            p.remote_hash,
            p.sent_at.timestamp_millis()
        ],
    )?;
    Ok(())
}
