use super::*;

#[test]
fn titles_become_lower_case_hyphenated_ascii() {
    assert_eq!(
        from_title("Ten Ways to Cut Your Budget"),
        "ten-ways-to-cut-your-budget"
    );
    assert_eq!(
        from_title("  What's new -- in 2026?  "),
        "whats-new-in-2026"
    );
    assert_eq!(from_title("Rock & Roll: a history"), "rock-roll-a-history");
}

#[test]
fn accents_and_other_scripts_are_transliterated() {
    assert_eq!(from_title("Café à Kyiv"), "cafe-a-kyiv");
    assert_eq!(from_title("Straße über Ærø"), "strasse-uber-aero");
    assert_eq!(from_title("Привет мир"), "privet-mir");
    assert_eq!(from_title("Ελληνικά νέα"), "ellenika-nea");
    assert_eq!(from_title("東京"), "dong-jing");
}

#[test]
fn emoji_are_left_out() {
    assert_eq!(from_title("🚀 Launch day 🎉"), "launch-day");
    assert_eq!(from_title("Flags 🇫🇷 and 👩‍💻 coders"), "flags-and-coders");
}

#[test]
fn a_title_with_nothing_sluggable_gets_the_fallback() {
    assert_eq!(from_title(""), FALLBACK_SLUG);
    assert_eq!(from_title("🎉🎉"), FALLBACK_SLUG);
    assert_eq!(from_title("?!"), FALLBACK_SLUG);
    assert_eq!(normalize("?!"), "");
}

#[test]
fn long_titles_are_cut_at_a_word_break() {
    let title = "word ".repeat(40);
    let slug = from_title(&title);
    assert!(slug.len() <= AUTO_SLUG_CHARS, "{slug}");
    assert!(slug.ends_with("word"), "{slug}");
    let unbroken = "a".repeat(200);
    assert_eq!(from_title(&unbroken).len(), AUTO_SLUG_CHARS);
}

#[test]
fn first_free_adds_the_smallest_free_suffix() {
    let taken = vec![
        "post".to_string(),
        "post-2".to_string(),
        "post-4".to_string(),
    ];
    let is_taken = |s: &str| taken.iter().any(|t| t == s);
    assert_eq!(first_free("post", is_taken), "post-3");
    assert_eq!(first_free("other", is_taken), "other");
}

#[test]
fn every_slug_is_url_safe() {
    for title in [
        "Ünïcödé ✨ tïtlé",
        "a--b__c",
        "-leading",
        "trailing-",
        "日本語のタイトル",
        "\u{0}\u{7}",
    ] {
        let slug = from_title(title);
        assert!(
            slug.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
            "{title:?} → {slug:?}"
        );
        assert!(
            !slug.starts_with('-') && !slug.ends_with('-') && !slug.contains("--"),
            "{slug}"
        );
    }
}
