//! Setting an article's metadata, one field at a time, with each field's
//! rules: what is accepted, how it is cleaned, and what is refused.
//!
//! Every field goes through [`Library::set_field`] so the Details panel and
//! `byline set` accept exactly the same input. Refused input changes nothing.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::articles::{clean_title, now_millis, unique_slug};
use super::Library;
use crate::domain::article::{Article, ArticleField, ArticleId};
use crate::domain::date::publish_date;
use crate::domain::error::{Error, Result};
use crate::transform::slug;

/// A dek is a sentence or two under the headline.
pub const MAX_DEK_CHARS: usize = 400;
/// Search engines show about 160 characters; the panel hints at 50–160.
/// This hard limit only stops a runaway paste.
pub const MAX_DESCRIPTION_CHARS: usize = 1000;
pub const MAX_TAGS: usize = 30;
pub const MAX_TAG_CHARS: usize = 50;
pub const MAX_AUTHORS: usize = 20;
pub const MAX_AUTHOR_CHARS: usize = 100;
pub const MAX_URL_CHARS: usize = 2048;

/// Whether a slug the writer is typing is free, checked before it is saved.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SlugCheck {
    /// The input in slug form, as it would be saved. Empty when the input
    /// has nothing usable, which saves as "back to following the title".
    pub slug: String,
    /// The other article that already has this slug, if any.
    pub taken_by: Option<String>,
}

impl Library {
    /// Sets one metadata field from text (lists are comma-separated, the
    /// publish date is a date, a date and time, or RFC 3339; empty clears
    /// it). Setting a field to the value it has changes nothing.
    pub fn set_field(
        &mut self,
        id: ArticleId,
        field: ArticleField,
        value: &str,
    ) -> Result<Article> {
        let article = self.article(id)?;
        if article.trashed_at.is_some() {
            return Err(Error::ArticleTrashed(id));
        }
        match field {
            ArticleField::Title => {
                if clean_title(value)? == article.meta.title {
                    return Ok(article);
                }
                self.rename_article(id, value)
            }
            ArticleField::Dek => {
                let dek = one_line(value, "dek", MAX_DEK_CHARS)?;
                self.update_text(&article, "dek", &article.meta.dek, &dek)
            }
            ArticleField::MetaDescription => {
                let text = one_line(value, "description", MAX_DESCRIPTION_CHARS)?;
                self.update_text(
                    &article,
                    "meta_description",
                    &article.meta.meta_description,
                    &text,
                )
            }
            ArticleField::CanonicalUrl => {
                let url = web_url(value, "canonical URL")?;
                self.update_text(&article, "canonical_url", &article.meta.canonical_url, &url)
            }
            ArticleField::FeaturedImage => {
                let image = image_location(value)?;
                self.update_text(
                    &article,
                    "featured_image",
                    &article.meta.featured_image,
                    &image,
                )
            }
            ArticleField::Authors => {
                let authors = list(value, "author", MAX_AUTHORS, MAX_AUTHOR_CHARS)?;
                if authors == article.meta.authors {
                    return Ok(article);
                }
                let json = serde_json::to_string(&authors).expect("a list of strings serialises");
                self.store(id, "authors", &json)
            }
            ArticleField::Tags => {
                // "#politics" is how tags are often written; the hash is not part of it.
                let without_hashes: Vec<&str> = value
                    .split([',', '\n'])
                    .map(|t| t.trim().trim_start_matches('#'))
                    .collect();
                let tags = list(&without_hashes.join(","), "tag", MAX_TAGS, MAX_TAG_CHARS)?;
                if tags == article.meta.tags {
                    return Ok(article);
                }
                self.write(|tx| {
                    super::articles::write_tags(tx, id, &tags)?;
                    touch(tx, id)
                })?;
                self.article(id)
            }
            ArticleField::PublishAt => {
                let at = publish_date(value)?;
                if at == article.meta.publish_at {
                    return Ok(article);
                }
                self.write(|tx| {
                    tx.execute(
                        "UPDATE articles SET publish_at = ?2 WHERE id = ?1",
                        params![id.0, at.map(|t| t.timestamp_millis())],
                    )?;
                    touch(tx, id)
                })?;
                self.article(id)
            }
            ArticleField::Slug => self.set_slug(&article, value),
            ArticleField::WordTarget => {
                let target = word_target(value)?;
                if target == article.meta.word_target {
                    return Ok(article);
                }
                self.write(|tx| {
                    tx.execute(
                        "UPDATE articles SET word_target = ?2 WHERE id = ?1",
                        params![id.0, target],
                    )?;
                    touch(tx, id)
                })?;
                self.article(id)
            }
        }
    }

