//! The mirror folder going missing, coming back, or being replaced, with
//! real folders: nothing is ever taken for deleted while it is away.

use std::path::{Path, PathBuf};

use crate::domain::error::ErrorCode;
use crate::library::Library;
use crate::usecases::mirror_rules::{MirrorChangeKind, Stuck};

fn setup() -> (tempfile::TempDir, Library, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path().join("lib.byline")).unwrap();
    let folder = lib
        .set_mirror_folder(Some(&dir.path().join("mirror")))
        .unwrap()
        .unwrap();
    (dir, lib, folder)
}

fn trashed(lib: &Library) -> usize {
    lib.list_trash().unwrap().len()
}

fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

#[test]
fn a_folder_renamed_away_pauses_the_mirror_and_nothing_is_trashed() {
    let (d, mut lib, folder) = setup();
    let a = lib.create_article("Ferry", "Old text.").unwrap();
    lib.mirror_out(&folder).unwrap();
    let file = folder.join("ferry.md");
    let away = d.path().join("away");
    std::fs::rename(&folder, &away).unwrap();

    // A save, then the mirror's pass and the watcher's report of the file.
    lib.save_body(a.id, "New text.").unwrap();
    let err = lib.mirror_out(&folder).unwrap_err();
    assert_eq!(err.code(), "mirror_paused", "{err}");
    assert!(err.to_string().contains("missing"), "{err}");
    let err = lib.mirror_in(&folder, &file).unwrap_err();
    assert_eq!(err.code(), "mirror_paused", "{err}");
    assert!(lib.article(a.id).unwrap().trashed_at.is_none());
    assert_eq!(trashed(&lib), 0);
    assert!(!folder.exists(), "the missing folder is not made again");
    assert!(std::fs::read_to_string(away.join("ferry.md"))
        .unwrap()
        .ends_with("Old text."));

    // Back: the save reaches the file.
    std::fs::rename(&away, &folder).unwrap();
    let changes = lib.mirror_out(&folder).unwrap();
    assert_eq!(changes[0].kind, MirrorChangeKind::Written);
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .ends_with("New text."));
    assert_eq!(lib.article(a.id).unwrap().body, "New text.");
}

#[test]
fn a_folder_deleted_and_made_again_empty_is_not_taken_for_deleted_files() {
    let (_d, mut lib, folder) = setup();
    let a = lib.create_article("Ferry", "Text.").unwrap();
    lib.create_article("Tram", "Rails.").unwrap();
    lib.mirror_out(&folder).unwrap();
    // Deleted and recreated (or a bare mount point, or another checkout).
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::create_dir(&folder).unwrap();

    lib.save_body(a.id, "Edited.").unwrap();
    let err = lib.mirror_out(&folder).unwrap_err();
    assert_eq!(err.code(), ErrorCode::MirrorPaused);
    assert!(err.to_string().contains("not the folder"), "{err}");
    assert!(lib
        .mirror_in(&folder, &folder.join("ferry.md"))
        .unwrap_err()
        .to_string()
        .contains("paused"));
    assert_eq!(trashed(&lib), 0);
    assert!(names(&folder).is_empty(), "nothing written into it");

    // Turning the mirror off and choosing the folder again starts afresh.
    lib.set_mirror_folder(None).unwrap();
    let folder = lib.set_mirror_folder(Some(&folder)).unwrap().unwrap();
    lib.mirror_out(&folder).unwrap();
    assert_eq!(names(&folder), [".byline-mirror", "ferry.md", "tram.md"]);
    assert_eq!(trashed(&lib), 0);
}

#[test]
fn a_missing_folder_at_start_is_neither_made_nor_emptied_of_articles() {
    let (d, mut lib, folder) = setup();
    lib.create_article("Ferry", "Text.").unwrap();
    lib.mirror_out(&folder).unwrap();
    std::fs::rename(&folder, d.path().join("unplugged")).unwrap();
    // The app opens and resumes the folder it had.
    let resumed = lib.set_mirror_folder(Some(&folder)).unwrap().unwrap();
    assert_eq!(resumed, folder);
    assert!(!folder.exists(), "an unplugged disk's folder is not made");
    assert!(lib.mirror_out(&folder).is_err());
    assert_eq!(trashed(&lib), 0);
}

