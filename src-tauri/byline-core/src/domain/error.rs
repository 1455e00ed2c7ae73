//! The core's one error type.
//!
//! Every variant carries what a writer needs to understand the problem (which
//! file, which article, which limit) and maps to a stable machine code, so the
//! window can react to the kind of failure and the CLI can print one line.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::ids::{ArticleId, FaqBlockId, FaqItemId};

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

    #[error(
        "the disk that holds the library {path} is full, so changes cannot be saved; free some space"
    )]
    DiskFull { path: PathBuf },

    #[error("the library {path} is busy in another program; try again in a moment")]
    LibraryBusy { path: PathBuf },

    #[error("the library {path} is damaged: {detail}")]
    LibraryCorrupt { path: PathBuf, detail: String },

    #[error("cannot open the library {path}: {detail}")]
    LibraryUnavailable { path: PathBuf, detail: String },

    #[error("the backup {path} {detail}")]
    BackupFailed { path: PathBuf, detail: String },

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
    FaqItemNotFound(FaqItemId),

    #[error("shared FAQ block {} does not exist (it may have been deleted)", .0.0)]
    FaqBlockNotFound(FaqBlockId),

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

    /// The mirror folder is not there, or is not the folder Byline mirrors
    /// into: mirroring waits rather than read the absence as deletions.
    #[error("the mirror folder {folder} {reason}")]
    MirrorPaused { folder: PathBuf, reason: String },

    #[error("no publishing account is named {0:?}")]
    AccountNotFound(String),

    /// Named alike, or the same user on the same site (their secrets
    /// would share one keyring entry).
    #[error("the publishing account {name:?} {detail}")]
    AccountExists { name: String, detail: String },

    /// Secrets are kept only in the system keyring; without one Byline
    /// says so rather than keep them anywhere less safe.
    #[error(
        "the secret of the publishing account {account:?} cannot be {action}: the system keyring is not available ({detail}). Byline keeps publishing secrets only in the keyring (the Secret Service on Linux: GNOME Keyring or KWallet); start and unlock one, then try again"
    )]
    KeyringUnavailable {
        account: String,
        action: &'static str,
        detail: String,
    },

    #[error(
        "the keyring holds no secret for the publishing account {0:?}; remove the account and add it again"
    )]
    SecretMissing(String),

    #[error(
        "the site refused the credentials of the publishing account {account:?} ({detail}); make a new {secret} on the site, then remove the account and add it again"
    )]
    CredentialsRefused {
        account: String,
        secret: &'static str,
        detail: String,
    },

    /// The site did not answer, or answered as something else than the
    /// kind of site the account says it is.
    #[error("cannot publish to {site} (account {account:?}): {detail}")]
    SiteUnreachable {
        account: String,
        site: String,
        detail: String,
    },

    /// The site answered and refused what was sent (a field, an image).
    #[error("the site of the publishing account {account:?} refused {what}: {detail}")]
    PublishRefused {
        account: String,
        what: String,
        detail: String,
    },

    /// The post was edited on the site since Byline last sent it.
    #[error(
        "{title:?} was changed on the site of the publishing account {account:?} since Byline last sent it ({detail}); nothing was sent. Compare the two, then publish again with overwrite to replace the site's edits"
    )]
    RemoteChanged {
        account: String,
        title: String,
        detail: String,
    },
}

