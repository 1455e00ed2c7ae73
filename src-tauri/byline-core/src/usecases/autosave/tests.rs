use std::sync::mpsc;

use super::*;

fn setup(
    policy: Policy,
) -> (
    tempfile::TempDir,
    Arc<Mutex<Library>>,
    ArticleId,
    Autosaver,
    mpsc::Receiver<SaveEvent>,
) {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path().join("l.byline")).unwrap();
    let id = lib.create_article("T", "").unwrap().id;
    let library = Arc::new(Mutex::new(lib));
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let saver = Autosaver::start(Arc::clone(&library), policy, move |e| {
        let _ = lock(&tx).send(e);
    });
    (dir, library, id, saver, rx)
}

/// The base of text typed on the new, empty article.
fn on_empty() -> BodyHash {
    BodyHash::of("")
}

fn body(library: &Arc<Mutex<Library>>, id: ArticleId) -> String {
    lock(library).article(id).unwrap().body
}

const SLOW: Policy = Policy {
    quiet: Duration::from_secs(3600),
    max_delay: Duration::from_secs(3600),
    max_backoff: Duration::from_secs(3600),
};

#[test]
fn a_burst_of_edits_is_written_once_after_the_pause() {
    let policy = Policy {
        quiet: Duration::from_millis(150),
        max_delay: Duration::from_secs(10),
        ..Policy::default()
    };
    let (_d, library, id, saver, rx) = setup(policy);
    for (seq, text) in ["H", "He", "Hel", "Hell", "Hello"].into_iter().enumerate() {
        saver.stage(id, text.into(), seq as u64, on_empty());
    }
    let event = rx
        .recv_timeout(Duration::from_secs(5))
        .expect("a save after the pause");
    assert!(
        matches!(event, SaveEvent::Saved { ref article, seq: 4 } if article.id == id && article.words == 1),
        "{event:?}"
    );
    assert_eq!(body(&library, id), "Hello");
    assert!(
        rx.recv_timeout(Duration::from_millis(400)).is_err(),
        "one write for the whole burst"
    );
}

#[test]
fn continuous_typing_is_saved_within_max_delay() {
    let policy = Policy {
        quiet: Duration::from_millis(300),
        max_delay: Duration::from_millis(400),
        ..Policy::default()
    };
    let (_d, library, id, saver, rx) = setup(policy);
    let start = Instant::now();
    let mut n = 0;
    // Keystrokes every 50 ms never leave a 300 ms pause.
    while rx.try_recv().is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(5),
            "no save during continuous typing"
        );
        n += 1;
        saver.stage(id, "x".repeat(n), n as u64, on_empty());
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!body(&library, id).is_empty());
}

#[test]
fn flush_writes_pending_text_immediately() {
    let (_d, library, id, saver, rx) = setup(SLOW);
    saver.stage(id, "last keystrokes".into(), 1, on_empty());
    assert_eq!(saver.pending_body(id).as_deref(), Some("last keystrokes"));
    assert_eq!(body(&library, id), "");
    saver.flush().unwrap();
    assert_eq!(body(&library, id), "last keystrokes");
    assert!(saver.pending_body(id).is_none());
    assert!(matches!(rx.try_recv(), Ok(SaveEvent::Saved { .. })));
}

#[test]
fn dropping_the_autosaver_flushes() {
    let (_d, library, id, saver, _rx) = setup(SLOW);
    saver.stage(id, "typed just before quitting".into(), 1, on_empty());
    drop(saver);
    assert_eq!(body(&library, id), "typed just before quitting");
}

#[test]
fn a_failed_save_is_reported_and_the_text_kept_pending() {
    let (_d, library, id, saver, rx) = setup(SLOW);
    let too_big = "a".repeat(crate::library::MAX_BODY_BYTES + 1);
    saver.stage(id, too_big.clone(), 7, on_empty());
    let err = saver.flush().unwrap_err();
    assert_eq!(err.code(), "invalid_input");
    match rx.try_recv().unwrap() {
        SaveEvent::Failed {
            article,
            seq,
            error,
        } => {
            assert_eq!((article, seq), (id, 7));
            assert_eq!(error.code, "invalid_input");
        }
        other => panic!("expected a failure event, got {other:?}"),
    }
    assert_eq!(
        saver.pending_body(id).map(|b| b.len()),
        Some(too_big.len()),
        "text is not dropped"
    );
    // A newer edit replaces it and saves normally.
    saver.stage(id, "fixed".into(), 8, on_empty());
    saver.flush().unwrap();
    assert_eq!(body(&library, id), "fixed");
}

#[test]
fn an_edit_for_a_deleted_article_is_reported_not_retried_forever() {
    let (_d, _library, _id, saver, rx) = setup(SLOW);
    saver.stage(ArticleId(4242), "orphan".into(), 1, on_empty());
    assert_eq!(saver.flush().unwrap_err().code(), "article_not_found");
    assert!(matches!(rx.try_recv(), Ok(SaveEvent::Failed { .. })));
    assert!(saver.pending_body(ArticleId(4242)).is_none());
}

