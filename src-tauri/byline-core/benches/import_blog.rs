//! Importing a real-sized blog: 750 posts laid out as a Zola blog with
//! dated paths (`2019-04-11-rust-1.34.md`, `path = "2019/04/11/…"`), every
//! twelfth post reusing an earlier post's name (the clashes that once lost
//! 84 posts), every fiftieth a Jekyll-style post with a malformed date,
//! every twentieth a page bundle with an image; about 600 words each.
//!
//! Criterion runs two things on the same folder: reading and mapping the
//! files alone (`plan_import`: walk, read, front matter, checks; no
//! library), and importing them into a new library. Each iteration's time
//! is kept, and the medians and their ratio are printed at the end.

use std::path::Path;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use byline_core::usecases::import::{plan_import, ImportOptions};
use byline_core::Library;
use criterion::{criterion_group, criterion_main, Criterion};

mod common;
use common::{Lcg, WORDS};

const POSTS: usize = 750;
const PNG: &[u8] = include_bytes!("../../../assets/welcome-image.png");

static TIMES: Mutex<Vec<(&'static str, Duration)>> = Mutex::new(Vec::new());

fn generate(dir: &Path) {
    let mut rng = Lcg(11);
    for i in 0..POSTS {
        let (year, month, day) = (2015 + i / 80, 1 + (i / 7) % 12, 1 + i % 28);
        // Every twelfth post takes the name of one a year or so before.
        let name = if i % 12 == 11 {
            format!("{}-{}", WORDS[(i - 11) % 32], (i - 11) / 32)
        } else {
            format!("{}-{}", WORDS[i % 32], i / 32)
        };
        let mut body = String::new();
        for s in 0..3 {
            body.push_str(&format!("## Part {s}\n\n"));
            for _ in 0..4 {
                body.push_str(&rng.words(50));
                body.push_str(".\n\n");
            }
        }
        let title = format!("{} {}", name.replace('-', " "), rng.words(4));
        let dated = format!("{year}-{month:02}-{day:02}");
        let text = if i % 50 == 49 {
            format!(
                "---\ntitle: \"{title}\"\ndate: {dated} 18:30:22 {year} -0800\nauthor: editor\n---\n\n{body}"
            )
        } else {
            format!(
                "+++\npath = \"{year}/{month:02}/{day:02}/{name}\"\ntitle = \"{title}\"\nauthors = [\"The Team\"]\n[taxonomies]\ntags = [\"{}\"]\n+++\n\n{body}",
                WORDS[(i + 5) % 32]
            )
        };
        let file = format!("{dated}-{name}");
        let path = if i % 20 == 0 {
            let d = dir.join(&file);
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join("photo.png"), PNG).unwrap();
            std::fs::write(d.join("index.md"), text + "![Photo](photo.png)\n").unwrap();
            continue;
        } else {
            dir.join(format!("{file}.md"))
        };
        std::fs::write(path, text).unwrap();
    }
}

fn record(name: &'static str, d: Duration) {
    TIMES.lock().unwrap().push((name, d));
}

fn bench_import_blog(c: &mut Criterion) {
    let work = tempfile::tempdir().unwrap();
    let blog = work.path().join("content");
    std::fs::create_dir(&blog).unwrap();
    generate(&blog);
    let options = ImportOptions::default();

    let mut group = c.benchmark_group("import_blog_750");
    group.sample_size(10);
    group.bench_function("read_and_map", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                let t = Instant::now();
                let plan = plan_import(std::slice::from_ref(&blog), options, &mut |_| {}).unwrap();
                let took = t.elapsed();
                assert_eq!(plan.files.len(), POSTS);
                record("read_and_map", took);
                total += took;
            }
            total
        })
    });
    let mut run = 0;
    group.bench_function("import_new_library", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            for _ in 0..iters {
                run += 1;
                let path = work.path().join(format!("lib-{run}.byline"));
                let mut lib = Library::open(&path).unwrap();
                let t = Instant::now();
                let report = lib
                    .import_paths(std::slice::from_ref(&blog), options)
                    .unwrap();
                let took = t.elapsed();
                assert_eq!(report.created as usize, POSTS, "every post comes in");
                record("import_new_library", took);
                total += took;
                drop(lib);
                let _ = std::fs::remove_file(&path);
                let _ = std::fs::remove_file(path.with_extension("byline-wal"));
                let _ = std::fs::remove_file(path.with_extension("byline-shm"));
            }
            total
        })
    });
    group.finish();

    let times = TIMES.lock().unwrap();
    let median = |name: &str| {
        let mut v: Vec<Duration> = times
            .iter()
            .filter(|(n, _)| *n == name)
            .map(|(_, d)| *d)
            .collect();
        v.sort();
        v[v.len() / 2]
    };
    let (base, import) = (median("read_and_map"), median("import_new_library"));
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!("\nimport of a {POSTS}-post blog, medians of every iteration:");
    println!(
        "  read and map the files alone: {:.1} ms ({:.3} ms/post)",
        ms(base),
        ms(base) / POSTS as f64
    );
    println!(
        "  import into a new library:    {:.1} ms ({:.3} ms/post), {:.1}x reading and mapping",
        ms(import),
        ms(import) / POSTS as f64,
        import.as_secs_f64() / base.as_secs_f64()
    );
}

criterion_group!(benches, bench_import_blog);
criterion_main!(benches);
