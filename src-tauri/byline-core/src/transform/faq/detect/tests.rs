use proptest::prelude::*;

use super::*;

fn qa(question: &str, answer: &str) -> QuestionAnswer {
    QuestionAnswer::new(question, answer)
}

/// What every detection must satisfy: the body is the input's start, and
/// every item has both halves.
fn assert_consistent(markdown: &str, found: &DetectedFaq) {
    let body = found.body_without.trim_end();
    assert!(
        markdown.starts_with(body),
        "body_without is not a prefix of the input:\n{body:?}\n---\n{markdown:?}"
    );
    assert!(found.body_without.is_empty() || found.body_without.ends_with('\n'));
    assert!(!found.body_without.ends_with("\n\n"));
    assert!(!found.items.is_empty());
    for item in &found.items {
        assert!(!item.question.trim().is_empty());
        assert!(!item.answer.trim().is_empty());
    }
}

fn detect_ok(markdown: &str) -> DetectedFaq {
    let found = detect(markdown).unwrap_or_else(|| panic!("no FAQ found in {markdown:?}"));
    assert_consistent(markdown, &found);
    found
}

#[test]
fn heading_questions_under_faq() {
    let markdown = "# Baking bread\n\nIntro text.\n\n## FAQ\n\n### How long does it take?\n\nAbout four hours.\n\n### Can I use rye?\n\nYes, *half and half* works.\n";
    let found = detect_ok(markdown);
    assert_eq!(found.heading, "FAQ");
    assert_eq!(
        found.items,
        vec![
            qa("How long does it take?", "About four hours."),
            qa("Can I use rye?", "Yes, *half and half* works."),
        ]
    );
    assert_eq!(found.body_without, "# Baking bread\n\nIntro text.\n");
}

#[test]
fn bold_questions_under_frequently_asked_questions() {
    let markdown = "Body.\n\n## Frequently Asked Questions\n\n**Is it free?**\n\nYes.\n\n**Where do I sign up?**\n\nOn the [site](https://example.com).\n\n\n";
    let found = detect_ok(markdown);
    assert_eq!(found.heading, "Frequently Asked Questions");
    assert_eq!(
        found.items,
        vec![
            qa("Is it free?", "Yes."),
            qa("Where do I sign up?", "On the [site](https://example.com)."),
        ]
    );
    assert_eq!(found.body_without, "Body.\n");
}

#[test]
fn bold_question_with_answer_in_the_same_paragraph() {
    let markdown = "## FAQ\n\n**Does it rain?**\nOften, in spring.\nBring a coat.\n\n__Is it cold?__  \nRarely.\n";
    let found = detect_ok(markdown);
    assert_eq!(
        found.items,
        vec![
            qa("Does it rain?", "Often, in spring.\nBring a coat."),
            qa("Is it cold?", "Rarely."),
        ]
    );
    assert_eq!(found.body_without, "");
}

#[test]
fn question_wrapped_over_two_lines() {
    let markdown = "## FAQ\n\n**How long does\nit take?**\nTwo days.\n";
    let found = detect_ok(markdown);
    assert_eq!(found.items, vec![qa("How long does it take?", "Two days.")]);
}

#[test]
fn q_and_a_prefixes_are_removed() {
    let markdown = "Text.\n\n## Q&A\n\n**Q: Who wrote it?**\n\nA: The team.\n\nQ: **When?**\n\n**A:** Last year.\n\n**Q.** Why?\n**A.** Because.\n\n**Q: Where?**\n\n**A: Here.**\n";
    let found = detect_ok(markdown);
    assert_eq!(found.heading, "Q&A");
    assert_eq!(
        found.items,
        vec![
            qa("Who wrote it?", "The team."),
            qa("When?", "Last year."),
            qa("Why?", "Because."),
            qa("Where?", "**Here.**"),
        ]
    );
}

#[test]
fn q_prefix_on_heading_questions() {
    let markdown = "## FAQ\n\n### Q: Is `cargo` needed?\n\nA. Only to build.\n";
    let found = detect_ok(markdown);
    assert_eq!(found.items, vec![qa("Is cargo needed?", "Only to build.")]);
}

#[test]
fn answer_starting_with_a_word_a_is_kept() {
    let markdown = "## FAQ\n\n### Who?\n\nA. Lincoln.\n\n### What?\n\nA.I. helps.\n";
    let found = detect_ok(markdown);
    // "A." followed by a space is the answer marker, as asked; "A.I." is not.
    assert_eq!(found.items[0].answer, "Lincoln.");
    assert_eq!(found.items[1].answer, "A.I. helps.");
}

