//! The library: one SQLite file that holds everything a writer has. The
//! storage layer: a module per table, above `domain` and `transform`,
//! below `usecases` (which run their own statements through the
//! crate-visible connection and helpers here).
//!
//! Opening is careful about one thing above all: a file that is not ours, or
//! is from a newer Byline, is rejected *before* anything is written to it. Only
//! once the file is known to be a Byline library (or is new and empty) do we
//! switch on WAL and run migrations.

mod accounts;
pub(crate) mod articles;
pub(crate) mod assets;
mod backup;
mod checks;
mod corrections;
pub(crate) mod faq;
pub(crate) mod imported;
mod listing;
pub(crate) mod metadata;
mod migrations;
pub(crate) mod mirror_files;
pub(crate) mod publications;
pub(crate) mod revisions;
mod search;
pub(crate) mod settings;
pub(crate) mod workflow;

pub use articles::{check_body, BodySave, DIVERGED_LABEL, MAX_BODY_BYTES, MAX_TITLE_CHARS};
pub use assets::{alt_from_name, Asset, StoredImage, MAX_IMAGE_BYTES};
pub use backup::{backup_folder_of_damaged, verify_backup};

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::domain::error::{Error, Result};
pub(crate) use crate::domain::hash::sha256_hex;

pub use faq::RemovedFaqItem;
pub use listing::{LibraryCounts, ListQuery, SortKey, StatusCount, TagCount};
pub use metadata::{
    SlugCheck, MAX_AUTHORS, MAX_DEK_CHARS, MAX_DESCRIPTION_CHARS, MAX_TAGS, MAX_TAG_CHARS,
};
pub use migrations::SCHEMA_VERSION;
pub use revisions::{CheckpointPolicy, MAX_LABEL_CHARS};
pub use search::{fts_query, SearchHit, SnippetPart, MAX_QUERY_CHARS};
pub use settings::MAX_BOILERPLATE_BYTES;

/// Written into the SQLite header (`PRAGMA application_id`) so a Byline
/// library can be told from any other SQLite file. ASCII "BYLN".
pub const APPLICATION_ID: i32 = 0x4259_4C4E;

/// How long a write waits for another process (the CLI while the app is open,
/// or the reverse) before reporting the library as busy.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

const SQLITE_MAGIC: &[u8; 16] = b"SQLite format 3\0";

pub struct Library {
    // Crate-visible so the use cases above storage (import, the mirror)
    // can run their own statements in the library's transactions.
    pub(crate) conn: Connection,
    pub(crate) path: PathBuf,
    pub(crate) checkpoints: CheckpointPolicy,
    /// Per article, when the current stretch of typing began (for the
    /// checkpoint interval); kept in memory, as a stretch ends with the app.
    pub(crate) writing:
        std::collections::HashMap<crate::domain::article::ArticleId, chrono::DateTime<chrono::Utc>>,
}

impl std::fmt::Debug for Library {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Library")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Library {
    /// Opens the library at `path`, creating it (and its folder) if there is
    /// no file there yet, and bringing its schema up to date.
    pub fn open(path: impl AsRef<Path>) -> Result<Library> {
        let path = path.as_ref().to_path_buf();
        let is_new = check_file_before_open(&path)?;
        if !is_new {
            // A damaged file is refused before anything can write to it.
            backup::check_before_open(&path)?;
        }
        if is_new {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
                std::fs::create_dir_all(parent).map_err(|source| Error::LibraryUnavailable {
                    path: path.clone(),
                    detail: format!("cannot create its folder {}: {source}", parent.display()),
                })?;
            }
        }

        let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn =
            Connection::open_with_flags(&path, flags).map_err(|e| Error::from_sqlite(&path, e))?;
        let sql_err = |e| Error::from_sqlite(&path, e);
        conn.busy_timeout(BUSY_TIMEOUT).map_err(sql_err)?;

        // Reads only, so a foreign or newer file is left exactly as it was.
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(sql_err)?;
        let version: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .map_err(sql_err)?;
        let has_tables: bool = conn
            .query_row("SELECT EXISTS (SELECT 1 FROM sqlite_schema)", [], |r| {
                r.get(0)
            })
            .map_err(sql_err)?;

        if app_id != APPLICATION_ID && (app_id != 0 || has_tables) {
            return Err(Error::NotALibrary {
                path,
                reason: "it is an SQLite database that belongs to another program",
            });
        }
        if version > SCHEMA_VERSION {
            return Err(Error::LibraryTooNew {
                path,
                found: version,
                supported: SCHEMA_VERSION,
            });
        }

        conn.pragma_update(None, "journal_mode", "WAL")
            .map_err(sql_err)?;
        // FULL: each commit is on the disk (the WAL synced) before it
        // returns, so "Saved" in the window and a CLI exit of 0 survive a
        // power loss, not only a crash. NORMAL would sync only at WAL
        // checkpoints; BENCHMARKS.md records what FULL costs a save.
        conn.pragma_update(None, "synchronous", Durability::Full.pragma())
            .map_err(sql_err)?;
        conn.pragma_update(None, "foreign_keys", true)
            .map_err(sql_err)?;

