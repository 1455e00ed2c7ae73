//! The mirror through the real notify watcher and a real folder: what a
//! writer's other editor, a script or `git pull` would do.

use std::sync::{Arc, Mutex};
use std::time::Instant;

use super::*;
use crate::domain::ids::ArticleId;
use crate::domain::revision::RevisionKind;
use crate::usecases::mirror_rules::MirrorChangeKind;

#[derive(Clone, Default)]
struct Recorder {
    changes: Arc<Mutex<Vec<MirrorChange>>>,
    errors: Arc<Mutex<Vec<String>>>,
    pauses: Arc<Mutex<Vec<String>>>,
    resumes: Arc<Mutex<usize>>,
    /// Text "typed in a window" that has not been saved yet, and the
    /// library it is saved to when the mirror asks (as the app's autosave).
    pending: Arc<Mutex<Option<(ArticleId, String)>>>,
    library: Option<PathBuf>,
}

impl MirrorHooks for Recorder {
    fn before_reading(&self) {
        if let Some((id, body)) = self.pending.lock().unwrap().take() {
            let mut lib = Library::open(self.library.as_ref().unwrap()).unwrap();
            lib.save_body(id, &body).unwrap();
        }
    }
    fn changed(&self, change: &MirrorChange) {
        self.changes.lock().unwrap().push(change.clone());
    }
    fn failed(&self, error: &Error) {
        self.errors.lock().unwrap().push(error.to_string());
    }
    fn paused(&self, error: &Error) {
        self.pauses.lock().unwrap().push(error.to_string());
    }
    fn resumed(&self) {
        *self.resumes.lock().unwrap() += 1;
    }
}

impl Recorder {
    fn kinds(&self) -> Vec<MirrorChangeKind> {
        self.changes
            .lock()
            .unwrap()
            .iter()
            .map(|c| c.kind)
            .collect()
    }
}

struct Setup {
    _dir: tempfile::TempDir,
    lib_path: PathBuf,
    folder: PathBuf,
    recorder: Recorder,
    watcher: Option<MirrorWatcher>,
}

fn start(articles: &[(&str, &str)]) -> (Setup, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib_path = dir.path().join("lib.byline");
    let mut lib = Library::open(&lib_path).unwrap();
    for (title, body) in articles {
        lib.create_article(title, body).unwrap();
    }
    let recorder = Recorder {
        library: Some(lib_path.clone()),
        ..Recorder::default()
    };
    let watcher =
        MirrorWatcher::start(&lib_path, &dir.path().join("mirror"), recorder.clone()).unwrap();
    let folder = watcher.folder().to_path_buf();
    let setup = Setup {
        _dir: dir,
        lib_path,
        folder,
        recorder,
        watcher: Some(watcher),
    };
    (setup, lib)
}

/// Polls until `check` holds (the watcher works on its own time), failing
/// after thirty seconds with `what`. The ceiling is generous because a
/// loaded two-core machine (a build beside the tests) can hold the
/// debouncer's thread back for seconds; a passing run returns as soon as
/// `check` holds, so it costs nothing.
fn wait_for(what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "timed out waiting for {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

fn body(lib_path: &Path, id: ArticleId) -> String {
    Library::open(lib_path).unwrap().article(id).unwrap().body
}

fn first_id(lib: &Library) -> ArticleId {
    lib.list(&Default::default()).unwrap()[0].id
}

#[test]
fn articles_appear_as_files_and_an_external_write_comes_back() {
    let (s, lib) = start(&[("Ferry", "Old text.")]);
    let id = first_id(&lib);
    let file = s.folder.join("ferry.md");
    wait_for("the file", || file.exists());
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("Old text.", "Written by another editor."),
    )
    .unwrap();
    wait_for("the edit", || {
        body(&s.lib_path, id) == "Written by another editor."
    });
    assert!(s.recorder.kinds().contains(&MirrorChangeKind::ExternalEdit));
    let history = lib.history(id).unwrap();
    assert_eq!(history[0].kind, RevisionKind::ExternalEdit);
}