#[test]
fn multi_block_answers_are_kept_verbatim() {
    let answer = "First install it:\n\n```sh\ncargo install byline\n\n# then\nbyline --help\n```\n\n- one\n- two\n  continued\n\n> A quote  \n> with a hard break.\n\n    indented code\n\n| a | b |\n|---|---|\n| 1 | 2 |";
    let markdown = format!(
        "Body.\n\n## FAQ\n\n### How do I start?\n\n{answer}\n\n### Then?\n\n1. Open it.\n2. Write.\n"
    );
    let found = detect_ok(&markdown);
    assert_eq!(
        found.items,
        vec![
            qa("How do I start?", answer),
            qa("Then?", "1. Open it.\n2. Write."),
        ]
    );
}

#[test]
fn deeper_headings_belong_to_the_answer() {
    let markdown =
        "## FAQ\n\n### Why?\n\nBecause.\n\n#### Details\n\nMore.\n\n### How?\n\nLike this.\n";
    let found = detect_ok(markdown);
    assert_eq!(
        found.items,
        vec![
            qa("Why?", "Because.\n\n#### Details\n\nMore."),
            qa("How?", "Like this."),
        ]
    );
}

#[test]
fn bold_lines_inside_heading_answers_are_not_questions() {
    let markdown = "## FAQ\n\n### Why?\n\n**Short version**\n\nBecause.\n";
    let found = detect_ok(markdown);
    assert_eq!(
        found.items,
        vec![qa("Why?", "**Short version**\n\nBecause.")]
    );
}

#[test]
fn separator_rules_between_items_and_at_the_end_are_dropped() {
    let markdown = "## FAQ\n\n### One?\n\nYes.\n\n---\n\n### Two?\n\nNo.\n\n***\n\n";
    let found = detect_ok(markdown);
    assert_eq!(found.items, vec![qa("One?", "Yes."), qa("Two?", "No.")]);
}

#[test]
fn faq_in_the_middle_is_not_detected() {
    let markdown = "# Title\n\n## FAQ\n\n### Why?\n\nBecause.\n\n## Conclusion\n\nThe end.\n";
    assert_eq!(detect(markdown), None);
}

#[test]
fn higher_heading_after_faq_is_not_detected() {
    let markdown = "## FAQ\n\n### Why?\n\nBecause.\n\n# Appendix\n\nMore.\n";
    assert_eq!(detect(markdown), None);
}

#[test]
fn the_last_faq_heading_is_used() {
    let markdown = "## FAQ\n\nOld notes.\n\n## FAQs\n\n### Why?\n\nBecause.\n";
    let found = detect_ok(markdown);
    assert_eq!(found.heading, "FAQs");
    assert_eq!(found.body_without, "## FAQ\n\nOld notes.\n");
}

#[test]
fn no_faq_is_none() {
    assert_eq!(detect(""), None);
    assert_eq!(
        detect("# Title\n\nJust text.\n\n## More\n\n**Bold?**\n\nYes.\n"),
        None
    );
    assert_eq!(detect("FAQ is mentioned in text only.\n"), None);
}

#[test]
fn question_without_answer_is_none() {
    assert_eq!(
        detect("## FAQ\n\n### Why?\n\nBecause.\n\n### And then?\n"),
        None
    );
    assert_eq!(
        detect("## FAQ\n\n### Why?\n\n### How?\n\nLike this.\n"),
        None
    );
    assert_eq!(detect("## FAQ\n\n**Why?**\n\n---\n"), None);
    assert_eq!(detect("## FAQ\n"), None);
}

#[test]
fn intro_before_first_question_is_none() {
    assert_eq!(
        detect("## FAQ\n\nSome questions readers asked.\n\n### Why?\n\nBecause.\n"),
        None
    );
    assert_eq!(
        detect("## FAQ\n\n[docs]: https://example.com\n\n### Why?\n\nSee [docs].\n"),
        None
    );
}

#[test]
fn empty_question_is_none() {
    assert_eq!(detect("## FAQ\n\n###\n\nAnswer.\n"), None);
    assert_eq!(detect("## FAQ\n\n**Q:**\n\nAnswer.\n"), None);
}

