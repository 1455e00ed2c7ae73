//! Hostile and unusual input, each case as it was confirmed against the
//! CLI: alias bombs, deep nesting, link loops, FIFOs, images and posts
//! reached through links or `..` out of the folder. Each fails (or hangs)
//! on the importer before limits were added.

use std::os::unix::fs::symlink;
use std::sync::mpsc;
use std::time::Duration;

use super::*;

/// Runs `f` on its own thread: a hang is a failure, not a stuck test run.
fn finishes<T: Send + 'static>(f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(120))
        .expect("the import never finished")
}

/// A 39 KB front matter: a list referenced over and over by aliases.
fn alias_bomb(lists: usize) -> String {
    let items: Vec<String> = (0..200).map(|i| format!("\"item number {i}\"")).collect();
    let mut yaml = format!("---\ntitle: Bomb\nbase: &a [{}]\n", items.join(", "));
    for i in 0..lists {
        yaml.push_str(&format!("k{i}: [*a, *a, *a, *a, *a, *a, *a, *a]\n"));
    }
    yaml + "---\nBody.\n"
}

#[test]
fn front_matter_past_the_limits_is_refused_for_that_file_only() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("bomb.md"), alias_bomb(1000)).unwrap();
    assert!(std::fs::metadata(d.join("bomb.md")).unwrap().len() > 30_000);
    std::fs::write(d.join("big-bomb.md"), alias_bomb(4000)).unwrap();
    let deep = format!(
        "---\ntitle: Deep\nx: {}1{}\n---\n",
        "[".repeat(127),
        "]".repeat(127)
    );
    std::fs::write(d.join("deep.md"), deep).unwrap();
    let huge = format!("---\ntitle: Huge\nx: \"{}\"\n---\n", "y".repeat(300_000));
    std::fs::write(d.join("huge-header.md"), huge).unwrap();
    std::fs::write(d.join("fine.md"), "---\ntitle: Fine\n---\nOk.\n").unwrap();
    let path = d.to_path_buf();
    let (report, _keep) = finishes(move || {
        let (ldir, mut lib) = library();
        (lib.import_paths(&[path], keep()).unwrap(), ldir)
    });
    assert_eq!(report.created, 1, "{report:#?}");
    for (name, says) in [
        ("bomb.md", "more than 20000 values"),
        ("big-bomb.md", "more than 20000 values"),
        ("deep.md", "more than 32 deep"),
        ("huge-header.md", "the limit is 256 KB"),
    ] {
        let r = file_report(&report, name);
        let error = r.error.as_ref().unwrap_or_else(|| panic!("{name}: {r:#?}"));
        assert!(error.message.contains(says), "{name}: {}", error.message);
        assert!(
            error.message.contains(name),
            "names the file: {}",
            error.message
        );
    }
}

#[test]
fn nesting_within_the_limit_is_stored_so_it_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("nested.md");
    let nested = format!(
        "---\ntitle: Nested\nx: {}1{}\n---\n",
        "[".repeat(31),
        "]".repeat(31)
    );
    std::fs::write(&file, nested).unwrap();
    let (_l, mut lib) = library();
    let report = lib.import_paths(&[file], keep()).unwrap();
    assert_eq!(report.created, 1, "{report:#?}");
    let id = report.files[0].article.unwrap();
    lib.kept_front_matter(id).unwrap();
    lib.render_export(id, Format::MdYaml).unwrap();
    lib.render_export(id, Format::MdToml).unwrap();
}

#[test]
fn links_to_folders_are_not_followed_and_each_file_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().join("blog");
    std::fs::create_dir_all(d.join("posts")).unwrap();
    std::fs::write(d.join("posts/one.md"), "---\ntitle: One\n---\n").unwrap();
    // Two links back up: a walk that follows them never ends.
    symlink("..", d.join("posts/up")).unwrap();
    symlink("../..", d.join("posts/upup")).unwrap();
    // Forty links to one file inside the folder: still one article.
    for i in 0..40 {
        symlink("posts/one.md", d.join(format!("copy{i}.md"))).unwrap();
    }
    let (report, _keep) = finishes(move || {
        let (ldir, mut lib) = library();
        (lib.import_paths(&[d], keep()).unwrap(), ldir)
    });
    assert_eq!(report.created, 1, "{report:#?}");
    assert_eq!(report.failed, 0, "{report:#?}");
}

#[test]
fn a_fifo_named_like_markdown_is_reported_not_waited_on() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().to_path_buf();
    let fifo = d.join("a.md");
    let c = std::ffi::CString::new(fifo.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0);
    std::fs::write(d.join("b.md"), "---\ntitle: B\n---\n").unwrap();
    let both = vec![d.clone(), fifo];
    let (report, _keep) = finishes(move || {
        let (ldir, mut lib) = library();
        (lib.import_paths(&both, keep()).unwrap(), ldir)
    });
    assert_eq!(report.created, 1, "{report:#?}");
    // Found in the folder, and named on its own: refused both ways.
    assert_eq!(report.failed, 2, "{report:#?}");
    assert!(report
        .files
        .iter()
        .filter_map(|f| f.error.as_ref())
        .all(|e| e.message.contains("not a regular file")));
}

