//! `image`: pictures into the asset store.

use crate::support::{assert_fails_with, stderr, stdout, TestLibrary};

#[test]
fn image_adds_a_picture_once_and_prints_its_markdown() {
    let lib = TestLibrary::new();
    let png = lib.dir().join("city hall.png");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/assets/welcome-image.png"),
        &png,
    )
    .unwrap();
    let out = lib.run(&["image", png.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let markdown = stdout(&out);
    assert!(
        markdown.starts_with("![city hall](assets/") && markdown.trim_end().ends_with(".png)"),
        "{markdown}"
    );

    let out = lib.run(&["image", png.to_str().unwrap(), "--json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["added"], false, "the same bytes are stored once");
    assert_eq!(json["mime"], "image/png");

    let text = lib.dir().join("notes.png");
    std::fs::write(&text, "not a picture").unwrap();
    assert_fails_with(
        &lib.run(&["image", text.to_str().unwrap()]),
        "notes.png cannot be added as an image",
    );
    assert_fails_with(
        &lib.run(&["image", "/nonexistent/x.png"]),
        "cannot read /nonexistent/x.png",
    );
    assert_eq!(lib.open().asset_totals().unwrap().0, 1);
}
