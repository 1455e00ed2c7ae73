//! The library list, search, and creating and opening articles.

use byline_core::library::{check_body, LibraryCounts, ListQuery, SearchHit};
use byline_core::transform::render::Preview;
use byline_core::{Article, ArticleId, ArticleSummary, ErrorCode, ErrorInfo};
use tauri::{AppHandle, Manager};

use super::state;
use crate::ipc::{IpcError, IpcResult};
use crate::state::{AppState, Typing};

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
    open(&app, state(&app), id)
}

fn open(app: &AppHandle, state: &AppState, id: ArticleId) -> IpcResult<Article> {
    let article = state.library_after_typing(Typing::Of(id))?.article(id)?;
    state.opened(id);
    show_in_title(app, &article);
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

/// What a page that just loaded shows first, in one answer: the list's
/// first page for `query`, and the article it opens with its preview
/// rendered. The page builds its first frame from it, so a writer's first
/// sight is their article, not an empty window filling in piece by piece.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct WindowStart {
    pub page: Vec<ArticleSummary>,
    /// The article the window opens: the one it showed before its page
    /// was reloaded, or else the list's first; `None` for an empty list.
    pub opened: Option<OpenedArticle>,
    /// Why that article could not be opened (the list still shows).
    pub open_failed: Option<ErrorInfo>,
    /// Why the page was reloaded, in words for the writer; `None` normally.
    pub notice: Option<String>,
}

/// An article as the window opens it: its text, and the preview and the
/// page header as `render_preview` and `preview_header` give them.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct OpenedArticle {
    pub article: Article,
    /// `None` for a body too long to preview: the article still opens,
    /// and the window's own preview call says why.
    pub preview: Option<Preview>,
    pub header: String,
}

#[tauri::command(async)]
pub fn window_start(app: AppHandle, query: ListQuery) -> IpcResult<WindowStart> {
    // Asked for beside `library_problem`, as the page's script starts: a
    // library that did not open has no state to start from.
    let Some(state) = app.try_state::<AppState>() else {
        return Err(IpcError(ErrorInfo {
            code: ErrorCode::LibraryUnavailable,
            message: "The library did not open, so there is no article to show.".into(),
        }));
    };
    let state = state.inner();
    let start = state.page_start();
    let page = state.library().list(&query)?;
    let (opened, open_failed) = match start.reopen.or(page.first().map(|a| a.id)) {
        None => (None, None),
        Some(id) => match open_with_preview(&app, state, id) {
            Ok(opened) => (Some(opened), None),
            Err(IpcError(err)) => (None, Some(err)),
        },
    };
    Ok(WindowStart {
        page,
        opened,
        open_failed,
        notice: start.notice,
    })
}

/// The page has put its first frame up (see main.ts). What would have held
/// that frame back starts now: the spell checker, whose dictionaries load
/// on the main thread that also carries the page's requests (30–50 ms of
/// every start, measured, and now and then half a second). The writer
/// cannot type before the frame, so spelling is still checked from the
/// first keystroke; the settings panel asks what the engine loaded.
#[tauri::command(async)]
pub fn window_shown(app: AppHandle) -> IpcResult<()> {
    let site = state(&app).library().site_settings().unwrap_or_default();
    drop(crate::spellcheck::apply(&app, &site));
    Ok(())
}

fn open_with_preview(app: &AppHandle, state: &AppState, id: ArticleId) -> IpcResult<OpenedArticle> {
    let article = open(app, state, id)?;
    let preview = check_body(&article.body)
        .is_ok()
        .then(|| state.previewer(id).render(&article.body, None));
    let header = state.preview_header(id, &article.meta.title)?;
    Ok(OpenedArticle {
        article,
        preview,
        header,
    })
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
