//! The `mirror_files` table: each article's file in the mirror folder and
//! the SHA-256 of what Byline last wrote or read there. The rules that use
//! it are `usecases::mirror_rules`.

use rusqlite::{params, OptionalExtension};

use crate::domain::article::ArticleId;
use crate::domain::error::Result;

/// An article's row: its file, that file's last known hash, whether it was
/// moved to `.trash/`, and the hash of a file kept in conflict.
pub(crate) struct Mapping {
    pub name: String,
    pub hash: String,
    pub trashed: bool,
    pub conflict_hash: Option<String>,
}

/// The article's row in `mirror_files`, if it has a file.
pub(crate) fn mapping_of(
    conn: &rusqlite::Connection,
    id: ArticleId,
) -> rusqlite::Result<Option<Mapping>> {
    conn.query_row(
        "SELECT name, hash, trashed, conflict_hash FROM mirror_files WHERE article_id = ?1",
        [id.0],
        |r| {
            Ok(Mapping {
                name: r.get(0)?,
                hash: r.get(1)?,
                trashed: r.get(2)?,
                conflict_hash: r.get(3)?,
            })
        },
    )
    .optional()
}

/// Records that `name` holds `hash` for the article, which matches the
/// article as it was at edit time `synced_at`.
pub(crate) fn remember(
    tx: &rusqlite::Transaction<'_>,
    id: ArticleId,
    name: &str,
    hash: &str,
    synced_at: i64,
) -> Result<()> {
    tx.execute(
        "INSERT INTO mirror_files (article_id, name, hash, synced_at, trashed)
         VALUES (?1, ?2, ?3, ?4, 0)
         ON CONFLICT (article_id) DO UPDATE SET name = excluded.name, hash = excluded.hash,
            synced_at = excluded.synced_at, trashed = 0",
        params![id.0, name, hash, synced_at],
    )?;
    Ok(())
}

/// The article's edit time as this transaction sees it: right after the
/// transaction wrote the article, that is the text being remembered.
pub(crate) fn updated_at(tx: &rusqlite::Transaction<'_>, id: ArticleId) -> Result<i64> {
    Ok(tx.query_row(
        "SELECT updated_at FROM articles WHERE id = ?1",
        [id.0],
        |r| r.get(0),
    )?)
}
