//! A keyring of the test's own: a private D-Bus session bus and, on it,
//! GNOME Keyring's Secret Service unlocked with a throwaway password, its
//! files in a temporary home. Commands run with this bus and home alone, so
//! a test never reads or writes the real user's keyring. Both daemons are
//! this fixture's children and are stopped when it is dropped.

use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct SessionKeyring {
    home: tempfile::TempDir,
    address: String,
    bus: Child,
    keyring: Option<Child>,
}

/// A session bus that activates nothing: a name is owned only by what the
/// fixture starts, so "no Secret Service" stays true when it is meant to.
const BUS_CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:dir=DIR</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

impl SessionKeyring {
    /// A bus with an unlocked Secret Service on it.
    pub fn start() -> SessionKeyring {
        let mut session = SessionKeyring::bus_only();
        let mut keyring = Command::new("gnome-keyring-daemon")
            .args(["--foreground", "--components=secrets", "--unlock"])
            .envs(session.env())
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("gnome-keyring-daemon (Debian's gnome-keyring; `make test` installs it)");
        // --unlock reads the login keyring's password from standard input.
        let mut stdin = keyring.stdin.take().unwrap();
        stdin.write_all(b"byline-test").unwrap();
        drop(stdin);
        session.keyring = Some(keyring);
        session.wait_for_name("org.freedesktop.secrets");
        session
    }

    /// A bus with no Secret Service on it.
    pub fn bus_only() -> SessionKeyring {
        let home = tempfile::tempdir().unwrap();
        let runtime = home.path().join("run");
        std::fs::create_dir(&runtime).unwrap();
        let config = home.path().join("bus.conf");
        std::fs::write(
            &config,
            BUS_CONFIG.replace("DIR", runtime.to_str().unwrap()),
        )
        .unwrap();
        let mut bus = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("dbus-daemon");
        let mut address = String::new();
        BufReader::new(bus.stdout.take().unwrap())
            .read_line(&mut address)
            .unwrap();
        SessionKeyring {
            home,
            address: address.trim().to_owned(),
            bus,
            keyring: None,
        }
    }

    /// The environment a process needs to use this session (and only it).
    pub fn env(&self) -> Vec<(&'static str, String)> {
        let home = self.home.path();
        let sub = |name: &str| home.join(name).to_string_lossy().into_owned();
        vec![
            ("DBUS_SESSION_BUS_ADDRESS", self.address.clone()),
            ("HOME", home.to_string_lossy().into_owned()),
            ("XDG_DATA_HOME", sub("data")),
            ("XDG_CONFIG_HOME", sub("config")),
            ("XDG_RUNTIME_DIR", sub("run")),
        ]
    }

    /// Gives a command this session.
    pub fn apply<'c>(&self, command: &'c mut Command) -> &'c mut Command {
        command.envs(self.env())
    }

    pub fn home(&self) -> &Path {
        self.home.path()
    }

    /// Waits until a name is owned on the bus (the daemon has started).
    fn wait_for_name(&self, name: &str) {
        let deadline = Instant::now() + Duration::from_secs(30);
        loop {
            let out = Command::new("dbus-send")
                .envs(self.env())
                .args([
                    "--session",
                    "--print-reply",
                    "--dest=org.freedesktop.DBus",
                    "/org/freedesktop/DBus",
                    "org.freedesktop.DBus.NameHasOwner",
                    &format!("string:{name}"),
                ])
                .output()
                .expect("dbus-send");
            if String::from_utf8_lossy(&out.stdout).contains("boolean true") {
                return;
            }
            assert!(
                Instant::now() < deadline,
                "{name} never appeared on the test bus"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for SessionKeyring {
    fn drop(&mut self) {
        if let Some(keyring) = &mut self.keyring {
            let _ = keyring.kill();
            let _ = keyring.wait();
        }
        let _ = self.bus.kill();
        let _ = self.bus.wait();
    }
}
