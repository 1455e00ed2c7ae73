//! Corrections: dated notes a writer attaches when a published article is
//! changed. They list under the article, in the preview and in exports, as
//! "Updates" (see `render::updates_html`).

use chrono::{DateTime, TimeZone, Utc};
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
        let note = checked_note(note)?;
        let at = now_millis();
        let row = self.write(|tx| {
            tx.execute(
                "INSERT INTO corrections (article_id, created_at, note) VALUES (?1, ?2, ?3)",
                params![id.0, at.timestamp_millis(), note],
            )?;
            Ok(tx.last_insert_rowid())
        })?;
        Ok(Correction {
            id: row,
            at,
            note: note.to_owned(),
            edited_at: None,
        })
    }

    /// Rewrites a correction's note. The original time stays (readers were
    /// told of the change then); the edit gets a time of its own, so a
    /// public note is never changed without it showing. Saving the same
    /// words again is not an edit.
    pub fn edit_correction(
        &mut self,
        id: ArticleId,
        correction: i64,
        note: &str,
    ) -> Result<Correction> {
        let note = checked_note(note)?;
        let current = self
            .corrections(id)?
            .into_iter()
            .find(|c| c.id == correction)
            .ok_or_else(|| missing(correction))?;
        if current.note == note {
            return Ok(current);
        }
        let at = now_millis();
        self.write(|tx| {
            tx.execute(
                "UPDATE corrections SET note = ?3, edited_at = ?4 WHERE id = ?1 AND article_id = ?2",
                params![correction, id.0, note, at.timestamp_millis()],
            )?;
            Ok(())
        })?;
        Ok(Correction {
            note: note.to_owned(),
            edited_at: Some(at),
            ..current
        })
    }

    /// The article's corrections, oldest first (the order readers see).
    pub fn corrections(&self, id: ArticleId) -> Result<Vec<Correction>> {
        self.article(id)?;
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id, created_at, note, edited_at FROM corrections
                 WHERE article_id = ?1 ORDER BY created_at, id",
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
                edited_at: r
                    .get::<_, Option<i64>>(3)?
                    .and_then(|ms| Utc.timestamp_millis_opt(ms).single()),
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
            return Err(missing(correction));
        }
        Ok(())
    }
}

fn missing(correction: i64) -> Error {
    Error::invalid(
        "correction",
        format!("{correction} does not exist on this article"),
    )
}

/// The note as stored: trimmed, not empty, not longer than a note.
fn checked_note(note: &str) -> Result<&str> {
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
    Ok(note)
}

/// Now, at the millisecond precision the table stores, so what a call
/// returns equals what a later read gives back.
fn now_millis() -> DateTime<Utc> {
    let now = Utc::now();
    Utc.timestamp_millis_opt(now.timestamp_millis())
        .single()
        .unwrap_or(now)
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

    #[test]
    fn an_edited_correction_keeps_its_time_and_dates_the_edit() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("l.byline");
        let mut lib = Library::open(&path).unwrap();
        let id = lib.create_article("Ferry", "Leaves at noon.").unwrap().id;
        lib.set_status(id, Status::Published).unwrap();
        let added = lib.add_correction(id, "The ferry leaves at one.").unwrap();
        assert_eq!(added.edited_at, None);

        // The same words (give or take spaces) are not an edit.
        let same = lib
            .edit_correction(id, added.id, "  The ferry leaves at one. ")
            .unwrap();
        assert_eq!(same, added);
        assert!(lib.edit_correction(id, added.id, "  ").is_err());
        assert!(lib
            .edit_correction(id, added.id, &"x".repeat(MAX_CORRECTION_CHARS + 1))
            .is_err());
        assert!(lib.edit_correction(id, added.id + 99, "Other.").is_err());
        let other = lib.create_article("Bus", "Runs late.").unwrap().id;
        let err = lib
            .edit_correction(other, added.id, "Wrong article.")
            .unwrap_err();
        assert!(err.to_string().contains("does not exist"), "{err}");

        std::thread::sleep(std::time::Duration::from_millis(3));
        let edited = lib
            .edit_correction(id, added.id, "The ferry leaves at one, not noon.")
            .unwrap();
        assert_eq!(edited.at, added.at);
        assert_eq!(edited.note, "The ferry leaves at one, not noon.");
        let edited_at = edited.edited_at.expect("the edit is dated");
        assert!(edited_at > added.at, "{edited_at} after {}", added.at);
        drop(lib);

        // What was returned is what is stored, across a reopen.
        let lib = Library::open(&path).unwrap();
        assert_eq!(lib.corrections(id).unwrap(), vec![edited.clone()]);
        assert!(lib.updates(id).unwrap().html.contains("edited"));
    }
}