        let mut library = Library {
            conn,
            path,
            checkpoints: CheckpointPolicy::default(),
            writing: Default::default(),
        };
        migrations::migrate(&mut library.conn).map_err(|e| match e {
            Error::Storage(e) => Error::from_sqlite(&library.path, e),
            other => other,
        })?;
        Ok(library)
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version recorded in the file.
    pub fn schema_version(&self) -> Result<u32> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |r| r.get(0))?)
    }

    /// SQLite's own consistency check; "ok" when the file is sound.
    pub fn integrity_check(&self) -> Result<String> {
        Ok(self
            .conn
            .query_row("PRAGMA integrity_check", [], |r| r.get(0))?)
    }

    /// Runs `work` in one write transaction: all of it lands or none does
    /// (an error from `work`, such as a slug clash found midway, rolls it
    /// back), and any SQLite failure comes back with the library's path.
    pub(crate) fn write<T>(
        &mut self,
        work: impl FnOnce(&rusqlite::Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let path = &self.path;
        let tx = begin_write(&mut self.conn, path)?;
        let value = work(&tx).map_err(|e| error_with_path(path, e))?;
        tx.commit().map_err(|e| Error::from_sqlite(path, e))?;
        Ok(value)
    }

    pub(crate) fn sql_err(&self, err: rusqlite::Error) -> Error {
        Error::from_sqlite(&self.path, err)
    }

    /// A storage error from a helper, given the library's path.
    pub(crate) fn with_path(&self, err: Error) -> Error {
        error_with_path(&self.path, err)
    }

    /// When saves take checkpoints; see `revisions`.
    pub fn set_checkpoint_policy(&mut self, policy: CheckpointPolicy) {
        self.checkpoints = policy;
    }

    pub fn checkpoint_policy(&self) -> CheckpointPolicy {
        self.checkpoints
    }

    /// Changes how commits reach the disk. The library always opens with
    /// [`Durability::Full`]; only the benchmark that measures its cost
    /// switches to `Normal`.
    pub fn set_durability(&mut self, durability: Durability) -> Result<()> {
        self.conn
            .pragma_update(None, "synchronous", durability.pragma())
            .map_err(|e| self.sql_err(e))
    }

    /// The `synchronous` setting in force, as SQLite reports it.
    pub fn durability(&self) -> Result<Durability> {
        let level: i64 = self
            .conn
            .pragma_query_value(None, "synchronous", |r| r.get(0))
            .map_err(|e| self.sql_err(e))?;
        Ok(if level >= 2 {
            Durability::Full
        } else {
            Durability::Normal
        })
    }
}

/// When a commit counts as written (SQLite's `synchronous` in WAL mode).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// The WAL is synced at every commit: a commit that returned survives a
    /// power loss. Byline's setting.
    Full,
    /// Synced only at WAL checkpoints: safe from crashes, but a power loss
    /// can roll back the last commits.
    Normal,
}

impl Durability {
    fn pragma(self) -> &'static str {
        match self {
            Durability::Full => "FULL",
            Durability::Normal => "NORMAL",
        }
    }
}

/// Starts a write transaction on the library's connection. IMMEDIATE takes
/// the write lock up front, waiting out the busy timeout: a deferred
/// transaction that reads first and then writes fails at once with
/// SQLITE_BUSY when another connection (the mirror thread, the CLI)
/// committed in between.
pub(crate) fn begin_write<'c>(
    conn: &'c mut rusqlite::Connection,
    path: &Path,
) -> Result<rusqlite::Transaction<'c>> {
    conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
        .map_err(|e| Error::from_sqlite(path, e))
}

/// A storage error from inside a transaction, given the library's path.
pub(crate) fn error_with_path(path: &Path, err: Error) -> Error {
    match err {
        Error::Storage(e) => Error::from_sqlite(path, e),
        other => other,
    }
}

/// Looks at the file before SQLite does. Returns whether the library is new
/// (no file, or an empty one). A non-SQLite file is refused here, unopened.
fn check_file_before_open(path: &Path) -> Result<bool> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(true),
        Err(e) => {
            return Err(Error::LibraryUnavailable {
                path: path.into(),
                detail: e.to_string(),
            })
        }
    };
    if meta.is_dir() {
        return Err(Error::NotALibrary {
            path: path.into(),
            reason: "it is a folder, not a file",
        });
    }
    if meta.len() == 0 {
        return Ok(true);
    }
    let mut header = [0u8; 16];
    let read = File::open(path)
        .and_then(|mut f| f.read(&mut header))
        .map_err(|e| Error::LibraryUnavailable {
            path: path.into(),
            detail: e.to_string(),
        })?;
    if read < header.len() || &header != SQLITE_MAGIC {
        return Err(Error::NotALibrary {
            path: path.into(),
            reason: "it is not an SQLite database",
        });
    }
    Ok(false)
}

#[cfg(test)]
mod tests;
