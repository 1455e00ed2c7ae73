use std::collections::BTreeSet;

use proptest::prelude::*;

use super::*;
use crate::domain::article::ArticleId;

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("l.byline")).unwrap();
    (dir, lib)
}

fn ids(hits: &[SearchHit]) -> Vec<ArticleId> {
    hits.iter().map(|h| h.article.id).collect()
}

#[test]
fn queries_quote_every_term_and_make_the_last_word_a_prefix() {
    assert_eq!(fts_query("budget").unwrap().as_deref(), Some("\"budget\"*"));
    assert_eq!(
        fts_query("city budget ").unwrap().as_deref(),
        Some("\"city\" \"budget\"")
    );
    assert_eq!(
        fts_query("\"city council\" bud").unwrap().as_deref(),
        Some("\"city council\" \"bud\"*")
    );
    assert_eq!(
        fts_query("bud \"city council\"").unwrap().as_deref(),
        Some("\"bud\" \"city council\"")
    );
    // FTS5 operators and stray quotes are just text.
    assert_eq!(
        fts_query("NOT -x OR y*").unwrap().as_deref(),
        Some("\"NOT\" \"-x\" \"OR\" \"y*\"*")
    );
    assert_eq!(
        fts_query("\"unterminated phrase").unwrap().as_deref(),
        Some("\"unterminated phrase\"")
    );
    // `tag:` looks in the tags column alone, for a word or a phrase.
    assert_eq!(
        fts_query("tag:transit").unwrap().as_deref(),
        Some("tags_text : \"transit\"*")
    );
    assert_eq!(
        fts_query("Tag:\"new york\" ferry").unwrap().as_deref(),
        Some("tags_text : \"new york\" \"ferry\"*")
    );
    assert_eq!(fts_query("tag: ").unwrap(), None);
    assert_eq!(fts_query("   ").unwrap(), None);
    assert_eq!(fts_query("- * \"\"").unwrap(), None);
    assert_eq!(
        fts_query(&"a".repeat(MAX_QUERY_CHARS + 1))
            .unwrap_err()
            .code(),
        "invalid_input"
    );
}

#[test]
fn finds_words_prefixes_phrases_and_ranks_title_hits_first() {
    let (_d, mut lib) = library();
    let body_only = lib
        .create_article("Weekend notes", "The council budget passed on Tuesday.")
        .unwrap()
        .id;
    let in_title = lib
        .create_article("Budget vote delayed", "Nothing else to report.")
        .unwrap()
        .id;
    let other = lib
        .create_article("Bridge opens", "Traffic is light.")
        .unwrap()
        .id;

    assert_eq!(
        ids(&lib.search("budget", 20).unwrap()),
        vec![in_title, body_only]
    );
    assert_eq!(
        ids(&lib.search("bud", 20).unwrap()),
        vec![in_title, body_only],
        "prefix as you type"
    );
    assert_eq!(
        ids(&lib.search("\"council budget\"", 20).unwrap()),
        vec![body_only]
    );
    assert!(
        lib.search("\"budget council\"", 20).unwrap().is_empty(),
        "phrases keep word order"
    );
    assert_eq!(
        ids(&lib.search("traffic bridge", 20).unwrap()),
        vec![other],
        "terms are AND-ed"
    );
    assert!(lib.search("", 20).unwrap().is_empty());
    assert_eq!(
        lib.search("budget", 1).unwrap().len(),
        1,
        "limit is honoured"
    );
}

#[test]
fn accents_are_found_with_or_without_diacritics() {
    let (_d, mut lib) = library();
    let id = lib
        .create_article("Café culture", "Crème brûlée at the résumé workshop.")
        .unwrap()
        .id;
    assert_eq!(ids(&lib.search("cafe", 20).unwrap()), vec![id]);
    assert_eq!(ids(&lib.search("café", 20).unwrap()), vec![id]);
    assert_eq!(ids(&lib.search("creme brulee", 20).unwrap()), vec![id]);
    assert_eq!(ids(&lib.search("RÉSUMÉ", 20).unwrap()), vec![id]);
}

