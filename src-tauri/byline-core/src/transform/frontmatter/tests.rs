use proptest::prelude::*;
use serde_json::json;

use super::*;

fn fields(value: Value) -> Map<String, Value> {
    match value {
        Value::Object(map) => map,
        other => panic!("test data must be an object, got {other}"),
    }
}

#[test]
fn hugo_yaml() {
    let text = "---
title: \"Shipping a Markdown editor\"
date: 2024-05-01T10:00:00+02:00
draft: false
weight: 10
tags:
  - rust
  - tauri
categories: [engineering, tools]
params:
  author: Ana
  featured: true
  rating: 4.5
---

Intro paragraph.

---

After a thematic break.
";
    let doc = split(text).unwrap();
    assert_eq!(doc.dialect, Some(Dialect::Yaml));
    assert_eq!(
        Value::Object(doc.fields.clone()),
        json!({
            "title": "Shipping a Markdown editor",
            // YAML 1.2 has no timestamp type: the date stays its text.
            "date": "2024-05-01T10:00:00+02:00",
            "draft": false,
            "weight": 10,
            "tags": ["rust", "tauri"],
            "categories": ["engineering", "tools"],
            "params": {"author": "Ana", "featured": true, "rating": 4.5},
        })
    );
    let keys: Vec<&str> = doc.fields.keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        [
            "title",
            "date",
            "draft",
            "weight",
            "tags",
            "categories",
            "params"
        ]
    );
    assert_eq!(
        doc.body,
        "Intro paragraph.\n\n---\n\nAfter a thematic break.\n"
    );
}

#[test]
fn jekyll_yaml() {
    let text = "---
layout: post
title:  \"Welcome to Jekyll!\"
date:   2015-11-10 15:32:14 -0300
permalink: /blog/:year/:month/:title/
categories: jekyll update
---
You'll find this post in your `_posts` directory.
";
    let doc = split(text).unwrap();
    assert_eq!(doc.dialect, Some(Dialect::Yaml));
    assert_eq!(
        Value::Object(doc.fields),
        json!({
            "layout": "post",
            "title": "Welcome to Jekyll!",
            "date": "2015-11-10 15:32:14 -0300",
            "permalink": "/blog/:year/:month/:title/",
            "categories": "jekyll update",
        })
    );
    // No blank line after the fence: nothing to remove.
    assert_eq!(
        doc.body,
        "You'll find this post in your `_posts` directory.\n"
    );
}

#[test]
fn astro_yaml() {
    let text = "---
title: 'First post'
description: 'Lorem ipsum dolor sit amet'
pubDate: 'Jul 08 2022'
heroImage: '/blog-placeholder-3.jpg'
---

Lorem ipsum.
";
    let doc = split(text).unwrap();
    assert_eq!(
        Value::Object(doc.fields),
        json!({
            "title": "First post",
            "description": "Lorem ipsum dolor sit amet",
            "pubDate": "Jul 08 2022",
            "heroImage": "/blog-placeholder-3.jpg",
        })
    );
    assert_eq!(doc.body, "Lorem ipsum.\n");
}

