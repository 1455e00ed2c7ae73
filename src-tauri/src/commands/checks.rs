//! The pre-publish checks for the window: over the text on screen, as it
//! is typed; the links to other sites when the writer asks; and the list
//! of checks Settings can turn off.

use std::sync::LazyLock;

use byline_core::transform::checks::{CheckInfo, Report, CATALOGUE};
use byline_core::usecases::checks::{self, Links};
use byline_core::usecases::link_check::LinkCache;
use byline_core::ArticleId;
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::link_fetch::{HttpFetch, TIMEOUT};

/// Link check results while the app runs, each for `CACHE_FOR`: the
/// checks made as the writer types show them without asking again.
static LINKS: LazyLock<LinkCache> = LazyLock::new(LinkCache::new);

/// `body` is the editor's text; the article's fields, FAQ and the site come
/// from the library. The library is read as is (not after typing): the body
/// that matters is the one passed in, so the check never waits on a save.
/// Links are reported as the last link check found them; none is requested.
#[tauri::command(async)]
pub fn check_article(app: AppHandle, id: ArticleId, body: Option<String>) -> IpcResult<Report> {
    let library = state(&app).library();
    Ok(checks::check_article(
        &library,
        id,
        body.as_deref(),
        Links::Cached(&LINKS),
    )?)
}

/// As `check_article`, requesting every link to another site first (only
/// when the writer asks). The library is not held while the requests run.
#[tauri::command(async)]
pub fn check_links(app: AppHandle, id: ArticleId, body: String) -> IpcResult<Report> {
    let fetch = HttpFetch::new(TIMEOUT)
        .map_err(|reason| byline_core::Error::invalid("link check", reason))?;
    let urls = byline_core::transform::checks::external::requested_urls(&body);
    byline_core::usecases::link_check::check_links(&urls, &fetch, &LINKS);
    let library = state(&app).library();
    Ok(checks::check_article(
        &library,
        id,
        Some(&body),
        Links::Cached(&LINKS),
    )?)
}

#[tauri::command(async)]
pub fn check_catalogue(_app: AppHandle) -> IpcResult<Vec<CheckInfo>> {
    Ok(CATALOGUE.to_vec())
}
