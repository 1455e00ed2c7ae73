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
fn corrections_list_as_updates_with_their_times_and_as_text() {
    use chrono::TimeZone;
    let at = chrono::Utc
        .with_ymd_and_hms(2026, 11, 26, 14, 2, 0)
        .unwrap();
    let notes = [crate::domain::correction::Correction {
        id: 1,
        at,
        note: "Fixed <script>alert(1)</script> & the time.".into(),
        edited_at: None,
    }];
    let html = updates_html(&notes);
    assert_eq!(
        html,
        r#"<section class="byline-updates"><h2>Updates</h2><ul><li><time datetime="2026-11-26T14:02:00Z">26 November 2026, 14:02 UTC</time> Fixed &lt;script&gt;alert(1)&lt;/script&gt; &amp; the time.</li></ul></section>"#
    );
    assert_eq!(updates_html(&[]), "");
}

#[test]
fn an_edited_correction_shows_its_original_time_and_the_edit_time() {
    use chrono::TimeZone;
    let note = crate::domain::correction::Correction {
        id: 1,
        at: chrono::Utc
            .with_ymd_and_hms(2026, 11, 30, 14, 2, 0)
            .unwrap(),
        note: "The ferry leaves at one.".into(),
        edited_at: Some(chrono::Utc.with_ymd_and_hms(2026, 12, 1, 9, 5, 0).unwrap()),
    };
    assert_eq!(
        updates_html(&[note]),
        r#"<section class="byline-updates"><h2>Updates</h2><ul><li><time datetime="2026-11-30T14:02:00Z">30 November 2026, 14:02 UTC</time> The ferry leaves at one. <small>(edited <time datetime="2026-12-01T09:05:00Z">1 December 2026, 09:05 UTC</time>)</small></li></ul></section>"#
    );
}

