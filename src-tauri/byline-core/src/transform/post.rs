//! A post as static-site generators keep it: Markdown with front matter.
//! This module is the one mapping between front matter keys and Byline's
//! fields, in both directions, so what Markdown export writes is exactly
//! what import reads back.
//!
//! Reading accepts the names Hugo, Jekyll, Astro and Zola use (`date` or
//! `pubDate`, `tags` and `categories`, `author` or `authors`, `summary` or
//! `description`, Zola's `[taxonomies]` and `[extra]`…). Keys Byline has
//! no field for are kept as they were and written back. A mapped key with
//! the wrong kind of value (a list where text belongs, a date that is not a
//! date) is an error for the file, never a silent drop.
//!
//! Writing uses the common names (`title`, `date`, `draft`, `tags`,
//! `description`, `authors`, `image`), Zola's layout for TOML, and keeps
//! FAQ items under `faq` (in `[extra]` for Zola) so a re-import gives them
//! back.

use chrono::{DateTime, SecondsFormat, Utc};
use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::domain::article::{Article, Status};
use crate::domain::faq::QuestionAnswer;
use crate::domain::url::{clean_url, WEB_SCHEMES};
use crate::transform::frontmatter::{self, Dialect};

/// Everything a post file says about an article.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Post {
    pub title: String,
    pub dek: String,
    /// From `slug`, or the last part of `permalink`, `url` or `path`.
    pub slug: Option<String>,
    pub authors: Vec<String>,
    pub tags: Vec<String>,
    pub description: String,
    pub canonical_url: String,
    pub image: String,
    /// As written; the library reads it as a date (see [`Post::publish_at`]).
    pub date: Option<String>,
    /// `None` when the file has no front matter at all (a plain Markdown
    /// file is a draft); otherwise `draft: true` is a draft, and a post
    /// without it is published, as the site generators treat it.
    pub status: Option<Status>,
    pub faq: Vec<QuestionAnswer>,
    pub body: String,
    /// Front matter keys Byline does not map, in their order.
    pub extra: Map<String, Value>,
    /// Whether the file had front matter, and which.
    pub dialect: Option<Dialect>,
}

/// What reading a post did with each front matter key.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Mapping {
    /// Keys read into a field: `"categories → tags"`.
    pub mapped: Vec<String>,
    /// Keys kept as they are, for Markdown export to write back.
    pub kept: Vec<String>,
    /// Keys and things left out, with why: `"updated (empty)"`.
    pub skipped: Vec<String>,
    /// Quirks read around rather than refused: a date Byline cannot read,
    /// a key with the wrong kind of value (kept as written), a slug already
    /// in use (a free one given), front matter that is not valid.
    pub warnings: Vec<String>,
    /// What a plain-text article's structure rules changed (title,
    /// headings, callouts, FAQ items, links, dropped site chrome).
    pub structure: Vec<crate::transform::plain_article::StructureChange>,
}

/// Why a file's front matter cannot be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{0}")]
pub struct PostError(pub String);

impl From<frontmatter::FrontMatterError> for PostError {
    fn from(e: frontmatter::FrontMatterError) -> Self {
        PostError(e.to_string())
    }
}

/// Reads a post file's text; a mapped key with the wrong kind of value is
/// an error (the mirror folder, where the writer fixes the file).
pub fn read(text: &str) -> Result<(Post, Mapping), PostError> {
    read_with(text, false)
}

/// Reads a post file's text as an import does: nothing is refused but
/// front matter past the limits. A mapped key with the wrong kind of value
/// is kept as written, and front matter that is not valid YAML or TOML
/// stays in the body, each with a warning.
pub fn read_lenient(text: &str) -> Result<(Post, Mapping), PostError> {
    read_with(text, true)
}