    /// What saving `input` as the slug of article `id` would do: its slug
    /// form, and which other article (if any) already has it.
    pub fn check_slug(&self, id: ArticleId, input: &str) -> Result<SlugCheck> {
        let slug = checked_slug(input)?;
        let taken_by = if slug.is_empty() {
            None
        } else {
            self.slug_owner(&slug, id)?
        };
        Ok(SlugCheck { slug, taken_by })
    }

    /// A slug typed by the writer, in slug form. A clash is refused, not
    /// renamed: the writer chose this URL and must choose again. An input
    /// with nothing usable returns the slug to following the title.
    fn set_slug(&mut self, article: &Article, input: &str) -> Result<Article> {
        let id = article.id;
        let wanted = checked_slug(input)?;
        if wanted.is_empty() {
            if !article.slug_is_custom {
                return Ok(article.clone());
            }
            let title = article.meta.title.clone();
            self.write(|tx| {
                let slug = unique_slug(tx, &slug::from_title(&title), Some(id))?;
                tx.execute(
                    "UPDATE articles SET slug = ?2, slug_is_custom = 0 WHERE id = ?1",
                    params![id.0, slug],
                )?;
                touch(tx, id)
            })?;
            return self.article(id);
        }
        if wanted == article.meta.slug && article.slug_is_custom {
            return Ok(article.clone());
        }
        if let Some(title) = self.slug_owner(&wanted, id)? {
            return Err(Error::SlugTaken {
                slug: wanted,
                title,
            });
        }
        self.write(|tx| {
            tx.execute(
                "UPDATE articles SET slug = ?2, slug_is_custom = 1 WHERE id = ?1",
                params![id.0, wanted],
            )?;
            touch(tx, id)
        })?;
        self.article(id)
    }

    /// The title (or "Untitled") of the article other than `except` that
    /// has `slug`.
    fn slug_owner(&self, slug: &str, except: ArticleId) -> Result<Option<String>> {
        let title: Option<String> = self
            .conn
            .query_row(
                "SELECT title FROM articles WHERE slug = ?1 AND id != ?2",
                params![slug, except.0],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql_err(e))?;
        Ok(title.map(|t| {
            if t.is_empty() {
                crate::domain::article::UNTITLED.to_string()
            } else {
                t
            }
        }))
    }

    /// Stores one text column if its value changed.
    fn update_text(
        &mut self,
        article: &Article,
        column: &'static str,
        old: &str,
        new: &str,
    ) -> Result<Article> {
        if old == new {
            return Ok(article.clone());
        }
        self.store(article.id, column, new)
    }

    /// Stores one text column. `column` is one of this module's literals,
    /// never input.
    fn store(&mut self, id: ArticleId, column: &'static str, new: &str) -> Result<Article> {
        self.write(|tx| {
            tx.execute(
                &format!("UPDATE articles SET {column} = ?2 WHERE id = ?1"),
                params![id.0, new],
            )?;
            touch(tx, id)
        })?;
        self.article(id)
    }
}

/// The most a word target may be: far beyond any article, small enough
/// that a slip of the keyboard is caught.
pub const MAX_WORD_TARGET: u32 = 1_000_000;

/// A word target as typed: a positive whole number (thousands may be
/// grouped with commas, spaces or underscores: "1,500"), or empty for none.
fn word_target(value: &str) -> Result<Option<u32>> {
    let digits: String = value
        .trim()
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    if digits.is_empty() {
        return Ok(None);
    }
    let refuse = || {
        Error::invalid(
            "word target",
            format!(
                "{:?} is not a word target; use a whole number from 1 to {MAX_WORD_TARGET}, or leave it empty",
                value.trim()
            ),
        )
    };
    if !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(refuse());
    }
    match digits.parse::<u32>() {
        Ok(n) if (1..=MAX_WORD_TARGET).contains(&n) => Ok(Some(n)),
        _ => Err(refuse()),
    }
}

