use std::io::{Seek, SeekFrom, Write};

use chrono::TimeZone;

use super::*;

fn at(y: i32, mo: u32, d: u32, h: u32, mi: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(y, mo, d, h, mi, 0).unwrap()
}

fn library_with(dir: &Path, body: &str) -> Library {
    let mut lib = Library::open(dir.join("library.byline")).unwrap();
    lib.create_article("Kept", body).unwrap();
    lib
}

/// Overwrites pages in the middle of a real library with garbage, as a
/// failing disk would.
pub(crate) fn damage(path: &Path) {
    let len = std::fs::metadata(path).unwrap().len();
    assert!(len > 4 * 4096, "the library is too small to damage: {len}");
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    for page in [1u64, 2, 3] {
        file.seek(SeekFrom::Start(page * 4096)).unwrap();
        file.write_all(&[0xA5; 4096]).unwrap();
    }
    file.sync_all().unwrap();
}

#[test]
fn a_backup_is_a_whole_checked_library_beside_the_original() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with(dir.path(), "Every word.");
    let now = at(2026, 11, 30, 14, 0);
    let made = make(&lib, BackupReason::Manual, now).unwrap();
    assert_eq!(
        Path::new(&made.path),
        dir.path()
            .join("library-backups")
            .join("library-20261130-140000Z-manual.byline")
    );
    assert_eq!(made.made_at, now);
    assert!(made.bytes > 0);
    assert!(
        !Path::new(&format!("{}-wal", made.path)).exists(),
        "a backup is one file"
    );
    let copy = Library::open(&made.path).unwrap();
    assert_eq!(copy.find("kept").unwrap().body, "Every word.");
    assert_eq!(list(&lib).unwrap(), vec![made]);
}

#[test]
fn two_backups_in_one_second_both_stay() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with(dir.path(), "x");
    let now = at(2026, 11, 30, 14, 0);
    let a = make(&lib, BackupReason::Hourly, now).unwrap();
    let b = make(&lib, BackupReason::Hourly, now).unwrap();
    assert_ne!(a.path, b.path);
    assert_eq!(list(&lib).unwrap().len(), 2);
}

#[test]
fn the_chosen_folder_is_used_and_must_be_a_full_path() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library_with(dir.path(), "x");
    let chosen = dir.path().join("elsewhere");
    lib.set_backup_folder(Some(&chosen)).unwrap();
    let made = make(&lib, BackupReason::Manual, Utc::now()).unwrap();
    assert!(Path::new(&made.path).starts_with(&chosen));
    let err = lib
        .set_backup_folder(Some(Path::new("rel/dir")))
        .unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::InvalidInput);
    lib.set_backup_folder(None).unwrap();
    assert_eq!(folder(&lib).unwrap(), dir.path().join("library-backups"));
}

#[test]
fn a_backup_that_fails_its_check_is_deleted_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with(dir.path(), &"words ".repeat(20_000));
    let made = make(&lib, BackupReason::Manual, Utc::now()).unwrap();
    damage(Path::new(&made.path));
    let err = verify_or_delete(Path::new(&made.path)).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::BackupFailed);
    assert!(err.to_string().contains("deleted"), "{err}");
    assert!(!Path::new(&made.path).exists());
}

#[test]
fn thinning_keeps_the_last_day_then_one_a_day_for_a_week() {
    let now = at(2026, 11, 30, 12, 0);
    let mut times = Vec::new();
    // Hourly backups for the last ten days.
    for h in 0..240 {
        times.push(now - Duration::hours(h));
    }
    let removed = to_remove(&times, now);
    let kept: Vec<_> = (0..times.len())
        .filter(|i| !removed.contains(i))
        .map(|i| times[i])
        .collect();
    // 25 from the last 24 hours (both ends), then one per day for 7 days.
    let recent = kept.iter().filter(|t| **t >= now - KEEP_ALL_FOR).count();
    assert_eq!(recent, 25);
    let older: Vec<_> = kept.iter().filter(|t| **t < now - KEEP_ALL_FOR).collect();
    let days: std::collections::HashSet<_> = older.iter().map(|t| t.date_naive()).collect();
    assert_eq!(days.len(), older.len(), "one per day: {older:?}");
    assert!(older.len() <= KEEP_DAILY_DAYS as usize + 1, "{older:?}");
    assert!(older
        .iter()
        .all(|t| **t >= now - KEEP_ALL_FOR - Duration::days(KEEP_DAILY_DAYS)));
    // The newest stays however old it is.
    assert!(to_remove(&[now - Duration::days(90)], now).is_empty());
}

