use std::time::Duration;

use proptest::prelude::*;

use super::*;
use crate::domain::article::{ArticleField, Status};

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("lib.byline")).unwrap();
    (dir, lib)
}

fn numbers(lib: &Library, id: ArticleId) -> Vec<(u32, RevisionKind)> {
    lib.history(id)
        .unwrap()
        .iter()
        .map(|r| (r.number, r.kind))
        .collect()
}

#[test]
fn typing_without_a_pause_takes_no_checkpoint_and_a_pause_takes_one() {
    let (_dir, mut lib) = library();
    lib.set_checkpoint_policy(CheckpointPolicy {
        pause: Duration::from_millis(150),
        interval: Duration::from_secs(3600),
        ..CheckpointPolicy::default()
    });
    let id = lib.create_article("Ferry", "").unwrap().id;
    for text in ["The", "The ferry", "The ferry runs", "The ferry runs late"] {
        lib.save_body(id, text).unwrap();
    }
    assert_eq!(
        lib.history(id).unwrap().len(),
        0,
        "no checkpoint per keystroke"
    );

    std::thread::sleep(Duration::from_millis(200));
    lib.save_body(id, "The ferry runs late again").unwrap();
    let history = lib.history(id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].kind, RevisionKind::Checkpoint);
    // The state at the pause, before the new typing.
    assert_eq!(
        lib.revision_state(id, 1).unwrap().body,
        "The ferry runs late"
    );
    assert_eq!(history[0].words, 4);
}

#[test]
fn continuous_writing_checkpoints_once_per_interval() {
    let (_dir, mut lib) = library();
    lib.set_checkpoint_policy(CheckpointPolicy {
        pause: Duration::from_secs(3600),
        interval: Duration::from_millis(100),
        // Each step is small; this test is about the interval, not the cap.
        coalesce: Duration::ZERO,
        ..CheckpointPolicy::default()
    });
    let id = lib.create_article("Ferry", "").unwrap().id;
    let mut text = String::new();
    let started = std::time::Instant::now();
    while started.elapsed() < Duration::from_millis(450) {
        text.push_str("word ");
        lib.save_body(id, &text).unwrap();
        std::thread::sleep(Duration::from_millis(10));
    }
    let n = lib.history(id).unwrap().len();
    assert!(
        (3..=6).contains(&n),
        "{n} checkpoints in 450 ms at one per 100 ms"
    );
}

#[test]
fn every_revision_kind_records_the_whole_state() {
    let (_dir, mut lib) = library();
    let id = lib.create_article("Budget", "Draft text.").unwrap().id;
    lib.set_field(id, ArticleField::Tags, "city, money")
        .unwrap();
    lib.set_field(id, ArticleField::Dek, "What it means")
        .unwrap();
    let snap = lib.snapshot(id, "  Sent to editor ").unwrap();
    assert_eq!(snap.label.as_deref(), Some("Sent to editor"));
    assert_eq!(snap.kind, RevisionKind::Snapshot);
    lib.set_status(id, Status::InReview).unwrap();
    assert_eq!(
        numbers(&lib, id),
        [(2, RevisionKind::Status), (1, RevisionKind::Snapshot)]
    );
    let state = lib.revision_state(id, 1).unwrap();
    assert_eq!(state.meta.title, "Budget");
    assert_eq!(state.meta.dek, "What it means");
    assert_eq!(state.meta.tags, ["city", "money"]);
    assert_eq!(state.body, "Draft text.");
    assert_eq!(state.status, Status::Draft);
    assert_eq!(lib.revision_state(id, 2).unwrap().status, Status::InReview);

    let renamed = lib.label_revision(id, 2, "Ready for edits").unwrap();
    assert_eq!(renamed.label.as_deref(), Some("Ready for edits"));
    assert!(lib.label_revision(id, 2, "two\nlines").is_err());
    assert!(lib
        .label_revision(id, 2, &"x".repeat(MAX_LABEL_CHARS + 1))
        .is_err());
    let err = lib.revision_state(id, 9).unwrap_err();
    assert_eq!(err.code(), "revision_not_found");
    assert!(err.to_string().contains("revision 9"), "{err}");
}

