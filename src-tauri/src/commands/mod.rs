//! The Tauri commands, a file per concern of the core: each validates its
//! input, calls the core and maps the error. No logic lives here that the
//! CLI would also need.
//!
//! Every command takes the `AppHandle` first so the table in `ipc.rs` can
//! check its signature, and runs off the main thread (`async`) so a slow
//! disk never freezes the window.
//!
//! A command that reads or changes an article reaches the library through
//! `AppState::library_after_typing`, so it sees the text on screen rather
//! than the text of the last autosave. The exceptions say why they are.

mod accounts;
mod articles;
mod assets;
mod autosave;
mod backups;
mod checks;
mod corrections;
mod export;
mod faq;
pub mod import;
mod links;
mod metadata;
mod mirror;
mod preview;
mod publish;
mod revisions;
mod settings;
mod workflow;

// The table in `ipc.rs` names each command (and the macros `#[command]`
// generates beside it) as `crate::commands::NAME`.
pub use accounts::*;
pub use articles::*;
pub use assets::*;
pub use autosave::*;
pub use backups::*;
pub use checks::*;
pub use corrections::*;
pub use export::*;
pub use faq::*;
pub use import::*;
pub use links::*;
pub use metadata::*;
pub use mirror::*;
pub use preview::*;
pub use publish::*;
pub use revisions::*;
pub use settings::*;
pub use workflow::*;

use tauri::{AppHandle, Manager};

use crate::state::AppState;

fn state(app: &AppHandle) -> &AppState {
    app.state::<AppState>().inner()
}
