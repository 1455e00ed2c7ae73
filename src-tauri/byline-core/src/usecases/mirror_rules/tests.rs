//! The mirror's rules, driven by hand: no watcher, so every step is exact.
//! `watch/tests.rs` runs the same through the real notify watcher.

use super::*;
use crate::domain::article::ArticleField;

fn setup() -> (tempfile::TempDir, Library, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path().join("lib.byline")).unwrap();
    let folder = lib
        .set_mirror_folder(Some(&dir.path().join("mirror")))
        .unwrap()
        .unwrap();
    (dir, lib, folder)
}

fn edit_file(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{text}");
    std::fs::write(path, text.replace(from, to)).unwrap();
}

#[test]
fn articles_are_written_once_and_own_writes_are_not_edits() {
    let (_d, mut lib, folder) = setup();
    let a = lib.create_article("Ferry fares", "Fares rise.").unwrap();
    lib.add_faq_item(
        a.id,
        &crate::domain::faq::QuestionAnswer::new("When?", "June."),
        None,
    )
    .unwrap();
    let changes = lib.mirror_out(&folder).unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].kind, MirrorChangeKind::Written);
    let file = folder.join("ferry-fares.md");
    let text = std::fs::read_to_string(&file).unwrap();
    assert!(text.starts_with("---\ntitle: Ferry fares\n"), "{text}");
    assert!(
        text.contains("faq:\n- question: When?\n  answer: June."),
        "{text}"
    );
    assert!(text.ends_with("\n\nFares rise."), "{text}");

    // Nothing changed: nothing written; the watcher's echo is not an edit.
    assert!(lib.mirror_out(&folder).unwrap().is_empty());
    assert!(lib.mirror_file_is_known(&folder, &file).unwrap());
    assert_eq!(lib.mirror_in(&folder, &file).unwrap(), None);
    assert!(lib
        .history(a.id)
        .unwrap()
        .iter()
        .all(|r| r.kind != RevisionKind::ExternalEdit));

    // A save writes it again.
    lib.save_body(a.id, "Fares rise in June.").unwrap();
    assert_eq!(lib.mirror_out(&folder).unwrap().len(), 1);
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .ends_with("Fares rise in June."));
    // No temporary files left behind: the file and the folder's marker.
    let mut names: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    names.sort();
    assert_eq!(names, [".byline-mirror", "ferry-fares.md"]);
}

#[test]
fn an_external_edit_becomes_a_revision_and_the_article_text() {
    let (_d, mut lib, folder) = setup();
    let a = lib.create_article("Ferry", "Old text.").unwrap();
    lib.mirror_out(&folder).unwrap();
    let file = folder.join("ferry.md");
    edit_file(&file, "Old text.", "New text from vim.");
    assert!(!lib.mirror_file_is_known(&folder, &file).unwrap());
    let change = lib.mirror_in(&folder, &file).unwrap().unwrap();
    assert_eq!(change.kind, MirrorChangeKind::ExternalEdit);
    assert_eq!(lib.article(a.id).unwrap().body, "New text from vim.");
    let history = lib.history(a.id).unwrap();
    assert_eq!(history[0].kind, RevisionKind::ExternalEdit);
    assert!(history
        .iter()
        .any(|r| lib.revision_state(a.id, r.number).unwrap().body == "Old text."));
    // Reading it again, or writing out, changes nothing.
    assert_eq!(lib.mirror_in(&folder, &file).unwrap(), None);
    assert!(lib.mirror_out(&folder).unwrap().is_empty());
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("New text from vim."));
}

#[test]
fn an_edit_to_the_front_matter_changes_the_fields() {
    let (_d, mut lib, folder) = setup();
    let a = lib.create_article("Ferry", "Text.").unwrap();
    lib.mirror_out(&folder).unwrap();
    let file = folder.join("ferry.md");
    edit_file(
        &file,
        "title: Ferry\n",
        "title: Ferry fares\ntags:\n- transport\n",
    );
    lib.mirror_in(&folder, &file).unwrap().unwrap();
    let a = lib.article(a.id).unwrap();
    assert_eq!(a.meta.title, "Ferry fares");
    assert_eq!(a.meta.tags, ["transport"]);
    assert_eq!(a.meta.slug, "ferry", "the file's name keeps the slug");
}