#[test]
fn snippets_mark_hits_and_never_carry_markup_as_markup() {
    let (_d, mut lib) = library();
    lib.create_article(
        "T",
        "Before <script>alert(1)</script> the budget passed after a long night.",
    )
    .unwrap();
    let hit = &lib.search("budget", 20).unwrap()[0];
    let marked: Vec<&str> = hit
        .snippet
        .iter()
        .filter(|p| p.hit)
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(marked, ["budget"]);
    let text: String = hit.snippet.iter().map(|p| p.text.as_str()).collect();
    assert!(
        text.contains("<script>"),
        "text is returned as text, for the UI to escape: {text}"
    );
    assert!(!text.contains(HIT_START) && !text.contains(HIT_END));
}

#[test]
fn the_index_follows_edits_and_renames_in_the_same_write() {
    let (_d, mut lib) = library();
    let id = lib.create_article("Draft", "old words").unwrap().id;
    lib.save_body(id, "new words").unwrap();
    assert!(lib.search("old", 20).unwrap().is_empty());
    assert_eq!(ids(&lib.search("new", 20).unwrap()), vec![id]);
    lib.rename_article(id, "Harbour report").unwrap();
    assert_eq!(ids(&lib.search("harbour", 20).unwrap()), vec![id]);
    assert!(lib.search("draft", 20).unwrap().is_empty());
}

#[test]
fn the_dek_is_searched_between_title_and_body_in_weight() {
    let (_d, mut lib) = library();
    let in_body = lib.create_article("One", "a ferry story").unwrap().id;
    let in_dek = lib.create_article("Two", "nothing here").unwrap().id;
    lib.set_field(
        in_dek,
        crate::domain::article::ArticleField::Dek,
        "How the ferry came back",
    )
    .unwrap();
    let in_title = lib.create_article("Ferry", "other words").unwrap().id;
    assert_eq!(
        ids(&lib.search("ferry", 20).unwrap()),
        vec![in_title, in_dek, in_body]
    );
    // Clearing the dek takes it out of the index in the same write.
    lib.set_field(in_dek, crate::domain::article::ArticleField::Dek, "")
        .unwrap();
    assert_eq!(
        ids(&lib.search("ferry", 20).unwrap()),
        vec![in_title, in_body]
    );
}

#[test]
fn tags_are_found_by_a_plain_word_or_tag_name_and_follow_edits() {
    use crate::domain::article::ArticleField;
    let (_d, mut lib) = library();
    let tagged = lib
        .create_article("Ferry back", "Service resumes.")
        .unwrap()
        .id;
    lib.set_field(tagged, ArticleField::Tags, "Transit, #New York")
        .unwrap();
    let mentions = lib
        .create_article("Bus notes", "Transit riders waited.")
        .unwrap()
        .id;
    let other = lib.create_article("Weather", "Rain.").unwrap().id;

    // A plain word finds the tag and the body that says it; `tag:` only the tag.
    let plain = ids(&lib.search("transit", 20).unwrap());
    assert_eq!(plain.len(), 2);
    assert!(plain.contains(&tagged) && plain.contains(&mentions));
    assert_eq!(ids(&lib.search("tag:transit", 20).unwrap()), vec![tagged]);
    assert_eq!(ids(&lib.search("tag:tran", 20).unwrap()), vec![tagged]);
    assert_eq!(
        ids(&lib.search("tag:\"new york\"", 20).unwrap()),
        vec![tagged]
    );
    assert!(lib.search("tag:rain", 20).unwrap().is_empty());

    // A tag-only hit still comes with a snippet marking it.
    let hit = &lib.search("york", 20).unwrap()[0];
    assert!(
        hit.snippet.iter().any(|p| p.hit && p.text == "York"),
        "{:?}",
        hit.snippet
    );

    // Duplicates carry the tags; changing or clearing them follows at once.
    let copy = lib.duplicate(tagged).unwrap().id;
    let found = ids(&lib.search("tag:transit", 20).unwrap());
    assert!(
        found.contains(&copy) && found.contains(&tagged),
        "{found:?}"
    );
    lib.set_field(tagged, ArticleField::Tags, "Weather")
        .unwrap();
    assert_eq!(ids(&lib.search("tag:transit", 20).unwrap()), vec![copy]);
    let weather = ids(&lib.search("tag:weather", 20).unwrap());
    assert_eq!(weather, vec![tagged]);
    lib.set_field(tagged, ArticleField::Tags, "").unwrap();
    assert!(lib.search("tag:weather", 20).unwrap().is_empty());
    assert_eq!(ids(&lib.search("weather", 20).unwrap()), vec![other]);
    assert_eq!(lib.integrity_check().unwrap(), "ok");
}

