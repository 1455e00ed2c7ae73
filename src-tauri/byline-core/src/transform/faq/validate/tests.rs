use super::*;

fn qa(q: &str, a: &str) -> QuestionAnswer {
    QuestionAnswer::new(q, a)
}

fn problems(items: &[QuestionAnswer]) -> Vec<(u32, FaqProblem)> {
    validate(items)
        .into_iter()
        .map(|i| (i.index, i.problem))
        .collect()
}

#[test]
fn clean_items_have_no_issues() {
    let items = [
        qa("What is Byline?", "An editor."),
        qa("Is it free?", "Yes, **entirely**."),
    ];
    assert!(validate(&items).is_empty());
    assert!(validate(&[]).is_empty());
}

#[test]
fn empty_and_blank_fields() {
    let items = [
        qa("", "An answer."),
        qa("A question?", "  \n\t "),
        qa(" \u{a0} ", ""),
    ];
    assert_eq!(
        problems(&items),
        vec![
            (0, FaqProblem::EmptyQuestion),
            (1, FaqProblem::EmptyAnswer),
            (2, FaqProblem::EmptyQuestion),
            (2, FaqProblem::EmptyAnswer),
        ]
    );
    let issues = validate(&items);
    assert_eq!(
        issues[0].message,
        "Question 1 has no question; write one or remove the item."
    );
    assert_eq!(
        issues[1].message,
        "Question 2 has no answer; write one or remove the item."
    );
}

#[test]
fn blank_questions_are_not_duplicates_of_each_other() {
    let items = [qa("", "a"), qa("  ", "b")];
    assert_eq!(
        problems(&items),
        vec![
            (0, FaqProblem::EmptyQuestion),
            (1, FaqProblem::EmptyQuestion)
        ]
    );
}

#[test]
fn duplicates_ignore_case_spacing_and_trailing_question_mark() {
    let items = [
        qa("Other", "x"),
        qa("How do I  export?", "x"),
        qa("Unrelated?", "x"),
        qa("  how do i export ", "x"),
        qa("HOW DO I\tEXPORT ??", "x"),
        qa("How do I export it?", "x"),
    ];
    let issues = validate(&items);
    assert_eq!(
        issues
            .iter()
            .map(|i| (i.index, i.problem))
            .collect::<Vec<_>>(),
        vec![
            (3, FaqProblem::DuplicateQuestion),
            (4, FaqProblem::DuplicateQuestion)
        ]
    );
    // Every repeat names the first occurrence, not the previous repeat.
    assert_eq!(
        issues[0].message,
        "Question 4 repeats question 2; reword it or remove it."
    );
    assert!(issues[1]
        .message
        .starts_with("Question 5 repeats question 2"));
}

#[test]
fn case_folding_is_unicode_aware() {
    let items = [
        qa("Was kostet ÜBERSETZUNG?", "x"),
        qa("was kostet übersetzung", "x"),
    ];
    assert_eq!(problems(&items), vec![(1, FaqProblem::DuplicateQuestion)]);
}

#[test]
fn detects_html_tags() {
    for q in [
        "Is <b>this</b> bold?",
        "Why</script>?",
        "Line<br/>break?",
        "Line<br />break?",
        "Line<BR>break?",
        r#"A <a href="https://x.y">link</a>?"#,
        "An <img src=x onerror=alert(1)>?",
        "A <!-- comment --> here?",
        "A <my-widget> here?",
        "See <https://example.com>?",
    ] {
        assert!(has_markup(q), "{q:?} should be flagged");
    }
}

#[test]
fn detects_markdown() {
    for q in [
        "Is this **bold**?",
        "Is __this__ bold?",
        "What does `cargo test` do?",
        "Where is [the manual](https://example.com)?",
        "An image ![alt](x.png)?",
        "A bare ![ here?",
    ] {
        assert!(has_markup(q), "{q:?} should be flagged");
    }
}