#[test]
fn a_new_file_is_a_new_article_and_a_deleted_one_trashes_its_article() {
    let (_d, mut lib, folder) = setup();
    let file = folder.join("night-market.md");
    std::fs::write(&file, "---\ntitle: Night market\n---\n\nStalls at six.\n").unwrap();
    let change = lib.mirror_in(&folder, &file).unwrap().unwrap();
    assert_eq!(change.kind, MirrorChangeKind::Created);
    let a = lib.find("night-market").unwrap();
    assert_eq!(a.body, "Stalls at six.\n");
    // Its own file is not written again on the way out.
    assert!(lib.mirror_out(&folder).unwrap().is_empty());

    std::fs::remove_file(&file).unwrap();
    let change = lib.mirror_in(&folder, &file).unwrap().unwrap();
    assert_eq!(change.kind, MirrorChangeKind::Trashed);
    let a = lib.article(a.id).unwrap();
    assert!(a.trashed_at.is_some());
    assert_eq!(a.body, "Stalls at six.\n", "the text is kept in the trash");
    assert!(
        lib.mirror_out(&folder).unwrap().is_empty(),
        "no file is recreated"
    );
}

#[test]
fn renaming_moves_the_file_and_trashing_moves_it_into_the_trash_folder() {
    let (_d, mut lib, folder) = setup();
    let a = lib.create_article("Ferry", "Text.").unwrap();
    lib.mirror_out(&folder).unwrap();
    lib.set_field(a.id, ArticleField::Slug, "ferry-fares")
        .unwrap();
    lib.mirror_out(&folder).unwrap();
    assert!(!folder.join("ferry.md").exists());
    assert!(folder.join("ferry-fares.md").exists());

    lib.trash(a.id).unwrap();
    let changes = lib.mirror_out(&folder).unwrap();
    assert_eq!(changes[0].kind, MirrorChangeKind::MovedToTrash);
    assert!(!folder.join("ferry-fares.md").exists());
    assert!(folder.join(MIRROR_TRASH).join("ferry-fares.md").exists());
    // Deleting for good deletes nothing in the folder.
    lib.delete_forever(a.id).unwrap();
    lib.mirror_out(&folder).unwrap();
    assert!(folder.join(MIRROR_TRASH).join("ferry-fares.md").exists());
}

#[test]
fn when_both_sides_changed_both_are_kept_and_the_file_is_left_alone() {
    let (_d, mut lib, folder) = setup();
    let a = lib.create_article("Ferry", "Base text.").unwrap();
    lib.mirror_out(&folder).unwrap();
    let file = folder.join("ferry.md");
    // The window saved an edit the file does not have yet…
    lib.save_body(a.id, "Base text. Typed in the window.")
        .unwrap();
    // …and the file was edited elsewhere first.
    edit_file(&file, "Base text.", "Base text. Written in vim.");
    let change = lib.mirror_in(&folder, &file).unwrap().unwrap();
    assert_eq!(change.kind, MirrorChangeKind::Conflict);
    assert_eq!(
        lib.article(a.id).unwrap().body,
        "Base text. Typed in the window.",
        "nothing applied"
    );
    let conflict = &lib.mirror_conflicts().unwrap()[0];
    assert_eq!(conflict.article, a.id);
    let mine = lib.revision_state(a.id, conflict.library_revision).unwrap();
    let theirs = lib.revision_state(a.id, conflict.file_revision).unwrap();
    assert_eq!(mine.body, "Base text. Typed in the window.");
    assert_eq!(theirs.body, "Base text. Written in vim.");
    let diff = lib
        .compare_revisions(
            a.id,
            conflict.library_revision,
            Some(conflict.file_revision),
        )
        .unwrap();
    assert!(diff.words_added > 0 && diff.words_removed > 0);

    // Until the writer chooses, the file is not written over, even after
    // more typing.
    lib.save_body(a.id, "Base text. Typed in the window, more.")
        .unwrap();
    lib.mirror_out(&folder).unwrap();
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("Written in vim."));

    // Taking the file's side puts its text in; the window's stays in history.
    lib.resolve_mirror_conflict(a.id, ConflictChoice::File)
        .unwrap();
    assert_eq!(
        lib.article(a.id).unwrap().body,
        "Base text. Written in vim."
    );
    assert!(lib.mirror_conflicts().unwrap().is_empty());
    lib.mirror_out(&folder).unwrap();
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("Written in vim."));
    let bodies: Vec<String> = lib
        .history(a.id)
        .unwrap()
        .iter()
        .map(|r| lib.revision_state(a.id, r.number).unwrap().body)
        .collect();
    assert!(
        bodies
            .iter()
            .any(|b| b == "Base text. Typed in the window, more."),
        "{bodies:?}"
    );
}

