//! A real Micropub server for one test: the small Django project in
//! tests/servers/micropub/ (django-indieweb from PyPI) on Django's own
//! server, on a free port, with its own copy of the template database
//! (a user and the bearer tokens below) in a temporary folder. The server
//! is this fixture's child, stopped when it is dropped. The software comes
//! from `tests/servers/micropub.sh` (run by `make test`), cached in
//! ~/.cache/byline-test-servers (or $BYLINE_TEST_SERVERS).

#[path = "local.rs"]
mod local;

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The token seeded with the scopes Byline uses (create update delete
/// media draft).
pub const TOKEN: &str = "byline-test-token";
/// A token that may only create: an update is refused with 403.
pub const CREATE_ONLY_TOKEN: &str = "byline-create-only";

pub struct MicropubServer {
    dir: tempfile::TempDir,
    server: Child,
    /// `http://127.0.0.1:PORT`, the site's home page (which links to the
    /// endpoint).
    pub url: String,
    /// `http://127.0.0.1:PORT/indieweb/micropub/`
    pub endpoint: String,
}

impl MicropubServer {
    pub fn start() -> MicropubServer {
        let cache = local::cache("micropub");
        assert!(
            cache.join(".installed-1").exists(),
            "the Micropub test server is not installed in {}; run tests/servers/micropub.sh (make test does)",
            cache.display()
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(
            cache.join("template/db.sqlite3"),
            dir.path().join("db.sqlite3"),
        )
        .unwrap();
        let project = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/servers/micropub");
        let port = local::free_port();
        let url = format!("http://127.0.0.1:{port}");
        let log = |name: &str| std::fs::File::create(dir.path().join(name)).unwrap();
        let server = Command::new(cache.join("venv/bin/python"))
            .arg(project.join("manage.py"))
            .args(["runserver", &format!("127.0.0.1:{port}"), "--noreload"])
            .current_dir(&project)
            .env("BYLINE_MP_DATA", dir.path())
            .env("BYLINE_MP_BASE", &url)
            // Keeps __pycache__ out of the repository.
            .env("PYTHONDONTWRITEBYTECODE", "1")
            .stdin(Stdio::null())
            .stdout(log("server.log"))
            .stderr(log("server.err"))
            .spawn()
            .unwrap();
        let server = MicropubServer {
            dir,
            server,
            endpoint: format!("{url}/indieweb/micropub/"),
            url,
        };
        // Ready once it answers (the port opens before Django is loaded).
        let deadline = Instant::now() + Duration::from_secs(60);
        let client = reqwest::blocking::Client::new();
        while client.get(&server.url).send().is_err() {
            assert!(
                Instant::now() < deadline,
                "the Micropub server did not start: {}",
                std::fs::read_to_string(server.dir.path().join("server.err")).unwrap_or_default()
            );
            std::thread::sleep(Duration::from_millis(100));
        }
        server
    }

    /// `q=source` for an entry, as the site's owner: its properties.
    pub fn source(&self, entry: &str) -> serde_json::Value {
        let mut url = url::Url::parse(&self.endpoint).unwrap();
        url.query_pairs_mut()
            .append_pair("q", "source")
            .append_pair("url", entry);
        let response = reqwest::blocking::Client::new()
            .get(url.as_str())
            .bearer_auth(TOKEN)
            .send()
            .unwrap();
        assert!(response.status().is_success(), "{response:?}");
        serde_json::from_str::<serde_json::Value>(&response.text().unwrap()).unwrap()["properties"]
            .clone()
    }

    /// A Micropub update made on the site (an editor at work).
    pub fn replace(&self, entry: &str, properties: serde_json::Value) {
        let response = reqwest::blocking::Client::new()
            .post(&self.endpoint)
            .bearer_auth(TOKEN)
            .header("Content-Type", "application/json")
            .body(
                serde_json::json!({"action": "update", "url": entry, "replace": properties})
                    .to_string(),
            )
            .send()
            .unwrap();
        assert!(response.status().is_success(), "{response:?}");
    }

    /// Whether a page is there (200).
    pub fn exists(&self, url: &str) -> bool {
        reqwest::blocking::get(url).unwrap().status().is_success()
    }

    /// A PNG sent to the media endpoint directly (a measurement's
    /// baseline); its address.
    pub fn upload(&self, name: &str, bytes: &[u8]) -> String {
        let boundary = "byline-test-boundary-7f3a9c";
        let mut body = format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{name}\"\r\nContent-Type: image/png\r\n\r\n"
        )
        .into_bytes();
        body.extend_from_slice(bytes);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let response = reqwest::blocking::Client::new()
            .post(format!("{}/indieweb/media/", self.url))
            .bearer_auth(TOKEN)
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .unwrap();
        assert_eq!(response.status(), 201, "{response:?}");
        response.headers()["location"].to_str().unwrap().to_owned()
    }

    /// The files the media endpoint has stored.
    pub fn media_files(&self) -> usize {
        match std::fs::read_dir(self.dir.path().join("media/indieweb/media")) {
            Ok(dir) => dir.count(),
            Err(_) => 0,
        }
    }
}

impl Drop for MicropubServer {
    fn drop(&mut self) {
        let _ = self.server.kill();
        let _ = self.server.wait();
    }
}
