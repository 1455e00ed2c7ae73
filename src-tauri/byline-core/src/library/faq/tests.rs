use std::time::Duration;

use super::*;
use crate::domain::revision::RevisionKind;
use crate::library::CheckpointPolicy;

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("lib.byline")).unwrap();
    (dir, lib)
}

fn qa(q: &str, a: &str) -> QuestionAnswer {
    QuestionAnswer::new(q, a)
}

fn questions(lib: &Library, id: ArticleId) -> Vec<String> {
    lib.article(id)
        .unwrap()
        .faq
        .iter()
        .map(|f| f.question.clone())
        .collect()
}

#[test]
fn items_are_added_in_order_and_at_a_position_and_come_with_the_article() {
    let (_dir, mut lib) = library();
    let id = lib.create_article("Ferries", "Body").unwrap().id;
    lib.add_faq_item(id, &qa("When?", "Daily."), None).unwrap();
    lib.add_faq_item(id, &qa("Where?", "Pier 4."), None)
        .unwrap();
    let first = lib
        .add_faq_item(id, &qa("Who?", "Anyone."), Some(0))
        .unwrap();
    assert_eq!(questions(&lib, id), ["Who?", "When?", "Where?"]);
    assert_eq!(lib.faq_item(first.id).unwrap().answer, "Anyone.");
    // Past the end means last.
    lib.add_faq_item(id, &qa("How much?", "€3."), Some(99))
        .unwrap();
    assert_eq!(questions(&lib, id).last().unwrap(), "How much?");
    assert!(
        lib.article(id).unwrap().faq_structured_data,
        "on by default"
    );
}

#[test]
fn questions_are_one_line_and_limits_are_refused_without_change() {
    let (_dir, mut lib) = library();
    let id = lib.create_article("A", "").unwrap().id;
    let err = lib
        .add_faq_item(id, &qa("Two\nlines?", "x"), None)
        .unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    let long = "q".repeat(faq::MAX_QUESTION_CHARS + 1);
    assert!(lib.add_faq_item(id, &qa(&long, "x"), None).is_err());
    let huge = "a".repeat(faq::MAX_ANSWER_BYTES + 1);
    assert!(lib.add_faq_item(id, &qa("Q?", &huge), None).is_err());
    assert!(lib.article(id).unwrap().faq.is_empty());
    // Empty items are allowed while writing (flagged, not refused).
    let item = lib.add_faq_item(id, &qa("  ", ""), None).unwrap();
    assert_eq!(item.question, "");
}

#[test]
fn edit_move_remove_and_undo_the_removal() {
    let (_dir, mut lib) = library();
    let id = lib.create_article("A", "").unwrap().id;
    let a = lib.add_faq_item(id, &qa("A?", "1"), None).unwrap();
    let b = lib.add_faq_item(id, &qa("B?", "2"), None).unwrap();
    let c = lib.add_faq_item(id, &qa("C?", "3"), None).unwrap();

    lib.update_faq_item(b.id, &qa("Bee?", "two")).unwrap();
    assert_eq!(lib.faq_item(b.id).unwrap().answer, "two");

    lib.move_faq_item(c.id, 0).unwrap();
    assert_eq!(questions(&lib, id), ["C?", "A?", "Bee?"]);
    lib.move_faq_item(c.id, 2).unwrap();
    assert_eq!(questions(&lib, id), ["A?", "Bee?", "C?"]);

    let removed = lib.remove_faq_item(b.id).unwrap();
    assert_eq!(removed.position, 1);
    assert_eq!(questions(&lib, id), ["A?", "C?"]);
    assert_eq!(lib.faq_item(b.id).unwrap_err().code(), "faq_item_not_found");
    lib.restore_faq_item(&removed).unwrap();
    assert_eq!(questions(&lib, id), ["A?", "Bee?", "C?"]);
    let _ = a;
}

#[test]
fn faq_text_is_searchable_and_follows_edits() {
    let (_dir, mut lib) = library();
    let id = lib
        .create_article("Ferries", "Boats on the river.")
        .unwrap()
        .id;
    let item = lib
        .add_faq_item(
            id,
            &qa("Are bicycles allowed?", "Yes, on the lower deck."),
            None,
        )
        .unwrap();
    let hits = lib.search("bicycles", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].article.id, id);
    assert!(hits[0]
        .snippet
        .iter()
        .any(|p| p.hit && p.text.contains("bicycles")));

    lib.update_faq_item(item.id, &qa("Are scooters allowed?", "No."))
        .unwrap();
    assert!(lib.search("bicycles", 10).unwrap().is_empty());
    assert_eq!(lib.search("scooters", 10).unwrap().len(), 1);
    lib.remove_faq_item(item.id).unwrap();
    assert!(lib.search("scooters", 10).unwrap().is_empty());
}

