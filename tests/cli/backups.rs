//! `backup`, `backups`, `doctor`, and a damaged library, against real files.

use std::io::{Seek, SeekFrom, Write};
use std::path::Path;

use crate::support::{assert_fails_with, stderr, stdout, TestLibrary};

/// A library big enough to damage pages in the middle of.
fn sizeable() -> TestLibrary {
    TestLibrary::with(&[
        (
            "Harbour ferries",
            &"The zebra crossing by the pier. ".repeat(3000),
        ),
        ("Second piece", "Short."),
    ])
}

/// Overwrites pages in the middle of a real file with garbage.
fn damage(path: &Path) {
    let mut file = std::fs::OpenOptions::new().write(true).open(path).unwrap();
    for page in [1u64, 2, 3] {
        file.seek(SeekFrom::Start(page * 4096)).unwrap();
        file.write_all(&[0xA5; 4096]).unwrap();
    }
    file.sync_all().unwrap();
}

/// The path `byline backup` printed.
fn backed_up_to(out: &std::process::Output) -> String {
    assert!(out.status.success(), "{}", stderr(out));
    let text = stdout(out);
    let rest = text
        .strip_prefix("Backed up to ")
        .unwrap_or_else(|| panic!("{text}"));
    rest[..rest.find(" (").unwrap()].to_string()
}

#[test]
fn backup_makes_a_checked_copy_that_backups_lists() {
    let library = sizeable();
    let path = backed_up_to(&library.run(&["backup"]));
    assert!(
        path.starts_with(library.dir().join("library-backups").to_str().unwrap()),
        "{path}"
    );
    assert!(path.ends_with("-manual.byline"), "{path}");
    let copy = byline_core::Library::open(&path).unwrap();
    assert!(copy.find("harbour-ferries").is_ok());

    let out = library.run(&["backups"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listed = stdout(&out);
    assert_eq!(listed.lines().count(), 1, "{listed}");
    assert!(
        listed.contains(&path) && listed.contains("made by hand"),
        "{listed}"
    );
    assert!(listed.contains(" KB"), "the size: {listed}");

    let out = library.run(&["backups", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["path"], path.as_str());
    assert_eq!(json[0]["reason"], "manual");
    assert!(json[0]["bytes"].as_u64().unwrap() > 0);
}

#[test]
fn backups_says_when_there_are_none_and_where_they_will_go() {
    let library = sizeable();
    let out = library.run(&["backups"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).starts_with("No backups yet in "),
        "{}",
        stdout(&out)
    );
}

#[test]
fn the_backup_folder_can_be_chosen_and_put_back() {
    let library = sizeable();
    let chosen = library.dir().join("safe place");
    let out = library.run(&["backups", "folder", chosen.to_str().unwrap()]);
    assert_eq!(
        stdout(&out).trim(),
        chosen.to_str().unwrap(),
        "{}",
        stderr(&out)
    );
    let path = backed_up_to(&library.run(&["backup"]));
    assert!(Path::new(&path).starts_with(&chosen), "{path}");
    let out = library.run(&["backups", "folder", "--beside"]);
    assert!(
        stdout(&out).trim().ends_with("library-backups"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn restoring_a_backup_keeps_the_current_library_first() {
    let library = sizeable();
    let path = backed_up_to(&library.run(&["backup"]));
    assert!(library.run(&["trash", "second-piece"]).status.success());

    let out = library.run(&["backups", "restore", &path]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("kept in ") && said.contains("before-restore"),
        "{said}"
    );
    let lib = library.open();
    assert!(lib.find("second-piece").unwrap().trashed_at.is_none());
    let kept = said
        .trim()
        .rsplit("kept in ")
        .next()
        .unwrap()
        .trim_end_matches('.');
    let old = byline_core::Library::open(kept).unwrap();
    assert!(old.find("second-piece").unwrap().trashed_at.is_some());
}

#[test]
fn restoring_something_that_is_not_a_backup_is_refused_in_one_line() {
    let library = sizeable();
    let notes = library.dir().join("notes.byline");
    std::fs::write(&notes, "not a database at all, just some words").unwrap();
    assert_fails_with(
        &library.run(&["backups", "restore", notes.to_str().unwrap()]),
        "cannot restore",
    );
    assert!(library.open().find("second-piece").is_ok());
}

#[test]
fn a_damaged_library_is_refused_in_one_line_naming_its_newest_good_backup() {
    let library = sizeable();
    let backup = backed_up_to(&library.run(&["backup"]));
    damage(library.path());
    let before = std::fs::read(library.path()).unwrap();

    for args in [&["list"][..], &["new", "--title", "Another"], &["doctor"]] {
        let out = library.run(args);
        assert_fails_with(&out, "is damaged");
        let line = stderr(&out);
        assert!(line.contains(&backup), "{args:?}: {line}");
        assert!(line.contains("left as it is"), "{line}");
    }
    assert_eq!(
        std::fs::read(library.path()).unwrap(),
        before,
        "never written to"
    );
}

#[test]
fn a_damaged_library_without_a_backup_says_so() {
    let library = sizeable();
    damage(library.path());
    assert_fails_with(&library.run(&["list"]), "no good backup");
}

#[test]
fn doctor_passes_a_sound_library() {
    let library = sizeable();
    let out = library.run(&["doctor"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    for line in [
        "File integrity: ok",
        "Search index: ok",
        "Revisions: ok",
        "Images: ok",
    ] {
        assert!(said.contains(line), "{said}");
    }
}

#[test]
fn doctor_finds_a_search_index_out_of_step_and_repair_rebuilds_it_after_a_backup() {
    let library = sizeable();
    {
        let conn = rusqlite::Connection::open(library.path()).unwrap();
        conn.execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, dek, body, faq_text)
             SELECT 'delete', id, title, dek, body, faq_text FROM articles WHERE slug = 'harbour-ferries'",
            [],
        )
        .unwrap();
    }
    let out = library.run(&["doctor"]);
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains("Search index: 1 problem"),
        "{}",
        stdout(&out)
    );
    assert_eq!(stderr(&out).lines().count(), 1);
    assert!(stderr(&out).contains("--repair"), "{}", stderr(&out));

    let out = library.run(&["doctor", "--repair"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("Backed up to ") && said.contains("before-repair"),
        "{said}"
    );
    assert!(said.contains("Rebuilt the search index."), "{said}");
    let found = library.run(&["search", "zebra"]);
    assert!(
        stdout(&found).contains("Harbour ferries"),
        "{}",
        stdout(&found)
    );
    assert!(library.run(&["doctor"]).status.success());
}
