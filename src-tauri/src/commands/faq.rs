//! An article's FAQ items, the library's shared FAQ blocks, and turning a
//! FAQ section written in the body into items. Every change returns the
//! FAQ as the panel and the preview show it.

use byline_core::domain::faq::{FaqBlock, FaqBlockId, FaqItemId, QuestionAnswer};
use byline_core::library::{check_body, RemovedFaqItem};
use byline_core::transform::faq::detect::DetectedFaq;
use byline_core::transform::faq::FaqView;
use byline_core::{Article, ArticleId, Library};
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::state::Typing;

/// The article's FAQ as the panel and the preview show it, read with the
/// lock the change took, so no other write comes between.
fn faq_view(app: &AppHandle, library: &Library, id: ArticleId) -> IpcResult<FaqView> {
    let article = library.article(id)?;
    let site = library.site_settings()?;
    Ok(FaqView::new(
        &article,
        &site,
        state(app).window_images(Some(id)),
    ))
}

#[tauri::command(async)]
pub fn article_faq(app: AppHandle, id: ArticleId) -> IpcResult<FaqView> {
    let library = state(&app).library_after_typing(Typing::Of(id))?;
    faq_view(&app, &library, id)
}

#[tauri::command(async)]
pub fn add_faq_item(
    app: AppHandle,
    id: ArticleId,
    item: QuestionAnswer,
    position: Option<u32>,
) -> IpcResult<FaqView> {
    let mut library = state(&app).library_after_typing(Typing::Of(id))?;
    library.add_faq_item(id, &item, position)?;
    faq_view(&app, &library, id)
}

#[tauri::command(async)]
pub fn update_faq_item(
    app: AppHandle,
    id: ArticleId,
    item: FaqItemId,
    text: QuestionAnswer,
) -> IpcResult<FaqView> {
    let mut library = state(&app).library_after_typing(Typing::Of(id))?;
    library.update_faq_item(item, &text)?;
    faq_view(&app, &library, id)
}

#[tauri::command(async)]
pub fn move_faq_item(
    app: AppHandle,
    id: ArticleId,
    item: FaqItemId,
    position: u32,
) -> IpcResult<FaqView> {
    let mut library = state(&app).library_after_typing(Typing::Of(id))?;
    library.move_faq_item(item, position)?;
    faq_view(&app, &library, id)
}

/// Removes an item; what comes back is what the window's Undo hands to
/// `restore_faq_item`. The window names only the item, not its article,
/// so every article's pending typing is written.
#[tauri::command(async)]
pub fn remove_faq_item(app: AppHandle, item: FaqItemId) -> IpcResult<RemovedFaqItem> {
    Ok(state(&app)
        .library_after_typing(Typing::All)?
        .remove_faq_item(item)?)
}

#[tauri::command(async)]
pub fn restore_faq_item(app: AppHandle, removed: RemovedFaqItem) -> IpcResult<FaqView> {
    let mut library = state(&app).library_after_typing(Typing::Of(removed.article))?;
    library.restore_faq_item(&removed)?;
    faq_view(&app, &library, removed.article)
}

#[tauri::command(async)]
pub fn set_faq_structured_data(app: AppHandle, id: ArticleId, on: bool) -> IpcResult<FaqView> {
    let mut library = state(&app).library_after_typing(Typing::Of(id))?;
    library.set_faq_structured_data(id, on)?;
    faq_view(&app, &library, id)
}

#[tauri::command(async)]
pub fn share_faq_item(app: AppHandle, id: ArticleId, item: FaqItemId) -> IpcResult<FaqView> {
    let mut library = state(&app).library_after_typing(Typing::Of(id))?;
    library.share_faq_item(item)?;
    faq_view(&app, &library, id)
}

#[tauri::command(async)]
pub fn detach_faq_item(app: AppHandle, id: ArticleId, item: FaqItemId) -> IpcResult<FaqView> {
    let mut library = state(&app).library_after_typing(Typing::Of(id))?;
    library.detach_faq_item(item)?;
    faq_view(&app, &library, id)
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
    let mut library = state(&app).library_after_typing(Typing::Of(id))?;
    library.insert_faq_block(id, block, position)?;
    faq_view(&app, &library, id)
}

/// Deletes a shared block from Settings; the articles that used it keep
/// their copies, so no article's text changes and nothing is flushed.
#[tauri::command(async)]
pub fn delete_faq_block(app: AppHandle, block: FaqBlockId) -> IpcResult<Vec<FaqBlock>> {
    let mut library = state(&app).library();
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
    Ok(state(&app)
        .library_after_typing(Typing::Of(id))?
        .convert_faq_section(id)?)
}

/// A FAQ answer's Markdown as the preview shows it, for the panel (and the
/// site's boilerplate for Settings, which belongs to no `article`).
#[tauri::command(async)]
pub fn render_answer(
    app: AppHandle,
    article: Option<ArticleId>,
    markdown: String,
) -> IpcResult<String> {
    if markdown.len() > byline_core::domain::faq::MAX_ANSWER_BYTES {
        return Err(byline_core::Error::invalid("answer", "is too long to preview").into());
    }
    let state = state(&app);
    let site = state.library().site_settings()?;
    Ok(byline_core::transform::render::fragment(
        &markdown,
        state.window_images(article),
        byline_core::transform::render::Typography::of(&site),
    ))
}
