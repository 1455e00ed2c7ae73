use super::*;

const FERRY: &str = include_str!("../../../../../tests/fixtures/web/ferry-minister.txt");

fn kinds(s: &Structured, kind: ChangeKind) -> Vec<String> {
    s.changes
        .iter()
        .filter(|c| c.kind == kind)
        .map(|c| c.original.clone())
        .collect()
}

#[test]
fn the_fixture_gets_its_structure_back() {
    let s = structure(FERRY);
    assert_eq!(s.title, "Minister Quits Over Ferry Contract 🚨");
    assert_eq!(
        kinds(&s, ChangeKind::RepeatedHeadline),
        ["Minister Quits Over Ferry Contract"]
    );
    assert_eq!(kinds(&s, ChangeKind::Heading), ["What Happens Next"]);
    assert!(
        s.body.contains("\n\n## What Happens Next\n\n"),
        "{}",
        s.body
    );
    assert!(s
        .body
        .contains("> [!TIP]\n> Check the tender documents yourself; they are public."));
    assert!(s
        .body
        .contains("> [!NOTE]\n> This article was updated at 14:00"));
    assert_eq!(s.faq.len(), 2);
    assert_eq!(s.faq[0].question, "Who replaces the minister?");
    assert_eq!(
        s.faq[0].answer,
        "Her deputy, Tomas Brandt, takes over until the party council meets."
    );
    assert_eq!(s.faq[1].question, "When is the new tender?");
    assert!(s.faq[1]
        .answer
        .ends_with("stay online at <https://tenders.example.gov/ferry-2026>."));
    assert!(!s.body.contains("Frequently Asked Questions"));
    assert!(s
        .body
        .contains("<https://www.harbourtimes.example/reports/ferry-inquiry.pdf>."));
    assert_eq!(kinds(&s, ChangeKind::Link).len(), 2);
    assert_eq!(kinds(&s, ChangeKind::CommentCount), ["12 comments"]);
    assert_eq!(kinds(&s, ChangeKind::SharePrompt).len(), 1);
    assert_eq!(
        kinds(&s, ChangeKind::DiscoverMore),
        ["Discover more from The Harbour Times"]
    );
    assert_eq!(kinds(&s, ChangeKind::Subscribe).len(), 1);
    assert_eq!(
        kinds(&s, ChangeKind::Related),
        [
            "You may also like",
            "Ferry Fares Rise Again",
            "Shipyard Jobs at Risk After Contract Row"
        ]
    );
    for chrome in [
        "12 comments",
        "Share this",
        "Discover more",
        "Subscribe",
        "You may also",
        "Ferry Fares",
    ] {
        assert!(!s.body.contains(chrome), "{chrome} left in the body");
    }
    assert!(s.body.starts_with("The transport minister resigned"));
    assert!(s.body.ends_with('\n') && !s.body.ends_with("\n\n"));
}

#[test]
fn must_not_fire_cases_in_the_fixture_stay_as_written() {
    let s = structure(FERRY);
    // A one-line paragraph ending with a period is not a heading.
    assert!(s.body.contains("\n\nThe inquiry was opened in March.\n\n"));
    // A question in the body is not a FAQ item.
    assert!(s.body.contains("Will the ferries ever sail? Nobody"));
    assert!(s.faq.iter().all(|qa| !qa.question.contains("ferries")));
    // "tip" inside a sentence is not a callout.
    assert!(s
        .body
        .contains("\n\nA tip from a dockworker started it all"));
    assert_eq!(kinds(&s, ChangeKind::Callout).len(), 2);
}

#[test]
fn a_question_in_the_body_without_a_faq_line_is_not_a_faq() {
    let text = "Ferries\n\nWho pays for the ferries?\n\nThe taxpayer does, in the end.\n";
    let s = structure(text);
    assert!(s.faq.is_empty());
    assert!(s.body.contains("Who pays for the ferries?"));
    assert!(kinds(&s, ChangeKind::Heading).is_empty());
}

#[test]
fn tip_mid_sentence_and_lower_case_labels_are_not_callouts() {
    for p in [
        "Her best tip: read the tender.",
        "tip: lower case is a sentence fragment, not a label.",
        "Tipping point: the council voted.",
        "Note that the tender closed in May.",
        "Tip:",
    ] {
        assert_eq!(callout(p), None, "{p}");
    }
    assert_eq!(
        callout("Warning: deep water."),
        Some("> [!WARNING]\n> deep water.".into())
    );
    assert_eq!(
        callout("IMPORTANT: read this."),
        Some("> [!IMPORTANT]\n> read this.".into())
    );
    assert_eq!(
        callout("Pro tip: two\nlines"),
        Some("> [!TIP]\n> two\n> lines".into())
    );
}

#[test]
fn headings_need_text_on_both_sides_and_no_final_punctuation() {
    let text = "Title\n\nFirst paragraph of text.\n\nA Section\n\nSecond paragraph of text.\n\nLast line alone";
    let s = structure(text);
    assert_eq!(kinds(&s, ChangeKind::Heading), ["A Section"]);
    assert!(s.body.ends_with("Last line alone\n"));

    // Two short lines in a row (a list, an address) are neither headings.
    let text = "Title\n\nText here.\n\nHarbour Road 4\n\nPort Ellen\n\nMore text.\n";
    assert!(kinds(&structure(text), ChangeKind::Heading).is_empty());

    for not_heading in [
        "The inquiry was opened in March.",
        "What now?",
        "as the minister said",
        "1. First step",
        "https://example.com/page",
        "A line with far too many words to be any kind of heading at all in a news article",
    ] {
        assert!(!is_heading_candidate(not_heading), "{not_heading}");
    }
    assert!(is_heading_candidate("2026 in Review"));
}

