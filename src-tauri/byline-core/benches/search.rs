//! Search and list latency on a library of 10,000 articles of about 1,000
//! words each. Reports median and p95 for a word, a prefix and a phrase query
//! (top 20 with snippets), and for listing every article; the baseline, run in
//! the same process on the same file, is a plain `LIKE` scan of the bodies,
//! which is what search would cost without the FTS index.
//!
//! The library takes a minute or two to generate, so it is kept in
//! target/bench-data/ and reused while its generator version is unchanged.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use byline_core::domain::article::ArticleField;
use byline_core::library::{ListQuery, SortKey};
use byline_core::{Library, Status};

const ARTICLES: usize = 10_000;
const WORDS: usize = 1_000;
const GENERATOR_VERSION: u32 = 3;
/// Tags spread over the articles, one to three each, a few much commoner.
const TAGS: usize = 40;

/// A small deterministic generator (xorshift), so every run sees the same text.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Words with a skewed frequency, like prose: a few very common, most rare.
fn vocabulary() -> Vec<String> {
    let common = [
        "the", "council", "said", "budget", "city", "year", "new", "people", "would", "police",
        "school", "housing", "report", "mayor", "water", "bridge", "vote", "plan", "local", "week",
    ];
    let mut words: Vec<String> = common.iter().map(|w| w.to_string()).collect();
    let syllables = [
        "ka", "ri", "mo", "len", "tas", "vel", "dor", "pi", "sun", "ber", "qua", "nex",
    ];
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    while words.len() < 20_000 {
        let n = 2 + (rng.next() % 3) as usize;
        let w: String = (0..n)
            .map(|_| syllables[(rng.next() % syllables.len() as u64) as usize])
            .collect();
        words.push(w);
    }
    words
}

fn article(rng: &mut Rng, vocab: &[String]) -> (String, String) {
    let pick = |rng: &mut Rng| -> &str {
        // Squaring a uniform number skews picks toward the start of the list.
        let u = (rng.next() % 10_000) as f64 / 10_000.0;
        &vocab[((u * u) * vocab.len() as f64) as usize]
    };
    let title: Vec<&str> = (0..7).map(|_| pick(rng)).collect();
    let mut body = String::with_capacity(WORDS * 7);
    for i in 0..WORDS {
        body.push_str(pick(rng));
        body.push_str(if i % 120 == 119 {
            ".\n\n"
        } else if i % 15 == 14 {
            ". "
        } else {
            " "
        });
    }
    (title.join(" "), body)
}

fn library() -> Library {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../target/bench-data");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(format!(
        "search-{ARTICLES}x{WORDS}-v{GENERATOR_VERSION}.byline"
    ));
    if let Ok(lib) = Library::open(&path) {
        if lib.list_articles().map(|a| a.len()).unwrap_or(0) == ARTICLES {
            return lib;
        }
    }
    let _ = std::fs::remove_file(&path);
    let started = Instant::now();
    let mut lib = Library::open(&path).unwrap();
    let vocab = vocabulary();
    let mut rng = Rng(42);
    for _ in 0..ARTICLES {
        let (title, body) = article(&mut rng, &vocab);
        let id = lib.create_article(&title, &body).unwrap().id;
        let tags: Vec<String> = (0..1 + rng.next() % 3)
            .map(|_| {
                let u = (rng.next() % 1000) as f64 / 1000.0;
                format!("tag{}", (u * u * TAGS as f64) as usize)
            })
            .collect();
        lib.set_field(id, ArticleField::Tags, &tags.join(","))
            .unwrap();
        let status = Status::ALL[(rng.next() % 4) as usize];
        lib.set_status(id, status).unwrap();
    }
    eprintln!(
        "generated {ARTICLES} articles in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    lib
}

fn measure(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    f(); // warm the page cache and statement cache
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    (times[runs / 2], times[(runs * 95) / 100])
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn main() {
    // `cargo bench` passes --bench; there are no options.
    let lib = library();
    println!("search: {ARTICLES} articles × ~{WORDS} words, top 20 with snippets");
    println!("baseline, same process and file: a LIKE '%text%' scan for the same words (no index)");
    println!(
        "{:<28} {:>10} {:>10} {:>6} {:>16} {:>8}",
        "query", "median", "p95", "hits", "LIKE median", "speed-up"
    );
    for (label, query) in [
        ("word: housing", "housing "),
        ("rare word: kalenri", "kalenri "),
        ("prefix as typed: hou", "hou"),
        ("phrase: \"the council\"", "\"the council\""),
        ("absent word: zyxwv", "zyxwv "),
    ] {
        let hits = lib.search(query, 20).unwrap().len();
        let (med, p95) = measure(200, || {
            lib.search(query, 20).unwrap();
        });
        let (like_med, _) = measure(7, || {
            lib.search_baseline_like(query, 20).unwrap();
        });
        println!(
            "{label:<28} {:>7.2} ms {:>7.2} ms {hits:>6} {:>13.2} ms {:>7.1}x",
            ms(med),
            ms(p95),
            ms(like_med),
            like_med.as_secs_f64() / med.as_secs_f64()
        );
    }
    println!();
    println!("list and filter: the same library; baseline is listing all 10,000 newest first");
    println!(
        "{:<36} {:>10} {:>10} {:>7} {:>9}",
        "list", "median", "p95", "rows", "vs all"
    );
    let all = ListQuery::default();
    let (all_med, _) = measure(30, || {
        lib.list(&all).unwrap();
    });
    let cases: Vec<(&str, ListQuery)> = vec![
        ("all, newest first", all.clone()),
        (
            "all, by title",
            ListQuery {
                sort: SortKey::Title,
                ..all.clone()
            },
        ),
        (
            "all, by publish date",
            ListQuery {
                sort: SortKey::PublishDate,
                ..all.clone()
            },
        ),
        (
            "status: published",
            ListQuery {
                status: Some(Status::Published),
                ..all.clone()
            },
        ),
        (
            "tag: tag0 (the commonest)",
            ListQuery {
                tag: Some("tag0".into()),
                ..all.clone()
            },
        ),
        (
            "tag: tag39 (a rare one)",
            ListQuery {
                tag: Some("tag39".into()),
                ..all.clone()
            },
        ),
        (
            "status + tag",
            ListQuery {
                status: Some(Status::Draft),
                tag: Some("tag3".into()),
                ..all.clone()
            },
        ),
    ];
    for (label, query) in cases {
        let rows = lib.list(&query).unwrap().len();
        let (med, p95) = measure(30, || {
            lib.list(&query).unwrap();
        });
        println!(
            "{label:<36} {:>7.2} ms {:>7.2} ms {rows:>7} {:>8.2}x",
            ms(med),
            ms(p95),
            med.as_secs_f64() / all_med.as_secs_f64()
        );
    }
    let (med, p95) = measure(30, || {
        lib.counts().unwrap();
    });
    println!(
        "{:<36} {:>7.2} ms {:>7.2} ms {:>7} {:>8.2}x",
        "counts (statuses, trash, tags)",
        ms(med),
        ms(p95),
        "",
        med.as_secs_f64() / all_med.as_secs_f64()
    );
}
