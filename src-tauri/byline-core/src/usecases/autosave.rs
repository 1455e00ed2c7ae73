//! Debounced autosave.
//!
//! The window hands every edit to [`Autosaver::stage`], which only records it
//! in memory; a worker thread writes it to the library once typing pauses (or
//! after `max_delay` of continuous typing, so a long burst is never only in
//! memory). [`Autosaver::flush`] writes everything pending at once and is
//! called before quitting, before an article is read back, and on drop.
//!
//! Every edit carries the fingerprint of the body it was typed on (its
//! base). A save goes ahead only while the stored body is that base, or the
//! text this autosaver itself last saved on it; if something else changed
//! the body meanwhile (the folder mirror, the CLI), the edit is kept as a
//! revision instead and reported as [`SaveEvent::Diverged`].
//!
//! Lock order is library, then pending state, everywhere. The worker holds the
//! library lock while it takes edits out of the pending map, so a flush can
//! never return while an edit is neither pending nor written.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde::Serialize;
use ts_rs::TS;

use crate::domain::article::{ArticleId, ArticleSummary};
use crate::domain::error::{Error, ErrorInfo, Result};
use crate::domain::hash::BodyHash;
use crate::library::{BodySave, Library};

#[derive(Debug, Clone, Copy)]
pub struct Policy {
    /// Save once typing has paused this long.
    pub quiet: Duration,
    /// Never hold an edit in memory longer than this, even mid-burst.
    pub max_delay: Duration,
    /// Longest wait between retries of a failing save.
    pub max_backoff: Duration,
}

impl Default for Policy {
    fn default() -> Self {
        Policy {
            quiet: Duration::from_millis(400),
            max_delay: Duration::from_secs(2),
            max_backoff: Duration::from_secs(10),
        }
    }
}

/// Reported after every write attempt, so the window can show "Saved" or the
/// reason it could not save. `seq` is the caller's number for the edit that
/// was written (see [`Autosaver::stage`]): the window says "Saved" only when
/// it is the newest edit it made, not one typed while the write was running.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SaveEvent {
    Saved {
        article: ArticleSummary,
        seq: u64,
    },
    Failed {
        article: ArticleId,
        seq: u64,
        error: ErrorInfo,
    },
    /// The body changed elsewhere since the edit's base: the stored body
    /// was left as it is, and the edit kept as revision `revision`.
    Diverged {
        article: ArticleSummary,
        seq: u64,
        revision: u32,
    },
    /// Typing paused and the text at the pause was kept as revision
    /// `revision`: an open History panel shows it without being reopened.
    Checkpoint {
        article: ArticleId,
        revision: u32,
    },
}

type Listener = Box<dyn Fn(SaveEvent) + Send + Sync>;

pub struct Autosaver {
    shared: Arc<Shared>,
    worker: Option<JoinHandle<()>>,
}

struct Shared {
    library: Arc<Mutex<Library>>,
    state: Mutex<State>,
    wake: Condvar,
    policy: Policy,
    listener: Listener,
}

#[derive(Default)]
struct State {
    pending: HashMap<ArticleId, Pending>,
    /// The newest `seq` staged per article. IPC calls can arrive out of
    /// order, and an older text must never replace a newer one.
    newest_seq: HashMap<ArticleId, u64>,
    /// Per article, the base of the last edit saved and the fingerprint of
    /// what was saved: the window keeps sending the base it loaded, and the
    /// body stored is by then this autosaver's own save on it.
    saved_on: HashMap<ArticleId, (BodyHash, BodyHash)>,
    /// Per article, when typing will have paused long enough since the last
    /// save to ask the library for a checkpoint (see `Library::
    /// checkpoint_at_pause`): the text at the pause is then in history
    /// when the writer looks, not only once typing resumes.
    pauses: HashMap<ArticleId, Instant>,
    stopping: bool,
}

struct Pending {
    body: String,
    /// The fingerprint of the body this text was typed on.
    base: BodyHash,
    seq: u64,
    first_staged: Instant,
    last_staged: Instant,
    failures: u32,
    retry_at: Option<Instant>,
}