#[test]
fn faq_changes_are_kept_in_revisions_and_restored() {
    let (_dir, mut lib) = library();
    lib.set_checkpoint_policy(CheckpointPolicy {
        pause: Duration::from_millis(50),
        interval: Duration::from_secs(3600),
        ..CheckpointPolicy::default()
    });
    let id = lib.create_article("A", "Body").unwrap().id;
    lib.add_faq_item(id, &qa("Old question?", "Old answer."), None)
        .unwrap();
    let snap = lib.snapshot(id, "with the old FAQ").unwrap();
    lib.add_faq_item(id, &qa("Second?", "Yes."), None).unwrap();
    std::thread::sleep(Duration::from_millis(80));
    let item = lib.article(id).unwrap().faq[0].id;
    lib.update_faq_item(item, &qa("New question?", "New answer."))
        .unwrap();
    // The edit after a pause kept the state before it (with two items).
    let history = lib.history(id).unwrap();
    let checkpoint = history
        .iter()
        .find(|r| r.kind == RevisionKind::Checkpoint)
        .expect("a checkpoint before the edit");
    let kept = lib.revision_state(id, checkpoint.number).unwrap();
    assert_eq!(kept.faq.len(), 2);
    assert_eq!(kept.faq[0].question, "Old question?");

    let cmp = lib.compare_revisions(id, snap.number, None).unwrap();
    assert!(
        cmp.fields.iter().any(|f| f.field.contains("FAQ")
            && f.before.contains("Old question?")
            && f.after.contains("New question?")),
        "FAQ changes show in the comparison: {:?}",
        cmp.fields
    );

    lib.restore_revision(id, snap.number).unwrap();
    let faq = lib.article(id).unwrap().faq;
    assert_eq!(faq.len(), 1);
    assert_eq!(faq[0].question, "Old question?");
    assert_eq!(faq[0].answer, "Old answer.");
}

#[test]
fn a_shared_block_updates_every_article_until_one_detaches() {
    let (_dir, mut lib) = library();
    let one = lib.create_article("One", "").unwrap().id;
    let two = lib.create_article("Two", "").unwrap().id;
    let three = lib.create_article("Three", "").unwrap().id;
    let item = lib
        .add_faq_item(one, &qa("Is it free?", "Yes."), None)
        .unwrap();
    let block = lib.share_faq_item(item.id).unwrap();
    assert_eq!(block.uses, 1);
    let in_two = lib.insert_faq_block(two, block.id, None).unwrap();
    let in_three = lib.insert_faq_block(three, block.id, Some(0)).unwrap();
    assert_eq!(in_two.shared, Some(block.id));
    assert_eq!(lib.faq_block(block.id).unwrap().uses, 3);

    // Editing the block, or a linked item, changes all of them.
    lib.update_faq_block(block.id, &qa("Is it free?", "Yes, until May."))
        .unwrap();
    for id in [one, two, three] {
        assert_eq!(lib.article(id).unwrap().faq[0].answer, "Yes, until May.");
    }
    assert_eq!(lib.search("until", 10).unwrap().len(), 3, "search follows");

    lib.detach_faq_item(in_three.id).unwrap();
    lib.update_faq_item(in_two.id, &qa("Is it free?", "No longer."))
        .unwrap();
    assert_eq!(lib.article(one).unwrap().faq[0].answer, "No longer.");
    assert_eq!(lib.article(two).unwrap().faq[0].answer, "No longer.");
    assert_eq!(
        lib.article(three).unwrap().faq[0].answer,
        "Yes, until May.",
        "a detached copy keeps its text"
    );
    // The detached copy is now the article's own.
    lib.update_faq_item(in_three.id, &qa("Is it free?", "Ask us."))
        .unwrap();
    assert_eq!(lib.faq_block(block.id).unwrap().answer, "No longer.");

    // Deleting the block leaves the copies.
    lib.delete_faq_block(block.id).unwrap();
    assert!(lib.faq_blocks().unwrap().is_empty());
    assert_eq!(lib.article(one).unwrap().faq[0].answer, "No longer.");
    assert_eq!(lib.article(one).unwrap().faq[0].shared, None);
    assert_eq!(
        lib.faq_block(block.id).unwrap_err().code(),
        "faq_block_not_found"
    );
}