#[test]
fn keeping_the_library_side_writes_it_over_the_file() {
    let (_d, mut lib, folder) = setup();
    let a = lib.create_article("Ferry", "Base.").unwrap();
    lib.mirror_out(&folder).unwrap();
    let file = folder.join("ferry.md");
    lib.save_body(a.id, "Mine.").unwrap();
    edit_file(&file, "Base.", "Theirs.");
    lib.mirror_in(&folder, &file).unwrap();
    lib.resolve_mirror_conflict(a.id, ConflictChoice::Library)
        .unwrap();
    lib.mirror_out(&folder).unwrap();
    assert!(std::fs::read_to_string(&file).unwrap().ends_with("Mine."));
    assert_eq!(lib.mirror_in(&folder, &file).unwrap(), None);
}

#[test]
fn a_folder_that_already_has_files_is_read_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("m");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(
        folder.join("ferry.md"),
        "---\ntitle: Ferry\n---\n\nFrom git.\n",
    )
    .unwrap();
    let mut lib = Library::open(dir.path().join("lib.byline")).unwrap();
    let a = lib.create_article("Ferry", "In the library.").unwrap();
    let folder = lib.set_mirror_folder(Some(&folder)).unwrap().unwrap();
    // mirror_out meets a file it has never read: it reads it instead of
    // writing over it, and both differ, so both are kept.
    let changes = lib.mirror_out(&folder).unwrap();
    assert_eq!(changes[0].kind, MirrorChangeKind::Conflict);
    assert!(std::fs::read_to_string(folder.join("ferry.md"))
        .unwrap()
        .contains("From git."));
    assert_eq!(lib.article(a.id).unwrap().body, "In the library.");
}

#[test]
fn unreadable_files_are_errors_and_change_nothing() {
    let (_d, mut lib, folder) = setup();
    let a = lib.create_article("Ferry", "Text.").unwrap();
    lib.mirror_out(&folder).unwrap();
    let file = folder.join("ferry.md");
    std::fs::write(&file, "---\ntitle: [broken\n---\n").unwrap();
    let err = lib.mirror_in(&folder, &file).unwrap_err();
    assert_eq!(err.code(), "front_matter_invalid");
    std::fs::write(&file, b"\xff\xfe binary\0").unwrap();
    assert!(lib.mirror_in(&folder, &file).is_err());
    assert_eq!(lib.article(a.id).unwrap().body, "Text.");
    // Hidden, temporary and backup files are not articles.
    for name in [".ferry.md.swp", "ferry.md~", "notes.txt", ".tmpXYZ"] {
        let p = folder.join(name);
        std::fs::write(&p, "x").unwrap();
        assert_eq!(lib.mirror_in(&folder, &p).unwrap(), None, "{name}");
    }
}

#[test]
fn the_mirror_folder_setting_can_be_turned_off_and_refuses_the_library_folder() {
    let (d, mut lib, folder) = setup();
    assert_eq!(lib.mirror_folder().unwrap(), Some(folder));
    lib.set_mirror_folder(None).unwrap();
    assert_eq!(lib.mirror_folder().unwrap(), None);
    let err = lib.set_mirror_folder(Some(d.path())).unwrap_err();
    assert_eq!(err.code(), "invalid_input");
}

/// A save that lands while the mirror is writing the previous text must
/// still be written out: the mirror remembers the edit time of the text it
/// wrote, not whatever the article says by the time it records the write.
/// Two connections race here the way the app's window and the mirror
/// thread do; with the old bookkeeping some round lost its save for good.
#[test]
fn a_save_during_a_mirror_write_is_written_on_the_next_pass() {
    let (dir, mut lib, folder) = setup();
    let id = lib.create_article("Ferry", "Round 0.").unwrap().id;
    lib.mirror_out(&folder).unwrap();
    let file = folder.join("ferry.md");
    let lib_path = dir.path().join("lib.byline");
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let mirror = {
        let (stop, folder) = (stop.clone(), folder.clone());
        std::thread::spawn(move || {
            let mut lib = Library::open(&lib_path).unwrap();
            while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                lib.mirror_out(&folder).unwrap();
            }
        })
    };
    for round in 1..=60 {
        let text = format!("Round {round}.");
        lib.save_body(id, &text).unwrap();
        let start = std::time::Instant::now();
        // Saving the moment the file shows the text is the race: the
        // mirror thread may not have recorded its write yet.
        while !std::fs::read_to_string(&file).unwrap().ends_with(&text) {
            assert!(
                start.elapsed() < std::time::Duration::from_secs(5),
                "round {round}: the save never reached the file"
            );
            std::thread::yield_now();
        }
    }
    stop.store(true, std::sync::atomic::Ordering::Relaxed);
    mirror.join().unwrap();
}
