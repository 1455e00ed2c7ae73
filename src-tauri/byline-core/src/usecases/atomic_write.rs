//! The one way Byline writes a file a writer will read: exports, the
//! mirror's files.

use std::io::Write;
use std::path::Path;

use crate::domain::error::{Error, Result};
use crate::domain::hash::sha256_hex;

/// How the temporary files `write_atomically` makes begin.
pub const TEMP_PREFIX: &str = ".byline-write-";

/// Writes through a temporary file in the same folder, synced, then renamed
/// over `path` and the folder synced: a reader never sees half a file, a
/// failure (or a kill) leaves the old one, and a file reported written
/// survives a power loss.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    replace(path, bytes, |_| true).map(|_| ())
}

/// As [`write_atomically`], but only while `path` still holds what the
/// caller last saw there (`seen`: its SHA-256, or `None` for no file). It
/// is looked at again once the new text is synced, just before the rename:
/// a writer's save that landed during the write (the sync can take a
/// while) is not written over. Returns whether it wrote; `false` leaves the
/// file as the writer left it.
pub fn replace_if_unchanged(path: &Path, bytes: &[u8], seen: Option<&str>) -> Result<bool> {
    replace(path, bytes, |path| {
        let now = std::fs::read(path).ok().map(|b| sha256_hex(&b));
        now.as_deref() == seen
    })
}

fn replace(path: &Path, bytes: &[u8], still: impl Fn(&Path) -> bool) -> Result<bool> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    // Hidden (the mirror skips hidden files) and named as Byline's, so one
    // left behind by a kill is recognisable.
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    if !still(path) {
        return Ok(false);
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    // The rename is an entry in the folder: synced too, or a power loss
    // could bring back the old file (or none) after we reported it written.
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io)?;
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_it_was_seen_is_left_as_it_is() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("piece.md");
        std::fs::write(&path, "as Byline wrote it").unwrap();
        let seen = sha256_hex(b"as Byline wrote it");
        std::fs::write(&path, "saved in another editor").unwrap();
        assert!(!replace_if_unchanged(&path, b"newer from Byline", Some(&seen)).unwrap());
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "saved in another editor"
        );
        // Unchanged since seen: replaced. No file, seen as none: written.
        let now = sha256_hex(b"saved in another editor");
        assert!(replace_if_unchanged(&path, b"newer from Byline", Some(&now)).unwrap());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "newer from Byline");
        let new = dir.path().join("new.md");
        assert!(!replace_if_unchanged(&new, b"x", Some(&now)).unwrap());
        assert!(!new.exists());
        assert!(replace_if_unchanged(&new, b"x", None).unwrap());
        // Nothing left behind either way.
        let strays = std::fs::read_dir(dir.path())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(TEMP_PREFIX)
            })
            .count();
        assert_eq!(strays, 0);
    }
}
