//! Cold start: from launching `byline` to an editable, rendered article, on
//! a library of 10,000 articles, against a minimal Tauri window built with
//! the same profile (`examples/minimal_window.rs`), in the same run.
//!
//! Each launch goes through tauri-driver, as the end-to-end tests do. The
//! clock starts when the WebDriver session is requested (tauri-driver
//! already listening; the session starts the app) and stops when the page
//! is ready, polled from WebDriver:
//! - Byline: the editor (`.cm-content`, editable) holds the first article's
//!   text and the preview shows it rendered;
//! - the minimal window: its editable paragraph is on the page.
//!
//! The two are launched alternately, one warm-up round then `ROUNDS`
//! measured, on the 10,000-article library and then, for reference, on a
//! one-article library. Prints medians, p95 and the ratio. Run by
//! `make bench` (under Xvfb when there is no display), which first builds
//! the minimal window with the release profile.
//!
//! `BYLINE_COLD_START_ROUNDS` changes the number of rounds;
//! `BYLINE_COLD_START_TRACE=1` prints, for each Byline launch, the page's
//! own marks (`performance.now()` when the script runs, when `window_start`
//! has answered and the window is being built, and when it is built with
//! the article and its preview in it) to see where the time goes. `BYLINE_APP_BINARY` launches
//! another build of Byline (main's, for a before figure);
//! `BYLINE_COLD_START_ONLY=1` measures the one-article library alone.

#[path = "../tests/support/mod.rs"]
mod support;

#[path = "../src-tauri/byline-core/benches/common/mod.rs"]
mod common;

use std::net::TcpStream;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use byline_core::domain::article::ArticleField;
use byline_core::library::ListQuery;
use byline_core::{Library, Status};
use common::Lcg;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Value};

const ARTICLES: usize = 10_000;
const ROUNDS: usize = 10;
/// Bump when the generated library changes, so a stale cache is not used.
const DATA_VERSION: u32 = 1;
const TAGS: &[&str] = &[
    "council",
    "transport",
    "schools",
    "budget",
    "harbour",
    "culture",
    "sport",
    "weather",
];

/// The generated library, made once and kept under target/bench-data/
/// (about a minute to write); each run works on a copy.
fn library_10k() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-data");
    let path = dir.join(format!("library-{ARTICLES}-v{DATA_VERSION}.byline"));
    if path.is_file() {
        return path;
    }
    std::fs::create_dir_all(&dir).unwrap();
    let partial = dir.join("library-partial.byline");
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    let started = Instant::now();
    let mut lib = Library::open(&partial).unwrap();
    let mut rng = Lcg(17);
    for i in 1..=ARTICLES {
        let words = 200 + rng.below(800);
        let id = lib
            .create_article(&title(&mut rng, i), &body(&mut rng, i, words))
            .unwrap()
            .id;
        let tags: Vec<&str> = (0..rng.below(4))
            .map(|_| TAGS[rng.below(TAGS.len())])
            .collect();
        if !tags.is_empty() {
            lib.set_field(id, ArticleField::Tags, &tags.join(", "))
                .unwrap();
        }
        match rng.below(10) {
            0..=4 => {}
            5 => {
                lib.set_status(id, Status::InReview).unwrap();
            }
            6 => {
                lib.set_status(id, Status::Ready).unwrap();
            }
            _ => {
                let day = format!("2025-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28));
                lib.set_field(id, ArticleField::PublishAt, &day).unwrap();
                lib.set_status(id, Status::Published).unwrap();
            }
        }
        if i % 1000 == 0 {
            eprintln!(
                "  generated {i} of {ARTICLES} articles ({:.0?})",
                started.elapsed()
            );
        }
    }
    drop(lib);
    for suffix in ["-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", partial.display()));
    }
    std::fs::rename(&partial, &path).unwrap();
    path
}

fn title(rng: &mut Lcg, i: usize) -> String {
    let n = 3 + rng.below(6);
    let words = rng.words(n);
    format!("{}{} ({i})", words[..1].to_uppercase(), &words[1..])
}

