//! What "Saved means on the disk" costs: the autosaver's save of a
//! 1,000-word article (its whole body rewritten, as a keystroke's save is)
//! with `synchronous=FULL`, Byline's setting, against `NORMAL`, the
//! baseline, in the same run on the same disk.
//!
//! The library lives in the system's temporary folder, which must be a real
//! disk for the figure to mean anything (a tmpfs has nothing to sync). Each
//! setting gets its own library; the saves alternate between them so both
//! see the same disk at the same moment. Prints the medians, p95 and the
//! ratio; criterion's own estimates follow.

use std::time::{Duration, Instant};

use byline_core::library::Durability;
use byline_core::{ArticleId, Library};
use criterion::{criterion_group, criterion_main, Criterion};

mod common;
use common::Lcg;

const SAVES: usize = 300;

fn library(durability: Durability, body: &str) -> (tempfile::TempDir, Library, ArticleId) {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path().join("durability.byline")).unwrap();
    lib.set_durability(durability).unwrap();
    let id = lib.create_article("Durability", body).unwrap().id;
    (dir, lib, id)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn bench_durability(c: &mut Criterion) {
    let mut rng = Lcg(11);
    let body = rng.words(1_000);
    let (_full_dir, mut full, full_id) = library(Durability::Full, &body);
    let (_normal_dir, mut normal, normal_id) = library(Durability::Normal, &body);

    let (mut full_times, mut normal_times) = (Vec::new(), Vec::new());
    for i in 0..SAVES {
        let text = format!("{body} {i}");
        let started = Instant::now();
        full.save_body(full_id, &text).unwrap();
        full_times.push(started.elapsed());
        let started = Instant::now();
        normal.save_body(normal_id, &text).unwrap();
        normal_times.push(started.elapsed());
    }
    full_times.sort();
    normal_times.sort();
    let median = |t: &[Duration]| t[t.len() / 2];
    let p95 = |t: &[Duration]| t[(t.len() - 1) * 95 / 100];
    println!("save of a 1,000-word article, {SAVES} saves each, alternating:");
    println!(
        "  baseline synchronous=NORMAL: median {:.2} ms, p95 {:.2} ms",
        ms(median(&normal_times)),
        ms(p95(&normal_times))
    );
    println!(
        "  synchronous=FULL (Byline):   median {:.2} ms, p95 {:.2} ms",
        ms(median(&full_times)),
        ms(p95(&full_times))
    );
    println!(
        "  ratio FULL / NORMAL: median {:.2}x, p95 {:.2}x",
        ms(median(&full_times)) / ms(median(&normal_times)),
        ms(p95(&full_times)) / ms(p95(&normal_times))
    );

    let mut group = c.benchmark_group("save_1000_words");
    let mut n = 0u64;
    group.bench_function("synchronous_normal", |b| {
        b.iter(|| {
            n += 1;
            normal.save_body(normal_id, &format!("{body} {n}")).unwrap()
        })
    });
    group.bench_function("synchronous_full", |b| {
        b.iter(|| {
            n += 1;
            full.save_body(full_id, &format!("{body} {n}")).unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_durability);
criterion_main!(benches);
