//! Reading one file into a [`Prepared`] post, before any write: the import
//! (lenient: quirks become warnings) and the mirror (strict: the writer
//! fixes the file) differ only in what they forgive. And the one rule for a
//! slug already in use.

use std::path::Path;

use rusqlite::Transaction;

use super::{fit, named, FaqImport, ImportOptions, Prepared};
use crate::domain::article::{ArticleId, Status};
use crate::domain::error::{Error, Result};
use crate::library;
use crate::library::articles::clean_title;
use crate::library::imported;
use crate::library::metadata::checked_slug;
use crate::transform::post::{self, Mapping, Post};
use crate::transform::{plain_article, web_page};

/// Reads, maps and checks one file, before any write. Only limits and
/// text that is not text refuse a file; quirks become warnings.
pub(super) fn prepare(
    path: &Path,
    root: &Path,
    options: ImportOptions,
) -> Result<(Prepared, Mapping)> {
    let text = crate::usecases::markdown_file::read_markdown_file(path)?;
    let (post, mapping) = if is_plain_text(path) {
        plain_post(&text, options.plain)
    } else if is_web_page(path) {
        web_post(&text)?
    } else {
        post::read_lenient(&text).map_err(|e| Error::FrontMatter {
            path: path.to_path_buf(),
            detail: e.0,
        })?
    };
    let named = named::FileName::of(path);
    prepare_post(path, root, post, mapping, &named, options, Leniency::Import)
}

/// Maps a mirror file's text (read from `path`) and checks it, before any
/// write. Stricter than an import: the writer fixes a file in the mirror
/// folder, and the mirror writes the article back out to it.
pub(in crate::usecases) fn prepare_text(
    path: &Path,
    text: &str,
    options: ImportOptions,
) -> Result<(Prepared, Mapping)> {
    let (post, mapping) = post::read(text).map_err(|e| Error::FrontMatter {
        path: path.to_path_buf(),
        detail: e.0,
    })?;
    let root = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let named = named::FileName::plain(path);
    prepare_post(
        path,
        &root,
        post,
        mapping,
        &named,
        options,
        Leniency::Mirror,
    )
}

/// A `.txt` file: plain text, no front matter, its structure given back
/// unless the writer asked for the text as it is.
fn is_plain_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("txt") || e.eq_ignore_ascii_case("text"))
}

/// A plain-text article as a post: as it is (`as_is`), or with its
/// structure back, every change listed in the mapping. FAQ items the
/// library would refuse stay in the body as a Markdown section.
fn plain_post(text: &str, as_is: bool) -> (Post, Mapping) {
    let mut mapping = Mapping::default();
    if as_is {
        let post = Post {
            body: text.to_owned(),
            ..Post::default()
        };
        return (post, mapping);
    }
    let structured = plain_article::structure(text);
    let mut post = Post {
        title: structured.title,
        body: structured.body,
        ..Post::default()
    };
    mapping.structure = structured.changes;
    take_faq(&mut post, structured.faq, &mut mapping);
    (post, mapping)
}

/// A saved web page (`.html`, `.htm`): the article read out of it
/// (`transform::web_page`), each field's source in the mapping and each
/// change in its structure list.
fn web_post(html: &str) -> Result<(Post, Mapping)> {
    let page = web_page::read(html)?;
    let mut mapping = Mapping {
        mapped: page.sources,
        structure: page.changes,
        ..Mapping::default()
    };
    let mut post = Post {
        title: page.title,
        description: page.description,
        canonical_url: page.canonical_url,
        authors: page.authors,
        image: page.image,
        date: Some(page.date).filter(|d| !d.is_empty()),
        body: page.body,
        ..Post::default()
    };
    take_faq(&mut post, page.faq, &mut mapping);
    Ok((post, mapping))
}

/// FAQ items found in a page or text become the post's, unless one would
/// not fit the library's rules: then they stay in the body as a Markdown
/// section, and the report says so.
fn take_faq(post: &mut Post, faq: Vec<crate::domain::faq::QuestionAnswer>, mapping: &mut Mapping) {
    if faq.iter().all(|qa| crate::domain::faq::clean(qa).is_ok()) {
        post.faq = faq;
        return;
    }
    mapping
        .warnings
        .push("the FAQ does not fit as FAQ items; it stays in the body".to_owned());
    mapping
        .structure
        .retain(|c| c.kind != plain_article::ChangeKind::FaqItem);
    post.body.push_str("\n## Frequently Asked Questions\n");
    for qa in &faq {
        post.body
            .push_str(&format!("\n### {}\n\n{}\n", qa.question, qa.answer));
    }
}

/// Why a saved page found in a folder is not one to import: a template
/// (`{{`, `{%`) or a fragment of a page (no `<html>` or `<body>`). `None`
/// when it is a page, or cannot be read (the import then says why).
pub(crate) fn not_a_page(path: &Path) -> Option<String> {
    if !is_web_page(path) {
        return None;
    }
    let text = crate::usecases::markdown_file::read_markdown_file(path).ok()?;
    web_page::not_a_page(&text).map(str::to_owned)
}

