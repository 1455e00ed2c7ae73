//! Finding a FAQ section written as plain Markdown at the end of an article.
//!
//! Writers often close an article with `## FAQ` and a run of questions, as
//! headings or as bold lines, each followed by its answer. [`detect`] finds
//! such a section so the app can offer to turn it into structured FAQ items.
//!
//! Detection is deliberately conservative: it answers `None` whenever
//! converting could lose or reshape something the writer wrote (an intro
//! paragraph before the first question, a question without an answer, a
//! section followed by more of the article). Answers are cut out of the
//! source line by line rather than re-serialised from the syntax tree, so
//! they keep the writer's exact Markdown.

use std::borrow::Cow;

use comrak::nodes::{AstNode, NodeValue};
use serde::Serialize;
use ts_rs::TS;

use crate::domain::faq::QuestionAnswer;
use crate::transform::render::{comrak_options, Syntax};

/// A FAQ section found at the end of an article's Markdown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DetectedFaq {
    /// The section heading's text as written ("FAQ", "Frequently asked questions").
    pub heading: String,
    pub items: Vec<QuestionAnswer>,
    /// The article's Markdown with the whole section (heading included)
    /// removed, trailing blank lines trimmed to a single "\n" at the end (or
    /// empty).
    pub body_without: String,
}

/// Section headings that announce a FAQ, compared after [`normalize_heading`].
const FAQ_HEADINGS: &[&str] = &[
    "frequently asked questions",
    "faq",
    "faqs",
    "f.a.q.",
    "f.a.q.s",
    "questions and answers",
    "q&a",
    "q & a",
    "common questions",
];

/// The FAQ section closing `markdown`, or `None` when the article does not
/// end with one that converts cleanly.
pub fn detect(markdown: &str) -> Option<DetectedFaq> {
    let source = SourceLines::new(markdown);
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, markdown, &comrak_options(Syntax::Published));
    let blocks = top_level_blocks(root, &source);

    let section_index = blocks.iter().rposition(|block| match &block.kind {
        BlockKind::Heading { text, .. } => is_faq_heading(text),
        _ => false,
    })?;
    let section = &blocks[section_index];
    let BlockKind::Heading {
        level: section_level,
        text: heading,
    } = &section.kind
    else {
        return None;
    };
    let section_level = *section_level;
    let after = &blocks[section_index + 1..];

    // A heading at the section's level or above starts another part of the
    // article, so the FAQ is not what the article ends with.
    let ends_article = after.iter().all(|block| match block.kind {
        BlockKind::Heading { level, .. } => level > section_level,
        _ => true,
    });
    if !ends_article {
        return None;
    }

    let style = QuestionStyle::of_first(after.first()?, section_level)?;
    let questions: Vec<(usize, Question)> = after
        .iter()
        .enumerate()
        .filter_map(|(index, block)| Some((index, style.question(block)?)))
        .collect();

    // Anything between the heading and the first question (even a link
    // reference definition, which leaves no node) would have nowhere to go.
    let first_question_line = questions.first()?.1.first_line;
    if !source.all_blank(section.last_line + 1, first_question_line) {
        return None;
    }

    let mut items = Vec::with_capacity(questions.len());
    for (position, (block_index, question)) in questions.iter().enumerate() {
        let next_block_index = questions
            .get(position + 1)
            .map_or(after.len(), |(next, _)| *next);
        let answer_blocks = &after[block_index + 1..next_block_index];
        let answer = answer_text(
            &source,
            question,
            answer_blocks,
            after.get(next_block_index),
        );
        if question.text.is_empty() || answer.is_empty() {
            return None;
        }
        items.push(QuestionAnswer::new(question.text.clone(), answer));
    }

    let body_end = source.start_of_line(section.first_line);
    let (body, section_text) = markdown.split_at_checked(body_end)?;
    if moves_shared_definition(body, section_text) {
        return None;
    }

    Some(DetectedFaq {
        heading: heading.trim().to_string(),
        items,
        body_without: source.text_before(section.first_line),
    })
}

