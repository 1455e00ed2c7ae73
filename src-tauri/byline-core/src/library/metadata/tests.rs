use super::*;
use crate::domain::article::ArticleField::*;
use crate::domain::article::Status;
use chrono::Local;

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("l.byline")).unwrap();
    (dir, lib)
}

#[test]
fn a_new_article_gets_a_slug_from_its_title_unique_in_the_library() {
    let (_d, mut lib) = library();
    let a = lib.create_article("Café prices rise", "").unwrap();
    let b = lib.create_article("Café Prices Rise!", "").unwrap();
    let c = lib.create_article("", "").unwrap();
    let d = lib.create_article("", "").unwrap();
    assert_eq!(a.meta.slug, "cafe-prices-rise");
    assert_eq!(b.meta.slug, "cafe-prices-rise-2");
    assert_eq!(
        (c.meta.slug.as_str(), d.meta.slug.as_str()),
        ("untitled", "untitled-2")
    );
    assert!(!a.slug_is_custom);
}

#[test]
fn the_slug_follows_the_title_until_the_writer_sets_it_or_it_is_published() {
    let (_d, mut lib) = library();
    let id = lib.create_article("First idea", "").unwrap().id;
    assert_eq!(
        lib.rename_article(id, "Better idea").unwrap().meta.slug,
        "better-idea"
    );

    let custom = lib.set_field(id, Slug, "My Own URL").unwrap();
    assert_eq!(
        (custom.meta.slug.as_str(), custom.slug_is_custom),
        ("my-own-url", true)
    );
    assert_eq!(
        lib.rename_article(id, "Final idea").unwrap().meta.slug,
        "my-own-url"
    );

    // Clearing the slug hands it back to the title.
    let auto = lib.set_field(id, Slug, "").unwrap();
    assert_eq!(
        (auto.meta.slug.as_str(), auto.slug_is_custom),
        ("final-idea", false)
    );

    lib.set_status(id, Status::Published).unwrap();
    assert_eq!(
        lib.rename_article(id, "Retitled after publication")
            .unwrap()
            .meta
            .slug,
        "final-idea",
        "a published URL does not move by itself"
    );
}

#[test]
fn a_slug_clash_is_refused_and_changes_nothing() {
    let (_d, mut lib) = library();
    let taken = lib.create_article("Budget vote", "").unwrap();
    let other = lib.create_article("Other", "").unwrap();
    let err = lib.set_field(other.id, Slug, "Budget Vote").unwrap_err();
    assert_eq!(err.code(), "slug_taken");
    assert!(
        err.to_string().contains("\"budget-vote\"") && err.to_string().contains("Budget vote"),
        "{err}"
    );
    assert_eq!(lib.article(other.id).unwrap(), other);

    // The check the panel runs while typing says the same, before saving.
    let check = lib.check_slug(other.id, "budget vote").unwrap();
    assert_eq!(check.slug, "budget-vote");
    assert_eq!(check.taken_by.as_deref(), Some("Budget vote"));
    assert_eq!(
        lib.check_slug(taken.id, "budget-vote").unwrap().taken_by,
        None,
        "its own slug is free to it"
    );
    assert_eq!(lib.check_slug(other.id, "fresh").unwrap().taken_by, None);
}

#[test]
fn a_trashed_articles_slug_stays_taken_until_deleted_for_good() {
    let (_d, mut lib) = library();
    let old = lib.create_article("Ferry", "").unwrap().id;
    lib.trash(old).unwrap();
    assert_eq!(
        lib.create_article("Ferry", "").unwrap().meta.slug,
        "ferry-2"
    );
    lib.delete_forever(old).unwrap();
    assert_eq!(lib.create_article("Ferry", "").unwrap().meta.slug, "ferry");
}

#[test]
fn text_fields_are_one_line_and_limited() {
    let (_d, mut lib) = library();
    let id = lib.create_article("T", "").unwrap().id;
    let a = lib
        .set_field(id, Dek, "  A line\nbroken by a paste  ")
        .unwrap();
    assert_eq!(a.meta.dek, "A line broken by a paste");
    let a = lib
        .set_field(id, MetaDescription, "Short summary.")
        .unwrap();
    assert_eq!(a.meta.meta_description, "Short summary.");

    let before = lib.article(id).unwrap();
    let err = lib
        .set_field(id, Dek, &"x".repeat(MAX_DEK_CHARS + 1))
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(
        err.to_string().starts_with("dek is 401 characters long"),
        "{err}"
    );
    let err = lib.set_field(id, Title, &"t".repeat(5000)).unwrap_err();
    assert!(err.to_string().contains("5000 characters"), "{err}");
    assert_eq!(
        lib.article(id).unwrap(),
        before,
        "refused input changes nothing"
    );
}

