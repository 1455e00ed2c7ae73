//! The one way Byline writes a file a writer will read: exports, the
//! mirror's files, each an ordinary file (0644).

use std::io::Write;
use std::path::Path;

use crate::domain::error::{Error, Result};

/// Writes through a temporary file in the same folder, synced, then renamed
/// over `path`: a reader never sees half a file, and a failure leaves the
/// old one.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    write_via_temporary(path, bytes, true)
}

/// [`write_atomically`] without the fsync, for many files written at once
/// and easily written again (a site export's pages): a reader still never
/// sees half a file, but a crash may lose the newest content, at a fraction
/// of the cost per file.
pub fn write_atomically_unsynced(path: &Path, bytes: &[u8]) -> Result<()> {
    write_via_temporary(path, bytes, false)
}

fn write_via_temporary(path: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
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
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    /// An exported article or a mirrored file is read by web servers and
    /// other users' tools: 0644, not the temporary file's 0600.
    #[cfg(unix)]
    #[test]
    fn files_are_written_readable_by_others() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ferry.html");
        super::write_atomically(&path, b"<p>Fares.</p>").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
        assert_eq!(std::fs::read(&path).unwrap(), b"<p>Fares.</p>");
    }
}
