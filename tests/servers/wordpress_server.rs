//! A real WordPress for one test: MariaDB on a socket in a temporary
//! folder, WordPress installed into it, PHP's built-in server on a free
//! port, an application password minted for the admin. Both servers are
//! this fixture's children, stopped when it is dropped. The software comes
//! from `tests/servers/wordpress.sh` (run by `make test`), cached in
//! ~/.cache/byline-test-servers (or $BYLINE_TEST_SERVERS).

#[path = "local.rs"]
mod local;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct WordPressServer {
    _dir: tempfile::TempDir,
    mariadb: Child,
    php: Child,
    /// `http://127.0.0.1:PORT`
    pub url: String,
    pub user: String,
    pub password: String,
}

fn wait_until(what: &str, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while !ready() {
        assert!(Instant::now() < deadline, "{what} did not start");
        std::thread::sleep(Duration::from_millis(50));
    }
}

impl WordPressServer {
    pub fn start() -> WordPressServer {
        let cache = local::cache("wordpress");
        assert!(
            cache.join(".installed-1").exists(),
            "the WordPress test server is not installed in {}; run tests/servers/wordpress.sh (make test does)",
            cache.display()
        );
        let root = cache.join("root");
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        let socket = dir.path().join("mysql.sock");
        let log = |name: &str| std::fs::File::create(dir.path().join(name)).unwrap();

        let status = Command::new(root.join("usr/bin/mariadb-install-db"))
            .args([
                "--no-defaults",
                "--user=root",
                "--auth-root-authentication-method=normal",
            ])
            .arg(format!("--basedir={}", root.join("usr").display()))
            .arg(format!("--datadir={}", data.display()))
            .stdout(log("install-db.log"))
            .stderr(log("install-db.err"))
            .status()
            .unwrap();
        assert!(status.success(), "mariadb-install-db failed");
        let mariadb = Command::new(root.join("usr/sbin/mariadbd"))
            .args([
                "--no-defaults",
                "--user=root",
                "--skip-networking",
                "--skip-grant-tables",
            ])
            .arg(format!("--basedir={}", root.join("usr").display()))
            .arg(format!("--datadir={}", data.display()))
            .arg(format!("--socket={}", socket.display()))
            .arg(format!(
                "--pid-file={}",
                dir.path().join("mariadb.pid").display()
            ))
            .arg(format!(
                "--lc-messages-dir={}",
                root.join("usr/share/mariadb").display()
            ))
            .stdout(log("mariadb.log"))
            .stderr(log("mariadb.err"))
            .spawn()
            .unwrap();
        let mut server = WordPressServer {
            _dir: dir,
            mariadb,
            // Replaced below; a placeholder child keeps Drop simple.
            php: Command::new("true").spawn().unwrap(),
            url: String::new(),
            user: "admin".into(),
            password: String::new(),
        };
        wait_until("MariaDB", || socket.exists());
        let created = Command::new(root.join("usr/bin/mariadb"))
            .args([
                "--no-defaults",
                "-u",
                "root",
                "-e",
                "CREATE DATABASE wordpress",
            ])
            .arg(format!("--socket={}", socket.display()))
            .output()
            .unwrap();
        assert!(created.status.success(), "{created:?}");

        let port = local::free_port();
        let host = format!("127.0.0.1:{port}");
        let www = cache.join("www");
        let php = |root: &Path| {
            let mut command = Command::new(root.join("usr/bin/php8.2"));
            command
                .arg("-n")
                .arg(format!(
                    "-dextension_dir={}",
                    root.join("usr/lib/php/20220829").display()
                ))
                .args([
                    "-dextension=mysqlnd",
                    "-dextension=mysqli",
                    "-dmemory_limit=256M",
                ])
                .args(["-dupload_max_filesize=64M", "-dpost_max_size=64M"])
                .env("BYLINE_WP_SOCKET", &socket)
                .env("BYLINE_WP_WWW", &www);
            command
        };
        let setup = php(&root)
            .arg(cache.join("setup.php"))
            .arg(&host)
            .stderr(Stdio::null())
            .output()
            .unwrap();
        assert!(
            setup.status.success(),
            "WordPress did not install: {setup:?}"
        );
        server.password = String::from_utf8(setup.stdout).unwrap().trim().to_owned();
        let _ = server.php.wait();
        server.php = php(&root)
            .args(["-S", &host, "-t"])
            .arg(&www)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        server.url = format!("http://{host}");
        wait_until("PHP's server", || {
            std::net::TcpStream::connect(&host).is_ok()
        });
        server
    }

    /// A REST route's address (`/wp/v2/posts/5`), with more query after.
    pub fn route(&self, route: &str) -> String {
        format!("{}/?rest_route={route}", self.url)
    }

    /// GET a route as the admin; the JSON answer.
    pub fn get(&self, route: &str) -> serde_json::Value {
        let client = reqwest::blocking::Client::new();
        let response = client
            .get(self.route(route))
            .basic_auth(&self.user, Some(&self.password))
            .send()
            .unwrap();
        serde_json::from_str(&response.text().unwrap()).unwrap()
    }

    /// POST JSON to a route as the admin (an editor working on the site).
    pub fn post(&self, route: &str, body: serde_json::Value) -> serde_json::Value {
        let client = reqwest::blocking::Client::new();
        let response = client
            .post(self.route(route))
            .basic_auth(&self.user, Some(&self.password))
            .header("Content-Type", "application/json")
            .body(body.to_string())
            .send()
            .unwrap();
        serde_json::from_str(&response.text().unwrap()).unwrap()
    }
}

impl Drop for WordPressServer {
    fn drop(&mut self) {
        for child in [&mut self.php, &mut self.mariadb] {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}