/// A top-level block of the article, reduced to what detection needs.
#[derive(Debug)]
struct Block {
    kind: BlockKind,
    /// 1-based source lines, as comrak counts them.
    first_line: usize,
    last_line: usize,
}

#[derive(Debug)]
enum BlockKind {
    Heading {
        level: u8,
        text: String,
    },
    /// A paragraph that opens with a bold question line.
    BoldQuestion(Question),
    ThematicBreak,
    Other,
}

/// A question found in the source and where its answer starts.
#[derive(Debug, Clone)]
struct Question {
    text: String,
    first_line: usize,
    last_line: usize,
    /// The answer begins on the line after the question inside the same
    /// paragraph, so that first line is a paragraph continuation and may
    /// carry indentation that would mean code on its own.
    answer_continues_paragraph: bool,
}

fn top_level_blocks<'a>(root: &'a AstNode<'a>, source: &SourceLines<'_>) -> Vec<Block> {
    let mut blocks: Vec<Block> = root
        .children()
        .map(|node| {
            let (first_line, last_line) = {
                let sourcepos = node.data().sourcepos;
                (
                    sourcepos.start.line,
                    sourcepos.end.line.max(sourcepos.start.line),
                )
            };
            let kind = match &node.data().value {
                NodeValue::Heading(heading) => BlockKind::Heading {
                    level: heading.level,
                    text: plain_text(node),
                },
                NodeValue::ThematicBreak => BlockKind::ThematicBreak,
                NodeValue::Paragraph => bold_question(node, first_line, source)
                    .map_or(BlockKind::Other, BlockKind::BoldQuestion),
                _ => BlockKind::Other,
            };
            Block {
                kind,
                first_line,
                last_line,
            }
        })
        .collect();
    // comrak moves footnote definitions to the end of the tree; the source
    // order is what decides which question a block belongs to.
    blocks.sort_by_key(|block| block.first_line);
    blocks
}

/// How the section marks its questions, decided by its first block so that a
/// bold line inside a heading-style answer stays part of that answer.
#[derive(Debug, Clone, Copy)]
enum QuestionStyle {
    /// Headings deeper than the section's, down to the first question's
    /// level; deeper ones belong to answers.
    Headings {
        section_level: u8,
        deepest: u8,
    },
    BoldLines,
}

impl QuestionStyle {
    fn of_first(block: &Block, section_level: u8) -> Option<QuestionStyle> {
        match &block.kind {
            BlockKind::Heading { level, .. } if *level > section_level => {
                Some(QuestionStyle::Headings {
                    section_level,
                    deepest: *level,
                })
            }
            BlockKind::BoldQuestion(_) => Some(QuestionStyle::BoldLines),
            _ => None,
        }
    }

    fn question(self, block: &Block) -> Option<Question> {
        match (self, &block.kind) {
            (
                QuestionStyle::Headings {
                    section_level,
                    deepest,
                },
                BlockKind::Heading { level, text },
            ) if *level > section_level && *level <= deepest => Some(Question {
                text: strip_question_prefix(text).to_string(),
                first_line: block.first_line,
                last_line: block.last_line,
                answer_continues_paragraph: false,
            }),
            (QuestionStyle::BoldLines, BlockKind::BoldQuestion(question)) => Some(question.clone()),
            _ => None,
        }
    }
}

