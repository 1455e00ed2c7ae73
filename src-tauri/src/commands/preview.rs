//! What the editor shows beside the text: the preview, the counts of a
//! selection, and Markdown from pasted rich text.

use byline_core::library::check_body;
use byline_core::transform::render::Preview;
use byline_core::transform::text_edit::{BodyEdit, Taken, Typed};
use byline_core::transform::text_stats::TextStats;
use byline_core::ArticleId;
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;

/// `markdown` is the body of `article` as typed; `since` is the generation
/// of the preview the window shows, whose blocks come back without HTML.
#[tauri::command(async)]
pub fn render_preview(
    app: AppHandle,
    article: ArticleId,
    markdown: String,
    since: Option<u32>,
) -> IpcResult<Preview> {
    check_body(&markdown)?;
    Ok(state(&app).previewer(article).render(&markdown, since))
}

/// One keystroke, in one call: stages the text for autosave (as
/// `stage_body` does, with the same `seq` and `base`) and, when `render`,
/// returns the preview (as `render_preview` does, with `since`). Once the
/// backend holds the article's text, `edit` carries only the editor's
/// changes; if they were not made on the text it holds, nothing is done and
/// the window sends the whole text (`Typed::Resend`).
#[tauri::command(async)]
pub fn type_body(
    app: AppHandle,
    id: ArticleId,
    seq: u64,
    base: String,
    edit: BodyEdit,
    since: Option<u32>,
    render: bool,
) -> IpcResult<Typed> {
    super::autosave::check_base(&base)?;
    if let BodyEdit::Whole { body } = &edit {
        check_body(body)?;
    }
    let state = state(&app);
    let mut draft = state.draft();
    match draft.take(id, seq, edit) {
        Taken::Stale => return Ok(Typed::Stale),
        Taken::Resend => return Ok(Typed::Resend),
        Taken::Same => {}
        Taken::Changed => {
            let text = draft.text(id).unwrap_or_default();
            check_body(text)?;
            state.stage_typing(id, text.to_owned(), seq, base);
        }
    }
    let preview = render.then(|| {
        let text = draft.text(id).unwrap_or_default();
        state.previewer(id).render(text, since)
    });
    Ok(Typed::Staged { preview })
}

/// The writer chose "Load images" in the preview: images from other sites
/// load for `article` until the app quits.
#[tauri::command(async)]
pub fn load_remote_images(app: AppHandle, article: ArticleId) -> IpcResult<()> {
    state(&app).load_remote_images(article);
    Ok(())
}

/// The page's header (headline, dek, credit, featured image) exactly as
/// the HTML export writes it, with `title` as typed, for the top of the
/// preview. Only the image's address is the window's.
#[tauri::command(async)]
pub fn preview_header(app: AppHandle, article: ArticleId, title: String) -> IpcResult<String> {
    Ok(state(&app).preview_header(article, &title)?)
}

/// Plain text pasted into the editor, given its structure back (title,
/// headings, callouts, FAQ, links, site chrome left out), for the window to
/// offer; nothing changes until the writer takes it.
#[tauri::command(async)]
pub fn structure_text(_app: AppHandle, text: String) -> IpcResult<PastedArticle> {
    check_body(&text)?;
    let structured = byline_core::transform::plain_article::structure(&text);
    Ok(PastedArticle {
        looks_like_article: structured.looks_like_article(),
        body: structured.body_with_faq(),
        title: structured.title,
        changes: structured.changes,
    })
}

/// What [`structure_text`] makes of a paste.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct PastedArticle {
    /// Only then is the structure offered.
    pub looks_like_article: bool,
    pub title: String,
    /// Markdown; a FAQ is a section at its end.
    pub body: String,
    pub changes: Vec<byline_core::transform::plain_article::StructureChange>,
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