#[test]
fn a_file_at_the_folder_s_path_pauses_too() {
    let (_d, mut lib, folder) = setup();
    lib.create_article("Ferry", "Text.").unwrap();
    lib.mirror_out(&folder).unwrap();
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::write(&folder, "a file now").unwrap();
    assert_eq!(
        lib.mirror_out(&folder).unwrap_err().code(),
        ErrorCode::MirrorPaused
    );
    assert_eq!(std::fs::read_to_string(&folder).unwrap(), "a file now");
    assert_eq!(trashed(&lib), 0);
}

#[test]
fn one_article_that_cannot_be_written_stops_no_other_and_is_reported_once() {
    let (_d, mut lib, folder) = setup();
    lib.create_article("Alpha", "A.").unwrap();
    let b = lib.create_article("Bravo", "B.").unwrap();
    lib.create_article("Charlie", "C.").unwrap();
    // Something that is not a file holds Bravo's name.
    std::fs::create_dir(folder.join("bravo.md")).unwrap();

    // The strict pass still writes every other article before failing.
    let err = lib.mirror_out(&folder).unwrap_err();
    assert!(err.to_string().contains("bravo.md"), "{err}");
    assert!(folder.join("alpha.md").is_file());
    assert!(folder.join("charlie.md").is_file(), "the later article too");

    // The watcher's pass reports it once, not on every sweep.
    let mut stuck = Stuck::default();
    let first = lib.mirror_out_each(&folder, &mut stuck).unwrap();
    assert_eq!(first.failures.len(), 1);
    let again = lib.mirror_out_each(&folder, &mut stuck).unwrap();
    assert!(again.failures.is_empty() && again.changes.is_empty());

    // An edit tries it again; the way cleared, it is written.
    lib.save_body(b.id, "B, edited.").unwrap();
    assert_eq!(
        lib.mirror_out_each(&folder, &mut stuck)
            .unwrap()
            .failures
            .len(),
        1
    );
    std::fs::remove_dir(folder.join("bravo.md")).unwrap();
    lib.save_body(b.id, "B, edited again.").unwrap();
    let pass = lib.mirror_out_each(&folder, &mut stuck).unwrap();
    assert!(pass.failures.is_empty(), "{:?}", pass.failures);
    assert!(std::fs::read_to_string(folder.join("bravo.md"))
        .unwrap()
        .ends_with("B, edited again."));
}

#[test]
fn a_library_mirrored_before_markers_claims_its_folder_on_first_sight() {
    let (_d, mut lib, folder) = setup();
    lib.create_article("Ferry", "Text.").unwrap();
    // As an older Byline left it: no token, no marker.
    lib.write(|tx| crate::library::mirror_files::set_token(tx, ""))
        .unwrap();
    std::fs::remove_file(folder.join(super::MIRROR_MARKER)).unwrap();
    lib.mirror_out(&folder).unwrap();
    assert!(folder.join(super::MIRROR_MARKER).is_file());
    assert!(folder.join("ferry.md").is_file());
}

#[test]
fn a_folder_from_before_markers_that_lost_every_file_is_not_claimed() {
    let (_d, mut lib, folder) = setup();
    lib.create_article("Ferry", "Text.").unwrap();
    lib.mirror_out(&folder).unwrap();
    lib.write(|tx| crate::library::mirror_files::set_token(tx, ""))
        .unwrap();
    // An older Byline's folder, replaced by an empty one before upgrading.
    std::fs::remove_dir_all(&folder).unwrap();
    std::fs::create_dir(&folder).unwrap();
    let err = lib.mirror_out(&folder).unwrap_err();
    assert_eq!(err.code(), ErrorCode::MirrorPaused);
    assert_eq!(trashed(&lib), 0);
    assert!(names(&folder).is_empty());
}

#[cfg(unix)]
#[test]
fn mirrored_files_are_ordinary_files() {
    use std::os::unix::fs::PermissionsExt;
    let (_d, mut lib, folder) = setup();
    lib.create_article("Ferry", "Text.").unwrap();
    lib.mirror_out(&folder).unwrap();
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&folder.join("ferry.md")), 0o644);
    assert_eq!(mode(&folder.join(super::MIRROR_MARKER)), 0o644);
}