/// An article of about `words` words: a first paragraph that names it,
/// then sections of paragraphs, a list and a quote now and then.
fn body(rng: &mut Lcg, i: usize, words: usize) -> String {
    let mut md = format!("Article number {i} begins here. {}\n\n", rng.sentence());
    let mut n = 0;
    let mut section = 1;
    while n < words {
        if rng.below(6) == 0 {
            md.push_str(&format!("## Section {section}\n\n"));
            section += 1;
        }
        match rng.below(8) {
            0 => md.push_str(&format!("- {}\n- {}\n\n", rng.sentence(), rng.sentence())),
            1 => md.push_str(&format!("> {}\n\n", rng.sentence())),
            _ => {
                let para: Vec<String> = (0..2 + rng.below(4)).map(|_| rng.sentence()).collect();
                md.push_str(&para.join(" "));
                md.push_str("\n\n");
            }
        }
        n = md.split_whitespace().count();
    }
    md
}

/// A copy of `library` in `dir`, which the app may change as it likes.
fn copy_of(library: &Path, dir: &Path) -> PathBuf {
    let copy = dir.join("cold.byline");
    std::fs::copy(library, &copy).unwrap();
    copy
}

/// What the window shows first: the list's first article's opening words.
fn first_words(library: &Path) -> String {
    let lib = Library::open(library).unwrap();
    let first = lib
        .list(&ListQuery {
            limit: Some(1),
            ..ListQuery::default()
        })
        .unwrap()
        .remove(0);
    let body = lib.article(first.id).unwrap().body;
    body.split(". ").next().unwrap().to_string()
}

struct Launched {
    driver: Child,
    client: Client,
    took: Duration,
}

impl Drop for Launched {
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.driver.wait();
    }
}

