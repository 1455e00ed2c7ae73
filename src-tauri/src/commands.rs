//! The Tauri commands: each validates its input, calls the core and maps the
//! error. No logic lives here that the CLI would also need.
//!
//! Every command takes the `AppHandle` first so the table in `ipc.rs` can
//! check its signature, and runs off the main thread (`async`) so a slow disk
//! never freezes the window.

use byline_core::domain::article::ArticleField;
use byline_core::domain::correction::Updates;
use byline_core::domain::faq::{FaqBlock, FaqBlockId, FaqItemId, QuestionAnswer};
use byline_core::domain::revision::RevisionInfo;
use byline_core::domain::site_settings::SiteSettings;
use byline_core::library::RemovedFaqItem;
use byline_core::library::{
    check_body, LibraryCounts, ListQuery, SearchHit, SlugCheck, StoredImage, MAX_IMAGE_BYTES,
};
use byline_core::transform::diff::Comparison;
use byline_core::transform::export::Format;
use byline_core::transform::faq::detect::DetectedFaq;
use byline_core::transform::faq::FaqView;
use byline_core::transform::render::Preview;
use byline_core::transform::text_stats::TextStats;
use byline_core::usecases::article_export::{Exported, WrittenExport};
use byline_core::usecases::import::{ImportOptions, ImportReport};
use byline_core::usecases::mirror_rules::{ConflictChoice, MirrorConflict};
use byline_core::usecases::site_export::SiteExport;
use byline_core::{Article, ArticleId, ArticleSummary, Status, StatusChange};
use tauri::{AppHandle, Manager};

use crate::app::AppState;
use crate::ipc::IpcResult;

fn state(app: &AppHandle) -> tauri::State<'_, AppState> {
    app.state::<AppState>()
}

#[tauri::command(async)]
pub fn list_articles(app: AppHandle, query: ListQuery) -> IpcResult<Vec<ArticleSummary>> {
    Ok(state(&app).library().list(&query)?)
}

#[tauri::command(async)]
pub fn library_counts(app: AppHandle) -> IpcResult<LibraryCounts> {
    Ok(state(&app).library().counts()?)
}

#[tauri::command(async)]
pub fn create_article(app: AppHandle) -> IpcResult<Article> {
    Ok(state(&app).library().create_article("", "")?)
}

/// Reads an article as the writer last left it: any edit still waiting for
/// autosave is written first, so the window never loads stale text.
#[tauri::command(async)]
pub fn open_article(app: AppHandle, id: ArticleId) -> IpcResult<Article> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let article = state.library().article(id)?;
    Ok(article)
}

/// Hands the editor's text to autosave. Cheap: it is called on every change.
/// `seq` numbers the edit so the window can match the autosave event to it;
/// `base` is the `body_hash` of the article as the editor loaded it, so a
/// body changed elsewhere meanwhile is never written over.
#[tauri::command(async)]
pub fn stage_body(
    app: AppHandle,
    id: ArticleId,
    body: String,
    seq: u64,
    base: String,
) -> IpcResult<()> {
    check_body(&body)?;
    if base.len() != 64 || !base.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(byline_core::Error::invalid("base", "is not a body fingerprint").into());
    }
    state(&app).autosaver.stage(id, body, seq, base);
    Ok(())
}

#[tauri::command(async)]
pub fn rename_article(app: AppHandle, id: ArticleId, title: String) -> IpcResult<Article> {
    Ok(state(&app).library().rename_article(id, &title)?)
}

/// Sets one metadata field from the Details panel, with the same rules as
/// `byline set`. Pending body edits are untouched: they are another column.
#[tauri::command(async)]
pub fn set_field(
    app: AppHandle,
    id: ArticleId,
    field: ArticleField,
    value: String,
) -> IpcResult<Article> {
    Ok(state(&app).library().set_field(id, field, &value)?)
}

/// Whether a slug being typed is free, so a clash shows before saving.
#[tauri::command(async)]
pub fn check_slug(app: AppHandle, id: ArticleId, slug: String) -> IpcResult<SlugCheck> {
    Ok(state(&app).library().check_slug(id, &slug)?)
}