/// The question a paragraph opens with, if its first line is a bold span
/// (optionally marked "Q:"), or a bold "Q:" marker followed by the question.
fn bold_question<'a>(
    paragraph: &'a AstNode<'a>,
    first_line: usize,
    source: &SourceLines<'_>,
) -> Option<Question> {
    // comrak counts a link reference definition that opens a paragraph as
    // part of it, which would put the question on the wrong line; a real
    // question line starts with its markup or marker.
    let opening = source.line(first_line)?.trim_start();
    if !opening.starts_with(['*', '_', 'Q', 'q']) {
        return None;
    }

    let children: Vec<&AstNode<'_>> = paragraph.children().collect();
    let line_end = children
        .iter()
        .position(|node| is_line_break(node))
        .unwrap_or(children.len());
    let first_line_nodes: Vec<&AstNode<'_>> = children[..line_end]
        .iter()
        .copied()
        .filter(|node| !is_blank_text(node))
        .collect();

    let text = match first_line_nodes.as_slice() {
        // A bold "A: ..." line is an answer written in bold, not a question.
        [bold] if is_bold(bold) && !starts_with_answer_marker(&plain_text(bold)) => {
            strip_question_prefix(&plain_text(bold)).to_string()
        }
        [marker, bold] if is_question_marker_text(marker) && is_bold(bold) => {
            plain_text(bold).trim().to_string()
        }
        [marker, rest @ ..] if is_bold(marker) && is_question_marker(&plain_text(marker)) => {
            let text: String = rest.iter().map(|node| plain_text(node)).collect();
            collapse_whitespace(&text)
        }
        _ => return None,
    };

    // Breaks inside the bold span (a question wrapped over lines) push the
    // answer further down.
    let wrapped_lines = children[..line_end]
        .iter()
        .flat_map(|node| node.descendants())
        .filter(|node| is_line_break(node))
        .count();
    Some(Question {
        text,
        first_line,
        last_line: first_line + wrapped_lines,
        answer_continues_paragraph: line_end < children.len(),
    })
}

fn is_line_break(node: &AstNode<'_>) -> bool {
    matches!(
        node.data().value,
        NodeValue::SoftBreak | NodeValue::LineBreak
    )
}

fn is_blank_text(node: &AstNode<'_>) -> bool {
    matches!(&node.data().value, NodeValue::Text(text) if text.trim().is_empty())
}

fn starts_with_answer_marker(text: &str) -> bool {
    let mut chars = text.trim_start().chars();
    matches!(
        (chars.next(), chars.next(), chars.next()),
        (Some('A' | 'a'), Some(':'), _) | (Some('A' | 'a'), Some('.'), None | Some(' '))
    )
}

/// Strong emphasis, or emphasis wrapping nothing but strong (`***text***`).
fn is_bold<'a>(node: &'a AstNode<'a>) -> bool {
    match node.data().value {
        NodeValue::Strong => true,
        NodeValue::Emph => {
            let mut children = node.children();
            match (children.next(), children.next()) {
                (Some(only), None) => matches!(only.data().value, NodeValue::Strong),
                _ => false,
            }
        }
        _ => false,
    }
}

fn is_question_marker_text(node: &AstNode<'_>) -> bool {
    matches!(&node.data().value, NodeValue::Text(text) if is_question_marker(text))
}

fn is_question_marker(text: &str) -> bool {
    let text = text.trim();
    text.eq_ignore_ascii_case("q:") || text.eq_ignore_ascii_case("q.")
}

/// "Q: How?" -> "How?". "Q." only counts when a space follows, so that a
/// question beginning "Q.E.D." keeps its text.
fn strip_question_prefix(text: &str) -> &str {
    let text = text.trim();
    let mut chars = text.char_indices();
    let marker = match (chars.next(), chars.next()) {
        (Some((_, 'Q' | 'q')), Some((at, mark @ (':' | '.')))) => Some((at + 1, mark)),
        _ => None,
    };
    match marker {
        Some((rest_at, mark)) => {
            let rest = &text[rest_at..];
            if mark == ':' || rest.is_empty() || rest.starts_with(char::is_whitespace) {
                rest.trim_start()
            } else {
                text
            }
        }
        None => text,
    }
}

