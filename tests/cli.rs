//! The `byline` command line, run as a user would: the built binary, a
//! temporary library, real files.

use std::path::Path;
use std::process::{Command, Output};

use byline_core::Library;

const BYLINE: &str = env!("CARGO_BIN_EXE_byline");

fn byline(args: &[&str]) -> Output {
    Command::new(BYLINE)
        .args(args)
        .env_remove("BYLINE_LIBRARY")
        .output()
        .unwrap()
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).unwrap()
}

/// A failure is a non-zero exit with exactly one line that says why.
fn assert_fails_with(out: &Output, needle: &str) {
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

fn seeded_library(dir: &Path) -> std::path::PathBuf {
    let path = dir.join("library.byline");
    let mut lib = Library::open(&path).unwrap();
    lib.create_article("Older piece", "one two three").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    lib.create_article("Newest piece", "## Hello **world**")
        .unwrap();
    path
}

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
fn list_prints_articles_newest_first() {
    let dir = tempfile::tempdir().unwrap();
    let lib = seeded_library(dir.path());
    let out = byline(&["--library", lib.to_str().unwrap(), "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].ends_with("Newest piece") && lines[0].contains("2 words"),
        "{text}"
    );
    assert!(
        lines[1].ends_with("Older piece") && lines[1].contains("3 words"),
        "{text}"
    );
}

#[test]
fn list_json_is_machine_readable() {
    let dir = tempfile::tempdir().unwrap();
    let lib = seeded_library(dir.path());
    let out = byline(&["list", "--json", "--library", lib.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let titles: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Newest piece", "Older piece"]);
    assert!(
        json[0]["updated_at"].as_str().unwrap().ends_with('Z'),
        "times are UTC: {json}"
    );
}

#[test]
fn the_environment_variable_chooses_the_library_and_the_flag_wins_over_it() {
    let dir = tempfile::tempdir().unwrap();
    let seeded = seeded_library(dir.path());
    let other = dir.path().join("other.byline");
    let out = Command::new(BYLINE)
        .args(["list"])
        .env("BYLINE_LIBRARY", &seeded)
        .output()
        .unwrap();
    assert!(stdout(&out).contains("Newest piece"), "{}", stderr(&out));
    let out = Command::new(BYLINE)
        .args(["--library", other.to_str().unwrap(), "list"])
        .env("BYLINE_LIBRARY", &seeded)
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
fn render_prints_the_preview_html() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("post.md");
    std::fs::write(
        &file,
        "## Hello **world**\n\n<script>alert(1)</script>\n\n| a |\n|---|\n| b |\n",
    )
    .unwrap();
    let out = byline(&["render", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    assert!(
        html.contains("<h2>Hello <strong>world</strong></h2>"),
        "{html}"
    );
    assert!(html.contains("<table>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert_eq!(
        html.trim_end(),
        byline_core::render::render(&std::fs::read_to_string(&file).unwrap()).trim_end()
    );
}

#[test]
fn render_reads_standard_input() {
    use std::io::Write;
    let mut child = Command::new(BYLINE)
        .args(["render", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"*hi*").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(stdout(&out).trim(), "<p><em>hi</em></p>");
}

#[test]
fn render_refuses_bad_files_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let binary = dir.path().join("photo.md");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    assert_fails_with(
        &byline(&["render", binary.to_str().unwrap()]),
        "binary file",
    );

    let latin1 = dir.path().join("latin1.md");
    std::fs::write(&latin1, b"caf\xe9").unwrap();
    assert_fails_with(
        &byline(&["render", latin1.to_str().unwrap()]),
        "not valid UTF-8",
    );

    assert_fails_with(&byline(&["render", "/no/such/file.md"]), "/no/such/file.md");
}

#[test]
fn a_file_that_is_not_a_library_is_refused_and_kept() {
    let dir = tempfile::tempdir().unwrap();
    let notes = dir.path().join("notes.txt");
    std::fs::write(&notes, "my notes, not a database").unwrap();
    assert_fails_with(
        &byline(&["--library", notes.to_str().unwrap(), "list"]),
        "is not a Byline library",
    );
    assert_eq!(
        std::fs::read_to_string(&notes).unwrap(),
        "my notes, not a database"
    );
}

#[test]
fn a_library_from_a_newer_byline_is_refused_with_advice() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.byline");
    make_future_library(&path);
    let before = std::fs::read(&path).unwrap();
    assert_fails_with(
        &byline(&["--library", path.to_str().unwrap(), "list"]),
        "update Byline",
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// Makes a library whose schema version is beyond this build's, by bumping a
/// real library's header field (`user_version` lives at offset 60).
fn make_future_library(path: &Path) {
    drop(Library::open(path).unwrap());
    let mut bytes = std::fs::read(path).unwrap();
    bytes[60..64].copy_from_slice(&999u32.to_be_bytes());
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn the_window_without_a_display_says_how_to_run_it() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(BYLINE)
        .args(["--library", dir.path().join("l.byline").to_str().unwrap()])
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
fn search_finds_ranked_results_with_snippets() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&path).unwrap();
        lib.create_article("Weekend notes", "The council budget passed on Tuesday.")
            .unwrap();
        lib.create_article("Budget vote delayed", "Nothing else.")
            .unwrap();
        lib.create_article("Café culture", "Espresso.").unwrap();
    }
    let lib = path.to_str().unwrap();
    let out = byline(&["--library", lib, "search", "budget"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let titles: Vec<&str> = text.lines().filter(|l| !l.starts_with("       ")).collect();
    assert_eq!(titles.len(), 2, "{text}");
    assert!(
        titles[0].ends_with("Budget vote delayed"),
        "title hits rank first: {text}"
    );
    assert!(
        text.contains("The council budget passed on Tuesday."),
        "{text}"
    );

    let out = byline(&["--library", lib, "search", "cafe", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json[0]["article"]["title"], "Café culture");

    let out = byline(&["--library", lib, "search", "nothing-like-this"]);
    assert!(out.status.success());
    assert!(
        stdout(&out).contains("No articles match"),
        "{}",
        stdout(&out)
    );

    assert_fails_with(
        &byline(&["--library", lib, "search", &"x".repeat(500)]),
        "limit is 200",
    );
}

#[test]
fn new_status_trash_and_restore_work_on_the_same_library() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("library.byline");
    let lib = lib.to_str().unwrap();
    let draft = dir.path().join("draft.md");
    std::fs::write(&draft, "## Lede\n\nThe council met.").unwrap();

    let out = byline(&[
        "--library",
        lib,
        "new",
        "--title",
        "Council meets",
        "--from",
        draft.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();
    let article = Library::open(lib)
        .unwrap()
        .article(byline_core::ArticleId(id.parse().unwrap()))
        .unwrap();
    assert_eq!(
        (article.title.as_str(), article.body.as_str()),
        ("Council meets", "## Lede\n\nThe council met.")
    );

    let out = byline(&["--library", lib, "status", &id, "in-review"]);
    assert_eq!(stdout(&out).trim(), "“Council meets”: In review");
    assert!(stdout(&byline(&["--library", lib, "list"])).contains("In review"));

    // A wrong status is refused by name, and nothing changes.
    let out = byline(&["--library", lib, "status", &id, "live"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("use draft, in-review, ready or published"),
        "{}",
        stderr(&out)
    );

    let out = byline(&["--library", lib, "trash", &id]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&byline(&["--library", lib, "list"])).contains("No articles yet"));
    assert!(stdout(&byline(&["--library", lib, "list", "--trash"])).contains("Council meets"));
    assert_fails_with(
        &byline(&["--library", lib, "status", &id, "ready"]),
        "in the trash; restore it first",
    );

    assert!(byline(&["--library", lib, "restore", &id]).status.success());
    let listed = stdout(&byline(&["--library", lib, "list"]));
    assert!(
        listed.contains("Council meets") && listed.contains("In review"),
        "{listed}"
    );
    assert!(stdout(&byline(&["--library", lib, "list", "--trash"])).contains("The trash is empty"));

    assert_fails_with(
        &byline(&["--library", lib, "trash", "999"]),
        "does not exist",
    );
    let binary = dir.path().join("photo.md");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    assert_fails_with(
        &byline(&["--library", lib, "new", "--from", binary.to_str().unwrap()]),
        "binary file",
    );
}
