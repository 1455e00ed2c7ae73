//! Property test: random files, folders, links and renames in the mirror
//! folder, saves in the library, and the folder itself going away, coming
//! back or being replaced, with the mirror's passes in between. Whatever
//! happens: no panic, nothing written outside the folder, no article
//! trashed (no article file is ever deleted on its own here), and each
//! article's last saved text is still its text or in its history.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use proptest::prelude::*;

use super::*;

#[derive(Debug, Clone)]
enum Op {
    /// A file written in the folder (a new one, or over one there).
    Write {
        name: String,
        content: String,
    },
    /// A file in a subfolder, which the mirror does not read.
    WriteInSub {
        content: String,
    },
    /// A link in the folder to a file outside it, or to a folder.
    Link {
        name: String,
        to_folder: bool,
    },
    /// A non-article file renamed to an article name.
    RenameIn {
        name: String,
    },
    /// A save in the library.
    Save {
        article: usize,
        text: String,
    },
    FolderAway,
    FolderBack,
    /// Deleted and made again empty (or a bare mount point).
    FolderReplaced,
    /// The mirror's passes: out, every file in, out.
    Pass,
}

fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-d]{1,2}\\.md",
        Just("ferry.md".to_owned()),
        Just(".hidden.md".to_owned()),
        Just("draft~.md".to_owned()),
        Just("notes.txt".to_owned()),
        Just("sub".to_owned()),
    ]
}

fn content() -> impl Strategy<Value = String> {
    prop_oneof![
        "\\PC{0,40}",
        "[a-z ]{0,20}".prop_map(|t| format!("---\ntitle: {t}\n---\n\n{t}\n")),
        "[a-z]{1,8}".prop_map(|s| format!("---\ntitle: T\nslug: {s}\n---\n\nBody.\n")),
        Just("---\ntitle: [unclosed\n---\n".to_owned()),
        Just("\u{0}\u{1}binary".to_owned()),
    ]
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => (name(), content()).prop_map(|(name, content)| Op::Write { name, content }),
        1 => content().prop_map(|content| Op::WriteInSub { content }),
        1 => (name(), any::<bool>()).prop_map(|(name, to_folder)| Op::Link { name, to_folder }),
        1 => name().prop_map(|name| Op::RenameIn { name }),
        3 => (0..3usize, "[a-z ]{1,20}").prop_map(|(article, text)| Op::Save { article, text }),
        1 => Just(Op::FolderAway),
        1 => Just(Op::FolderBack),
        1 => Just(Op::FolderReplaced),
        3 => Just(Op::Pass),
    ]
}

/// Every path under `dir` with its bytes (links as their target).
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let path = e.path();
        let meta = std::fs::symlink_metadata(&path).unwrap();
        if meta.is_symlink() {
            let target = std::fs::read_link(&path).unwrap();
            out.insert(path, target.to_string_lossy().as_bytes().to_vec());
        } else if meta.is_dir() {
            out.insert(path.clone(), Vec::new());
            out.extend(snapshot(&path));
        } else {
            out.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    out
}

fn pass(lib: &mut Library, folder: &Path, stuck: &mut Stuck) {
    let _ = lib.mirror_out_each(folder, stuck);
    if let Ok(entries) = std::fs::read_dir(folder) {
        let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
        paths.sort();
        for p in paths {
            let _ = lib.mirror_in(folder, &p);
        }
    }
    let _ = lib.mirror_out_each(folder, stuck);
}

fn run(ops: &[Op]) {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let outside = root.join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(
        outside.join("secret.md"),
        "---\ntitle: Secret\n---\n\nKeep.\n",
    )
    .unwrap();
    let mut lib = Library::open(root.join("lib.byline")).unwrap();
    let mut ids = Vec::new();
    let mut last = BTreeMap::new();
    for (title, body) in [("Ferry", "Boats."), ("Tram", "Rails."), ("Bus", "Roads.")] {
        let a = lib.create_article(title, body).unwrap();
        ids.push(a.id);
        last.insert(a.id, body.to_owned());
    }
    let folder = lib
        .set_mirror_folder(Some(&root.join("mirror")))
        .unwrap()
        .unwrap();
    let away = root.join("away");
    let before_outside = snapshot(&outside);
    let mut stuck = Stuck::default();
    pass(&mut lib, &folder, &mut stuck);

    for op in ops {
        match op {
            Op::Write { name, content } => {
                let path = folder.join(name);
                if folder.is_dir() && !path.is_symlink() && !path.is_dir() {
                    std::fs::write(path, content).unwrap();
                }
            }
            Op::WriteInSub { content } => {
                let sub = folder.join("sub");
                // Not through a link the test itself made.
                if folder.is_dir() && !sub.is_symlink() && std::fs::create_dir_all(&sub).is_ok() {
                    let _ = std::fs::write(sub.join("inner.md"), content);
                }
            }
            Op::Link { name, to_folder } => {
                let path = folder.join(name);
                if folder.is_dir() && std::fs::symlink_metadata(&path).is_err() {
                    let target = if *to_folder {
                        PathBuf::from("..")
                    } else {
                        outside.join("secret.md")
                    };
                    std::os::unix::fs::symlink(target, path).unwrap();
                }
            }
            Op::RenameIn { name } => {
                let from = folder.join("notes.txt");
                let to = folder.join(name);
                if from.is_file() && std::fs::symlink_metadata(&to).is_err() {
                    std::fs::rename(from, to).unwrap();
                }
            }
            Op::Save { article, text } => {
                let id = ids[*article];
                if lib.article(id).is_ok_and(|a| a.trashed_at.is_none())
                    && lib.save_body(id, text).is_ok()
                {
                    last.insert(id, text.clone());
                }
            }
            Op::FolderAway => {
                if folder.is_dir() && !away.exists() {
                    std::fs::rename(&folder, &away).unwrap();
                }
            }
            Op::FolderBack => {
                if away.is_dir() && !folder.exists() {
                    std::fs::rename(&away, &folder).unwrap();
                }
            }
            Op::FolderReplaced => {
                if folder.is_dir() {
                    std::fs::remove_dir_all(&folder).unwrap();
                }
                std::fs::create_dir_all(&folder).unwrap();
            }
            Op::Pass => pass(&mut lib, &folder, &mut stuck),
        }
        assert!(
            lib.list_trash().unwrap().is_empty(),
            "trashed after {op:?} in {ops:?}"
        );
    }
    // Nothing written outside the folder, the folder away and the library.
    assert_eq!(snapshot(&outside), before_outside, "{ops:?}");
    for e in std::fs::read_dir(root).unwrap().flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        assert!(
            ["outside", "mirror", "away"].contains(&name.as_str())
                || name.starts_with("lib.byline"),
            "{name} written beside the folder: {ops:?}"
        );
    }
    // Every article's last saved text is its text or in its history.
    for (id, text) in last {
        let article = lib.article(id).unwrap();
        let kept = article.body == text
            || lib
                .history(id)
                .unwrap()
                .iter()
                .any(|r| lib.revision_state(id, r.number).unwrap().body == text);
        assert!(kept, "{text:?} lost for {id}: {ops:?}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn the_mirror_never_trashes_loses_or_writes_outside_its_folder(
        ops in proptest::collection::vec(op(), 1..14)
    ) {
        run(&ops);
    }
}