#[test]
fn restoring_keeps_the_whole_history_and_can_itself_be_undone() {
    let (_dir, mut lib) = library();
    let id = lib.create_article("Ferry", "First version.").unwrap().id;
    lib.snapshot(id, "first").unwrap();
    lib.save_body(id, "Second version, much better.").unwrap();
    lib.rename_article(id, "Ferry returns").unwrap();
    lib.snapshot(id, "second").unwrap();

    let restored = lib.restore_revision(id, 1).unwrap();
    assert_eq!(restored.body, "First version.");
    assert_eq!(restored.meta.title, "Ferry");
    let history = lib.history(id).unwrap();
    assert_eq!(history.len(), 3, "{history:?}");
    assert_eq!(history[0].kind, RevisionKind::BeforeRestore);
    assert_eq!(
        history[0].label.as_deref(),
        Some("before restoring revision 1")
    );
    assert_eq!(
        lib.revision_state(id, 3).unwrap().body,
        "Second version, much better."
    );

    // The restore is undone by restoring what it replaced.
    let back = lib.restore_revision(id, 3).unwrap();
    assert_eq!(back.body, "Second version, much better.");
    assert_eq!(back.meta.title, "Ferry returns");
    assert_eq!(lib.history(id).unwrap().len(), 4);
    // Search follows the restored text.
    assert_eq!(lib.search("much better", 10).unwrap().len(), 1);
}

#[test]
fn a_damaged_revision_is_reported_not_returned() {
    let (_dir, mut lib) = library();
    let id = lib
        .create_article("A", "text ".repeat(200).as_str())
        .unwrap()
        .id;
    lib.snapshot(id, "").unwrap();
    lib.conn
        .execute("UPDATE revisions SET checksum = 'x' WHERE number = 1", [])
        .unwrap();
    let err = lib.revision_state(id, 1).unwrap_err();
    assert_eq!(err.code(), "revision_corrupt");
    lib.conn
        .execute(
            "UPDATE revisions SET data = x'00112233' WHERE number = 1",
            [],
        )
        .unwrap();
    assert_eq!(
        lib.revision_state(id, 1).unwrap_err().code(),
        "revision_corrupt"
    );
}

#[test]
fn revisions_go_when_their_article_is_deleted_for_good() {
    let (_dir, mut lib) = library();
    let id = lib.create_article("A", "x").unwrap().id;
    lib.snapshot(id, "").unwrap();
    lib.trash(id).unwrap();
    lib.delete_forever(id).unwrap();
    let left: i64 = lib
        .conn
        .query_row("SELECT count(*) FROM revisions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(left, 0);
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    Title(String),
    Tags(Vec<String>),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), "[a-zé🎉 ,.\n]{1,60}").prop_map(|(at, s)| Edit::Insert(at, s)),
        2 => (any::<usize>(), 1usize..80).prop_map(|(at, n)| Edit::Delete(at, n)),
        1 => "[A-Za-z ]{0,30}".prop_map(Edit::Title),
        1 => prop::collection::vec("[a-z]{1,8}", 0..4).prop_map(Edit::Tags),
    ]
}

fn char_floor(s: &str, at: usize) -> usize {
    let mut at = at % (s.len() + 1);
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// Random edit sequences: every revision rebuilds byte for byte
    /// (`growth_tests` crosses keyframes with 600 revisions).
    #[test]
    fn every_revision_rebuilds_exactly(edits in prop::collection::vec(edit(), 60..160)) {
        let (_dir, mut lib) = library();
        // Only the snapshots below: no checkpoints in between.
        lib.set_checkpoint_policy(CheckpointPolicy {
            pause: Duration::from_secs(3600),
            interval: Duration::from_secs(3600),
            ..CheckpointPolicy::default()
        });
        let id = lib.create_article("Start", "Seed text for the article.").unwrap().id;
        let mut expected: Vec<RevisionState> = Vec::new();
        for (i, e) in edits.iter().enumerate() {
            let article = lib.article(id).unwrap();
            match e {
                Edit::Insert(at, s) => {
                    let at = char_floor(&article.body, *at);
                    let mut body = article.body.clone();
                    body.insert_str(at, s);
                    lib.save_body(id, &body).unwrap();
                }
                Edit::Delete(at, n) => {
                    let from = char_floor(&article.body, *at);
                    let to = char_floor(&article.body, from + n).max(from);
                    let mut body = article.body.clone();
                    body.replace_range(from..to, "");
                    lib.save_body(id, &body).unwrap();
                }
                Edit::Title(t) => { lib.rename_article(id, t).unwrap(); }
                Edit::Tags(tags) => { lib.set_field(id, ArticleField::Tags, &tags.join(",")).unwrap(); }
            }
            lib.snapshot(id, &format!("step {i}")).unwrap();
            expected.push(RevisionState::from(&lib.article(id).unwrap()));
        }
        let history = lib.history(id).unwrap();
        prop_assert_eq!(history.len(), expected.len());
        for (n, want) in expected.iter().enumerate() {
            let got = lib.revision_state(id, n as u32 + 1).unwrap();
            prop_assert_eq!(&got, want);
        }
    }
}

