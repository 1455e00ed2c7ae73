use super::*;

#[test]
fn renders_gfm() {
    let html = render("## Hello **world**\n\n~~old~~ www.example.com\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n\nNote[^1]\n\n[^1]: A footnote.\n");
    assert!(
        html.contains(
            r##"<h2 id="hello-world">Hello <strong>world</strong><a href="#hello-world""##
        ),
        "{html}"
    );
    assert!(html.contains("<del>old</del>"), "{html}");
    assert!(
        html.contains(r#"<a href="http://www.example.com""#),
        "{html}"
    );
    assert!(
        html.contains("<table>") && html.contains(r#"<th align="left">a</th>"#),
        "{html}"
    );
    assert!(
        html.contains(r#"<input type="checkbox" checked="" disabled="">"#),
        "{html}"
    );
    assert!(
        html.contains(r#"class="footnotes""#) && html.contains("A footnote."),
        "{html}"
    );
}

#[test]
fn keeps_code_language_and_benign_raw_html() {
    let html = render("```rust\nfn main() {}\n```\n\nPress <kbd>Ctrl</kbd>.\n");
    assert!(html.contains(r#"<code class="language-rust">"#), "{html}");
    assert!(html.contains("<kbd>Ctrl</kbd>"), "{html}");
}

/// Each hostile construct from the security baseline, and what must not
/// survive it.
const HOSTILE: &[(&str, &str)] = &[
    ("<script>alert(1)</script>", "<script"),
    ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "<script"),
    ("<img src=x onerror=alert(1)>", "onerror"),
    ("<a href=\"#\" onclick=\"alert(1)\">x</a>", "onclick"),
    ("<div onmouseover=\"alert(1)\">x</div>", "onmouseover"),
    ("[click](javascript:alert(1))", "javascript:"),
    ("<a href=\"JaVaScRiPt:alert(1)\">x</a>", "javascript:"),
    ("<a href=\"&#106;avascript:alert(1)\">x</a>", "avascript:"),
    ("![x](data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=)", "data:"),
    ("[x](data:text/html,<script>alert(1)</script>)", "data:"),
    ("<iframe src=\"https://evil.example\"></iframe>", "<iframe"),
    ("<object data=\"x.swf\"></object>", "<object"),
    ("<embed src=\"x.swf\">", "<embed"),
    ("<svg><script>alert(1)</script></svg>", "<script"),
    ("<style>body{display:none}</style>", "<style"),
    (
        "<form action=\"https://evil.example\"><input name=p></form>",
        "<form",
    ),
    ("<p class=\"app-sidebar\">x</p>", "app-sidebar"),
    (
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<meta",
    ),
];

#[test]
fn hostile_html_never_survives() {
    for (input, forbidden) in HOSTILE {
        let html = render(input).to_ascii_lowercase();
        assert!(
            !html.contains(&forbidden.to_ascii_lowercase()),
            "{input:?} rendered to {html:?}, which still contains {forbidden:?}"
        );
    }
}

#[test]
fn safe_links_survive_sanitising() {
    let html =
        render("[site](https://example.com/a?b=c) [mail](mailto:ed@example.com) [rel](/posts/x)");
    assert!(
        html.contains(r#"href="https://example.com/a?b=c""#),
        "{html}"
    );
    assert!(html.contains(r#"href="mailto:ed@example.com""#), "{html}");
    assert!(html.contains(r#"href="/posts/x""#), "{html}");
}

#[test]
fn preview_carries_the_counts() {
    let p = preview("## Hello **world**");
    assert_eq!(p.stats.words, 2);
    assert!(p.blocks[0].html.starts_with("<h2 id="));
}

// --- Snapshots: what each feature renders to, reviewed once and kept. ---

/// One snapshot per GFM feature and callout type; `cargo insta review`
/// shows any change for a person to accept.
const FEATURES: &[(&str, &str)] = &[
    ("heading_anchors", "# Ferry returns\n\n## What changed?\n\n## What changed?\n"),
    ("emphasis", "*italic* **bold** ***both*** `code` ~~struck~~\n"),
    ("table", "| Route | Daily | Fare |\n|:--|:-:|--:|\n| Isle | 12 | €4 |\n| Port | 3 | €9 |\n"),
    ("autolinks", "See www.example.com, https://example.org/a?b=c and news@example.com.\n"),
    ("task_list", "- [x] Call the ferry office\n- [ ] Check the timetable\n"),
    ("footnotes", "The fare rose[^fare] twice[^2].\n\n[^fare]: From the operator's notice.\n[^2]: In March and May.\n"),
    ("lists_and_quote", "1. First\n2. Second\n   - nested\n\n> A quote\n> over two lines\n"),
    ("code_block", "```js\nconst fare = 4;\n```\n"),
    ("images_and_links", "![The pier at dawn](https://example.com/pier.jpg \"Pier\")\n\n[operator](https://example.com \"site\")\n"),
    ("alert_tip", "> [!TIP]\n> Book the early ferry.\n"),
    ("alert_note", "> [!NOTE]\n> Times are local.\n"),
    ("alert_important", "> [!IMPORTANT]\n> Bring ID.\n"),
    ("alert_warning", "> [!WARNING]\n> Sailings stop in storms.\n"),
    ("alert_caution", "> [!CAUTION]\n> The car deck is steep.\n"),
    ("alert_custom_title", "> [!TIP] Editor's pick\n> Try the harbour café.\n"),
];

#[test]
fn every_feature_renders_as_reviewed() {
    for (name, markdown) in FEATURES {
        insta::assert_snapshot!(*name, render(markdown), markdown);
    }
}

#[test]
fn callouts_carry_a_visible_label() {
    for (marker, label) in [
        ("TIP", "Pro Tip"),
        ("NOTE", "Note"),
        ("IMPORTANT", "Important"),
        ("WARNING", "Warning"),
        ("CAUTION", "Caution"),
    ] {
        let html = render(&format!("> [!{marker}]\n> Text.\n"));
        let class = format!(
            r#"<div class="markdown-alert markdown-alert-{}">"#,
            marker.to_lowercase()
        );
        assert!(html.contains(&class), "{html}");
        assert!(
            html.contains(&format!(r#"<p class="markdown-alert-title">{label}</p>"#)),
            "{html}"
        );
    }
}

#[test]
fn the_preview_marks_source_lines_and_exports_do_not() {
    let md = "# Title\n\nFirst paragraph.\n\n> [!TIP]\n> Tip text.\n";
    let preview = render_for_preview(md);
    assert!(
        preview.contains(r##"<h1 id="title" data-sourcepos="1:1-1:7">"##),
        "{preview}"
    );
    assert!(
        preview.contains(r#"<p data-sourcepos="3:1-3:16">First paragraph.</p>"#),
        "{preview}"
    );
    let exported = render(md);
    assert!(!exported.contains("data-sourcepos"), "{exported}");
    // Apart from the positions, the preview is the export.
    assert_eq!(without_sourcepos(&preview), exported);
}

#[test]
fn a_forged_sourcepos_carrying_anything_but_numbers_is_dropped() {
    let html = render("<p data-sourcepos=\"1:1-1:2\" data-x=\"y\">a</p><p data-sourcepos=\"javascript:alert(1)\">b</p>");
    assert!(
        html.contains(r#"<p data-sourcepos="1:1-1:2">a</p>"#),
        "{html}"
    );
    assert!(html.contains("<p>b</p>"), "{html}");
}

#[test]
fn the_preview_comes_as_top_level_blocks_whose_keys_ignore_positions() {
    let md = "# Title\n\nFirst *paragraph*.\n\n<p title=\"a>b\">raw</p>\n\n| a |\n|---|\n| 1 |\n\n---\n\nLast[^1].\n\n[^1]: Note.\n";
    let blocks = preview(md).blocks;
    let joined: String = blocks
        .iter()
        .map(|b| b.html.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    assert_eq!(
        joined.trim(),
        render_for_preview(md).trim(),
        "the blocks are the whole page"
    );
    let starts: Vec<&str> = blocks
        .iter()
        .map(|b| &b.html[..b.html.find([' ', '>']).unwrap()])
        .collect();
    assert_eq!(
        starts,
        ["<h1", "<p", "<p", "<table", "<hr", "<p", "<section"]
    );

    // A line typed above shifts positions but keeps every key below it.
    let shifted = preview(&format!("Intro.\n\n{md}")).blocks;
    assert_eq!(shifted.len(), blocks.len() + 1);
    let keys = |b: &[PreviewBlock]| b.iter().map(|b| b.key.clone()).collect::<Vec<_>>();
    assert_eq!(keys(&shifted[1..]), keys(&blocks));
    assert_ne!(shifted[1].html, blocks[0].html, "positions did change");
}

#[test]
fn splitting_keeps_every_byte_of_content() {
    for md in [
        "",
        "plain",
        "a\n\n<div><div>nested</div></div>\n\n<img src=\"https://e.com/a.png\">",
        "> q\n>\n> - l\n\ntext <br> more",
    ] {
        let html = render_for_preview(md);
        let joined: String = preview(md).blocks.iter().map(|b| b.html.as_str()).collect();
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squash(&joined), squash(&html), "{md:?}");
    }
}
