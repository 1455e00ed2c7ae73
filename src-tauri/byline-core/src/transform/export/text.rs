//! The plain-text export, and Markdown read as plain text.

use super::Input;
use crate::domain::article::UNTITLED;
use crate::transform::lines::collapse_blank_lines;
use crate::transform::render::{self, Syntax};

/// Plain text: title, dek, the body without Markdown, the FAQ.
pub fn text(input: &Input<'_>) -> String {
    let a = input.article;
    let mut out = String::new();
    out.push_str(if a.meta.title.is_empty() {
        UNTITLED
    } else {
        &a.meta.title
    });
    out.push_str("\n\n");
    if !a.meta.dek.is_empty() {
        out.push_str(&a.meta.dek);
        out.push_str("\n\n");
    }
    out.push_str(&plain_text(&a.body));
    if !a.faq.is_empty() {
        out.push_str(&input.site.faq_heading);
        out.push_str("\n\n");
        for f in &a.faq {
            out.push_str(&f.question);
            out.push_str("\n\n");
            out.push_str(&plain_text(&f.answer));
        }
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('\n');
    out
}

/// Markdown as a reader would read it aloud: text, code and link text,
/// one blank line between blocks, list items on their own lines.
pub fn plain_text(markdown: &str) -> String {
    use comrak::nodes::NodeValue;
    let arena = comrak::Arena::new();
    let options = render::comrak_options(Syntax::PlainText);
    let root = comrak::parse_document(&arena, markdown, &options);
    let mut out = String::new();
    for edge in root.traverse() {
        match edge {
            comrak::arena_tree::NodeEdge::Start(node) => match &node.data.borrow().value {
                NodeValue::Text(t) => out.push_str(t),
                NodeValue::Code(c) => out.push_str(&c.literal),
                NodeValue::CodeBlock(c) => out.push_str(&c.literal),
                NodeValue::SoftBreak => out.push(' '),
                NodeValue::LineBreak => out.push('\n'),
                NodeValue::Item(_) | NodeValue::TaskItem(_) => out.push_str("• "),
                NodeValue::TableCell => out.push('\t'),
                NodeValue::Alert(alert) => {
                    let label = alert
                        .title
                        .clone()
                        .unwrap_or_else(|| render::alert_label(alert.alert_type).to_owned());
                    out.push_str(&label);
                    out.push_str(": ");
                }
                _ => {}
            },
            comrak::arena_tree::NodeEdge::End(node) => match &node.data.borrow().value {
                NodeValue::Paragraph
                    if node.parent().is_some_and(|p| {
                        matches!(
                            p.data.borrow().value,
                            NodeValue::Item(_) | NodeValue::TaskItem(_)
                        )
                    }) =>
                {
                    out.push('\n')
                }
                NodeValue::Paragraph
                | NodeValue::Heading(_)
                | NodeValue::CodeBlock(_)
                | NodeValue::List(_)
                | NodeValue::Table(_) => out.push_str("\n\n"),
                NodeValue::TableRow(_) => out.push('\n'),
                NodeValue::ThematicBreak => out.push_str("\n"),
                _ => {}
            },
        }
    }
    // Nested blocks leave runs of blank lines behind.
    let tidy = collapse_blank_lines(&out);
    let start = tidy.len() - tidy.trim_start_matches('\n').len();
    let mut tidy = tidy[start..].to_owned();
    if !tidy.ends_with("\n\n") && !tidy.is_empty() {
        tidy.push('\n');
    }
    tidy
}