#[test]
fn preview_carries_the_counts() {
    let p = preview("## Hello **world**");
    assert_eq!(p.stats.words, 2);
    assert!(p.blocks[0].html.as_deref().unwrap().starts_with("<h2 id="));
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

fn joined(blocks: &[PreviewBlock]) -> String {
    blocks
        .iter()
        .map(|b| format!("{}\n", b.html.as_deref().expect("full preview")))
        .collect()
}

#[test]
fn the_preview_marks_source_lines_and_is_otherwise_the_export() {
    let md = "# Title\n\nFirst paragraph.\n\n> [!TIP]\n> Tip text.\n";
    let blocks = preview(md).blocks;
    let pos: Vec<&str> = blocks.iter().map(|b| b.pos.as_str()).collect();
    assert_eq!(pos, ["1:1-1:7", "3:1-3:16", "5:1-6:11"]);
    assert_eq!(blocks[1].html.as_deref(), Some("<p>First paragraph.</p>"));
    let exported = render(md);
    assert!(!exported.contains("data-sourcepos"), "{exported}");
    assert_eq!(joined(&blocks), exported);
}

#[test]
fn a_sourcepos_written_by_hand_never_survives() {
    let html = render("<p data-sourcepos=\"1:1-1:2\" data-x=\"y\">a</p><p data-sourcepos=\"javascript:alert(1)\">b</p>");
    assert!(html.contains("<p>a</p>"), "{html}");
    assert!(html.contains("<p>b</p>"), "{html}");
    let blocks = preview("<p data-sourcepos=\"9:9-9:9\">a</p>").blocks;
    assert!(
        !blocks[0].html.as_deref().unwrap().contains("9:9"),
        "{blocks:?}"
    );
}

#[test]
fn the_preview_comes_as_top_level_blocks_whose_keys_ignore_positions() {
    let md = "# Title\n\nFirst *paragraph*.\n\n<p title=\"a>b\">raw</p>\n\n| a |\n|---|\n| 1 |\n\n---\n\nLast[^1].\n\n[^1]: Note.\n";
    let blocks = preview(md).blocks;
    assert_eq!(joined(&blocks), render(md), "the blocks are the whole page");
    let starts: Vec<&str> = blocks
        .iter()
        .map(|b| {
            let html = b.html.as_deref().unwrap();
            &html[..html.find([' ', '>']).unwrap()]
        })
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
    assert_eq!(shifted[1].pos, "3:1-3:7");
    assert_eq!(blocks[0].pos, "1:1-1:7");
}

#[test]
fn the_window_gets_html_only_for_blocks_it_does_not_show() {
    let mut previewer = Previewer::new(None);
    let first = previewer.render("One.\n\nTwo.\n\nThree.\n", None);
    assert!(first.blocks.iter().all(|b| b.html.is_some()));

    // The window shows `first`; the writer edits the middle paragraph:
    // only it travels, between the block kept above and the one below.
    let second = previewer.render("One.\n\nTwo!\n\nThree.\n", Some(first.generation));
    let splice = |head, tail, shift, length| {
        Some(PreviewSplice {
            head,
            tail,
            shift,
            length,
        })
    };
    assert_eq!(second.splice, splice(1, 1, 0, 3));
    let html: Vec<Option<&str>> = second.blocks.iter().map(|b| b.html.as_deref()).collect();
    assert_eq!(html, [Some("<p>Two!</p>")]);

    // A line added moves the block below it, which stays on the page.
    let moved = previewer.render("One.\n\nTwo!\nmore\n\nThree.\n", Some(second.generation));
    assert_eq!(moved.splice, splice(1, 1, 1, 3));
    let page = moved
        .splice
        .unwrap()
        .apply(&preview("One.\n\nTwo!\n\nThree.\n").blocks, &moved.blocks);
    assert_eq!(page, Some(preview("One.\n\nTwo!\nmore\n\nThree.\n").blocks));
    assert_eq!(page.unwrap()[2].pos, "6:1-6:6");
    // Applied to a page of another length, it says so.
    assert_eq!(
        moved
            .splice
            .unwrap()
            .apply(&first.blocks[..2], &moved.blocks),
        None
    );

    // A window that missed a response (or reloaded) gets everything.
    let third = previewer.render("One.\n\nTwo!\n\nThree.\n", Some(first.generation));
    assert!(third.blocks.iter().all(|b| b.html.is_some()), "{third:?}");
    let fresh = previewer.render("One.\n\nTwo!\n\nThree.\n", None);
    assert!(fresh.blocks.iter().all(|b| b.html.is_some()));

    // A block repeated in the page: the repeat carries its HTML, so the
    // window never has to guess which copy it may reuse.
    let a = previewer.render("---\n\nx\n", None);
    let b = previewer.render("---\n\nx\n\n---\n", Some(a.generation));
    assert_eq!(b.splice.map(|s| (s.head, s.tail)), Some((2, 0)));
    let html: Vec<Option<&str>> = b.blocks.iter().map(|b| b.html.as_deref()).collect();
    assert_eq!(html, [Some("<hr>")]);
}

#[test]
fn an_incremental_preview_matches_a_fresh_one_after_every_edit() {
    // Reused blocks must be exactly what sanitising them again would give.
    let mut previewer = Previewer::new(None);
    let mut text = String::from("# T\n\n");
    for i in 0..40 {
        text.push_str(&format!(
            "Para {i} with <em onclick=x>raw</em> and [^n{i}].\n\n[^n{i}]: Note {i}.\n\n"
        ));
        if i % 7 == 3 {
            text = text.replacen("Para", "> [!NOTE]\n> Para", 1);
        }
        let inc = previewer.render(&text, None);
        assert_eq!(
            inc,
            Preview {
                generation: inc.generation,
                ..preview(&text)
            }
        );
    }
}

#[test]
fn library_images_point_at_the_window_protocol_in_the_preview_only() {
    let md = "![Chart](assets/0123456789abcdef0123456789abcdef.png)\n\n![far](https://e.com/a.png)\n\n[link](byline-asset://localhost/x.png)";
    let blocks = Previewer::new(Some("byline-asset://localhost/"))
        .render(md, None)
        .blocks;
    assert_eq!(
        blocks[0].html.as_deref(),
        Some(
            r#"<p><img src="byline-asset://localhost/0123456789abcdef0123456789abcdef.png" alt="Chart"></p>"#
        )
    );
    assert!(blocks[1]
        .html
        .as_deref()
        .unwrap()
        .contains("src=\"byline-remote://localhost/blocked/https%3A%2F%2Fe%2Ecom%2Fa%2Epng\""));
    let exported = render(md);
    assert!(
        exported.contains(r#"<img src="assets/0123456789abcdef0123456789abcdef.png" alt="Chart">"#),
        "{exported}"
    );
    // The app's own scheme is not a link a published page can carry.
    assert!(!exported.contains("byline-asset:"), "{exported}");
}

#[test]
fn raw_text_elements_do_not_swallow_the_page() {
    let md =
        "<script>if (a<b) { x('</div>') }</script>\n\nAfter.\n\n<style>p<q{}</style>\n\nEnd.\n";
    let blocks = preview(md).blocks;
    let html: Vec<&str> = blocks.iter().map(|b| b.html.as_deref().unwrap()).collect();
    assert!(html.contains(&"<p>After.</p>"), "{html:?}");
    assert!(html.contains(&"<p>End.</p>"), "{html:?}");
    assert!(
        html.iter()
            .all(|h| !h.contains("<script") && !h.contains("<style")),
        "{html:?}"
    );
}

#[test]
fn cutting_into_blocks_keeps_every_byte_of_content() {
    for md in [
        "",
        "plain",
        "a\n\n<div><div>nested</div></div>\n\n<img src=\"https://e.com/a.png\">",
        "> q\n>\n> - l\n\ntext <br> more",
        "<div>\nunclosed\n\nafter",
        "</p></div> stray closers\n\nnext",
        "a < b and <!-- an open comment\n\nnext",
        "<p title='x>'>quoted</p>\n\n<script>never closed",
        "<",
    ] {
        let raw = comrak_html(md, &COMRAK_OPTIONS);
        let joined: String = blocks::chunks(&raw).concat();
        let squash = |s: &str| s.split_whitespace().collect::<String>();
        assert_eq!(squash(&joined), squash(&raw), "{md:?}");
        // And nothing panics on the way to the window.
        let _ = preview(md);
    }
}

#[test]
fn smart_punctuation_is_the_site_s_choice_and_leaves_code_alone() {
    let md = "\"Ferry's back,\" she said -- at last...\n\n`\"code\"` stays.\n";
    let plain = render(md);
    assert!(
        plain.contains(r#""Ferry's back," she said -- at last..."#),
        "{plain}"
    );
    assert!(!plain.contains('“'), "{plain}");
    assert_eq!(render_set(md, Typography::default()), plain);

    let smart = render_set(
        md,
        Typography {
            smart_punctuation: true,
        },
    );
    assert!(
        smart.contains("“Ferry’s back,” she said – at last…"),
        "{smart}"
    );
    assert!(smart.contains(r#"<code>"code"</code>"#), "{smart}");
}

#[test]
fn the_preview_follows_the_site_s_typography_and_stays_the_export() {
    let smart = Typography {
        smart_punctuation: true,
    };
    let md = "# \"Back\"\n\nIt's here.\n\n> [!TIP]\n> Don't wait.\n";
    let mut previewer = Previewer::new(None);
    let before = previewer.render(md, None);
    previewer.set_typography(smart);
    // The window shows `before`: every changed block must arrive whole.
    let after = previewer.render(md, Some(before.generation));
    let page: String = after
        .blocks
        .iter()
        .map(|b| b.html.as_deref().expect("changed blocks carry HTML"))
        .collect::<Vec<_>>()
        .join("");
    assert!(
        page.contains("It’s here.") && page.contains("Don’t wait."),
        "{page}"
    );
    // What the preview shows is what exports publish, block for block.
    let published: String = render_set(md, smart).lines().collect::<Vec<_>>().join("");
    assert_eq!(page.replace('\n', ""), published.replace('\n', ""));

    previewer.set_typography(Typography::default());
    let back = previewer.render(md, Some(after.generation));
    // Every block changed back: the whole page travels, with its HTML.
    let fresh = preview(md);
    assert_eq!((&back.blocks, back.stats), (&fresh.blocks, fresh.stats));
    assert!(back.splice.is_none_or(|s| s.head == 0 && s.tail == 0));
}

#[test]
fn faq_answers_follow_the_site_s_typography() {
    let items = [crate::domain::faq::QuestionAnswer {
        question: "When's the ferry?".into(),
        answer: "It's at \"one\".".into(),
    }];
    let smart = Typography {
        smart_punctuation: true,
    };
    let html = faq_html(&items, "FAQ", Images::AsPublished, smart);
    assert!(html.contains("It’s at “one”."), "{html}");
    assert!(fragment("It's", Images::AsPublished, smart).contains("It’s"));
    assert!(fragment("It's", Images::AsPublished, Typography::default()).contains("It's"));
}

/// Images from other sites never reach the window as they are: a Markdown
/// image and a raw `<img>` alike go through the app's `byline-remote`
/// protocol, as a placeholder until the writer loads them. Exports keep the
/// address as written, and an article cannot write the app's protocol
/// itself (it would bypass the writer's choice).
#[test]
fn images_from_other_sites_reach_the_window_only_through_the_app() {
    let md = "![pixel](https://tracker.example/p.gif)\n\n<img src=\"http://cdn.example/a.png\" alt=\"a\">\n\n![own](assets/ab.png)\n\n<img src=\"byline-remote://localhost/load/https%3A%2F%2Fx.example%2F\">";
    let window = |remote| Images::InWindow {
        assets: "byline-asset://localhost/",
        remote,
    };
    let blocked = fragment(md, window(RemoteImages::Block), Typography::default());
    assert!(
        blocked.contains(&format!(
            "src=\"{}blocked/https%3A%2F%2Ftracker%2Eexample%2Fp%2Egif\"",
            remote::REMOTE_BASE
        )),
        "{blocked}"
    );
    assert!(
        blocked.contains("blocked/http%3A%2F%2Fcdn%2Eexample%2Fa%2Epng"),
        "{blocked}"
    );
    assert!(
        blocked.contains("src=\"byline-asset://localhost/ab.png\""),
        "{blocked}"
    );
    assert!(
        !blocked.contains("tracker.example") && !blocked.contains("/load/"),
        "{blocked}"
    );

    let loading = fragment(md, window(RemoteImages::Load), Typography::default());
    assert!(
        loading.contains("load/https%3A%2F%2Ftracker%2Eexample"),
        "{loading}"
    );
    assert!(
        !loading.contains("x.example"),
        "the article's own protocol URL is dropped: {loading}"
    );

    let published = fragment(md, Images::AsPublished, Typography::default());
    assert!(
        published.contains("src=\"https://tracker.example/p.gif\""),
        "{published}"
    );
    assert!(!published.contains("byline-remote"), "{published}");
}

#[test]
fn the_previewer_renders_afresh_when_remote_images_are_loaded() {
    let md = "Text.\n\n![p](https://example.com/p.png)\n";
    let mut previewer = Previewer::new(Some("byline-asset://localhost/"));
    let first = previewer.render(md, None);
    let html = |p: &Preview| {
        p.blocks
            .iter()
            .filter_map(|b| b.html.clone())
            .collect::<String>()
    };
    assert!(html(&first).contains("/blocked/"));
    previewer.set_remote_images(RemoteImages::Load);
    let second = previewer.render(md, Some(first.generation));
    assert!(
        second.blocks.iter().all(|b| b.html.is_some()) && second.splice.is_none(),
        "the whole page is sent again after the change"
    );
    assert!(html(&second).contains("/load/") && !html(&second).contains("/blocked/"));
    let keys = |p: &Preview| p.blocks.iter().map(|b| b.key.clone()).collect::<Vec<_>>();
    assert_ne!(
        keys(&first)[1],
        keys(&second)[1],
        "the window replaces the block it shows, keyed by its old HTML"
    );
}

#[test]
fn ids_written_in_the_article_are_dropped_and_the_renderer_s_kept() {
    let md = "# App\n\n<p id=\"app\">Hi</p>\n\n<div id=\"settings-mirror\">x</div> <span id=\"palette-list\">y</span>\n\nA note[^n].\n\n[^n]: The note.\n";
    for html in [render(md), joined(&preview(md).blocks)] {
        assert!(!html.contains("id=\"app\">Hi"), "{html}");
        assert!(html.contains("<p>Hi</p>"), "{html}");
        assert!(!html.contains("settings-mirror"), "{html}");
        assert!(!html.contains("palette-list"), "{html}");
        // The heading anchor and the footnote and its way back stay.
        assert!(html.contains("<h1 id=\"app\">"), "{html}");
        assert!(html.contains("href=\"#app\""), "{html}");
        assert!(html.contains("<li id=\"fn-n\">"), "{html}");
        assert!(html.contains("id=\"fnref-n\""), "{html}");
        assert!(html.contains("href=\"#fnref-n\""), "{html}");
    }
}

/// The window's own ids all start `byline:` (see `renderer_id`): no heading
/// of an article, Markdown or raw HTML, can take one.
#[test]
fn no_article_heading_can_take_an_id_of_the_window() {
    let md = "# byline:app

<h2 id=\"byline:settings-site\">Raw</h2>

<h3 id=\"part-2\">Kept</h3>\n";
    for html in [render(md), joined(&preview(md).blocks)] {
        assert!(!html.contains("id=\"byline:"), "{html}");
        assert!(html.contains("<h1 id=\"bylineapp\">"), "{html}");
        assert!(html.contains("<h2>Raw</h2>"), "{html}");
        assert!(html.contains("<h3 id=\"part-2\">Kept</h3>"), "{html}");
    }
}

#[test]
fn an_input_can_only_be_a_task_list_s_disabled_checkbox() {
    let html = render("<input>\n\n<input type=\"text\" value=\"x\">\n\n<input type=password name=p>\n\n- [ ] open\n- [x] done\n");
    assert_eq!(html.matches("<input").count(), 5, "{html}");
    for input in html.split("<input").skip(1) {
        let tag = &input[..input.find('>').unwrap()];
        assert!(tag.contains("type=\"checkbox\""), "{html}");
        assert!(tag.contains("disabled=\"\""), "{html}");
        assert!(!tag.contains("value") && !tag.contains("name"), "{html}");
    }
    // A task list renders as it always did.
    assert!(
        html.contains(r#"<input type="checkbox" checked="" disabled="">"#),
        "{html}"
    );
}

/// Random article HTML with ids and inputs: whatever is written, an id
/// survives only where the renderer makes one, and an input only as a
/// disabled checkbox.
mod ids_and_inputs {
    use proptest::prelude::*;

    use super::*;

    fn piece() -> impl Strategy<Value = String> {
        let tag = prop_oneof![
            Just("p"),
            Just("div"),
            Just("span"),
            Just("h2"),
            Just("li"),
            Just("a"),
            Just("section"),
            Just("input")
        ];
        let id = prop_oneof![
            Just("app".to_owned()),
            Just("fn-1".to_owned()),
            Just("fnref-1".to_owned()),
            "[a-z-]{1,8}",
        ];
        let kind = prop_oneof![
            Just(""),
            Just(" type=text"),
            Just(" type=\"checkbox\""),
            Just(" type=password value=x")
        ];
        prop_oneof![
            (tag, id, kind).prop_map(|(t, id, k)| format!("<{t} id=\"{id}\"{k}>x</{t}>")),
            "[A-Za-z ]{1,12}".prop_map(|h| format!("\n\n## {h}\n\n")),
            Just("\n\n- [ ] task\n\n".to_owned()),
            Just("Note[^1].\n\n[^1]: Text.\n\n".to_owned()),
        ]
    }

    proptest! {
        #[test]
        fn ids_only_where_the_renderer_makes_them(pieces in proptest::collection::vec(piece(), 1..10)) {
            let md = pieces.concat();
            for html in [render(&md), joined(&preview(&md).blocks)] {
                let mut rest = html.as_str();
                while let Some(at) = rest.find(" id=\"") {
                    let open = rest[..at].rfind('<').expect("inside a tag");
                    let element: String = rest[open + 1..at]
                        .chars()
                        .take_while(|c| c.is_ascii_alphanumeric())
                        .collect();
                    let value = &rest[at + 5..];
                    let value = &value[..value.find('"').unwrap()];
                    prop_assert!(renderer_id(&element, value), "<{element} id={value}> in {html}");
                    rest = &rest[at + 5..];
                }
                for input in html.split("<input").skip(1) {
                    let tag = &input[..input.find('>').unwrap()];
                    prop_assert!(tag.contains("type=\"checkbox\"") && tag.contains("disabled"), "{html}");
                }
            }
        }
    }
}
