//! Keystroke-to-preview latency in the real app window.
//!
//! Starts the release build through tauri-driver on a temporary library with
//! one article of 1,000 / 10,000 / 100,000 words, types single characters at
//! the end through WebDriver, and measures inside the page with
//! `performance.now()`: from the keydown event to the first change of the
//! preview's DOM. The baseline, measured in the same run, is keydown to the
//! editor's own DOM change: the floor any preview could reach.
//!
//! Then, at 100,000 words in one app run, the editor's own latency (keydown
//! to its DOM change) with the preview shown and then hidden (Ctrl+Shift+P:
//! the editor alone), keys typed at a writer's pace, to show the preview
//! never slows typing.
//! Run by `make bench` (under Xvfb when there is no display).

#[path = "../tests/support/mod.rs"]
mod support;

use std::time::{Duration, Instant};

use byline_core::Library;
use serde_json::Value;
use support::App;

const SIZES: &[(usize, usize)] = &[(1_000, 60), (10_000, 60), (100_000, 30)];

fn article(words: usize) -> String {
    let para = "The council voted on Tuesday to **approve** the budget, with [three members](https://example.com/vote) abstaining and the mayor promising a review of the figures. ";
    let mut md = String::from("# A long piece\n\n");
    let mut n = 0;
    let mut section = 1;
    while n < words {
        if n % 500 < 25 {
            md.push_str(&format!("\n\n## Section {section}\n\n"));
            section += 1;
        }
        md.push_str(para);
        n += para.split_whitespace().count();
        if n % 100 < 25 {
            md.push_str("\n\n");
        }
    }
    md.push_str("\n\nThe end");
    md
}

const INSTRUMENT: &str = r#"
const B = window.__bench = { t0: 0, waitPreview: false, waitEditor: false, preview: [], editor: [] };
document.addEventListener('keydown', () => {
  B.t0 = performance.now(); B.waitPreview = true; B.waitEditor = true;
}, true);
const opts = { childList: true, subtree: true, characterData: true };
new MutationObserver(() => {
  if (B.waitPreview) { B.preview.push(performance.now() - B.t0); B.waitPreview = false; }
}).observe(document.querySelector('[data-testid=preview] article'), opts);
new MutationObserver(() => {
  if (B.waitEditor) { B.editor.push(performance.now() - B.t0); B.waitEditor = false; }
}).observe(document.querySelector('.cm-content'), opts);
return true;
"#;

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let idx = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[idx]
}

fn numbers(v: &Value) -> Vec<f64> {
    let mut out: Vec<f64> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap())
        .collect();
    out.sort_by(|a, b| a.partial_cmp(b).unwrap());
    out
}

/// A writer's pace: one key every this long (a fast typist, 100 wpm).
const PACE: Duration = Duration::from_millis(120);