/// Counts for a piece of text (the editor's selection), by the same rules
/// as the whole article's.
#[tauri::command(async)]
pub fn text_stats(_app: AppHandle, text: String) -> IpcResult<TextStats> {
    check_body(&text)?;
    Ok(byline_core::transform::text_stats::stats(&text))
}

/// Rich text from the clipboard (a web page, a word processor) as Markdown,
/// for the editor to insert in place of the HTML.
#[tauri::command(async)]
pub fn html_to_markdown(_app: AppHandle, html: String) -> IpcResult<String> {
    Ok(byline_core::transform::html_paste::html_to_markdown(&html)?)
}

/// `since` is the generation of the preview the window shows; blocks it
/// already has come back without their HTML.
#[tauri::command(async)]
pub fn render_preview(app: AppHandle, markdown: String, since: Option<u32>) -> IpcResult<Preview> {
    check_body(&markdown)?;
    Ok(state(&app).previewer().render(&markdown, since))
}

/// The article's revisions, newest first. Pending typing is written first,
/// so a checkpoint it triggers is in the list.
#[tauri::command(async)]
pub fn article_history(app: AppHandle, id: ArticleId) -> IpcResult<Vec<RevisionInfo>> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let history = state.library().history(id)?;
    Ok(history)
}

/// Revision `from` against revision `to`, or against the text as it is now.
#[tauri::command(async)]
pub fn compare_revisions(
    app: AppHandle,
    id: ArticleId,
    from: u32,
    to: Option<u32>,
) -> IpcResult<Comparison> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let comparison = state.library().compare_revisions(id, from, to)?;
    Ok(comparison)
}

#[tauri::command(async)]
pub fn restore_revision(app: AppHandle, id: ArticleId, number: u32) -> IpcResult<Article> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let article = state.library().restore_revision(id, number)?;
    Ok(article)
}

#[tauri::command(async)]
pub fn snapshot_article(app: AppHandle, id: ArticleId, label: String) -> IpcResult<RevisionInfo> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let info = state.library().snapshot(id, &label)?;
    Ok(info)
}

#[tauri::command(async)]
pub fn label_revision(
    app: AppHandle,
    id: ArticleId,
    number: u32,
    label: String,
) -> IpcResult<RevisionInfo> {
    Ok(state(&app).library().label_revision(id, number, &label)?)
}

/// The article's corrections and the "Updates" HTML for the preview.
#[tauri::command(async)]
pub fn article_updates(app: AppHandle, id: ArticleId) -> IpcResult<Updates> {
    Ok(state(&app).library().updates(id)?)
}

#[tauri::command(async)]
pub fn add_correction(app: AppHandle, id: ArticleId, note: String) -> IpcResult<Updates> {
    let state = state(&app);
    let mut library = state.library();
    library.add_correction(id, &note)?;
    Ok(library.updates(id)?)
}

#[tauri::command(async)]
pub fn remove_correction(app: AppHandle, id: ArticleId, correction: i64) -> IpcResult<Updates> {
    let state = state(&app);
    let mut library = state.library();
    library.remove_correction(id, correction)?;
    Ok(library.updates(id)?)
}

/// The article's FAQ as the panel and the preview show it.
fn faq_view(app: &AppHandle, id: ArticleId) -> IpcResult<FaqView> {
    let state = state(app);
    let library = state.library();
    let article = library.article(id)?;
    let site = library.site_settings()?;
    Ok(FaqView::new(&article, &site, Some(crate::app::ASSET_BASE)))
}

#[tauri::command(async)]
pub fn article_faq(app: AppHandle, id: ArticleId) -> IpcResult<FaqView> {
    faq_view(&app, id)
}

#[tauri::command(async)]
pub fn add_faq_item(
    app: AppHandle,
    id: ArticleId,
    item: QuestionAnswer,
    position: Option<u32>,
) -> IpcResult<FaqView> {
    state(&app).library().add_faq_item(id, &item, position)?;
    faq_view(&app, id)
}

#[tauri::command(async)]
pub fn update_faq_item(
    app: AppHandle,
    id: ArticleId,
    item: FaqItemId,
    text: QuestionAnswer,
) -> IpcResult<FaqView> {
    state(&app).library().update_faq_item(item, &text)?;
    faq_view(&app, id)
}

