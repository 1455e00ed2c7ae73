//! The checks `doctor` runs on a library, each at the level of its storage:
//! SQLite's own integrity check, the search index against the articles,
//! every revision rebuilt against its checksum, and every image an article
//! shows present and intact. Each returns the problems it found, in plain
//! words (empty: all is well); the one repair is rebuilding the index.

use rusqlite::OptionalExtension;

use super::Library;
use crate::domain::error::Result;
use crate::transform::export::referenced_assets;

impl Library {
    /// SQLite's full `integrity_check`: every page, index and constraint.
    pub fn integrity_problems(&self) -> Result<Vec<String>> {
        super::backup::integrity_problems(&self.conn, "integrity_check")
            .map_err(|e| self.sql_err(e))
    }

    /// Whether the full-text index holds exactly the articles' text (FTS5's
    /// `integrity-check` with its content-table comparison).
    pub fn search_index_problems(&self) -> Result<Vec<String>> {
        let checked = self.conn.execute(
            "INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)",
            [],
        );
        Ok(match checked {
            Ok(_) => Vec::new(),
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DatabaseCorrupt) => vec![
                "the search index does not match the articles' text (search may miss or misplace articles)"
                    .into(),
            ],
            Err(e) => return Err(self.sql_err(e)),
        })
    }

    /// Rebuilds the search index from the articles, in one transaction.
    pub fn rebuild_search_index(&mut self) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')",
                [],
            )?;
            Ok(())
        })
    }

    /// Every revision that no longer rebuilds to the state it recorded.
    pub fn revision_problems(&self) -> Result<Vec<String>> {
        let broken = super::revisions::broken(&self.conn).map_err(|e| self.with_path(e))?;
        Ok(broken
            .into_iter()
            .map(|(title, number, why)| format!("revision {number} of \"{title}\": {why}"))
            .collect())
    }

    /// Images an article shows (in its text or as its featured image) that
    /// the library does not hold, and stored images whose bytes no longer
    /// match the fingerprint in their name.
    pub fn image_problems(&self) -> Result<Vec<String>> {
        let sql = |e| self.sql_err(e);
        let mut out = Vec::new();
        let mut stmt = self
            .conn
            .prepare("SELECT title, body, featured_image FROM articles ORDER BY id")
            .map_err(sql)?;
        let articles = stmt
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(sql)?
            .collect::<rusqlite::Result<Vec<_>>>()
            .map_err(sql)?;
        for (title, body, image) in articles {
            for name in referenced_assets(&format!("{body}\n{image}")) {
                let found: Option<i64> = self
                    .conn
                    .query_row("SELECT id FROM assets WHERE name = ?1", [&name], |r| {
                        r.get(0)
                    })
                    .optional()
                    .map_err(sql)?;
                if found.is_none() {
                    out.push(format!(
                        "\"{title}\" shows the image {}/{name}, which is not in the library",
                        crate::domain::asset::ASSET_DIR
                    ));
                }
            }
        }
        let mut stmt = self
            .conn
            .prepare("SELECT name, bytes FROM assets ORDER BY id")
            .map_err(sql)?;
        let mut rows = stmt.query([]).map_err(sql)?;
        while let Some(row) = rows.next().map_err(sql)? {
            let name: String = row.get(0).map_err(sql)?;
            let bytes: Vec<u8> = row.get(1).map_err(sql)?;
            let hash = name.split('.').next().unwrap_or_default();
            if !super::sha256_hex(&bytes).starts_with(hash) || hash.is_empty() {
                out.push(format!(
                    "the image {}/{name} is damaged (its bytes no longer match its name)",
                    crate::domain::asset::ASSET_DIR
                ));
            }
        }
        Ok(out)
    }
}