#[test]
fn zola_toml() {
    let text = "+++
title = \"What's new in 0.3\"
date = 2024-05-01
updated = 2024-05-02T08:30:00Z
draft = false
weight = 3

[taxonomies]
tags = [\"rust\", \"zola\"]

[extra]
toc = true
author = \"Ana\"
local = 2024-05-02T08:30:00
at = 07:45:00
+++

Body.

+++

Still body.
";
    let doc = split(text).unwrap();
    assert_eq!(doc.dialect, Some(Dialect::Toml));
    assert_eq!(
        Value::Object(doc.fields),
        json!({
            "title": "What's new in 0.3",
            "date": "2024-05-01",
            "updated": "2024-05-02T08:30:00Z",
            "draft": false,
            "weight": 3,
            "taxonomies": {"tags": ["rust", "zola"]},
            "extra": {
                "toc": true,
                "author": "Ana",
                "local": "2024-05-02T08:30:00",
                "at": "07:45:00",
            },
        })
    );
    assert_eq!(doc.body, "Body.\n\n+++\n\nStill body.\n");
}

#[test]
fn no_front_matter() {
    for text in [
        "",
        "# Title\n\nText.\n",
        "---x\n---\n",
        "text\n---\ntitle: x\n---\n",
        "\n---\ntitle: x\n---\n",
        "----\ntitle: x\n----\n",
        "++++\n",
    ] {
        let doc = split(text).unwrap();
        assert_eq!(doc.dialect, None, "{text:?}");
        assert!(doc.fields.is_empty());
        assert_eq!(doc.body, text);
    }
}

#[test]
fn bom_is_ignored() {
    let doc = split("\u{feff}---\ntitle: Hi\n---\n\nBody\n").unwrap();
    assert_eq!(doc.dialect, Some(Dialect::Yaml));
    assert_eq!(Value::Object(doc.fields), json!({"title": "Hi"}));
    assert_eq!(doc.body, "Body\n");

    let doc = split("\u{feff}+++\ntitle = \"Hi\"\n+++\nBody").unwrap();
    assert_eq!(doc.dialect, Some(Dialect::Toml));
    assert_eq!(doc.body, "Body");

    let doc = split("\u{feff}Just text").unwrap();
    assert_eq!(doc.dialect, None);
    assert_eq!(doc.body, "Just text");
}

#[test]
fn crlf_files() {
    let doc =
        split("---  \r\ntitle: Hi\r\ntags:\r\n  - a\r\n---\t\r\n\r\nLine one\r\nLine two\r\n")
            .unwrap();
    assert_eq!(
        Value::Object(doc.fields),
        json!({"title": "Hi", "tags": ["a"]})
    );
    assert_eq!(doc.body, "Line one\r\nLine two\r\n");

    let doc = split("+++\r\ntitle = \"Hi\"\r\n+++\r\n\r\n\r\nBody\r\n").unwrap();
    assert_eq!(Value::Object(doc.fields), json!({"title": "Hi"}));
    // Only one blank line belongs to the fence.
    assert_eq!(doc.body, "\r\nBody\r\n");
}

#[test]
fn empty_and_null_headers() {
    for text in [
        "---\n---\n",
        "---\n---",
        "---\n\n---\nBody",
        "---\nnull\n---\n",
        "---\n# only a comment\n---\n",
        "---\n~\n---\n",
    ] {
        let doc = split(text).unwrap();
        assert_eq!(doc.dialect, Some(Dialect::Yaml), "{text:?}");
        assert!(doc.fields.is_empty(), "{text:?}");
    }
    let doc = split("+++\n+++\n").unwrap();
    assert_eq!(doc.dialect, Some(Dialect::Toml));
    assert!(doc.fields.is_empty());
    assert_eq!(doc.body, "");
}

#[test]
fn dots_close_yaml() {
    let doc = split("---\ntitle: Hi\n...\n\nBody\n").unwrap();
    assert_eq!(Value::Object(doc.fields), json!({"title": "Hi"}));
    assert_eq!(doc.body, "Body\n");

    // `...` means nothing to TOML.
    assert_eq!(
        split("+++\ntitle = \"Hi\"\n...\n"),
        Err(FrontMatterError::Unterminated { fence: "+++" })
    );
}

#[test]
fn unterminated() {
    assert_eq!(
        split("---\ntitle: Hi\n\nBody with no closing fence\n"),
        Err(FrontMatterError::Unterminated { fence: "---" })
    );
    assert_eq!(
        split("---"),
        Err(FrontMatterError::Unterminated { fence: "---" })
    );
    // The other dialect's fence does not close.
    assert_eq!(
        split("+++\ntitle = \"Hi\"\n---\nBody\n"),
        Err(FrontMatterError::Unterminated { fence: "+++" })
    );
    let err = split("+++\ntitle = 1\n").unwrap_err();
    assert_eq!(
        err.to_string(),
        "the front matter opened with +++ on line 1 is never closed"
    );
}

#[test]
fn invalid_yaml_points_at_the_file_line() {
    let text = "---\ntitle: Hi\ndraft: false\ntags: [a, b\nweight: 1\n---\nBody\n";
    let Err(FrontMatterError::Invalid {
        dialect,
        line,
        detail,
    }) = split(text)
    else {
        panic!("expected an error");
    };
    assert_eq!(dialect, "YAML");
    assert!(!detail.is_empty());
    // The flow list opened on line 4 runs into line 5.
    assert!((4..=5).contains(&line), "line {line}: {detail}");

    let text = "---\ntitle: Hi\nsummary: one: two\n---\n";
    let err = split(text).unwrap_err();
    assert!(
        matches!(err, FrontMatterError::Invalid { line: 3, .. }),
        "{err:?}"
    );
    // The message the parser writes agrees with the line reported.
    assert!(err.to_string().contains("line 3"), "{err}");
}

#[test]
fn invalid_toml_points_at_the_file_line() {
    let text = "+++\ntitle = \"Hi\"\ndraft = false\ndate = \nweight = 1\n+++\n";
    let err = split(text).unwrap_err();
    let FrontMatterError::Invalid {
        dialect,
        line,
        detail,
    } = &err
    else {
        panic!("expected Invalid, got {err:?}");
    };
    assert_eq!(*dialect, "TOML");
    assert_eq!(*line, 4, "{detail}");
    assert!(!detail.contains('\n'), "{detail}");
    assert!(err
        .to_string()
        .starts_with("the TOML front matter is not valid (line 4): "));

    let duplicate = "+++\ntitle = \"a\"\n\ntitle = \"b\"\n+++\n";
    assert!(matches!(
        split(duplicate),
        Err(FrontMatterError::Invalid { line: 4, .. })
    ));
}

#[test]
fn header_must_be_a_mapping() {
    assert_eq!(
        split("---\n- one\n- two\n---\n"),
        Err(FrontMatterError::NotAMapping { found: "a list" })
    );
    assert_eq!(
        split("---\njust a sentence\n---\n"),
        Err(FrontMatterError::NotAMapping {
            found: "a single piece of text"
        })
    );
    assert_eq!(
        split("---\n42\n---\n"),
        Err(FrontMatterError::NotAMapping { found: "a number" })
    );
}

#[test]
fn odd_yaml_does_not_panic() {
    let doc = split("---\n1: one\ntrue: yes\n? [a, b]\n: pair\nnull: x\n---\n").unwrap();
    assert_eq!(
        Value::Object(doc.fields),
        json!({"1": "one", "true": "yes", "[\"a\",\"b\"]": "pair", "null": "x"})
    );

    let doc =
        split("---\nbase: &b {x: 1}\ncopy: *b\ntagged: !custom value\nnan: .nan\n---\n").unwrap();
    assert_eq!(
        Value::Object(doc.fields),
        json!({"base": {"x": 1}, "copy": {"x": 1}, "tagged": "value", "nan": ".nan"})
    );

    // Garbage of every kind: an error or a document, never a panic.
    for text in [
        "---\n*missing\n---\n",
        "---\n%YAML 1.2\n---\n",
        "---\n\t- tab\n---\n",
        "---\na: b\n  c: d\n---\n",
        "+++\n[a\n+++\n",
        "+++\na = [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\n+++\n",
        "+++\n= 1\n+++\n",
    ] {
        let _ = split(text);
    }
}

#[test]
fn yaml_strings_that_look_like_other_things_stay_strings() {
    let map = fields(json!({
        "date": "2024-05-01",
        "datetime": "2024-05-01T10:00:00Z",
        "int": "42",
        "float": "1.50",
        "hex": "0x1F",
        "exp": "1e3",
        "inf": ".inf",
        "bool": "true",
        "yes": "yes",
        "off": "Off",
        "null": "null",
        "tilde": "~",
        "empty": "",
        "dashes": "---",
        "dots": "...",
        "colon": "key: value",
        "hash": "# not a comment",
        "item": "- not a list",
        "quote": "'single' and \"double\"",
        "lead": " leading and trailing ",
    }));
    let text = write(Dialect::Yaml, &map, "");
    let back = split(&text).unwrap();
    assert_eq!(back.fields, map, "{text}");
}

#[test]
fn long_lines_with_fences_survive_folding() {
    let long = ["word --- ... +++"; 40].join(" ");
    let map = fields(json!({
        "long": long,
        "lines": format!("{long}\n---\n...\n+++\n{long}"),
        "list": [long.clone(), format!("--- {long}")],
    }));
    for dialect in [Dialect::Yaml, Dialect::Toml] {
        let text = write(dialect, &map, "---\n");
        let back = split(&text).unwrap();
        assert_eq!(back.fields, map, "{text}");
        assert_eq!(back.body, "---\n");
    }
}

#[test]
fn toml_strings_that_look_like_dates_stay_strings() {
    let map = fields(json!({
        "date": "2024-05-01",
        "datetime": "2024-05-01T10:00:00Z",
        "int": "42",
        "bool": "true",
        "fence": "+++",
        "multi": "one\n+++\ntwo",
        "crlf": "one\r\n+++\r\ntwo",
        "nested": {"deep": "a\n+++  \nb", "list": ["x\n+++", "y"]},
    }));
    let text = write(Dialect::Toml, &map, "Body\n");
    let back = split(&text).unwrap();
    assert_eq!(back.fields, map, "{text}");
    assert_eq!(back.body, "Body\n");
}

#[test]
fn toml_leaves_out_nulls_and_orders_tables_last() {
    let map = fields(json!({
        "extra": {"a": 1, "gone": null},
        "title": "T",
        "nothing": null,
        "list": [1, null, 2],
        "faq": [{"question": "Q?", "answer": "A."}],
        "draft": true,
        "big": u64::MAX,
    }));
    let text = write(Dialect::Toml, &map, "");
    let back = split(&text).unwrap();
    assert_eq!(
        Value::Object(back.fields),
        json!({
            "extra": {"a": 1},
            "title": "T",
            "list": [1, 2],
            "faq": [{"question": "Q?", "answer": "A."}],
            "draft": true,
            "big": u64::MAX.to_string(),
        }),
        "{text}"
    );
}

#[test]
fn empty_map_writes_empty_header() {
    let empty = Map::new();
    assert_eq!(write(Dialect::Yaml, &empty, "Body"), "---\n---\n\nBody");
    assert_eq!(write(Dialect::Toml, &empty, "Body"), "+++\n+++\n\nBody");
    let doc = split(&write(Dialect::Yaml, &empty, "Body")).unwrap();
    assert_eq!(doc.dialect, Some(Dialect::Yaml));
    assert!(doc.fields.is_empty());
    assert_eq!(doc.body, "Body");
}

fn sample() -> Map<String, Value> {
    fields(json!({
        "title": "Shipping a Markdown editor: notes",
        // A table before scalars: TOML must still write the scalars first.
        "extra": {"author": "Ana", "toc": true},
        "date": "2024-05-01T10:00:00+02:00",
        "draft": false,
        "weight": 10,
        "tags": ["rust", "tauri"],
        "summary": "Two lines\nof summary.",
        "faq": [
            {"question": "Is it free?", "answer": "Yes."},
            {"question": "Does it sync?", "answer": "Not yet."},
        ],
    }))
}

#[test]
fn write_yaml_snapshot() {
    insta::assert_snapshot!(write(Dialect::Yaml, &sample(), "Body text.\n"));
}

#[test]
fn write_toml_snapshot() {
    insta::assert_snapshot!(write(Dialect::Toml, &sample(), "Body text.\n"));
}

#[test]
fn dialect_serialises_in_snake_case() {
    assert_eq!(serde_json::to_value(Dialect::Yaml).unwrap(), json!("yaml"));
    assert_eq!(serde_json::to_value(Dialect::Toml).unwrap(), json!("toml"));
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>(),
        3 => "[ -~\n]{0,40}",
        2 => prop::collection::vec(
            prop::sample::select(vec![
                "---", "...", "+++", "\n", "\r\n", ": ", " #", "'", "\"", "\\", "- ", "é",
                "日本", "🦀", "2024-05-01", "12", "true", "null", "~", "  ", "\t", "word",
            ]),
            0..12
        )
        .prop_map(|parts| parts.concat()),
    ]
}