#[test]
fn a_schema_eleven_library_gets_its_tags_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v11.byline");
    let id = {
        let mut lib = Library::open(&path).unwrap();
        let id = lib.create_article("Ferry", "Service resumes.").unwrap().id;
        lib.set_field(
            id,
            crate::domain::article::ArticleField::Tags,
            "transit, harbour",
        )
        .unwrap();
        id
    };
    {
        // Put the file back to schema 11: the tags exist, the search column
        // not, nor anything a later migration added (the word target, the
        // publishing tables).
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "DROP TRIGGER articles_fts_insert;
             DROP TRIGGER articles_fts_delete;
             DROP TRIGGER articles_fts_update;
             DROP TABLE articles_fts;
             CREATE VIRTUAL TABLE articles_fts USING fts5(
                 title, dek, body, faq_text, content = 'articles', content_rowid = 'id');
             INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
             CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN SELECT 1; END;
             CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN SELECT 1; END;
             CREATE TRIGGER articles_fts_update AFTER UPDATE ON articles BEGIN SELECT 1; END;
             ALTER TABLE articles DROP COLUMN tags_text;
             ALTER TABLE articles DROP COLUMN word_target;
             DROP TABLE publishing_accounts;
             DROP TABLE publications;
             DROP TABLE published_media;
             PRAGMA user_version = 11;",
        )
        .unwrap();
    }
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.schema_version().unwrap(), super::super::SCHEMA_VERSION);
    assert_eq!(ids(&lib.search("tag:harbour", 20).unwrap()), vec![id]);
    assert_eq!(ids(&lib.search("transit", 20).unwrap()), vec![id]);
    assert_eq!(lib.integrity_check().unwrap(), "ok");
}

#[test]
fn a_version_one_library_gets_its_existing_articles_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("v1.byline");
    {
        // A library as the first release wrote it: schema 1, one article.
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(
            "CREATE TABLE articles (id INTEGER PRIMARY KEY, title TEXT NOT NULL DEFAULT '',
                body TEXT NOT NULL DEFAULT '', words INTEGER NOT NULL DEFAULT 0,
                created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL);
             CREATE INDEX articles_by_updated_at ON articles (updated_at DESC, id DESC);
             INSERT INTO articles VALUES (1, 'Old piece', 'archived harbour story', 3, 0, 0);",
        )
        .unwrap();
        conn.pragma_update(None, "application_id", super::super::APPLICATION_ID)
            .unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
    }
    let lib = Library::open(&path).unwrap();
    assert_eq!(lib.schema_version().unwrap(), super::super::SCHEMA_VERSION);
    assert_eq!(ids(&lib.search("harbour", 20).unwrap()), vec![ArticleId(1)]);
    assert_eq!(lib.article(ArticleId(1)).unwrap().meta.slug, "old-piece");
    assert_eq!(lib.integrity_check().unwrap(), "ok");
}

// --- Property: the index always agrees with a plain scan of the articles. ---

const VOCAB: &[&str] = &[
    "budget", "bridge", "café", "cafe", "council", "naïve", "harbour", "vote", "Tuesday",
];

/// What the tokenizer does to our vocabulary: lower case, diacritics off.
fn fold(word: &str) -> String {
    word.to_lowercase().replace('é', "e").replace('ï', "i")
}

fn words() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(VOCAB), 0..6).prop_map(|w| w.join(" "))
}