#[test]
fn a_trashed_article_keeps_its_faq_unchanged() {
    let (_dir, mut lib) = library();
    let id = lib.create_article("A", "").unwrap().id;
    let item = lib.add_faq_item(id, &qa("Q?", "A."), None).unwrap();
    let block = lib.share_faq_item(item.id).unwrap();
    let other = lib.create_article("B", "").unwrap().id;
    lib.insert_faq_block(other, block.id, None).unwrap();
    lib.trash(id).unwrap();
    assert_eq!(
        lib.add_faq_item(id, &qa("More?", "x"), None)
            .unwrap_err()
            .code(),
        "article_trashed"
    );
    assert_eq!(
        lib.update_faq_item(item.id, &qa("Q?", "B."))
            .unwrap_err()
            .code(),
        "article_trashed"
    );
    lib.update_faq_block(block.id, &qa("Q?", "Changed."))
        .unwrap();
    assert_eq!(lib.article(id).unwrap().faq[0].answer, "A.");
    assert_eq!(lib.article(other).unwrap().faq[0].answer, "Changed.");
}

#[test]
fn deleting_an_article_for_good_deletes_its_items_but_not_shared_blocks() {
    let (_dir, mut lib) = library();
    let id = lib.create_article("A", "").unwrap().id;
    let item = lib.add_faq_item(id, &qa("Q?", "A."), None).unwrap();
    let block = lib.share_faq_item(item.id).unwrap();
    lib.trash(id).unwrap();
    lib.delete_forever(id).unwrap();
    assert_eq!(
        lib.faq_item(item.id).unwrap_err().code(),
        "faq_item_not_found"
    );
    assert_eq!(lib.faq_block(block.id).unwrap().uses, 0);
}

#[test]
fn set_faq_replaces_all_items_and_respects_the_limit() {
    let (_dir, mut lib) = library();
    let id = lib.create_article("A", "").unwrap().id;
    lib.add_faq_item(id, &qa("Old?", "x"), None).unwrap();
    lib.set_faq(id, &[qa("One?", "1"), qa("Two?", "2")])
        .unwrap();
    assert_eq!(questions(&lib, id), ["One?", "Two?"]);
    let too_many: Vec<_> = (0..=faq::MAX_ITEMS)
        .map(|i| qa(&format!("Q{i}?"), "a"))
        .collect();
    assert!(lib.set_faq(id, &too_many).is_err());
    assert_eq!(
        questions(&lib, id),
        ["One?", "Two?"],
        "refused: nothing changed"
    );
}

#[test]
fn structured_data_can_be_switched_off_per_article() {
    let (_dir, mut lib) = library();
    let id = lib.create_article("A", "").unwrap().id;
    assert!(
        !lib.set_faq_structured_data(id, false)
            .unwrap()
            .faq_structured_data
    );
    assert!(
        lib.set_faq_structured_data(id, true)
            .unwrap()
            .faq_structured_data
    );
}

#[test]
fn site_settings_default_save_and_refuse_bad_values_whole() {
    let (_dir, mut lib) = library();
    let defaults = lib.site_settings().unwrap();
    assert_eq!(defaults.faq_heading, "Frequently Asked Questions");
    assert!(defaults.faq_structured_data);
    let mut s = defaults.clone();
    s.name = "The Ferry Times".into();
    s.base_url = "https://ferry.example/news".into();
    s.faq_heading = "  ".into();
    let saved = lib.set_site_settings(&s).unwrap();
    assert_eq!(saved.base_url, "https://ferry.example/news/");
    assert_eq!(saved.faq_heading, "Frequently Asked Questions");
    assert_eq!(lib.site_settings().unwrap(), saved);

    let mut bad = saved.clone();
    bad.name = "Changed".into();
    bad.base_url = "javascript:alert(1)".into();
    assert_eq!(
        lib.set_site_settings(&bad).unwrap_err().code(),
        "invalid_input"
    );
    bad.base_url = String::new();
    bad.language = "en GB".into();
    assert!(lib.set_site_settings(&bad).is_err());
    assert_eq!(lib.site_settings().unwrap().name, "The Ferry Times");
}