/// The text a reader sees: markup dropped, code and link text kept, line
/// breaks as spaces.
fn plain_text<'a>(node: &'a AstNode<'a>) -> String {
    let mut out = String::new();
    // Iterative, because emphasis can nest as deep as the writer types it.
    // Raw HTML and footnote markers are leaves, so they add nothing here.
    for descendant in node.descendants() {
        match &descendant.data().value {
            NodeValue::Text(text) => out.push_str(text),
            NodeValue::Code(code) => out.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => out.push(' '),
            _ => {}
        }
    }
    collapse_whitespace(&out)
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

pub(crate) fn is_faq_heading(text: &str) -> bool {
    FAQ_HEADINGS.contains(&normalize_heading(text).as_str())
}

/// Lower case, without the decoration writers put around the title: a
/// leading emoji or bullet, a trailing colon.
fn normalize_heading(text: &str) -> String {
    let text = text
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end();
    let text = text.strip_suffix(':').unwrap_or(text);
    collapse_whitespace(text).to_lowercase()
}

/// The answer to `question`: the source from the line after it up to the
/// next question, without separator rules at its end, surrounding blank
/// lines or an "A:" marker.
fn answer_text(
    source: &SourceLines<'_>,
    question: &Question,
    answer_blocks: &[Block],
    next: Option<&Block>,
) -> String {
    let range_end = next.map_or(source.line_count() + 1, |next| next.first_line);
    let end_line = trailing_rules_start(source, answer_blocks, range_end).unwrap_or(range_end);
    let first_line = question.last_line + 1;

    let mut lines: Vec<&str> = (first_line..end_line)
        .filter_map(|number| source.line(number))
        .collect();
    trim_blank_lines(&mut lines);
    if question.answer_continues_paragraph {
        if let Some(first) = lines.first_mut() {
            *first = first.trim_start();
        }
    }
    let mut lines: Vec<Cow<'_, str>> = lines.into_iter().map(Cow::Borrowed).collect();
    if let Some(first) = lines.first_mut() {
        let stripped = strip_answer_prefix(first).into_owned();
        *first = Cow::Owned(stripped);
    }
    trim_blank_lines(&mut lines);
    // Line endings become "\n" whatever the article used: the answer is
    // stored and edited on its own. Spaces closing the last line mean
    // nothing to Markdown there.
    let mut answer = lines.join("\n");
    answer.truncate(answer.trim_end().len());
    answer
}

/// Where the rules closing an answer begin, if nothing but rules and blank
/// lines follows them: a rule before the next question (or at the very end)
/// separates items and is not part of the answer. Lines no block claims (a
/// link reference definition) keep the rules in the answer, so nothing is
/// dropped.
fn trailing_rules_start(
    source: &SourceLines<'_>,
    answer_blocks: &[Block],
    range_end: usize,
) -> Option<usize> {
    let content_blocks = answer_blocks
        .iter()
        .rposition(|block| !matches!(block.kind, BlockKind::ThematicBreak))
        .map_or(0, |last| last + 1);
    let rules = answer_blocks.get(content_blocks..)?;
    let first_rule = rules.first()?.first_line;
    let only_rules = (first_rule..range_end).all(|number| {
        source
            .line(number)
            .is_none_or(|line| line.trim().is_empty())
            || rules
                .iter()
                .any(|rule| (rule.first_line..=rule.last_line).contains(&number))
    });
    only_rules.then_some(first_rule)
}

fn trim_blank_lines<S: AsRef<str>>(lines: &mut Vec<S>) {
    while lines
        .last()
        .is_some_and(|line| line.as_ref().trim().is_empty())
    {
        lines.pop();
    }
    let leading = lines
        .iter()
        .take_while(|line| line.as_ref().trim().is_empty())
        .count();
    lines.drain(..leading);
}

