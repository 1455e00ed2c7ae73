use super::*;

const PAGE: &[&str] = &["http", "https", "mailto"];

#[test]
fn good_urls_survive_unchanged() {
    for url in [
        "https://example.com/a?b=1&c=2#d",
        "http://example.com",
        "HTTPS://EXAMPLE.COM/",
        "mailto:desk@example.com",
        "#faq-1",
        "?page=2",
        "/images/cover.jpg",
        "assets/ab12.png",
        "../up/one.html",
        "//cdn.example.com/x.js",
        "https://example.com/?q=a&amp;b",
        "https://example.com/path:with:colons",
        "",
    ] {
        assert_eq!(clean_url(url, PAGE).as_deref(), Some(url), "{url:?}");
    }
}

#[test]
fn script_schemes_are_refused_in_any_disguise() {
    for url in [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "vbscript:msgbox(1)",
        "data:text/html,<script>alert(1)</script>",
        "\u{2028}javascript:alert(1)",
        "\u{2029}javascript:alert(1)",
        "\u{A0}javascript:alert(1)",
        "\u{1680}javascript:alert(1)",
        "\u{180E}javascript:alert(1)",
        "\u{2000}javascript:alert(1)",
        "\u{200A}javascript:alert(1)",
        "\u{202F}javascript:alert(1)",
        "\u{205F}javascript:alert(1)",
        "\u{3000}javascript:alert(1)",
        "\u{FEFF}javascript:alert(1)",
        "\u{1}java\u{3}script:alert(1)",
        "java\u{200B}scr\u{2060}ipt:alert(1)",
        " \t\n\u{85}\u{2028}java script\u{7F}:alert(1)",
        "&#106;avascript:alert(1)",
        "&#106avascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "&#X6a;avascript:alert(1)",
        "&#0000106&#0000097vascript:alert(1)",
        "javascript&colon;alert(1)",
        "javascript&#58alert(1)",
        // A browser decodes `&#x3A` before it skips the space; stripping
        // first would read `&#x3Aa`, another character.
        "javascript&#x3A alert(1)",
        "javascript&#58\u{2028}1",
        "javascript&#x3a;alert(1)",
        "&Tab;java&NewLine;script:alert(1)",
        "&nbsp;javascript:alert(1)",
        "&nbspjavascript:alert(1)",
        "&#8232;javascript:alert(1)",
        "&#x2028&#x2029javascript:alert(1)",
        "j&#x200B;ava&#9;script&#x3A;alert(1)",
        "vb&#115;cript:msgbox(1)",
        "d&#97;ta:text/html,x",
        "&#x6A&#X61&#118&#97&#x73cript:alert(1)",
        // Not a scheme, but a `:` no relative reference may carry.
        "ja\u{300}vascript:alert(1)",
        "1javascript:alert(1)",
        "file:///etc/passwd",
    ] {
        assert_eq!(clean_url(url, PAGE), None, "{url:?}");
    }
}

#[test]
fn kept_urls_lose_the_invisible_characters() {
    assert_eq!(
        clean_url(" \u{200B}https://exa\u{2028}mple.com/\u{1}a ", PAGE).as_deref(),
        Some("https://example.com/a")
    );
    assert_eq!(clean_url("\u{3000}#faq", PAGE).as_deref(), Some("#faq"));
}

#[test]
fn the_allowed_set_decides() {
    assert_eq!(
        clean_url("byline-asset://localhost/a.png", &["https", "byline-asset"]).as_deref(),
        Some("byline-asset://localhost/a.png")
    );
    assert_eq!(clean_url("byline-asset://localhost/a.png", PAGE), None);
    assert_eq!(clean_url("mailto:a@b.c", WEB_SCHEMES), None);
    assert_eq!(clean_url("tel:+1", PAGE), None);
}

#[test]
fn references_decode_as_a_browser_reads_them() {
    assert_eq!(decode_char_refs("a&amp;b"), "a&b");
    assert_eq!(decode_char_refs("&#106;&#x61&#X76;&#97a"), "javaa");
    // Digits run on greedily, as in a browser: `&#x6Aa` is U+06AA.
    assert_eq!(decode_char_refs("&#x6Aa"), "\u{6AA}");
    assert_eq!(
        decode_char_refs("&colon;&Tab;&NewLine;&nbsp;&nbsp"),
        ":\t\n\u{a0}\u{a0}"
    );
    assert_eq!(decode_char_refs("&notit;"), "¬it;");
    assert_eq!(
        decode_char_refs("&unknown; & &#; &#x;"),
        "&unknown; & &#; &#x;"
    );
    assert_eq!(
        decode_char_refs("&#0;&#xD800;&#99999999999;"),
        "\u{FFFD}\u{FFFD}\u{FFFD}"
    );
}
