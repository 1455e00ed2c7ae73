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

/// A new article titled `title` of about `words` words showing `images`
/// (stored as `PREFIX-N.png`), tagged "walks, sea"; its id and body.
pub fn walk_article(
    library: &TestLibrary,
    title: &str,
    prefix: &str,
    words: usize,
    images: &[&[u8]],
) -> (byline_core::domain::article::ArticleId, String) {
    let mut lib = library.open();
    let mut body = String::from("The walk starts at the pier.\n\n");
    for (n, bytes) in images.iter().enumerate() {
        let image = lib
            .store_image(&format!("{prefix}-{n}.png"), bytes)
            .unwrap();
        body.push_str(&format!("{}\n\n", image.markdown));
    }
    for n in 0..words.saturating_sub(6) {
        body.push_str(if n % 12 == 11 {
            "harbour.\n\n"
        } else {
            "harbour "
        });
    }
    let article = lib.create_article(title, &body).unwrap();
    let tags = byline_core::domain::article::ArticleField::Tags;
    lib.set_field(article.id, tags, "walks, sea").unwrap();
    (article.id, body)
}