/// "A: Yes." -> "Yes.", also "**A:** Yes." and "A. Yes.". Kept when the
/// marker is the whole line's start of a word ("A.I. helps").
fn strip_answer_prefix(line: &str) -> Cow<'_, str> {
    let indent = line.len() - line.trim_start().len();
    let text = &line[indent..];
    for marker in ["**A:**", "**A.**", "**A**:", "__A:__", "__A.__", "A:", "A."] {
        for candidate in [marker.to_string(), marker.to_lowercase()] {
            if let Some(rest) = text.strip_prefix(candidate.as_str()) {
                if rest.is_empty() || rest.starts_with(char::is_whitespace) {
                    return Cow::Borrowed(rest.trim_start());
                }
            }
        }
    }
    // The marker inside a bold answer: "**A: Yes.**" -> "**Yes.**".
    for opener in ["**", "__"] {
        let after_marker = text
            .strip_prefix(opener)
            .filter(|rest| starts_with_answer_marker(rest))
            .and_then(|rest| rest.get(2..))
            .filter(|after| after.starts_with(' '));
        if let Some(after) = after_marker {
            return Cow::Owned(format!("{opener}{}", after.trim_start()));
        }
    }
    Cow::Borrowed(line)
}

/// Whether the section holds a link reference or footnote definition the
/// body uses: cutting the section out would break the body's link.
fn moves_shared_definition(body: &str, section: &str) -> bool {
    let body = body.to_lowercase();
    section.lines().any(|line| {
        let line = line.trim_start();
        let Some(rest) = line.strip_prefix('[') else {
            return false;
        };
        let Some(close) = rest.find("]:") else {
            return false;
        };
        let label = rest[..close].to_lowercase();
        !label.is_empty() && body.contains(&format!("[{label}]"))
    })
}

/// The article split into lines the way comrak numbers them: "\n", "\r\n"
/// and a lone "\r" each end a line.
struct SourceLines<'a> {
    text: &'a str,
    /// Byte range of each line's content, without its line ending.
    lines: Vec<(usize, usize)>,
}

impl<'a> SourceLines<'a> {
    fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut lines = Vec::new();
        let mut start = 0;
        let mut at = 0;
        while at < bytes.len() {
            match bytes[at] {
                b'\n' => {
                    lines.push((start, at));
                    at += 1;
                    start = at;
                }
                b'\r' => {
                    lines.push((start, at));
                    at += if bytes.get(at + 1) == Some(&b'\n') {
                        2
                    } else {
                        1
                    };
                    start = at;
                }
                _ => at += 1,
            }
        }
        if start < bytes.len() {
            lines.push((start, bytes.len()));
        }
        SourceLines { text, lines }
    }

    fn line_count(&self) -> usize {
        self.lines.len()
    }

    /// Line `number`, counted from 1 like comrak's sourcepos.
    fn line(&self, number: usize) -> Option<&'a str> {
        let (start, end) = *self.lines.get(number.checked_sub(1)?)?;
        self.text.get(start..end)
    }

    /// Byte offset where line `number` starts; the end of the text past the
    /// last line.
    fn start_of_line(&self, number: usize) -> usize {
        number
            .checked_sub(1)
            .and_then(|index| self.lines.get(index))
            .map_or(self.text.len(), |(start, _)| *start)
    }

    /// The text before line `number` without trailing blank lines, ending
    /// in one "\n" unless nothing is left. The last kept line keeps its
    /// trailing spaces, as written.
    fn text_before(&self, number: usize) -> String {
        let last_written = (1..number)
            .rev()
            .find(|&line| self.line(line).is_some_and(|text| !text.trim().is_empty()));
        let end = last_written
            .and_then(|line| self.lines.get(line - 1))
            .map_or(0, |(_, end)| *end);
        match self.text.get(..end) {
            Some(text) if !text.is_empty() => format!("{text}\n"),
            _ => String::new(),
        }
    }

    /// Whether lines `from..to` (1-based, `to` excluded) are all blank.
    fn all_blank(&self, from: usize, to: usize) -> bool {
        (from..to).all(|number| self.line(number).is_none_or(|line| line.trim().is_empty()))
    }
}

#[cfg(test)]
mod tests;
