//! What the editor shows beside the text: the preview, the counts of a
//! selection, and Markdown from pasted rich text.

use byline_core::library::check_body;
use byline_core::transform::render::Preview;
use byline_core::transform::text_stats::TextStats;
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;

/// `since` is the generation of the preview the window shows; blocks it
/// already has come back without their HTML.
#[tauri::command(async)]
pub fn render_preview(app: AppHandle, markdown: String, since: Option<u32>) -> IpcResult<Preview> {
    check_body(&markdown)?;
    Ok(state(&app).previewer().render(&markdown, since))
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
