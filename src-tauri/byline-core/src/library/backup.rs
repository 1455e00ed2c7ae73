//! Copies of the library through SQLite's online backup API: a copy is taken
//! page by page from a read transaction, so it is consistent even while the
//! window or the CLI writes, and a restore goes back into the open
//! connection the same way (one write transaction: all of it or none).
//!
//! What to keep, where and when is policy, and lives in
//! `usecases::backups`; this module knows only how to copy and check.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags, OptionalExtension};

use super::{migrations, Library, APPLICATION_ID, SCHEMA_VERSION};
use crate::domain::error::{Error, Result};

/// Where the writer chose to keep backups (none: beside the library).
const FOLDER_KEY: &str = "backup_folder";

/// Pages copied per step: large enough to be quick, small enough that a
/// writer waiting for the lock (autosave) is never held up for long.
const PAGES_PER_STEP: std::ffi::c_int = 256;

fn failed(path: &Path, detail: impl Into<String>) -> Error {
    Error::BackupFailed {
        path: path.to_path_buf(),
        detail: detail.into(),
    }
}

impl Library {
    /// Writes a consistent copy of the library to `dest`, which must not
    /// exist yet. The copy is made beside `dest` under a temporary name,
    /// made self-contained (no WAL), synced, and only then renamed into
    /// place, so `dest` is either a whole backup or absent.
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        if dest.exists() {
            return Err(failed(dest, "already exists"));
        }
        let file_name = dest
            .file_name()
            .ok_or_else(|| failed(dest, "has no file name"))?;
        let partial = dest.with_file_name(format!(".{}.partial", file_name.to_string_lossy()));
        let _ = std::fs::remove_file(&partial);
        let result = self.copy_into(&partial).and_then(|()| {
            std::fs::rename(&partial, dest)
                .map_err(|e| failed(dest, format!("cannot be put in place: {e}")))?;
            if let Some(parent) = dest.parent() {
                // The rename itself must survive a power loss.
                if let Ok(dir) = std::fs::File::open(parent) {
                    let _ = dir.sync_all();
                }
            }
            Ok(())
        });
        if result.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        result
    }

    fn copy_into(&self, partial: &Path) -> Result<()> {
        let mut out = Connection::open(partial)
            .map_err(|e| failed(partial, format!("cannot be created: {e}")))?;
        let io = |e: rusqlite::Error| failed(partial, format!("could not be written: {e}"));
        {
            let backup = Backup::new(&self.conn, &mut out).map_err(io)?;
            backup
                .run_to_completion(PAGES_PER_STEP, Duration::ZERO, None)
                .map_err(io)?;
        }
        // One file, readable alone: no WAL beside it.
        out.pragma_update(None, "journal_mode", "DELETE")
            .map_err(io)?;
        out.close().map_err(|(_, e)| io(e))?;
        std::fs::File::open(partial)
            .and_then(|f| f.sync_all())
            .map_err(|e| failed(partial, format!("could not be synced to disk: {e}")))
    }

    /// Replaces everything in the library with the contents of `backup`
    /// (checked first with [`verify_backup`]), inside the open connection:
    /// other connections see the old library or the restored one, never a
    /// mix. An older backup is then brought up to this Byline's schema.
    pub fn restore_from(&mut self, backup: &Path) -> Result<()> {
        verify_backup(backup)?;
        let source = open_read_only(backup)?;
        let path = self.path.clone();
        {
            let copy =
                Backup::new(&source, &mut self.conn).map_err(|e| Error::from_sqlite(&path, e))?;
            copy.run_to_completion(PAGES_PER_STEP, Duration::ZERO, None)
                .map_err(|e| Error::from_sqlite(&path, e))?;
        }
        // The backup was a rollback-journal file; the library stays WAL.
        self.conn
            .pragma_update(None, "journal_mode", "WAL")
            .map_err(|e| Error::from_sqlite(&path, e))?;
        self.writing.clear();
        migrations::migrate(&mut self.conn).map_err(|e| super::error_with_path(&path, e))
    }

    /// The folder the writer chose for backups, if they chose one.
    pub fn backup_folder(&self) -> Result<Option<PathBuf>> {
        read_folder(&self.conn)
            .map(|f| f.filter(|f| !f.is_empty()).map(PathBuf::from))
            .map_err(|e| self.sql_err(e))
    }

    /// Sets the backup folder (`None`: back beside the library). The
    /// folder must be absolute, so it means the same from the CLI and the
    /// window.
    pub fn set_backup_folder(&mut self, folder: Option<&Path>) -> Result<()> {
        let value = match folder {
            Some(f) if !f.is_absolute() => {
                return Err(Error::invalid(
                    "backup folder",
                    format!("{} is not a full path", f.display()),
                ))
            }
            Some(f) => f.to_string_lossy().into_owned(),
            None => String::new(),
        };
        self.write(|tx| super::settings::put(tx, FOLDER_KEY, &value))
    }
}

