//! The top layer: use cases and runtime. What reads or writes files and
//! folders (import, exports and sites on disk, the folder mirror's rules
//! and its watcher), what runs on its own thread (autosave), and where the
//! library lives by default. May use every layer below; nothing below uses
//! it.

pub mod accounts;
pub mod article_export;
pub mod atomic_write;
pub mod autosave;
pub mod backups;
pub mod checks;
pub mod doctor;
pub mod import;
pub mod link_check;
pub mod location;
pub mod markdown_file;
pub mod mirror_folder;
pub mod mirror_rules;
pub mod mirror_watcher;
pub mod publish;
pub mod site_export;
