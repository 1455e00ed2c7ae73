use super::*;

#[test]
fn renders_gfm() {
    let html = render("## Hello **world**\n\n~~old~~ www.example.com\n\n| a | b |\n|:-|-:|\n| 1 | 2 |\n\n- [x] done\n\nNote[^1]\n\n[^1]: A footnote.\n");
    assert!(
        html.contains("<h2>Hello <strong>world</strong></h2>"),
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
    assert!(p.html.starts_with("<h2>"));
}