#[derive(Debug, Clone)]
enum Op {
    Create(String, String),
    Edit(usize, String),
    Rename(usize, String),
    Dek(usize, String),
    Tags(usize, String),
    Duplicate(usize),
    Trash(usize),
    Restore(usize),
    Delete(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (words(), words()).prop_map(|(t, b)| Op::Create(t, b)),
        (any::<usize>(), words()).prop_map(|(i, b)| Op::Edit(i, b)),
        (any::<usize>(), words()).prop_map(|(i, t)| Op::Rename(i, t)),
        (any::<usize>(), words()).prop_map(|(i, d)| Op::Dek(i, d)),
        (any::<usize>(), words()).prop_map(|(i, t)| Op::Tags(i, t.replace(' ', ","))),
        any::<usize>().prop_map(Op::Duplicate),
        any::<usize>().prop_map(Op::Trash),
        any::<usize>().prop_map(Op::Restore),
        any::<usize>().prop_map(Op::Delete),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn search_equals_a_naive_scan(ops in prop::collection::vec(op(), 1..25), query in prop::sample::select(VOCAB), prefix_len in 2usize..5) {
        let (_d, mut lib) = library();
        let mut created: Vec<ArticleId> = Vec::new();
        for op in ops {
            let pick = |i: usize| created.get(i % created.len().max(1)).copied();
            match op {
                Op::Create(t, b) => created.push(lib.create_article(&t, &b).unwrap().id),
                Op::Edit(i, b) => if let Some(id) = pick(i) { lib.save_body(id, &b).unwrap(); },
                Op::Rename(i, t) => if let Some(id) = pick(i) { lib.rename_article(id, &t).unwrap(); },
                Op::Dek(i, d) => if let Some(id) = pick(i) {
                    // Refused for a trashed article, and then nothing changes.
                    match lib.set_field(id, crate::domain::article::ArticleField::Dek, &d) {
                        Ok(_) => {}
                        Err(e) => prop_assert_eq!(e.code(), "article_trashed"),
                    }
                },
                Op::Tags(i, t) => if let Some(id) = pick(i) {
                    match lib.set_field(id, crate::domain::article::ArticleField::Tags, &t) {
                        Ok(_) => {}
                        Err(e) => prop_assert_eq!(e.code(), "article_trashed"),
                    }
                },
                Op::Duplicate(i) => if let Some(id) = pick(i) { created.push(lib.duplicate(id).unwrap().id); },
                Op::Trash(i) => if let Some(id) = pick(i) { lib.trash(id).unwrap(); },
                Op::Restore(i) => if let Some(id) = pick(i) { lib.restore(id).unwrap(); },
                Op::Delete(i) => if let Some(id) = pick(i) {
                    // Only from the trash; otherwise refused and nothing changes.
                    match lib.delete_forever(id) {
                        Ok(()) => created.retain(|c| *c != id),
                        Err(e) => prop_assert_eq!(e.code(), "not_in_trash"),
                    }
                },
            }
        }
        let scan = |matches: &dyn Fn(&str) -> bool| -> BTreeSet<ArticleId> {
            created.iter().copied().filter(|id| {
                let a = lib.article(*id).unwrap();
                a.trashed_at.is_none() && format!("{} {} {} {}", a.meta.title, a.meta.dek, a.body, a.meta.tags.join(" "))
                    // Tokens as unicode61 makes them: "(copy)" is "copy".
                    .split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).any(|w| matches(&fold(w)))
            }).collect()
        };
        let found: BTreeSet<ArticleId> = lib.search(&format!("{query} "), 1000).unwrap().iter().map(|h| h.article.id).collect();
        prop_assert_eq!(found, scan(&|w| w == fold(query)));

        let prefix: String = fold(query).chars().take(prefix_len).collect();
        let found: BTreeSet<ArticleId> = lib.search(&prefix, 1000).unwrap().iter().map(|h| h.article.id).collect();
        prop_assert_eq!(found, scan(&|w| w.starts_with(&prefix)));
    }
}
