//! Running the folder mirror: a notify watcher on the folder (debounced,
//! so an editor's burst of writes or its write-by-rename arrives as one
//! change) and a thread that reads what changed into the library and
//! writes what the library changed into the folder. The rules live in
//! `usecases/mirror_rules.rs`; this module only drives them.
//!
//! The thread has its own connection to the library file (SQLite in WAL
//! mode lets it write beside the app's or the CLI's), so a slow disk in
//! the folder never holds the window's lock.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{channel, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, DebounceEventResult};

use super::mirror_rules::{article_file_name, MirrorChange};
use crate::domain::error::{Error, Result};
use crate::library::Library;

/// How long the watcher waits for a burst of writes to settle.
pub const DEBOUNCE: Duration = Duration::from_millis(250);

/// How often the library is checked for changes to write out when the
/// folder is quiet.
pub const SWEEP: Duration = Duration::from_millis(400);

/// What the mirror tells whoever runs it.
pub trait MirrorHooks: Send + 'static {
    /// Called before files are read in, so edits held elsewhere (the
    /// window's autosave) reach the library first and a conflict is seen.
    fn before_reading(&self) {}
    fn changed(&self, change: &MirrorChange);
    /// A file that could not be read, or a write that failed; the mirror
    /// keeps running. The error itself is passed so its code reaches the
    /// window (`{code, message}`) like every other error.
    fn failed(&self, error: &Error);
}

pub struct MirrorWatcher {
    folder: PathBuf,
    stop: Option<Sender<Msg>>,
    thread: Option<JoinHandle<()>>,
}

enum Msg {
    Files(Vec<PathBuf>),
    Stop,
}

impl MirrorWatcher {
    /// Starts mirroring the library at `library_path` into `folder`: every
    /// article is written out first, files already there are read in, then
    /// both sides are followed until [`MirrorWatcher::stop`].
    pub fn start(
        library_path: &Path,
        folder: &Path,
        hooks: impl MirrorHooks,
    ) -> Result<MirrorWatcher> {
        let mut library = Library::open(library_path)?;
        let folder = library
            .set_mirror_folder(Some(folder))?
            .expect("a folder was given");
        let (tx, rx) = channel::<Msg>();
        let events = tx.clone();
        let watched = folder.clone();
        let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
            if let Ok(events_batch) = result {
                let mut paths: Vec<PathBuf> = events_batch
                    .into_iter()
                    .flat_map(|e| e.event.paths.clone())
                    .filter(|p| article_file_name(&watched, p).is_some())
                    .collect();
                paths.sort();
                paths.dedup();
                if !paths.is_empty() {
                    let _ = events.send(Msg::Files(paths));
                }
            }
        })
        .map_err(|e| Error::invalid("mirror folder", format!("cannot be watched: {e}")))?;
        debouncer
            .watch(&folder, RecursiveMode::NonRecursive)
            .map_err(|e| Error::invalid("mirror folder", format!("cannot be watched: {e}")))?;

        let run_folder = folder.clone();
        let thread = std::thread::Builder::new()
            .name("byline-mirror".into())
            .spawn(move || {
                // The debouncer lives as long as the thread: dropping it
                // stops the watch.
                let _debouncer = debouncer;
                run(&mut library, &run_folder, &rx, &hooks);
            })
            .map_err(|source| Error::Io {
                path: folder.clone(),
                source,
            })?;
        Ok(MirrorWatcher {
            folder,
            stop: Some(tx),
            thread: Some(thread),
        })
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// Stops after the work in hand; waits for it.
    pub fn stop(mut self) {
        self.shutdown();
    }

    /// Blocks until the mirror stops (it does not, unless stopped from
    /// elsewhere): for `byline mirror`, which runs until interrupted.
    pub fn wait(mut self) {
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(Msg::Stop);
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for MirrorWatcher {
    fn drop(&mut self) {
        self.shutdown();
    }
}

fn run(
    library: &mut Library,
    folder: &Path,
    rx: &std::sync::mpsc::Receiver<Msg>,
    hooks: &impl MirrorHooks,
) {
    // Files already in the folder (a git checkout, an earlier mirror) are
    // read before anything is written, so none is written over unread.
    hooks.before_reading();
    let existing: Vec<PathBuf> = std::fs::read_dir(folder)
        .map(|entries| {
            let mut v: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| article_file_name(folder, p).is_some())
                .collect();
            v.sort();
            v
        })
        .unwrap_or_default();
    read_in(library, folder, &existing, hooks);
    write_out(library, folder, hooks);
    loop {
        match rx.recv_timeout(SWEEP) {
            Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => {
                // Whatever the library changed last still reaches the folder.
                write_out(library, folder, hooks);
                return;
            }
            Ok(Msg::Files(mut paths)) => {
                // Take every batch waiting, so a burst is read once.
                let mut stop = false;
                while let Ok(msg) = rx.try_recv() {
                    match msg {
                        Msg::Files(more) => paths.extend(more),
                        Msg::Stop => stop = true,
                    }
                }
                paths.sort();
                paths.dedup();
                // Most events are Byline's own writes coming back; only a
                // file that says something new is worth making the app
                // save its pending typing for.
                paths.retain(|p| !library.mirror_file_is_known(folder, p).unwrap_or(false));
                if !paths.is_empty() {
                    hooks.before_reading();
                    read_in(library, folder, &paths, hooks);
                }
                write_out(library, folder, hooks);
                if stop {
                    return;
                }
            }
            Err(RecvTimeoutError::Timeout) => write_out(library, folder, hooks),
        }
    }
}

fn read_in(library: &mut Library, folder: &Path, paths: &[PathBuf], hooks: &impl MirrorHooks) {
    for path in paths {
        match library.mirror_in(folder, path) {
            Ok(Some(change)) => hooks.changed(&change),
            Ok(None) => {}
            Err(e) => hooks.failed(&e),
        }
    }
}

fn write_out(library: &mut Library, folder: &Path, hooks: &impl MirrorHooks) {
    match library.mirror_out(folder) {
        Ok(changes) => changes.iter().for_each(|c| hooks.changed(c)),
        Err(e) => hooks.failed(&e),
    }
}

#[cfg(test)]
mod tests;
