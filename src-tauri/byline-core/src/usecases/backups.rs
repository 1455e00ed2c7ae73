//! Rolling backups of the library: where they go, what they are called,
//! which are kept, and restoring one. The copying and checking itself is
//! SQLite's online backup API in `library::backup`.
//!
//! Backups live in a folder beside the library (`<name>-backups/`) unless
//! the writer chose another in Settings. Each is a whole library file,
//! `<name>-YYYYMMDD-HHMMSSZ-<reason>.byline`, so it opens in Byline as it
//! is; the time in the name (UTC) is when it was made, which is what
//! listing and thinning go by (a copied file's mtime would lie).
//!
//! Thinning keeps every backup from the last 24 hours, then the newest of
//! each day for the 7 days before, and never the newest one of all: an
//! hour's typing at most is ever at stake for a recent mistake, a week's
//! days for damage found late, and the folder stays near 30 copies.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::domain::error::{Error, Result};
use crate::library::Library;
use crate::library::{backup_folder_of_damaged, verify_backup};

/// How long a backup stays before thinning keeps only one a day.
pub const KEEP_ALL_FOR: Duration = Duration::hours(24);
/// How many days, after the first, keep their newest backup.
pub const KEEP_DAILY_DAYS: i64 = 7;
/// The least time between two automatic backups while the window is open.
pub const AUTOMATIC_EVERY: Duration = Duration::hours(1);

const EXTENSION: &str = "byline";
const STAMP: &str = "%Y%m%d-%H%M%S";
const STAMP_LEN: usize = 15;

/// Why a backup was made; part of its file name and shown beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum BackupReason {
    /// `byline backup`, or "Back up now" in Settings.
    Manual,
    /// At most hourly while the window is open.
    Hourly,
    /// When the window closed.
    Quit,
    /// The library as it was just before a backup was restored over it.
    BeforeRestore,
    /// The library as it was just before `byline doctor --repair`.
    BeforeRepair,
}

impl BackupReason {
    const ALL: [BackupReason; 5] = [
        BackupReason::Manual,
        BackupReason::Hourly,
        BackupReason::Quit,
        BackupReason::BeforeRestore,
        BackupReason::BeforeRepair,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            BackupReason::Manual => "manual",
            BackupReason::Hourly => "hourly",
            BackupReason::Quit => "quit",
            BackupReason::BeforeRestore => "before-restore",
            BackupReason::BeforeRepair => "before-repair",
        }
    }

    /// What a writer reads beside the backup.
    pub fn label(self) -> &'static str {
        match self {
            BackupReason::Manual => "made by hand",
            BackupReason::Hourly => "hourly",
            BackupReason::Quit => "on quit",
            BackupReason::BeforeRestore => "before a restore",
            BackupReason::BeforeRepair => "before a repair",
        }
    }
}

/// One backup file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct BackupInfo {
    pub path: String,
    #[ts(type = "string")]
    pub made_at: DateTime<Utc>,
    #[ts(type = "number")]
    pub bytes: u64,
    pub reason: BackupReason,
}

/// The library's name as its backups start with it (`library` for
/// `library.byline`).
fn stem(library_path: &Path) -> String {
    library_path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "library".into())
}

/// `<folder of the library>/<name>-backups`.
pub fn default_folder(library_path: &Path) -> PathBuf {
    let parent = library_path.parent().unwrap_or(Path::new("."));
    parent.join(format!("{}-backups", stem(library_path)))
}

/// The folder this library's backups go to: the writer's choice, or the
/// default beside the library.
pub fn folder(library: &Library) -> Result<PathBuf> {
    Ok(library
        .backup_folder()?
        .unwrap_or_else(|| default_folder(library.path())))
}

/// Reads a backup's time and reason from its file name; `None` for any
/// other file (another library's backups included).
fn parse_name(stem: &str, name: &str) -> Option<(DateTime<Utc>, BackupReason)> {
    let rest = name.strip_prefix(stem)?.strip_prefix('-')?;
    let rest = rest.strip_suffix(&format!(".{EXTENSION}"))?;
    let stamp = rest.get(..STAMP_LEN)?;
    let rest = rest.get(STAMP_LEN..)?.strip_prefix("Z-")?;
    let time = NaiveDateTime::parse_from_str(stamp, STAMP).ok()?.and_utc();
    let reason = BackupReason::ALL.into_iter().find(|r| {
        rest.strip_prefix(r.as_str()).is_some_and(|tail| {
            tail.is_empty()
                || tail
                    .strip_prefix('-')
                    .is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()))
        })
    })?;
    Some((time, reason))
}