#[test]
fn making_a_backup_thins_the_folder() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with(dir.path(), "x");
    let start = at(2026, 11, 1, 9, 0);
    for day in 0..20 {
        make(&lib, BackupReason::Quit, start + Duration::days(day)).unwrap();
    }
    let all = list(&lib).unwrap();
    // Today and yesterday (within 24 hours), then a week of days.
    assert_eq!(all.len(), 2 + KEEP_DAILY_DAYS as usize, "{all:#?}");
    assert_eq!(all[0].made_at, start + Duration::days(19));
}

#[test]
fn other_files_in_the_folder_are_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with(dir.path(), "x");
    let folder = default_folder(lib.path());
    std::fs::create_dir_all(&folder).unwrap();
    let other = folder.join("notes.txt");
    let other_library = folder.join("work-20200101-000000Z-manual.byline");
    std::fs::write(&other, "mine").unwrap();
    std::fs::write(&other_library, "theirs").unwrap();
    for day in 0..10 {
        make(
            &lib,
            BackupReason::Quit,
            at(2026, 1, 1, 0, 0) + Duration::days(day),
        )
        .unwrap();
    }
    assert!(other.exists() && other_library.exists());
}

#[test]
fn an_hourly_backup_is_due_only_after_an_hour_and_a_change() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library_with(dir.path(), "x");
    assert!(automatic_due(&lib, Utc::now()).unwrap(), "no backup yet");
    let made = make(&lib, BackupReason::Hourly, Utc::now()).unwrap();
    assert!(!automatic_due(&lib, made.made_at + Duration::minutes(59)).unwrap());
    // Made "an hour ago" in its name, and the library written after it.
    let old = made.made_at - Duration::hours(2);
    let renamed = Path::new(&made.path)
        .with_file_name(format!("library-{}Z-hourly.byline", old.format(STAMP)));
    std::fs::rename(&made.path, &renamed).unwrap();
    lib.create_article("Later", "y").unwrap();
    assert!(automatic_due(&lib, Utc::now()).unwrap());
}

#[test]
fn a_restore_keeps_the_current_library_first_and_brings_the_backup_back() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library_with(dir.path(), "Before.");
    let backup = make(&lib, BackupReason::Manual, at(2026, 11, 30, 10, 0)).unwrap();
    let id = lib.find("kept").unwrap().id;
    lib.save_body(id, "After, typed later.").unwrap();
    lib.create_article("New since", "z").unwrap();

    let restored = restore(&mut lib, Path::new(&backup.path), at(2026, 11, 30, 11, 0)).unwrap();
    assert_eq!(restored.mirror_off, None);
    let kept = restored.kept;
    assert_eq!(kept.reason, BackupReason::BeforeRestore);
    assert_eq!(lib.find("kept").unwrap().body, "Before.");
    assert!(lib.find("new-since").is_err());
    assert_eq!(lib.integrity_check().unwrap(), "ok");
    // What the restore replaced is in the kept backup.
    let old = Library::open(&kept.path).unwrap();
    assert_eq!(old.find("kept").unwrap().body, "After, typed later.");
    // The library still works and writes on, in WAL mode.
    lib.create_article("After restore", "w").unwrap();
    drop(lib);
    let reopened = Library::open(dir.path().join("library.byline")).unwrap();
    assert_eq!(reopened.find("after-restore").unwrap().body, "w");
    assert_eq!(reopened.find("kept").unwrap().body, "Before.");
}

#[test]
fn a_restore_turns_the_mirror_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library_with(dir.path(), "x");
    let folder = dir.path().join("mirror");
    lib.set_mirror_folder(Some(&folder)).unwrap();
    let backup = make(&lib, BackupReason::Manual, at(2026, 11, 30, 10, 0)).unwrap();
    let restored = restore(&mut lib, Path::new(&backup.path), Utc::now()).unwrap();
    assert_eq!(
        restored.mirror_off,
        Some(std::fs::canonicalize(&folder).unwrap())
    );
    assert_eq!(lib.mirror_folder().unwrap(), None);
}

