//! Import and site export at blog scale: a folder of 1,000 generated posts
//! (about 800 words each, YAML or TOML front matter, every tenth a page
//! bundle with an image, every fifth with a FAQ section) imported into a
//! new library, then the same library exported as a static site.
//!
//! Each figure is the median of several whole runs, with the cost per
//! article, and a ratio against a baseline measured in the same process:
//! for import, reading and parsing the files without writing anything; for
//! export, rendering every body with no page around it.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use byline_core::usecases::import::{FaqImport, ImportOptions};
use byline_core::{Library, Status};

const POSTS: usize = 1_000;
const RUNS: usize = 5;

mod common;
use common::{Lcg, WORDS};

const PNG: &[u8] = include_bytes!("../../../assets/welcome-image.png");

fn generate(dir: &Path) {
    let mut rng = Lcg(7);
    for i in 0..POSTS {
        let mut body = String::new();
        for s in 0..4 {
            body.push_str(&format!("## Section {s}\n\n"));
            for _ in 0..4 {
                body.push_str(&rng.words(50));
                body.push_str(".\n\n");
            }
        }
        let bundle = i % 10 == 0;
        if bundle {
            body.push_str("![Photo](photo.png)\n\n");
        }
        if i % 5 == 0 {
            body.push_str("## FAQ\n\n### When?\n\nNext week.\n\n### Why?\n\nThe budget.\n");
        }
        let title = format!("Post {i}: {}", rng.words(5));
        let text = if i % 2 == 0 {
            format!(
                "---\ntitle: \"{title}\"\ndate: 2025-0{}-1{}T09:00:00Z\ntags: [{}, {}]\ndescription: \"{}\"\nlayout: post\n---\n\n{body}",
                1 + i % 9, i % 10, WORDS[i % 32], WORDS[(i + 3) % 32], rng.words(12)
            )
        } else {
            format!(
                "+++\ntitle = \"{title}\"\ndate = 2025-0{}-1{}\n[taxonomies]\ntags = [\"{}\"]\n[extra]\ntoc = true\n+++\n\n{body}",
                1 + i % 9, i % 10, WORDS[i % 32]
            )
        };
        let path: PathBuf = if bundle {
            let d = dir.join(format!("post-{i}"));
            std::fs::create_dir_all(&d).unwrap();
            std::fs::write(d.join("photo.png"), PNG).unwrap();
            d.join("index.md")
        } else {
            dir.join(format!("post-{i}.md"))
        };
        std::fs::write(path, text).unwrap();
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn per_article(d: Duration) -> String {
    format!("{:.3} ms/article", d.as_secs_f64() * 1000.0 / POSTS as f64)
}

fn main() {
    // `cargo bench` passes flags such as --bench; nothing here takes any.
    let work = tempfile::tempdir().unwrap();
    let posts = work.path().join("posts");
    std::fs::create_dir(&posts).unwrap();
    generate(&posts);
    let files: Vec<PathBuf> = walk(&posts);
    assert_eq!(files.len(), POSTS);

    // Baseline: read and parse every file, write nothing.
    let baseline = median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                for f in &files {
                    let text = std::fs::read_to_string(f).unwrap();
                    std::hint::black_box(byline_core::transform::post::read(&text).unwrap());
                }
                t.elapsed()
            })
            .collect(),
    );

    let mut last_library = None;
    let import = median(
        (0..RUNS)
            .map(|run| {
                let path = work.path().join(format!("lib-{run}.byline"));
                let mut lib = Library::open(&path).unwrap();
                let t = Instant::now();
                let report = lib
                    .import_paths(
                        &[posts.clone()],
                        ImportOptions {
                            faq: FaqImport::Detect,
                            atomic: false,
                            ..Default::default()
                        },
                    )
                    .unwrap();
                let took = t.elapsed();
                assert_eq!(
                    report.created as usize,
                    POSTS,
                    "{:?}",
                    report.files.iter().find(|f| f.error.is_some())
                );
                last_library = Some(lib);
                took
            })
            .collect(),
    );
    let mut lib = last_library.unwrap();
    let atomic_path = work.path().join("lib-atomic.byline");
    let mut atomic_lib = Library::open(&atomic_path).unwrap();
    let t = Instant::now();
    atomic_lib
        .import_paths(
            &[posts.clone()],
            ImportOptions {
                faq: FaqImport::Detect,
                atomic: true,
                ..Default::default()
            },
        )
        .unwrap();
    let atomic = t.elapsed();

    let reimport = {
        let t = Instant::now();
        let report = lib
            .import_paths(&[posts.clone()], ImportOptions::default())
            .unwrap();
        assert_eq!(report.updated as usize, POSTS);
        t.elapsed()
    };

    for s in lib.list(&Default::default()).unwrap() {
        lib.set_status(s.id, Status::Published).unwrap();
    }
    let mut site = lib.site_settings().unwrap();
    site.base_url = "https://example.com/".into();
    site.name = "Bench".into();
    lib.set_site_settings(&site).unwrap();

    let bodies: Vec<String> = lib
        .list(&Default::default())
        .unwrap()
        .iter()
        .map(|s| lib.article(s.id).unwrap().body)
        .collect();
    let render_only = median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                for b in &bodies {
                    std::hint::black_box(byline_core::transform::render::render(b));
                }
                t.elapsed()
            })
            .collect(),
    );
    let out = work.path().join("site");
    let mut bytes = 0;
    let export = median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                let report = lib.export_site(&out, Some(Status::Published)).unwrap();
                bytes = report.bytes;
                t.elapsed()
            })
            .collect(),
    );

    println!("import_export: {POSTS} posts, median of {RUNS} runs");
    println!(
        "  baseline: read + parse front matter   {:>9.1} ms  ({})",
        ms(baseline),
        per_article(baseline)
    );
    println!(
        "  import into a new library            {:>9.1} ms  ({})  {:.1}× baseline",
        ms(import),
        per_article(import),
        ratio(import, baseline)
    );
    println!(
        "  import, --atomic (one run)           {:>9.1} ms  ({})",
        ms(atomic),
        per_article(atomic)
    );
    println!(
        "  import again (updates, one run)      {:>9.1} ms  ({})",
        ms(reimport),
        per_article(reimport)
    );
    println!(
        "  baseline: render every body          {:>9.1} ms  ({})",
        ms(render_only),
        per_article(render_only)
    );
    println!("  export as a site (+ feed, images)    {:>9.1} ms  ({})  {:.1}× baseline, {:.1} MB written", ms(export), per_article(export), ratio(export, render_only), bytes as f64 / 1_048_576.0);
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn ratio(a: Duration, b: Duration) -> f64 {
    a.as_secs_f64() / b.as_secs_f64()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|e| e == "md") {
            out.push(p);
        }
    }
    out
}