/// The backups of the library at `library_path` in `folder`, newest first.
/// A folder that does not exist yet holds none.
pub fn list_in(library_path: &Path, folder: &Path) -> Result<Vec<BackupInfo>> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Io {
                path: folder.into(),
                source,
            })
        }
    };
    let stem = stem(library_path);
    let mut out: Vec<BackupInfo> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().to_string_lossy().into_owned();
            let (made_at, reason) = parse_name(&stem, &name)?;
            let meta = entry.metadata().ok().filter(|m| m.is_file())?;
            Some(BackupInfo {
                path: entry.path().to_string_lossy().into_owned(),
                made_at,
                bytes: meta.len(),
                reason,
            })
        })
        .collect();
    out.sort_by(|a, b| b.made_at.cmp(&a.made_at).then(b.path.cmp(&a.path)));
    Ok(out)
}

/// This library's backups, newest first.
pub fn list(library: &Library) -> Result<Vec<BackupInfo>> {
    list_in(library.path(), &folder(library)?)
}

/// Backs the library up now into its backup folder, checks the copy with
/// SQLite's `integrity_check` (a copy that fails is deleted and the
/// failure returned), then thins the folder.
pub fn make(library: &Library, reason: BackupReason, now: DateTime<Utc>) -> Result<BackupInfo> {
    let folder = folder(library)?;
    std::fs::create_dir_all(&folder).map_err(|e| Error::BackupFailed {
        path: folder.clone(),
        detail: format!("folder cannot be created: {e}"),
    })?;
    let base = format!(
        "{}-{}Z-{}",
        stem(library.path()),
        now.format(STAMP),
        reason.as_str()
    );
    let mut dest = folder.join(format!("{base}.{EXTENSION}"));
    let mut n = 2;
    while dest.exists() {
        dest = folder.join(format!("{base}-{n}.{EXTENSION}"));
        n += 1;
    }
    library.backup_to(&dest)?;
    verify_or_delete(&dest)?;
    let bytes = std::fs::metadata(&dest).map(|m| m.len()).unwrap_or(0);
    let made = BackupInfo {
        path: dest.to_string_lossy().into_owned(),
        made_at: now.with_nanosecond_zero(),
        bytes,
        reason,
    };
    thin(library.path(), &folder, now)?;
    Ok(made)
}

/// Checks a backup just made; one that fails is deleted, so a damaged copy
/// is never mistaken for a good one later.
pub fn verify_or_delete(path: &Path) -> Result<()> {
    verify_backup(path).map_err(|err| {
        let _ = std::fs::remove_file(path);
        Error::BackupFailed {
            path: path.into(),
            detail: format!("was deleted because it failed its check: {err}"),
        }
    })
}

trait NanosecondZero {
    fn with_nanosecond_zero(self) -> Self;
}

impl NanosecondZero for DateTime<Utc> {
    fn with_nanosecond_zero(self) -> Self {
        chrono::Timelike::with_nanosecond(&self, 0).unwrap_or(self)
    }
}

/// Which of `times` (any order) thinning removes at `now`, by index: all
/// from the last [`KEEP_ALL_FOR`] stay, then the newest of each UTC day for
/// [`KEEP_DAILY_DAYS`] days, and the newest of all always stays.
pub fn to_remove(times: &[DateTime<Utc>], now: DateTime<Utc>) -> Vec<usize> {
    let mut order: Vec<usize> = (0..times.len()).collect();
    order.sort_by(|&a, &b| times[b].cmp(&times[a]));
    let recent = now - KEEP_ALL_FOR;
    let oldest_daily = recent - Duration::days(KEEP_DAILY_DAYS);
    let mut days_kept = std::collections::HashSet::new();
    let mut remove = Vec::new();
    for (rank, &i) in order.iter().enumerate() {
        let t = times[i];
        let keep = rank == 0
            || t >= recent
            || (t >= oldest_daily && days_kept.insert(t.date_naive()))
            || t > now; // a clock set back must not cost the future's copies
        if !keep {
            remove.push(i);
        }
    }
    remove.sort_unstable();
    remove
}

/// Applies [`to_remove`] to the library's backups in `folder`.
fn thin(library_path: &Path, folder: &Path, now: DateTime<Utc>) -> Result<()> {
    let backups = list_in(library_path, folder)?;
    let times: Vec<_> = backups.iter().map(|b| b.made_at).collect();
    for i in to_remove(&times, now) {
        // One that cannot be removed now is removed next time.
        let _ = std::fs::remove_file(&backups[i].path);
    }
    Ok(())
}

