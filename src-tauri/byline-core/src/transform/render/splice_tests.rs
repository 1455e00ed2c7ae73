//! The spliced preview against a full render, after every edit.

use proptest::prelude::*;

use std::collections::HashMap;

use super::{preview, Preview, PreviewBlock, PreviewSplice, Previewer};

const WELCOME: &str = include_str!("../../../../../assets/welcome.md");

const CALLOUTS_AND_TABLES: &str = "# Ferry fares rise again\n\nThe council voted on Tuesday to **approve** the budget, with [three members](https://example.com/vote) abstaining.\n\n> [!TIP]\n> Buy a season ticket before March.\n\n> [!WARNING] Mind the gap\n> The old pier closes.\n\n| Route | Fare | Change |\n|:---|---:|:---:|\n| North | 4.20 | +5% |\n| South | 3.80 | +2% |\n\nA paragraph\nover two lines.\n\n- one\n- two\n  - nested *two*\n\n  still two\n- three\n\n1. first\n2. second\n\n> a quote\n> - with a list\n>\n> and more\n\n---\n\nSetext heading\n==============\n\n    indented code\n\n```rust\nfn main() {}\n```\n\n- [ ] task\n- [x] done\n\nwww.example.com and ~~struck~~ text.\n";

const FOOTNOTES: &str = "# Notes\n\nThe fare rose[^fare] twice[^2].\n\nA plain paragraph between.\n\nAnother one, with no note at all.\n\nAnd one citing the fare again[^fare].\n\n[^fare]: From the operator's notice.\n[^2]: In March and May.\n\nText after the notes.\n";

const REFERENCES: &str = "# References\n\nSee [the notice][notice] and [the vote].\n\nA paragraph without links.\n\nAnother plain one.\n\n[notice]: https://example.com/notice \"The notice\"\n[the vote]: https://example.com/vote\n\nMore text after the definitions, [notice] again.\n";

const FAQ: &str = "# Guide\n\n## Intro\n\nWelcome.\n\n## Intro\n\nAgain.\n\n## FAQ\n\n### How much is a ticket?\n\nFour pounds.\n\n### How much is a ticket?\n\nStill four.\n\n### Where do I buy one?\n\nAt the pier.\n\n## Intro-1\n\nLast.\n";

const RAW_HTML: &str = "# Raw\n\nPress <kbd>Ctrl</kbd>+<kbd>K</kbd>.\n\n<details>\n<summary>More</summary>\n\nHidden *text*.\n\n</details>\n\n<div class=\"x\">\n\nInside a div.\n\nStill inside.\n\n</div>\n\n<!-- a comment -->\n\nA paragraph with <span>an open span.\n\n<script>alert(1)</script>\n\n<p title=\"a>b\">raw</p>\n\nEnd.\n";

const ARTICLES: &[&str] = &[
    WELCOME,
    CALLOUTS_AND_TABLES,
    FOOTNOTES,
    REFERENCES,
    FAQ,
    RAW_HTML,
];

/// What a writer types, including what changes blocks around it.
const INSERTS: &[&str] = &[
    "x",
    "word ",
    " ",
    "\n",
    "\n\n",
    "- ",
    "* ",
    "1. ",
    "2. ",
    "> ",
    "> [!NOTE]\n",
    "# ",
    "## Intro\n",
    "```\n",
    "```",
    "~~~\n",
    "    ",
    "|",
    "| a | b |\n|---|---|\n",
    "---\n",
    "===\n",
    "[^fare]",
    "[^new]: A note.\n",
    "[notice]",
    "[x]: /u\n",
    "]:",
    "[",
    "]",
    "<div>\n",
    "</div>\n",
    "<!--",
    "-->",
    "<span>",
    "*",
    "`",
    "\t",
    "é",
    "\u{feff}",
    "\r\n",
    "\r",
    "data-sourcepos=\"1:1-1:1\"",
];

/// An edit: at a place, delete some characters, insert one of `INSERTS`.
#[derive(Debug, Clone)]
struct Edit {
    at: usize,
    delete: usize,
    insert: usize,
}

fn apply(text: &mut String, edit: &Edit) {
    let mut at = edit.at % (text.len() + 1);
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let end = text[at..]
        .char_indices()
        .nth(edit.delete)
        .map_or(text.len(), |(i, _)| at + i);
    text.replace_range(at..end, INSERTS[edit.insert % INSERTS.len()]);
}

/// What the window shows, block by block with every block's HTML, put
/// together from the responses as the window does (`ui/src/lib/blocks.ts`):
/// a block sent without HTML takes a node with its key from the part of
/// the page the response replaces.
#[derive(Default)]
struct Window {
    page: Vec<PreviewBlock>,
    generation: Option<u32>,
}

impl Window {
    fn take(&mut self, got: &Preview) {
        let splice = got.splice.unwrap_or(PreviewSplice {
            head: 0,
            tail: 0,
            shift: 0,
            length: self.page.len() as u32,
        });
        let (head, tail) = (splice.head as usize, splice.tail as usize);
        let replaced = &self.page[head..self.page.len().saturating_sub(tail)];
        let mut pool: HashMap<&str, Vec<&str>> = HashMap::new();
        for block in replaced {
            pool.entry(&block.key)
                .or_default()
                .push(block.html.as_deref().unwrap());
        }
        let blocks: Vec<PreviewBlock> = got
            .blocks
            .iter()
            .map(|block| {
                let html = block.html.clone().unwrap_or_else(|| {
                    let nodes = pool.get_mut(block.key.as_str()).filter(|n| !n.is_empty());
                    let nodes = nodes
                        .expect("a block sent without HTML has a node in the part it replaces");
                    nodes.remove(0).to_owned()
                });
                PreviewBlock {
                    html: Some(html),
                    ..block.clone()
                }
            })
            .collect();
        self.page = splice
            .apply(&self.page, &blocks)
            .expect("spliced against the page the window shows");
        self.generation = Some(got.generation);
    }
}