#[test]
fn a_write_by_rename_like_vim_is_an_edit_not_a_delete() {
    let (s, lib) = start(&[("Ferry", "Old text.")]);
    let id = first_id(&lib);
    let file = s.folder.join("ferry.md");
    wait_for("the file", || file.exists());
    let text = std::fs::read_to_string(&file).unwrap();
    // vim with `backupcopy=no`: write a new file, rename it over the old.
    let tmp = s.folder.join("ferry.md.new~");
    std::fs::write(&tmp, text.replace("Old text.", "Saved by rename.")).unwrap();
    std::fs::rename(&tmp, &file).unwrap();
    wait_for("the edit", || body(&s.lib_path, id) == "Saved by rename.");
    let a = Library::open(&s.lib_path).unwrap().article(id).unwrap();
    assert!(a.trashed_at.is_none(), "never taken for a deletion");
}

#[test]
fn a_deleted_file_trashes_its_article_and_a_new_file_is_a_new_article() {
    let (s, lib) = start(&[("Ferry", "Text.")]);
    let id = first_id(&lib);
    let file = s.folder.join("ferry.md");
    wait_for("the file", || file.exists());
    // The debouncer drops a file created and deleted within one debounce
    // period as if neither happened; a writer deletes a file later than
    // that after Byline wrote it.
    std::thread::sleep(DEBOUNCE * 3);
    std::fs::remove_file(&file).unwrap();
    wait_for("the trash", || {
        Library::open(&s.lib_path)
            .unwrap()
            .article(id)
            .unwrap()
            .trashed_at
            .is_some()
    });
    assert_eq!(body(&s.lib_path, id), "Text.", "the text is in the trash");

    std::fs::write(
        s.folder.join("tram.md"),
        "---\ntitle: Tram line\n---\n\nOpens Monday.\n",
    )
    .unwrap();
    wait_for("the new article", || {
        Library::open(&s.lib_path).unwrap().find("tram").is_ok()
    });
    let tram = Library::open(&s.lib_path).unwrap().find("tram").unwrap();
    assert_eq!(tram.meta.title, "Tram line");
    assert_eq!(tram.body, "Opens Monday.\n");
}

#[test]
fn a_hundred_rapid_writes_lose_nothing_and_end_on_the_last() {
    let (s, lib) = start(&[("Ferry", "Start.")]);
    let id = first_id(&lib);
    let file = s.folder.join("ferry.md");
    wait_for("the file", || file.exists());
    let text = std::fs::read_to_string(&file).unwrap();
    for n in 1..=100 {
        std::fs::write(&file, text.replace("Start.", &format!("Draft {n}."))).unwrap();
    }
    wait_for("the last write", || body(&s.lib_path, id) == "Draft 100.");
    // Debounced: far fewer revisions than writes, and every one of them
    // holds a text that was really written.
    let lib = Library::open(&s.lib_path).unwrap();
    let edits: Vec<String> = lib
        .history(id)
        .unwrap()
        .iter()
        .filter(|r| r.kind == RevisionKind::ExternalEdit)
        .map(|r| lib.revision_state(id, r.number).unwrap().body)
        .collect();
    assert!(
        !edits.is_empty() && edits.len() < 100,
        "{} edits",
        edits.len()
    );
    assert!(edits.iter().all(|b| b.starts_with("Draft ")), "{edits:?}");
    // The file still says what the library says.
    std::thread::sleep(Duration::from_millis(800));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .ends_with("Draft 100."));
    drop(lib);
}

#[test]
fn byline_s_own_writes_echo_back_without_becoming_edits() {
    let (s, mut lib) = start(&[("Ferry", "One.")]);
    let id = first_id(&lib);
    let file = s.folder.join("ferry.md");
    wait_for("the file", || file.exists());
    for text in ["Two.", "Three.", "Four."] {
        lib.save_body(id, text).unwrap();
        wait_for("the write", || {
            std::fs::read_to_string(&file).unwrap().ends_with(text)
        });
    }
    // Give the watcher time to report its own writes back.
    std::thread::sleep(Duration::from_millis(1200));
    assert!(lib
        .history(id)
        .unwrap()
        .iter()
        .all(|r| r.kind != RevisionKind::ExternalEdit));
    assert!(!s.recorder.kinds().contains(&MirrorChangeKind::Conflict));
    assert_eq!(lib.article(id).unwrap().body, "Four.");
    assert!(s.recorder.errors.lock().unwrap().is_empty());
}