#[test]
fn authors_and_tags_are_cleaned_lists_in_written_order() {
    let (_d, mut lib) = library();
    let id = lib.create_article("T", "").unwrap().id;
    let a = lib
        .set_field(id, Authors, "Ana  Ruiz, , Tom Lee,ana ruiz")
        .unwrap();
    assert_eq!(a.meta.authors, vec!["Ana Ruiz", "Tom Lee"]);
    let a = lib
        .set_field(id, Tags, "#Politics, local news, politics, Budget")
        .unwrap();
    assert_eq!(a.meta.tags, vec!["Politics", "local news", "Budget"]);
    assert_eq!(
        lib.list_articles().unwrap()[0].tags,
        a.meta.tags,
        "the list shows them too"
    );
    let a = lib.set_field(id, Tags, "").unwrap();
    assert!(a.meta.tags.is_empty());

    let many: Vec<String> = (0..=MAX_TAGS).map(|i| format!("t{i}")).collect();
    assert_eq!(
        lib.set_field(id, Tags, &many.join(",")).unwrap_err().code(),
        "invalid_input"
    );
}

#[test]
fn urls_must_be_web_addresses_and_images_may_be_paths() {
    let (_d, mut lib) = library();
    let id = lib.create_article("T", "").unwrap().id;
    let a = lib
        .set_field(id, CanonicalUrl, " https://example.com/news/ferry ")
        .unwrap();
    assert_eq!(a.meta.canonical_url, "https://example.com/news/ferry");
    for bad in [
        "example.com/x",
        "javascript:alert(1)",
        "\u{2028}javascript:alert(1)",
        "&#x6A;avascript:alert(1)",
        "ftp://example.com/",
        "not a url",
    ] {
        let err = lib.set_field(id, CanonicalUrl, bad).unwrap_err();
        assert_eq!(err.code(), "invalid_input", "{bad}");
    }
    assert_eq!(
        lib.set_field(id, FeaturedImage, "/images/cover.jpg")
            .unwrap()
            .meta
            .featured_image,
        "/images/cover.jpg"
    );
    assert_eq!(
        lib.set_field(id, FeaturedImage, "https://cdn.example.com/a.png")
            .unwrap()
            .meta
            .featured_image,
        "https://cdn.example.com/a.png"
    );
    for bad in [
        "javascript:alert(1)",
        "data:image/png;base64,AAAA",
        "file:///etc/passwd",
        // Issue 22: script URLs behind separators or character references.
        "\u{2028}javascript:alert(1)",
        "\u{A0}java\u{200B}script:alert(1)",
        "&#106;avascript:alert(1)",
        "javascript&colon;alert(1)",
    ] {
        assert_eq!(
            lib.set_field(id, FeaturedImage, bad).unwrap_err().code(),
            "invalid_input",
            "{bad}"
        );
    }
    assert_eq!(
        lib.article(id).unwrap().meta.featured_image,
        "https://cdn.example.com/a.png"
    );
}

#[test]
fn publish_dates_accept_dates_times_and_rfc3339() {
    let (_d, mut lib) = library();
    let id = lib.create_article("T", "").unwrap().id;
    let a = lib
        .set_field(id, PublishAt, "2026-05-01T09:30:00+02:00")
        .unwrap();
    assert_eq!(
        a.meta.publish_at.unwrap().to_rfc3339(),
        "2026-05-01T07:30:00+00:00"
    );
    let local = publish_date("2026-05-01 09:30").unwrap().unwrap();
    assert_eq!(
        local
            .with_timezone(&Local)
            .format("%Y-%m-%d %H:%M")
            .to_string(),
        "2026-05-01 09:30"
    );
    assert!(publish_date("2026-05-01").unwrap().is_some());
    assert_eq!(
        lib.set_field(id, PublishAt, "").unwrap().meta.publish_at,
        None
    );
    for bad in ["May 1st", "2026-13-01", "0001-01-01", "tomorrow"] {
        assert_eq!(
            lib.set_field(id, PublishAt, bad).unwrap_err().code(),
            "invalid_input",
            "{bad}"
        );
    }
}

