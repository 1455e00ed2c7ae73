//! `render`: the preview's HTML for a file or standard input.

use std::process::Command;

use crate::support::{assert_fails_with, byline, stderr, stdout, BYLINE};

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
fn render_drops_script_urls_hidden_behind_separators_and_controls() {
    // Issue 22, as it was found: hostile links through `byline render`.
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("post.md");
    std::fs::write(
        &file,
        "<a href='\u{2028}javascript:alert(1)'>one</a> \
         <a href='\u{A0}javascript:alert(1)'>two</a> \
         <a href='\u{3000}javascript:alert(1)'>three</a> \
         <a href=\"\u{1}java\u{3}script:alert(1)\">four</a> \
         <a href=\"&#106avascript&colon;alert(1)\">five</a> \
         <a href=\"https://example.com/\">kept</a>\n",
    )
    .unwrap();
    let out = byline(&["render", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = stdout(&out);
    for text in ["one", "two", "three", "four", "five"] {
        assert!(
            html.contains(&format!("<a rel=\"noopener noreferrer\">{text}</a>")),
            "{html}"
        );
    }
    assert_eq!(html.matches("href=").count(), 1, "{html}");
    assert!(html.contains(r#"href="https://example.com/""#), "{html}");
}