/// Starts tauri-driver, waits until it listens, then times a session of
/// `binary args` until `ready` (a JavaScript expression) is true.
async fn launch(binary: &str, args: Value, ready: &str, webview_data: &Path) -> Launched {
    let port = support::free_port();
    let driver = Command::new("tauri-driver")
        .args([
            "--port",
            &port.to_string(),
            "--native-port",
            &support::free_port().to_string(),
        ])
        .env("XDG_DATA_HOME", webview_data)
        .env("XDG_CACHE_HOME", webview_data.join("cache"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("tauri-driver must be on PATH (make bench installs it)");
    let deadline = Instant::now() + Duration::from_secs(15);
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(Instant::now() < deadline, "tauri-driver did not start");
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    let mut caps = serde_json::Map::new();
    caps.insert("browserName".into(), json!("wry"));
    caps.insert(
        "tauri:options".into(),
        json!({ "application": binary, "args": args }),
    );
    // tauri-driver can listen before it answers: a request it drops is
    // made again, and the clock starts again with it.
    let mut tries = 0;
    let (start, client) = loop {
        let start = Instant::now();
        match ClientBuilder::rustls()
            .unwrap()
            .capabilities(caps.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => break (start, client),
            Err(e) if tries < 20 => {
                let _ = e;
                tries += 1;
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
            Err(e) => panic!("no WebDriver session for {binary}: {e}"),
        }
    };
    let script = format!("return !!({ready});");
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        if client.execute(&script, vec![]).await.ok() == Some(json!(true)) {
            break;
        }
        assert!(Instant::now() < deadline, "{binary} was not ready: {ready}");
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let took = start.elapsed();
    Launched {
        driver,
        client,
        took,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

struct Side {
    name: &'static str,
    binary: String,
    args: Value,
    ready: String,
    samples: Vec<f64>,
}

/// The minimal window's binary: built by `make bench` beside the bench's
/// `byline`, with the same profile.
fn minimal_window() -> String {
    let byline = Path::new(support::BYLINE);
    let example = byline.parent().unwrap().join("examples/minimal_window");
    assert!(
        example.is_file(),
        "{} is missing: build it first (`cargo build {}--example minimal_window`, as make bench does)",
        example.display(),
        if cfg!(debug_assertions) { "" } else { "--release " }
    );
    example.to_string_lossy().into_owned()
}

/// The page's own marks of a Byline start, for `BYLINE_COLD_START_TRACE`.
const TRACE: &str = "JSON.stringify(performance.getEntriesByType('navigation').flatMap(n => [['html', Math.round(n.responseEnd)], ['dom', Math.round(n.domContentLoadedEventEnd)]]).concat(performance.getEntriesByType('mark').map(m => [m.name.replace('byline:', ''), Math.round(m.startTime)])).concat(performance.getEntriesByType('resource').filter(r => r.name.includes('ipc')).map(r => [r.name.replace(/^.*[/]/, ''), Math.round(r.startTime), Math.round(r.responseEnd)])).concat([['now', Math.round(performance.now())]]))";

async fn measure(label: &str, library: &Path, rounds: usize) {
    let marker = first_words(library);
    let ready = format!(
        "(() => {{ const e = document.querySelector('.cm-content[contenteditable=true]'); \
           const p = document.querySelector('[data-testid=preview] article'); \
           return !!e && e.textContent.includes({m}) && !!p && p.textContent.includes({m}); }})()",
        m = json!(marker)
    );
    let mut sides = [
        Side {
            name: "minimal window",
            binary: minimal_window(),
            args: json!([]),
            ready: "document.getElementById('editable')?.isContentEditable".into(),
            samples: Vec::new(),
        },
        Side {
            name: "byline",
            binary: support::app_binary(),
            args: json!(["--library", library]),
            ready,
            samples: Vec::new(),
        },
    ];
    let trace = std::env::var_os("BYLINE_COLD_START_TRACE").is_some();
    for round in 0..=rounds {
        for side in sides.iter_mut() {
            let data = tempfile::tempdir().unwrap();
            let launched = launch(&side.binary, side.args.clone(), &side.ready, data.path()).await;
            if trace && side.name == "byline" {
                let marks = launched
                    .client
                    .execute(&format!("return {TRACE};"), vec![])
                    .await;
                let marks = marks
                    .ok()
                    .and_then(|m| m.as_str().map(String::from))
                    .unwrap_or_default();
                eprintln!(
                    "  {label} round {round}: {:.0} ms; page (ms since it began loading): {marks}",
                    ms(launched.took)
                );
            }
            // The first round warms the disk cache for both alike.
            if round > 0 {
                side.samples.push(ms(launched.took));
            }
            let _ = launched.client.clone().close().await;
            drop(launched);
            if side.name == "byline" {
                support::wait_until_app_exits_of(&side.binary, library);
            }
        }
    }
    let mut medians = Vec::new();
    for side in sides.iter_mut() {
        side.samples.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let (median, p95) = (
            percentile(&side.samples, 0.5),
            percentile(&side.samples, 0.95),
        );
        medians.push(median);
        println!(
            "{label:<22} {:<15} {:>4} {:>10.0} ms {:>8.0} ms {:>8.0} ms",
            side.name,
            side.samples.len(),
            median,
            p95,
            side.samples[0],
        );
    }
    println!(
        "{label:<22} byline / minimal window: {:.2}x (median)",
        medians[1] / medians[0]
    );
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    let rounds = std::env::var("BYLINE_COLD_START_ROUNDS")
        .ok()
        .and_then(|r| r.parse().ok())
        .unwrap_or(ROUNDS);
    // `BYLINE_COLD_START_ONLY=1` measures the one-article library alone.
    let only_one = std::env::var("BYLINE_COLD_START_ONLY").as_deref() == Ok("1");
    let big = library_10k();
    let dir = tempfile::tempdir().unwrap();
    let library = copy_of(&big, dir.path());
    let one = dir.path().join("one.byline");
    Library::open(&one)
        .unwrap()
        .create_article(
            "Cold start",
            "Article number 1 begins here. A paragraph to show.\n",
        )
        .unwrap();

    println!(
        "app: cold start to an editable, rendered article, real window ({} build)",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    println!(
        "{:<22} {:<15} {:>4} {:>13} {:>11} {:>11}",
        "library", "window", "runs", "median", "p95", "min"
    );
    if !only_one {
        measure(&format!("{ARTICLES} articles"), &library, rounds).await;
    }
    measure("1 article", &one, rounds).await;
}
