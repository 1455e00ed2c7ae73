//! What the running app keeps between commands, and the two rules for
//! reaching it: locks survive a panic elsewhere, and a command that touches
//! an article first writes the typing autosave still holds for it.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use byline_core::transform::render::{Images, Previewer, RemoteImages};
use byline_core::transform::text_edit::Draft;
use byline_core::usecases::autosave::Autosaver;
use byline_core::{ArticleId, Library};

use crate::mirror::Mirror;

pub struct AppState {
    library: Arc<Mutex<Library>>,
    pub library_path: PathBuf,
    autosaver: Autosaver,
    previewer: Mutex<Previewer>,
    /// The text of the article being typed, which keystrokes change.
    draft: Mutex<Draft>,
    /// The folder mirror: its watcher while one runs, and its last error.
    pub mirror: Mirror,
    remote_images: Mutex<RemotePolicy>,
    /// The last automatic backup's failure, for Settings.
    pub backups: crate::backups::Backups,
    /// The article the window shows, and why its page last had to be
    /// reloaded (taken by the reloaded page).
    window: Mutex<WindowMemory>,
}

#[derive(Default)]
struct WindowMemory {
    open: Option<ArticleId>,
    page_died: Option<&'static str>,
}

/// What a page that just loaded should show first, besides the list's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageStart {
    /// The article to open: the one the window showed before its page was
    /// reloaded; `None` on a fresh start.
    pub reopen: Option<ArticleId>,
    /// Why the page was reloaded, in words for the writer; `None` normally.
    pub notice: Option<String>,
}

/// Whether images from other sites load in the window: the site's setting,
/// or the writer chose "Load images" on that article since the app started.
#[derive(Default)]
struct RemotePolicy {
    site: bool,
    articles: HashSet<ArticleId>,
}

/// Takes a lock even when a thread panicked while holding it. Nothing the
/// app locks can be left half-written: a library change is one
/// transaction, the preview cache only ever holds finished entries, and the
/// mirror's slots are replaced whole. So a panic elsewhere must not stop
/// saving, previewing or quitting (autosave's own `lock` says the same).
pub fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

/// Whose pending typing a command needs written before it runs.
#[derive(Debug, Clone, Copy)]
pub enum Typing {
    /// One article's: the command reads or changes that article.
    Of(ArticleId),
    /// Everyone's: the command reads or changes articles it cannot name in
    /// advance (an import, a site export, the mirror).
    All,
}

impl AppState {
    pub fn new(
        library: Arc<Mutex<Library>>,
        library_path: PathBuf,
        autosaver: Autosaver,
        previewer: Previewer,
    ) -> Self {
        AppState {
            library,
            library_path,
            autosaver,
            previewer: Mutex::new(previewer),
            draft: Mutex::default(),
            mirror: Mirror::default(),
            remote_images: Mutex::default(),
            window: Mutex::default(),
            backups: Default::default(),
        }
    }