fn read_with(text: &str, lenient: bool) -> Result<(Post, Mapping), PostError> {
    let doc = match frontmatter::split(text) {
        Ok(doc) => doc,
        Err(e @ frontmatter::FrontMatterError::TooComplex { .. }) => return Err(e.into()),
        Err(e) if lenient => {
            let post = Post {
                body: text.strip_prefix('\u{feff}').unwrap_or(text).to_owned(),
                ..Post::default()
            };
            let mapping = Mapping {
                warnings: vec![format!("{e}; the whole file was kept as the body")],
                ..Mapping::default()
            };
            return Ok((post, mapping));
        }
        Err(e) => return Err(e.into()),
    };
    let mut post = Post {
        body: doc.body,
        dialect: doc.dialect,
        status: doc.dialect.map(|_| Status::Published),
        ..Post::default()
    };
    let mut mapping = Mapping::default();
    let mut fields = doc.fields;
    // Zola keeps taxonomies and custom fields in tables; their keys are
    // read as if they were top-level, and what is left of the table is kept.
    let mut nested: Vec<(String, Value)> = Vec::new();
    for table in ["taxonomies", "extra"] {
        if let Some(Value::Object(inner)) = fields.get_mut(table) {
            for key in KNOWN_IN_TABLES {
                if let Some(value) = inner.remove(*key) {
                    nested.push((format!("{table}.{key}"), value));
                }
            }
            if inner.is_empty() {
                fields.remove(table);
            }
        }
    }
    let entries: Vec<(String, Value)> = fields.into_iter().chain(nested).collect();
    for (key, value) in entries {
        let short = key.rsplit('.').next().unwrap_or(&key).to_owned();
        if value.is_null() {
            mapping.skipped.push(format!("{key} (empty)"));
            continue;
        }
        let target = match map_key(&mut post, &mut mapping, &key, &short, &value) {
            Ok(Some(target)) => target,
            Ok(None) => continue,
            Err(e) if lenient => {
                mapping
                    .warnings
                    .push(format!("{e}; `{key}` was kept as written"));
                mapping.kept.push(key.clone());
                post.extra.insert(key, value);
                continue;
            }
            Err(e) => return Err(e),
        };
        mapping.mapped.push(if short == target {
            key
        } else {
            format!("{key} → {target}")
        });
    }
    Ok((post, mapping))
}

