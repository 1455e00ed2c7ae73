//! Checking the links an article makes to other sites, on demand only.
//!
//! The core owns the rules (HEAD first, GET when HEAD is refused, each
//! redirect followed and reported, a small number of requests at a time,
//! results kept for a while); the requests themselves go through a
//! [`Fetch`] the caller supplies (the app's, over reqwest), so the core has
//! no HTTP client and its tests need none. Nothing is sent but the request:
//! no cookies, no referrer, no body.

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::transform::checks::external::LinkStatus;

/// How many redirects are followed before a link counts as unreachable.
pub const MAX_REDIRECTS: usize = 5;

/// How many requests run at once: enough to be quick, few enough not to
/// look like an attack on a site linked several times.
pub const PARALLEL: usize = 4;

/// How long a result is reused.
pub const CACHE_FOR: Duration = Duration::from_secs(10 * 60);

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Head,
    Get,
}

/// One answer, redirects not followed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Answer {
    /// The status and, for a redirect, its `Location` as sent.
    Status { code: u16, location: Option<String> },
    /// No answer; the reason in plain words ("the site took too long").
    Failed(String),
}

/// Makes one request with the caller's timeout, following no redirect.
pub trait Fetch: Sync {
    fn fetch(&self, method: Method, url: &str) -> Answer;
}

/// Results by address, each kept for [`CACHE_FOR`].
#[derive(Debug, Default)]
pub struct LinkCache {
    entries: Mutex<HashMap<String, (Instant, LinkStatus)>>,
}

impl LinkCache {
    pub fn new() -> LinkCache {
        LinkCache::default()
    }

    fn get(&self, url: &str) -> Option<LinkStatus> {
        let entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries
            .get(url)
            .filter(|(at, _)| at.elapsed() < CACHE_FOR)
            .map(|(_, status)| status.clone())
    }

    fn put(&self, url: &str, status: &LinkStatus) {
        let mut entries = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        entries.insert(url.to_string(), (Instant::now(), status.clone()));
    }
}

/// What the cache holds for these addresses, requesting nothing.
pub fn cached(urls: &[String], cache: &LinkCache) -> HashMap<String, LinkStatus> {
    urls.iter()
        .filter_map(|url| cache.get(url).map(|status| (url.clone(), status)))
        .collect()
}

/// Checks every address (at most [`PARALLEL`] at a time), reusing what
/// `cache` holds.
pub fn check_links(
    urls: &[String],
    fetch: &dyn Fetch,
    cache: &LinkCache,
) -> HashMap<String, LinkStatus> {
    let mut results = HashMap::new();
    let mut todo: Vec<&String> = Vec::new();
    for url in urls {
        match cache.get(url) {
            Some(status) => {
                results.insert(url.clone(), status);
            }
            None if !todo.contains(&url) => todo.push(url),
            None => {}
        }
    }
    let queue = Mutex::new(todo.into_iter());
    let found = Mutex::new(Vec::new());
    std::thread::scope(|scope| {
        for _ in 0..PARALLEL {
            scope.spawn(|| loop {
                let next = queue.lock().unwrap_or_else(|e| e.into_inner()).next();
                let Some(url) = next else { break };
                let status = check_one(url, fetch);
                cache.put(url, &status);
                found
                    .lock()
                    .unwrap_or_else(|e| e.into_inner())
                    .push((url.clone(), status));
            });
        }
    });
    results.extend(found.into_inner().unwrap_or_else(|e| e.into_inner()));
    results
}

