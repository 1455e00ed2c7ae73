//! A small web site on this machine for link-checking tests: `/ok` 200,
//! `/old` 301 to `/ok`, `/gone` 404, `/fail` 500, anything else never
//! answers. It records each request's line and header names, so a test can
//! tell what was requested, when, and that nothing but the request was sent.

#![allow(dead_code)]

/// The site, serving on a free port until the test ends.
pub struct Site {
    pub port: u16,
    pub seen: std::sync::Arc<std::sync::Mutex<Vec<String>>>,
}

impl Site {
    pub fn start() -> Site {
        use std::io::{BufRead, BufReader, Write};
        let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let seen = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let record = std::sync::Arc::clone(&seen);
        std::thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(mut stream) = stream else { continue };
                let record = std::sync::Arc::clone(&record);
                std::thread::spawn(move || {
                    // The site speaks only http: a TLS hello (a check trying
                    // a link's https: twin) is turned away at once, as a
                    // plain-http server's port would be.
                    let mut first = [0u8; 1];
                    if stream.peek(&mut first).map_or(true, |n| n == 0) || first[0] == 0x16 {
                        return;
                    }
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
                    let path = line.split_whitespace().nth(1).unwrap_or("");
                    let status = match path {
                        "/ok" => "200 OK",
                        "/old" => "301 Moved Permanently\r\nLocation: /ok",
                        "/gone" => "404 Not Found",
                        "/fail" => "500 Internal Server Error",
                        _ => {
                            // Holds the connection without a word.
                            std::thread::sleep(std::time::Duration::from_secs(30));
                            return;
                        }
                    };
                    let _ = write!(
                        stream,
                        "HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    );
                });
            }
        });
        Site { port, seen }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }
}