impl Pending {
    fn due_at(&self, policy: &Policy) -> Instant {
        self.retry_at.unwrap_or_else(|| {
            (self.last_staged + policy.quiet).min(self.first_staged + policy.max_delay)
        })
    }
}

/// A poisoned lock only means another thread panicked mid-operation; the data
/// (a connection, a map of strings) is still usable, and refusing to save the
/// writer's text over it would be the worse outcome.
fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Autosaver {
    pub fn start(
        library: Arc<Mutex<Library>>,
        policy: Policy,
        listener: impl Fn(SaveEvent) + Send + Sync + 'static,
    ) -> Autosaver {
        let shared = Arc::new(Shared {
            library,
            state: Mutex::new(State::default()),
            wake: Condvar::new(),
            policy,
            listener: Box::new(listener),
        });
        let worker_shared = Arc::clone(&shared);
        let worker = std::thread::Builder::new()
            .name("byline-autosave".into())
            .spawn(move || worker_shared.run())
            .expect("spawning the autosave thread");
        Autosaver {
            shared,
            worker: Some(worker),
        }
    }

    /// Records the latest text of an article, to be written shortly. `seq`
    /// is the caller's own increasing number for this edit, echoed back in
    /// the [`SaveEvent`] that reports its write; `base` is the fingerprint
    /// of the body it was typed on (the `body_hash` of the article as the
    /// window loaded it). An edit whose `seq` is not newer than one already
    /// staged for the article is stale and ignored; the return value says
    /// whether it was taken.
    pub fn stage(&self, id: ArticleId, body: String, seq: u64, base: impl Into<BodyHash>) -> bool {
        let base = base.into();
        let now = Instant::now();
        let mut state = lock(&self.shared.state);
        match state.newest_seq.get(&id) {
            Some(&newest) if newest >= seq => return false,
            _ => state.newest_seq.insert(id, seq),
        };
        // Moves the text in: on a long article this runs on every keystroke.
        match state.pending.entry(id) {
            Entry::Occupied(mut entry) => {
                let pending = entry.get_mut();
                pending.body = body;
                pending.base = base;
                pending.seq = seq;
                pending.last_staged = now;
            }
            Entry::Vacant(entry) => {
                entry.insert(Pending {
                    body,
                    base,
                    seq,
                    first_staged: now,
                    last_staged: now,
                    failures: 0,
                    retry_at: None,
                });
            }
        }
        drop(state);
        self.shared.wake.notify_one();
        true
    }

    /// The latest staged text of an article, if it has not been written yet.
    pub fn pending_body(&self, id: ArticleId) -> Option<String> {
        lock(&self.shared.state)
            .pending
            .get(&id)
            .map(|p| p.body.clone())
    }

    /// Writes everything pending now, on the calling thread. Every article is
    /// attempted; the first failure is returned and its text stays pending.
    pub fn flush(&self) -> Result<()> {
        self.shared.save(|_| true)
    }

    /// Writes one article's pending text now, if it has any.
    pub fn flush_article(&self, id: ArticleId) -> Result<()> {
        self.shared.save(|pending_id| pending_id == id)
    }
}

impl Drop for Autosaver {
    fn drop(&mut self) {
        lock(&self.shared.state).stopping = true;
        self.shared.wake.notify_all();
        if let Some(worker) = self.worker.take() {
            let _ = worker.join();
        }
        // The worker flushes on its way out; this catches a worker that died.
        let _ = self.flush();
    }
}

impl Shared {
    fn run(&self) {
        loop {
            {
                let mut state = lock(&self.state);
                loop {
                    if state.stopping {
                        drop(state);
                        let _ = self.save(|_| true);
                        return;
                    }
                    let now = Instant::now();
                    let next = state
                        .pending
                        .values()
                        .map(|p| p.due_at(&self.policy))
                        .chain(state.pauses.values().copied())
                        .min();
                    match next {
                        Some(due) if due <= now => break,
                        Some(due) => {
                            state = self
                                .wake
                                .wait_timeout(state, due - now)
                                .unwrap_or_else(PoisonError::into_inner)
                                .0;
                        }
                        None => {
                            state = self
                                .wake
                                .wait(state)
                                .unwrap_or_else(PoisonError::into_inner)
                        }
                    }
                }
            }
            // Outcomes, failures included, reach the window through the
            // listener; there is no caller here to return them to.
            let _ = self.save(|_| true);
            self.checkpoint_pauses();
        }
    }

