//! Why the file system refuses writes. SQLite reports most refused writes
//! as a bare I/O error (only a failed append says SQLITE_FULL; a failed
//! fsync, or any write on a file system remounted read-only, is IOERR), so
//! telling a writer "the disk is full" or "the library is read-only" means
//! asking the file system that holds the library. Here, beside the error
//! kinds it chooses between, because `Error::from_sqlite` is where every
//! storage failure gets its kind.

use std::path::Path;

/// Below this much free space, a write that failed is put down to a full
/// disk: SQLite grows the WAL by whole pages and syncs, so a few blocks
/// left are as good as none.
const NEARLY_FULL_BYTES: u64 = 256 * 1024;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteBlocked {
    /// The file system is mounted read-only (or went read-only after an
    /// error, as ext4 does).
    ReadOnly,
    /// No room left for the library to grow.
    Full,
}

/// Asks the file system holding `path` (or its folder, if the file is
/// missing) whether it refuses writes, and why. `None` when it seems able
/// to take them, or cannot be asked: the failure is then something else.
pub fn why_writes_fail(path: &Path) -> Option<WriteBlocked> {
    #[cfg(unix)]
    {
        let probe = if path.exists() {
            path
        } else {
            path.parent().filter(|p| !p.as_os_str().is_empty())?
        };
        let stats = rustix::fs::statvfs(probe).ok()?;
        if stats.f_flag.contains(rustix::fs::StatVfsMountFlags::RDONLY) {
            return Some(WriteBlocked::ReadOnly);
        }
        if stats.f_bavail.saturating_mul(stats.f_frsize) < NEARLY_FULL_BYTES {
            return Some(WriteBlocked::Full);
        }
        // ext4 after a disk error refuses writes while its mount flags
        // still say read-write: only a write tells.
        let folder = if probe.is_dir() {
            probe
        } else {
            probe.parent()?
        };
        let refused = tempfile::tempfile_in(folder).and_then(|mut file| {
            use std::io::Write;
            file.write_all(&[0u8; 16 * 1024])?;
            file.sync_all()
        });
        match refused.err()?.raw_os_error() {
            Some(code) if code == rustix::io::Errno::ROFS.raw_os_error() => {
                Some(WriteBlocked::ReadOnly)
            }
            Some(code)
                if code == rustix::io::Errno::NOSPC.raw_os_error()
                    || code == rustix::io::Errno::DQUOT.raw_os_error() =>
            {
                Some(WriteBlocked::Full)
            }
            _ => None,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_roomy_writable_folder_blocks_nothing() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(why_writes_fail(&dir.path().join("missing.byline")), None);
        assert_eq!(why_writes_fail(dir.path()), None);
    }
}
