//! What the running app keeps between commands, and the two rules for
//! reaching it: locks survive a panic elsewhere, and a command that touches
//! an article first writes the typing autosave still holds for it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use byline_core::transform::render::Previewer;
use byline_core::usecases::autosave::Autosaver;
use byline_core::{ArticleId, Library};

use crate::mirror::Mirror;

pub struct AppState {
    library: Arc<Mutex<Library>>,
    pub library_path: PathBuf,
    autosaver: Autosaver,
    previewer: Mutex<Previewer>,
    /// The folder mirror: its watcher while one runs, and its last error.
    pub mirror: Mirror,
    /// The last automatic backup's failure, for Settings.
    pub backups: crate::backups::Backups,
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
            mirror: Mirror::default(),
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

    pub fn previewer(&self) -> MutexGuard<'_, Previewer> {
        lock(&self.previewer)
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
}
