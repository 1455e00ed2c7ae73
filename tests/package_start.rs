//! The installed app's cold start against this build's (`make
//! bench-package`, after the package is installed): a measurement, not a
//! test, so it is `#[ignore]`d and outside `make test`'s `tests/e2e*.rs`.

mod support;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use byline_core::Library;
use serde_json::json;
use support::{app_binary, App, BYLINE};

/// A library with one article, which the window opens straight into the
/// editor.
fn library_with_an_article(dir: &Path) -> PathBuf {
    let library = dir.join("start.byline");
    let mut lib = Library::open(&library).unwrap();
    lib.create_article("Cold start", "A paragraph to show.\n")
        .unwrap();
    library
}

/// Prints the installed app's cold start (launch until the editor is ready,
/// through WebDriver) against this build's, median of 7 each, alternating.
/// Not a pass/fail test: `make bench-package` runs it with `--nocapture`.
#[tokio::test(flavor = "multi_thread")]
#[ignore = "a measurement; run by `make bench-package`"]
async fn measure_cold_start() {
    let installed = app_binary();
    assert_ne!(
        installed, BYLINE,
        "set BYLINE_APP_BINARY to the installed binary (make bench-package does)"
    );
    let dir = tempfile::tempdir().unwrap();
    let library = library_with_an_article(dir.path());
    let mut times: [(String, Vec<Duration>); 2] =
        [(installed, Vec::new()), (BYLINE.to_owned(), Vec::new())];
    for round in 0..8 {
        for (binary, samples) in times.iter_mut() {
            let start = Instant::now();
            let app =
                App::launch_args(binary, json!(["--library", library]), &[], ".cm-content").await;
            let took = start.elapsed();
            app.close().await;
            support::wait_until_app_exits_of(binary, &library);
            // The first round warms the disk cache for both alike.
            if round > 0 {
                samples.push(took);
            }
        }
    }
    let medians: Vec<f64> = times
        .iter_mut()
        .map(|(_, samples)| {
            samples.sort();
            samples[samples.len() / 2].as_secs_f64() * 1000.0
        })
        .collect();
    for ((binary, samples), median) in times.iter().zip(&medians) {
        println!(
            "cold start {binary}: median {median:.0} ms of {} (min {:.0}, max {:.0})",
            samples.len(),
            samples[0].as_secs_f64() * 1000.0,
            samples[samples.len() - 1].as_secs_f64() * 1000.0
        );
    }
    println!("installed / debug build: {:.2}", medians[0] / medians[1]);
}
