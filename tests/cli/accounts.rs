//! `byline accounts`: publishing accounts with their secrets in a real
//! Secret Service (GNOME Keyring on the test's own session bus), read back
//! with `secret-tool` as any other program would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use crate::session_keyring::SessionKeyring;
use crate::support::{assert_fails_with, stdout, TestLibrary};

const APP_PASSWORD: &str = "abcd EFGH 1234 ijkl mnop qrst";

use crate::publish_cli::run;

/// What the keyring holds for Byline under this user field, if anything.
fn in_keyring(keyring: &SessionKeyring, user: &str) -> Option<String> {
    let mut command = Command::new("secret-tool");
    keyring.apply(&mut command);
    let out = command
        .args(["lookup", "service", "byline", "username", user])
        .output()
        .expect("secret-tool (Debian's libsecret-tools; `make test` installs it)");
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).unwrap())
}

fn add_wordpress(library: &TestLibrary, keyring: &SessionKeyring) -> Output {
    run(
        library,
        keyring,
        &[
            "accounts",
            "add",
            "Work blog",
            "--kind",
            "wordpress",
            "--site",
            "http://127.0.0.1:8089/",
            "--user",
            "ann",
        ],
        &format!("{APP_PASSWORD}\n"),
    )
}

#[test]
fn an_account_s_secret_is_kept_in_the_keyring_and_nowhere_else() {
    let keyring = SessionKeyring::start();
    let library = TestLibrary::new();
    let out = add_wordpress(&library, &keyring);
    assert!(out.status.success(), "{out:?}");
    assert!(stdout(&out).contains("Added Work blog"), "{}", stdout(&out));

    let key = "wordpress:ann@http://127.0.0.1:8089";
    assert_eq!(in_keyring(&keyring, key).as_deref(), Some(APP_PASSWORD));

    let listed = run(&library, &keyring, &["accounts"], "");
    let text = stdout(&listed);
    assert!(
        text.contains("Work blog  WordPress  http://127.0.0.1:8089  as ann"),
        "{text}"
    );
    let json = stdout(&run(
        &library,
        &keyring,
        &["accounts", "list", "--json"],
        "",
    ));
    let accounts: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(accounts[0]["name"], "Work blog");
    assert_eq!(accounts[0]["kind"], "wordpress");
    for output in [&text, &json] {
        assert!(!output.contains("EFGH"), "the secret was printed: {output}");
    }
    // Not in the library file, nor its WAL.
    for entry in std::fs::read_dir(library.dir()).unwrap() {
        let bytes = std::fs::read(entry.unwrap().path()).unwrap();
        assert!(
            !bytes.windows(9).any(|w| w == b"EFGH 1234"),
            "the secret is in the library"
        );
    }

    let removed = run(&library, &keyring, &["accounts", "remove", "work blog"], "");
    assert!(removed.status.success(), "{removed:?}");
    assert_eq!(in_keyring(&keyring, key), None);
    assert!(stdout(&run(&library, &keyring, &["accounts"], "")).contains("No publishing accounts"));
}

#[test]
fn without_a_secret_service_nothing_is_added_and_the_reason_is_given() {
    let bus = SessionKeyring::bus_only();
    let library = TestLibrary::new();
    let out = add_wordpress(&library, &bus);
    assert_fails_with(&out, "the system keyring is not available");
    assert_fails_with(&out, "\"Work blog\"");
    assert!(stdout(&run(&library, &bus, &["accounts"], "")).contains("No publishing accounts"));
}

#[test]
fn without_a_session_bus_the_reason_is_given() {
    let bus = SessionKeyring::bus_only();
    let library = TestLibrary::new();
    let mut command = library.command();
    keyring_less(&mut command, &bus);
    let mut child = command
        .args([
            "accounts",
            "add",
            "News",
            "--kind",
            "micropub",
            "--site",
            "https://x.example/micropub",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(b"a-token\n").unwrap();
    let out = child.wait_with_output().unwrap();
    assert_fails_with(&out, "the system keyring is not available");
}

/// This session's home, but a bus address where nothing listens.
fn keyring_less(command: &mut Command, bus: &SessionKeyring) {
    bus.apply(command);
    command.env(
        "DBUS_SESSION_BUS_ADDRESS",
        format!("unix:path={}/no-bus", bus.home().display()),
    );
}

#[test]
fn refused_accounts_say_why_before_asking_for_a_secret() {
    let keyring = SessionKeyring::start();
    let library = TestLibrary::new();
    assert!(add_wordpress(&library, &keyring).status.success());
    // The same name, any case.
    let out = run(
        &library,
        &keyring,
        &[
            "accounts",
            "add",
            "WORK BLOG",
            "--kind",
            "ghost",
            "--site",
            "https://g.example",
        ],
        "",
    );
    assert_fails_with(&out, "already exists");
    for (args, needle) in [
        (
            &[
                "accounts",
                "add",
                "B",
                "--kind",
                "wordpress",
                "--site",
                "https://x.org",
            ][..],
            "user is needed",
        ),
        (
            &[
                "accounts",
                "add",
                "B",
                "--kind",
                "ghost",
                "--site",
                "example.com",
            ],
            "not an address",
        ),
        (
            &["accounts", "remove", "Nope"],
            "no publishing account is named \"Nope\"",
        ),
    ] {
        assert_fails_with(&run(&library, &keyring, args, ""), needle);
    }
    // A Ghost key that is not one is refused, and nothing is kept.
    let out = run(
        &library,
        &keyring,
        &[
            "accounts",
            "add",
            "G",
            "--kind",
            "ghost",
            "--site",
            "https://g.example",
        ],
        "not-a-key\n",
    );
    assert_fails_with(&out, "not a Ghost Admin API key");
    assert_eq!(in_keyring(&keyring, "ghost:@https://g.example"), None);
    let json = stdout(&run(
        &library,
        &keyring,
        &["accounts", "list", "--json"],
        "",
    ));
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&json)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        1
    );
}