fn read_folder(conn: &Connection) -> rusqlite::Result<Option<String>> {
    conn.query_row(
        "SELECT value FROM settings WHERE key = ?1",
        [FOLDER_KEY],
        |r| r.get(0),
    )
    .optional()
}

/// The backup folder stored in a library that may be damaged, read without
/// writing anything; `None` when it cannot be read (or none was chosen).
pub fn backup_folder_of_damaged(library: &Path) -> Option<PathBuf> {
    let conn = open_read_only(library).ok()?;
    read_folder(&conn)
        .ok()
        .flatten()
        .filter(|f| !f.is_empty())
        .map(PathBuf::from)
}

fn open_read_only(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    Connection::open_with_flags(path, flags)
        .map_err(|e| failed(path, format!("cannot be opened: {e}")))
}

/// Checks that `path` is a sound Byline library this Byline can open:
/// ours (`application_id`), not newer, and passing SQLite's full
/// `integrity_check`. Reads only.
pub fn verify_backup(path: &Path) -> Result<()> {
    if !path.is_file() {
        return Err(failed(path, "does not exist"));
    }
    let conn = open_read_only(path)?;
    let bad = |e: rusqlite::Error| failed(path, format!("is damaged: {e}"));
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(bad)?;
    if app_id != APPLICATION_ID {
        return Err(failed(path, "is not a Byline library"));
    }
    let version: u32 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(bad)?;
    if version > SCHEMA_VERSION {
        return Err(failed(
            path,
            format!("was made by a newer Byline (library format {version})"),
        ));
    }
    let problems = integrity_problems(&conn, "integrity_check").map_err(bad)?;
    if let Some(first) = problems.first() {
        return Err(failed(
            path,
            format!("fails SQLite's integrity check: {first}"),
        ));
    }
    Ok(())
}

/// What `PRAGMA <check>` (`integrity_check` or `quick_check`) reports,
/// without its lone "ok": empty when the file is sound.
pub(crate) fn integrity_problems(conn: &Connection, check: &str) -> rusqlite::Result<Vec<String>> {
    let mut stmt = conn.prepare(&format!("PRAGMA {check}(20)"))?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
    let mut out = Vec::new();
    for row in rows {
        let row = row?;
        if row != "ok" {
            out.push(row);
        }
    }
    Ok(out)
}

/// SQLite's `quick_check` of every ordinary table with its indexes, one
/// table at a time: every page of the articles, revisions, images and the
/// search index's own tables is read and its structure checked.
///
/// Not one `PRAGMA quick_check` of the whole file: since SQLite 3.44 that
/// also runs each virtual table's own check, and FTS5's ignores "quick" and
/// matches the whole search index against the articles' text. On a library
/// of 10,000 articles that was most of the check's time, on every start and
/// every CLI command (BENCHMARKS.md, "the check at open"). Whether the
/// index agrees with the articles is `byline doctor`'s and each backup's
/// full check; the index is derived data and is rebuilt from the articles.
/// What a table-by-table check also leaves out is the free-page list, where
/// damage loses no writing.
pub(crate) fn quick_check_tables(conn: &Connection) -> rusqlite::Result<Vec<String>> {
    let tables: Vec<String> = conn
        .prepare(
            "SELECT name FROM sqlite_schema
             WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'
             ORDER BY rootpage",
        )?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut out = Vec::new();
    for table in tables {
        let quoted = table.replace('"', "\"\"");
        let mut stmt = conn.prepare(&format!("PRAGMA quick_check(\"{quoted}\")"))?;
        let rows = stmt.query_map([], |r| r.get::<_, String>(0))?;
        for row in rows {
            let row = row?;
            if row != "ok" {
                out.push(row);
            }
        }
    }
    Ok(out)
}

/// Runs a `quick_check` ([`quick_check_tables`]) on an existing library
/// before it is opened for writing, through a read-only connection (which
/// never checkpoints a WAL into the file on close), so a damaged file is
/// refused untouched.
pub(crate) fn check_before_open(path: &Path) -> Result<()> {
    let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|e| Error::from_sqlite(path, e))?;
    let damaged = |said: String| Error::LibraryCorrupt {
        path: path.to_path_buf(),
        detail: format!("parts of the file cannot be read (SQLite's check says: {said})"),
    };
    let problems = quick_check_tables(&conn).map_err(|e| match Error::from_sqlite(path, e) {
        Error::LibraryCorrupt { detail, .. } => damaged(detail),
        other => other,
    })?;
    match problems.into_iter().next() {
        None => Ok(()),
        Some(first) => Err(damaged(first)),
    }
}
