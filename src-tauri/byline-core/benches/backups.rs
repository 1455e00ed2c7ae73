//! What the safety net costs on a large library: 2,000 articles of about
//! 1,000 words (with their search index), medians of several runs.
//!
//! - a backup (`usecases::backups::make`: SQLite's online backup, the copy
//!   made self-contained and synced, its full `integrity_check`, thinning)
//!   against copying the same file's bytes with `std::fs::copy`;
//! - opening the library (`Library::open`, which now runs `quick_check`
//!   first) beside `quick_check` alone, so the check's share of an open;
//! - `doctor::check` (every check) against `quick_check`.

use std::path::Path;
use std::time::{Duration, Instant};

use byline_core::usecases::backups::{self, BackupReason};
use byline_core::usecases::doctor;
use byline_core::Library;
use rusqlite::{Connection, OpenFlags};

mod common;
use common::Lcg;

const ARTICLES: usize = 2_000;
const WORDS_EACH: usize = 1_000;
const RUNS: usize = 7;

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time<T>(mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..RUNS)
            .map(|_| {
                let start = Instant::now();
                std::hint::black_box(f());
                start.elapsed()
            })
            .collect(),
    )
}

fn quick_check(path: &Path) -> String {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY).unwrap();
    conn.query_row("PRAGMA quick_check", [], |r| r.get(0))
        .unwrap()
}

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.byline");
    {
        let mut lib = Library::open(&path).unwrap();
        let mut rng = Lcg(11);
        for i in 0..ARTICLES {
            let mut body = String::new();
            for _ in 0..(WORDS_EACH / 50) {
                body.push_str(&rng.words(50));
                body.push_str(".\n\n");
            }
            lib.create_article(&format!("Article {i}"), &body).unwrap();
        }
    }
    let size = std::fs::metadata(&path).unwrap().len();
    println!(
        "library: {ARTICLES} articles of ~{WORDS_EACH} words, {:.1} MB; medians of {RUNS} runs",
        size as f64 / 1_048_576.0
    );

    let copy_to = dir.path().join("plain-copy.byline");
    let copy = time(|| {
        let _ = std::fs::remove_file(&copy_to);
        std::fs::copy(&path, &copy_to).unwrap()
    });
    let lib = Library::open(&path).unwrap();
    let mut n = 0;
    let backup = time(|| {
        // A minute apart, so thinning keeps every one and each name is new.
        n += 1;
        let at = chrono::Utc::now() + chrono::Duration::minutes(n);
        backups::make(&lib, BackupReason::Manual, at).unwrap()
    });
    println!(
        "backup (online API + sync + integrity_check + thin): {}; baseline fs::copy: {}; ratio {:.1}x",
        ms(backup),
        ms(copy),
        backup.as_secs_f64() / copy.as_secs_f64()
    );
    drop(lib);

    let check = time(|| quick_check(&path));
    let open = time(|| Library::open(&path).unwrap());
    // What opening cost before the check: a connection, the header reads,
    // WAL and the schema version, as `Library::open` does after it.
    let bare = time(|| {
        let conn = Connection::open(&path).unwrap();
        let _: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        conn.pragma_update(None, "journal_mode", "WAL").unwrap();
        let v: u32 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .unwrap();
        v
    });
    println!(
        "open (with quick_check): {}; baseline open without it: {}; ratio {:.1}x; quick_check alone: {}",
        ms(open),
        ms(bare),
        open.as_secs_f64() / bare.as_secs_f64(),
        ms(check)
    );

    let lib = Library::open(&path).unwrap();
    let doctor = time(|| doctor::check(&lib).unwrap());
    println!(
        "doctor check (integrity, index, revisions, images): {}; baseline quick_check: {}; ratio {:.1}x",
        ms(doctor),
        ms(check),
        doctor.as_secs_f64() / check.as_secs_f64()
    );
}
