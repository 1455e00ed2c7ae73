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

/// The mirror folder's key in `settings`.
const FOLDER_KEY: &str = "mirror_folder";

/// The mirror folder as stored (empty when the mirror was turned off).
pub(crate) fn folder(conn: &rusqlite::Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT value FROM settings WHERE key = ?1",
        [FOLDER_KEY],
        |r| r.get::<_, String>(0),
    )
    .optional()
}

pub(crate) fn set_folder(tx: &rusqlite::Transaction<'_>, folder: &str) -> Result<()> {
    super::settings::put(tx, FOLDER_KEY, folder)
}

/// The key of the token the mirror folder's marker file holds.
const TOKEN_KEY: &str = "mirror_token";

/// The token written in the mirror folder's marker (none for a folder
/// chosen before markers existed, or when the mirror is off).
pub(crate) fn token(conn: &rusqlite::Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT value FROM settings WHERE key = ?1",
        [TOKEN_KEY],
        |r| r.get::<_, String>(0),
    )
    .optional()
    .map(|v| v.filter(|v| !v.is_empty()))
}

pub(crate) fn set_token(tx: &rusqlite::Transaction<'_>, token: &str) -> Result<()> {
    super::settings::put(tx, TOKEN_KEY, token)
}

/// The live files Byline last wrote or read in the mirror folder.
pub(crate) fn live_names(conn: &rusqlite::Connection) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT name FROM mirror_files WHERE trashed = 0")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    rows.collect()
}

/// Forgets every file: a new folder starts afresh.
pub(crate) fn forget_all(tx: &rusqlite::Transaction<'_>) -> Result<()> {
    tx.execute("DELETE FROM mirror_files", [])?;
    Ok(())
}

/// The articles whose file is out of step with them (never written, edited
/// since, or trashed or restored since), with whether each is in the
/// trash and its edit time. Articles in conflict are left out.
pub(crate) fn out_of_step(
    conn: &rusqlite::Connection,
) -> rusqlite::Result<Vec<(ArticleId, bool, i64)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT a.id, a.trashed_at IS NOT NULL, a.updated_at FROM articles a
         LEFT JOIN mirror_files m ON m.article_id = a.id
         WHERE m.conflict_hash IS NULL
           AND ((m.article_id IS NULL AND a.trashed_at IS NULL)
                OR a.updated_at != m.synced_at
                OR (a.trashed_at IS NOT NULL) != m.trashed)
         ORDER BY a.id",
    )?;
    let rows = stmt.query_map([], |r| Ok((ArticleId(r.get(0)?), r.get(1)?, r.get(2)?)))?;
    rows.collect()
}

/// Records that the article's file went to `.trash/` (as `name`, when it
/// moved there under a new one) or was deleted, as of edit time `synced_at`.
pub(crate) fn mark_trashed(
    tx: &rusqlite::Transaction<'_>,
    id: ArticleId,
    name: Option<&str>,
    synced_at: i64,
) -> Result<()> {
    match name {
        Some(name) => tx.execute(
            "UPDATE mirror_files SET trashed = 1, name = ?2, synced_at = ?3 WHERE article_id = ?1",
            params![id.0, name, synced_at],
        )?,
        None => tx.execute(
            "UPDATE mirror_files SET trashed = 1, synced_at = ?2 WHERE article_id = ?1",
            params![id.0, synced_at],
        )?,
    };
    Ok(())
}

/// The live article whose file is `name`.
pub(crate) fn article_of(
    conn: &rusqlite::Connection,
    name: &str,
) -> rusqlite::Result<Option<ArticleId>> {
    conn.query_row(
        "SELECT article_id FROM mirror_files WHERE name = ?1 AND trashed = 0",
        [name],
        |r| r.get(0).map(ArticleId),
    )
    .optional()
}

/// A live article with `slug` that has no file yet.
pub(crate) fn unmirrored_with_slug(
    conn: &rusqlite::Connection,
    slug: &str,
) -> rusqlite::Result<Option<ArticleId>> {
    conn.query_row(
        "SELECT a.id FROM articles a LEFT JOIN mirror_files m ON m.article_id = a.id
         WHERE a.slug = ?1 AND a.trashed_at IS NULL AND m.article_id IS NULL",
        [slug],
        |r| r.get(0).map(ArticleId),
    )
    .optional()
}

/// Marks the article in conflict: its file `name` holds `hash`, and the two
/// sides are kept as revisions `library_revision` and `file_revision`.
pub(crate) fn remember_conflict(
    tx: &rusqlite::Transaction<'_>,
    id: ArticleId,
    name: &str,
    hash: &str,
    library_revision: u32,
    file_revision: u32,
) -> Result<()> {
    tx.execute(
        "INSERT INTO mirror_files (article_id, name, hash, synced_at, conflict_hash, conflict_library, conflict_file)
         VALUES (?1, ?2, '', 0, ?3, ?4, ?5)
         ON CONFLICT (article_id) DO UPDATE SET name = excluded.name,
            conflict_hash = excluded.conflict_hash,
            conflict_library = excluded.conflict_library,
            conflict_file = excluded.conflict_file",
        params![id.0, name, hash, library_revision, file_revision],
    )?;
    Ok(())
}

/// Whether the live file `name` was last seen by Byline holding `hash`.
pub(crate) fn holds(conn: &rusqlite::Connection, name: &str, hash: &str) -> rusqlite::Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM mirror_files
         WHERE name = ?1 AND trashed = 0 AND (hash = ?2 OR conflict_hash = ?2))",
        params![name, hash],
        |r| r.get(0),
    )
}

/// Every conflict: the article, its file, and the revisions holding the
/// library's side and the file's.
pub(crate) fn conflicts(
    conn: &rusqlite::Connection,
) -> rusqlite::Result<Vec<(ArticleId, String, u32, u32)>> {
    let mut stmt = conn.prepare_cached(
        "SELECT article_id, name, conflict_library, conflict_file FROM mirror_files
         WHERE conflict_hash IS NOT NULL ORDER BY article_id",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((ArticleId(r.get(0)?), r.get(1)?, r.get(2)?, r.get(3)?))
    })?;
    rows.collect()
}

/// Ends the article's conflict: the file's version counts as seen, and the
/// article as never written, so the next pass writes it out.
pub(crate) fn end_conflict(tx: &rusqlite::Transaction<'_>, id: ArticleId) -> Result<()> {
    tx.execute(
        "UPDATE mirror_files SET hash = conflict_hash, conflict_hash = NULL,
            conflict_library = NULL, conflict_file = NULL, synced_at = 0
         WHERE article_id = ?1",
        [id.0],
    )?;
    Ok(())
}