#[tauri::command(async)]
pub fn move_faq_item(
    app: AppHandle,
    id: ArticleId,
    item: FaqItemId,
    position: u32,
) -> IpcResult<FaqView> {
    state(&app).library().move_faq_item(item, position)?;
    faq_view(&app, id)
}

/// Removes an item; what comes back is what the window's Undo hands to
/// `restore_faq_item`.
#[tauri::command(async)]
pub fn remove_faq_item(app: AppHandle, item: FaqItemId) -> IpcResult<RemovedFaqItem> {
    Ok(state(&app).library().remove_faq_item(item)?)
}

#[tauri::command(async)]
pub fn restore_faq_item(app: AppHandle, removed: RemovedFaqItem) -> IpcResult<FaqView> {
    state(&app).library().restore_faq_item(&removed)?;
    faq_view(&app, removed.article)
}

#[tauri::command(async)]
pub fn set_faq_structured_data(app: AppHandle, id: ArticleId, on: bool) -> IpcResult<FaqView> {
    state(&app).library().set_faq_structured_data(id, on)?;
    faq_view(&app, id)
}

#[tauri::command(async)]
pub fn share_faq_item(app: AppHandle, id: ArticleId, item: FaqItemId) -> IpcResult<FaqView> {
    state(&app).library().share_faq_item(item)?;
    faq_view(&app, id)
}

#[tauri::command(async)]
pub fn detach_faq_item(app: AppHandle, id: ArticleId, item: FaqItemId) -> IpcResult<FaqView> {
    state(&app).library().detach_faq_item(item)?;
    faq_view(&app, id)
}

#[tauri::command(async)]
pub fn faq_blocks(app: AppHandle) -> IpcResult<Vec<FaqBlock>> {
    Ok(state(&app).library().faq_blocks()?)
}

#[tauri::command(async)]
pub fn insert_faq_block(
    app: AppHandle,
    id: ArticleId,
    block: FaqBlockId,
    position: Option<u32>,
) -> IpcResult<FaqView> {
    state(&app)
        .library()
        .insert_faq_block(id, block, position)?;
    faq_view(&app, id)
}

#[tauri::command(async)]
pub fn delete_faq_block(app: AppHandle, block: FaqBlockId) -> IpcResult<Vec<FaqBlock>> {
    let state = state(&app);
    let mut library = state.library();
    library.delete_faq_block(block)?;
    Ok(library.faq_blocks()?)
}

/// Whether Markdown (the editor's text after a paste, or an opened
/// article) ends with a FAQ section that could become FAQ items.
#[tauri::command(async)]
pub fn detect_faq(_app: AppHandle, markdown: String) -> IpcResult<Option<DetectedFaq>> {
    check_body(&markdown)?;
    Ok(byline_core::transform::faq::detect::detect(&markdown))
}

/// Turns the FAQ section at the end of the body into FAQ items. Pending
/// typing is written first, so the section converted is the one on screen.
#[tauri::command(async)]
pub fn convert_faq_section(app: AppHandle, id: ArticleId) -> IpcResult<Article> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let article = state.library().convert_faq_section(id)?;
    Ok(article)
}

/// A FAQ answer's Markdown as the preview shows it, for the panel.
#[tauri::command(async)]
pub fn render_answer(_app: AppHandle, markdown: String) -> IpcResult<String> {
    if markdown.len() > byline_core::domain::faq::MAX_ANSWER_BYTES {
        return Err(byline_core::Error::invalid("answer", "is too long to preview").into());
    }
    Ok(byline_core::transform::render::fragment(
        &markdown,
        Some(crate::app::ASSET_BASE),
    ))
}

/// An export as it would be written, for the export dialog's summary and
/// "Copy as HTML" (the fragment). Pending typing is written first.
#[tauri::command(async)]
pub fn preview_export(app: AppHandle, id: ArticleId, format: Format) -> IpcResult<Exported> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let exported = state.library().render_export(id, format)?;
    Ok(exported)
}