/// A saved web page, by its name.
fn is_web_page(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Leniency {
    Import,
    Mirror,
}

fn prepare_post(
    path: &Path,
    root: &Path,
    mut post: Post,
    mut mapping: Mapping,
    named: &named::FileName,
    options: ImportOptions,
    leniency: Leniency,
) -> Result<(Prepared, Mapping)> {
    library::articles::check_body(&post.body)?;
    if options.faq == FaqImport::Detect && post.faq.is_empty() {
        // Items that would not fit stay in the body, where they were.
        let fits = |f: &crate::transform::faq::detect::DetectedFaq| {
            f.items
                .iter()
                .all(|qa| crate::domain::faq::clean(qa).is_ok())
        };
        if let Some(found) = crate::transform::faq::detect::detect(&post.body).filter(fits) {
            post.faq = found.items;
            post.body = found.body_without;
        }
    }
    if leniency == Leniency::Import {
        fit::fit(&mut post, &mut mapping);
    }
    let title = match (clean_title(&post.title), leniency) {
        (Ok(title), _) => title,
        (Err(e), Leniency::Import) => {
            let cut: String = post.title.chars().take(library::MAX_TITLE_CHARS).collect();
            mapping
                .warnings
                .push(format!("the title {e}; it was cut to fit"));
            post.extra
                .entry("original_title".to_owned())
                .or_insert_with(|| post.title.clone().into());
            clean_title(&cut)?
        }
        (Err(e), Leniency::Mirror) => return Err(e),
    };
    let publish_at = match (post.publish_at(), leniency) {
        (Ok(Some(date)), _) => Some(date),
        (Ok(None), _) => named.date,
        (Err(e), Leniency::Mirror) => return Err(e),
        (Err(_), Leniency::Import) => {
            let written = post.date.clone().unwrap_or_default();
            let read = crate::domain::date::loose_date(&written).or(named.date);
            mapping.warnings.push(format!(
                "the date {written:?} is not one Byline reads; {}, and it is kept as \
                 written under original_date",
                match read {
                    Some(d) => format!("it was read as {}", d.format("%Y-%m-%d %H:%M UTC")),
                    None => "the article has no date".to_owned(),
                }
            ));
            post.extra
                .insert("original_date".to_owned(), written.into());
            mapping.kept.push("original_date".to_owned());
            read
        }
    };
    // The file's own name is its slug when the front matter gives none:
    // that is its URL on the site it came from.
    let slug = match checked_slug(post.slug.as_deref().unwrap_or(&named.slug)) {
        Ok(slug) => slug,
        Err(e) if leniency == Leniency::Import => {
            mapping
                .warnings
                .push(format!("the slug {e}; one was made from the title"));
            String::new()
        }
        Err(e) => return Err(e),
    };
    let slug = if slug.is_empty() {
        crate::transform::slug::from_title(&title)
    } else {
        slug
    };
    let source = std::fs::canonicalize(path)
        .unwrap_or_else(|_| path.to_path_buf())
        .display()
        .to_string();
    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
    let status = post.status.unwrap_or(Status::Draft);
    Ok((
        Prepared {
            source,
            title,
            slug,
            publish_at,
            status,
            post,
            dir,
            root: root.to_path_buf(),
        },
        mapping,
    ))
}

/// An import never drops a post for its slug: one held by another article
/// gets the first free `-2`, `-3`…, the report says so, and the slug the
/// post asked for is kept in its front matter (unless a permalink or path
/// kept there already says where it lived), so Markdown export writes it
/// back.
pub(super) fn free_slug(
    tx: &Transaction<'_>,
    p: &mut Prepared,
    existing: Option<ArticleId>,
    mapping: &mut Mapping,
) -> Result<()> {
    let taken_by = |slug: &str| -> Result<Option<String>> {
        Ok(imported::slug_holder(tx, slug)?
            .filter(|(holder, _)| Some(*holder) != existing)
            .map(|(_, title)| title))
    };
    let Some(holder) = taken_by(&p.slug)? else {
        return Ok(());
    };
    let max = crate::transform::slug::MAX_SLUG_CHARS - 6;
    let base = if p.slug.len() > max {
        p.slug[..max].trim_end_matches('-').to_owned()
    } else {
        p.slug.clone()
    };
    let free = crate::transform::slug::first_free(&base, |s| !matches!(taken_by(s), Ok(None)));
    let holder = if holder.is_empty() {
        crate::domain::article::UNTITLED.to_owned()
    } else {
        holder
    };
    mapping.warnings.push(format!(
        "the slug {} is used by \"{holder}\"; this post got {free}",
        p.slug
    ));
    let extra = &mut p.post.extra;
    if !["permalink", "url", "path", "original_slug"]
        .iter()
        .any(|k| extra.contains_key(*k))
    {
        extra.insert("original_slug".to_owned(), p.slug.clone().into());
        mapping.kept.push("original_slug".to_owned());
    }
    p.slug = free;
    Ok(())
}
