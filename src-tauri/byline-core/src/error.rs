//! The core's one error type.
//!
//! Every variant carries what a writer needs to understand the problem (which
//! file, which article, which limit) and maps to a stable machine code, so the
//! window can react to the kind of failure and the CLI can print one line.

use std::path::PathBuf;

use serde::Serialize;
use ts_rs::TS;

use crate::model::ArticleId;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path} is not a Byline library: {reason}")]
    NotALibrary { path: PathBuf, reason: &'static str },

    #[error(
        "{path} was written by a newer Byline (library format {found}, this Byline reads up to {supported}); update Byline to open it"
    )]
    LibraryTooNew {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    #[error("the library {path} is read-only, so changes cannot be saved")]
    LibraryReadOnly { path: PathBuf },

    #[error("the library {path} is busy in another program; try again in a moment")]
    LibraryBusy { path: PathBuf },

    #[error("the library {path} is damaged: {detail}")]
    LibraryCorrupt { path: PathBuf, detail: String },

    #[error("cannot open the library {path}: {detail}")]
    LibraryUnavailable { path: PathBuf, detail: String },

    #[error("article {0} does not exist")]
    ArticleNotFound(ArticleId),

    #[error("no article has the slug {0:?}")]
    NoSuchSlug(String),

    #[error("the slug {slug:?} is already used by {title:?}; choose another")]
    SlugTaken { slug: String, title: String },

    #[error("article {0} is in the trash; restore it first")]
    ArticleTrashed(ArticleId),

    #[error("article {0} is not in the trash; only articles in the trash can be deleted for good")]
    NotInTrash(ArticleId),

    #[error("{field} {reason}")]
    InvalidInput { field: &'static str, reason: String },

    #[error("article {article} has no revision {number}")]
    NoSuchRevision { article: ArticleId, number: u32 },

    #[error("a revision in the library is damaged: {detail}")]
    RevisionCorrupt { detail: String },

    #[error("FAQ item {} does not exist (it may have been removed)", .0.0)]
    FaqItemNotFound(crate::faq::FaqItemId),

    #[error("shared FAQ block {} does not exist (it may have been deleted)", .0.0)]
    FaqBlockNotFound(crate::faq::FaqBlockId),

    #[error("{name} cannot be added as an image: {reason}")]
    UnsupportedImage { name: String, reason: String },

    #[error("{path} is not valid UTF-8 text (first bad byte at offset {offset})")]
    NotUtf8 { path: PathBuf, offset: usize },

    #[error("{path} looks like a binary file, not Markdown")]
    BinaryFile { path: PathBuf },

    #[error("{path} is {size} bytes; the limit is {limit} bytes")]
    FileTooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },

    #[error("{path}: {detail}")]
    FrontMatter { path: PathBuf, detail: String },

    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },

    #[error("storage error: {0}")]
    Storage(#[from] rusqlite::Error),
}

impl Error {
    /// A stable identifier the UI and scripts can switch on. Never reuse or
    /// rename a code: the window's error handling matches on them.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotALibrary { .. } => "not_a_library",
            Error::LibraryTooNew { .. } => "library_too_new",
            Error::LibraryReadOnly { .. } => "library_read_only",
            Error::LibraryBusy { .. } => "library_busy",
            Error::LibraryCorrupt { .. } => "library_corrupt",
            Error::LibraryUnavailable { .. } => "library_unavailable",
            Error::ArticleNotFound(_) | Error::NoSuchSlug(_) => "article_not_found",
            Error::SlugTaken { .. } => "slug_taken",
            Error::ArticleTrashed(_) => "article_trashed",
            Error::NotInTrash(_) => "not_in_trash",
            Error::InvalidInput { .. } => "invalid_input",
            Error::UnsupportedImage { .. } => "unsupported_image",
            Error::FaqItemNotFound(_) => "faq_item_not_found",
            Error::FaqBlockNotFound(_) => "faq_block_not_found",
            Error::NoSuchRevision { .. } => "revision_not_found",
            Error::RevisionCorrupt { .. } => "revision_corrupt",
            Error::NotUtf8 { .. } => "not_utf8",
            Error::BinaryFile { .. } => "binary_file",
            Error::FileTooLarge { .. } => "file_too_large",
            Error::FrontMatter { .. } => "front_matter_invalid",
            Error::Io { .. } => "io",
            Error::Storage(_) => "storage",
        }
    }

    pub fn invalid(field: &'static str, reason: impl Into<String>) -> Self {
        Error::InvalidInput {
            field,
            reason: reason.into(),
        }
    }

    /// Give a raw SQLite failure the library's path and a writer-facing kind.
    pub(crate) fn from_sqlite(path: &std::path::Path, err: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        let path = path.to_path_buf();
        match err.sqlite_error_code() {
            Some(C::ReadOnly) => Error::LibraryReadOnly { path },
            Some(C::DatabaseBusy | C::DatabaseLocked) => Error::LibraryBusy { path },
            Some(C::NotADatabase) => Error::NotALibrary {
                path,
                reason: "it is not an SQLite database",
            },
            Some(C::DatabaseCorrupt) => Error::LibraryCorrupt {
                path,
                detail: err.to_string(),
            },
            Some(C::CannotOpen | C::PermissionDenied) => Error::LibraryUnavailable {
                path,
                detail: err.to_string(),
            },
            _ => Error::Storage(err),
        }
    }
}

/// How an error crosses the IPC boundary and appears in `--json` output:
/// a code to act on and a sentence to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorInfo {
    pub code: String,
    pub message: String,
}

impl From<&Error> for ErrorInfo {
    fn from(err: &Error) -> Self {
        ErrorInfo {
            code: err.code().to_owned(),
            message: err.to_string(),
        }
    }
}

impl From<Error> for ErrorInfo {
    fn from(err: Error) -> Self {
        ErrorInfo::from(&err)
    }
}
