use std::path::Path;

use super::*;

fn library(dir: &Path) -> Library {
    let mut lib = Library::open(dir.join("library.byline")).unwrap();
    let a = lib
        .create_article("Harbour ferries", "The zebra crossing by the pier.")
        .unwrap();
    lib.snapshot(a.id, "first").unwrap();
    lib.save_body(a.id, "The zebra crossing by the pier, repainted.")
        .unwrap();
    lib.snapshot(a.id, "second").unwrap();
    lib
}

fn problems<'a>(report: &'a DoctorReport, name: &str) -> &'a [String] {
    &report
        .checks
        .iter()
        .find(|c| c.name == name)
        .unwrap_or_else(|| panic!("no check {name}: {report:#?}"))
        .problems
}

#[test]
fn a_sound_library_passes_every_check() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    let report = check(&lib).unwrap();
    assert!(report.ok(), "{report:#?}");
    assert_eq!(report.checks.len(), 4);
}

#[test]
fn a_search_index_out_of_step_is_found_and_rebuilt_after_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let article = lib.find("harbour-ferries").unwrap();
    // Take the article out of the index behind the triggers' back.
    lib.conn
        .execute(
            "INSERT INTO articles_fts (articles_fts, rowid, title, dek, body, faq_text)
             SELECT 'delete', id, title, dek, body, faq_text FROM articles WHERE id = ?1",
            [article.id.0],
        )
        .unwrap();
    assert!(lib.search("zebra", 10).unwrap().is_empty());
    let report = check(&lib).unwrap();
    assert!(!report.ok());
    assert!(report.repairable());
    assert_eq!(problems(&report, "Search index").len(), 1, "{report:#?}");

    let repair = repair(&mut lib, Utc::now()).unwrap();
    assert!(repair.after.ok(), "{:#?}", repair.after);
    assert_eq!(repair.rebuilt, vec!["the search index".to_string()]);
    assert_eq!(repair.backup.reason, BackupReason::BeforeRepair);
    assert!(Path::new(&repair.backup.path).exists());
    assert_eq!(lib.search("zebra", 10).unwrap().len(), 1);
}

#[test]
fn a_revision_that_fails_its_checksum_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library(dir.path());
    lib.conn
        .execute("UPDATE revisions SET checksum = 'bad' WHERE number = 2", [])
        .unwrap();
    let report = check(&lib).unwrap();
    let found = problems(&report, "Revisions");
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].contains("revision 2 of \"Harbour ferries\""),
        "{found:?}"
    );
    assert!(found[0].contains("checksum"), "{found:?}");
    assert!(!report.repairable());
}

#[test]
fn a_missing_or_damaged_image_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = library(dir.path());
    let png = b"\x89PNG\r\n\x1a\n0000000000000000";
    let stored = lib.store_image("pier.png", png).unwrap();
    let other = lib
        .store_image("dock.png", b"\x89PNG\r\n\x1a\n1111")
        .unwrap();
    lib.create_article(
        "Pier",
        &format!("![pier]({})\n![dock]({})", stored.path, other.path),
    )
    .unwrap();
    let file = stored.path.trim_start_matches("assets/");
    lib.conn
        .execute("DELETE FROM assets WHERE name = ?1", [file])
        .unwrap();
    lib.conn
        .execute("UPDATE assets SET bytes = x'00'", [])
        .unwrap();
    let report = check(&lib).unwrap();
    let found = problems(&report, "Images");
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].contains("\"Pier\" shows the image") && found[0].contains(file),
        "{found:?}"
    );
    assert!(found[1].contains("is damaged"), "{found:?}");
}