impl Error {
    /// A stable identifier the UI and scripts can switch on. Never reuse or
    /// rename a code: the window's error handling matches on them.
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::NotALibrary { .. } => ErrorCode::NotALibrary,
            Error::LibraryTooNew { .. } => ErrorCode::LibraryTooNew,
            Error::LibraryReadOnly { .. } => ErrorCode::LibraryReadOnly,
            Error::DiskFull { .. } => ErrorCode::DiskFull,
            Error::LibraryBusy { .. } => ErrorCode::LibraryBusy,
            Error::LibraryCorrupt { .. } => ErrorCode::LibraryCorrupt,
            Error::LibraryUnavailable { .. } => ErrorCode::LibraryUnavailable,
            Error::BackupFailed { .. } => ErrorCode::BackupFailed,
            Error::ArticleNotFound(_) | Error::NoSuchSlug(_) => ErrorCode::ArticleNotFound,
            Error::SlugTaken { .. } => ErrorCode::SlugTaken,
            Error::ArticleTrashed(_) => ErrorCode::ArticleTrashed,
            Error::NotInTrash(_) => ErrorCode::NotInTrash,
            Error::InvalidInput { .. } => ErrorCode::InvalidInput,
            Error::UnsupportedImage { .. } => ErrorCode::UnsupportedImage,
            Error::FaqItemNotFound(_) => ErrorCode::FaqItemNotFound,
            Error::FaqBlockNotFound(_) => ErrorCode::FaqBlockNotFound,
            Error::NoSuchRevision { .. } => ErrorCode::RevisionNotFound,
            Error::RevisionCorrupt { .. } => ErrorCode::RevisionCorrupt,
            Error::NotUtf8 { .. } => ErrorCode::NotUtf8,
            Error::BinaryFile { .. } => ErrorCode::BinaryFile,
            Error::FileTooLarge { .. } => ErrorCode::FileTooLarge,
            Error::FrontMatter { .. } => ErrorCode::FrontMatterInvalid,
            Error::Io { .. } => ErrorCode::Io,
            Error::Storage(_) => ErrorCode::Storage,
            Error::MirrorPaused { .. } => ErrorCode::MirrorPaused,
            Error::AccountNotFound(_) => ErrorCode::AccountNotFound,
            Error::AccountExists { .. } => ErrorCode::AccountExists,
            Error::KeyringUnavailable { .. } => ErrorCode::KeyringUnavailable,
            Error::SecretMissing(_) => ErrorCode::SecretMissing,
            Error::CredentialsRefused { .. } => ErrorCode::CredentialsRefused,
            Error::SiteUnreachable { .. } => ErrorCode::SiteUnreachable,
            Error::PublishRefused { .. } => ErrorCode::PublishRefused,
            Error::RemoteChanged { .. } => ErrorCode::RemoteChanged,
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
            Some(C::DiskFull) => Error::DiskFull { path },
            // SQLite reports a write the system refused as a bare I/O error
            // (a full disk only sometimes as SQLITE_FULL: an fsync or a
            // grown -shm file says IOERR); the file system says which.
            Some(C::SystemIoFailure) => match super::disk::why_writes_fail(&path) {
                Some(super::disk::WriteBlocked::ReadOnly) => Error::LibraryReadOnly { path },
                Some(super::disk::WriteBlocked::Full) => Error::DiskFull { path },
                None => Error::Storage(err),
            },
            Some(C::DatabaseBusy | C::DatabaseLocked) => Error::LibraryBusy { path },
            Some(C::NotADatabase) => Error::NotALibrary {
                path,
                reason: "it is not an SQLite database",
            },
            Some(C::DatabaseCorrupt) => Error::LibraryCorrupt {
                path,
                detail: err.to_string(),
            },
            // A WAL library cannot even be opened where its -wal and -shm
            // files cannot be written.
            Some(C::CannotOpen | C::PermissionDenied) => {
                match super::disk::why_writes_fail(&path) {
                    Some(super::disk::WriteBlocked::ReadOnly) => Error::LibraryReadOnly { path },
                    Some(super::disk::WriteBlocked::Full) => Error::DiskFull { path },
                    None => Error::LibraryUnavailable {
                        path,
                        detail: err.to_string(),
                    },
                }
            }
            _ => Error::Storage(err),
        }
    }
}

/// Every code an [`Error`] can carry: a closed set, so the window's
/// TypeScript sees a union of string literals and a misspelt code does not
/// compile. Serialised as the snake_case name, the same strings as ever.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    NotALibrary,
    LibraryTooNew,
    LibraryReadOnly,
    DiskFull,
    LibraryBusy,
    LibraryCorrupt,
    LibraryUnavailable,
    BackupFailed,
    ArticleNotFound,
    SlugTaken,
    ArticleTrashed,
    NotInTrash,
    InvalidInput,
    UnsupportedImage,
    FaqItemNotFound,
    FaqBlockNotFound,
    RevisionNotFound,
    RevisionCorrupt,
    NotUtf8,
    BinaryFile,
    FileTooLarge,
    FrontMatterInvalid,
    Io,
    Storage,
    MirrorPaused,
    AccountNotFound,
    AccountExists,
    KeyringUnavailable,
    SecretMissing,
    CredentialsRefused,
    SiteUnreachable,
    PublishRefused,
    RemoteChanged,
}

