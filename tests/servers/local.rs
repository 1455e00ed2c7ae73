//! What the local test servers share: where `make test-servers` caches
//! their software, and a free port to run them on.

use std::net::TcpListener;
use std::path::PathBuf;

/// `name`'s folder in ~/.cache/byline-test-servers (or $BYLINE_TEST_SERVERS).
pub fn cache(name: &str) -> PathBuf {
    match std::env::var_os("BYLINE_TEST_SERVERS") {
        Some(dir) => PathBuf::from(dir),
        None => PathBuf::from(std::env::var_os("HOME").expect("HOME"))
            .join(".cache/byline-test-servers"),
    }
    .join(name)
}

pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