#[test]
fn an_older_edit_arriving_late_never_replaces_a_newer_one() {
    let (_d, library, id, saver, _rx) = setup(SLOW);
    assert!(saver.stage(id, "newest text".into(), 10, on_empty()));
    assert!(
        !saver.stage(id, "older text".into(), 9, on_empty()),
        "stale edit must be refused"
    );
    saver.flush().unwrap();
    // Also after the newer text has been written and left the pending map.
    assert!(!saver.stage(id, "older text".into(), 9, on_empty()));
    assert!(!saver.stage(id, "same edit again".into(), 10, on_empty()));
    saver.flush().unwrap();
    assert_eq!(body(&library, id), "newest text");
    assert!(saver.stage(id, "next".into(), 11, on_empty()));
}

#[test]
fn edits_on_one_base_save_one_after_another() {
    // The window sends the base it loaded with every edit; the body stored
    // by then is this autosaver's own last save on it.
    let (_d, library, id, saver, rx) = setup(SLOW);
    for (seq, text) in ["One", "One two", "One two three"].into_iter().enumerate() {
        saver.stage(id, text.into(), seq as u64, on_empty());
        saver.flush().unwrap();
        assert!(matches!(rx.try_recv(), Ok(SaveEvent::Saved { .. })));
        assert_eq!(body(&library, id), text);
    }
}

#[test]
fn an_edit_on_a_body_changed_elsewhere_is_kept_and_nothing_written_over() {
    let (_d, library, id, saver, rx) = setup(SLOW);
    saver.stage(id, "Typed.".into(), 1, on_empty());
    saver.flush().unwrap();
    rx.try_recv().unwrap();
    // The folder mirror (or the CLI) changes the body…
    lock(&library).save_body(id, "Edited in the file.").unwrap();
    // …while the window, still on the text it loaded, types on.
    saver.stage(id, "Typed. More typed.".into(), 2, on_empty());
    saver.flush().unwrap();
    let revision = match rx.try_recv().unwrap() {
        SaveEvent::Diverged {
            article,
            seq,
            revision,
        } => {
            assert_eq!((article.id, seq), (id, 2));
            revision
        }
        other => panic!("expected a divergence, got {other:?}"),
    };
    assert_eq!(body(&library, id), "Edited in the file.");
    let lib = lock(&library);
    assert_eq!(
        lib.revision_state(id, revision).unwrap().body,
        "Typed. More typed."
    );
    let kept = lib.history(id).unwrap();
    assert_eq!(
        kept[0].label.as_deref(),
        Some(crate::library::DIVERGED_LABEL)
    );
    drop(lib);

    // Once the window loads the new body, its edits save again.
    let base = lock(&library).article(id).unwrap().body_hash;
    saver.stage(id, "Edited in the file. Then typed.".into(), 3, base);
    saver.flush().unwrap();
    assert!(matches!(rx.try_recv(), Ok(SaveEvent::Saved { seq: 3, .. })));
    assert_eq!(body(&library, id), "Edited in the file. Then typed.");
}