#[test]
fn an_edit_while_the_window_holds_unsaved_text_keeps_both() {
    let (s, lib) = start(&[("Ferry", "Base.")]);
    let id = first_id(&lib);
    let file = s.folder.join("ferry.md");
    wait_for("the file", || file.exists());
    // The window has typed text autosave has not written yet…
    *s.recorder.pending.lock().unwrap() = Some((id, "Base. Typed in the window.".into()));
    // …when the file changes.
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("Base.", "Base. Edited in the file.")).unwrap();
    wait_for("the conflict", || {
        s.recorder.kinds().contains(&MirrorChangeKind::Conflict)
    });
    let lib = Library::open(&s.lib_path).unwrap();
    assert_eq!(lib.article(id).unwrap().body, "Base. Typed in the window.");
    let c = &lib.mirror_conflicts().unwrap()[0];
    assert_eq!(
        lib.revision_state(id, c.library_revision).unwrap().body,
        "Base. Typed in the window."
    );
    assert_eq!(
        lib.revision_state(id, c.file_revision).unwrap().body,
        "Base. Edited in the file."
    );
    // The file is not written over while the writer has not chosen.
    std::thread::sleep(Duration::from_millis(900));
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .contains("Edited in the file."));
}

#[test]
fn a_git_pull_that_changes_several_files_brings_each_in() {
    let (s, lib) = start(&[("One", "1."), ("Two", "2."), ("Three", "3.")]);
    for slug in ["one", "two", "three"] {
        wait_for("the files", || s.folder.join(format!("{slug}.md")).exists());
    }
    // git writes each file by rename, all at once.
    for slug in ["one", "two", "three"] {
        let file = s.folder.join(format!("{slug}.md"));
        let text = std::fs::read_to_string(&file).unwrap();
        let tmp = s.folder.join(format!(".{slug}.md.lock"));
        std::fs::write(&tmp, format!("{text}\n\nPulled.")).unwrap();
        std::fs::rename(&tmp, &file).unwrap();
    }
    let ids: Vec<ArticleId> = lib
        .list(&Default::default())
        .unwrap()
        .iter()
        .map(|a| a.id)
        .collect();
    wait_for("every pulled edit", || {
        ids.iter()
            .all(|id| body(&s.lib_path, *id).ends_with("Pulled."))
    });
}

#[test]
fn stopping_writes_the_last_changes_and_stops_watching() {
    let (mut s, mut lib) = start(&[("Ferry", "One.")]);
    let id = first_id(&lib);
    let file = s.folder.join("ferry.md");
    wait_for("the file", || file.exists());
    lib.save_body(id, "Last words.").unwrap();
    s.watcher.take().unwrap().stop();
    assert!(std::fs::read_to_string(&file)
        .unwrap()
        .ends_with("Last words."));
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(&file, text.replace("Last words.", "After stop.")).unwrap();
    std::thread::sleep(Duration::from_millis(800));
    assert_eq!(lib.article(id).unwrap().body, "Last words.");
}

