//! Publishing from the window: what would be sent, where the article is
//! published, and publishing or unpublishing it. A publish waits on the
//! network, so it runs on a thread of its own, outside the async runtime
//! (reqwest's blocking client refuses to run inside one), with a library
//! connection of its own (as the CLI would): the window's stays free for
//! autosave meanwhile.

use byline_core::domain::article::ArticleId;
use byline_core::domain::publication::{OutgoingPost, Publication, PublishStatus};
use byline_core::usecases::accounts;
use byline_core::usecases::publish::pull::{self, Pulled, SiteVersion};
use byline_core::usecases::publish::{self, PublishOptions, Published};
use byline_core::{Error, Library};
use tauri::AppHandle;

use super::state;
use crate::ipc::IpcResult;
use crate::secrets::Keyring;
use crate::state::Typing;

#[tauri::command(async)]
pub fn publish_preview(
    app: AppHandle,
    id: ArticleId,
    status: PublishStatus,
) -> IpcResult<OutgoingPost> {
    let library = state(&app).library_after_typing(Typing::Of(id))?;
    Ok(publish::preview(&library, id, status)?)
}

#[tauri::command(async)]
pub fn publications(app: AppHandle, id: ArticleId) -> IpcResult<Vec<Publication>> {
    Ok(state(&app).library().publications(id)?)
}

#[tauri::command(async)]
pub fn publish_article(
    app: AppHandle,
    id: ArticleId,
    account: String,
    status: PublishStatus,
    overwrite: bool,
) -> IpcResult<Published> {
    let path = {
        // What is on screen is what is sent.
        let library = state(&app).library_after_typing(Typing::Of(id))?;
        library.path().to_path_buf()
    };
    Ok(off_runtime(move || {
        let mut library = Library::open(&path)?;
        let (account, secret) = accounts::with_secret(&library, &Keyring, &account)?;
        let mut site = crate::publishing::publisher_for(&account, &secret)?;
        let options = PublishOptions { status, overwrite };
        publish::publish(&mut library, site.as_mut(), &account, id, options)
    })?)
}

#[tauri::command(async)]
pub fn unpublish_article(
    app: AppHandle,
    id: ArticleId,
    account: String,
    overwrite: bool,
) -> IpcResult<Published> {
    let path = state(&app).library().path().to_path_buf();
    Ok(off_runtime(move || {
        let mut library = Library::open(&path)?;
        let (account, secret) = accounts::with_secret(&library, &Keyring, &account)?;
        let mut site = crate::publishing::publisher_for(&account, &secret)?;
        publish::unpublish(&mut library, site.as_mut(), &account, id, overwrite)
    })?)
}

/// The site's copy of a post that was edited there, against the article
/// (the Publish panel's conflict box).
#[tauri::command(async)]
pub fn publish_site_version(
    app: AppHandle,
    id: ArticleId,
    account: String,
) -> IpcResult<SiteVersion> {
    let path = {
        let library = state(&app).library_after_typing(Typing::Of(id))?;
        library.path().to_path_buf()
    };
    Ok(off_runtime(move || {
        let library = Library::open(&path)?;
        let (account, secret) = accounts::with_secret(&library, &Keyring, &account)?;
        let mut site = crate::publishing::publisher_for(&account, &secret)?;
        pull::site_version(&library, site.as_mut(), &account, id)
    })?)
}

/// Takes the site's copy in as a new revision; the window then shows the
/// article as it now is.
#[tauri::command(async)]
pub fn pull_site_version(app: AppHandle, id: ArticleId, account: String) -> IpcResult<Pulled> {
    let path = {
        // Typing not yet saved is saved (and kept in the history) first.
        let library = state(&app).library_after_typing(Typing::Of(id))?;
        library.path().to_path_buf()
    };
    Ok(off_runtime(move || {
        let mut library = Library::open(&path)?;
        let (account, secret) = accounts::with_secret(&library, &Keyring, &account)?;
        let mut site = crate::publishing::publisher_for(&account, &secret)?;
        pull::pull(&mut library, site.as_mut(), &account, id)
    })?)
}

fn off_runtime<T: Send + 'static>(
    work: impl FnOnce() -> Result<T, Error> + Send + 'static,
) -> Result<T, Error> {
    std::thread::spawn(work).join().unwrap_or_else(|_| {
        Err(Error::invalid(
            "publish",
            "stopped unexpectedly; nothing more was sent",
        ))
    })
}