/// The checkpoint rule with the clock in the test's hand: `at(s)` is `s`
/// seconds after the test began.
mod natural_moments {
    use super::*;
    use chrono::TimeDelta;

    struct Clock(DateTime<Utc>);

    impl Clock {
        fn at(&self, secs: f64) -> DateTime<Utc> {
            self.0 + TimeDelta::milliseconds((secs * 1000.0) as i64)
        }
    }

    fn start(body: &str) -> (tempfile::TempDir, Library, ArticleId, Clock) {
        let (dir, lib) = library();
        let mut lib = lib;
        let id = lib.create_article("Ferry", body).unwrap().id;
        let clock = Clock(Utc::now());
        (dir, lib, id, clock)
    }

    fn sentence(n: usize, word: &str) -> String {
        let mut s = vec![word; n].join(" ");
        s.push('.');
        s
    }

    fn labels(lib: &Library, id: ArticleId) -> Vec<(RevisionKind, String)> {
        lib.history(id)
            .unwrap()
            .into_iter()
            .map(|r| (r.kind, r.label.unwrap_or_default()))
            .collect()
    }

    #[test]
    fn a_pause_after_real_writing_keeps_the_text_at_the_pause_with_a_label() {
        let (_dir, mut lib, id, clock) = start("");
        lib.save_body_at(id, "The ferry leaves at noon.", clock.at(1.0))
            .unwrap();
        // Not yet a pause.
        assert_eq!(lib.checkpoint_at_pause_at(id, clock.at(5.0)).unwrap(), None);
        // The first pause keeps even a short text: history is never empty.
        assert_eq!(
            lib.checkpoint_at_pause_at(id, clock.at(9.5)).unwrap(),
            Some(1)
        );
        assert_eq!(
            labels(&lib, id),
            [(
                RevisionKind::Checkpoint,
                "+5 words: 'The ferry leaves at noon.'".into()
            )]
        );

        // A few words, then a pause: not enough to keep.
        let body = "The ferry leaves at noon. It returns at six.";
        lib.save_body_at(id, body, clock.at(200.0)).unwrap();
        assert_eq!(
            lib.checkpoint_at_pause_at(id, clock.at(210.0)).unwrap(),
            None
        );

        // A new section of real writing, then a pause: kept, named by it.
        let body = format!("{body}\n\n## What changes\n\n{}\n", sentence(24, "fares"));
        lib.save_body_at(id, &body, clock.at(215.0)).unwrap();
        assert_eq!(
            lib.checkpoint_at_pause_at(id, clock.at(224.0)).unwrap(),
            Some(2)
        );
        let history = lib.history(id).unwrap();
        assert_eq!(
            history[0].label.as_deref(),
            Some("+30 words in 'What changes'")
        );
        assert_eq!(lib.revision_state(id, 2).unwrap().body, body);
        // Asking again at the same pause keeps nothing more.
        assert_eq!(
            lib.checkpoint_at_pause_at(id, clock.at(230.0)).unwrap(),
            None
        );
    }

    #[test]
    fn typing_resumed_after_a_pause_keeps_the_state_before_it() {
        // The path the CLI and a missed timer take: the save after a pause.
        let (_dir, mut lib, id, clock) = start("");
        let first = sentence(25, "ferry");
        lib.save_body_at(id, &first, clock.at(1.0)).unwrap();
        lib.save_body_at(id, &format!("{first} More."), clock.at(12.0))
            .unwrap();
        let history = lib.history(id).unwrap();
        assert_eq!(history.len(), 1);
        assert_eq!(lib.revision_state(id, 1).unwrap().body, first);
        assert!(history[0]
            .label
            .as_deref()
            .unwrap()
            .starts_with("+25 words: 'ferry"));
    }

