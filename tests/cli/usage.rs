//! Help, usage errors, refused argument values, and the window.

use std::process::Command;

use crate::support::{assert_fails_with, byline, stderr, stdout, TestLibrary, BYLINE};

#[test]
fn help_documents_every_command_and_the_library_option() {
    let out = byline(&["--help"]);
    assert!(out.status.success());
    let help = stdout(&out);
    for needle in [
        "list",
        "render",
        "--library",
        "BYLINE_LIBRARY",
        "open the window",
    ] {
        assert!(help.contains(needle), "--help lacks {needle:?}:\n{help}");
    }
}

#[test]
fn the_window_without_a_display_says_how_to_run_it() {
    let out = TestLibrary::named("l.byline")
        .command()
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    assert_fails_with(&out, "xvfb-run");
}

#[test]
fn unknown_commands_fail_with_usage() {
    let out = byline(&["publish-everything"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("unrecognized subcommand"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn a_refused_argument_value_is_one_line_and_opens_no_library() {
    let lib = TestLibrary::new();
    for (args, reason) in [
        (
            &["list", "--status", "live"][..],
            "\"live\" is not a status; use draft, in-review, ready or published",
        ),
        (&["list", "--sort", "size"], "\"size\" is not a sort order"),
        (&["status", "x", "archived"], "\"archived\" is not a status"),
        (&["set", "x", "colour", "red"], "\"colour\" is not a field"),
        (
            &["export", "x", "--format", "pdf"],
            "\"pdf\" is not a format",
        ),
        (
            &["export", "--site", "out", "--status", "gone"],
            "\"gone\" is not a status",
        ),
        (
            &["diff", "x", "1", "later"],
            "\"later\" is not a revision number",
        ),
        (
            &["import", "--faq", "guess", "post.md"],
            "--faq \"guess\" is not a mode",
        ),
        (
            &["faq", "x", "structured-data", "maybe"],
            "\"maybe\" is not on or off",
        ),
    ] {
        let out = lib.run(args);
        assert_fails_with(&out, reason);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        // Refused while the arguments are read, before anything is opened:
        // the library file is not even created.
        assert!(!lib.path().exists(), "{args:?} opened the library");
    }
}

#[test]
fn a_value_that_is_not_a_number_stays_a_usage_error() {
    let out = TestLibrary::new().run(&["restore", "x", "two"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("invalid value 'two'"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn version_manual_and_completions_come_from_the_binary() {
    let lib = TestLibrary::new();
    let out = lib.run(&["--version"]);
    assert!(out.status.success());
    assert_eq!(
        stdout(&out).trim(),
        format!("byline {}", env!("CARGO_PKG_VERSION"))
    );

    let out = lib.run(&["man"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let page = stdout(&out);
    assert!(page.contains(".TH byline 1"), "{page}");
    assert!(page.contains(".SH \"BYLINE EXPORT\""), "{page}");

    for shell in ["bash", "zsh", "fish"] {
        let out = lib.run(&["completions", shell]);
        assert!(out.status.success(), "{shell}: {}", stderr(&out));
        assert!(stdout(&out).contains("backups"), "{shell}");
    }
    // A shell clap does not know is a usage error, as clap prints them.
    let out = lib.run(&["completions", "tcsh"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("possible values: bash"),
        "{}",
        stderr(&out)
    );
}

/// What a file manager runs when a library is double-clicked: the desktop
/// entry's `byline %f`, the file as the only argument.
#[test]
fn a_library_file_as_the_argument_opens_the_window_on_it() {
    let lib = TestLibrary::named("Double clicked.byline");
    let out = Command::new(BYLINE)
        .arg(lib.path())
        .env_remove("BYLINE_LIBRARY")
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    // Taken for the window (which needs a display here), not a command.
    assert_fails_with(&out, "xvfb-run");
    assert!(!stderr(&out).contains("unrecognized"), "{}", stderr(&out));
}

#[test]
fn a_mistyped_command_is_not_taken_for_a_library() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BYLINE)
        .arg("lst")
        .current_dir(dir.path())
        .env_remove("BYLINE_LIBRARY")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("unrecognized subcommand 'lst'"), "{err}");
    assert!(
        err.contains(".byline"),
        "says what a library file is: {err}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        0,
        "created a file"
    );
}

#[test]
fn a_library_file_and_a_command_together_are_refused() {
    let lib = TestLibrary::named("x.byline");
    let out = byline(&[lib.arg(), "list"]);
    assert_fails_with(&out, "use --library");
    assert!(!lib.path().exists(), "opened the library");
}
