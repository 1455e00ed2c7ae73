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
