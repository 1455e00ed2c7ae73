//! Revisions: 1,000 revisions of an evolving 5,000-word article, with
//! edits of the sizes writers make (a word fixed, a sentence rewritten,
//! added or cut, now and then a paragraph). Every save records a checkpoint
//! here (the interval is zero), which is the worst case for the autosave
//! commit; in the app a checkpoint is at most one per pause.
//!
//! Prints the storage against full copies and the autosave commit times,
//! then criterion times rebuilding revisions and diffing distant ones.

use std::time::{Duration, Instant};

use byline_core::library::CheckpointPolicy;
use byline_core::{ArticleId, Library};
use criterion::{criterion_group, criterion_main, Criterion};

mod common;
use common::{Lcg, WORDS};

fn article(rng: &mut Lcg) -> Vec<Vec<String>> {
    // Paragraphs of sentences, about 5,000 words in all.
    let mut paras = Vec::new();
    let mut words = 0;
    while words < 5_000 {
        let para: Vec<String> = (0..4 + rng.below(3)).map(|_| rng.sentence()).collect();
        words += para.iter().map(|s| s.split(' ').count()).sum::<usize>();
        paras.push(para);
    }
    paras
}

fn text(paras: &[Vec<String>]) -> String {
    paras
        .iter()
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn edit(rng: &mut Lcg, paras: &mut Vec<Vec<String>>) {
    let p = rng.below(paras.len());
    let s = rng.below(paras[p].len());
    // Keep the article near 5,000 words: cut more once it runs long.
    let words: usize = paras.iter().flatten().map(|s| s.split(' ').count()).sum();
    if words > 5_200 && rng.below(2) == 0 {
        if paras[p].len() > 1 {
            paras[p].remove(s);
        } else if paras.len() > 1 {
            paras.remove(p);
        }
        return;
    }
    match rng.below(100) {
        0..=39 => {
            // Fix a word.
            let mut words: Vec<String> = paras[p][s].split(' ').map(String::from).collect();
            let w = rng.below(words.len());
            words[w] = WORDS[rng.below(WORDS.len())].to_string();
            paras[p][s] = words.join(" ");
        }
        40..=69 => paras[p][s] = rng.sentence(),
        70..=84 => {
            let new = rng.sentence();
            paras[p].insert(s, new);
        }
        85..=94 if paras[p].len() > 1 => {
            paras[p].remove(s);
        }
        _ => {
            let para: Vec<String> = (0..3 + rng.below(3)).map(|_| rng.sentence()).collect();
            paras.insert(p, para);
        }
    }
}

struct Built {
    _dir: tempfile::TempDir,
    library: Library,
    id: ArticleId,
    commits: Vec<Duration>,
}

fn build() -> Built {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(dir.path().join("bench.byline")).unwrap();
    library.set_checkpoint_policy(CheckpointPolicy {
        pause: Duration::ZERO,
        interval: Duration::ZERO,
        // Every save keeps one, none replaced: the worst case for timing.
        coalesce: Duration::ZERO,
        ..CheckpointPolicy::default()
    });
    let mut rng = Lcg(2026);
    let mut paras = article(&mut rng);
    let id = library
        .create_article("An evolving story", &text(&paras))
        .unwrap()
        .id;
    let mut commits = Vec::with_capacity(1_000);
    // Each save records the state before it: 1,000 saves, 1,000 revisions.
    for _ in 0..1_000 {
        edit(&mut rng, &mut paras);
        let body = text(&paras);
        let started = Instant::now();
        library.save_body(id, &body).unwrap();
        commits.push(started.elapsed());
    }
    Built {
        _dir: dir,
        library,
        id,
        commits,
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn bench_revisions(c: &mut Criterion) {
    let built = build();
    let (lib, id) = (&built.library, built.id);
    let history = lib.history(id).unwrap();
    let newest = history[0].number;
    let (stored, full) = lib.revision_totals().unwrap();
    let mut commits = built.commits.clone();
    commits.sort();
    let pick = |p: f64| commits[((commits.len() - 1) as f64 * p).round() as usize];
    println!(
        "revisions: {} of a {}-word article",
        history.len(),
        lib.article(id).unwrap().words
    );
    println!(
        "  storage: {:.0} KB compressed, against {:.1} MB as full copies ({:.0}x smaller)",
        stored as f64 / 1024.0,
        full as f64 / 1_048_576.0,
        full as f64 / stored as f64
    );
    println!(
        "  autosave commit with a checkpoint: median {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        ms(pick(0.5)),
        ms(pick(0.99)),
        ms(*commits.last().unwrap())
    );
    // Baseline in the same process: the same save without a checkpoint.
    let mut plain = Vec::new();
    {
        let dir = tempfile::tempdir().unwrap();
        let mut other = Library::open(dir.path().join("plain.byline")).unwrap();
        let body = lib.article(id).unwrap().body;
        let pid = other.create_article("Plain", &body).unwrap().id;
        for i in 0..200 {
            let started = Instant::now();
            other.save_body(pid, &format!("{body} {i}")).unwrap();
            plain.push(started.elapsed());
        }
    }
    plain.sort();
    println!(
        "  baseline, the same save without a checkpoint: median {:.2} ms, p99 {:.2} ms",
        ms(plain[plain.len() / 2]),
        ms(plain[(plain.len() - 1) * 99 / 100])
    );

    let mut group = c.benchmark_group("revisions");
    group.bench_function("rebuild_oldest", |b| {
        b.iter(|| lib.revision_state(id, 1).unwrap())
    });
    // Revision k past its keyframe is compressed against k with its lowest
    // set bit cleared: a rebuild takes one decompression per set bit.
    group.bench_function("rebuild_newest", |b| {
        b.iter(|| lib.revision_state(id, newest).unwrap())
    });
    // 255 past the keyframe (revision 1): eight steps and the keyframe,
    // the longest rebuild there is.
    group.bench_function("rebuild_longest_chain", |b| {
        b.iter(|| lib.revision_state(id, 256).unwrap())
    });
    group.bench_function("diff_oldest_vs_newest", |b| {
        b.iter(|| lib.compare_revisions(id, 1, Some(newest)).unwrap())
    });
    let (first, last) = (
        lib.revision_state(id, 1).unwrap(),
        lib.revision_state(id, newest).unwrap(),
    );
    group.bench_function("diff_oldest_vs_newest_states_only", |b| {
        b.iter(|| byline_core::transform::diff::compare(&first, &last))
    });
    group.bench_function("diff_neighbours", |b| {
        b.iter(|| {
            lib.compare_revisions(id, newest / 2, Some(newest / 2 + 1))
                .unwrap()
        })
    });
    group.finish();
}

criterion_group!(benches, bench_revisions);
criterion_main!(benches);
