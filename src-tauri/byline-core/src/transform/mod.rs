//! The second layer: pure transforms of domain values. Text in, text (or
//! values) out; no library, no files, no threads. Depends only on `domain`.

pub mod checks;
pub mod diff;
pub mod export;
pub mod faq;
pub mod frontmatter;
pub mod html_paste;
pub mod incoming;
pub mod jsonld;
pub mod lines;
pub mod outgoing;
pub mod plain_article;
pub mod post;
pub mod render;
pub mod slug;
pub mod text_edit;
pub mod text_stats;
pub mod web_page;
