use std::fs;

use super::*;
use crate::domain::article::ArticleId;

fn temp_library() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.byline");
    (dir, path)
}

#[test]
fn a_fresh_file_gets_every_migration_and_our_application_id() {
    let (_dir, path) = temp_library();
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(migrations::versions().last().copied(), Some(SCHEMA_VERSION));
    let app_id: i32 = lib
        .conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .unwrap();
    assert_eq!(app_id, APPLICATION_ID);
    let mode: String = lib
        .conn
        .pragma_query_value(None, "journal_mode", |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let fk: bool = lib
        .conn
        .pragma_query_value(None, "foreign_keys", |r| r.get(0))
        .unwrap();
    assert!(fk);
    assert_eq!(lib.integrity_check().unwrap(), "ok");
}

/// "Saved" means on the disk: every commit syncs the WAL (synchronous=FULL),
/// so a power loss cannot roll back a save the window acknowledged.
#[test]
fn every_commit_is_synced_to_disk() {
    let (_dir, path) = temp_library();
    let mut lib = Library::open(&path).unwrap();
    assert_eq!(lib.durability().unwrap(), Durability::Full);
    drop(lib);
    // And again on a library that already exists.
    lib = Library::open(&path).unwrap();
    assert_eq!(lib.durability().unwrap(), Durability::Full);
    lib.set_durability(Durability::Normal).unwrap();
    assert_eq!(lib.durability().unwrap(), Durability::Normal);
}

#[test]
fn reopening_keeps_data_and_runs_no_migration_twice() {
    let (_dir, path) = temp_library();
    let id = {
        let mut lib = Library::open(&path).unwrap();
        lib.create_article("First", "Body").unwrap().id
    };
    // A second migration run would fail on CREATE TABLE articles.
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.schema_version().unwrap(), SCHEMA_VERSION);
    assert_eq!(lib.article(id).unwrap().body, "Body");
}

#[test]
fn creates_missing_parent_folders() {
    let (dir, _) = temp_library();
    let path = dir.path().join("a/b/library.byline");
    Library::open(&path).unwrap();
    assert!(path.exists());
}

#[test]
fn a_library_from_a_newer_byline_is_refused_and_left_untouched() {
    let (_dir, path) = temp_library();
    {
        let conn = Connection::open(&path).unwrap();
        conn.pragma_update(None, "application_id", APPLICATION_ID)
            .unwrap();
        conn.execute_batch("CREATE TABLE future (x); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Library::open(&path).unwrap_err();
    assert_eq!(err.code(), "library_too_new");
    assert!(err.to_string().contains("999"), "{err}");
    assert_eq!(fs::read(&path).unwrap(), before, "the file must not change");
    assert!(!path.with_extension("byline-wal").exists());
}

#[test]
fn another_programs_sqlite_file_is_refused_and_left_untouched() {
    let (_dir, path) = temp_library();
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE contacts (name TEXT); INSERT INTO contacts VALUES ('x');")
            .unwrap();
    }
    let before = fs::read(&path).unwrap();
    let err = Library::open(&path).unwrap_err();
    assert_eq!(err.code(), "not_a_library");
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn a_text_file_or_a_folder_is_not_a_library() {
    let (dir, path) = temp_library();
    fs::write(&path, "# My notes\n\nnot a database at all").unwrap();
    let err = Library::open(&path).unwrap_err();
    assert_eq!(err.code(), "not_a_library");
    assert!(err.to_string().contains("not an SQLite database"), "{err}");
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "# My notes\n\nnot a database at all"
    );

    let err = Library::open(dir.path()).unwrap_err();
    assert_eq!(err.code(), "not_a_library");
    assert!(err.to_string().contains("folder"), "{err}");
}

#[test]
fn an_empty_file_becomes_a_library() {
    let (_dir, path) = temp_library();
    fs::write(&path, b"").unwrap();
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.schema_version().unwrap(), SCHEMA_VERSION);
}

#[test]
fn articles_round_trip_and_list_newest_first() {
    let (_dir, path) = temp_library();
    let mut lib = Library::open(&path).unwrap();
    let a = lib.create_article("  Alpha\n", "one two").unwrap();
    assert_eq!(a.meta.title, "Alpha");
    assert_eq!(a.words, 2);
    let b = lib.create_article("", "").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    let a2 = lib.save_body(a.id, "## Hello **world** again").unwrap();
    assert_eq!(a2.words, 3);
    assert!(a2.updated_at > a.updated_at);
    assert_eq!(a2.created_at, a.created_at);

    let ids: Vec<ArticleId> = lib.list_articles().unwrap().iter().map(|s| s.id).collect();
    assert_eq!(ids, vec![a.id, b.id], "most recently edited first");

    let renamed = lib.rename_article(b.id, "Beta").unwrap();
    assert_eq!(renamed.meta.title, "Beta");
    assert_eq!(lib.list_articles().unwrap()[0].title, "Beta");
}

#[test]
fn missing_articles_and_bad_input_are_typed_errors_that_change_nothing() {
    let (_dir, path) = temp_library();
    let mut lib = Library::open(&path).unwrap();
    let a = lib.create_article("Keep", "text").unwrap();
    assert_eq!(
        lib.article(ArticleId(999)).unwrap_err().code(),
        "article_not_found"
    );
    assert_eq!(
        lib.save_body(ArticleId(999), "x").unwrap_err().code(),
        "article_not_found"
    );

    let err = lib.rename_article(a.id, &"x".repeat(5000)).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains("5000"), "{err}");
    let huge = "a".repeat(MAX_BODY_BYTES + 1);
    assert_eq!(
        lib.save_body(a.id, &huge).unwrap_err().code(),
        "invalid_input"
    );
    let kept = lib.article(a.id).unwrap();
    assert_eq!(
        (kept.meta.title.as_str(), kept.body.as_str()),
        ("Keep", "text")
    );
}

#[test]
fn a_write_refused_by_sqlite_as_read_only_is_reported_as_such() {
    let (_dir, path) = temp_library();
    Library::open(&path)
        .unwrap()
        .create_article("T", "before")
        .unwrap();
    // Root ignores file modes, so ask SQLite itself for a read-only handle.
    let conn = Connection::open_with_flags(&path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    let raw = conn
        .execute("UPDATE articles SET body = 'after'", [])
        .unwrap_err();
    let err = Error::from_sqlite(&path, raw);
    assert_eq!(err.code(), "library_read_only");
    assert!(err.to_string().contains("read-only"), "{err}");
}

#[test]
fn an_edit_time_only_moves_forward() {
    // Two edits in one millisecond, or a clock set back, must still leave
    // two different edit times: the folder mirror relies on them.
    let (_dir, path) = temp_library();
    let mut lib = Library::open(&path).unwrap();
    let a = lib.create_article("Ferry", "One.").unwrap();
    let ahead = a.updated_at.timestamp_millis() + 60_000;
    lib.conn
        .execute(
            "UPDATE articles SET updated_at = ?2 WHERE id = ?1",
            rusqlite::params![a.id.0, ahead],
        )
        .unwrap();
    let saved = lib.save_body(a.id, "Two.").unwrap();
    assert_eq!(saved.updated_at.timestamp_millis(), ahead + 1);
    let renamed = lib.rename_article(a.id, "Ferry fares").unwrap();
    assert_eq!(renamed.updated_at.timestamp_millis(), ahead + 2);
}
