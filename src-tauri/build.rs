// Declaring the app's commands makes each one a permission (`allow-NAME`) that
// a capability in tauri.conf.json must grant: the window gets exactly the
// commands it is given, no more. The list must match the table in
// src/ipc.rs; a test checks that it does.
const COMMANDS: &[&str] = &[
    "list_articles",
    "preview_export",
    "export_article",
    "export_site",
    "import_paths",
    "import_dialog",
    "article_faq",
    "add_faq_item",
    "update_faq_item",
    "move_faq_item",
    "remove_faq_item",
    "restore_faq_item",
    "set_faq_structured_data",
    "share_faq_item",
    "detach_faq_item",
    "faq_blocks",
    "insert_faq_block",
    "delete_faq_block",
    "detect_faq",
    "convert_faq_section",
    "render_answer",
    "site_settings",
    "set_site_settings",
    "library_counts",
    "create_article",
    "open_article",
    "stage_body",
    "rename_article",
    "set_field",
    "check_slug",
    "render_preview",
    "store_image",
    "article_history",
    "compare_revisions",
    "restore_revision",
    "snapshot_article",
    "label_revision",
    "article_updates",
    "add_correction",
    "remove_correction",
    "text_stats",
    "html_to_markdown",
    "search_articles",
    "set_status",
    "status_history",
    "trash_article",
    "restore_article",
    "delete_forever",
    "empty_trash",
    "duplicate_article",
    "flush_saves",
    "quit",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri-build failed");
}