/// Reads one front matter key into `post`: the field it went to, or `None`
/// when it was kept or skipped (and `mapping` says so).
fn map_key(
    post: &mut Post,
    mapping: &mut Mapping,
    key: &str,
    short: &str,
    value: &Value,
) -> Result<Option<&'static str>, PostError> {
    let key = key.to_owned();
    let value = value.clone();
    Ok(Some(match short {
        "title" => {
            post.title = text_value(&key, &value)?;
            "title"
        }
        "subtitle" | "dek" | "deck" => {
            post.dek = text_value(&key, &value)?;
            "dek"
        }
        "slug" => {
            post.slug = Some(text_value(&key, &value)?);
            "slug"
        }
        "permalink" | "url" | "path" => {
            // The site needs these verbatim, so they are kept too; the
            // slug is their last part unless `slug` says otherwise.
            let path = text_value(&key, &value)?;
            if post.slug.is_none() {
                post.slug = last_segment(&path);
            }
            mapping.kept.push(key.clone());
            post.extra.insert(key.clone(), value);
            mapping.mapped.push(format!("{key} → slug"));
            return Ok(None);
        }
        "date" | "pubDate" | "publishDate" | "pub_date" | "published_at" => {
            post.date = Some(text_value(&key, &value)?);
            "publish date"
        }
        "author" | "authors" => {
            post.authors.extend(people(&key, &value)?);
            "authors"
        }
        "tags" | "categories" => {
            for tag in list_value(&key, &value)? {
                if !post.tags.iter().any(|t| t.eq_ignore_ascii_case(&tag)) {
                    post.tags.push(tag);
                }
            }
            "tags"
        }
        "description" | "summary" | "excerpt" => {
            post.description = text_value(&key, &value)?;
            "description"
        }
        "canonical" | "canonical_url" | "canonicalURL" | "canonicalUrl" => {
            let url = text_value(&key, &value)?;
            let Some(url) = safe_url(&key, &url, mapping) else {
                return Ok(None);
            };
            post.canonical_url = url;
            "canonical URL"
        }
        "image" | "featured_image" | "featuredImage" | "heroImage" | "cover" | "thumbnail" => {
            let url = image_value(&key, &value)?;
            let Some(url) = safe_url(&key, &url, mapping) else {
                return Ok(None);
            };
            post.image = url;
            "featured image"
        }
        "draft" => {
            let draft = bool_value(&key, &value)?;
            post.status = Some(if draft {
                Status::Draft
            } else {
                post.status
                    .filter(|s| *s != Status::Draft)
                    .unwrap_or(Status::Published)
            });
            "status"
        }
        "published" if matches!(value, Value::Bool(_)) => {
            // Jekyll's `published: false` keeps a post off the site.
            let published = bool_value(&key, &value)?;
            post.status = Some(if published {
                Status::Published
            } else {
                Status::Draft
            });
            "status"
        }
        "status" => {
            let name = text_value(&key, &value)?;
            post.status = Some(match name.to_ascii_lowercase().as_str() {
                // WordPress exports say `publish`.
                "publish" | "published" | "live" => Status::Published,
                "review" | "pending" => Status::InReview,
                other => other.parse().map_err(|_| {
                    PostError(format!(
                        "`{key}` is {name:?}; use draft, in-review, ready or published"
                    ))
                })?,
            });
            "status"
        }
        "faq" => {
            post.faq = faq_value(&key, &value)?;
            "FAQ items"
        }
        _ => {
            mapping.kept.push(key.clone());
            post.extra.insert(key, value);
            return Ok(None);
        }
    }))
}

/// A URL from front matter judged by the URL rule of `domain::url`. One it
/// refuses (a script URL, however disguised) is reported as skipped and
/// left out, not kept: kept keys are written back by Markdown export, and
/// the rest of the post is read as usual.
fn safe_url(key: &str, url: &str, mapping: &mut Mapping) -> Option<String> {
    if clean_url(url, WEB_SCHEMES).is_none() {
        mapping
            .skipped
            .push(format!("{key} (not a web address or a path)"));
        return None;
    }
    // As written: the library checks and normalises it on import.
    Some(url.to_owned())
}

/// Keys looked for inside Zola's `[taxonomies]` and `[extra]` tables.
const KNOWN_IN_TABLES: &[&str] = &[
    "tags",
    "categories",
    "subtitle",
    "dek",
    "image",
    "cover",
    "canonical",
    "status",
    "faq",
    "author",
];

impl Post {
    /// The post of an article, with the kept front matter keys.
    pub fn from_article(article: &Article, extra: &Map<String, Value>) -> Post {
        Post {
            title: article.meta.title.clone(),
            dek: article.meta.dek.clone(),
            slug: Some(article.meta.slug.clone()),
            authors: article.meta.authors.clone(),
            tags: article.meta.tags.clone(),
            description: article.meta.meta_description.clone(),
            // As stored, unless the URL rule refuses them: then left out.
            canonical_url: crate::domain::url::accepted(&article.meta.canonical_url),
            image: crate::domain::url::accepted(&article.meta.featured_image),
            date: article
                .meta
                .publish_at
                .map(|d| d.to_rfc3339_opts(SecondsFormat::Secs, true)),
            status: Some(article.status),
            faq: article.faq.iter().map(|f| f.pair()).collect(),
            body: article.body.clone(),
            extra: extra.clone(),
            dialect: None,
        }
    }