/// One address: HEAD, or GET where HEAD is not answered properly (some
/// servers refuse HEAD with 405 or 501, or answer it 404 or 403 while
/// serving the page), each redirect followed by hand so it is reported.
fn check_one(url: &str, fetch: &dyn Fetch) -> LinkStatus {
    let mut current = url.to_string();
    for _ in 0..=MAX_REDIRECTS {
        let mut answer = fetch.fetch(Method::Head, &current);
        let retry = match &answer {
            Answer::Status { code, .. } => matches!(code, 400..=499 | 500..=599),
            Answer::Failed(_) => false,
        };
        if retry {
            answer = fetch.fetch(Method::Get, &current);
        }
        match answer {
            Answer::Failed(reason) => return LinkStatus::Unreachable { reason },
            Answer::Status { code, location } => match code {
                200..=299 if current == url => return LinkStatus::Ok { code },
                200..=299 => return LinkStatus::Redirected { to: current, code },
                300..=399 => {
                    let Some(next) = location.and_then(|l| resolve(&current, &l)) else {
                        return LinkStatus::Unreachable {
                            reason: format!("it answers {code} without saying where to"),
                        };
                    };
                    current = next;
                }
                400..=499 => return LinkStatus::Broken { code },
                500..=599 => return LinkStatus::ServerError { code },
                _ => {
                    return LinkStatus::Unreachable {
                        reason: format!("it answers {code}"),
                    }
                }
            },
        }
    }
    LinkStatus::Unreachable {
        reason: format!("it redirects more than {MAX_REDIRECTS} times"),
    }
}

/// A `Location` (absolute or relative) against the address that sent it;
/// only `http(s)` is followed.
fn resolve(base: &str, location: &str) -> Option<String> {
    let url = url::Url::parse(base).ok()?.join(location.trim()).ok()?;
    matches!(url.scheme(), "http" | "https").then(|| url.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};

    /// Answers from a table by (method, url); counts requests.
    struct Table {
        answers: Vec<(Method, &'static str, Answer)>,
        asked: AtomicUsize,
    }

    impl Fetch for Table {
        fn fetch(&self, method: Method, url: &str) -> Answer {
            self.asked.fetch_add(1, Ordering::SeqCst);
            self.answers
                .iter()
                .find(|(m, u, _)| *m == method && *u == url)
                .map(|(_, _, a)| a.clone())
                .unwrap_or(Answer::Failed("no such test page".into()))
        }
    }

    fn status(code: u16) -> Answer {
        Answer::Status {
            code,
            location: None,
        }
    }

    fn redirect(code: u16, to: &str) -> Answer {
        Answer::Status {
            code,
            location: Some(to.to_string()),
        }
    }

    #[test]
    fn head_then_get_redirects_followed_and_results_cached() {
        let table = Table {
            answers: vec![
                (Method::Head, "https://a.example/", status(200)),
                (Method::Head, "https://b.example/old", redirect(301, "/new")),
                (Method::Head, "https://b.example/new", status(200)),
                // HEAD refused, GET works.
                (Method::Head, "https://c.example/", status(405)),
                (Method::Get, "https://c.example/", status(200)),
                (Method::Head, "https://d.example/", status(404)),
                (Method::Get, "https://d.example/", status(404)),
                (Method::Head, "https://e.example/", status(503)),
                (Method::Get, "https://e.example/", status(503)),
                (
                    Method::Head,
                    "https://f.example/",
                    redirect(302, "https://f.example/"),
                ),
            ],
            asked: AtomicUsize::new(0),
        };
        let urls: Vec<String> = ["a", "b", "c", "d", "e", "f", "g"]
            .iter()
            .map(|h| match *h {
                "b" => "https://b.example/old".to_string(),
                h => format!("https://{h}.example/"),
            })
            .collect();
        let cache = LinkCache::new();
        let results = check_links(&urls, &table, &cache);
        assert_eq!(results["https://a.example/"], LinkStatus::Ok { code: 200 });
        assert_eq!(
            results["https://b.example/old"],
            LinkStatus::Redirected {
                to: "https://b.example/new".into(),
                code: 200
            }
        );
        assert_eq!(results["https://c.example/"], LinkStatus::Ok { code: 200 });
        assert_eq!(
            results["https://d.example/"],
            LinkStatus::Broken { code: 404 }
        );
        assert_eq!(
            results["https://e.example/"],
            LinkStatus::ServerError { code: 503 }
        );
        assert!(matches!(
            results["https://f.example/"],
            LinkStatus::Unreachable { .. }
        ));
        assert!(matches!(
            results["https://g.example/"],
            LinkStatus::Unreachable { .. }
        ));

        // Asked again: every answer comes from the cache.
        let asked = table.asked.load(Ordering::SeqCst);
        let again = check_links(&urls, &table, &cache);
        assert_eq!(again, results);
        assert_eq!(table.asked.load(Ordering::SeqCst), asked);
    }
}
