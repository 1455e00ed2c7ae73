//! Real blogs as their generators lay them out (tests/fixtures/blogs):
//! every post comes in, with its title, and round-trips through Markdown.
//! The clashes and quirks are the ones real blogs have: URL paths that
//! differ only by date, yearly posts with one name, Jekyll's malformed
//! dates and dated file names, the same file name in two Hugo sections.

use chrono::Local;

use super::*;

fn blog(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/blogs")
        .join(name)
}

fn markdown_files(dir: &std::path::Path) -> usize {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            if p.is_dir() {
                markdown_files(&p)
            } else {
                usize::from(p.extension().is_some_and(|e| e == "md"))
            }
        })
        .sum()
}

/// Imports a blog whole: no file fails, every file is an article with the
/// title its front matter gives.
fn import_whole(name: &str) -> (tempfile::TempDir, Library, ImportReport) {
    let (dir, mut lib) = library();
    let report = lib.import_paths(&[blog(name)], keep()).unwrap();
    assert_eq!(report.failed, 0, "{name}: {report:#?}");
    assert_eq!(
        report.created as usize,
        markdown_files(&blog(name)),
        "{name}"
    );
    for file in &report.files {
        let text = std::fs::read_to_string(&file.path).unwrap();
        let (post, _) = crate::transform::post::read_lenient(&text).unwrap();
        let article = lib.article(file.article.unwrap()).unwrap();
        assert!(!article.meta.title.is_empty(), "{}", file.path);
        assert_eq!(article.meta.title, post.title, "{}", file.path);
    }
    (dir, lib, report)
}

fn warnings<'a>(report: &'a ImportReport, ends_with: &str) -> &'a [String] {
    &file_report(report, ends_with).mapping.warnings
}

fn local_day(a: &crate::domain::article::Article) -> String {
    a.meta
        .publish_at
        .unwrap()
        .with_timezone(&Local)
        .format("%Y-%m-%d")
        .to_string()
}

fn round_trips(lib: &mut Library) {
    let out = tempfile::tempdir().unwrap();
    for summary in lib.list(&Default::default()).unwrap() {
        let a = lib.article(summary.id).unwrap();
        for format in [Format::MdYaml, Format::MdToml] {
            let back = round_trip(lib, a.id, format, out.path());
            assert_eq!(
                fields(&back),
                fields(&a),
                "{} as {}",
                a.meta.slug,
                format.as_str()
            );
        }
    }
}

#[test]
fn a_zola_blog_with_dated_paths_and_bundles_comes_in_whole() {
    let (_d, mut lib, report) = import_whole("zola");
    // Paths that differ only by date: the later post gets a free slug, and
    // its path stays in the front matter for the site.
    let first = lib.find("rust-1-0").unwrap();
    assert_eq!(first.meta.title, "Announcing Rust 1.0");
    assert_eq!(local_day(&first), "2015-05-15", "from the file name");
    let later = lib.find("rust-1-0-2").unwrap();
    assert_eq!(later.meta.title, "Rust 1.0, ten years on");
    assert!(warnings(&report, "2025-05-15-Rust-1.0.md")[0].contains("this post got rust-1-0-2"));
    assert_eq!(
        lib.kept_front_matter(later.id).unwrap()["path"],
        "2025/05/15/Rust-1.0"
    );
    // Yearly posts with one name.
    assert_eq!(
        lib.find("development-update").unwrap().meta.tags,
        ["compiler"]
    );
    lib.find("development-update-2").unwrap();
    // The page bundle: named after its folder's name, dated, with its image.
    let bundle = file_report(&report, "cargo-script/index.md");
    assert_eq!(bundle.slug, "cargo-script");
    assert_eq!(bundle.images, 1);
    round_trips(&mut lib);
}

#[test]
fn a_jekyll_blog_with_a_malformed_date_comes_in_whole() {
    let (_d, mut lib, report) = import_whole("jekyll");
    // The file name gives the slug (and the date, when the front matter has none).
    let a = lib.find("jekyll-4-3-3-released").unwrap();
    assert_eq!(
        a.meta.publish_at.unwrap().to_rfc3339(),
        "2023-12-28T00:00:00+00:00"
    );
    assert!(warnings(&report, "2023-12-27-jekyll-4-3-3-released.md").is_empty());
    // Jekyll accepts `2023-01-29 18:30:22 2023 -0800`; so does Byline, with
    // a warning, keeping what was written.
    let odd = lib.find("jekyll-4-3-2-released").unwrap();
    assert_eq!(
        odd.meta.publish_at.unwrap().to_rfc3339(),
        "2023-01-30T02:30:22+00:00"
    );
    let said = warnings(&report, "2023-01-29-jekyll-4-3-2-released.md");
    assert!(said[0].contains("\"2023-01-29 18:30:22 2023 -0800\" is not one Byline reads"));
    assert_eq!(
        lib.kept_front_matter(odd.id).unwrap()["original_date"],
        "2023-01-29 18:30:22 2023 -0800"
    );
    let undated = lib.find("jekyll-4-3-0-released").unwrap();
    assert_eq!(local_day(&undated), "2022-10-26");
    // Two posts named "development-update": both in, the second renamed,
    // the slug it asked for kept.
    let second = lib.find("development-update-2").unwrap();
    assert_eq!(
        lib.kept_front_matter(second.id).unwrap()["original_slug"],
        "development-update"
    );
    round_trips(&mut lib);
}

#[test]
fn a_hugo_site_with_sections_and_odd_types_comes_in_whole() {
    let (_d, mut lib, report) = import_whole("hugo");
    // The same file name in two sections: news/ is walked first.
    let news = lib.find("first-post").unwrap();
    assert_eq!(news.status, Status::Draft);
    let post = lib.find("first-post-2").unwrap();
    assert_eq!(post.meta.tags, ["hello", "meta"]);
    let typed = file_report(&report, "typed.md");
    assert!(typed.mapping.warnings[0].contains("`tags`"), "{typed:#?}");
    assert_eq!(
        lib.kept_front_matter(typed.article.unwrap()).unwrap()["tags"],
        5
    );
    assert_eq!(file_report(&report, "harbour-bundle/index.md").images, 1);
    round_trips(&mut lib);
}

#[test]
fn an_astro_blog_with_named_month_dates_comes_in_whole() {
    let (_d, mut lib, report) = import_whole("astro");
    assert!(
        report.files.iter().all(|f| f.mapping.warnings.is_empty()),
        "{report:#?}"
    );
    assert_eq!(local_day(&lib.find("first-post").unwrap()), "2022-07-08");
    assert_eq!(local_day(&lib.find("second-post").unwrap()), "2022-07-15");
    round_trips(&mut lib);
}
