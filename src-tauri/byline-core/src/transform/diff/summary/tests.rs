use super::*;

fn state(body: &str) -> RevisionState {
    RevisionState {
        meta: crate::domain::article::ArticleMeta {
            title: "Ferry".into(),
            ..Default::default()
        },
        body: body.into(),
        ..RevisionState::default()
    }
}

fn label(before: &str, after: &str) -> String {
    summarise(&state(before), &state(after)).label
}

#[test]
fn words_added_under_a_heading_name_the_heading() {
    let before = "Intro line.\n\n## What changes\n\nFares rise.\n\n## Who pays\n\nRiders.\n";
    let after = "Intro line.\n\n## What changes\n\nFares rise in May for every rider on the night boats.\n\n## Who pays\n\nRiders.\n";
    let s = summarise(&state(before), &state(after));
    assert_eq!(s.label, "+9 words in 'What changes'");
    assert_eq!((s.words_added, s.words_removed), (9, 0));
    assert!(s.chars_changed >= 40, "{}", s.chars_changed);
    assert!(s.fields.is_empty());
}

#[test]
fn a_new_section_is_named_by_its_own_heading() {
    let before = "Intro line.\n";
    let after = "Intro line.\n\n## What changes for riders\n\nFares rise in May.\n";
    assert_eq!(
        label(before, after),
        "+8 words in 'What changes for riders'"
    );
}

#[test]
fn text_above_any_heading_is_named_by_its_first_words() {
    assert_eq!(
        label(
            "",
            "The ferry leaves at noon and returns at six every weekday."
        ),
        "+11 words: 'The ferry leaves at noon and…'"
    );
    assert_eq!(
        label("", "The ferry leaves."),
        "+3 words: 'The ferry leaves.'"
    );
    assert_eq!(label("One two three.", "One."), "−2 words: 'two three.'");
}

#[test]
fn cuts_and_additions_and_several_sections_are_counted() {
    let before = "## A\n\nold words here\n\n## B\n\nmore old\n";
    let after = "## A\n\nnew words here now\n\n## B\n\nmore new\n";
    assert_eq!(
        label(before, after),
        "+3 −2 words in 'A' and 1 more section"
    );
}

#[test]
fn punctuation_only_and_fields_only_changes_say_so() {
    assert_eq!(
        label("Hello world", "Hello, world"),
        "Spacing and punctuation: ','"
    );
    let before = state("Same body.");
    let mut after = before.clone();
    after.meta.title = "Ferry returns".into();
    after.faq.push(crate::domain::faq::QuestionAnswer {
        question: "When?".into(),
        answer: "Noon.".into(),
    });
    let s = summarise(&before, &after);
    assert_eq!(s.label, "Edited Title, FAQ");
    assert_eq!(s.fields, ["Title", "FAQ"]);
    assert_eq!(s.chars_changed, 0);
    assert_eq!(summarise(&before, &before).label, "No change");
}

#[test]
fn headings_in_code_and_long_headings_are_handled() {
    let before = "## Real heading that goes on and on well past forty characters\n\n```\n# not a heading\n```\n\nText.\n";
    let after = "## Real heading that goes on and on well past forty characters\n\n```\n# not a heading\n```\n\nText and more.\n";
    let got = label(before, after);
    assert_eq!(
        got,
        "+2 words in 'Real heading that goes on and on well p…'"
    );
    assert!(got.chars().count() <= LABEL_CHARS);
}

#[test]
fn a_label_is_never_the_old_placeholder_and_never_too_long() {
    let long = "word ".repeat(500);
    let s = summarise(&state(""), &state(&long));
    assert!(s.label.starts_with("+500 words"), "{}", s.label);
    assert!(s.label.chars().count() <= LABEL_CHARS);
    assert!(!s.label.contains("Checkpoint"));
}