/// Whether an automatic backup is due at `now`: none yet, or the newest is
/// [`AUTOMATIC_EVERY`] old and the library changed since it was made.
pub fn automatic_due(library: &Library, now: DateTime<Utc>) -> Result<bool> {
    let Some(newest) = list(library)?.into_iter().next() else {
        return Ok(true);
    };
    if now - newest.made_at < AUTOMATIC_EVERY {
        return Ok(false);
    }
    Ok(changed_since(library.path(), newest.made_at))
}

/// Whether the library file or its WAL was written after `time`.
pub fn changed_since(library_path: &Path, time: DateTime<Utc>) -> bool {
    let wal = PathBuf::from(format!("{}-wal", library_path.display()));
    [library_path, wal.as_path()].iter().any(|p| {
        std::fs::metadata(p)
            .and_then(|m| m.modified())
            .is_ok_and(|m| DateTime::<Utc>::from(m) > time)
    })
}

/// What a restore did: the backup it kept of the library as it was, and
/// the mirror folder it turned off, if one was on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Restored {
    pub kept: BackupInfo,
    pub mirror_off: Option<PathBuf>,
}

/// Restores `backup` over the library: the backup is checked, the library
/// as it is now is kept as a backup first, then the backup's contents
/// replace it in one transaction. The folder mirror, if on, is turned off:
/// its files are newer than the restored articles and would come back over
/// them as edits.
pub fn restore(library: &mut Library, backup: &Path, now: DateTime<Utc>) -> Result<Restored> {
    let same = std::fs::canonicalize(backup).ok() == std::fs::canonicalize(library.path()).ok();
    if same {
        return Err(Error::invalid(
            "backup",
            "is the library itself; choose one of its backups",
        ));
    }
    verify_backup(backup)?;
    let kept = make(library, BackupReason::BeforeRestore, now)?;
    library.restore_from(backup)?;
    let mirror_off = library.mirror_folder()?;
    if mirror_off.is_some() {
        library.set_mirror_folder(None)?;
    }
    Ok(Restored { kept, mirror_off })
}

/// Whether a library that failed to open with `err` may be damaged, so its
/// backups are worth offering: not when it is merely busy, newer or
/// read-only.
pub fn may_be_damage(err: &Error) -> bool {
    use crate::domain::error::ErrorCode as C;
    matches!(
        err.code(),
        C::LibraryCorrupt | C::NotALibrary | C::LibraryUnavailable | C::Storage
    )
}

/// The newest backup of a library that will not open which passes its
/// check: the folder stored in the library is tried (read-only) and the
/// default one beside it.
pub fn newest_good(library_path: &Path) -> Option<BackupInfo> {
    let mut folders = vec![default_folder(library_path)];
    if let Some(chosen) = backup_folder_of_damaged(library_path) {
        folders.insert(0, chosen);
    }
    let mut all: Vec<BackupInfo> = folders
        .iter()
        .filter_map(|f| list_in(library_path, f).ok())
        .flatten()
        .collect();
    all.sort_by_key(|b| std::cmp::Reverse(b.made_at));
    all.into_iter()
        .find(|b| verify_backup(Path::new(&b.path)).is_ok())
}

/// Copies `backup` beside the damaged library as
/// `<name>-recovered-YYYYMMDD-HHMMSSZ.byline` and returns its path: the
/// writer works on the copy, and both the damaged file and the backup stay
/// as they are.
pub fn recovered_copy(library_path: &Path, backup: &Path, now: DateTime<Utc>) -> Result<PathBuf> {
    verify_backup(backup)?;
    let parent = library_path.parent().unwrap_or(Path::new("."));
    let base = format!("{}-recovered-{}Z", stem(library_path), now.format(STAMP));
    let mut dest = parent.join(format!("{base}.{EXTENSION}"));
    let mut n = 2;
    while dest.exists() {
        dest = parent.join(format!("{base}-{n}.{EXTENSION}"));
        n += 1;
    }
    let partial = parent.join(format!(".{base}.partial"));
    let io = |source| Error::Io {
        path: dest.clone(),
        source,
    };
    std::fs::copy(backup, &partial)
        .and_then(|_| std::fs::File::open(&partial)?.sync_all())
        .and_then(|()| std::fs::rename(&partial, &dest))
        .map_err(|e| {
            let _ = std::fs::remove_file(&partial);
            io(e)
        })?;
    Ok(dest)
}

#[cfg(test)]
mod tests;
