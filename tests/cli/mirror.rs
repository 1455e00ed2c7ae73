//! `mirror`: a folder kept in step until interrupted.

use crate::support::{assert_fails_with, stdout, TestLibrary};

#[test]
fn mirror_keeps_a_folder_in_step_until_interrupted() {
    let lib = TestLibrary::with(&[("Ferry fares", "Old text.")]);
    let folder = lib.dir().join("mirror");
    let mut child = lib
        .command()
        .args(["mirror", folder.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let file = folder.join("ferry-fares.md");
    let wait = |what: &str, check: &dyn Fn() -> bool| {
        let start = std::time::Instant::now();
        while !check() {
            assert!(
                start.elapsed().as_secs() < 15,
                "timed out waiting for {what}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    };
    wait("the file", &|| file.exists());
    let text = std::fs::read_to_string(&file).unwrap();
    std::fs::write(
        &file,
        text.replace("Old text.", "Edited in another editor."),
    )
    .unwrap();
    wait("the edit", &|| {
        lib.open().find("ferry-fares").unwrap().body == "Edited in another editor."
    });
    child.kill().unwrap();
    let out = child.wait_with_output().unwrap();
    let printed = stdout(&out);
    assert!(printed.starts_with("Mirroring into "), "{printed}");
    assert!(
        printed.contains("read an edit from ferry-fares.md"),
        "{printed}"
    );
    assert_fails_with(
        &lib.run(&["mirror", lib.dir().to_str().unwrap()]),
        "cannot be the folder the library file is in",
    );
}

/// Collects a child's output as it is written, so a test can wait for a
/// line while the mirror still runs.
fn collect(pipe: impl std::io::Read + Send + 'static) -> std::sync::Arc<std::sync::Mutex<String>> {
    use std::io::BufRead;
    let text = std::sync::Arc::new(std::sync::Mutex::new(String::new()));
    let sink = std::sync::Arc::clone(&text);
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(pipe).lines().map_while(Result::ok) {
            let mut t = sink.lock().unwrap();
            t.push_str(&line);
            t.push('\n');
        }
    });
    text
}

#[test]
fn mirror_into_a_missing_folder_says_it_is_paused_and_resumes_when_it_is_back() {
    let lib = TestLibrary::with(&[("Ferry fares", "Old text.")]);
    let folder = {
        let mut l = lib.open();
        let folder = l
            .set_mirror_folder(Some(&lib.dir().join("mirror")))
            .unwrap()
            .unwrap();
        l.mirror_out(&folder).unwrap();
        folder
    };
    let unplugged = lib.dir().join("unplugged");
    std::fs::rename(&folder, &unplugged).unwrap();
    let mut child = lib
        .command()
        .args(["mirror", folder.to_str().unwrap()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let out = collect(child.stdout.take().unwrap());
    let err = collect(child.stderr.take().unwrap());
    let wait = |what: &str, check: &dyn Fn() -> bool| {
        let start = std::time::Instant::now();
        while !check() {
            assert!(
                start.elapsed().as_secs() < 15,
                "timed out waiting for {what}"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    };
    wait("the pause", &|| err.lock().unwrap().contains("is missing"));
    // Edited meanwhile: still nothing trashed, no folder made.
    let id = lib.open().find("ferry-fares").unwrap().id;
    lib.open().save_body(id, "New text.").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(1000));
    assert!(lib.open().list_trash().unwrap().is_empty());
    assert!(!folder.exists());
    let printed = err.lock().unwrap().clone();
    assert_eq!(printed.matches("is missing").count(), 1, "once: {printed}");
    assert!(printed.contains("mirroring is paused"), "{printed}");

    std::fs::rename(&unplugged, &folder).unwrap();
    wait("the resume", &|| {
        out.lock()
            .unwrap()
            .contains("The folder is back; mirroring resumed.")
    });
    wait("the save written", &|| {
        std::fs::read_to_string(folder.join("ferry-fares.md"))
            .is_ok_and(|t| t.ends_with("New text."))
    });
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(lib.open().list_trash().unwrap().is_empty());
}
