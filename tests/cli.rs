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
        html.contains(
            r##"<h2 id="hello-world">Hello <strong>world</strong><a href="#hello-world""##
        ),
        "{html}"
    );
    assert!(html.contains("<table>"), "{html}");
    assert!(!html.contains("<script"), "{html}");
    assert_eq!(
        html.trim_end(),
        byline_core::transform::render::render(&std::fs::read_to_string(&file).unwrap()).trim_end()
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
    assert_eq!(
        id, "council-meets",
        "new prints the slug other commands take"
    );
    let article = Library::open(lib).unwrap().find(&id).unwrap();
    assert_eq!(
        (article.title.as_str(), article.body.as_str()),
        ("Council meets", "## Lede\n\nThe council met.")
    );

    let out = byline(&["--library", lib, "status", &id, "in-review"]);
    assert_eq!(stdout(&out).trim(), "“Council meets”: In review");
    assert!(stdout(&byline(&["--library", lib, "list"])).contains("In review"));

    // A wrong status is refused by name, in one line, and nothing changes.
    assert_fails_with(
        &byline(&["--library", lib, "status", &id, "live"]),
        "\"live\" is not a status; use draft, in-review, ready or published",
    );
    assert!(stdout(&byline(&["--library", lib, "list"])).contains("In review"));
    // The article's number works too.
    let number = article.id.0.to_string();
    let out = byline(&["--library", lib, "status", &number, "in-review"]);
    assert!(out.status.success(), "{}", stderr(&out));

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
    assert_fails_with(
        &byline(&["--library", lib, "trash", "no-such-piece"]),
        "no article has the slug \"no-such-piece\"",
    );
    let binary = dir.path().join("photo.md");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    assert_fails_with(
        &byline(&["--library", lib, "new", "--from", binary.to_str().unwrap()]),
        "binary file",
    );
}

fn library_with(dir: &Path, articles: &[(&str, &str)]) -> String {
    let path = dir.join("library.byline");
    let mut lib = Library::open(&path).unwrap();
    for (title, body) in articles {
        lib.create_article(title, body).unwrap();
    }
    path.to_str().unwrap().to_owned()
}