#[test]
fn a_pause_after_saved_typing_is_kept_in_history_without_more_typing() {
    let policy = Policy {
        quiet: Duration::from_millis(50),
        ..Policy::default()
    };
    let (_d, library, id, saver, rx) = setup(policy);
    lock(&library).set_checkpoint_policy(crate::library::CheckpointPolicy {
        pause: Duration::from_millis(300),
        ..Default::default()
    });
    saver.stage(id, "The ferry leaves at noon.".into(), 1, on_empty());
    rx.recv_timeout(Duration::from_secs(5)).expect("a save");
    // Nothing more is typed: the worker itself asks at the pause.
    let started = Instant::now();
    let history = loop {
        let history = lock(&library).history(id).unwrap();
        if !history.is_empty() || started.elapsed() > Duration::from_secs(10) {
            break history;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(history.len(), 1, "a checkpoint at the pause");
    assert_eq!(
        history[0].label.as_deref(),
        Some("+5 words: 'The ferry leaves at noon.'")
    );
    // The window hears of it, so an open History panel shows it.
    let event = rx.recv_timeout(Duration::from_secs(5)).expect("an event");
    assert!(
        matches!(event, SaveEvent::Checkpoint { article, revision } if article == id && revision == history[0].number),
        "{event:?}"
    );
    drop(saver);
}

#[path = "../../../../../tests/small_disk/mod.rs"]
mod small_disk;

/// An autosaver on a library in `disk`, retrying quickly, with "saved
/// before" already saved and the WAL emptied, so the next save needs new
/// blocks on the disk.
fn on_small_disk(
    disk: &small_disk::SmallDisk,
) -> (
    std::path::PathBuf,
    Arc<Mutex<Library>>,
    ArticleId,
    Autosaver,
    mpsc::Receiver<SaveEvent>,
) {
    let path = disk.path().join("library.byline");
    let lib = Library::open(&path).unwrap();
    let mut lib = lib;
    let id = lib.create_article("T", "saved before").unwrap().id;
    lib.conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    let library = Arc::new(Mutex::new(lib));
    let (tx, rx) = mpsc::channel();
    let tx = Mutex::new(tx);
    let policy = Policy {
        quiet: Duration::from_millis(50),
        max_delay: Duration::from_millis(200),
        max_backoff: Duration::from_millis(200),
    };
    let saver = Autosaver::start(Arc::clone(&library), policy, move |e| {
        let _ = lock(&tx).send(e);
    });
    (path, library, id, saver, rx)
}

/// Text long enough to need many new pages (the body and its index).
fn long_text() -> String {
    (0..4_000)
        .map(|i| format!("word{i}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The staged text, between two retries: while one runs, the worker holds
/// the edit (under the library lock) rather than the pending map.
fn staged(saver: &Autosaver, id: ArticleId) -> Option<String> {
    for _ in 0..100 {
        if let Some(body) = saver.pending_body(id) {
            return Some(body);
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    None
}

fn next_event(rx: &mpsc::Receiver<SaveEvent>) -> SaveEvent {
    rx.recv_timeout(Duration::from_secs(20))
        .expect("an autosave event")
}

#[test]
fn a_full_disk_fails_the_save_keeps_the_text_and_saving_resumes_when_space_returns() {
    let Some(disk) = small_disk::SmallDisk::new(8) else {
        return;
    };
    let (path, library, id, saver, rx) = on_small_disk(&disk);
    disk.fill();
    let typed = long_text();
    saver.stage(id, typed.clone(), 1, BodyHash::of("saved before"));

    match next_event(&rx) {
        SaveEvent::Failed {
            article,
            seq,
            error,
        } => {
            assert_eq!((article, seq), (id, 1));
            assert_eq!(error.code, "disk_full", "{}", error.message);
            assert!(error.message.contains("full"), "{}", error.message);
            assert!(error.message.contains(path.to_str().unwrap()));
        }
        other => panic!("expected the save to fail, got {other:?}"),
    }
    assert_eq!(staged(&saver, id).as_deref(), Some(typed.as_str()));
    assert_eq!(body(&library, id), "saved before");
    assert_eq!(lock(&library).integrity_check().unwrap(), "ok");

    // More typing while the disk is full is kept too, and only the newest
    // text is written once there is room: no one has to press anything.
    let newer = format!("{typed} and more");
    saver.stage(id, newer.clone(), 2, BodyHash::of("saved before"));
    disk.free();
    loop {
        match next_event(&rx) {
            SaveEvent::Saved { seq, .. } => {
                assert_eq!(seq, 2);
                break;
            }
            SaveEvent::Failed { error, .. } => assert_eq!(error.code, "disk_full"),
            other => panic!("unexpected {other:?}"),
        }
    }
    assert_eq!(body(&library, id), newer);
    assert!(saver.pending_body(id).is_none());
    drop(saver);
    drop(library);
    let reopened = Library::open(&path).unwrap();
    assert_eq!(reopened.article(id).unwrap().body, newer);
    assert_eq!(reopened.integrity_check().unwrap(), "ok");
}

#[test]
fn a_library_gone_read_only_fails_the_save_as_such_and_damages_nothing() {
    let Some(disk) = small_disk::SmallDisk::new(8) else {
        return;
    };
    let (path, library, id, saver, rx) = on_small_disk(&disk);
    disk.fail_read_only();
    let typed = long_text();
    saver.stage(id, typed.clone(), 1, BodyHash::of("saved before"));
    match next_event(&rx) {
        SaveEvent::Failed { error, .. } => {
            assert_eq!(error.code, "library_read_only", "{}", error.message);
            assert!(error.message.contains("read-only"), "{}", error.message);
        }
        other => panic!("expected the save to fail, got {other:?}"),
    }
    // Still in memory, still retried (and still refused).
    assert_eq!(staged(&saver, id).as_deref(), Some(typed.as_str()));
    match next_event(&rx) {
        SaveEvent::Failed { seq, error, .. } => {
            assert_eq!((seq, error.code.as_str()), (1, "library_read_only"))
        }
        other => panic!("expected a retry, got {other:?}"),
    }
    assert_eq!(body(&library, id), "saved before");
    drop(saver);
    drop(library);
    // Replugged: what was saved before is there, and the file is sound.
    disk.remount();
    let reopened = Library::open(&path).unwrap();
    assert_eq!(reopened.article(id).unwrap().body, "saved before");
    assert_eq!(reopened.integrity_check().unwrap(), "ok");
}
