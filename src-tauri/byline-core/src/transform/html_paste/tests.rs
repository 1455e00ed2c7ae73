use super::*;

#[test]
fn a_web_page_excerpt_becomes_clean_markdown() {
    let html = r#"<html><head><style>p{color:red}</style><script>alert(1)</script></head><body>
<nav><a href="/">Home</a></nav>
<h2 class="headline" style="font-size:30px">Ferry returns</h2>
<p>The <strong>island</strong> ferry is <em>back</em>, says the <a href="https://example.com/notice" onclick="x()">operator</a>.</p>
<ul><li>Hourly sailings</li><li>New fares</li></ul>
<ol><li>Book</li><li>Board</li></ol>
<blockquote><p>We missed it.</p></blockquote>
<table><thead><tr><th>Route</th><th>Fare</th></tr></thead><tbody><tr><td>Isle</td><td>€4</td></tr></tbody></table>
<pre><code>timetable --today</code></pre>
<form><input value="subscribe"><button>Go</button></form>
</body></html>"#;
    let md = html_to_markdown(html).unwrap();
    for needle in [
        "## Ferry returns",
        "The **island** ferry is *back*, says the [operator](https://example.com/notice).",
        "- Hourly sailings\n- New fares",
        "1. Book\n2. Board",
        "> We missed it.",
        "| Route | Fare |",
        "| Isle  | €4   |",
        "```\ntimetable --today\n```",
    ] {
        assert!(md.contains(needle), "missing {needle:?} in:\n{md}");
    }
    for gone in ["alert", "color:red", "Home", "subscribe", "onclick", "Go"] {
        assert!(!md.contains(gone), "{gone:?} should not survive:\n{md}");
    }
}

#[test]
fn word_processor_markup_is_dropped_and_its_text_kept() {
    let html = "<html xmlns:o=\"urn:schemas-microsoft-com:office:office\"><body>\
        <!--[if gte mso 9]><xml><o:DocumentProperties></o:DocumentProperties></xml><![endif]-->\
        <p class=MsoNormal style='mso-line-height-alt:12pt'><b>Budget</b> vote&nbsp;tonight<o:p></o:p></p>\
        <p class=MsoNormal><o:p>&nbsp;</o:p></p>\
        <p class=MsoNormal><i>Council</i> meets at 7.<o:p></o:p></p></body></html>";
    let md = html_to_markdown(html).unwrap();
    assert_eq!(
        md, "**Budget** vote tonight\n\n*Council* meets at 7.",
        "{md}"
    );
}

#[test]
fn plain_words_pass_through_and_oversized_pastes_are_refused() {
    assert_eq!(html_to_markdown("just words").unwrap(), "just words");
    let huge = "x".repeat(MAX_PASTE_BYTES + 1);
    assert_eq!(html_to_markdown(&huge).unwrap_err().code(), "invalid_input");
}
