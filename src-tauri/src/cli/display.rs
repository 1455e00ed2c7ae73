//! How the command line prints an article's title, fields and times.

use byline_core::domain::article::{ArticleField, UNTITLED};
use byline_core::Article;
use chrono::{DateTime, Local, TimeZone};

/// A title in quotes, or "Untitled" for an empty one.
pub fn display_title(title: &str) -> String {
    format!("“{}”", if title.is_empty() { UNTITLED } else { title })
}

/// A title as a list shows it, unquoted.
pub fn list_title(title: &str) -> &str {
    if title.is_empty() {
        UNTITLED
    } else {
        title
    }
}

/// A time in the writer's time zone, to the minute.
pub fn local_time<Tz: TimeZone>(at: &DateTime<Tz>) -> String {
    at.with_timezone(&Local)
        .format("%Y-%m-%d %H:%M")
        .to_string()
}

/// A field's value as `show` and `set` print it; "—" for an empty one.
pub fn field_value(article: &Article, field: ArticleField) -> String {
    let value = match field {
        ArticleField::Title => article.meta.title.clone(),
        ArticleField::Dek => article.meta.dek.clone(),
        ArticleField::Slug if article.slug_is_custom => article.meta.slug.clone(),
        ArticleField::Slug => format!("{} (from the title)", article.meta.slug),
        ArticleField::Authors => article.meta.authors.join(", "),
        ArticleField::Tags => article.meta.tags.join(", "),
        ArticleField::MetaDescription if article.meta.meta_description.is_empty() => String::new(),
        ArticleField::MetaDescription => format!(
            "{} ({} characters)",
            article.meta.meta_description,
            article.meta.meta_description.chars().count()
        ),
        ArticleField::CanonicalUrl => article.meta.canonical_url.clone(),
        ArticleField::FeaturedImage => article.meta.featured_image.clone(),
        ArticleField::PublishAt => article
            .meta
            .publish_at
            .as_ref()
            .map(local_time)
            .unwrap_or_default(),
        ArticleField::WordTarget => article
            .meta
            .word_target
            .map(|n| format!("{n} words"))
            .unwrap_or_default(),
    };
    if value.is_empty() {
        "—".to_string()
    } else {
        value
    }
}

/// A size in bytes as a writer reads it: "840 B", "12.3 KB", "4.1 MB".
pub fn human_size(bytes: u64) -> String {
    const UNITS: [&str; 4] = ["KB", "MB", "GB", "TB"];
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut value = bytes as f64 / 1024.0;
    let mut unit = 0;
    while value >= 1024.0 && unit + 1 < UNITS.len() {
        value /= 1024.0;
        unit += 1;
    }
    format!("{value:.1} {}", UNITS[unit])
}
