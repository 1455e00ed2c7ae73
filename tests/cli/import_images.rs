//! `import --download-images`: a saved page's images from other sites
//! downloaded into the library only when asked, from `http(s)` only,
//! against a real HTTP server on this machine.

use std::io::{BufRead, BufReader, Write};
use std::sync::{Arc, Mutex};

use crate::support::{stderr, stdout, TestLibrary};

/// A small image site: each request recorded (its line and header names).
struct Site {
    port: u16,
    seen: Arc<Mutex<Vec<String>>>,
}

const PNG: &[u8] =
    b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0\x1f\x15\xc4\x89";
const JPEG: &[u8] = b"\xff\xd8\xff\xe0\0\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0\xff\xd9";

impl Site {
    fn start() -> Site {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = Arc::new(Mutex::new(Vec::new()));
        let record = Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let record = Arc::clone(&record);
                std::thread::spawn(move || {
                    let mut reader = BufReader::new(stream.try_clone().unwrap());
                    let mut line = String::new();
                    if reader.read_line(&mut line).is_err() {
                        return;
                    }
                    let mut headers = Vec::new();
                    let mut header = String::new();
                    while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                        headers.push(header.split(':').next().unwrap_or("").to_ascii_lowercase());
                        header.clear();
                    }
                    record
                        .lock()
                        .unwrap()
                        .push(format!("{} {}", line.trim(), headers.join(",")));
                    let path = line.split_whitespace().nth(1).unwrap_or("").to_owned();
                    let (status, kind, body): (&str, &str, &[u8]) = match path.as_str() {
                        "/img/yard.jpg" => ("200 OK", "image/jpeg", JPEG),
                        "/img/chart.png" => ("200 OK", "image/png", PNG),
                        "/old/chart.png" => (
                            "301 Moved Permanently\r\nLocation: /img/chart.png",
                            "text/plain",
                            b"",
                        ),
                        "/img/to-file.png" => (
                            "302 Found\r\nLocation: file:///etc/hosts",
                            "text/plain",
                            b"",
                        ),
                        "/img/page.png" => ("200 OK", "text/html", b"<html>not an image</html>"),
                        "/img/huge.png" => ("200 OK\r\nContent-Length: 31457280", "image/png", b""),
                        _ => ("404 Not Found", "text/plain", b""),
                    };
                    let length = if status.contains("Content-Length") {
                        String::new()
                    } else {
                        format!("Content-Length: {}\r\n", body.len())
                    };
                    let _ = write!(
                        stream,
                        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\n{length}Connection: close\r\n\r\n"
                    );
                    let _ = stream.write_all(body);
                });
            }
        });
        Site { port, seen }
    }

    fn requests(&self) -> Vec<String> {
        self.seen.lock().unwrap().clone()
    }
}

/// The ferry page as if published on the local site, with more images in
/// its text: a redirect, a `file:` and a `data:` address, an HTML answer,
/// one too large, one missing, and one redirected to `file:`.
fn page(lib: &TestLibrary, site: &Site) -> String {
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/web/ferry-minister.html"
    );
    let base = format!("http://127.0.0.1:{}", site.port);
    let html = std::fs::read_to_string(fixture)
        .unwrap()
        .replace("https://www.harbourtimes.example", &base)
        .replace(
            "https://cdn.harbourtimes.example/2026/11/ferry-yard.jpg",
            &format!("{base}/img/yard.jpg"),
        )
        .replace(
            "<p>A tip from the unions",
            "<figure><img src=\"/old/chart.png\" alt=\"Chart\"></figure>\n\
             <figure><img src=\"file:///etc/hosts\" alt=\"Local\"></figure>\n\
             <figure><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"Inline\"></figure>\n\
             <figure><img src=\"/img/page.png\" alt=\"Page\"></figure>\n\
             <figure><img src=\"/img/huge.png\" alt=\"Huge\"></figure>\n\
             <figure><img src=\"/img/missing.png\" alt=\"Missing\"></figure>\n\
             <figure><img src=\"/img/to-file.png\" alt=\"Redirected\"></figure>\n\
             <p>A tip from the unions",
        );
    let path = lib.dir().join("ferry.html");
    std::fs::write(&path, html).unwrap();
    path.display().to_string()
}

#[test]
fn without_the_flag_nothing_is_requested_and_the_report_says_what_could_be() {
    let site = Site::start();
    let lib = TestLibrary::new();
    let out = lib.run(&["import", &page(&lib, &site)]);
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert!(
        stdout(&out).contains("from other sites, not downloaded (--download-images keeps copies)"),
        "{}",
        stdout(&out)
    );
    let json = stdout(&lib.run(&["import", &page(&lib, &site), "--json"]));
    let json: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert!(
        json["files"][0]["remote_images"].as_u64().unwrap() >= 6,
        "{json}"
    );
    assert!(json["files"][0]["downloads"].is_null());
    assert_eq!(
        site.requests(),
        Vec::<String>::new(),
        "nothing fetched unasked"
    );
    let article = lib.open().find("ferry").unwrap();
    assert!(article.body.contains("/img/chart.png") || article.body.contains("/old/chart.png"));
    assert!(!article.body.contains("assets/"), "{}", article.body);
}

#[test]
fn download_images_stores_web_images_rewrites_the_text_and_lists_each_failure() {
    let site = Site::start();
    let lib = TestLibrary::new();
    let out = lib.run(&["import", &page(&lib, &site), "--download-images"]);
    let report = stdout(&out);
    assert!(out.status.success(), "{report}{}", stderr(&out));

    let article = lib.open().find("ferry").unwrap();
    let body = &article.body;
    // The featured image, and the chart the body shows through a redirect
    // (Readability leaves the page's header figure out of the body).
    assert!(
        article.meta.featured_image.starts_with("assets/"),
        "{}",
        article.meta.featured_image
    );
    assert_eq!(body.matches("](assets/").count(), 1, "{body}");
    assert!(body.contains("![Chart](assets/"), "{body}");
    assert!(report.contains("downloaded: "), "{report}");
    // Each failure is listed and keeps its address.
    for (needle, why) in [
        ("file:///etc/hosts", "only web addresses"),
        ("data:image/png", "only web addresses"),
        ("/img/page.png", "text/html"),
        ("/img/huge.png", "larger than 20 MB"),
        ("/img/missing.png", "404"),
        ("/img/to-file.png", "away from the web"),
    ] {
        let line = report
            .lines()
            .find(|l| l.contains("not downloaded:") && l.contains(needle))
            .unwrap_or_else(|| panic!("no line for {needle} in\n{report}"));
        assert!(line.contains(why), "{line}");
        assert!(body.contains(needle), "{needle} gone from\n{body}");
    }
    // Only web addresses were asked for, each with nothing but the request.
    let requests = site.requests();
    assert!(!requests.is_empty());
    for r in &requests {
        assert!(
            r.starts_with("GET /img/") || r.starts_with("GET /old/"),
            "{r}"
        );
        assert!(!r.contains("cookie") && !r.contains("referer"), "{r}");
    }
    // Importing again updates the article and downloads again; the library
    // keeps each image once.
    let again = lib.run(&["import", &page(&lib, &site), "--download-images", "--json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&again)).unwrap();
    assert_eq!(json["files"][0]["downloads"]["downloaded"], 2, "{json}");
}