#[test]
fn a_linked_post_outside_the_folder_is_not_imported() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.txt");
    std::fs::write(&secret, "not yours\n").unwrap();
    let dir = tempfile::tempdir().unwrap();
    symlink(&secret, dir.path().join("hostname.md")).unwrap();
    let (_l, mut lib) = library();
    let report = lib
        .import_paths(&[dir.path().to_path_buf()], keep())
        .unwrap();
    assert_eq!(report.created, 0, "{report:#?}");
    assert_eq!(report.failed, 1);
    assert!(report.files[0]
        .error
        .as_ref()
        .unwrap()
        .message
        .contains("outside the folder"));
    assert!(lib.search("yours", 10).unwrap().is_empty());
}

/// A PNG the asset store accepts.
fn png() -> Vec<u8> {
    std::fs::read(fixtures("hugo/content/posts/harbour-walk/cover.png")).unwrap()
}

#[test]
fn images_come_only_from_inside_the_imported_folder() {
    let top = tempfile::tempdir().unwrap();
    std::fs::write(top.path().join("x.png"), png()).unwrap();
    let blog = top.path().join("a/blog");
    std::fs::create_dir_all(blog.join("posts")).unwrap();
    std::fs::write(blog.join("inside.png"), png()).unwrap();
    symlink(top.path().join("x.png"), blog.join("posts/linked.png")).unwrap();
    let absolute = top
        .path()
        .join("x.png")
        .display()
        .to_string()
        .replace('/', "%2F");
    std::fs::write(
        blog.join("posts/p.md"),
        format!(
            "---\ntitle: P\n---\n![a](../../../x.png)\n![b]({absolute})\n![c](linked.png)\n\
             <img src=\"..%2F..%2F..%2Fx.png\">\n![ok](../inside.png)\n"
        ),
    )
    .unwrap();
    let (_l, mut lib) = library();
    let report = lib.import_paths(&[blog], keep()).unwrap();
    let r = file_report(&report, "p.md");
    assert_eq!(r.images, 1, "only the one inside: {r:#?}");
    let outside = r
        .mapping
        .skipped
        .iter()
        .filter(|s| s.contains("outside the imported folder"));
    assert_eq!(outside.count(), 4, "{:#?}", r.mapping.skipped);
}

#[test]
fn the_mirror_reads_images_only_from_its_folder() {
    let top = tempfile::tempdir().unwrap();
    std::fs::write(top.path().join("x.png"), png()).unwrap();
    let folder = top.path().join("mirror");
    std::fs::create_dir_all(&folder).unwrap();
    let file = folder.join("p.md");
    std::fs::write(&file, "---\ntitle: P\n---\n![a](../x.png)\n").unwrap();
    let (_l, mut lib) = library();
    let change = lib.mirror_in(&folder, &file).unwrap().unwrap();
    let article = lib.article(change.article).unwrap();
    assert!(
        article.body.contains("](../x.png)"),
        "not copied: {}",
        article.body
    );
}

#[test]
fn a_walk_past_its_limits_refuses_the_import_whole() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("top.md"), "---\ntitle: Top\n---\n").unwrap();
    let mut deep = dir.path().to_path_buf();
    for _ in 0..70 {
        deep = deep.join("d");
    }
    std::fs::create_dir_all(&deep).unwrap();
    let (_l, mut lib) = library();
    let err = lib
        .import_paths(&[dir.path().to_path_buf()], keep())
        .unwrap_err();
    assert!(err.to_string().contains("folders deep"), "{err}");
    assert!(lib.list(&Default::default()).unwrap().is_empty());
}

/// The mirror reads every file in its folder at start: one alias bomb
/// there once crashed the app at every launch, and YAML nested 127 deep
/// was stored where it could not be read back. Both are now refused for
/// their file, quickly, and nothing is stored.
#[test]
fn the_mirror_refuses_hostile_front_matter_for_its_file() {
    let folder = tempfile::tempdir().unwrap();
    let bomb = folder.path().join("bomb.md");
    std::fs::write(&bomb, alias_bomb(4000)).unwrap();
    let deep = folder.path().join("deep.md");
    let nested = format!(
        "---\ntitle: Deep\nx: {}1{}\n---\n",
        "[".repeat(127),
        "]".repeat(127)
    );
    std::fs::write(&deep, nested).unwrap();
    let dir = folder.path().to_path_buf();
    let (errors, count, _keep) = finishes(move || {
        let (ldir, mut lib) = library();
        let errors: Vec<String> = [bomb, deep]
            .iter()
            .map(|f| lib.mirror_in(&dir, f).unwrap_err().to_string())
            .collect();
        let count = lib.list(&Default::default()).unwrap().len();
        (errors, count, ldir)
    });
    assert!(
        errors[0].contains("more than 20000 values"),
        "{}",
        errors[0]
    );
    assert!(errors[1].contains("more than 32 deep"), "{}", errors[1]);
    assert_eq!(count, 0);
}