impl ErrorCode {
    pub const ALL: [ErrorCode; 33] = [
        ErrorCode::NotALibrary,
        ErrorCode::LibraryTooNew,
        ErrorCode::LibraryReadOnly,
        ErrorCode::DiskFull,
        ErrorCode::LibraryBusy,
        ErrorCode::LibraryCorrupt,
        ErrorCode::LibraryUnavailable,
        ErrorCode::BackupFailed,
        ErrorCode::ArticleNotFound,
        ErrorCode::SlugTaken,
        ErrorCode::ArticleTrashed,
        ErrorCode::NotInTrash,
        ErrorCode::InvalidInput,
        ErrorCode::UnsupportedImage,
        ErrorCode::FaqItemNotFound,
        ErrorCode::FaqBlockNotFound,
        ErrorCode::RevisionNotFound,
        ErrorCode::RevisionCorrupt,
        ErrorCode::NotUtf8,
        ErrorCode::BinaryFile,
        ErrorCode::FileTooLarge,
        ErrorCode::FrontMatterInvalid,
        ErrorCode::Io,
        ErrorCode::Storage,
        ErrorCode::MirrorPaused,
        ErrorCode::AccountNotFound,
        ErrorCode::AccountExists,
        ErrorCode::KeyringUnavailable,
        ErrorCode::SecretMissing,
        ErrorCode::CredentialsRefused,
        ErrorCode::SiteUnreachable,
        ErrorCode::PublishRefused,
        ErrorCode::RemoteChanged,
    ];

    /// The code as it is written in JSON and on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorCode::NotALibrary => "not_a_library",
            ErrorCode::LibraryTooNew => "library_too_new",
            ErrorCode::LibraryReadOnly => "library_read_only",
            ErrorCode::DiskFull => "disk_full",
            ErrorCode::LibraryBusy => "library_busy",
            ErrorCode::LibraryCorrupt => "library_corrupt",
            ErrorCode::LibraryUnavailable => "library_unavailable",
            ErrorCode::BackupFailed => "backup_failed",
            ErrorCode::ArticleNotFound => "article_not_found",
            ErrorCode::SlugTaken => "slug_taken",
            ErrorCode::ArticleTrashed => "article_trashed",
            ErrorCode::NotInTrash => "not_in_trash",
            ErrorCode::InvalidInput => "invalid_input",
            ErrorCode::UnsupportedImage => "unsupported_image",
            ErrorCode::FaqItemNotFound => "faq_item_not_found",
            ErrorCode::FaqBlockNotFound => "faq_block_not_found",
            ErrorCode::RevisionNotFound => "revision_not_found",
            ErrorCode::RevisionCorrupt => "revision_corrupt",
            ErrorCode::NotUtf8 => "not_utf8",
            ErrorCode::BinaryFile => "binary_file",
            ErrorCode::FileTooLarge => "file_too_large",
            ErrorCode::FrontMatterInvalid => "front_matter_invalid",
            ErrorCode::Io => "io",
            ErrorCode::Storage => "storage",
            ErrorCode::MirrorPaused => "mirror_paused",
            ErrorCode::AccountNotFound => "account_not_found",
            ErrorCode::AccountExists => "account_exists",
            ErrorCode::KeyringUnavailable => "keyring_unavailable",
            ErrorCode::SecretMissing => "secret_missing",
            ErrorCode::CredentialsRefused => "credentials_refused",
            ErrorCode::SiteUnreachable => "site_unreachable",
            ErrorCode::PublishRefused => "publish_refused",
            ErrorCode::RemoteChanged => "remote_changed",
        }
    }
}

/// Lets a test or a script check a code against the name it knows.
impl PartialEq<&str> for ErrorCode {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How an error crosses the IPC boundary and appears in `--json` output:
/// a code to act on and a sentence to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorInfo {
    pub code: ErrorCode,
    pub message: String,
}

impl From<&Error> for ErrorInfo {
    fn from(err: &Error) -> Self {
        ErrorInfo {
            code: err.code(),
            message: err.to_string(),
        }
    }
}

impl From<Error> for ErrorInfo {
    fn from(err: Error) -> Self {
        ErrorInfo::from(&err)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The serialised name and `as_str` are one spelling: scripts read the
    /// JSON, the CLI prints `as_str`.
    #[test]
    fn every_code_serialises_as_its_name() {
        for code in ErrorCode::ALL {
            let json = serde_json::to_string(&code).unwrap();
            assert_eq!(json, format!("\"{}\"", code.as_str()));
        }
    }
}
