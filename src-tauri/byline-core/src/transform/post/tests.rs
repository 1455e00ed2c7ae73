use super::*;

fn read_ok(text: &str) -> (Post, Mapping) {
    read(text).unwrap()
}

#[test]
fn hugo_yaml_maps_common_fields_and_keeps_the_rest() {
    let (post, m) = read_ok(
        "---\ntitle: Ferry fares rise\ndate: 2024-05-01T10:00:00+02:00\ndraft: true\n\
         tags: [transport, city]\ncategories: [News, transport]\nauthor: Ana Ruiz\n\
         summary: Fares rise in June.\nlayout: post\nparams:\n  weight: 3\n---\n\nBody {{< ref \"x\" >}}\n",
    );
    assert_eq!(post.title, "Ferry fares rise");
    assert_eq!(post.date.as_deref(), Some("2024-05-01T10:00:00+02:00"));
    assert_eq!(post.status, Some(Status::Draft));
    assert_eq!(
        post.tags,
        ["transport", "city", "News"],
        "merged, repeats once"
    );
    assert_eq!(post.authors, ["Ana Ruiz"]);
    assert_eq!(post.description, "Fares rise in June.");
    assert_eq!(post.body, "Body {{< ref \"x\" >}}\n", "shortcodes verbatim");
    assert_eq!(m.kept, ["layout", "params"]);
    assert!(m.mapped.contains(&"summary → description".to_string()));
    assert!(m.mapped.contains(&"categories → tags".to_string()));
    assert_eq!(post.extra["params"]["weight"], 3);
}

#[test]
fn jekyll_names_and_space_separated_categories() {
    let (post, m) = read_ok(
        "---\nlayout: post\ntitle: \"Hello\"\npermalink: /2024/05/hello-world.html\n\
         categories: news local\npublished: false\ndate: 2024-05-01 10:00:00 +0200\n---\n{% include x.html %}\n",
    );
    assert_eq!(post.slug.as_deref(), Some("hello-world"));
    assert_eq!(post.tags, ["news", "local"]);
    assert_eq!(post.status, Some(Status::Draft));
    assert!(
        m.kept.contains(&"permalink".to_string()),
        "the site needs it verbatim"
    );
    let at = post.publish_at().unwrap().unwrap();
    assert_eq!(at.to_rfc3339(), "2024-05-01T08:00:00+00:00");
    assert_eq!(post.body, "{% include x.html %}\n");
}

#[test]
fn astro_names() {
    let (post, _) = read_ok(
        "---\ntitle: Astro post\npubDate: 2024-07-02\nheroImage: /images/hero.jpg\ndescription: d\n---\nx\n",
    );
    assert_eq!(post.date.as_deref(), Some("2024-07-02"));
    assert_eq!(post.image, "/images/hero.jpg");
    assert_eq!(
        post.status,
        Some(Status::Published),
        "no draft key: published"
    );
}

#[test]
fn zola_tables_are_read_and_what_is_left_is_kept() {
    let (post, m) = read_ok(
        "+++\ntitle = \"Zola\"\ndate = 2024-05-01\n[taxonomies]\ntags = [\"a\", \"b\"]\nseries = [\"s\"]\n\
         [extra]\nsubtitle = \"Dek\"\nmood = \"calm\"\n[[extra.faq]]\nquestion = \"Q?\"\nanswer = \"A.\"\n+++\nBody\n",
    );
    assert_eq!(post.tags, ["a", "b"]);
    assert_eq!(post.dek, "Dek");
    assert_eq!(post.faq, [QuestionAnswer::new("Q?", "A.")]);
    assert_eq!(post.extra["taxonomies"]["series"][0], "s");
    assert_eq!(post.extra["extra"]["mood"], "calm");
    assert!(post.extra["extra"].get("subtitle").is_none());
    assert!(m.kept.contains(&"extra".to_string()));
}

#[test]
fn wrong_types_are_errors_that_name_the_key() {
    for (text, key) in [
        (
            "---\ntitle: [a, b]\n---\n",
            "`title` must be text, not a list",
        ),
        (
            "---\ntags: 5\n---\n",
            "`tags` must be a list of text, not a number",
        ),
        ("---\ndraft: maybe\n---\n", "`draft` must be true or false"),
        ("---\nfaq: yes please\n---\n", "`faq` must be a list"),
        (
            "---\nfaq:\n  - question: [1]\n---\n",
            "`faq` item 1: `question` must be text",
        ),
        ("---\nstatus: archived\n---\n", "`status` is \"archived\""),
    ] {
        let err = read(text).unwrap_err().0;
        assert!(err.contains(key), "{text:?}: {err}");
    }
    assert!(read("---\ntitle: x\n")
        .unwrap_err()
        .0
        .contains("never closed"));
}

#[test]
fn a_file_without_front_matter_is_a_draft_and_empty_values_are_skipped() {
    let (post, _) = read_ok("# Just text\n");
    assert_eq!(post.status, None);
    assert_eq!(post.body, "# Just text\n");
    let (_, m) = read_ok("---\ntitle: x\nupdated: null\n---\n");
    assert_eq!(m.skipped, ["updated (empty)"]);
}

