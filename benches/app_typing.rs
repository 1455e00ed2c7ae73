//! Keystroke-to-preview latency in the real app window.
//!
//! Starts the release build through tauri-driver on a temporary library with
//! one article of 1,000 / 10,000 / 100,000 words, types single characters at
//! the end through WebDriver, and measures inside the page with
//! `performance.now()`: from the keydown event to the first change of the
//! preview's DOM. The baseline, measured in the same run, is keydown to the
//! editor's own DOM change: the floor any preview could reach. The next key
//! waits until the frames that paint both changes are done.
//! Two IPC round trips of an empty command are printed beside them: on an
//! idle page, and sent at a keydown. The second shows what bounds a preview
//! rendered outside the page: the page's one thread renders the editor's
//! frame before it takes any answer, so the preview lands, at best, as that
//! frame ends.
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
const B = window.__bench = { t0: 0, waitPreview: false, waitEditor: false,
  preview: [], editor: [], previewPainted: [], editorPainted: [] };
document.addEventListener('keydown', () => {
  B.t0 = performance.now(); B.waitPreview = true; B.waitEditor = true;
}, true);
// Once the frame that paints a change is done (a task posted from the next
// animation frame runs after its layout and paint), the next key may go:
// keys never land inside the last one's frame.
const painted = (list) => {
  const t0 = B.t0;
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => list.push(performance.now() - t0);
    ch.port2.postMessage(0);
  });
};
const opts = { childList: true, subtree: true, characterData: true };
new MutationObserver(() => {
  if (B.waitPreview) { B.preview.push(performance.now() - B.t0); B.waitPreview = false; painted(B.previewPainted); }
}).observe(document.querySelector('[data-testid=preview] article'), opts);
new MutationObserver(() => {
  if (B.waitEditor) { B.editor.push(performance.now() - B.t0); B.waitEditor = false; painted(B.editorPainted); }
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

/// Waits until the count `expr` reads in the page passes keystroke `i`
/// (10 s at most: then `what` did not update, and the bench stops).
async fn wait_past(app: &App, expr: &str, i: usize, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.js(expr).await.as_u64().unwrap_or(0) as usize <= i {
        assert!(
            Instant::now() < deadline,
            "{what} did not update after keystroke {i}"
        );
        tokio::time::sleep(Duration::from_millis(2)).await;
    }
}

const RESET: &str = "const B = window.__bench; B.preview = []; B.editor = []; \
    B.previewPainted = []; B.editorPainted = []; return 0;";

/// `keys` letters at `PACE`, each timed from keydown to the editor's own
/// DOM change (the next key waits for the frame that paints it); returns
/// the sorted times.
async fn editor_latency(
    app: &App,
    editor: &fantoccini::elements::Element,
    keys: usize,
) -> Vec<f64> {
    app.client.execute(RESET, vec![]).await.unwrap();
    for i in 0..keys {
        let sent = Instant::now();
        let letter = char::from(b'a' + (i % 26) as u8).to_string();
        editor.send_keys(&letter).await.unwrap();
        wait_past(app, "window.__bench.editorPainted.length", i, "the editor").await;
        if let Some(rest) = PACE.checked_sub(sent.elapsed()) {
            tokio::time::sleep(rest).await;
        }
    }
    numbers(&app.js("window.__bench.editor").await)
}

/// The floor under any preview the backend renders: one IPC round trip of
/// a command that does next to nothing (`text_stats` of ""), on an idle
/// page, timed in the page like the keystrokes.
async fn ipc_round_trip(app: &App, n: usize) -> Vec<f64> {
    let script = format!(
        "const done = arguments[arguments.length - 1];
         (async () => {{
           const invoke = window.__TAURI_INTERNALS__.invoke;
           const out = [];
           for (let i = 0; i < {n}; i++) {{
             const t0 = performance.now();
             await invoke('text_stats', {{ text: '' }});
             out.push(performance.now() - t0);
             await new Promise((r) => setTimeout(r, 20));
           }}
           done(out);
         }})();"
    );
    numbers(&app.client.execute_async(&script, vec![]).await.unwrap())
}

/// The same round trip, sent at each keydown while typing: what the
/// keystroke's own `type_body` call waits behind (the page renders the
/// editor's frame before it takes any answer).
async fn ipc_while_typing(
    app: &App,
    editor: &fantoccini::elements::Element,
    keys: usize,
) -> Vec<f64> {
    app.client
        .execute(
            "const B = window.__bench; B.ipc = [];
             document.addEventListener('keydown', () => {
               const t0 = performance.now();
               window.__TAURI_INTERNALS__.invoke('text_stats', { text: '' })
                 .then(() => B.ipc.push(performance.now() - t0));
             }, true);
             return 0;",
            vec![],
        )
        .await
        .unwrap();
    for i in 0..keys {
        let letter = char::from(b'a' + (i % 26) as u8).to_string();
        editor.send_keys(&letter).await.unwrap();
        tokio::time::sleep(PACE).await;
    }
    numbers(&app.js("window.__bench.ipc").await)
}

fn row(name: &str, times: &[f64]) -> String {
    format!(
        "{name:>10} {:>7.1} ms {:>7.1} ms",
        percentile(times, 0.5),
        percentile(times, 0.95)
    )
}

/// Turns of shown and hidden.
const ROUNDS: usize = 5;

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
    // The caret back at the end (a click puts it where it lands).
    caret_to_end(editor).await;
}

/// A click in the editor, then Ctrl+End: the caret at the end of the text.
async fn caret_to_end(editor: &fantoccini::elements::Element) {
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
}

/// The app on a temporary library holding one article of `words`, its
/// page instrumented and the caret at the end of the text. The library's
/// folder lives as long as the returned guard.
async fn open_at_end(words: usize) -> (tempfile::TempDir, App, fantoccini::elements::Element) {
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
    caret_to_end(&editor).await;
    (dir, app, editor)
}

/// Issue 17, item 3: the editor's latency with the preview shown, then
/// hidden, in one run of the app on a 100,000-word article.
async fn shown_against_hidden(words: usize, keys: usize) {
    let (_dir, app, editor) = open_at_end(words).await;
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
    println!("app: editor latency, preview shown against hidden, {words} words, {keys} keys each, one key every {} ms", PACE.as_millis());
    let (shown, hidden) = (&shown, &hidden);
    println!("  keydown → editor DOM (the mean too: WebKitGTK rounds to 1 ms, so a median moves in 1 ms steps)");
    println!("{:>10} {:>10} {:>10} {:>10}", "", "median", "p95", "mean");
    println!("{} {:>7.2} ms", row("hidden", hidden), mean(hidden));
    println!("{} {:>7.2} ms", row("shown", shown), mean(shown));
    println!(
        "{:>10} {:>9.2}x {:>9.2}x {:>9.2}x",
        "ratio",
        percentile(shown, 0.5) / percentile(hidden, 0.5).max(0.01),
        percentile(shown, 0.95) / percentile(hidden, 0.95).max(0.01),
        mean(shown) / mean(hidden).max(0.01)
    );
}

fn mean(times: &[f64]) -> f64 {
    times.iter().sum::<f64>() / times.len().max(1) as f64
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
        "app: keystroke → preview, real window ({} build); medians (p95), ratio of medians",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    println!(
        "{:>8} {:>5} | {:>17} {:>17} | {:>6} {:>6}",
        "words", "keys", "preview DOM", "base: editor DOM", "ratio", "p95"
    );
    let (mut ipc, mut ipc_typing) = (Vec::new(), Vec::new());
    for &(words, keys) in SIZES {
        let (_dir, app, editor) = open_at_end(words).await;
        app.client.execute(RESET, vec![]).await.unwrap();

        for i in 0..keys {
            // Letters only: a trailing space renders to the same HTML, so
            // (rightly) nothing in the preview changes and there is nothing to time.
            let letter = char::from(b'a' + (i % 26) as u8).to_string();
            editor.send_keys(&letter).await.unwrap();
            wait_past(
                &app,
                "Math.min(window.__bench.previewPainted.length, window.__bench.editorPainted.length)",
                i,
                "the preview",
            )
            .await;
        }
        let times = |name: &str| {
            let app = &app;
            let script = format!("window.__bench.{name}");
            async move { numbers(&app.js(&script).await) }
        };
        let (preview, editor_dom) = (times("preview").await, times("editor").await);
        if ipc.is_empty() {
            ipc = ipc_round_trip(&app, 60).await;
            ipc_typing = ipc_while_typing(&app, &editor, 30).await;
        }
        app.close().await;

        let cell = |t: &[f64]| {
            format!(
                "{:>6.1} ({:>5.1}) ms",
                percentile(t, 0.5),
                percentile(t, 0.95)
            )
        };
        let ratio = |p: f64| percentile(&preview, p) / percentile(&editor_dom, p).max(0.01);
        println!(
            "{words:>8} {keys:>5} | {:>17} {:>17} | {:>5.2}x {:>5.2}x",
            cell(&preview),
            cell(&editor_dom),
            ratio(0.5),
            ratio(0.95),
        );
    }
    println!(
        "{:>8} {:>5} | {:>6.1} ({:>5.1}) ms  one IPC round trip of an empty command, idle page",
        "ipc",
        ipc.len(),
        percentile(&ipc, 0.5),
        percentile(&ipc, 0.95)
    );
    println!(
        "{:>8} {:>5} | {:>6.1} ({:>5.1}) ms  the same, sent at a keydown: it waits for the editor's frame",
        "ipc",
        ipc_typing.len(),
        percentile(&ipc_typing, 0.5),
        percentile(&ipc_typing, 0.95)
    );
    shown_against_hidden(100_000, 20).await;
}