/// Asks where to save (the native dialog, opened by Rust so the window
/// never names a path), then writes the export there with its images.
/// `None` when the writer cancels.
#[tauri::command(async)]
pub fn export_article(
    app: AppHandle,
    id: ArticleId,
    format: Format,
) -> IpcResult<Option<WrittenExport>> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let file_name = state.library().render_export(id, format)?.file_name;
    let Some(path) = crate::dialogs::save_file(&app, &file_name, format) else {
        return Ok(None);
    };
    let written = state.library().export_to_file(id, format, &path)?;
    Ok(Some(written))
}

/// Asks for a folder, then exports every article with `status` (all when
/// `None`) there as a static site.
#[tauri::command(async)]
pub fn export_site(app: AppHandle, status: Option<Status>) -> IpcResult<Option<SiteExport>> {
    let state = state(&app);
    state.autosaver.flush()?;
    let Some(dir) = crate::dialogs::pick_folder(&app, "Export the site into a folder") else {
        return Ok(None);
    };
    let report = state.library().export_site(&dir, status)?;
    Ok(Some(report))
}

/// Files or folders dropped on the window.
#[tauri::command(async)]
pub fn import_paths(
    app: AppHandle,
    paths: Vec<String>,
    options: ImportOptions,
) -> IpcResult<ImportReport> {
    if paths.is_empty() || paths.len() > 10_000 {
        return Err(
            byline_core::Error::invalid("import", "needs between 1 and 10,000 paths").into(),
        );
    }
    let paths: Vec<std::path::PathBuf> = paths.into_iter().map(Into::into).collect();
    let state = state(&app);
    state.autosaver.flush()?;
    let report = state.library().import_paths(&paths, options)?;
    Ok(report)
}

/// "Import…": asks for Markdown files (or a folder, when `folder`), then
/// imports them. `None` when the writer cancels.
#[tauri::command(async)]
pub fn import_dialog(
    app: AppHandle,
    folder: bool,
    options: ImportOptions,
) -> IpcResult<Option<ImportReport>> {
    let paths = if folder {
        crate::dialogs::pick_folder(&app, "Import a folder of Markdown").map(|p| vec![p])
    } else {
        crate::dialogs::pick_markdown_files(&app)
    };
    let Some(paths) = paths else {
        return Ok(None);
    };
    let state = state(&app);
    state.autosaver.flush()?;
    let report = state.library().import_paths(&paths, options)?;
    Ok(Some(report))
}

/// The folder mirror as the settings panel shows it.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct MirrorStatus {
    /// The folder, when the mirror is on.
    pub folder: Option<String>,
    pub running: bool,
    pub conflicts: Vec<MirrorConflict>,
    /// The last thing the mirror could not do.
    pub error: Option<String>,
}

fn mirror_status_of(app: &AppHandle) -> IpcResult<MirrorStatus> {
    let state = state(app);
    let running = state
        .mirror
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .is_some();
    let error = state
        .mirror_error
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .clone();
    let library = state.library();
    let status = MirrorStatus {
        folder: library.mirror_folder()?.map(|f| f.display().to_string()),
        running,
        conflicts: library.mirror_conflicts()?,
        error,
    };
    Ok(status)
}

#[tauri::command(async)]
pub fn mirror_status(app: AppHandle) -> IpcResult<MirrorStatus> {
    mirror_status_of(&app)
}

/// Asks for a folder (the native dialog) and mirrors the library there.
#[tauri::command(async)]
pub fn choose_mirror_folder(app: AppHandle) -> IpcResult<MirrorStatus> {
    if let Some(folder) = crate::dialogs::pick_folder(&app, "Mirror the library into a folder") {
        state(&app).autosaver.flush()?;
        crate::app::start_mirror(&app, &folder)?;
    }
    mirror_status_of(&app)
}

/// Turns the mirror off. The files stay where they are.
#[tauri::command(async)]
pub fn stop_mirror(app: AppHandle) -> IpcResult<MirrorStatus> {
    let state = state(&app);
    if let Some(mirror) = state
        .mirror
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
        .take()
    {
        mirror.stop();
    }
    state.library().set_mirror_folder(None)?;
    mirror_status_of(&app)
}

