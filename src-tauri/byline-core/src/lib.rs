//! Byline's core: everything the app does that is not window chrome. It has
//! no Tauri dependency; the desktop shell and the `byline` command line are
//! both thin layers over it (see ARCHITECTURE.md).
//!
//! Four layers, each using only those below it (`tests/layers.rs` fails on
//! an upward path or a cycle between modules):
//!
//! 1. [`domain`]: ids, articles, FAQ items, corrections, revision states,
//!    site settings, errors, fingerprints, dates. The vocabulary.
//! 2. [`transform`]: pure functions of domain values: slugs, counts, front
//!    matter, post mapping, pasted HTML, rendering, JSON-LD, diffs, exports.
//! 3. [`library`]: storage, the SQLite file, a module per table.
//! 4. [`usecases`]: what touches files, folders and threads: import,
//!    exports and sites on disk, the folder mirror, autosave.

pub mod domain;
pub mod library;
pub mod transform;
pub mod usecases;

pub use domain::article::{Article, ArticleId, ArticleMeta, ArticleSummary, Status, StatusChange};
pub use domain::error::{Error, ErrorCode, ErrorInfo, Result};
pub use library::Library;
