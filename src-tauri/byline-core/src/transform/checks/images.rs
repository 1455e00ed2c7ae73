//! Images in the body: alt text missing, or saying nothing a reader can use.

use super::source::Doc;
use super::{quote, Sink};

/// Alt texts that describe nothing.
const USELESS: &[&str] = &[
    "image",
    "img",
    "photo",
    "picture",
    "pic",
    "screenshot",
    "graphic",
    "figure",
    "alt",
    "untitled",
    "placeholder",
];

pub(super) fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    for image in &doc.images {
        let alt = image.alt.trim();
        let place = doc.place(image.span);
        if alt.is_empty() {
            sink.push(
                "image.alt_missing",
                place,
                "This image has no alt text; describe it for readers who cannot see it.".into(),
                None,
            );
        } else if is_useless(alt, &image.url) {
            sink.push(
                "image.alt_useless",
                place,
                format!(
                    "The alt text \"{}\" does not describe the image.",
                    quote(alt, 40)
                ),
                None,
            );
        }
    }
}

fn is_useless(alt: &str, url: &str) -> bool {
    let lower = alt.to_lowercase();
    let lower = lower.trim_end_matches('.');
    if USELESS.contains(&lower) {
        return true;
    }
    // The file name, with or without its extension: "IMG_2041.jpg".
    let path = url.split(['?', '#']).next().unwrap_or(url);
    let file = path.rsplit('/').next().unwrap_or(path).to_lowercase();
    let stem = file.rsplit_once('.').map_or(file.as_str(), |(s, _)| s);
    if !file.is_empty() && (lower == file || lower == stem) {
        return true;
    }
    // A camera's or a screenshot tool's name: IMG_1234, DSC0042, Screenshot 2026-…
    let has_letters_then_digits = lower.starts_with("img")
        || lower.starts_with("dsc")
        || lower.starts_with("screenshot ")
        || lower.starts_with("screen shot ");
    has_letters_then_digits && lower.chars().filter(char::is_ascii_digit).count() >= 3
}