    /// The library as it is, for commands that do not depend on the text
    /// being typed (the list, settings, the shared FAQ blocks).
    pub fn library(&self) -> MutexGuard<'_, Library> {
        lock(&self.library)
    }

    /// Hands the editor's text to autosave, which writes it after a pause.
    pub fn stage_typing(&self, id: ArticleId, body: String, seq: u64, base: String) {
        self.autosaver.stage(id, body, seq, base);
    }

    /// The text keystrokes change (see `commands::preview::type_body`).
    /// Taken before the previewer when both are.
    pub fn draft(&self) -> MutexGuard<'_, Draft> {
        lock(&self.draft)
    }

    /// The one way pending typing is written ahead of its autosave pause:
    /// whatever the window has typed reaches the library now, so what a
    /// command reads or changes next is the text on screen. A failed write
    /// is returned and its text stays pending.
    pub fn write_typing(&self, typing: Typing) -> byline_core::Result<()> {
        match typing {
            Typing::Of(id) => self.autosaver.flush_article(id),
            Typing::All => self.autosaver.flush(),
        }
    }

    /// The library after [`AppState::write_typing`]: what every command that
    /// reads or changes an article goes through. The flush runs before the
    /// lock is taken, because autosave writes under the same lock.
    pub fn library_after_typing(
        &self,
        typing: Typing,
    ) -> byline_core::Result<MutexGuard<'_, Library>> {
        self.write_typing(typing)?;
        Ok(self.library())
    }

    /// The window opened `article`.
    pub fn opened(&self, article: ArticleId) {
        lock(&self.window).open = Some(article);
    }

    pub fn is_open(&self, article: ArticleId) -> bool {
        lock(&self.window).open == Some(article)
    }

    /// The window's page ended (`why`: "crashed"…) and is being reloaded.
    pub fn page_died(&self, why: &'static str) {
        lock(&self.window).page_died = Some(why);
    }

    /// Asked by a page as it starts. After its page died, the window goes
    /// back to the article it showed; the notice is given once.
    pub fn page_start(&self) -> PageStart {
        let mut window = lock(&self.window);
        match window.page_died.take() {
            Some(why) => PageStart {
                reopen: window.open,
                notice: Some(format!(
                    "The window's page {why}, so Byline reloaded it. Everything you typed up to then is here."
                )),
            },
            None => PageStart {
                reopen: None,
                notice: None,
            },
        }
    }

    /// The preview, set up for `article`'s images from other sites.
    pub fn previewer(&self, article: ArticleId) -> MutexGuard<'_, Previewer> {
        let remote = self.remote_images(Some(article));
        let mut previewer = lock(&self.previewer);
        previewer.set_remote_images(remote);
        previewer
    }

    /// The preview as it is, for settings that change how it renders.
    pub fn previewer_settings(&self) -> MutexGuard<'_, Previewer> {
        lock(&self.previewer)
    }

    /// Whether images from other sites load for `article` (`None`: HTML that
    /// belongs to no article, such as the site's boilerplate).
    pub fn remote_images(&self, article: Option<ArticleId>) -> RemoteImages {
        let policy = lock(&self.remote_images);
        if policy.site || article.is_some_and(|id| policy.articles.contains(&id)) {
            RemoteImages::Load
        } else {
            RemoteImages::Block
        }
    }

    /// How HTML shown in the window for `article` addresses its images.
    pub fn window_images(&self, article: Option<ArticleId>) -> Images<'static> {
        Images::InWindow {
            assets: crate::app::ASSET_BASE,
            remote: self.remote_images(article),
        }
    }

    /// The preview's header for `article` with `title` as typed: the HTML
    /// export's, with the images as the window loads them.
    pub fn preview_header(&self, article: ArticleId, title: &str) -> byline_core::Result<String> {
        let images = self.window_images(Some(article));
        self.library_after_typing(Typing::Of(article))?
            .page_header(article, Some(title), images)
    }

    /// The writer chose to load `article`'s images from other sites, for as
    /// long as the app runs.
    pub fn load_remote_images(&self, article: ArticleId) {
        lock(&self.remote_images).articles.insert(article);
    }

    /// The site's setting, at start and whenever the settings are saved.
    pub fn set_site_remote_images(&self, on: bool) {
        lock(&self.remote_images).site = on;
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use byline_core::usecases::autosave::Policy;

    use super::*;

    /// An app state whose autosave never writes by itself, so only the
    /// helper under test can have written what a test reads.
    fn state_with(dir: &std::path::Path, bodies: &[&str]) -> (AppState, Vec<byline_core::Article>) {
        let path = dir.join("library.byline");
        let mut library = Library::open(&path).unwrap();
        let articles = bodies
            .iter()
            .map(|body| library.create_article("", body).unwrap())
            .collect();
        let library = Arc::new(Mutex::new(library));
        let never = Duration::from_secs(3600);
        let policy = Policy {
            quiet: never,
            max_delay: never,
            max_backoff: never,
        };
        let autosaver = Autosaver::start(Arc::clone(&library), policy, |_| {});
        let state = AppState::new(library, path, autosaver, Previewer::new(None));
        (state, articles)
    }

    #[test]
    fn a_command_on_an_article_sees_the_text_typed_into_it() {
        let dir = tempfile::tempdir().unwrap();
        let (state, articles) = state_with(dir.path(), &["first", "second"]);
        let (a, b) = (&articles[0], &articles[1]);
        state.stage_typing(a.id, "first, typed".into(), 1, a.body_hash.to_string());
        state.stage_typing(b.id, "second, typed".into(), 1, b.body_hash.to_string());
        assert_eq!(state.library().article(a.id).unwrap().body, "first");

        let library = state.library_after_typing(Typing::Of(a.id)).unwrap();
        assert_eq!(library.article(a.id).unwrap().body, "first, typed");
        assert_eq!(
            library.article(b.id).unwrap().body,
            "second",
            "only the named article's typing is written"
        );
        drop(library);

        let library = state.library_after_typing(Typing::All).unwrap();
        assert_eq!(library.article(b.id).unwrap().body, "second, typed");
    }

    #[test]
    fn a_reloaded_page_goes_back_to_the_article_it_showed_once() {
        let dir = tempfile::tempdir().unwrap();
        let (state, articles) = state_with(dir.path(), &["first", "second"]);
        let fresh = state.page_start();
        assert_eq!(
            (fresh.reopen, fresh.notice),
            (None, None),
            "a fresh start opens the newest"
        );

        state.opened(articles[0].id);
        state.opened(articles[1].id);
        state.page_died("crashed");
        let reloaded = state.page_start();
        assert_eq!(reloaded.reopen, Some(articles[1].id));
        assert!(reloaded.notice.unwrap().contains("crashed"));
        assert_eq!(state.page_start().notice, None, "the notice is given once");
    }
}