#[test]
fn a_faq_line_without_questions_or_with_an_unanswered_question_is_left() {
    let s = structure("T\n\nText.\n\nFAQ\n\nThis is not a question.\n\nMore.\n");
    assert!(s.faq.is_empty());
    assert!(s.body.contains("FAQ"));
    let s = structure("T\n\nText.\n\nFAQ\n\nWho?\n\nWhy?\n\nBecause.\n");
    assert!(s.faq.is_empty());
    let s = structure("T\n\nText.\n\nFAQ:\n\nWho?\n\nHer.\n\nWhy?\n\nBecause.\n");
    assert_eq!(s.faq.len(), 2);
    assert_eq!(s.body, "Text.\n");
}

#[test]
fn chrome_only_as_a_whole_prompt_line() {
    for chrome in [
        "12 comments",
        "1,204 Comments",
        "One reply",
        "Leave a comment",
        "Share this story:",
        "Share on Facebook",
        "Discover more from The Harbour Times",
        "Subscribe to our newsletter",
        "Sign up for our daily email",
        "You might also like…",
        "Related articles",
    ] {
        assert!(chrome::chrome_kind(chrome).is_some(), "{chrome}");
    }
    for text in [
        "Officials refused to share the report.",
        "Share prices fell by 4 per cent.",
        "12 comments were sent to the council before the vote.",
        "Subscribers to the ferry pass will be refunded.",
        "Subscribe to the idea that ferries pay for themselves, and you will be disappointed.",
        "Related to the contract were three further deals.",
    ] {
        assert_eq!(chrome::chrome_kind(text), None, "{text}");
    }
}

#[test]
fn the_title_keeps_emoji_and_a_repeat_needs_the_same_words() {
    let s = structure("🚨 Ferry Row\n\nFerry row\n\nFerry row deepens as costs rise.\n");
    assert_eq!(s.title, "🚨 Ferry Row");
    assert_eq!(kinds(&s, ChangeKind::RepeatedHeadline), ["Ferry row"]);
    assert_eq!(s.body, "Ferry row deepens as costs rise.\n");
}

#[test]
fn a_text_that_opens_with_a_long_paragraph_has_no_title() {
    let text = "First line of a paragraph\nsecond line of it.\n\nMore.\n";
    let s = structure(text);
    assert_eq!(s.title, "");
    assert_eq!(
        s.body,
        "First line of a paragraph\nsecond line of it.\n\nMore.\n"
    );
}

#[test]
fn urls_already_linked_are_left_and_punctuation_stays_outside() {
    let mut changes = Vec::new();
    assert_eq!(
        link_urls(
            "See https://a.example/x, or <https://b.example>.",
            &mut changes
        ),
        "See <https://a.example/x>, or <https://b.example>."
    );
    assert_eq!(
        link_urls(
            "[here](https://c.example) and xhttps://d.example",
            &mut changes
        ),
        "[here](https://c.example) and xhttps://d.example"
    );
    assert_eq!(changes.len(), 1);
}

#[test]
fn boilerplate_is_the_dropped_prompts() {
    let s = structure(FERRY);
    let Boilerplate {
        share_prompt,
        newsletter,
    } = s.boilerplate();
    assert_eq!(
        share_prompt,
        "Share this article to raise awareness and join the conversation below."
    );
    assert_eq!(
        newsletter,
        "Discover more from The Harbour Times\n\nSubscribe to get the latest posts sent to your email."
    );
}

#[test]
fn every_change_reads_as_a_line_of_the_report() {
    let s = structure(FERRY);
    let lines: Vec<String> = s.changes.iter().map(ToString::to_string).collect();
    assert!(lines.contains(
        &"\"What Happens Next\" → \"## What Happens Next\": a short line without final \
          punctuation between paragraphs is a section heading"
            .to_owned()
    ));
    assert!(lines.contains(&"\"12 comments\": a comment count, dropped".to_owned()));
}

proptest::proptest! {
    /// Nothing in the text is lost: each word is kept or in a listed change.
    #[test]
    fn every_word_is_kept_or_listed(text in "[A-Za-z ?.:\n]{0,300}") {
        let s = structure(&text);
        let mut all = s.title.clone();
        all.push_str(&s.body);
        for qa in &s.faq {
            all.push_str(&qa.question);
            all.push_str(&qa.answer);
        }
        for c in &s.changes {
            all.push_str(&c.original);
        }
        for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
            proptest::prop_assert!(all.contains(word), "{word} lost");
        }
    }
}

#[test]
fn a_paste_gets_its_faq_as_a_section_and_only_an_article_is_offered() {
    let s = structure(FERRY);
    assert!(s.looks_like_article());
    let body = s.body_with_faq();
    assert!(body.contains(
        "\n\n## Frequently Asked Questions\n\n### Who replaces the minister?\n\nHer deputy"
    ));
    assert!(crate::transform::faq::detect::detect(&body).is_some());
    // Two sentences are a paste, not an article.
    assert!(!structure("A line.\n\nAnother line.\n").looks_like_article());
    assert!(!structure("Title\n\nSee https://a.example for more.\n").looks_like_article());
}