fn sample() -> Post {
    Post {
        title: "Ferry: fares \"rise\"".into(),
        dek: "A dek".into(),
        slug: Some("ferry".into()),
        authors: vec!["Ana".into(), "Bo".into()],
        tags: vec!["transport".into()],
        description: "Desc".into(),
        canonical_url: "https://example.com/ferry/".into(),
        image: "assets/abc.png".into(),
        date: Some("2024-05-01T08:00:00Z".into()),
        status: Some(Status::Ready),
        faq: vec![QuestionAnswer::new("When?", "On **1 June**.\n\n- a\n- b")],
        body: "Body\n\n---\n\n+++\n".into(),
        extra: {
            let mut m = Map::new();
            m.insert("layout".into(), Value::String("post".into()));
            m
        },
        dialect: None,
    }
}

#[test]
fn writing_then_reading_gives_the_same_post_in_both_dialects() {
    for dialect in [Dialect::Yaml, Dialect::Toml] {
        let post = sample();
        let text = post.to_markdown(dialect);
        let (back, _) = read(&text).unwrap();
        assert_eq!(back.title, post.title, "{text}");
        assert_eq!(back.dek, post.dek);
        assert_eq!(back.slug, post.slug);
        assert_eq!(back.authors, post.authors);
        assert_eq!(back.tags, post.tags);
        assert_eq!(back.description, post.description);
        assert_eq!(back.canonical_url, post.canonical_url);
        assert_eq!(back.image, post.image);
        assert_eq!(back.date, post.date);
        assert_eq!(back.status, post.status);
        assert_eq!(back.faq, post.faq);
        assert_eq!(back.body, post.body);
        assert_eq!(back.extra["layout"], "post");
    }
}

#[test]
fn zola_output_keeps_unknown_top_level_keys_out_of_its_way() {
    let text = sample().to_markdown(Dialect::Toml);
    assert!(text.starts_with("+++\n"), "{text}");
    assert!(text.contains("[taxonomies]"));
    assert!(text.contains("[extra]"));
    assert!(text.contains("[[extra.faq]]"), "{text}");
}

#[test]
fn last_segment_of_permalinks() {
    assert_eq!(last_segment("/2024/05/ferry/").as_deref(), Some("ferry"));
    assert_eq!(last_segment("/blog/:title/"), Some("blog".into()));
    assert_eq!(last_segment("post.html").as_deref(), Some("post"));
    assert_eq!(last_segment("/"), None);
}

#[test]
fn a_script_url_in_front_matter_is_skipped_and_the_rest_read() {
    // Issue 22: refused, reported, left out (kept keys are written back by
    // Markdown export, so it is not kept either); the post still reads.
    let (post, m) = read_ok(
        "---\ntitle: Ferry\ncanonical: \"\\u2028javascript:alert(1)\"\n\
         image: \"&#106;avascript:alert(1)\"\ntags: [city]\n---\n\nBody\n",
    );
    assert_eq!(post.title, "Ferry");
    assert_eq!(post.tags, ["city"]);
    assert_eq!(post.body, "Body\n");
    assert_eq!(post.canonical_url, "");
    assert_eq!(post.image, "");
    assert_eq!(
        m.skipped,
        [
            "canonical (not a web address or a path)",
            "image (not a web address or a path)"
        ]
    );
    assert!(m.kept.is_empty());
    assert!(!post.extra.contains_key("canonical"));

    // Good ones are read as written, spaces and all (the library checks them).
    let (post, m) =
        read_ok("---\ncanonical: https://example.com/a\nimage: my cover.jpg\n---\n\nBody\n");
    assert_eq!(post.canonical_url, "https://example.com/a");
    assert_eq!(post.image, "my cover.jpg");
    assert!(m.skipped.is_empty());
}

#[test]
fn markdown_export_leaves_out_a_url_the_rule_refuses() {
    let at = chrono::Utc::now();
    let mut article = crate::domain::article::Article {
        id: crate::domain::article::ArticleId(1),
        meta: crate::domain::article::ArticleMeta {
            title: "Ferry".into(),
            slug: "ferry".into(),
            canonical_url: "JaVaScRiPt:alert(1)".into(),
            featured_image: "\u{3000}vbscript:msgbox(1)".into(),
            ..Default::default()
        },
        slug_is_custom: false,
        body: "Body\n".into(),
        body_hash: Default::default(),
        words: 1,
        status: Status::Draft,
        created_at: at,
        updated_at: at,
        trashed_at: None,
        faq: Vec::new(),
        faq_structured_data: true,
    };
    let md = Post::from_article(&article, &Map::new()).to_markdown(Dialect::Yaml);
    assert!(!md.contains("canonical"), "{md}");
    assert!(!md.contains("image"), "{md}");
    article.meta.featured_image = "assets/cover.png".into();
    let md = Post::from_article(&article, &Map::new()).to_markdown(Dialect::Yaml);
    assert!(md.contains("image: assets/cover.png"), "{md}");
}
