//! The body parsed once for the checks: headings with the anchors the page
//! will give them, links, images, paragraphs, text runs and footnotes, each
//! with its byte range in the Markdown.
//!
//! It parses with `render::comrak_options(Syntax::Published)`, so anchors
//! and footnotes are the published page's, plus two parse-only switches
//! that change no output anywhere else: unresolved reference links are kept
//! as links to a marker address (so they can be placed), and unreferenced
//! footnote definitions stay in the tree (so they can be reported).

use std::sync::Arc;

use comrak::nodes::{AstNode, NodeValue, Sourcepos};
use comrak::options::BrokenLinkReference;
use comrak::{Anchorizer, Arena, ResolvedReference};

use super::{Place, Pos};
use crate::transform::render::{comrak_options, Syntax};

/// Marks a link whose reference has no definition. Not a scheme a writer
/// could type and have resolved: a definition would have won.
const UNRESOLVED: &str = "\u{0}byline-unresolved:";

pub(super) struct Heading {
    pub level: u8,
    pub text: String,
    pub anchor: String,
    pub span: (usize, usize),
}

pub(super) struct Link {
    pub url: String,
    pub text: String,
    /// Whether an image is (part of) the link's content.
    pub has_image: bool,
    pub span: (usize, usize),
}

pub(super) struct UnresolvedRef {
    pub label: String,
    pub span: (usize, usize),
}

pub(super) struct Image {
    pub url: String,
    pub alt: String,
    pub span: (usize, usize),
}

pub(super) struct Paragraph {
    pub text: String,
    pub span: (usize, usize),
}

/// A literal run of text; `start` is its byte offset in the body when the
/// run is written there as is (no escapes or entities), so a word found in
/// it can be placed exactly.
pub(super) struct TextRun {
    pub text: String,
    pub start: Option<usize>,
    pub span: (usize, usize),
}

pub(super) struct FootnoteDef {
    pub name: String,
    pub references: u32,
    pub span: (usize, usize),
}

pub(super) struct Doc<'s> {
    pub body: &'s str,
    line_starts: Vec<usize>,
    pub headings: Vec<Heading>,
    pub links: Vec<Link>,
    pub unresolved: Vec<UnresolvedRef>,
    pub images: Vec<Image>,
    pub paragraphs: Vec<Paragraph>,
    pub texts: Vec<TextRun>,
    pub footnotes: Vec<FootnoteDef>,
    /// `[^name]` written in the text with no `[^name]: …` anywhere (comrak
    /// leaves such a reference as text).
    pub undefined_footnotes: Vec<(String, (usize, usize))>,
}

fn unresolved(reference: BrokenLinkReference<'_>) -> Option<ResolvedReference> {
    // `[^name]` is a footnote reference: comrak asks here before it looks
    // for the footnote, so a link made here would hide every footnote.
    if reference.original.starts_with('^') {
        return None;
    }
    Some(ResolvedReference {
        url: format!("{UNRESOLVED}{}", reference.original),
        title: String::new(),
    })
}