    /// Asks for a checkpoint on each article whose typing has paused. An
    /// article with typing pending is skipped: its save sets a new pause.
    fn checkpoint_pauses(&self) {
        let mut library = lock(&self.library);
        let paused: Vec<ArticleId> = {
            let mut state = lock(&self.state);
            let now = Instant::now();
            let due: Vec<ArticleId> = state
                .pauses
                .iter()
                .filter(|(_, at)| **at <= now)
                .map(|(id, _)| *id)
                .collect();
            due.into_iter()
                .filter(|id| {
                    state.pauses.remove(id);
                    !state.pending.contains_key(id)
                })
                .collect()
        };
        for id in paused {
            // A failure here loses nothing (the text is saved; the next
            // save asks again), so it is not reported as a failed save.
            if let Ok(Some(revision)) = library.checkpoint_at_pause(id) {
                (self.listener)(SaveEvent::Checkpoint {
                    article: id,
                    revision,
                });
            }
        }
    }

    /// Takes the matching pending edits (under the library lock, see the
    /// module docs) and writes them, reporting each outcome.
    fn save(&self, select: impl Fn(ArticleId) -> bool) -> Result<()> {
        let mut library = lock(&self.library);
        let due: Vec<(ArticleId, Pending, BodyHash)> = {
            let mut state = lock(&self.state);
            let ids: Vec<ArticleId> = state
                .pending
                .keys()
                .copied()
                .filter(|id| select(*id))
                .collect();
            ids.into_iter()
                .filter_map(|id| {
                    let pending = state.pending.remove(&id)?;
                    // The body to expect: this autosaver's last save on the
                    // same base, else the base itself.
                    let expected = match state.saved_on.get(&id) {
                        Some((base, saved)) if *base == pending.base => saved.clone(),
                        _ => pending.base.clone(),
                    };
                    Some((id, pending, expected))
                })
                .collect()
        };
        let mut first_error = None;
        for (id, pending, expected) in due {
            match library.save_body_on(id, &pending.body, &expected) {
                Ok(BodySave::Saved(article)) => {
                    // A little past the pause, so the library, timing from
                    // the save it stamped, sees the whole pause.
                    let pause = library.checkpoint_policy().pause + Duration::from_millis(50);
                    let mut state = lock(&self.state);
                    state
                        .saved_on
                        .insert(id, (pending.base, BodyHash::of(&pending.body)));
                    state.pauses.insert(id, Instant::now() + pause);
                    drop(state);
                    // A flush runs on another thread: the worker must
                    // learn of the new pause to wake for it.
                    self.wake.notify_one();
                    (self.listener)(SaveEvent::Saved {
                        article: article.summary(),
                        seq: pending.seq,
                    })
                }
                Ok(BodySave::Diverged { article, revision }) => {
                    (self.listener)(SaveEvent::Diverged {
                        article: article.summary(),
                        seq: pending.seq,
                        revision,
                    })
                }
                Err(err) => {
                    (self.listener)(SaveEvent::Failed {
                        article: id,
                        seq: pending.seq,
                        error: ErrorInfo::from(&err),
                    });
                    if !matches!(err, Error::ArticleNotFound(_)) {
                        self.requeue(id, pending);
                    }
                    first_error.get_or_insert(err);
                }
            }
        }
        first_error.map_or(Ok(()), Err)
    }

    /// Puts a failed edit back, unless a newer one arrived meanwhile, with an
    /// exponential backoff so a read-only disk is not hammered.
    fn requeue(&self, id: ArticleId, mut pending: Pending) {
        let mut state = lock(&self.state);
        if state.pending.contains_key(&id) {
            return;
        }
        pending.failures += 1;
        let backoff = self
            .policy
            .quiet
            .saturating_mul(1 << pending.failures.min(10))
            .min(self.policy.max_backoff);
        pending.retry_at = Some(Instant::now() + backoff);
        state.pending.insert(id, pending);
    }
}

#[cfg(test)]
mod tests;