#[test]
fn setting_a_field_to_its_value_changes_nothing_and_edits_bump_the_edit_time() {
    let (_d, mut lib) = library();
    let id = lib.create_article("T", "").unwrap().id;
    let a = lib.set_field(id, Dek, "Same").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(5));
    assert_eq!(
        lib.set_field(id, Dek, " Same ").unwrap().updated_at,
        a.updated_at
    );
    assert!(lib.set_field(id, Dek, "Other").unwrap().updated_at > a.updated_at);
}

#[test]
fn a_trashed_article_cannot_be_edited() {
    let (_d, mut lib) = library();
    let id = lib.create_article("T", "").unwrap().id;
    lib.trash(id).unwrap();
    assert_eq!(
        lib.set_field(id, Dek, "x").unwrap_err().code(),
        "article_trashed"
    );
}

#[test]
fn fields_parse_from_their_command_line_names() {
    for field in ArticleField::ALL {
        assert_eq!(field.as_str().parse::<ArticleField>().unwrap(), field);
    }
    assert_eq!(
        "meta_description".parse::<ArticleField>().unwrap(),
        MetaDescription
    );
    let err = "colour".parse::<ArticleField>().unwrap_err();
    assert!(
        err.to_string()
            .contains("\"colour\" is not a field; use one of title, dek"),
        "{err}"
    );
}

#[test]
fn articles_are_found_by_slug_or_by_number() {
    let (_d, mut lib) = library();
    let a = lib.create_article("Harbour", "").unwrap();
    let numeric = lib.create_article("2026", "").unwrap();
    assert_eq!(lib.find("harbour").unwrap().id, a.id);
    assert_eq!(lib.find(&a.id.0.to_string()).unwrap().id, a.id);
    assert_eq!(lib.find(&format!("#{}", a.id.0)).unwrap().id, a.id);
    assert_eq!(
        lib.find("2026").unwrap().id,
        numeric.id,
        "a slug wins over a number"
    );
    assert_eq!(lib.find("nope").unwrap_err().code(), "article_not_found");
}

#[test]
fn a_duplicate_copies_the_metadata_but_not_the_identity() {
    let (_d, mut lib) = library();
    let id = lib.create_article("Ferry", "body").unwrap().id;
    lib.set_field(id, Dek, "dek").unwrap();
    lib.set_field(id, Tags, "a, b").unwrap();
    lib.set_field(id, Authors, "Ana").unwrap();
    lib.set_field(id, CanonicalUrl, "https://example.com/ferry")
        .unwrap();
    lib.set_field(id, PublishAt, "2026-01-01").unwrap();
    let copy = lib.duplicate(id).unwrap();
    assert_eq!(
        (
            copy.meta.dek.as_str(),
            copy.meta.tags.clone(),
            copy.meta.authors.clone()
        ),
        (
            "dek",
            vec!["a".to_string(), "b".to_string()],
            vec!["Ana".to_string()]
        )
    );
    assert_eq!(copy.meta.slug, "ferry-copy");
    assert_eq!(
        (copy.meta.canonical_url.as_str(), copy.meta.publish_at),
        ("", None)
    );
}

#[test]
fn a_word_target_is_a_positive_whole_number_or_nothing() {
    let (_d, mut lib) = library();
    let id = lib.create_article("Harbour", "").unwrap().id;
    assert_eq!(lib.article(id).unwrap().meta.word_target, None);

    let set = lib.set_field(id, WordTarget, " 1,500 ").unwrap();
    assert_eq!(set.meta.word_target, Some(1500));
    assert_eq!(lib.article(id).unwrap().meta.word_target, Some(1500));
    assert_eq!(set.meta.text(WordTarget), "1500");

    for bad in ["0", "-5", "12.5", "twelve", "1e3", "1000001", "99999999999"] {
        let err = lib.set_field(id, WordTarget, bad).unwrap_err();
        assert_eq!(err.code(), "invalid_input", "{bad}");
        assert!(
            err.to_string().contains("whole number from 1 to 1000000"),
            "{bad}: {err}"
        );
    }
    // A refused value changes nothing.
    assert_eq!(lib.article(id).unwrap().meta.word_target, Some(1500));

    // A copy keeps the goal; empty clears it.
    let copy = lib.duplicate(id).unwrap();
    assert_eq!(copy.meta.word_target, Some(1500));
    assert_eq!(
        lib.set_field(id, WordTarget, "").unwrap().meta.word_target,
        None
    );
    assert_eq!("goal".parse::<ArticleField>().unwrap(), WordTarget);
}
