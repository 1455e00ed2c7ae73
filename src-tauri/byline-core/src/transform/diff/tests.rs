use super::*;
use crate::domain::article::ArticleMeta;

fn render(spans: &[DiffSpan]) -> String {
    spans
        .iter()
        .map(|s| match s.kind {
            DiffKind::Same => s.text.clone(),
            DiffKind::Added => format!("{{+{}+}}", s.text),
            DiffKind::Removed => format!("[-{}-]", s.text),
        })
        .collect()
}

/// Both texts must come back exactly from the spans.
fn check(old: &str, new: &str) -> String {
    let spans = word_diff(old, new);
    let side = |skip: DiffKind| -> String {
        spans
            .iter()
            .filter(|s| s.kind != skip)
            .map(|s| s.text.as_str())
            .collect()
    };
    assert_eq!(side(DiffKind::Added), old);
    assert_eq!(side(DiffKind::Removed), new);
    render(&spans)
}

#[test]
fn a_changed_word_shows_as_that_word() {
    assert_eq!(
        check(
            "The council voted on Tuesday.",
            "The council voted on Wednesday."
        ),
        "The council voted on [-Tuesday-]{+Wednesday+}."
    );
}

#[test]
fn punctuation_is_its_own_change() {
    assert_eq!(
        check("However the plan failed.", "However, the plan failed!"),
        "However{+,+} the plan failed[-.-]{+!+}"
    );
}

#[test]
fn neighbouring_replacements_read_as_one() {
    assert_eq!(
        check("a quick brown fox", "a slow red fox"),
        "a [-quick brown-]{+slow red+} fox"
    );
}

#[test]
fn a_moved_sentence_is_removed_in_one_place_and_added_in_the_other() {
    let old = "First comes this. Then that happens. Finally the end.";
    let new = "Then that happens. First comes this. Finally the end.";
    let shown = check(old, new);
    assert!(shown.contains("[-") && shown.contains("{+"), "{shown}");
    let spans = word_diff(old, new);
    let moved = |kind| {
        spans
            .iter()
            .filter(|s| s.kind == kind)
            .map(|s| s.text.clone())
            .collect::<String>()
    };
    // The moved words are all there is to the change.
    assert_eq!(
        moved(DiffKind::Added).split_whitespace().count(),
        moved(DiffKind::Removed).split_whitespace().count()
    );
}

#[test]
fn unicode_words_are_whole() {
    assert_eq!(
        check("Café à Kyiv", "Café à Київ"),
        "Café à [-Kyiv-]{+Київ+}"
    );
    assert_eq!(
        check("Fun 🎉 times", "Fun 🎊 times"),
        "Fun [-🎉-]{+🎊+} times"
    );
    let shown = check("naïve résumé", "naive résumé");
    assert_eq!(shown, "[-naïve-]{+naive+} résumé");
}

#[test]
fn comparison_lists_changed_fields_and_counts_words() {
    let before = RevisionState {
        meta: ArticleMeta {
            title: "Old".into(),
            tags: vec!["a".into()],
            ..ArticleMeta::default()
        },
        body: "one two three".into(),
        ..RevisionState::default()
    };
    let after = RevisionState {
        meta: ArticleMeta {
            title: "New".into(),
            tags: vec!["a".into(), "b".into()],
            ..ArticleMeta::default()
        },
        body: "one two three four five".into(),
        ..RevisionState::default()
    };
    let c = compare(&before, &after);
    let fields: Vec<(&str, &str, &str)> = c
        .fields
        .iter()
        .map(|f| (f.field.as_str(), f.before.as_str(), f.after.as_str()))
        .collect();
    assert_eq!(fields, [("Title", "Old", "New"), ("Tags", "a", "a, b")]);
    assert_eq!((c.words_added, c.words_removed), (2, 0));
    let same = compare(&after, &after);
    assert!(same.fields.is_empty());
    assert_eq!(same.body.len(), 1);
}

#[test]
fn paragraphs_that_all_changed_still_diff_word_by_word() {
    let old: Vec<String> = (0..6)
        .map(|i| format!("Paragraph {i} says the ferry leaves at noon from pier {i}."))
        .collect();
    let mut new: Vec<String> = old.iter().map(|p| p.replace("noon", "one")).collect();
    new.insert(
        0,
        "A brand new opening paragraph about something else entirely.".into(),
    );
    new.remove(4);
    let (old, new) = (old.join("\n\n"), new.join("\n\n"));
    let shown = check(&old, &new);
    assert_eq!(shown.matches("[-noon-]{+one+}").count(), 5, "{shown}");
    assert!(
        shown.starts_with("{+A brand new opening paragraph"),
        "{shown}"
    );
    assert!(shown.contains("[-Paragraph 3 says"), "{shown}");
}

#[test]
fn prose_tokens_rejoin_to_the_text() {
    for text in [
        "Don't stop — l’été à Kyiv, 2026!",
        "Fun 🎉 times\n\n",
        "東京の天気",
        "e\u{301}te\u{301} and naïve",
        "",
    ] {
        assert_eq!(tokens(text).concat(), text);
    }
    assert_eq!(tokens("Don't stop."), ["Don't", " ", "stop", "."]);
    assert_eq!(tokens("東京"), ["東", "京"]);
}
