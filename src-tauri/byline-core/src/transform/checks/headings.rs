//! Headings: the page's `h1` is the title, so the body starts at level 2;
//! levels go down one at a time; none is empty; no two share their text
//! (their anchors would be `part` and `part-1`, and links meant for the
//! second land on the first).

use std::collections::HashMap;

use super::source::Doc;
use super::{quote, Fix, Sink};

pub(super) fn check(doc: &Doc<'_>, sink: &mut Sink<'_>) {
    // The title is the page's level 1.
    let mut previous = 1u8;
    let mut seen: HashMap<String, usize> = HashMap::new();
    for heading in &doc.headings {
        let place = doc.place(heading.span);
        let text = heading.text.trim();
        if heading.level == 1 {
            let markdown = doc.slice(heading.span);
            // `# Part` becomes `## Part`; a setext heading is left to the writer.
            let fix = markdown.starts_with('#').then(|| Fix {
                label: "Make it a level 2 heading".into(),
                replacement: format!("#{}", markdown.trim_end_matches('\n')),
            });
            sink.push(
                "heading.extra_h1",
                place.clone(),
                "The title is the page's top-level heading; make this one level 2 or lower.".into(),
                fix,
            );
        } else if heading.level > previous + 1 {
            sink.push(
                "heading.skipped_level",
                place.clone(),
                format!(
                    "This heading is level {} after level {previous}; screen readers announce the gap.",
                    heading.level
                ),
                None,
            );
        }
        previous = heading.level;
        if text.is_empty() {
            sink.push(
                "heading.empty",
                place,
                "This heading has no text.".into(),
                None,
            );
            continue;
        }
        let key = text.to_lowercase();
        if let Some(first) = seen.get(&key) {
            sink.push(
                "heading.duplicate",
                place,
                format!(
                    "\"{}\" is also the heading on line {first}; links to it land on the first.",
                    quote(text, 40)
                ),
                None,
            );
        } else {
            seen.insert(key, doc.pos(heading.span.0).line as usize);
        }
    }
}