/// Marks an article as edited now.
fn touch(tx: &rusqlite::Transaction<'_>, id: ArticleId) -> Result<()> {
    tx.execute(
        "UPDATE articles SET updated_at = ?2 WHERE id = ?1",
        params![id.0, now_millis()],
    )?;
    Ok(())
}

pub(crate) fn checked_slug(input: &str) -> Result<String> {
    let wanted = slug::normalize(input);
    if wanted.len() > slug::MAX_SLUG_CHARS {
        return Err(Error::invalid(
            "slug",
            format!(
                "is {} characters long; the limit is {}",
                wanted.len(),
                slug::MAX_SLUG_CHARS
            ),
        ));
    }
    Ok(wanted)
}

/// One line of text: trimmed, line breaks and other control characters
/// turned into spaces, and no longer than `max` characters.
pub(crate) fn one_line(value: &str, field: &'static str, max: usize) -> Result<String> {
    let text: String = value
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let chars = text.chars().count();
    if chars > max {
        return Err(Error::invalid(
            field,
            format!("is {chars} characters long; the limit is {max}"),
        ));
    }
    Ok(text)
}

/// A comma-separated list: each item trimmed with inner runs of space made
/// one, empty items dropped, repeats (in any case) kept once, in order.
pub(crate) fn list(
    value: &str,
    item: &'static str,
    max_items: usize,
    max_chars: usize,
) -> Result<Vec<String>> {
    let mut items: Vec<String> = Vec::new();
    for raw in value.split([',', '\n']) {
        let cleaned = raw.split_whitespace().collect::<Vec<_>>().join(" ");
        if cleaned.is_empty() {
            continue;
        }
        let chars = cleaned.chars().count();
        if chars > max_chars {
            return Err(Error::invalid(
                item,
                format!("{cleaned:?} is {chars} characters long; the limit is {max_chars}"),
            ));
        }
        if cleaned.chars().any(char::is_control) {
            return Err(Error::invalid(
                item,
                format!("{cleaned:?} contains control characters"),
            ));
        }
        if !items
            .iter()
            .any(|i| i.to_lowercase() == cleaned.to_lowercase())
        {
            items.push(cleaned);
        }
    }
    if items.len() > max_items {
        return Err(Error::invalid(
            item,
            format!("list has {} entries; the limit is {max_items}", items.len()),
        ));
    }
    Ok(items)
}

/// An absolute http(s) URL, or empty.
pub(crate) fn web_url(value: &str, field: &'static str) -> Result<String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(String::new());
    }
    if value.len() > MAX_URL_CHARS {
        return Err(Error::invalid(
            field,
            format!("is longer than {MAX_URL_CHARS} characters"),
        ));
    }
    match url::Url::parse(value) {
        Ok(url) if matches!(url.scheme(), "http" | "https") && url.host().is_some() => {
            Ok(url.to_string())
        }
        _ => Err(Error::invalid(
            field,
            format!("{value:?} is not a web address; use a full address starting with https://"),
        )),
    }
}

/// A featured image: a web address, or a path (in the library's assets or
/// on the site, such as `/images/cover.jpg`). Any other scheme
/// (`javascript:`, `data:`, `file:`) is refused.
pub(crate) fn image_location(value: &str) -> Result<String> {
    let value = value.trim();
    let looks_like_url = value
        .split_once(':')
        .is_some_and(|(scheme, _)| !scheme.is_empty() && !scheme.contains(['/', '.', '?', '#']));
    if looks_like_url {
        return web_url(value, "featured image");
    }
    if value.len() > MAX_URL_CHARS {
        return Err(Error::invalid(
            "featured image",
            format!("is longer than {MAX_URL_CHARS} characters"),
        ));
    }
    if value.chars().any(|c| c.is_control()) {
        return Err(Error::invalid(
            "featured image",
            "contains control characters",
        ));
    }
    // A path that some reader would still take for a script URL once its
    // character references are decoded (`&#106;avascript:`).
    if crate::domain::url::clean_url(value, crate::domain::url::WEB_SCHEMES).is_none() {
        return Err(Error::invalid(
            "featured image",
            format!("{value:?} is not a web address or a path"),
        ));
    }
    Ok(value.to_string())
}

#[cfg(test)]
mod tests;