    #[test]
    fn continuous_writing_is_kept_every_interval() {
        let (_dir, mut lib, id, clock) = start("");
        // A word every two seconds for seven minutes, never a pause.
        let mut body = String::new();
        for step in 0..210 {
            body.push_str("word ");
            lib.save_body_at(id, &body, clock.at(2.0 * step as f64))
                .unwrap();
        }
        let history = lib.history(id).unwrap();
        // At three and at six minutes (the state before the save then).
        assert_eq!(history.len(), 2, "{:?}", labels(&lib, id));
        assert_eq!(history[1].words, 90);
        assert_eq!(history[0].words, 180);
        assert!(history.iter().all(|r| r.kind == RevisionKind::Checkpoint));
        assert_eq!(
            history[0].label.as_deref(),
            Some("+90 words: 'word word word word word word…'")
        );
    }

    #[test]
    fn small_automatic_steps_in_a_row_are_replaced_but_nothing_else_is() {
        let (_dir, mut lib, id, clock) = start("Start.");
        lib.set_checkpoint_policy(CheckpointPolicy {
            interval: Duration::from_secs(10),
            ..CheckpointPolicy::default()
        });
        let snap = lib.snapshot(id, "sent to legal").unwrap();
        assert_eq!(snap.number, 1);
        // A word a second: the interval keeps a small step every ten
        // seconds, and each replaces the one before (within two minutes)
        // until together they are a real amount.
        let mut body = "Start.".to_owned();
        for step in 1..=25 {
            body.push_str(" word");
            lib.save_body_at(id, &body, clock.at(step as f64)).unwrap();
        }
        assert_eq!(
            numbers(&lib, id),
            [(2, RevisionKind::Checkpoint), (1, RevisionKind::Snapshot)]
        );
        // The one left is labelled from the snapshot, not from the step it
        // replaced.
        assert_eq!(
            lib.history(id).unwrap()[0].label.as_deref(),
            Some("+20 words: 'word word word word word word…'")
        );
        // A status change is never replaced; the small steps after it are.
        lib.set_status(id, Status::InReview).unwrap();
        for step in 26..=50 {
            body.push_str(" more");
            lib.save_body_at(id, &body, clock.at(step as f64)).unwrap();
        }
        assert_eq!(
            numbers(&lib, id),
            [
                (4, RevisionKind::Checkpoint),
                (3, RevisionKind::Status),
                (2, RevisionKind::Checkpoint),
                (1, RevisionKind::Snapshot)
            ]
        );
        assert_eq!(lib.revision_state(id, 1).unwrap().body, "Start.");
        // A step older than the window stays: history grows again.
        for step in 300..=311 {
            body.push_str(" late");
            lib.save_body_at(id, &body, clock.at(step as f64)).unwrap();
        }
        assert_eq!(lib.history(id).unwrap().len(), 5, "{:?}", labels(&lib, id));
        assert!(!lib.revision_state(id, 4).unwrap().body.contains("late"));
        assert!(lib.revision_state(id, 5).unwrap().body.contains("late"));
    }

    #[test]
    fn a_real_amount_is_never_replaced() {
        let (_dir, mut lib, id, clock) = start("");
        let first = sentence(30, "ferry");
        lib.save_body_at(id, &first, clock.at(1.0)).unwrap();
        assert_eq!(
            lib.checkpoint_at_pause_at(id, clock.at(10.0)).unwrap(),
            Some(1)
        );
        let second = format!("{first} {}", sentence(30, "boat"));
        lib.save_body_at(id, &second, clock.at(12.0)).unwrap();
        assert_eq!(
            lib.checkpoint_at_pause_at(id, clock.at(21.0)).unwrap(),
            Some(2)
        );
        assert_eq!(lib.revision_state(id, 1).unwrap().body, first);
        assert_eq!(
            lib.history(id).unwrap()[0].label.as_deref(),
            Some("+30 words: 'boat boat boat boat boat boat…'")
        );
    }
}
