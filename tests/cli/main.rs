//! The `byline` command line, run as a user would: the built binary, a
//! temporary library, real files. A file per command group; `support`
//! holds the one fixture that supplies the library.

mod support;

#[path = "../support/link_site.rs"]
mod link_site;
#[path = "../servers/publish_cli.rs"]
#[allow(dead_code)]
mod publish_cli;

mod accounts;
mod articles;
mod backups;
mod checks;
mod durability;
mod export;
mod faq;
mod images;
mod import;
mod import_images;
mod import_web;
mod library;
mod metadata;
mod mirror;
mod render;
mod revisions;
mod session_keyring;
mod site;
mod usage;
mod workflow;
