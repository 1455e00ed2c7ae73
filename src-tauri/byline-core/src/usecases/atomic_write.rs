//! The one way Byline writes a file a writer will read: exports, the
//! mirror's files.

use std::io::Write;
use std::path::Path;

use crate::domain::error::{Error, Result};

/// Writes through a temporary file in the same folder, synced, then renamed
/// over `path` and the folder synced: a reader never sees half a file, a
/// failure (or a kill) leaves the old one, and a file reported written
/// survives a power loss.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<()> {
    let io = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut tmp = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    tmp.as_file().sync_all().map_err(io)?;
    tmp.persist(path).map_err(|e| io(e.error))?;
    // The rename is an entry in the folder: synced too, or a power loss
    // could bring back the old file (or none) after we reported it written.
    #[cfg(unix)]
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io)?;
    Ok(())
}