/// Runs git in `dir` with a fixed identity, failing the test on error.
fn git(dir: &Path, args: &[&str]) {
    let out = std::process::Command::new("git")
        .args(["-c", "user.name=Test", "-c", "user.email=test@example.com"])
        .args(args)
        .current_dir(dir)
        .output()
        .expect("git runs");
    assert!(
        out.status.success(),
        "git {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_real_git_pull_into_the_mirror_folder_comes_in_as_external_edits() {
    let (s, lib) = start(&[("Ferry", "From the library.")]);
    let id = first_id(&lib);
    let file = s.folder.join("ferry.md");
    wait_for("the file", || file.exists());
    // The mirror folder is a git checkout with a remote; a colleague edits
    // the article in their clone and pushes.
    let root = s.folder.parent().unwrap().to_path_buf();
    let remote = root.join("remote.git");
    git(&root, &["init", "--bare", "-q", remote.to_str().unwrap()]);
    git(&s.folder, &["init", "-q"]);
    git(&s.folder, &["add", "ferry.md"]);
    git(&s.folder, &["commit", "-q", "-m", "first"]);
    git(
        &s.folder,
        &[
            "push",
            "-q",
            remote.to_str().unwrap(),
            "HEAD:refs/heads/main",
        ],
    );
    let theirs = root.join("colleague");
    git(
        &root,
        &[
            "clone",
            "-q",
            "-b",
            "main",
            remote.to_str().unwrap(),
            theirs.to_str().unwrap(),
        ],
    );
    let text = std::fs::read_to_string(theirs.join("ferry.md")).unwrap();
    std::fs::write(
        theirs.join("ferry.md"),
        text.replace("From the library.", "Edited by a colleague."),
    )
    .unwrap();
    std::fs::write(
        theirs.join("tram.md"),
        "---\ntitle: Tram\n---\n\nNew in git.\n",
    )
    .unwrap();
    git(&theirs, &["add", "."]);
    git(&theirs, &["commit", "-q", "-m", "edit"]);
    git(&theirs, &["push", "-q", "origin", "main"]);

    git(
        &s.folder,
        &["pull", "-q", "--ff-only", remote.to_str().unwrap(), "main"],
    );
    wait_for("the pulled edit", || {
        body(&s.lib_path, id) == "Edited by a colleague."
    });
    wait_for("the pulled file", || {
        Library::open(&s.lib_path).unwrap().find("tram").is_ok()
    });
    let lib = Library::open(&s.lib_path).unwrap();
    assert_eq!(lib.history(id).unwrap()[0].kind, RevisionKind::ExternalEdit);
    assert!(
        s.recorder.errors.lock().unwrap().is_empty(),
        "{:?}",
        s.recorder.errors.lock().unwrap()
    );
}

#[test]
fn a_folder_that_goes_away_pauses_once_and_mirroring_resumes_when_it_is_back() {
    let (s, mut lib) = start(&[("Ferry", "Before."), ("Tram", "Rails.")]);
    let id = lib.find("ferry").unwrap().id;
    let file = s.folder.join("ferry.md");
    wait_for("the files", || {
        file.exists() && s.folder.join("tram.md").exists()
    });
    std::thread::sleep(DEBOUNCE * 3);
    let away = s.folder.with_file_name("away");
    std::fs::rename(&s.folder, &away).unwrap();
    wait_for("the pause", || {
        !s.recorder.pauses.lock().unwrap().is_empty()
    });
    // A save while it is away: nothing is trashed, nothing written.
    lib.save_body(id, "Saved while away.").unwrap();
    std::thread::sleep(Duration::from_millis(1500));
    let pauses = s.recorder.pauses.lock().unwrap().clone();
    assert_eq!(pauses.len(), 1, "reported once: {pauses:?}");
    assert!(pauses[0].contains("missing"), "{pauses:?}");
    assert!(lib.list_trash().unwrap().is_empty());
    assert!(!s.folder.exists(), "the folder is not made again");
    assert!(s.recorder.errors.lock().unwrap().is_empty());

    // An edit made in the folder while it was away comes in on return.
    let tram = away.join("tram.md");
    let text = std::fs::read_to_string(&tram).unwrap();
    std::fs::write(&tram, text.replace("Rails.", "Rails, edited away.")).unwrap();
    std::fs::rename(&away, &s.folder).unwrap();
    wait_for("the resume", || *s.recorder.resumes.lock().unwrap() == 1);
    wait_for("the save written", || {
        std::fs::read_to_string(&file)
            .unwrap()
            .ends_with("Saved while away.")
    });
    wait_for("the edit read", || {
        Library::open(&s.lib_path)
            .unwrap()
            .find("tram")
            .unwrap()
            .body
            == "Rails, edited away."
    });
    assert!(lib.list_trash().unwrap().is_empty());
    assert_eq!(body(&s.lib_path, id), "Saved while away.");
    assert!(!s.recorder.kinds().contains(&MirrorChangeKind::Conflict));
}

#[test]
fn a_mirror_started_on_a_missing_folder_waits_for_it() {
    let dir = tempfile::tempdir().unwrap();
    let lib_path = dir.path().join("lib.byline");
    let mut lib = Library::open(&lib_path).unwrap();
    lib.create_article("Ferry", "Text.").unwrap();
    let folder = lib
        .set_mirror_folder(Some(&dir.path().join("mirror")))
        .unwrap()
        .unwrap();
    lib.mirror_out(&folder).unwrap();
    let unplugged = dir.path().join("unplugged");
    std::fs::rename(&folder, &unplugged).unwrap();

    // The app opens with the disk unplugged.
    let recorder = Recorder::default();
    let watcher = MirrorWatcher::start(&lib_path, &folder, recorder.clone()).unwrap();
    wait_for("the pause", || !recorder.pauses.lock().unwrap().is_empty());
    assert!(!folder.exists());
    assert!(lib.list_trash().unwrap().is_empty());
    std::fs::rename(&unplugged, &folder).unwrap();
    wait_for("the resume", || *recorder.resumes.lock().unwrap() == 1);
    watcher.stop();
    assert!(lib.list_trash().unwrap().is_empty());
    assert!(folder.join("ferry.md").is_file());
}