#[test]
fn ordinary_punctuation_is_not_markup() {
    for q in [
        "Is C++ supported?",
        "What is 5 * 3?",
        "What is 2 ** 8?",
        "Is 2 * 3 * 4 = 24?",
        "Why snake_case?",
        "Is a < b always?",
        "Does x <= y hold?",
        "What does Vec<T> mean?",
        "Is HashMap<String, u32> fast?",
        "I <3 Byline, do you?",
        "What about -> and <- arrows?",
        "Why is the answer (see [1]) wrong?",
        "Does f(x)[0] work?",
        "Is it 50% off?",
        "Can I use `, the backtick key?",
        "Is the ratio <x:y> right?",
    ] {
        assert!(!has_markup(q), "{q:?} should not be flagged");
    }
}

#[test]
fn dunder_names_render_bold_so_they_count() {
    // CommonMark renders `__init__` as bold "init", so it is markup.
    assert!(has_markup("What is __init__ for?"));
}

#[test]
fn markup_issue_names_the_item() {
    let items = [qa("Fine?", "x"), qa("Is **this** ok?", "x")];
    let issues = validate(&items);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].index, 1);
    assert_eq!(issues[0].problem, FaqProblem::MarkupInQuestion);
    assert!(issues[0].message.starts_with("Question 2 "), "{issues:?}");
}

#[test]
fn an_item_can_have_several_issues() {
    let items = [qa("Is **it** free?", "Yes."), qa("is **it** free", " ")];
    assert_eq!(
        problems(&items),
        vec![
            (0, FaqProblem::MarkupInQuestion),
            (1, FaqProblem::EmptyAnswer),
            (1, FaqProblem::DuplicateQuestion),
            (1, FaqProblem::MarkupInQuestion),
        ]
    );
}

#[test]
fn publishable_keeps_items_without_issues() {
    let items = [
        qa("One?", "a"),
        qa("", "b"),
        qa("one", "c"),
        qa("Two?", "d"),
        qa("<b>Three</b>?", "e"),
    ];
    let (kept, issues) = publishable(&items);
    assert_eq!(kept, vec![0, 3]);
    assert_eq!(issues, validate(&items));
    assert_eq!(publishable(&[]), (vec![], vec![]));
}

#[test]
fn problems_serialise_in_snake_case() {
    let issue = FaqIssue {
        index: 3,
        problem: FaqProblem::MarkupInQuestion,
        message: "m".into(),
    };
    assert_eq!(
        serde_json::to_string(&issue).unwrap(),
        r#"{"index":3,"problem":"markup_in_question","message":"m"}"#
    );
}

#[test]
fn odd_input_does_not_panic() {
    for q in [
        "<",
        "</",
        "<!",
        "<a",
        "**",
        "****",
        "__",
        "`",
        "](",
        "[](",
        "![",
        "é<é>",
        "<é>",
        "</é>",
        "**é**",
        "<\u{1F600}>",
        "[\u{1F600}](\u{1F600})",
        "?",
        "？？",
    ] {
        let _ = validate(&[qa(q, q)]);
    }
    // Only question marks: both normalise to nothing and count as the same.
    assert_eq!(
        problems(&[qa("?", "a"), qa("??", "b")]),
        vec![(1, FaqProblem::DuplicateQuestion)]
    );
}

proptest::proptest! {
    #[test]
    fn any_input_gives_well_formed_issues(
        qs in proptest::collection::vec(("\\PC{0,30}", "\\PC{0,10}"), 0..8)
    ) {
        let items: Vec<QuestionAnswer> = qs.iter().map(|(q, a)| qa(q, a)).collect();
        let (kept, issues) = publishable(&items);
        for issue in &issues {
            proptest::prop_assert!((issue.index as usize) < items.len());
            let prefix = format!("Question {} ", issue.index + 1);
            proptest::prop_assert!(issue.message.starts_with(&prefix));
        }
        for i in kept {
            proptest::prop_assert!(!issues.iter().any(|x| x.index as usize == i));
        }
    }
}
