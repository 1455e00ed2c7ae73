//! The one way Byline writes a file a writer will read: exports, the
//! mirror's files, each an ordinary file (0644).

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
    replace(path, bytes, true, |_| true).map(|_| ())
}

/// [`write_atomically`] without the fsyncs, for many files written at once
/// and easily written again (a site export's pages): a reader still never
/// sees half a file, but a crash may lose the newest content, at a fraction
/// of the cost per file.
pub fn write_atomically_unsynced(path: &Path, bytes: &[u8]) -> Result<()> {
    replace(path, bytes, false, |_| true).map(|_| ())
}

/// As [`write_atomically`], but only while `path` still holds what the
/// caller last saw there (`seen`: its SHA-256, or `None` for no file). It
/// is looked at again once the new text is synced, just before the rename:
/// a writer's save that landed during the write (the sync can take a
/// while) is not written over. Returns whether it wrote; `false` leaves the
/// file as the writer left it.
pub fn replace_if_unchanged(path: &Path, bytes: &[u8], seen: Option<&str>) -> Result<bool> {
    replace(path, bytes, true, |path| {
        let now = std::fs::read(path).ok().map(|b| sha256_hex(&b));
        now.as_deref() == seen
    })
}

fn replace(path: &Path, bytes: &[u8], sync: bool, still: impl Fn(&Path) -> bool) -> Result<bool> {
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
    // An ordinary file (the temporary file is made private, 0600): a web
    // server serving an exported site, or another user's editor, reads it.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))
            .map_err(io)?;
    }
    tmp.write_all(bytes).map_err(io)?;
    if sync {
        tmp.as_file().sync_all().map_err(io)?;
    }
    if !still(path) {
        return Ok(false);
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    // The rename is an entry in the folder: synced too, or a power loss
    // could bring back the old file (or none) after we reported it written.
    #[cfg(unix)]
    if sync {
        std::fs::File::open(dir)
            .and_then(|d| d.sync_all())
            .map_err(io)?;
    }
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An exported article or a mirrored file is read by web servers and
    /// other users' tools: 0644, not the temporary file's 0600.
    #[cfg(unix)]
    #[test]
    fn files_are_written_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ferry.html");
        write_atomically(&path, b"<p>Fares.</p>").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
        assert_eq!(std::fs::read(&path).unwrap(), b"<p>Fares.</p>");
    }

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
