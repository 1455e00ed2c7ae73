use std::path::PathBuf;

use proptest::prelude::*;

use super::*;
use crate::domain::article::Status;
use crate::transform::export::Format;

fn library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let lib = Library::open(dir.path().join("lib.byline")).unwrap();
    (dir, lib)
}

fn fixtures(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/import")
        .join(path)
}

fn keep() -> ImportOptions {
    ImportOptions::default()
}

fn file_report<'a>(report: &'a ImportReport, ends_with: &str) -> &'a FileReport {
    report
        .files
        .iter()
        .find(|f| f.path.ends_with(ends_with))
        .unwrap_or_else(|| panic!("no report for {ends_with}: {report:#?}"))
}

#[test]
fn each_dialect_maps_its_fields() {
    let (_dir, mut lib) = library();
    let report = lib
        .import_paths(
            &[fixtures("")],
            ImportOptions {
                faq: FaqImport::Detect,
                atomic: false,
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(report.failed, 0, "{report:#?}");
    assert_eq!(report.created, 5);

    let hugo = lib.find("ferry-fares").unwrap();
    assert_eq!(hugo.meta.title, "Ferry fares rise by 10% in June");
    assert_eq!(hugo.status, Status::Published);
    assert_eq!(hugo.meta.tags, ["transport", "city hall", "News"]);
    assert_eq!(hugo.meta.authors, ["Ana Ruiz"]);
    assert_eq!(
        hugo.meta.publish_at.unwrap().to_rfc3339(),
        "2026-05-01T07:30:00+00:00"
    );
    assert!(
        hugo.body.contains(
            "{{< figure src=\"https://example.com/ferry.jpg\" caption=\"The 8:15 ferry\" >}}"
        ),
        "shortcode verbatim"
    );
    assert_eq!(hugo.faq.len(), 2, "the FAQ section became items");
    assert!(!hugo.body.contains("Frequently Asked Questions"));
    assert_eq!(hugo.faq[0].answer, "On **1 June**, for every route.");
    let kept = lib.kept_front_matter(hugo.id).unwrap();
    assert_eq!(kept["weight"], 10);
    assert_eq!(kept["params"]["toc"], true);
    let r = file_report(&report, "ferry-fares.md");
    assert!(r.mapping.kept.contains(&"weight".to_string()));
    assert_eq!(r.faq_items, 2);

    let jekyll = lib.find("tram-line-opens").unwrap();
    assert_eq!(jekyll.meta.tags, ["transport", "local"]);
    assert_eq!(
        jekyll.meta.meta_description,
        "Line 7 opens on Monday with trams every six minutes."
    );
    assert!(
        jekyll.body.starts_with("{% include lead.html %}"),
        "Liquid verbatim"
    );
    assert_eq!(jekyll.faq.len(), 2, "bold questions detected");
    assert_eq!(jekyll.faq[0].question, "How often do trams run?");

    let astro = lib.find("night-market").unwrap();
    assert_eq!(astro.status, Status::Draft);
    assert_eq!(astro.meta.featured_image, "/blog-placeholder.jpg");

    let zola = lib.find("bridge-repairs").unwrap();
    assert_eq!(zola.meta.dek, "Expect queues at peak times");
    assert_eq!(zola.meta.tags, ["roads", "bridges", "traffic"]);
    assert_eq!(zola.meta.authors, ["Sam Okafor"]);
    assert_eq!(zola.faq.len(), 2, "FAQ items from [[extra.faq]]");
    assert_eq!(
        lib.kept_front_matter(zola.id).unwrap()["extra"]["toc"],
        true
    );

    // Every imported article has its import in history.
    for a in [&hugo, &jekyll, &astro, &zola] {
        assert!(lib
            .history(a.id)
            .unwrap()
            .iter()
            .any(|r| r.kind == RevisionKind::Import));
    }
}

#[test]
fn a_page_bundle_takes_its_folder_name_and_its_images() {
    let (_dir, mut lib) = library();
    let report = lib
        .import_paths(&[fixtures("hugo/content/posts/harbour-walk")], keep())
        .unwrap();
    let r = file_report(&report, "index.md");
    assert_eq!(r.outcome, ImportOutcome::Created, "{r:#?}");
    assert_eq!(r.slug, "harbour-walk");
    assert_eq!(r.images, 2, "cover.png and images/map.png");
    assert!(r
        .mapping
        .skipped
        .iter()
        .any(|s| s.contains("missing.png") && s.contains("not found")));
    assert!(r
        .mapping
        .skipped
        .iter()
        .any(|s| s.contains("/images/site.png")));
    let a = lib.find("harbour-walk").unwrap();
    assert!(
        a.meta.featured_image.starts_with("assets/"),
        "{}",
        a.meta.featured_image
    );
    assert!(!a.body.contains("](cover.png)"));
    assert!(!a.body.contains("src=\"images/map.png\""));
    assert!(
        a.body.contains("![Not here](missing.png)"),
        "left as written"
    );
    let stored = crate::transform::export::referenced_assets(&a.body);
    assert_eq!(stored.len(), 2);
    for name in stored {
        assert!(lib.asset(&name).unwrap().is_some());
    }
    assert_eq!(lib.asset_totals().unwrap().0, 2);
}

#[test]
fn importing_the_same_file_again_updates_it_and_keeps_the_old_text() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("post.md");
    std::fs::write(&file, "---\ntitle: One\n---\nFirst text.\n").unwrap();
    let (_ldir, mut lib) = library();
    let first = lib.import_paths(&[file.clone()], keep()).unwrap();
    assert_eq!(first.created, 1);
    std::fs::write(&file, "---\ntitle: One, revised\n---\nSecond text.\n").unwrap();
    let second = lib.import_paths(&[file.clone()], keep()).unwrap();
    assert_eq!((second.created, second.updated), (0, 1), "{second:#?}");
    let all = lib.list(&Default::default()).unwrap();
    assert_eq!(all.len(), 1, "no duplicate");
    let a = lib.find("post").unwrap();
    assert_eq!(a.meta.title, "One, revised");
    assert_eq!(a.body, "Second text.\n");
    // The text it replaced is in history (here as the first import).
    let history = lib.history(a.id).unwrap();
    assert!(history.len() >= 2);
    assert!(history
        .iter()
        .any(|r| lib.revision_state(a.id, r.number).unwrap().body == "First text.\n"));
}

#[test]
fn bad_files_fail_alone_with_a_clear_reason_and_the_rest_come_in() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good.md"), "---\ntitle: Good\n---\nFine.\n").unwrap();
    std::fs::write(d.join("latin1.md"), b"caf\xe9\n").unwrap();
    std::fs::write(d.join("binary.md"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    std::fs::write(d.join("open.md"), "---\ntitle: Never closed\n\nBody\n").unwrap();
    std::fs::write(d.join("types.md"), "---\ntitle: [1, 2]\n---\nx\n").unwrap();
    std::fs::write(
        d.join("date.md"),
        "---\ntitle: D\ndate: last Tuesday\n---\nx\n",
    )
    .unwrap();
    std::fs::write(
        d.join("zz-clash.md"),
        "---\ntitle: Clash\nslug: good\n---\nx\n",
    )
    .unwrap();
    let big = d.join("huge.md");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(50 * 1024 * 1024).unwrap();

    let (_ldir, mut lib) = library();
    let existing = lib.create_article("Written here", "Mine.").unwrap();
    let report = lib.import_paths(&[d.to_path_buf()], keep()).unwrap();
    // Only what cannot be read as text (or is past a limit) is refused.
    assert_eq!(report.failed, 3, "{report:#?}");
    assert_eq!(report.created, 5, "{report:#?}");
    let reason = |name: &str| {
        let r = file_report(&report, name);
        assert_eq!(r.outcome, ImportOutcome::Failed, "{name}: {r:#?}");
        r.error.clone().unwrap()
    };
    assert_eq!(reason("latin1.md").code, "not_utf8");
    assert_eq!(reason("binary.md").code, "binary_file");
    assert_eq!(reason("huge.md").code, "file_too_large");
    // Quirks come in, each with a warning that says what was done.
    let warned = |name: &str, says: &str| {
        let r = file_report(&report, name);
        assert_eq!(r.outcome, ImportOutcome::Created, "{name}: {r:#?}");
        assert!(
            r.mapping.warnings.iter().any(|w| w.contains(says)),
            "{name}: {:?}",
            r.mapping.warnings
        );
        lib.article(r.article.unwrap()).unwrap()
    };
    let open = warned("open.md", "never closed");
    assert!(
        open.body.starts_with("---\ntitle: Never closed"),
        "kept whole"
    );
    let types = warned("types.md", "`title` must be text");
    assert_eq!(
        lib.kept_front_matter(types.id).unwrap()["title"],
        serde_json::json!([1, 2])
    );
    let date = warned("date.md", "\"last Tuesday\" is not one Byline reads");
    assert_eq!(date.meta.publish_at, None);
    assert_eq!(
        lib.kept_front_matter(date.id).unwrap()["original_date"],
        "last Tuesday"
    );
    let clash = warned("zz-clash.md", "the slug good is used by \"Good\"");
    assert_eq!(clash.meta.slug, "good-2");
    // Nothing else changed.
    assert_eq!(lib.article(existing.id).unwrap().body, "Mine.");
    assert_eq!(lib.list(&Default::default()).unwrap().len(), 6);
}

#[test]
fn an_atomic_import_is_all_or_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.md"), "---\ntitle: A\n---\nA.\n").unwrap();
    std::fs::write(d.join("b.md"), "---\ntitle: B\n---\nB.\n").unwrap();
    std::fs::write(d.join("c.md"), b"\x89PNG\r\n\x1a\n\0\0\0").unwrap();
    let (_ldir, mut lib) = library();
    let atomic = ImportOptions {
        atomic: true,
        ..keep()
    };
    let report = lib.import_paths(&[d.to_path_buf()], atomic).unwrap();
    assert_eq!(report.failed, 1);
    assert_eq!(report.created, 0);
    assert_eq!(
        file_report(&report, "a.md").outcome,
        ImportOutcome::RolledBack
    );
    let bad = file_report(&report, "c.md");
    assert_eq!(
        bad.error.as_ref().unwrap().code,
        "binary_file",
        "its own reason"
    );
    assert!(
        lib.list(&Default::default()).unwrap().is_empty(),
        "nothing stayed"
    );
    assert!(lib.search("B", 10).unwrap().is_empty());

    std::fs::remove_file(d.join("c.md")).unwrap();
    let report = lib.import_paths(&[d.to_path_buf()], atomic).unwrap();
    assert_eq!(report.created, 2);
}

#[test]
fn a_missing_path_is_reported_not_fatal() {
    let (_ldir, mut lib) = library();
    let report = lib
        .import_paths(
            &[PathBuf::from("/nonexistent/posts"), fixtures("astro")],
            keep(),
        )
        .unwrap();
    assert_eq!(report.failed, 1);
    assert_eq!(report.created, 1);
    assert_eq!(report.files[0].error.as_ref().unwrap().code, "io");
}

/// What must survive import → export as Markdown → import.
fn fields(a: &crate::domain::article::Article) -> impl PartialEq + std::fmt::Debug {
    (
        a.meta.title.clone(),
        a.meta.dek.clone(),
        a.meta.slug.clone(),
        a.meta.authors.clone(),
        a.meta.tags.clone(),
        a.meta.meta_description.clone(),
        a.meta.canonical_url.clone(),
        a.meta.featured_image.clone(),
        a.meta.publish_at,
        a.status,
        a.body.clone(),
        a.faq.iter().map(|f| f.pair()).collect::<Vec<_>>(),
    )
}

fn round_trip(
    lib: &mut Library,
    id: ArticleId,
    format: Format,
    dir: &std::path::Path,
) -> crate::domain::article::Article {
    let exported = lib.render_export(id, format).unwrap();
    // Not `YYYY-MM-DD-…`: such a name gives a post without a date its date.
    let path = dir.join(format!(
        "exported-{}-{}.md",
        lib.article(id).unwrap().meta.slug,
        format.as_str()
    ));
    std::fs::write(&path, &exported.content).unwrap();
    // Into a second library, as a writer moving to another machine would.
    let (_d, mut other) = library();
    let report = other.import_paths(&[path.clone()], keep()).unwrap();
    assert_eq!(report.failed, 0, "{report:#?}\n{}", exported.content);
    let slug = &report.files[0].slug;
    let back = other.find(slug).unwrap();
    // And the kept keys come back out unchanged.
    let again = other.render_export(back.id, format).unwrap();
    assert_eq!(
        again.content, exported.content,
        "a second export is identical"
    );
    back
}

#[test]
fn fixtures_survive_import_export_import() {
    let (_d, mut lib) = library();
    lib.import_paths(
        &[fixtures("")],
        ImportOptions {
            faq: FaqImport::Detect,
            atomic: false,
            ..Default::default()
        },
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    for summary in lib.list(&Default::default()).unwrap() {
        let a = lib.article(summary.id).unwrap();
        for format in [Format::MdYaml, Format::MdToml] {
            let back = round_trip(&mut lib, a.id, format, out.path());
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

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 ]{0,30}",
        "[a-zA-Z0-9 :'\"#\\-\\[\\]{}éß😀,]{0,30}",
        Just("---".to_string()),
        Just("+++".to_string()),
        Just("yes".to_string()),
        Just("2024-05-01".to_string()),
    ]
}

fn one_line_text() -> impl Strategy<Value = String> {
    text().prop_map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 40, ..ProptestConfig::default() })]

    /// Any article the library can hold survives export as Markdown and
    /// import: fields, body and FAQ items.
    #[test]
    fn any_article_round_trips_through_markdown(
        title in one_line_text(),
        dek in one_line_text(),
        tags in proptest::collection::vec("[a-z]{1,8}( [a-z]{1,8})?", 0..4),
        authors in proptest::collection::vec("[A-Z][a-z]{1,8}( [A-Z][a-z]{1,8})?", 0..3),
        description in one_line_text(),
        body in proptest::collection::vec(text(), 0..6).prop_map(|p| p.join("\n\n")),
        faq in proptest::collection::vec((one_line_text(), text()), 0..4),
        status in prop_oneof![Just(Status::Draft), Just(Status::InReview), Just(Status::Ready), Just(Status::Published)],
        dated in any::<bool>(),
        yaml in any::<bool>(),
    ) {
        let (_d, mut lib) = library();
        let id = lib.create_article(&title, &body).unwrap().id;
        lib.set_field(id, crate::domain::article::ArticleField::Dek, &dek).unwrap();
        lib.set_field(id, crate::domain::article::ArticleField::Tags, &tags.join(",")).unwrap();
        lib.set_field(id, crate::domain::article::ArticleField::Authors, &authors.join(",")).unwrap();
        lib.set_field(id, crate::domain::article::ArticleField::MetaDescription, &description).unwrap();
        if dated {
            lib.set_field(id, crate::domain::article::ArticleField::PublishAt, "2026-05-01T09:30:00Z").unwrap();
        }
        let pairs: Vec<QuestionAnswer> = faq.iter().map(|(q, a)| QuestionAnswer::new(q.clone(), a.clone())).collect();
        lib.set_faq(id, &pairs).unwrap();
        lib.set_status(id, status).unwrap();
        let before = lib.article(id).unwrap();
        let out = tempfile::tempdir().unwrap();
        let format = if yaml { Format::MdYaml } else { Format::MdToml };
        let back = round_trip(&mut lib, id, format, out.path());
        prop_assert_eq!(fields(&back), fields(&before));
    }
}

mod blogs;
mod hostile;
mod props;
