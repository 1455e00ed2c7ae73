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
use std::sync::mpsc::{channel, Receiver, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use notify_debouncer_full::notify::RecursiveMode;
use notify_debouncer_full::{new_debouncer, DebounceEventResult};

use super::mirror_rules::{article_file_name, MirrorChange, Stuck};
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
    /// window (`{code, message}`) like every other error. Each failure is
    /// reported once, not on every pass.
    fn failed(&self, error: &Error);
    /// The folder is missing or replaced (`Error::MirrorPaused`): nothing is
    /// read or written until it is back. Called once per pause.
    fn paused(&self, error: &Error) {
        self.failed(error);
    }
    /// The folder is back and mirroring goes on.
    fn resumed(&self) {}
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
    /// both sides are followed until [`MirrorWatcher::stop`]. The folder the
    /// library already mirrors into is resumed as it is: when it is missing
    /// or replaced the mirror starts paused (see `hooks.paused`) and
    /// resumes by itself once it is back.
    pub fn start(
        library_path: &Path,
        folder: &Path,
        hooks: impl MirrorHooks,
    ) -> Result<MirrorWatcher> {
        let mut library = Library::open(library_path)?;
        let folder = library
            .set_mirror_folder(Some(folder))?
            .expect("a folder was given");
        // A folder already missing is reported before `start` returns, so
        // whoever shows the mirror's status sees the pause at once.
        let paused = match library.check_mirror_folder(&folder) {
            Err(e @ Error::MirrorPaused { .. }) => {
                hooks.paused(&e);
                Some(e.to_string())
            }
            _ => None,
        };
        let (tx, rx) = channel::<Msg>();
        let events = tx.clone();
        let run_folder = folder.clone();
        let thread = std::thread::Builder::new()
            .name("byline-mirror".into())
            .spawn(move || run(&mut library, &run_folder, &rx, &events, &hooks, paused))
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

type Watch = notify_debouncer_full::Debouncer<
    notify_debouncer_full::notify::RecommendedWatcher,
    notify_debouncer_full::RecommendedCache,
>;

/// A debounced watch on `folder` that sends the article files it sees
/// change.
fn watch(folder: &Path, events: &Sender<Msg>) -> Result<Watch> {
    let events = events.clone();
    let watched = folder.to_path_buf();
    let cannot = |e: notify_debouncer_full::notify::Error| Error::MirrorPaused {
        folder: watched.clone(),
        reason: format!("cannot be watched ({e}); mirroring is paused"),
    };
    let filter = watched.clone();
    let mut debouncer = new_debouncer(DEBOUNCE, None, move |result: DebounceEventResult| {
        if let Ok(events_batch) = result {
            let mut paths: Vec<PathBuf> = events_batch
                .into_iter()
                .flat_map(|e| e.event.paths.clone())
                .filter(|p| article_file_name(&filter, p).is_some())
                .collect();
            paths.sort();
            paths.dedup();
            if !paths.is_empty() {
                let _ = events.send(Msg::Files(paths));
            }
        }
    })
    .map_err(cannot)?;
    debouncer
        .watch(folder, RecursiveMode::NonRecursive)
        .map_err(cannot)?;
    Ok(debouncer)
}

/// The article files in `folder`, sorted.
fn article_files(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            let mut v: Vec<PathBuf> = entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| article_file_name(folder, p).is_some())
                .collect();
            v.sort();
            v
        })
        .unwrap_or_default()
}

/// The mirror's state between passes.
struct Running<'a, H: MirrorHooks> {
    library: &'a mut Library,
    folder: &'a Path,
    hooks: &'a H,
    /// The watch, while the folder is there; dropped when it goes (a
    /// watch on a deleted or unmounted folder sees nothing again).
    watch: Option<Watch>,
    /// The message of the pause (or failed check) in force, so it is
    /// reported once.
    paused: Option<String>,
    stuck: Stuck,
}

impl<H: MirrorHooks> Running<'_, H> {
    /// Whether the folder is there and Byline's. A folder seen for the
    /// first time, or again after a pause, is watched anew and every file
    /// in it read in; a pause is reported once.
    fn ready(&mut self, events: &Sender<Msg>) -> bool {
        let fresh = self.watch.is_none();
        let check = self
            .library
            .check_mirror_folder(self.folder)
            .and_then(|()| {
                if fresh {
                    self.watch = Some(watch(self.folder, events)?);
                }
                Ok(())
            });
        match check {
            Ok(()) => {
                if fresh {
                    // Files already in the folder (a git checkout, an
                    // earlier mirror, edits made while the folder was
                    // away) are read before anything is written, so none
                    // is written over unread.
                    self.hooks.before_reading();
                    let files = article_files(self.folder);
                    self.read_in(&files);
                }
                if self.paused.take().is_some() {
                    self.hooks.resumed();
                }
                true
            }
            Err(e) => {
                self.watch = None;
                let message = e.to_string();
                if self.paused.as_deref() != Some(message.as_str()) {
                    // The folder's absence is a pause; anything else (the
                    // library busy a moment) an error, reported once too.
                    match e {
                        Error::MirrorPaused { .. } => self.hooks.paused(&e),
                        _ => self.hooks.failed(&e),
                    }
                    self.paused = Some(message);
                }
                false
            }
        }
    }

    fn read_in(&mut self, paths: &[PathBuf]) {
        for path in paths {
            match self.library.mirror_in(self.folder, path) {
                Ok(Some(change)) => self.hooks.changed(&change),
                Ok(None) => {}
                // The folder went mid-read: the next pass pauses.
                Err(Error::MirrorPaused { .. }) => return,
                Err(e) => self.hooks.failed(&e),
            }
        }
    }

    fn write_out(&mut self) {
        match self.library.mirror_out_each(self.folder, &mut self.stuck) {
            Ok(pass) => {
                pass.changes.iter().for_each(|c| self.hooks.changed(c));
                pass.failures.iter().for_each(|e| self.hooks.failed(e));
            }
            // Reported by the next `ready`.
            Err(Error::MirrorPaused { .. }) => {}
            Err(e) => self.hooks.failed(&e),
        }
    }
}

fn run(
    library: &mut Library,
    folder: &Path,
    rx: &Receiver<Msg>,
    events: &Sender<Msg>,
    hooks: &impl MirrorHooks,
    paused: Option<String>,
) {
    let mut mirror = Running {
        library,
        folder,
        hooks,
        watch: None,
        paused,
        stuck: Stuck::default(),
    };
    loop {
        if mirror.ready(events) {
            mirror.write_out();
        }
        match rx.recv_timeout(SWEEP) {
            Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => {
                // Whatever the library changed last still reaches the folder.
                if mirror.ready(events) {
                    mirror.write_out();
                }
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
                paths.retain(|p| {
                    !mirror
                        .library
                        .mirror_file_is_known(folder, p)
                        .unwrap_or(false)
                });
                if !paths.is_empty() && mirror.ready(events) {
                    mirror.hooks.before_reading();
                    mirror.read_in(&paths);
                }
                if stop {
                    if mirror.ready(events) {
                        mirror.write_out();
                    }
                    return;
                }
            }
            Err(RecvTimeoutError::Timeout) => {}
        }
    }
}

#[cfg(test)]
mod tests;