    /// The publish date, read as the Details panel reads one, plus the
    /// `2024-05-01 10:00:00 +0200` form Jekyll writes and the month names
    /// Astro's starter writes (`Jul 08 2022`).
    pub fn publish_at(&self) -> crate::domain::error::Result<Option<DateTime<Utc>>> {
        let Some(date) = self.date.as_deref() else {
            return Ok(None);
        };
        if let Ok(t) = DateTime::parse_from_str(date.trim(), "%Y-%m-%d %H:%M:%S %z") {
            return Ok(Some(t.with_timezone(&Utc)));
        }
        if let Some(t) = crate::domain::date::named_month_date(date) {
            return Ok(Some(t));
        }
        crate::domain::date::publish_date(date)
    }

    /// The post as a Markdown file with front matter.
    pub fn to_markdown(&self, dialect: Dialect) -> String {
        let mut fields = Map::new();
        let mut extra_table = Map::new();
        let text = |s: &str| Value::String(s.to_owned());
        let list = |l: &[String]| Value::Array(l.iter().map(|s| text(s)).collect());
        fields.insert("title".into(), text(&self.title));
        let zola = dialect == Dialect::Toml;
        // Zola refuses unknown top-level keys, so Byline's own go in [extra].
        let mut own = |key: &str, value: Value, fields: &mut Map<String, Value>| {
            if zola {
                extra_table.insert(key.to_owned(), value);
            } else {
                fields.insert(key.to_owned(), value);
            }
        };
        if !self.dek.is_empty() {
            own("subtitle", text(&self.dek), &mut fields);
        }
        if let Some(slug) = self.slug.as_deref().filter(|s| !s.is_empty()) {
            fields.insert("slug".into(), text(slug));
        }
        if let Some(date) = &self.date {
            fields.insert("date".into(), text(date));
        }
        let status = self.status.unwrap_or(Status::Draft);
        fields.insert("draft".into(), Value::Bool(status != Status::Published));
        if matches!(status, Status::InReview | Status::Ready) {
            own("status", text(status.as_str()), &mut fields);
        }
        if !self.authors.is_empty() {
            fields.insert("authors".into(), list(&self.authors));
        }
        if !self.description.is_empty() {
            fields.insert("description".into(), text(&self.description));
        }
        if !self.tags.is_empty() {
            if zola {
                let mut taxonomies = match self.extra.get("taxonomies") {
                    Some(Value::Object(t)) => t.clone(),
                    _ => Map::new(),
                };
                taxonomies.insert("tags".into(), list(&self.tags));
                fields.insert("taxonomies".into(), Value::Object(taxonomies));
            } else {
                fields.insert("tags".into(), list(&self.tags));
            }
        }
        if !self.canonical_url.is_empty() {
            own("canonical", text(&self.canonical_url), &mut fields);
        }
        if !self.image.is_empty() {
            own("image", text(&self.image), &mut fields);
        }
        if !self.faq.is_empty() {
            let items = self
                .faq
                .iter()
                .map(|qa| {
                    let mut item = Map::new();
                    item.insert("question".into(), text(&qa.question));
                    item.insert("answer".into(), text(&qa.answer));
                    Value::Object(item)
                })
                .collect();
            own("faq", Value::Array(items), &mut fields);
        }
        for (key, value) in &self.extra {
            match (key.as_str(), value) {
                ("taxonomies", _) if zola && fields.contains_key("taxonomies") => {}
                ("extra", Value::Object(kept)) if zola => {
                    for (k, v) in kept {
                        extra_table.entry(k.clone()).or_insert_with(|| v.clone());
                    }
                }
                _ => {
                    fields.entry(key.clone()).or_insert_with(|| value.clone());
                }
            }
        }
        if !extra_table.is_empty() {
            fields.insert("extra".into(), Value::Object(extra_table));
        }
        frontmatter::write(dialect, &fields, &self.body)
    }
}

fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "empty",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table",
    }
}

fn text_value(key: &str, value: &Value) -> Result<String, PostError> {
    match value {
        Value::String(s) => Ok(s.clone()),
        // `title: 1984` is a title, not a type error.
        Value::Number(n) => Ok(n.to_string()),
        other => Err(PostError(format!(
            "`{key}` must be text, not {}",
            kind(other)
        ))),
    }
}

