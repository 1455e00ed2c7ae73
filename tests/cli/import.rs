//! `import`, and `export` of what was imported in every format.

use crate::support::{assert_fails_with, stderr, stdout, TestLibrary};

#[test]
fn import_reports_each_file_and_export_writes_every_format() {
    let lib = TestLibrary::new();
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/import");
    let out = lib.run(&["import", fixtures, "--faq", "detect"]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let report = stdout(&out);
    assert!(
        report.contains("created") && report.contains("→ ferry-fares"),
        "{report}"
    );
    assert!(report.contains("kept: weight, params"), "{report}");
    assert!(report.contains("2 images copied"), "{report}");

    // Again: updates, no duplicates.
    let again = stdout(&lib.run(&["import", fixtures, "--json", "--faq", "detect"]));
    let json: serde_json::Value = serde_json::from_str(&again).unwrap();
    assert_eq!(json["created"], 0);
    assert_eq!(json["updated"], 5);

    let out_dir = lib.dir().join("out");
    std::fs::create_dir(&out_dir).unwrap();
    for format in ["html", "fragment", "md-yaml", "md-toml", "json", "text"] {
        let path = out_dir.join(format!("walk.{format}"));
        let out = lib.run(&[
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
    let md = stdout(&lib.run(&["export", "ferry-fares", "-f", "md-yaml"]));
    assert!(
        md.starts_with("---\ntitle: Ferry fares rise by 10% in June\n"),
        "{md}"
    );
    assert!(
        md.contains("faq:\n- question: When do the new fares start?"),
        "{md}"
    );
    let history = stdout(&lib.run(&["history", "ferry-fares"]));
    assert!(history.contains("exported as md-yaml"), "{history}");

    assert_fails_with(
        &lib.run(&["export", "ferry-fares", "--format", "pdf"]),
        "\"pdf\" is not a format",
    );
}

#[test]
fn import_of_bad_files_exits_non_zero_after_importing_the_good_ones() {
    let lib = TestLibrary::new();
    let posts = lib.dir().join("posts");
    std::fs::create_dir(&posts).unwrap();
    std::fs::write(posts.join("good.md"), "---\ntitle: Good\n---\nFine.\n").unwrap();
    std::fs::write(posts.join("bad.md"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let out = lib.run(&["import", posts.to_str().unwrap()]);
    assert_fails_with(&out, "1 of 2 files could not be imported");
    assert!(stdout(&out).contains("binary"), "{}", stdout(&out));
    assert!(stdout(&lib.run(&["list"])).contains("Good"));

    let out = lib.run(&["import", "--atomic", posts.to_str().unwrap()]);
    assert_fails_with(&out, "nothing was imported (--atomic)");
    assert_fails_with(
        &lib.run(&["import", "--faq", "guess", posts.to_str().unwrap()]),
        "not a mode",
    );
}

/// The real blogs' quirks, as first confirmed with this command: nothing
/// is dropped, and each quirk is a warning in the report.
#[test]
fn quirky_posts_all_come_in_with_warnings() {
    let lib = TestLibrary::new();
    let blog = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/blogs/jekyll");
    let out = lib.run(&["import", blog]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let report = stdout(&out);
    assert!(report.contains("→ jekyll-4-3-3-released"), "{report}");
    assert!(
        report.contains("warning: the date \"2023-01-29 18:30:22 2023 -0800\""),
        "{report}"
    );
    assert!(
        report.contains("warning: the slug development-update is used by \"Development update\"; this post got development-update-2"),
        "{report}"
    );
}

/// Hostile files as first confirmed with this command: an alias bomb is
/// refused for its file (it once took 7 s and 1.2 GB, or aborted), a link
/// loop and a FIFO do not stop the import, a linked file outside the
/// folder is not read.
#[cfg(unix)]
#[test]
fn hostile_files_are_refused_one_by_one() {
    use std::os::unix::fs::symlink;
    let lib = TestLibrary::new();
    let posts = lib.dir().join("posts");
    std::fs::create_dir(&posts).unwrap();
    std::fs::write(posts.join("good.md"), "---\ntitle: Good\n---\n").unwrap();
    let items: Vec<String> = (0..200).map(|i| format!("\"item {i}\"")).collect();
    let mut bomb = format!("---\ntitle: Bomb\nbase: &a [{}]\n", items.join(", "));
    for i in 0..4000 {
        bomb.push_str(&format!("k{i}: [*a, *a, *a, *a, *a, *a, *a, *a]\n"));
    }
    std::fs::write(posts.join("bomb.md"), bomb + "---\n").unwrap();
    symlink("..", posts.join("up")).unwrap();
    symlink("/etc/hostname", posts.join("hostname.md")).unwrap();
    let made = std::process::Command::new("mkfifo")
        .arg(posts.join("a.md"))
        .status()
        .unwrap();
    assert!(made.success());

    let out = lib.run(&["import", posts.to_str().unwrap()]);
    assert_fails_with(&out, "3 of 4 files could not be imported");
    let report = stdout(&out);
    assert!(
        report.contains("created") && report.contains("good.md"),
        "{report}"
    );
    assert!(report.contains("more than 20000 values"), "{report}");
    assert!(report.contains("not a regular file"), "{report}");
    assert!(report.contains("outside the folder"), "{report}");
}