fn key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[a-zA-Z_][a-zA-Z0-9_]{0,10}",
        1 => text(),
    ]
}

fn value(nulls: bool) -> impl Strategy<Value = Value> {
    let question_answer = (text(), text())
        .prop_map(|(question, answer)| json!({"question": question, "answer": answer}));
    let null_weight = if nulls { 1 } else { 0 };
    prop_oneof![
        4 => text().prop_map(Value::String),
        2 => any::<i64>().prop_map(Value::from),
        1 => any::<bool>().prop_map(Value::Bool),
        null_weight => Just(Value::Null),
        2 => prop::collection::vec(text().prop_map(Value::String), 0..4).prop_map(Value::Array),
        2 => prop::collection::vec((key(), text().prop_map(Value::String)), 0..4)
            .prop_map(|entries| Value::Object(entries.into_iter().collect())),
        2 => prop::collection::vec(question_answer, 0..3).prop_map(Value::Array),
    ]
}

fn map(nulls: bool) -> impl Strategy<Value = Map<String, Value>> {
    prop::collection::vec((key(), value(nulls)), 0..8)
        .prop_map(|entries| entries.into_iter().collect())
}

fn body() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => any::<String>(),
        3 => (
            prop::collection::vec(
                prop::sample::select(vec![
                    "", "", "---", "+++", "...", "--- ", "Some text.", "# Heading", "  indented",
                    "title: not a field", "\r",
                ]),
                0..10,
            ),
            prop::sample::select(vec!["\n", "\r\n"]),
        )
            .prop_map(|(lines, newline)| lines.join(newline)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn yaml_round_trips(fields in map(true), body in body()) {
        let text = write(Dialect::Yaml, &fields, &body);
        let doc = split(&text);
        prop_assert!(doc.is_ok(), "{doc:?}\n{text}");
        let doc = doc.unwrap();
        prop_assert_eq!(doc.dialect, Some(Dialect::Yaml));
        prop_assert_eq!(&doc.fields, &fields, "{}", text);
        prop_assert_eq!(&doc.body, &body);
    }

    #[test]
    fn toml_round_trips(fields in map(false), body in body()) {
        let text = write(Dialect::Toml, &fields, &body);
        let doc = split(&text);
        prop_assert!(doc.is_ok(), "{doc:?}\n{text}");
        let doc = doc.unwrap();
        prop_assert_eq!(doc.dialect, Some(Dialect::Toml));
        prop_assert_eq!(&doc.fields, &fields, "{}", text);
        prop_assert_eq!(&doc.body, &body);
    }

    #[test]
    fn split_never_panics(text in any::<String>()) {
        let _ = split(&text);
        for fence in ["---\n", "+++\n"] {
            let _ = split(&format!("{fence}{text}\n{fence}"));
        }
    }
}