impl<'s> Doc<'s> {
    pub fn parse(body: &'s str) -> Doc<'s> {
        let mut line_starts = vec![0];
        line_starts.extend(body.match_indices('\n').map(|(i, _)| i + 1));
        let mut doc = Doc {
            body,
            line_starts,
            headings: Vec::new(),
            links: Vec::new(),
            unresolved: Vec::new(),
            images: Vec::new(),
            paragraphs: Vec::new(),
            texts: Vec::new(),
            footnotes: Vec::new(),
            undefined_footnotes: Vec::new(),
        };
        let mut options = comrak_options(Syntax::Published);
        options.parse.broken_link_callback = Some(Arc::new(unresolved));
        options.parse.leave_footnote_definitions = true;
        let arena = Arena::new();
        let root = comrak::parse_document(&arena, body, &options);
        let mut anchors = Anchorizer::new();
        for node in root.descendants() {
            doc.visit(node, &mut anchors);
        }
        doc.undefined_footnotes = doc.find_undefined_footnotes();
        doc
    }

    /// Every `[^name]` whose `^name` is prose (not code, not a footnote
    /// reference comrak resolved, not a definition).
    fn find_undefined_footnotes(&self) -> Vec<(String, (usize, usize))> {
        let in_text = |at: usize| self.texts.iter().any(|t| t.span.0 <= at && at < t.span.1);
        let mut out = Vec::new();
        for (at, _) in self.body.match_indices("[^") {
            let rest = &self.body[at + 2..];
            let Some(len) = rest.find(']') else { continue };
            let name = &rest[..len];
            if name.is_empty() || name.contains(char::is_whitespace) || !in_text(at + 1) {
                continue;
            }
            out.push((name.to_string(), (at, at + 2 + len + 1)));
        }
        out
    }

    fn visit<'a>(&mut self, node: &'a AstNode<'a>, anchors: &mut Anchorizer) {
        let data = node.data();
        let span = self.span(data.sourcepos);
        match &data.value {
            NodeValue::Heading(h) => {
                let text = node.collect_text();
                self.headings.push(Heading {
                    level: h.level,
                    anchor: anchors.anchorize(&text),
                    text,
                    span,
                });
            }
            NodeValue::Link(link) => {
                if let Some(label) = link.url.strip_prefix(UNRESOLVED) {
                    self.unresolved.push(UnresolvedRef {
                        label: label.to_string(),
                        span,
                    });
                } else {
                    self.links.push(Link {
                        url: link.url.clone(),
                        text: node.collect_text(),
                        has_image: node
                            .descendants()
                            .any(|d| matches!(d.data().value, NodeValue::Image(_))),
                        span,
                    });
                }
            }
            NodeValue::Image(image) => self.images.push(Image {
                url: image.url.clone(),
                alt: node.collect_text(),
                span,
            }),
            NodeValue::Paragraph => self.paragraphs.push(Paragraph {
                text: node.collect_text(),
                span,
            }),
            NodeValue::Text(text) => {
                let start = (span.0 + text.len() <= self.body.len()
                    && self.body.get(span.0..span.0 + text.len()) == Some(&text[..]))
                .then_some(span.0);
                self.texts.push(TextRun {
                    text: text.to_string(),
                    start,
                    span,
                });
            }
            NodeValue::FootnoteDefinition(def) => self.footnotes.push(FootnoteDef {
                name: def.name.clone(),
                references: def.total_references,
                span,
            }),
            _ => {}
        }
    }

    /// Byte offset of a 1-based line and byte column.
    fn offset(&self, line: usize, column: usize) -> usize {
        let Some(&start) = self.line_starts.get(line.saturating_sub(1)) else {
            return self.body.len();
        };
        (start + column.saturating_sub(1)).min(self.body.len())
    }

    /// A node's source position as a byte range, the end exclusive.
    fn span(&self, pos: Sourcepos) -> (usize, usize) {
        let start = self.offset(pos.start.line, pos.start.column);
        let mut end = if pos.end.line == 0 {
            start
        } else {
            (self.offset(pos.end.line, pos.end.column) + 1).min(self.body.len())
        };
        while !self.body.is_char_boundary(end) {
            end += 1;
        }
        (start.min(end), end.max(start))
    }

    pub fn pos(&self, offset: usize) -> Pos {
        let offset = offset.min(self.body.len());
        let line = self.line_starts.partition_point(|&s| s <= offset).max(1);
        let start = self.line_starts[line - 1];
        let column = self
            .body
            .get(start..offset)
            .map_or(offset - start, |s| s.chars().count());
        Pos {
            line: line as u32,
            column: column as u32 + 1,
        }
    }

    pub fn place(&self, span: (usize, usize)) -> Place {
        // A range that ends with a line break is shown up to the break.
        let mut end = span.1;
        if end > span.0 && self.body.as_bytes().get(end - 1) == Some(&b'\n') {
            end -= 1;
        }
        Place::Body {
            start: self.pos(span.0),
            end: self.pos(end),
        }
    }

    /// The Markdown a span covers.
    pub fn slice(&self, span: (usize, usize)) -> &str {
        self.body.get(span.0..span.1).unwrap_or("")
    }
}