/// The writer's choice after a conflict between the window and the file.
#[tauri::command(async)]
pub fn resolve_mirror_conflict(
    app: AppHandle,
    id: ArticleId,
    choice: ConflictChoice,
) -> IpcResult<Article> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let article = state.library().resolve_mirror_conflict(id, choice)?;
    Ok(article)
}

#[tauri::command(async)]
pub fn site_settings(app: AppHandle) -> IpcResult<SiteSettings> {
    Ok(state(&app).library().site_settings()?)
}

#[tauri::command(async)]
pub fn set_site_settings(app: AppHandle, settings: SiteSettings) -> IpcResult<SiteSettings> {
    Ok(state(&app).library().set_site_settings(&settings)?)
}

/// An image dropped or pasted into the editor, its bytes as base64 (one
/// string crosses IPC far faster than a JSON array of numbers).
#[tauri::command(async)]
pub fn store_image(app: AppHandle, name: String, data: String) -> IpcResult<StoredImage> {
    use base64::Engine as _;
    if name.chars().count() > 255 {
        return Err(
            byline_core::Error::invalid("image name", "is longer than 255 characters").into(),
        );
    }
    // Checked before decoding so a huge paste is refused without a copy.
    if data.len() / 4 * 3 > MAX_IMAGE_BYTES + 3 {
        return Err(byline_core::Error::UnsupportedImage {
            name,
            reason: format!(
                "it is larger than the {} MB limit",
                MAX_IMAGE_BYTES / 1_048_576
            ),
        }
        .into());
    }
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(data.as_bytes())
        .map_err(|e| byline_core::Error::UnsupportedImage {
            name: name.clone(),
            reason: format!("its data did not arrive intact ({e})"),
        })?;
    Ok(state(&app).library().store_image(&name, &bytes)?)
}

#[tauri::command(async)]
pub fn set_status(app: AppHandle, id: ArticleId, status: Status) -> IpcResult<Article> {
    Ok(state(&app).library().set_status(id, status)?)
}

#[tauri::command(async)]
pub fn status_history(app: AppHandle, id: ArticleId) -> IpcResult<Vec<StatusChange>> {
    Ok(state(&app).library().status_history(id)?)
}

/// Moves an article to the trash after writing any pending edit, so the
/// text in the trash is the text the writer last saw.
#[tauri::command(async)]
pub fn trash_article(app: AppHandle, id: ArticleId) -> IpcResult<ArticleSummary> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let trashed = state.library().trash(id)?.summary();
    Ok(trashed)
}

#[tauri::command(async)]
pub fn restore_article(app: AppHandle, id: ArticleId) -> IpcResult<ArticleSummary> {
    Ok(state(&app).library().restore(id)?.summary())
}

#[tauri::command(async)]
pub fn delete_forever(app: AppHandle, id: ArticleId) -> IpcResult<()> {
    Ok(state(&app).library().delete_forever(id)?)
}

#[tauri::command(async)]
pub fn empty_trash(app: AppHandle) -> IpcResult<u32> {
    let deleted = state(&app).library().empty_trash()?;
    Ok(u32::try_from(deleted).unwrap_or(u32::MAX))
}

#[tauri::command(async)]
pub fn duplicate_article(app: AppHandle, id: ArticleId) -> IpcResult<Article> {
    let state = state(&app);
    state.autosaver.flush_article(id)?;
    let copy = state.library().duplicate(id)?;
    Ok(copy)
}

/// Results shown in the sidebar while the writer types a search.
const SEARCH_LIMIT: usize = 50;

#[tauri::command(async)]
pub fn search_articles(app: AppHandle, query: String) -> IpcResult<Vec<SearchHit>> {
    Ok(state(&app).library().search(&query, SEARCH_LIMIT)?)
}

#[tauri::command(async)]
pub fn flush_saves(app: AppHandle) -> IpcResult<()> {
    Ok(state(&app).autosaver.flush()?)
}

/// Quits after writing every pending edit. If that write fails the app stays
/// open, so the text is still on screen and the error is shown.
#[tauri::command(async)]
pub fn quit(app: AppHandle) -> IpcResult<()> {
    state(&app).autosaver.flush()?;
    app.exit(0);
    Ok(())
}