fn bool_value(key: &str, value: &Value) -> Result<bool, PostError> {
    match value {
        Value::Bool(b) => Ok(*b),
        Value::String(s) if s.eq_ignore_ascii_case("true") => Ok(true),
        Value::String(s) if s.eq_ignore_ascii_case("false") => Ok(false),
        other => Err(PostError(format!(
            "`{key}` must be true or false, not {}",
            kind(other)
        ))),
    }
}

/// A list of text, or one text: comma-separated, or (Jekyll's
/// `categories: news local`) space-separated when it has no commas.
fn list_value(key: &str, value: &Value) -> Result<Vec<String>, PostError> {
    let items: Vec<String> = match value {
        Value::Array(items) => items
            .iter()
            .map(|v| text_value(key, v))
            .collect::<Result<_, _>>()
            .map_err(|_| PostError(format!("`{key}` must be a list of text")))?,
        Value::String(s) if s.contains(',') => s.split(',').map(str::to_owned).collect(),
        Value::String(s) => s.split_whitespace().map(str::to_owned).collect(),
        other => {
            return Err(PostError(format!(
                "`{key}` must be a list of text, not {}",
                kind(other)
            )))
        }
    };
    Ok(items
        .into_iter()
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect())
}

/// Authors as text, a list, or (some themes) a table with a `name`.
fn people(key: &str, value: &Value) -> Result<Vec<String>, PostError> {
    let name = |v: &Value| match v {
        Value::Object(m) => m
            .get("name")
            .map(|n| text_value(key, n))
            .unwrap_or_else(|| Err(PostError(format!("`{key}` has an entry without a name")))),
        other => text_value(key, other),
    };
    match value {
        Value::Array(items) => items.iter().map(name).collect(),
        Value::String(s) => Ok(s
            .split(',')
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect()),
        other => Ok(vec![name(other)?]),
    }
}

/// An image as text, or (Hugo themes) a table such as `cover: {image: …}`.
fn image_value(key: &str, value: &Value) -> Result<String, PostError> {
    match value {
        Value::Object(m) => ["image", "src", "url"]
            .iter()
            .find_map(|k| m.get(*k))
            .map(|v| text_value(key, v))
            .unwrap_or_else(|| Err(PostError(format!("`{key}` has no image, src or url")))),
        other => text_value(key, other),
    }
}

fn faq_value(key: &str, value: &Value) -> Result<Vec<QuestionAnswer>, PostError> {
    let Value::Array(items) = value else {
        return Err(PostError(format!(
            "`{key}` must be a list of questions and answers, not {}",
            kind(value)
        )));
    };
    items
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let field = |name: &str| match item.get(name) {
                Some(Value::String(s)) => Ok(s.clone()),
                None | Some(Value::Null) => Ok(String::new()),
                Some(other) => Err(PostError(format!(
                    "`{key}` item {}: `{name}` must be text, not {}",
                    i + 1,
                    kind(other)
                ))),
            };
            if !item.is_object() {
                return Err(PostError(format!(
                    "`{key}` item {} must have a question and an answer",
                    i + 1
                )));
            }
            Ok(QuestionAnswer::new(field("question")?, field("answer")?))
        })
        .collect()
}

/// The last part of a permalink: `/2024/05/ferry-fares/` → `ferry-fares`.
fn last_segment(path: &str) -> Option<String> {
    let last = path
        .split(['/', '?', '#'])
        .filter(|s| !s.is_empty() && !s.starts_with(':'))
        .last()?;
    let last = last
        .strip_suffix(".html")
        .or_else(|| last.strip_suffix(".htm"))
        .unwrap_or(last);
    (!last.is_empty()).then(|| last.to_owned())
}

#[cfg(test)]
mod tests;
