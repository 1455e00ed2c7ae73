//! What the running app keeps between commands, and the two rules for
//! reaching it: locks survive a panic elsewhere, and a command that touches
//! an article first writes the typing autosave still holds for it.

use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use byline_core::autosave::Autosaver;
use byline_core::render::Previewer;
use byline_core::{ArticleId, Library};

use crate::mirror::Mirror;

pub struct AppState {
    library: Arc<Mutex<Library>>,
    pub library_path: PathBuf,
    autosaver: Autosaver,
    previewer: Mutex<Previewer>,
    /// The folder mirror: its watcher while one runs, and its last error.
    pub mirror: Mirror,
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
