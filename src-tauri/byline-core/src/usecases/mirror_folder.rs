//! Which folder the mirror writes into, and whether the folder at that
//! path is still it.
//!
//! A folder can vanish under the mirror (deleted, renamed, on a disk that
//! was unmounted) or be replaced by another at the same path (recreated
//! empty, a bare mount point, a different checkout). Read naively, every
//! article's file would then look deleted and every article would go to the
//! trash. So a folder the writer chooses gets a marker file holding a token
//! the library keeps too; the mirror reads and writes only while the marker
//! is there and says the same, and pauses otherwise, until the folder is
//! back (the same folder renamed back or remounted: the marker comes with
//! it). Choosing a folder again after turning the mirror off starts afresh
//! in whatever is there, reading its files before writing any.

use std::path::{Path, PathBuf};

use super::atomic_write::write_atomically;
use crate::domain::error::{Error, Result};
use crate::domain::hash::sha256_hex;
use crate::library::mirror_files;
use crate::library::Library;

/// The marker file in the mirror folder. Hidden, so the mirror itself (and
/// most listings) pass over it.
pub const MIRROR_MARKER: &str = ".byline-mirror";

/// The marker's line that carries the token.
const TOKEN_PREFIX: &str = "mirror: ";

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

fn paused(folder: &Path, reason: &str) -> Error {
    Error::MirrorPaused {
        folder: folder.to_path_buf(),
        reason: reason.to_owned(),
    }
}

fn replaced(folder: &Path) -> Error {
    paused(
        folder,
        &format!(
            "is not the folder Byline was mirroring into (its {MIRROR_MARKER} file is \
             missing or another library's); mirroring is paused so nothing is taken \
             for deleted. Put the folder back, or turn the mirror off and choose this \
             folder again to start afresh"
        ),
    )
}

/// The token a marker file holds, if it is one of Byline's.
fn marker_token(folder: &Path) -> Option<String> {
    let text = std::fs::read_to_string(folder.join(MIRROR_MARKER)).ok()?;
    text.lines()
        .find_map(|l| l.strip_prefix(TOKEN_PREFIX))
        .map(|t| t.trim().to_owned())
}

/// A token no other folder choice has: the time, the process and the
/// paths, hashed.
fn new_token(library: &Path, folder: &Path) -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap_or_default()
        .as_nanos();
    let seed = format!(
        "{now}\n{}\n{}\n{}",
        std::process::id(),
        library.display(),
        folder.display()
    );
    sha256_hex(seed.as_bytes())[..32].to_owned()
}

impl Library {
    /// The folder this library mirrors to, if the writer turned it on.
    pub fn mirror_folder(&self) -> Result<Option<PathBuf>> {
        mirror_files::folder(&self.conn)
            .map(|v| v.filter(|v| !v.is_empty()).map(PathBuf::from))
            .map_err(|e| self.sql_err(e))
    }

    /// Turns the mirror on for `folder`, or off.
    ///
    /// The folder the mirror already uses is resumed as it is, never
    /// created or claimed anew: if it is missing or replaced, the mirror
    /// stays paused ([`Library::check_mirror_folder`]) until it is back.
    /// Another folder (created if missing) starts afresh: it gets the
    /// marker, and every article is written there on the next
    /// [`Library::mirror_out`], after the files already there are read.
    pub fn set_mirror_folder(&mut self, folder: Option<&Path>) -> Result<Option<PathBuf>> {
        let previous = self.mirror_folder()?;
        let Some(f) = folder else {
            self.write(|tx| {
                mirror_files::set_folder(tx, "")?;
                mirror_files::set_token(tx, "")?;
                mirror_files::forget_all(tx)
            })?;
            return Ok(None);
        };
        if let Some(previous) = previous.as_ref().filter(|p| same_path(p, f)) {
            return Ok(Some(previous.clone()));
        }
        std::fs::create_dir_all(f).map_err(io(f))?;
        let f = std::fs::canonicalize(f).map_err(io(f))?;
        if f.join(Path::new(&self.path).file_name().unwrap_or_default()) == self.path {
            return Err(Error::invalid(
                "mirror folder",
                "cannot be the folder the library file is in; choose a folder of its own",
            ));
        }
        let value = f.display().to_string();
        self.write(|tx| {
            mirror_files::set_folder(tx, &value)?;
            mirror_files::set_token(tx, "")?;
            mirror_files::forget_all(tx)
        })?;
        self.claim_mirror_folder(&f)?;
        Ok(Some(f))
    }

    /// Whether `folder` is the folder Byline mirrors into, as it was when
    /// chosen: `Error::MirrorPaused` when it is missing, not a folder, or a
    /// different folder now at that path (its marker gone or another's).
    /// A folder chosen before markers existed is claimed on first sight.
    pub fn check_mirror_folder(&mut self, folder: &Path) -> Result<()> {
        match std::fs::metadata(folder) {
            Ok(m) if m.is_dir() => {}
            Ok(_) => {
                return Err(paused(
                    folder,
                    "is no longer a folder; mirroring is paused until the folder is back",
                ))
            }
            Err(_) => {
                return Err(paused(
                    folder,
                    "is missing (deleted, renamed or on a disk that is not mounted); \
                     mirroring is paused until it is back",
                ))
            }
        }
        let token = mirror_files::token(&self.conn).map_err(|e| self.sql_err(e))?;
        let Some(token) = token else {
            // Chosen before markers: it is the folder if it still holds a
            // file Byline wrote there (or Byline wrote none yet).
            let names = mirror_files::live_names(&self.conn).map_err(|e| self.sql_err(e))?;
            if names.is_empty() || names.iter().any(|n| folder.join(n).is_file()) {
                return self.claim_mirror_folder(folder);
            }
            return Err(replaced(folder));
        };
        if marker_token(folder).as_deref() != Some(token.as_str()) {
            return Err(replaced(folder));
        }
        Ok(())
    }

    /// Writes a new marker into `folder` and keeps its token.
    fn claim_mirror_folder(&mut self, folder: &Path) -> Result<()> {
        let token = new_token(&self.path, folder);
        let text = format!(
            "This folder is mirrored by Byline. Keep this file: without it Byline pauses \
             the mirror rather than take a missing folder for deleted articles.\n\
             {TOKEN_PREFIX}{token}\n"
        );
        write_atomically(&folder.join(MIRROR_MARKER), text.as_bytes())?;
        self.write(|tx| mirror_files::set_token(tx, &token))
    }
}

/// Whether `given` names the stored (canonical) folder `stored`, even when
/// it is missing and so cannot be canonicalised.
fn same_path(stored: &Path, given: &Path) -> bool {
    if stored == given {
        return true;
    }
    match std::fs::canonicalize(given) {
        Ok(c) => c == stored,
        Err(_) => std::path::absolute(given).is_ok_and(|a| a == stored),
    }
}

#[cfg(test)]
mod tests;
