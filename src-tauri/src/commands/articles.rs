//! The library list, search, and creating and opening articles.

use byline_core::library::{LibraryCounts, ListQuery, SearchHit};
use byline_core::{Article, ArticleId, ArticleSummary};
use tauri::{AppHandle, Manager};

use super::state;
use crate::ipc::IpcResult;
use crate::state::{Typing, WindowStart};

/// Results shown in the sidebar while the writer types a search.
const SEARCH_LIMIT: usize = 50;

#[tauri::command(async)]
pub fn list_articles(app: AppHandle, query: ListQuery) -> IpcResult<Vec<ArticleSummary>> {
    Ok(state(&app).library().list(&query)?)
}

#[tauri::command(async)]
pub fn library_counts(app: AppHandle) -> IpcResult<LibraryCounts> {
    Ok(state(&app).library().counts()?)
}

#[tauri::command(async)]
pub fn search_articles(app: AppHandle, query: String) -> IpcResult<Vec<SearchHit>> {
    Ok(state(&app).library().search(&query, SEARCH_LIMIT)?)
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
    let article = state.library_after_typing(Typing::Of(id))?.article(id)?;
    state.opened(id);
    show_in_title(&app, &article);
    Ok(article)
}

/// The window's title names the open article, as a desktop editor's does
/// (and the task switcher shows it).
fn show_in_title(app: &AppHandle, article: &Article) {
    if let Some(window) = app.get_webview_window("main") {
        let title = if article.meta.title.trim().is_empty() {
            "Untitled"
        } else {
            article.meta.title.trim()
        };
        let _ = window.set_title(&format!("{title} — Byline"));
    }
}

/// What the window shows first: after its page died and was reloaded, the
/// article it showed, with a notice of what happened.
#[tauri::command(async)]
pub fn window_start(app: AppHandle) -> IpcResult<WindowStart> {
    Ok(state(&app).window_start())
}

#[tauri::command(async)]
pub fn rename_article(app: AppHandle, id: ArticleId, title: String) -> IpcResult<Article> {
    let state = state(&app);
    let article = state
        .library_after_typing(Typing::Of(id))?
        .rename_article(id, &title)?;
    if state.is_open(id) {
        show_in_title(&app, &article);
    }
    Ok(article)
}
