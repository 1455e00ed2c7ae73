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
    std::fs::write(posts.join("bad.md"), "+++\ntitle = \"Never closed\"\n").unwrap();
    let out = lib.run(&["import", posts.to_str().unwrap()]);
    assert_fails_with(&out, "1 of 2 files could not be imported");
    assert!(
        stdout(&out).contains("front matter opened with +++ on line 1 is never closed"),
        "{}",
        stdout(&out)
    );
    assert!(stdout(&lib.run(&["list"])).contains("Good"));

    let out = lib.run(&["import", "--atomic", posts.to_str().unwrap()]);
    assert_fails_with(&out, "nothing was imported (--atomic)");
    assert_fails_with(
        &lib.run(&["import", "--faq", "guess", posts.to_str().unwrap()]),
        "not a mode",
    );
}