#[test]
fn definitions_the_body_uses_keep_the_section() {
    let footnote = "Claim.[^1]\n\n## FAQ\n\n### Why?\n\nBecause.\n\n[^1]: A source.\n";
    assert_eq!(detect(footnote), None);
    let link =
        "See [the docs].\n\n## FAQ\n\n### Why?\n\nBecause.\n\n[the docs]: https://example.com\n";
    assert_eq!(detect(link), None);
}

#[test]
fn definitions_used_only_by_answers_stay_in_them() {
    let markdown = "Body.\n\n## FAQ\n\n### Why?\n\nSee [docs].\n\n[docs]: https://example.com\n";
    let found = detect_ok(markdown);
    assert_eq!(
        found.items,
        vec![qa("Why?", "See [docs].\n\n[docs]: https://example.com")]
    );
}

#[test]
fn setext_section_heading() {
    let markdown = "Body text.\n\nFrequently asked questions\n--------------------------\n\n### Is it safe?\n\nYes.\n";
    let found = detect_ok(markdown);
    assert_eq!(found.heading, "Frequently asked questions");
    assert_eq!(found.items, vec![qa("Is it safe?", "Yes.")]);
    assert_eq!(found.body_without, "Body text.\n");
}

#[test]
fn setext_questions_under_an_atx_section() {
    let markdown = "# FAQ\n\nIs it safe?\n-----------\n\nYes.\n";
    let found = detect_ok(markdown);
    assert_eq!(found.items, vec![qa("Is it safe?", "Yes.")]);
}

#[test]
fn crlf_line_endings() {
    let lf = "Body.\n\n## FAQ\n\n**Why?**\nBecause.\nReally.\n\n### Not a question here\n\n**How?**\n\n- a\n- b\n";
    let crlf = lf.replace('\n', "\r\n");
    let found = detect_ok(&crlf);
    let expected = detect_ok(lf);
    assert_eq!(found.items, expected.items);
    assert_eq!(found.heading, "FAQ");
    // Internal line endings stay as written; the one closing the body is "\n".
    assert_eq!(found.body_without, "Body.\n");
    assert_eq!(
        found.items,
        vec![
            qa("Why?", "Because.\nReally.\n\n### Not a question here"),
            qa("How?", "- a\n- b"),
        ]
    );
}

#[test]
fn cyrillic_question() {
    let markdown =
        "Текст статьи.\n\n## FAQ\n\n### Сколько это стоит? 💶\n\nНичего — это **бесплатно**.\n";
    let found = detect_ok(markdown);
    assert_eq!(
        found.items,
        vec![qa("Сколько это стоит? 💶", "Ничего — это **бесплатно**.")]
    );
    assert_eq!(found.body_without, "Текст статьи.\n");
}

#[test]
fn emoji_prefixed_and_decorated_headings() {
    for heading in [
        "❓ FAQ",
        "🙋‍♀️ Frequently asked questions:",
        "F.A.Q.",
        "Q & A",
        "**Common Questions**",
        "— faqs",
    ] {
        let markdown = format!("Body.\n\n## {heading}\n\n### Why?\n\nBecause.\n");
        let found = detect_ok(&markdown);
        assert_eq!(found.items, vec![qa("Why?", "Because.")], "{heading}");
    }
    let found = detect_ok("## ❓ FAQ\n\n### Why?\n\nBecause.\n");
    assert_eq!(found.heading, "❓ FAQ");
}

#[test]
fn headings_that_only_mention_faq_do_not_count() {
    assert_eq!(
        detect("## FAQ about pricing\n\n### Why?\n\nBecause.\n"),
        None
    );
    assert_eq!(detect("## Questions\n\n### Why?\n\nBecause.\n"), None);
}

#[test]
fn question_text_is_plain() {
    let markdown =
        "## FAQ\n\n### What does *[Byline](https://example.com)* do with `<b>`?\n\nNothing.\n";
    let found = detect_ok(markdown);
    assert_eq!(found.items[0].question, "What does Byline do with <b>?");
}

#[test]
fn deeply_nested_emphasis_in_a_question() {
    let depth = 20_000;
    let markdown = format!(
        "## FAQ\n\n### {}deep{}?\n\nYes.\n",
        "*_".repeat(depth),
        "_*".repeat(depth)
    );
    let found = detect_ok(&markdown);
    assert_eq!(found.items[0].answer, "Yes.");
}

