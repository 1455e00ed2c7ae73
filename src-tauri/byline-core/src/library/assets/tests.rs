use super::*;

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("lib.byline")).unwrap();
    (dir, lib)
}

/// The PNG signature and a header chunk: enough to be recognised as PNG.
fn png(seed: u8) -> Vec<u8> {
    let mut bytes = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    bytes.extend([seed; 40]);
    bytes
}

#[test]
fn an_image_is_stored_once_under_its_content_hash() {
    let (_dir, mut lib) = library();
    let first = lib.store_image("Team photo_2024.png", &png(1)).unwrap();
    assert!(first.added);
    assert_eq!(first.mime, "image/png");
    let name = first.path.strip_prefix("assets/").unwrap();
    assert_eq!(name.len(), 32 + ".png".len(), "{name}");
    assert_eq!(
        first.markdown,
        format!("![Team photo 2024]({})", first.path)
    );

    // The same bytes under another name: the same path, nothing added.
    let again = lib.store_image("copy.png", &png(1)).unwrap();
    assert!(!again.added);
    assert_eq!(again.path, first.path);
    let other = lib.store_image("other.png", &png(2)).unwrap();
    assert_ne!(other.path, first.path);
    let (count, size) = lib.asset_totals().unwrap();
    assert_eq!(count, 2);
    assert_eq!(size, 2 * png(1).len() as u64);

    let asset = lib.asset(name).unwrap().expect("stored");
    assert_eq!(asset.mime, "image/png");
    assert_eq!(asset.bytes, png(1));
}

#[test]
fn formats_are_recognised_by_their_bytes_not_their_names() {
    let (_dir, mut lib) = library();
    let jpeg = [&[0xFF, 0xD8, 0xFF, 0xE0][..], &[0; 20]].concat();
    assert!(lib
        .store_image("photo.png", &jpeg)
        .unwrap()
        .path
        .ends_with(".jpg"));
    let gif = [&b"GIF89a"[..], &[0; 20]].concat();
    assert!(lib.store_image("a", &gif).unwrap().path.ends_with(".gif"));
    let webp = [&b"RIFF\0\0\0\0WEBPVP8 "[..], &[0; 20]].concat();
    assert!(lib
        .store_image("a.webp", &webp)
        .unwrap()
        .path
        .ends_with(".webp"));
}

#[test]
fn svg_text_empty_and_oversized_files_are_refused_with_a_reason() {
    let (_dir, mut lib) = library();
    let svg = b"<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    let err = lib.store_image("logo.svg", svg).unwrap_err();
    assert_eq!(err.code(), "unsupported_image");
    assert!(err.to_string().contains("logo.svg"), "{err}");
    assert!(err.to_string().contains("SVG"), "{err}");

    assert!(lib.store_image("notes.txt", b"just text").is_err());
    assert!(lib
        .store_image("empty.png", b"")
        .unwrap_err()
        .to_string()
        .contains("empty"));

    let mut huge = png(3);
    huge.resize(MAX_IMAGE_BYTES + 1, 0);
    let err = lib.store_image("huge.png", &huge).unwrap_err();
    assert!(err.to_string().contains("the limit is 20 MB"), "{err}");
    assert_eq!(lib.asset_totals().unwrap(), (0, 0), "nothing was stored");
}

#[test]
fn only_well_formed_asset_names_are_looked_up() {
    let (_dir, mut lib) = library();
    let stored = lib.store_image("a.png", &png(4)).unwrap();
    let name = stored.path.strip_prefix("assets/").unwrap();
    assert!(lib.asset(name).unwrap().is_some());
    for bad in [
        "",
        "x",
        "../lib.byline",
        &name.replace(".png", ".svg"),
        &name.replace(".png", ".jpg"),
        &format!("{name}/x"),
        &name[1..],
    ] {
        assert!(lib.asset(bad).unwrap().is_none(), "{bad:?}");
    }
}

#[test]
fn alt_text_comes_from_the_file_name() {
    assert_eq!(
        alt_from_name("C:\\Users\\me\\city-hall_at night.jpeg"),
        "city hall at night"
    );
    assert_eq!(alt_from_name("[x].png"), "x");
    assert_eq!(alt_from_name("image.png"), "image");
    assert_eq!(alt_from_name(""), "");
}
