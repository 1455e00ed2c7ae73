//! Property tests for text from outside that is not a file: pasted HTML
//! (html_paste) and any Markdown (render, the preview). Random and
//! adversarial input (deep nesting, unclosed tags, long runs of markup
//! characters): never a panic, output bounded by the input's size, and
//! nothing script-capable out of the renderer.

use byline_core::transform::html_paste::html_to_markdown;
use byline_core::transform::render::{preview, render};
use proptest::prelude::*;

/// Nothing in `html` can run script: no script element, no event handler
/// attribute, no `javascript:` URL in any attribute.
fn script_free(html: &str) -> Result<(), String> {
    let doc = scraper::Html::parse_fragment(html);
    for node in doc.tree.nodes() {
        if let Some(el) = node.value().as_element() {
            if el.name() == "script" {
                return Err(format!("a script element in {html}"));
            }
            for (name, value) in el.attrs() {
                let v: String = value.chars().filter(|c| !c.is_whitespace()).collect();
                if name.starts_with("on") || v.to_ascii_lowercase().starts_with("javascript:") {
                    return Err(format!("{name}={value:?} in {html}"));
                }
            }
        }
    }
    Ok(())
}

fn markdown_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,20}",
        "[#*_>`\\-\\[\\]()!|~<>=:\n]{0,40}",
        (1usize..400).prop_map(|n| ">".repeat(n) + " quote"),
        (1usize..400).prop_map(|n| "[".repeat(n) + "x" + &"]".repeat(n)),
        (1usize..400).prop_map(|n| "*".repeat(n) + "x" + &"*".repeat(n)),
        (1usize..200).prop_map(|n| "- ".repeat(n) + "item"),
        (1usize..200).prop_map(|n| "<div>".repeat(n)),
        Just("<script>alert(1)</script>".to_owned()),
        Just("[x](javascript:alert(1))".to_owned()),
        Just("<img src=x onerror=alert(1)>".to_owned()),
        Just("[^1]\n\n[^1]: note".to_owned()),
        Just("> [!TIP]\n> tip".to_owned()),
        Just("| a | b |\n|---|---|\n| 1 | 2 |".to_owned()),
    ]
}

fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 <>/=\"']{0,40}",
        (1usize..300).prop_map(|n| "<ul><li>".repeat(n)),
        (1usize..300).prop_map(|n| "<table><tr><td>".repeat(n)),
        (1usize..300).prop_map(|n| "<b><i>".repeat(n) + "x"),
        Just("<script>alert(1)</script>".to_owned()),
        Just("<a href=\"javascript:alert(1)\">x</a>".to_owned()),
        Just("<o:p></o:p><!--[if gte mso 9]><xml></xml><![endif]-->".to_owned()),
        Just("<form><input><button>x</button></form>".to_owned()),
        Just("<img src=\"file:///etc/passwd\">".to_owned()),
        Just("<p id=\"app\" style=\"x\">p</p>".to_owned()),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_markdown_renders_bounded_and_without_script(
        pieces in proptest::collection::vec(markdown_piece(), 0..12)
    ) {
        let markdown = pieces.join("\n");
        let html = render(&markdown);
        prop_assert!(html.len() <= 64 * markdown.len() + 4096, "{} from {}", html.len(), markdown.len());
        prop_assert!(script_free(&html).is_ok(), "{:?}", script_free(&html));
        let p = preview(&markdown);
        prop_assert!(p.blocks.len() <= markdown.len() + 1);
    }

    #[test]
    fn any_pasted_html_becomes_bounded_markdown(
        pieces in proptest::collection::vec(html_piece(), 0..12)
    ) {
        let html = pieces.join("");
        if let Ok(markdown) = html_to_markdown(&html) {
            prop_assert!(markdown.len() <= 8 * html.len() + 1024, "{} from {}", markdown.len(), html.len());
            // What a paste gives renders, and runs nothing.
            let html = render(&markdown);
            prop_assert!(script_free(&html).is_ok(), "{:?}", script_free(&html));
        }
    }
}

/// A paste nested thousands deep overflowed the converter's stack and
/// aborted the app; now it is refused, and one just within the limit
/// converts on an ordinary thread's stack.
#[test]
fn a_paste_nested_past_the_limit_is_refused_not_a_crash() {
    let deep = "<b><i>".repeat(2000) + "x";
    let err = html_to_markdown(&deep).unwrap_err();
    assert!(err.to_string().contains("nests more than 128"), "{err}");
    let within = "<span>".repeat(127) + "x" + &"</span>".repeat(127);
    assert_eq!(html_to_markdown(&within).unwrap(), "x");
}
