use super::*;
use crate::domain::article::ArticleSummary;

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("l.byline")).unwrap();
    (dir, lib)
}

fn ids(articles: &[ArticleSummary]) -> Vec<ArticleId> {
    articles.iter().map(|a| a.id).collect()
}

fn statuses(history: &[StatusChange]) -> Vec<Status> {
    history.iter().map(|c| c.status).collect()
}

#[test]
fn a_new_article_is_a_draft_with_its_first_status_dated() {
    let (_d, mut lib) = library();
    let a = lib.create_article("T", "").unwrap();
    assert_eq!(a.status, Status::Draft);
    let history = lib.status_history(a.id).unwrap();
    assert_eq!(statuses(&history), [Status::Draft]);
    assert_eq!(history[0].changed_at, a.created_at);
}

#[test]
fn status_moves_forward_and_back_and_every_change_is_dated() {
    let (_d, mut lib) = library();
    let id = lib.create_article("T", "").unwrap().id;
    for s in [
        Status::InReview,
        Status::Ready,
        Status::InReview,
        Status::Ready,
        Status::Published,
        Status::Draft,
    ] {
        assert_eq!(lib.set_status(id, s).unwrap().status, s);
    }
    // The same status again is not a change.
    lib.set_status(id, Status::Draft).unwrap();
    let history = lib.status_history(id).unwrap();
    assert_eq!(
        statuses(&history),
        [
            Status::Draft,
            Status::InReview,
            Status::Ready,
            Status::InReview,
            Status::Ready,
            Status::Published,
            Status::Draft
        ]
    );
    assert!(history
        .windows(2)
        .all(|w| w[0].changed_at <= w[1].changed_at));
    assert_eq!(lib.list_articles().unwrap()[0].status, Status::Draft);
}

#[test]
fn statuses_parse_the_way_writers_type_them() {
    for (text, status) in [
        ("draft", Status::Draft),
        ("in-review", Status::InReview),
        ("In review", Status::InReview),
        ("IN_REVIEW", Status::InReview),
        (" ready ", Status::Ready),
        ("Published", Status::Published),
    ] {
        assert_eq!(text.parse::<Status>().unwrap(), status, "{text}");
    }
    let err = "live".parse::<Status>().unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    assert!(err.to_string().contains("in-review"), "{err}");
}

#[test]
fn trash_hides_an_article_from_the_library_and_search_and_restore_brings_it_back() {
    let (_d, mut lib) = library();
    let keep = lib.create_article("Keep", "harbour").unwrap().id;
    let bin = lib.create_article("Bin", "harbour report").unwrap().id;
    lib.set_status(bin, Status::Ready).unwrap();

    let trashed = lib.trash(bin).unwrap();
    assert!(trashed.trashed_at.is_some());
    assert_eq!(ids(&lib.list_articles().unwrap()), [keep]);
    assert_eq!(ids(&lib.list_trash().unwrap()), [bin]);
    assert_eq!(
        lib.search("harbour", 20).unwrap().len(),
        1,
        "trashed articles are not found"
    );
    // Trashing twice keeps the first time.
    assert_eq!(lib.trash(bin).unwrap().trashed_at, trashed.trashed_at);
    // A trashed article cannot move through the workflow.
    assert_eq!(
        lib.set_status(bin, Status::Published).unwrap_err().code(),
        "article_trashed"
    );

    let restored = lib.restore(bin).unwrap();
    assert_eq!(restored.trashed_at, None);
    assert_eq!(
        (
            restored.meta.title.as_str(),
            restored.body.as_str(),
            restored.status
        ),
        ("Bin", "harbour report", Status::Ready)
    );
    assert_eq!(lib.list_articles().unwrap().len(), 2);
    assert_eq!(lib.search("harbour", 20).unwrap().len(), 2);
}

#[test]
fn delete_for_good_only_from_the_trash() {
    let (_d, mut lib) = library();
    let id = lib.create_article("Gone", "ephemeral").unwrap().id;
    lib.set_status(id, Status::InReview).unwrap();
    assert_eq!(lib.delete_forever(id).unwrap_err().code(), "not_in_trash");
    assert_eq!(
        lib.article(id).unwrap().meta.title,
        "Gone",
        "nothing changed"
    );

    lib.trash(id).unwrap();
    lib.delete_forever(id).unwrap();
    assert_eq!(lib.article(id).unwrap_err().code(), "article_not_found");
    assert!(lib.list_trash().unwrap().is_empty());
    assert_eq!(
        lib.status_history(id).unwrap_err().code(),
        "article_not_found"
    );
    let orphans: i64 = lib
        .conn
        .query_row("SELECT count(*) FROM status_changes", [], |r| r.get(0))
        .unwrap();
    assert_eq!(orphans, 0, "history goes with the article");
    assert!(lib.search("ephemeral", 20).unwrap().is_empty());
    assert_eq!(
        lib.delete_forever(ArticleId(999)).unwrap_err().code(),
        "article_not_found"
    );
}

#[test]
fn empty_trash_deletes_only_what_is_in_the_trash() {
    let (_d, mut lib) = library();
    let live = lib.create_article("Live", "").unwrap().id;
    for t in ["A", "B"] {
        let id = lib.create_article(t, "").unwrap().id;
        lib.trash(id).unwrap();
    }
    assert_eq!(lib.empty_trash().unwrap(), 2);
    assert_eq!(lib.empty_trash().unwrap(), 0);
    assert_eq!(ids(&lib.list_articles().unwrap()), [live]);
    assert_eq!(lib.integrity_check().unwrap(), "ok");
}

#[test]
fn duplicate_is_a_new_draft_with_the_same_text() {
    let (_d, mut lib) = library();
    let original = lib
        .create_article("Budget explainer", "## What\n\nText.")
        .unwrap();
    lib.set_status(original.id, Status::Published).unwrap();
    let copy = lib.duplicate(original.id).unwrap();
    assert_ne!(copy.id, original.id);
    assert_eq!(copy.meta.title, "Budget explainer (copy)");
    assert_eq!(copy.body, original.body);
    assert_eq!(copy.status, Status::Draft);
    assert_eq!(
        lib.article(original.id).unwrap().status,
        Status::Published,
        "original untouched"
    );

    let untitled = lib.create_article("", "x").unwrap().id;
    assert_eq!(
        lib.duplicate(untitled).unwrap().meta.title,
        "Untitled (copy)"
    );
    let long = lib
        .create_article(&"t".repeat(super::super::MAX_TITLE_CHARS), "")
        .unwrap()
        .id;
    assert_eq!(
        lib.duplicate(long).unwrap().meta.title.chars().count(),
        super::super::MAX_TITLE_CHARS
    );
}
