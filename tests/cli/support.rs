//! The one fixture: a temporary library and a `byline` that opens it, plus
//! what every test reads from a finished run.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use byline_core::Library;

pub const BYLINE: &str = env!("CARGO_BIN_EXE_byline");

/// `byline` with no library chosen, and none inherited from the caller.
pub fn byline(args: &[&str]) -> Output {
    Command::new(BYLINE)
        .args(args)
        .env_remove("BYLINE_LIBRARY")
        .output()
        .unwrap()
}

/// A library file in a temporary folder of its own (removed on drop); the
/// file does not exist until something opens it.
pub struct TestLibrary {
    dir: tempfile::TempDir,
    path: PathBuf,
}

impl TestLibrary {
    pub fn new() -> Self {
        TestLibrary::named("library.byline")
    }

    /// A library file with this name, for tests about the file itself.
    pub fn named(file: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(file);
        TestLibrary { dir, path }
    }

    /// A library holding these articles (title, body), created in order.
    pub fn with(articles: &[(&str, &str)]) -> Self {
        let library = TestLibrary::new();
        let mut lib = library.open();
        for (title, body) in articles {
            lib.create_article(title, body).unwrap();
        }
        library
    }

    /// Two articles edited a moment apart: "Older piece" (three words),
    /// then "Newest piece" (two).
    pub fn seeded() -> Self {
        let library = TestLibrary::new();
        let mut lib = library.open();
        lib.create_article("Older piece", "one two three").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(5));
        lib.create_article("Newest piece", "## Hello **world**")
            .unwrap();
        library
    }

    /// The temporary folder the library file is in, for the test's files.
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The path as `--library` takes it.
    pub fn arg(&self) -> &str {
        self.path.to_str().unwrap()
    }

    pub fn open(&self) -> Library {
        Library::open(&self.path).unwrap()
    }

    /// `byline --library THIS …`, ready for more arguments.
    pub fn command(&self) -> Command {
        let mut command = Command::new(BYLINE);
        command
            .arg("--library")
            .arg(&self.path)
            .env_remove("BYLINE_LIBRARY");
        command
    }

    /// Runs `byline --library THIS ARGS…` to the end.
    pub fn run(&self, args: &[&str]) -> Output {
        self.command().args(args).output().unwrap()
    }
}

pub fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A failure is a non-zero exit with exactly one line that says why.
pub fn assert_fails_with(out: &Output, needle: &str) {
    assert!(
        !out.status.success(),
        "expected failure, got success: {}",
        stdout(out)
    );
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "one line expected, got:\n{err}");
    assert!(err.starts_with("byline: "), "{err}");
    assert!(err.contains(needle), "{err:?} should mention {needle:?}");
    assert!(!err.contains("panicked"), "{err}");
}
