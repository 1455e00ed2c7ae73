//! Corrections: dated notes a writer attaches when a published article is
//! changed. They list under the article, in the preview and in exports, as
//! "Updates" (see `render::updates_html`).

use chrono::{TimeZone, Utc};
use rusqlite::params;

use super::Library;
use crate::domain::article::{ArticleId, Status};
use crate::domain::correction::{Correction, Updates, MAX_CORRECTION_CHARS};
use crate::domain::error::{Error, Result};

impl Library {
    pub fn updates(&self, id: ArticleId) -> Result<Updates> {
        let corrections = self.corrections(id)?;
        Ok(Updates {
            html: crate::transform::render::updates_html(&corrections),
            corrections,
        })
    }

    /// Attaches a correction note to a published article.
    pub fn add_correction(&mut self, id: ArticleId, note: &str) -> Result<Correction> {
        let article = self.article(id)?;
        if article.status != Status::Published {
            return Err(Error::invalid(
                "correction",
                "can only be added to a published article; until it is published, just edit it",
            ));
        }
        let note = note.trim();
        if note.is_empty() {
            return Err(Error::invalid("correction", "is empty; say what changed"));
        }
        if note.chars().count() > MAX_CORRECTION_CHARS {
            return Err(Error::invalid(
                "correction",
                format!("is longer than {MAX_CORRECTION_CHARS} characters"),
            ));
        }
        let at = Utc::now();
        let row = self.write(|tx| {
            tx.execute(
                "INSERT INTO corrections (article_id, created_at, note) VALUES (?1, ?2, ?3)",
                params![id.0, at.timestamp_millis(), note],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        Ok(Correction {
            id: row,
            at: Utc
                .timestamp_millis_opt(at.timestamp_millis())
                .single()
                .unwrap_or(at),
            note: note.to_owned(),
        })
    }

    /// The article's corrections, oldest first (the order readers see).
    pub fn corrections(&self, id: ArticleId) -> Result<Vec<Correction>> {
        self.article(id)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, created_at, note FROM corrections WHERE article_id = ?1 ORDER BY created_at, id",
            )
            .map_err(|e| self.sql_err(e))?;
        stmt.query_map([id.0], |r| {
            Ok(Correction {
                id: r.get(0)?,
                at: Utc
                    .timestamp_millis_opt(r.get(1)?)
                    .single()
                    .unwrap_or_default(),
                note: r.get(2)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(|e| self.sql_err(e))
    }

    /// Removes a correction (one added by mistake).
    pub fn remove_correction(&mut self, id: ArticleId, correction: i64) -> Result<()> {
        let removed = self.write(|tx| {
            Ok(tx.execute(
                "DELETE FROM corrections WHERE id = ?1 AND article_id = ?2",
                params![correction, id.0],
            )?)
        })?;
        if removed == 0 {
            return Err(Error::invalid(
                "correction",
                format!("{correction} does not exist on this article"),
            ));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn corrections_belong_to_published_articles_and_list_in_order() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path().join("l.byline")).unwrap();
        let id = lib.create_article("Ferry", "Leaves at noon.").unwrap().id;
        let err = lib.add_correction(id, "Time fixed.").unwrap_err();
        assert!(err.to_string().contains("published"), "{err}");

        lib.set_status(id, Status::Published).unwrap();
        assert!(lib.add_correction(id, "   ").is_err());
        assert!(lib
            .add_correction(id, &"x".repeat(MAX_CORRECTION_CHARS + 1))
            .is_err());
        let first = lib
            .add_correction(id, " The ferry leaves at one, not noon. ")
            .unwrap();
        assert_eq!(first.note, "The ferry leaves at one, not noon.");
        std::thread::sleep(std::time::Duration::from_millis(3));
        lib.add_correction(id, "Added the operator's statement.")
            .unwrap();
        let notes: Vec<String> = lib
            .corrections(id)
            .unwrap()
            .into_iter()
            .map(|c| c.note)
            .collect();
        assert_eq!(
            notes,
            [
                "The ferry leaves at one, not noon.",
                "Added the operator's statement."
            ]
        );

        lib.remove_correction(id, first.id).unwrap();
        assert_eq!(lib.corrections(id).unwrap().len(), 1);
        assert!(lib.remove_correction(id, first.id).is_err());
    }
}
