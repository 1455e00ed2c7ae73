//! Fitting an imported post into the library's rules before it is written.
//!
//! Each field is checked with the rule the write applies (one line and a
//! length for the dek and description, counts and lengths for tags and
//! authors, a web address for the canonical URL, a path or address for
//! the image, FAQ items' shapes). A field that does not fit is set aside
//! rather than failing the post: it is left empty, kept as written under
//! `original_<field>` in the front matter (so Markdown export writes it
//! back), and the report says why.

use serde_json::Value;

use crate::domain::error::Error;
use crate::library::metadata::{image_location, list, one_line, web_url};
use crate::library::{MAX_AUTHORS, MAX_DEK_CHARS, MAX_DESCRIPTION_CHARS, MAX_TAGS, MAX_TAG_CHARS};
use crate::transform::post::{Mapping, Post};

pub(super) fn fit(post: &mut Post, mapping: &mut Mapping) {
    let mut aside = |name: &str, value: Value, e: Error, post: &mut Post| {
        let key = format!("original_{name}");
        mapping
            .warnings
            .push(format!("{e}; it was kept as written under {key}"));
        mapping.kept.push(key.clone());
        post.extra.insert(key, value);
    };
    if let Err(e) = one_line(&post.dek, "dek", MAX_DEK_CHARS) {
        let dek = std::mem::take(&mut post.dek);
        aside("dek", dek.into(), e, post);
    }
    if let Err(e) = one_line(&post.description, "description", MAX_DESCRIPTION_CHARS) {
        let description = std::mem::take(&mut post.description);
        aside("description", description.into(), e, post);
    }
    if let Err(e) = list(&post.authors.join(","), "author", MAX_AUTHORS, 100) {
        let authors = std::mem::take(&mut post.authors);
        aside("authors", authors.into(), e, post);
    }
    if let Err(e) = list(&post.tags.join(","), "tag", MAX_TAGS, MAX_TAG_CHARS) {
        let tags = std::mem::take(&mut post.tags);
        aside("tags", tags.into(), e, post);
    }
    if let Err(e) = web_url(&post.canonical_url, "canonical URL") {
        let url = std::mem::take(&mut post.canonical_url);
        aside("canonical", url.into(), e, post);
    }
    if let Err(e) = image_location(&post.image) {
        let image = std::mem::take(&mut post.image);
        aside("image", image.into(), e, post);
    }
    if let Some(e) = post
        .faq
        .iter()
        .find_map(|qa| crate::domain::faq::clean(qa).err())
    {
        let faq: Vec<Value> = std::mem::take(&mut post.faq)
            .into_iter()
            .map(|qa| serde_json::json!({"question": qa.question, "answer": qa.answer}))
            .collect();
        aside("faq", faq.into(), e, post);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::faq::QuestionAnswer;

    #[test]
    fn fields_that_do_not_fit_are_set_aside_with_a_warning() {
        let mut post = Post {
            dek: "d".repeat(MAX_DEK_CHARS + 1),
            tags: (0..MAX_TAGS + 1).map(|i| format!("t{i}")).collect(),
            canonical_url: "ftp://example.com/x".into(),
            faq: vec![QuestionAnswer::new("two\nlines", "a")],
            description: "fine".into(),
            ..Post::default()
        };
        let mut mapping = Mapping::default();
        fit(&mut post, &mut mapping);
        assert_eq!(mapping.warnings.len(), 4, "{:?}", mapping.warnings);
        assert!(post.dek.is_empty() && post.tags.is_empty() && post.faq.is_empty());
        assert_eq!(post.description, "fine");
        assert_eq!(post.extra["original_canonical"], "ftp://example.com/x");
        assert_eq!(post.extra["original_faq"][0]["question"], "two\nlines");
        assert_eq!(
            post.extra["original_dek"].as_str().unwrap().len(),
            MAX_DEK_CHARS + 1
        );
    }
}
