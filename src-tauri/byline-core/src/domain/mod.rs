//! The bottom layer: the core's vocabulary. Ids, articles and their
//! status, FAQ items, corrections, revision states, site settings, errors,
//! fingerprints and dates. Depends on no other layer of the crate.

pub mod article;
pub mod asset;
pub mod checks;
pub mod correction;
pub mod date;
pub mod disk;
pub mod error;
pub mod faq;
pub mod hash;
pub mod ids;
pub mod publication;
pub mod publishing;
pub mod revision;
pub mod site_settings;
pub mod url;