/// `keys` letters at `PACE`, each timed from keydown to the editor's own
/// DOM change; returns the sorted times.
async fn editor_latency(
    app: &App,
    editor: &fantoccini::elements::Element,
    keys: usize,
) -> Vec<f64> {
    app.client
        .execute(
            "window.__bench.preview = []; window.__bench.editor = []; return 0;",
            vec![],
        )
        .await
        .unwrap();
    for i in 0..keys {
        let sent = Instant::now();
        let letter = char::from(b'a' + (i % 26) as u8).to_string();
        editor.send_keys(&letter).await.unwrap();
        let deadline = sent + Duration::from_secs(10);
        loop {
            let n = app
                .js("window.__bench.editor.length")
                .await
                .as_u64()
                .unwrap_or(0);
            if n as usize > i {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "the editor did not update after keystroke {i}"
            );
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        if let Some(rest) = PACE.checked_sub(sent.elapsed()) {
            tokio::time::sleep(rest).await;
        }
    }
    numbers(&app.js("window.__bench.editor").await)
}

/// Turns of shown and hidden.
const ROUNDS: usize = 3;

/// Ctrl+Shift+P until the panes show `want` ("both" or "editor"), then a
/// pause for the page to settle (a preview shown again is fetched whole).
async fn layout(app: &App, editor: &fantoccini::elements::Element, want: &str) {
    for _ in 0..3 {
        if app
            .js(&format!("!!document.querySelector('.panes.layout-{want}')"))
            .await
            == serde_json::json!(true)
        {
            break;
        }
        app.press(&format!(
            "{}{}p{}",
            support::CTRL,
            support::SHIFT,
            support::RELEASE_MODIFIERS
        ))
        .await;
    }
    app.wait_for_css(&format!(".panes.layout-{want}")).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    editor.click().await.unwrap();
    // The caret back at the end (a click puts it where it lands).
    editor
        .send_keys(&format!(
            "{}\u{E010}{}",
            support::CTRL,
            support::RELEASE_MODIFIERS
        ))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
}

/// Issue 17, item 3: the editor's latency with the preview shown, then
/// hidden, in one run of the app on a 100,000-word article.
async fn shown_against_hidden(words: usize, keys: usize) {
    let dir = tempfile::tempdir().unwrap();
    let library = dir.path().join("bench.byline");
    Library::open(&library)
        .unwrap()
        .create_article("Benchmark", &article(words))
        .unwrap();
    let app = App::launch(&library).await;
    app.wait_for_css("[data-testid=preview] h2").await;
    app.client.execute(INSTRUMENT, vec![]).await.unwrap();
    let editor = app.wait_for_css(".cm-content").await;
    editor.click().await.unwrap();
    editor
        .send_keys(&format!(
            "{}\u{E010}{}",
            support::CTRL,
            support::RELEASE_MODIFIERS
        ))
        .await
        .unwrap();
    tokio::time::sleep(Duration::from_millis(300)).await;
    // Warm up (the page's JIT, the backend's caches), not counted.
    editor_latency(&app, &editor, 20).await;
    // Shown and hidden in turns, so the machine's load weighs on both alike.
    let (mut shown, mut hidden) = (Vec::new(), Vec::new());
    for _ in 0..ROUNDS {
        shown.extend(editor_latency(&app, &editor, keys).await);
        layout(&app, &editor, "editor").await;
        hidden.extend(editor_latency(&app, &editor, keys).await);
        layout(&app, &editor, "both").await;
    }
    shown.sort_by(|a, b| a.partial_cmp(b).unwrap());
    hidden.sort_by(|a, b| a.partial_cmp(b).unwrap());
    let keys = keys * ROUNDS;
    app.close().await;
    println!();
    println!("app: editor latency (keydown → editor DOM), preview shown against hidden, {words} words, {keys} keys each, one key every {} ms", PACE.as_millis());
    println!("{:>10} {:>10} {:>10}", "", "median", "p95");
    for (name, times) in [("hidden", &hidden), ("shown", &shown)] {
        println!(
            "{name:>10} {:>7.1} ms {:>7.1} ms",
            percentile(times, 0.5),
            percentile(times, 0.95)
        );
    }
    println!(
        "{:>10} {:>9.2}x {:>9.2}x",
        "ratio",
        percentile(&shown, 0.5) / percentile(&hidden, 0.5).max(0.01),
        percentile(&shown, 0.95) / percentile(&hidden, 0.95).max(0.01)
    );
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    // `cargo bench` passes `--bench`; `shown` runs only the shown/hidden
    // comparison, anything else is ignored.
    if std::env::args().any(|a| a == "shown") {
        shown_against_hidden(100_000, 20).await;
        return;
    }
    println!(
        "app: keystroke → preview DOM, real window ({} build)",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    println!(
        "{:>8} {:>5} {:>15} {:>11} {:>18} {:>14} {:>7}",
        "words",
        "keys",
        "preview median",
        "preview p95",
        "baseline (editor)",
        "baseline p95",
        "ratio"
    );
    for &(words, keys) in SIZES {
        let dir = tempfile::tempdir().unwrap();
        let library = dir.path().join("bench.byline");
        Library::open(&library)
            .unwrap()
            .create_article("Benchmark", &article(words))
            .unwrap();

        let app = App::launch(&library).await;
        app.wait_for_css("[data-testid=preview] h2").await;
        app.client.execute(INSTRUMENT, vec![]).await.unwrap();
        let editor = app.wait_for_css(".cm-content").await;
        editor.click().await.unwrap();
        // Ctrl+End: the caret to the end of the article.
        editor
            .send_keys(&format!(
                "{}\u{E010}{}",
                support::CTRL,
                support::RELEASE_MODIFIERS
            ))
            .await
            .unwrap();
        tokio::time::sleep(Duration::from_millis(300)).await;
        app.client
            .execute(
                "window.__bench.preview = []; window.__bench.editor = []; return 0;",
                vec![],
            )
            .await
            .unwrap();

        for i in 0..keys {
            // Letters only: a trailing space renders to the same HTML, so
            // (rightly) nothing in the preview changes and there is nothing to time.
            let letter = char::from(b'a' + (i % 26) as u8).to_string();
            editor.send_keys(&letter).await.unwrap();
            let deadline = Instant::now() + Duration::from_secs(10);
            loop {
                let n = app
                    .js("window.__bench.preview.length")
                    .await
                    .as_u64()
                    .unwrap_or(0);
                if n as usize > i {
                    break;
                }
                assert!(
                    Instant::now() < deadline,
                    "the preview did not update after keystroke {i}"
                );
                tokio::time::sleep(Duration::from_millis(2)).await;
            }
        }
        let preview = numbers(&app.js("window.__bench.preview").await);
        let editor_times = numbers(&app.js("window.__bench.editor").await);
        app.close().await;

        let (pm, pp) = (percentile(&preview, 0.5), percentile(&preview, 0.95));
        let (em, ep) = (
            percentile(&editor_times, 0.5),
            percentile(&editor_times, 0.95),
        );
        println!(
            "{words:>8} {keys:>5} {:>12.1} ms {:>8.1} ms {:>15.1} ms {:>11.1} ms {:>6.1}x",
            pm,
            pp,
            em,
            ep,
            pm / em.max(0.01)
        );
    }
    shown_against_hidden(100_000, 20).await;
}
