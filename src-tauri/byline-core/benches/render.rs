//! Core rendering cost by article size. The baseline is comrak alone (no
//! sanitising), run in the same process, so the report shows what the safety
//! pass costs as a ratio, not only as a time that depends on the machine.

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};

fn article(words: usize) -> String {
    let para = "The council voted on Tuesday to **approve** the budget, with [three members](https://example.com/vote) abstaining and the mayor promising a review. ";
    let mut md = String::from("# A long piece\n\n");
    let mut n = 0;
    let mut section = 1;
    while n < words {
        if n % 400 == 0 {
            md.push_str(&format!(
                "\n## Section {section}\n\n> [!TIP]\n> Pro tip number {section}.\n\n"
            ));
            section += 1;
        }
        md.push_str(para);
        n += para.split_whitespace().count();
        if n % 100 < 25 {
            md.push_str("\n\n");
        }
    }
    md
}

fn bench_render(c: &mut Criterion) {
    let mut group = c.benchmark_group("render");
    for words in [1_000usize, 10_000, 100_000] {
        let md = article(words);
        group.throughput(Throughput::Bytes(md.len() as u64));
        let opts = {
            let mut o = comrak::Options::default();
            o.extension.strikethrough = true;
            o.extension.table = true;
            o.extension.autolink = true;
            o.extension.tasklist = true;
            o.extension.footnotes = true;
            o.render.r#unsafe = true;
            o
        };
        group.bench_with_input(
            BenchmarkId::new("baseline_comrak_only", words),
            &md,
            |b, md| b.iter(|| comrak::markdown_to_html(md, &opts)),
        );
        group.bench_with_input(BenchmarkId::new("byline_preview", words), &md, |b, md| {
            b.iter(|| byline_core::transform::render::preview(md))
        });
        // What a keystroke costs with the app's previewer: the text differs
        // from the last render by one character at the end, so every block
        // but the last is already sanitised and already in the window.
        let edited = format!("{md}x");
        group.bench_with_input(
            BenchmarkId::new("byline_preview_keystroke", words),
            &md,
            |b, md| {
                let mut previewer = byline_core::transform::render::Previewer::new(None);
                let mut shown = previewer.render(md, None).generation;
                let mut flip = false;
                b.iter(|| {
                    flip = !flip;
                    let text = if flip { edited.as_str() } else { md.as_str() };
                    let preview = previewer.render(text, Some(shown));
                    shown = preview.generation;
                    preview
                })
            },
        );
        // The same in the middle of the article, where a writer edits: the
        // previewer re-parses only the blocks around the change.
        let middle = md[..md.len() / 2].rfind(". ").expect("a sentence ends") + 1;
        let typed = format!("{}x{}", &md[..middle], &md[middle..]);
        group.bench_with_input(
            BenchmarkId::new("byline_keystroke_middle", words),
            &md,
            |b, md| {
                let mut previewer = byline_core::transform::render::Previewer::new(None);
                let mut shown = previewer.render(md, None).generation;
                let mut flip = false;
                b.iter(|| {
                    flip = !flip;
                    let text = if flip { typed.as_str() } else { md.as_str() };
                    let preview = previewer.render(text, Some(shown));
                    shown = preview.generation;
                    preview
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, bench_render);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    print_ratios();
}

/// Where criterion keeps its estimates: `$CARGO_TARGET_DIR/criterion`, or
/// the workspace's `target/criterion` (benches run in the crate's folder).
fn criterion_dir() -> std::path::PathBuf {
    if let Some(home) = std::env::var_os("CRITERION_HOME") {
        return home.into();
    }
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(target) => std::path::PathBuf::from(target).join("criterion"),
        None => std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/criterion"),
    }
}

/// The median of one benchmark of this run, in nanoseconds, as criterion
/// wrote it (`None` when it did not run, e.g. filtered out).
fn median_ns(function: &str, words: usize) -> Option<f64> {
    let path = criterion_dir().join(format!("render/{function}/{words}/new/estimates.json"));
    let text = std::fs::read_to_string(path).ok()?;
    let estimates: serde_json::Value = serde_json::from_str(&text).ok()?;
    estimates["median"]["point_estimate"].as_f64()
}

fn shown(ns: f64) -> String {
    if ns >= 1e6 {
        format!("{:.2} ms", ns / 1e6)
    } else {
        format!("{:.0} µs", ns / 1e3)
    }
}

/// Issue 17's figure: a keystroke's cost in the core against comrak's full
/// parse of the same article, both medians of this run.
fn print_ratios() {
    println!();
    println!("render: a keystroke against comrak's full parse (medians of this run)");
    println!(
        "{:>8} {:>14} {:>14} {:>17} {:>14} {:>16}",
        "words",
        "comrak (base)",
        "fresh preview",
        "keystroke middle",
        "keystroke end",
        "middle ÷ comrak"
    );
    for words in [1_000usize, 10_000, 100_000] {
        let medians = [
            "baseline_comrak_only",
            "byline_preview",
            "byline_keystroke_middle",
            "byline_preview_keystroke",
        ]
        .map(|f| median_ns(f, words));
        let [Some(base), Some(fresh), Some(middle), Some(end)] = medians else {
            continue;
        };
        println!(
            "{words:>8} {:>14} {:>14} {:>17} {:>14} {:>15.3}x",
            shown(base),
            shown(fresh),
            shown(middle),
            shown(end),
            middle / base
        );
    }
}
