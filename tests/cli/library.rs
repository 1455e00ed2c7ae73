//! Which library the command line opens, and the files it refuses to.

use std::path::Path;
use std::process::Command;

use byline_core::Library;

use crate::support::{assert_fails_with, stderr, stdout, TestLibrary, BYLINE};

#[test]
fn the_environment_variable_chooses_the_library_and_the_flag_wins_over_it() {
    let seeded = TestLibrary::seeded();
    let other = TestLibrary::named("other.byline");
    let out = Command::new(BYLINE)
        .args(["list"])
        .env("BYLINE_LIBRARY", seeded.path())
        .output()
        .unwrap();
    assert!(stdout(&out).contains("Newest piece"), "{}", stderr(&out));
    let out = other
        .command()
        .arg("list")
        .env("BYLINE_LIBRARY", seeded.path())
        .output()
        .unwrap();
    assert!(stdout(&out).contains("No articles yet"), "{}", stdout(&out));
}

#[test]
fn the_default_library_lives_in_the_platform_data_directory() {
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(BYLINE)
        .arg("list")
        .env_remove("BYLINE_LIBRARY")
        .env("HOME", home.path())
        .env("XDG_DATA_HOME", home.path().join("data"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(home.path().join("data/byline/library.byline").is_file());
}

#[test]
fn a_file_that_is_not_a_library_is_refused_and_kept() {
    let notes = TestLibrary::named("notes.txt");
    let notes_path = notes.path();
    std::fs::write(notes_path, "my notes, not a database").unwrap();
    assert_fails_with(&notes.run(&["list"]), "is not a Byline library");
    assert_eq!(
        std::fs::read_to_string(notes_path).unwrap(),
        "my notes, not a database"
    );
}

#[test]
fn a_library_from_a_newer_byline_is_refused_with_advice() {
    let future = TestLibrary::named("future.byline");
    make_future_library(future.path());
    let before = std::fs::read(future.path()).unwrap();
    assert_fails_with(&future.run(&["list"]), "update Byline");
    assert_eq!(std::fs::read(future.path()).unwrap(), before);
}

/// Makes a library whose schema version is beyond this build's, by bumping a
/// real library's header field (`user_version` lives at offset 60).
fn make_future_library(path: &Path) {
    drop(Library::open(path).unwrap());
    let mut bytes = std::fs::read(path).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(path, bytes).unwrap();
}
