//! Byline's core: everything the app does that is not window chrome.
//!
//! This crate has no Tauri dependency. The desktop shell and the `byline`
//! command line are both thin layers over it; see ARCHITECTURE.md.

pub mod autosave;
pub mod diff;
pub mod error;
pub mod export;
pub mod faq;
pub mod frontmatter;
pub mod html_paste;
pub mod jsonld;
pub mod library;
pub mod location;
pub mod markdown_file;
pub mod model;
pub mod post;
pub mod render;
pub mod site;
pub mod slug;
pub mod text_stats;
pub mod watch;

pub use error::{Error, ErrorInfo, Result};
pub use library::Library;
pub use model::{Article, ArticleId, ArticleSummary, Status, StatusChange};
