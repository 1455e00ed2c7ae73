//! What the pre-publish checks cost by article size, against the preview's
//! render of the same text in the same run (the window runs the checks a
//! moment after typing pauses, the render on every keystroke), so the
//! report is a ratio as well as a time.

use byline_core::domain::article::{ArticleMeta, Status};
use byline_core::domain::faq::QuestionAnswer;
use byline_core::domain::site_settings::SiteSettings;
use byline_core::transform::checks::{run, CheckInput};
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};

fn article(words: usize) -> String {
    let para = "The council voted on Tuesday to **approve** the budget, with [three members](https://example.com/vote) abstaining and the mayor promising a review. ";
    let mut md = String::new();
    let mut n = 0;
    let mut section = 1;
    while n < words {
        if n % 400 == 0 {
            md.push_str(&format!(
                "\n## Section {section}\n\n![The harbour at dawn](harbour-{section}.jpg)\n\n"
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

fn bench_checks(c: &mut Criterion) {
    let mut group = c.benchmark_group("checks");
    let meta = ArticleMeta {
        title: "The council approves the budget".into(),
        meta_description:
            "The council voted on Tuesday to approve the budget, with three members abstaining."
                .into(),
        slug: "budget".into(),
        ..ArticleMeta::default()
    };
    let faq = vec![QuestionAnswer::new("When was the vote?", "On Tuesday.")];
    let site = SiteSettings::default();
    for words in [1_000usize, 10_000, 100_000] {
        let md = article(words);
        group.throughput(Throughput::Bytes(md.len() as u64));
        group.bench_with_input(
            BenchmarkId::new("baseline_preview_render", words),
            &md,
            |b, md| b.iter(|| byline_core::transform::render::preview(md)),
        );
        group.bench_with_input(BenchmarkId::new("checks", words), &md, |b, md| {
            b.iter(|| {
                run(&CheckInput {
                    meta: &meta,
                    body: md,
                    faq: &faq,
                    faq_structured_data: true,
                    status: Status::Draft,
                    published_slug: None,
                    featured_image_found: None,
                    site: &site,
                })
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench_checks);
criterion_main!(benches);