/// The previewer's response to `text`, taken by `window` (told the page it
/// shows when `tell`), must leave the window showing the fresh render: the
/// same blocks, positions, HTML and counts.
fn assert_same(previewer: &mut Previewer, window: &mut Window, text: &str, tell: bool) -> Preview {
    let since = if tell { window.generation } else { None };
    let got = previewer.render(text, since);
    let want = preview(text);
    assert_eq!(got.stats, want.stats, "counts of {text:?}");
    if since.is_none() {
        assert!(got.splice.is_none());
        assert!(got.blocks.iter().all(|b| b.html.is_some()));
    }
    window.take(&got);
    assert_eq!(window.page, want.blocks, "the window's page for {text:?}");
    got
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_spliced_preview_equals_a_full_render_after_every_edit(
        article in 0..ARTICLES.len(),
        edits in proptest::collection::vec(
            (any::<usize>(), 0usize..12, any::<usize>(), any::<bool>())
                .prop_map(|(at, delete, insert, since)| (Edit { at, delete: delete.saturating_sub(6), insert }, since)),
            1..40,
        ),
    ) {
        let mut text = ARTICLES[article].to_owned();
        let mut previewer = Previewer::new(None);
        let mut window = Window::default();
        assert_same(&mut previewer, &mut window, &text, false);
        for (edit, since) in &edits {
            apply(&mut text, edit);
            assert_same(&mut previewer, &mut window, &text, *since);
        }
    }

    /// Typing a run of characters at one place, as a writer does.
    #[test]
    fn typing_at_one_place_stays_a_full_render(
        article in 0..ARTICLES.len(),
        at in any::<usize>(),
        keys in proptest::collection::vec(any::<usize>(), 1..30),
    ) {
        let mut text = ARTICLES[article].to_owned();
        let mut previewer = Previewer::new(None);
        let mut window = Window::default();
        assert_same(&mut previewer, &mut window, &text, true);
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        for key in keys {
            let typed = ["a", " ", "\n", "-", "#", ">", "`", "|", "[", "]", "^", ":", "*", "<", "="][key % 15];
            text.insert_str(at, typed);
            at += typed.len();
            assert_same(&mut previewer, &mut window, &text, true);
        }
    }
}

/// A long article: `paragraphs` paragraphs under headings, with callouts,
/// a table and footnotes, as the benches use.
fn long_article(paragraphs: usize) -> String {
    let mut md = String::from("# A long piece\n\n");
    for n in 0..paragraphs {
        if n % 10 == 0 {
            md.push_str(&format!(
                "## Section {n}\n\n> [!TIP]\n> Pro tip {n}.\n\n| a | b |\n|---|---|\n| {n} | x |\n\n"
            ));
        }
        md.push_str(&format!(
            "Paragraph {n}: the council voted on Tuesday to **approve** the budget, with [three members](https://example.com/vote) abstaining.\n\n"
        ));
    }
    md.push_str("A claim.[^1]\n\n[^1]: Its source.\n");
    md
}

#[test]
fn typing_in_a_paragraph_parses_only_around_it() {
    let mut text = long_article(300);
    let mut previewer = Previewer::new(None);
    let mut window = Window::default();
    assert_same(&mut previewer, &mut window, &text, true);
    assert_eq!(previewer.parsed_bytes(), text.len());
    let mut at = text.find("Paragraph 150:").unwrap();
    for typed in ["N", "e", "w", " ", "\n", "\n", "- ", "x"] {
        text.insert_str(at, typed);
        at += typed.len();
        assert_same(&mut previewer, &mut window, &text, true);
        assert!(
            previewer.parsed_bytes() < 1_000,
            "{typed:?} parsed {} of {} bytes",
            previewer.parsed_bytes(),
            text.len()
        );
    }
    // Typing in a heading whose id shares no root with another's.
    let at = text.find("# A long piece").unwrap() + 5;
    text.insert(at, 'Z');
    assert_same(&mut previewer, &mut window, &text, true);
    assert!(previewer.parsed_bytes() < 1_000);
    // One that does ("section-150", "section-160"): the page is rendered
    // whole, since a later "Section" might have taken either.
    let at = text.find("## Section 150").unwrap() + 5;
    text.insert(at, 'Z');
    assert_same(&mut previewer, &mut window, &text, true);
    assert_eq!(previewer.parsed_bytes(), text.len());
}

#[test]
fn edits_that_reach_further_render_the_whole_page() {
    let base = long_article(50);
    let at = base.find("Paragraph 20:").unwrap();
    for (what, typed) in [
        ("a fence left open", "```\n"),
        ("a footnote reference", "[^1] "),
        ("a link definition", "[three members]: /elsewhere\n\n"),
        ("a heading taking a later one's id", "## Section 30\n\n"),
    ] {
        let mut previewer = Previewer::new(None);
        let mut window = Window::default();
        assert_same(&mut previewer, &mut window, &base, true);
        let mut text = base.clone();
        text.insert_str(at, typed);
        assert_same(&mut previewer, &mut window, &text, true);
        assert_eq!(previewer.parsed_bytes(), text.len(), "{what}");
    }
}