#[test]
fn trailing_colon_and_dotted_forms() {
    for heading in ["FAQ:", "F.A.Q.s", "Questions and Answers", "FAQs:"] {
        let markdown = format!("## {heading}\n\n**Why?**\n\nBecause.\n");
        assert_eq!(detect_ok(&markdown).heading, heading);
    }
}

#[test]
fn bold_with_trailing_text_on_the_line_is_not_a_question() {
    assert_eq!(detect("## FAQ\n\n**Why?** Because.\n"), None);
}

#[test]
fn indented_continuation_does_not_become_code() {
    let markdown = "## FAQ\n\n**Why?**\n      Because.\n";
    let found = detect_ok(markdown);
    assert_eq!(found.items, vec![qa("Why?", "Because.")]);
}

#[test]
fn lone_carriage_returns_count_as_line_endings() {
    let markdown = "Body.\r\r## FAQ\r\r### Why?\r\rBecause.\r";
    let found = detect_ok(markdown);
    assert_eq!(found.items, vec![qa("Why?", "Because.")]);
}

/// Markdown-shaped text built from the pieces detection cares about.
fn markdownish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("## FAQ".to_string()),
        Just("# FAQ".to_string()),
        Just("❓ FAQ\n===".to_string()),
        Just("### Q: Why?".to_string()),
        Just("**Why?**".to_string()),
        Just("**How\nlong?**\nA: Long.".to_string()),
        Just("Q: **When?**".to_string()),
        Just("**A:** Now.".to_string()),
        Just("---".to_string()),
        Just("```\ncode\n".to_string()),
        Just("```".to_string()),
        Just("- item\n  more".to_string()),
        Just("> quote".to_string()),
        Just("[x]: http://e.com".to_string()),
        Just("[^1]: note".to_string()),
        Just("text[^1] [x]".to_string()),
        Just("Вопрос? 🙂".to_string()),
        Just("    indented".to_string()),
        Just("\r".to_string()),
        Just(String::new()),
        "[ -~]{0,12}",
        "\\PC{0,6}",
    ];
    let separator = prop_oneof![Just("\n"), Just("\n\n"), Just("\r\n"), Just("\r"), Just("")];
    proptest::collection::vec((piece, separator), 0..16).prop_map(|parts| {
        parts
            .into_iter()
            .map(|(piece, separator)| piece + separator)
            .collect()
    })
}

proptest! {
    // Failures are reported in the test output; nothing is written next to
    // the sources.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]
    #[test]
    fn never_panics_on_arbitrary_text(text in "\\PC*") {
        if let Some(found) = detect(&text) {
            assert_consistent(&text, &found);
        }
    }

    #[test]
    fn never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Some(found) = detect(&text) {
            assert_consistent(&text, &found);
        }
    }

    #[test]
    fn markdownish_input_keeps_the_body(text in markdownish()) {
        if let Some(found) = detect(&text) {
            assert_consistent(&text, &found);
        }
    }
}

proptest! {
    // Failures are reported in the test output; nothing is written next to
    // the sources.
    #![proptest_config(ProptestConfig {
        failure_persistence: None,
        ..ProptestConfig::default()
    })]
    #[test]
    fn written_faqs_are_found_again(
        body in "[a-zA-Zа-я ]{0,20}",
        pairs in proptest::collection::vec(("[a-zA-Zа-я][a-zA-Zа-я ]{0,15}\\?", "[a-zA-Zа-я]{2}[a-zA-Zа-я .,]{0,30}"), 1..5),
        bold in any::<bool>(),
        crlf in any::<bool>(),
    ) {
        let mut markdown = format!("{body}\n\n## FAQ\n\n");
        for (question, answer) in &pairs {
            if bold {
                markdown.push_str(&format!("**{question}**\n\n{answer}\n\n"));
            } else {
                markdown.push_str(&format!("### {question}\n\n{answer}\n\n"));
            }
        }
        if crlf {
            markdown = markdown.replace('\n', "\r\n");
        }
        let found = detect_ok(&markdown);
        let expected: Vec<QuestionAnswer> = pairs
            .iter()
            .map(|(question, answer)| qa(&collapse_whitespace(question), answer.trim()))
            .collect();
        prop_assert_eq!(found.items, expected);
        prop_assert_eq!(found.body_without.trim_end(), body.trim_end());
    }
}