#[test]
fn set_and_show_every_metadata_field() {
    let dir = tempfile::tempdir().unwrap();
    let lib = &library_with(dir.path(), &[("Ferry returns", "The ferry is back.")]);
    let set = |field: &str, value: &str| {
        let out = byline(&["--library", lib, "set", "ferry-returns", field, value]);
        assert!(out.status.success(), "set {field}: {}", stderr(&out));
        stdout(&out)
    };
    assert_eq!(
        set("dek", "After two years, the island is linked again").trim(),
        "“Ferry returns”: dek is now After two years, the island is linked again"
    );
    set("authors", "Ana Ruiz, Tom Lee");
    set("tags", "transport, islands");
    set(
        "description",
        "The island ferry returns after two years, with a new timetable.",
    );
    set("canonical", "https://example.com/ferry-returns");
    set("image", "/images/ferry.jpg");
    set("publish-date", "2026-05-01 09:30");
    set("slug", "Ferry Is Back");

    let out = byline(&["--library", lib, "show", "ferry-is-back"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    for needle in [
        "“Ferry returns”",
        "After two years, the island is linked again",
        "status        Draft since ",
        "slug          ferry-is-back\n",
        "authors       Ana Ruiz, Tom Lee",
        "tags          transport, islands",
        "description   The island ferry returns after two years, with a new timetable. (63 characters)",
        "canonical     https://example.com/ferry-returns",
        "image         /images/ferry.jpg",
        "publish-date  2026-05-01 09:30",
        "The ferry is back.",
    ] {
        assert!(text.contains(needle), "show lacks {needle:?}:\n{text}");
    }

    let out = byline(&["--library", lib, "show", "ferry-is-back", "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["authors"], serde_json::json!(["Ana Ruiz", "Tom Lee"]));
    assert_eq!(json["tags"], serde_json::json!(["transport", "islands"]));
    assert_eq!(json["slug_is_custom"], true);
    assert_eq!(json["body"], "The ferry is back.");

    // Clearing the slug hands it back to the title.
    let out = byline(&["--library", lib, "set", "ferry-is-back", "slug", ""]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&byline(&["--library", lib, "show", "ferry-returns"]))
            .contains("ferry-returns (from the title)")
    );
}

#[test]
fn list_filters_by_status_and_tag_and_sorts() {
    let dir = tempfile::tempdir().unwrap();
    let lib = &library_with(
        dir.path(),
        &[
            ("Zebra crossing", ""),
            ("Apple harvest", ""),
            ("Market day", ""),
        ],
    );
    let run = |args: &[&str]| {
        let mut all = vec!["--library", lib.as_str()];
        all.extend_from_slice(args);
        let out = byline(&all);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    run(&["status", "zebra-crossing", "ready"]);
    run(&["set", "zebra-crossing", "tags", "city"]);
    run(&["set", "market-day", "tags", "City, food"]);

    let ready = run(&["list", "--status", "ready"]);
    assert_eq!(ready.lines().count(), 1, "{ready}");
    assert!(
        ready.starts_with("zebra-crossing") && ready.contains("Ready") && ready.contains("#city"),
        "{ready}"
    );

    let city = run(&["list", "--tag", "city", "--sort", "title"]);
    let titles: Vec<&str> = city
        .lines()
        .map(|l| l.split("  #").next().unwrap())
        .collect();
    assert!(
        titles[0].ends_with("Market day") && titles[1].ends_with("Zebra crossing"),
        "{city}"
    );
    assert_eq!(titles.len(), 2);

    let json: serde_json::Value =
        serde_json::from_str(&run(&["list", "--json", "--sort", "title"])).unwrap();
    let slugs: Vec<&str> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["slug"].as_str().unwrap())
        .collect();
    assert_eq!(slugs, ["apple-harvest", "market-day", "zebra-crossing"]);

    assert!(run(&["list", "--status", "published"]).contains("No articles match these filters"));
    assert_fails_with(
        &byline(&["--library", lib, "list", "--status", "gone"]),
        "\"gone\" is not a status",
    );
    assert_fails_with(
        &byline(&["--library", lib, "list", "--sort", "size"]),
        "\"size\" is not a sort order",
    );
}

#[test]
fn bad_metadata_is_refused_in_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let lib = &library_with(dir.path(), &[("Budget vote", "body"), ("", "")]);
    let before = |slug: &str| Library::open(lib).unwrap().find(slug).unwrap();
    let budget = before("budget-vote");
    let untitled = before("untitled");
    assert_eq!(untitled.title, "", "an empty title is allowed");
    assert!(stdout(&byline(&["--library", lib, "list"])).contains("Untitled"));

    let long = "t".repeat(5000);
    assert_fails_with(
        &byline(&["--library", lib, "set", "budget-vote", "title", &long]),
        "title is 5000 characters long; the limit is 300",
    );
    assert_fails_with(
        &byline(&["--library", lib, "new", "--title", &long]),
        "title is 5000 characters long",
    );
    assert_fails_with(
        &byline(&["--library", lib, "set", "untitled", "slug", "Budget Vote"]),
        "the slug \"budget-vote\" is already used by \"Budget vote\"",
    );
    assert_fails_with(
        &byline(&["--library", lib, "set", "budget-vote", "colour", "red"]),
        "\"colour\" is not a field; use one of title, dek, slug",
    );
    assert_fails_with(
        &byline(&[
            "--library",
            lib,
            "set",
            "budget-vote",
            "canonical",
            "javascript:alert(1)",
        ]),
        "is not a web address",
    );
    assert_fails_with(
        &byline(&[
            "--library",
            lib,
            "set",
            "budget-vote",
            "publish-date",
            "soon",
        ]),
        "is not a date",
    );
    assert_fails_with(
        &byline(&["--library", lib, "status", "budget-vote", "archived"]),
        "is not a status",
    );

    assert_eq!(before("budget-vote"), budget, "nothing changed");
    assert_eq!(before("untitled"), untitled, "nothing changed");
    assert_eq!(
        Library::open(lib).unwrap().list_articles().unwrap().len(),
        2
    );
}

#[test]
fn image_adds_a_picture_once_and_prints_its_markdown() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.byline");
    let png = dir.path().join("city hall.png");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/welcome-image.png"),
        &png,
    )
    .unwrap();
    let lib_arg = lib.to_str().unwrap();
    let out = byline(&["--library", lib_arg, "image", png.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let markdown = stdout(&out);
    assert!(
        markdown.starts_with("![city hall](assets/") && markdown.trim_end().ends_with(".png)"),
        "{markdown}"
    );

    let out = byline(&[
        "--library",
        lib_arg,
        "image",
        png.to_str().unwrap(),
        "--json",
    ]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["added"], false, "the same bytes are stored once");
    assert_eq!(json["mime"], "image/png");

    let text = dir.path().join("notes.png");
    std::fs::write(&text, "not a picture").unwrap();
    assert_fails_with(
        &byline(&["--library", lib_arg, "image", text.to_str().unwrap()]),
        "notes.png cannot be added as an image",
    );
    assert_fails_with(
        &byline(&["--library", lib_arg, "image", "/nonexistent/x.png"]),
        "cannot read /nonexistent/x.png",
    );
    assert_eq!(Library::open(&lib).unwrap().asset_totals().unwrap().0, 1);
}

#[test]
fn history_diff_snapshot_and_restore_a_revision() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.byline");
    let id = {
        let mut library = Library::open(&lib).unwrap();
        let id = library
            .create_article("Ferry", "The ferry leaves at noon.")
            .unwrap()
            .id;
        library.snapshot(id, "first").unwrap();
        library.save_body(id, "The ferry leaves at one.").unwrap();
        id
    };
    let l = lib.to_str().unwrap();
    let out = byline(&["--library", l, "snapshot", "ferry", "--label", "second"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(stdout(&out).trim(), "Kept revision 2.");

    let out = byline(&["--library", l, "history", "ferry"]);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert!(
        lines[0].trim_start().starts_with("2 ") && lines[0].contains("second"),
        "{text}"
    );
    assert!(
        lines[1].contains("Snapshot") && lines[1].contains("first"),
        "{text}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&byline(&["--library", l, "history", "ferry", "--json"]).stdout)
            .unwrap();
    assert_eq!(json[1]["kind"], "snapshot");

    let out = byline(&["--library", l, "diff", "ferry", "1", "2"]);
    assert!(
        stdout(&out).contains("The ferry leaves at [-noon-]{+one+}."),
        "{}",
        stdout(&out)
    );

    let out = byline(&["--library", l, "restore", "ferry", "1"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let library = Library::open(&lib).unwrap();
    assert_eq!(
        library.article(id).unwrap().body,
        "The ferry leaves at noon."
    );
    assert_eq!(library.history(id).unwrap().len(), 3);
    drop(library);

    assert_fails_with(
        &byline(&["--library", l, "restore", "ferry", "9"]),
        "has no revision 9",
    );
    assert_fails_with(
        &byline(&["--library", l, "diff", "ferry", "1", "later"]),
        "not a revision number",
    );
}

#[test]
fn correct_adds_a_note_to_a_published_article_only() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.byline");
    Library::open(&lib)
        .unwrap()
        .create_article("Ferry", "Leaves at noon.")
        .unwrap();
    let l = lib.to_str().unwrap();
    assert_fails_with(
        &byline(&["--library", l, "correct", "ferry", "Fixed the time."]),
        "can only be added to a published article",
    );
    assert!(byline(&["--library", l, "status", "ferry", "published"])
        .status
        .success());
    let out = byline(&["--library", l, "correct", "ferry", "Fixed the time."]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("lists 1 under \"Updates\""),
        "{}",
        stdout(&out)
    );
    assert_fails_with(
        &byline(&["--library", l, "correct", "ferry", "  "]),
        "is empty",
    );
}

#[test]
fn faq_list_add_edit_move_remove_share_and_convert() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with(
        dir.path(),
        &[("Ferries", "Boats.\n\n## FAQ\n\n### Is it late?\n\nOften.\n")],
    );
    let run = |args: &[&str]| {
        let mut all = vec!["--library", lib.as_str(), "faq", "ferries"];
        all.extend_from_slice(args);
        byline(&all)
    };
    let out = run(&["list"]);
    assert!(
        stdout(&out).contains("has no FAQ items"),
        "{}",
        stdout(&out)
    );

    assert!(run(&["add", "When does it run?", "Every **hour**."])
        .status
        .success());
    assert!(run(&["add", "Where?", "Pier 4.", "--at", "1"])
        .status
        .success());
    let list = stdout(&run(&["list"]));
    assert!(
        list.starts_with("1. Where?\n   Pier 4.\n2. When does it run?"),
        "{list}"
    );

    assert!(run(&["edit", "1", "--answer", "Pier 5."]).status.success());
    assert!(run(&["move", "1", "2"]).status.success());
    let json: serde_json::Value = serde_json::from_str(&stdout(&run(&["list", "--json"]))).unwrap();
    assert_eq!(json["items"][0]["question"], "When does it run?");
    assert_eq!(json["items"][1]["answer"], "Pier 5.");
    assert!(json["html"]
        .as_str()
        .unwrap()
        .contains("<strong>hour</strong>"));

    // A duplicate and an empty answer are flagged as warnings.
    assert!(run(&["add", "where", ""]).status.success());
    let list = stdout(&run(&["list"]));
    assert!(list.contains("warning: Question 3 has no answer"), "{list}");
    assert!(
        list.contains("warning: Question 3 repeats question 2"),
        "{list}"
    );
    assert!(run(&["remove", "3"]).status.success());

    // Shared with another article, edited there, seen here.
    assert!(byline(&["--library", &lib, "new", "--title", "Trams"])
        .status
        .success());
    let share = stdout(&run(&["share", "1"]));
    assert!(share.contains("shared block #1"), "{share}");
    let blocks = stdout(&byline(&["--library", &lib, "faq-blocks"]));
    assert!(blocks.contains("When does it run?"), "{blocks}");
    assert!(
        byline(&["--library", &lib, "faq", "trams", "use-shared", "1"])
            .status
            .success()
    );
    let edit = byline(&[
        "--library",
        &lib,
        "faq",
        "trams",
        "edit",
        "1",
        "--answer",
        "Every 30 minutes.",
    ]);
    assert!(
        stdout(&edit).contains("used by 2 articles"),
        "{}",
        stdout(&edit)
    );
    assert!(stdout(&run(&["list"])).contains("Every 30 minutes."));
    let deleted = byline(&["--library", &lib, "faq-blocks", "--delete", "1"]);
    assert!(
        stdout(&deleted).contains("the 2 articles that used it keep their copies"),
        "{}",
        stdout(&deleted)
    );
    assert!(stdout(&run(&["list"])).contains("Every 30 minutes."));
    assert_fails_with(
        &byline(&["--library", &lib, "faq-blocks", "--delete", "1"]),
        "shared FAQ block 1 does not exist",
    );

    // The FAQ section in the body becomes items.
    let out = run(&["convert"]);
    assert!(
        stdout(&out).contains("into 1 FAQ items"),
        "{}",
        stdout(&out)
    );
    let show = stdout(&byline(&["--library", &lib, "show", "ferries"]));
    assert!(!show.contains("## FAQ"), "{show}");

    assert_fails_with(&run(&["remove", "9"]), "has no FAQ item 9; it has 3");
    assert_fails_with(
        &run(&["add", "Two\nlines?", "x"]),
        "question must be one line",
    );
    assert_fails_with(&run(&["edit", "1"]), "nothing to change");
    assert_fails_with(&run(&["convert"]), "does not end with a FAQ section");
    assert_fails_with(&run(&["structured-data", "maybe"]), "not on or off");
    assert!(run(&["structured-data", "off"]).status.success());
    let html = stdout(&byline(&[
        "--library",
        &lib,
        "export",
        "ferries",
        "--format",
        "html",
    ]));
    assert!(!html.contains("FAQPage") && html.contains("byline-faq"));
}

#[test]
fn import_reports_each_file_and_export_writes_every_format() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.byline");
    let lib = lib.to_str().unwrap();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
    let out = byline(&["--library", lib, "import", fixtures, "--faq", "detect"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let report = stdout(&out);
    assert!(
        report.contains("created") && report.contains("→ ferry-fares"),
        "{report}"
    );
    assert!(report.contains("kept: weight, params"), "{report}");
    assert!(report.contains("2 images copied"), "{report}");

    // Again: updates, no duplicates.
    let again = stdout(&byline(&[
        "--library",
        lib,
        "import",
        fixtures,
        "--json",
        "--faq",
        "detect",
    ]));
    let json: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(json["created"], 0);
    assert_eq!(json["updated"], 5);

    let out_dir = dir.path().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    for format in ["html", "fragment", "md-yaml", "md-toml", "json", "text"] {
        let path = out_dir.join(format!("walk.{format}"));
        let out = byline(&[
            "--library",
            lib,
            "export",
            "harbour-walk",
            "--format",
            format,
            "-o",
            path.to_str().unwrap(),
        ]);
        assert!(out.status.success(), "{format}: {}", stderr(&out));
        let written = std::fs::read_to_string(&path).unwrap();
        assert!(written.contains("harbour"), "{format}: {written}");
    }
    // The images the page shows are shipped beside it.
    let assets: Vec<_> = std::fs::read_dir(out_dir.join("assets")).unwrap().collect();
    assert_eq!(assets.len(), 2);
    // Printed without -o; the export is kept in history.
    let md = stdout(&byline(&[
        "--library",
        lib,
        "export",
        "ferry-fares",
        "-f",
        "md-yaml",
    ]));
    assert!(
        md.starts_with("---\ntitle: Ferry fares rise by 10% in June\n"),
        "{md}"
    );
    assert!(
        md.contains("faq:\n- question: When do the new fares start?"),
        "{md}"
    );
    let history = stdout(&byline(&["--library", lib, "history", "ferry-fares"]));
    assert!(history.contains("exported as md-yaml"), "{history}");

    assert_fails_with(
        &byline(&["--library", lib, "export", "ferry-fares", "--format", "pdf"]),
        "\"pdf\" is not a format",
    );
}

#[test]
fn import_of_bad_files_exits_non_zero_after_importing_the_good_ones() {
    let dir = tempfile::tempdir().unwrap();
    let lib = dir.path().join("lib.byline");
    let lib = lib.to_str().unwrap();
    let posts = dir.path().join("posts");
    std::fs::create_dir(&posts).unwrap();
    std::fs::write(posts.join("good.md"), "---\ntitle: Good\n---\nFine.\n").unwrap();
    std::fs::write(posts.join("bad.md"), "+++\ntitle = \"Never closed\"\n").unwrap();
    let out = byline(&["--library", lib, "import", posts.to_str().unwrap()]);
    assert_fails_with(&out, "1 of 2 files could not be imported");
    assert!(
        stdout(&out).contains("front matter opened with +++ on line 1 is never closed"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&byline(&["--library", lib, "list"])).contains("Good"));

    let out = byline(&[
        "--library",
        lib,
        "import",
        "--atomic",
        posts.to_str().unwrap(),
    ]);
    assert_fails_with(&out, "nothing was imported (--atomic)");
    assert_fails_with(
        &byline(&[
            "--library",
            lib,
            "import",
            "--faq",
            "guess",
            posts.to_str().unwrap(),
        ]),
        "not a mode",
    );
}

#[test]
fn export_site_builds_a_static_site_of_one_status() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with(
        dir.path(),
        &[("Published one", "Hello."), ("A draft", "Later.")],
    );
    assert!(
        byline(&["--library", &lib, "status", "published-one", "published"])
            .status
            .success()
    );
    let site = dir.path().join("site");
    let out = byline(&[
        "--library",
        &lib,
        "export",
        "--status",
        "published",
        "--site",
        site.to_str().unwrap(),
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Exported 1 articles"),
        "{}",
        stdout(&out)
    );
    assert!(site.join("published-one/index.html").is_file());
    assert!(!site.join("a-draft").exists());
    assert!(site.join("feed.xml").is_file());
    assert_fails_with(
        &byline(&[
            "--library",
            &lib,
            "export",
            "--site",
            dir.path().to_str().unwrap(),
        ]),
        "files Byline did not write",
    );
    assert_fails_with(
        &byline(&[
            "--library",
            &lib,
            "export",
            "--status",
            "gone",
            "--site",
            site.to_str().unwrap(),
        ]),
        "is not a status",
    );
}

#[test]
fn mirror_keeps_a_folder_in_step_until_interrupted() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_with(dir.path(), &[("Ferry fares", "Old text.")]);
    let folder = dir.path().join("mirror");
    let mut child = Command::new(BYLINE)
        .args(["--library", &lib, "mirror", folder.to_str().unwrap()])
        .env_remove("BYLINE_LIBRARY")
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let file = folder.join("ferry-fares.md");
    let wait = |what: &str, check: &dyn Fn() -> bool| {
        let start = std::time::Instant::now();
        while !check() {
            assert!(
                start.elapsed().as_secs() < 15,
                "timed out waiting for {what}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    };
    wait("the file", &|| file.exists());
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("Old text.", "Edited in another editor."),
    )
    .unwrap();
    wait("the edit", &|| {
        Library::open(&lib)
            .unwrap()
            .find("ferry-fares")
            .unwrap()
            .body
            == "Edited in another editor."
    });
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    let printed = stdout(&out);
    assert!(printed.starts_with("Mirroring into "), "{printed}");
    assert!(
        printed.contains("read an edit from ferry-fares.md"),
        "{printed}"
    );
    assert_fails_with(
        &byline(&["--library", &lib, "mirror", dir.path().to_str().unwrap()]),
        "cannot be the folder the library file is in",
    );
}
