//! What the publishing tests (`publish_wordpress`, `publish_ghost`,
//! `publish_micropub`) share: the `byline` CLI run on the test library
//! with the test keyring, and an article edited as the window would.
//! Each of them declares `support` and `session_keyring` beside this.

use std::io::Write;
use std::process::{Output, Stdio};

use crate::session_keyring::SessionKeyring;
use crate::support::TestLibrary;

/// `byline ARGS` on `library` with `keyring`'s Secret Service, `input` on
/// its standard input (a secret, as a writer would type it).
pub fn run(library: &TestLibrary, keyring: &SessionKeyring, args: &[&str], input: &str) -> Output {
    let mut command = library.command();
    keyring.apply(&mut command);
    let mut child = command
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// The article's body, changed through the library as the window would.
pub fn set_body(library: &TestLibrary, slug: &str, body: &str) {
    let mut lib = library.open();
    let id = lib.find(slug).unwrap().id;
    lib.save_body(id, body).unwrap();
}