#[test]
fn a_damaged_backup_is_refused_by_restore_and_nothing_changes() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library_with(dir.path(), &"words ".repeat(20_000));
    let backup = make(&lib, BackupReason::Manual, at(2026, 11, 30, 10, 0)).unwrap();
    damage(Path::new(&backup.path));
    let err = restore(&mut lib, Path::new(&backup.path), Utc::now()).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::BackupFailed, "{err}");
    assert_eq!(
        list(&lib).unwrap().len(),
        1,
        "no backup kept for a refused restore"
    );
    assert!(lib.find("kept").unwrap().body.starts_with("words"));
}

#[test]
fn a_damaged_library_is_refused_untouched_and_its_newest_good_backup_found() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.byline");
    let (good, damaged_backup) = {
        let lib = library_with(dir.path(), &"words ".repeat(20_000));
        let good = make(&lib, BackupReason::Hourly, at(2026, 11, 30, 9, 0)).unwrap();
        let bad = make(&lib, BackupReason::Hourly, at(2026, 11, 30, 10, 0)).unwrap();
        (good, bad)
    };
    damage(Path::new(&damaged_backup.path));
    damage(&path);
    let before = std::fs::read(&path).unwrap();

    let err = Library::open(&path).unwrap_err();
    assert_eq!(err.code(), crate::ErrorCode::LibraryCorrupt, "{err}");
    assert!(
        err.to_string()
            .contains("is damaged: parts of the file cannot be read"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "not a byte written");
    let wal = std::fs::metadata(format!("{}-wal", path.display())).map_or(0, |m| m.len());
    assert_eq!(wal, 0, "nothing waits in a WAL to be written into it");

    assert_eq!(newest_good(&path).map(|b| b.path), Some(good.path.clone()));
    let copy = recovered_copy(&path, Path::new(&good.path), at(2026, 11, 30, 12, 0)).unwrap();
    assert_eq!(
        copy,
        dir.path().join("library-recovered-20261130-120000Z.byline")
    );
    assert!(Library::open(&copy).unwrap().find("kept").is_ok());
    assert_eq!(std::fs::read(&path).unwrap(), before);
    assert!(Path::new(&good.path).exists());
}

#[test]
fn file_names_round_trip_and_strangers_are_skipped() {
    assert_eq!(
        parse_name(
            "library",
            "library-20261130-140000Z-before-restore-2.byline"
        ),
        Some((at(2026, 11, 30, 14, 0), BackupReason::BeforeRestore))
    );
    for name in [
        "library-recovered-20261130-140000Z.byline",
        "library-20261130-140000Z-manual.txt",
        "libraryx-20261130-140000Z-manual.byline",
        "library-20261130-140000Z-sometime.byline",
        "library-20261399-140000Z-manual.byline",
    ] {
        assert_eq!(parse_name("library", name), None, "{name}");
    }
}

/// The check at open goes table by table (`library::backup::quick_check_tables`):
/// a damaged page is refused wherever it lies, the search index's own
/// tables included, not only in the first pages of the file.
#[test]
fn a_damaged_page_of_any_table_is_refused_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.byline");
    let tables: Vec<(String, i64)> = {
        let mut lib = library_with(dir.path(), &"words and more words ".repeat(5_000));
        for n in 0..40 {
            lib.create_article(&format!("Piece {n}"), &format!("Text {n} ").repeat(2_000))
                .unwrap();
        }
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "wal_checkpoint", "TRUNCATE")
            .unwrap();
        let tables = conn
            .prepare(
                "SELECT name, rootpage FROM sqlite_schema
                 WHERE name IN ('articles', 'articles_fts_data', 'revisions')",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        tables
    };
    assert_eq!(tables.len(), 3, "{tables:?}");
    let pristine = std::fs::read(&path).unwrap();
    for (table, root) in tables {
        std::fs::write(&path, &pristine).unwrap();
        let _ = std::fs::remove_file(format!("{}-wal", path.display()));
        // The table's root page, overwritten whole as a failing disk would.
        let mut file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        file.seek(SeekFrom::Start((root as u64 - 1) * 4096))
            .unwrap();
        file.write_all(&[0xA5; 4096]).unwrap();
        file.sync_all().unwrap();
        drop(file);
        let err = Library::open(&path).expect_err(&format!("damage in {table} is refused"));
        assert_eq!(
            err.code(),
            crate::ErrorCode::LibraryCorrupt,
            "{table}: {err}"
        );
    }
    std::fs::write(&path, &pristine).unwrap();
    assert!(Library::open(&path).is_ok(), "the undamaged file opens");
}
