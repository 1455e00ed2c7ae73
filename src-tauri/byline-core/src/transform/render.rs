//! The one Markdown renderer. The preview and every export call [`render`],
//! so what the writer sees is what gets published.
//!
//! comrak turns Markdown into HTML with raw HTML allowed (writers do use
//! `<kbd>` or `<details>`), then ammonia removes everything that could run
//! script or load a foreign document. Sanitising is not optional and there is
//! no unsanitised path out of this module.

use std::collections::HashSet;
use std::sync::{Arc, LazyLock};

use comrak::nodes::{AlertType, NodeValue};
use serde::Serialize;
use ts_rs::TS;

use crate::domain::url::clean_url;
use crate::transform::text_stats::TextStats;

/// What the preview needs after a keystroke: the page as top-level blocks
/// (so unchanged ones stay on screen untouched) and the counts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Preview {
    /// Names this response; the window passes it back as `since` so the next
    /// one can leave out the HTML of blocks it already shows.
    pub generation: u32,
    /// The whole page, or with `splice` only the blocks that replace part
    /// of the page the window shows.
    pub blocks: Vec<PreviewBlock>,
    pub stats: TextStats,
    /// Set when the window shows generation `since`: `blocks` are then only
    /// what changed, so a keystroke in a 100,000-word article carries one
    /// paragraph, not 1,400 block keys (measured: 5 to 12 ms of the
    /// window's time went to reading that list).
    pub splice: Option<PreviewSplice>,
}

/// How `Preview::blocks` fit into the page the window shows: its first
/// `head` and last `tail` blocks stay, the blocks between are replaced, and
/// the kept tail moved `shift` lines (lines added or removed above it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct PreviewSplice {
    pub head: u32,
    pub tail: u32,
    pub shift: i32,
    /// How many blocks the page it applies to has: a window whose page
    /// has another length asks for the whole page instead.
    pub length: u32,
}

impl PreviewSplice {
    /// The page `blocks` make of `page`, the page the window showed.
    /// `None` when `page` is not the one the splice was made against.
    pub fn apply(
        &self,
        page: &[PreviewBlock],
        blocks: &[PreviewBlock],
    ) -> Option<Vec<PreviewBlock>> {
        let (head, tail) = (self.head as usize, self.tail as usize);
        if page.len() != self.length as usize || head + tail > page.len() {
            return None;
        }
        let mut out = page[..head].to_vec();
        out.extend(blocks.iter().cloned());
        for block in &page[page.len() - tail..] {
            out.push(PreviewBlock {
                pos: shift_pos(&block.pos, self.shift)?,
                ..block.clone()
            });
        }
        Some(out)
    }
}

/// A `data-sourcepos` value ("3:1-5:20") moved `by` lines; empty stays empty.
pub fn shift_pos(pos: &str, by: i32) -> Option<String> {
    if pos.is_empty() || by == 0 {
        return Some(pos.to_owned());
    }
    let (start, end) = pos.split_once('-')?;
    let line = |part: &str| -> Option<String> {
        let (line, col) = part.split_once(':')?;
        let moved = i64::from(line.parse::<u32>().ok()?) + i64::from(by);
        (moved >= 1).then(|| format!("{moved}:{col}"))
    };
    Some(format!("{}-{}", line(start)?, line(end)?))
}

mod blocks;
pub mod header;
mod previewer;
pub mod remote;
mod splice;
/// A fragment's top-level elements (publishing to Ghost wraps some in cards).
pub use blocks::chunks as top_level_blocks;
pub use blocks::PreviewBlock;
pub use previewer::Previewer;
pub use remote::{Images, RemoteImages};

/// How the site sets its text, as far as the renderer is concerned. It is
/// part of the one pipeline: the preview and every export take it from the
/// same site settings, so they never disagree. The Markdown itself is never
/// changed by it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Typography {
    /// Typographic quotes, apostrophes, dashes and ellipses ("it's" becomes
    /// "it’s", `--` an en dash) via comrak's smart punctuation. Code keeps
    /// its straight quotes.
    pub smart_punctuation: bool,
}

impl Typography {
    pub fn of(site: &crate::domain::site_settings::SiteSettings) -> Typography {
        Typography {
            smart_punctuation: site.smart_quotes,
        }
    }
}

/// Renders Markdown to sanitised HTML, as exports publish it, with plain
/// punctuation. Images keep their library paths (`assets/…`); exports
/// decide how to ship them.
pub fn render(markdown: &str) -> String {
    render_set(markdown, Typography::default())
}

/// [`render`] with the site's [`Typography`]: what exports call.
pub fn render_set(markdown: &str, typography: Typography) -> String {
    render_with(markdown, published_options(typography), &SANITIZER)
}

/// comrak, then the sanitiser block by block: the one path every piece of
/// Markdown takes (body, FAQ answers, boilerplate).
fn render_with(
    markdown: &str,
    options: &comrak::Options<'_>,
    sanitizer: &ammonia::Builder<'_>,
) -> String {
    let raw = comrak_html(markdown, options);
    let mut out = String::with_capacity(raw.len());
    for chunk in blocks::chunks(&raw) {
        out.push_str(&sanitize(chunk, sanitizer));
        out.push('\n');
    }
    out
}

/// comrak's unsanitised HTML. Never leaves this module unsanitised.
fn comrak_html(markdown: &str, options: &comrak::Options<'_>) -> String {
    comrak_blocks(markdown, options).0
}

/// [`comrak_html`], and where each top-level block starts (line, column):
/// the preview's splicing trusts a block's position only when it is one.
fn comrak_blocks(
    markdown: &str,
    options: &comrak::Options<'_>,
) -> (String, HashSet<(usize, usize)>) {
    let arena = comrak::Arena::new();
    let root = comrak::parse_document(&arena, markdown, options);
    label_alerts(root);
    let starts = root
        .children()
        .map(|node| {
            let start = node.data().sourcepos.start;
            (start.line, start.column)
        })
        .collect();
    let mut raw = String::with_capacity(markdown.len() * 3 / 2);
    comrak::format_html(root, options, &mut raw).expect("formatting into a String cannot fail");
    (raw, starts)
}

/// Sanitises one top-level block. The page is sanitised block by block, in
/// the preview and in exports alike, so the preview can reuse the blocks it
/// already sanitised and still be exactly what exports publish. Each result
/// is a balanced fragment, so joining them is as safe as each one.
fn sanitize(block: &str, sanitizer: &ammonia::Builder<'_>) -> String {
    sanitizer.clean(block).to_string()
}

/// The "Updates" list under a corrected article: each note with its time.
/// Notes are text, never HTML; the list goes through the sanitiser like
/// everything else this module emits. Empty when there are none.
pub fn updates_html(corrections: &[crate::domain::correction::Correction]) -> String {
    if corrections.is_empty() {
        return String::new();
    }
    let mut html = String::from(r#"<section class="byline-updates"><h2>Updates</h2><ul>"#);
    let time = |at: chrono::DateTime<chrono::Utc>| {
        format!(
            r#"<time datetime="{}">{}</time>"#,
            at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            at.format("%-d %B %Y, %H:%M UTC"),
        )
    };
    for c in corrections {
        // An edited note says so, with the edit's own time: readers who saw
        // the first wording can tell it changed.
        let edited = c
            .edited_at
            .map(|at| format!(" <small>(edited {})</small>", time(at)))
            .unwrap_or_default();
        html.push_str(&format!(
            "<li>{} {}{edited}</li>",
            time(c.at),
            escape_text(&c.note)
        ));
    }
    html.push_str("</ul></section>");
    sanitize(&html, &SANITIZER)
}

/// A piece of Markdown (a FAQ answer being edited) rendered as the preview
/// renders the body, without source positions.
pub fn fragment(markdown: &str, images: Images<'_>, typography: Typography) -> String {
    let (options, sanitizer) = options_for(images, typography);
    render_with(markdown, &options, sanitizer)
}

/// Options and sanitiser for rendering outside the incremental preview:
/// in the window, library images point at the window's protocol.
fn options_for(
    images: Images<'_>,
    typography: Typography,
) -> (comrak::Options<'static>, &'static ammonia::Builder<'static>) {
    let mut options = published_options(typography).clone();
    match images {
        Images::InWindow { assets, remote } => {
            options.extension.image_url_rewriter = Some(Arc::new(AssetUrls(assets.to_owned())));
            (options, window_sanitizer(remote))
        }
        Images::AsPublished => (options, &SANITIZER),
    }
}

/// The window's sanitiser: as the page's, plus library images, with images
/// from other sites sent through the app (see [`remote`]).
fn window_sanitizer(remote: RemoteImages) -> &'static ammonia::Builder<'static> {
    match remote {
        RemoteImages::Block => &PREVIEW_SANITIZER,
        RemoteImages::Load => &PREVIEW_LOADING_SANITIZER,
    }
}

/// The FAQ section that closes an article: `heading`, then each question
/// as a heading with its answer rendered like the body. Questions are text,
/// never markup (markup in one is flagged by `faq::validate`). Empty when
/// there are no items. The preview renders it [`Images::InWindow`],
/// exports [`Images::AsPublished`].
pub fn faq_html(
    items: &[crate::domain::faq::QuestionAnswer],
    heading: &str,
    images: Images<'_>,
    typography: Typography,
) -> String {
    if items.is_empty() {
        return String::new();
    }
    let (options, sanitizer) = options_for(images, typography);
    let mut html = format!(
        r#"<section class="byline-faq"><h2 id="faq">{}</h2>"#,
        escape_text(heading)
    );
    for (n, item) in items.iter().enumerate() {
        html.push_str(&format!(
            r#"<div class="byline-faq-item"><h3 id="faq-{}">{}</h3>{}</div>"#,
            n + 1,
            escape_text(item.question.trim()),
            render_with(&item.answer, &options, sanitizer)
        ));
    }
    html.push_str("</section>");
    sanitize(&html, sanitizer)
}

/// Text as HTML text or a quoted attribute value: never markup.
pub fn escape_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// The label a callout shows when the writer gave it none. Newsrooms call a
/// tip box "Pro Tip"; the others keep GitHub's names.
pub fn alert_label(kind: AlertType) -> &'static str {
    match kind {
        AlertType::Tip => "Pro Tip",
        AlertType::Note => "Note",
        AlertType::Important => "Important",
        AlertType::Warning => "Warning",
        AlertType::Caution => "Caution",
    }
}

fn label_alerts<'a>(root: &'a comrak::nodes::AstNode<'a>) {
    for node in root.descendants() {
        if let NodeValue::Alert(alert) = &mut node.data_mut().value {
            if alert.title.is_none() {
                alert.title = Some(alert_label(alert.alert_type).to_string());
            }
        }
    }
}

/// A one-off preview, nothing cached: for tests, benches and the CLI.
pub fn preview(markdown: &str) -> Preview {
    Previewer::new(None).render(markdown, None)
}

/// Where `assets/…` image paths point in the preview, given the base URL
/// the window serves library images from.
struct AssetUrls(String);

impl comrak::options::URLRewriter for AssetUrls {
    fn to_html(&self, url: &str) -> String {
        match url.strip_prefix(crate::domain::asset::ASSET_DIR) {
            Some(name) if name.starts_with('/') => format!("{}{}", self.0, &name[1..]),
            _ => url.to_owned(),
        }
    }
}

fn preview_options(asset_base: Option<&str>, typography: Typography) -> comrak::Options<'static> {
    let mut options = published_options(typography).clone();
    options.render.sourcepos = true;
    if let Some(base) = asset_base {
        options.extension.image_url_rewriter = Some(Arc::new(AssetUrls(base.to_owned())));
    }
    options
}

static COMRAK_OPTIONS: LazyLock<comrak::Options<'static>> =
    LazyLock::new(|| comrak_options(Syntax::Published));

/// The published options with smart punctuation on.
static SMART_OPTIONS: LazyLock<comrak::Options<'static>> = LazyLock::new(|| {
    let mut options = comrak_options(Syntax::Published);
    options.parse.smart = true;
    options
});

/// What is published, set as the site asks. Every rendering of Markdown
/// for the page (preview, exports, FAQ answers) starts from here.
fn published_options(typography: Typography) -> &'static comrak::Options<'static> {
    if typography.smart_punctuation {
        &SMART_OPTIONS
    } else {
        &COMRAK_OPTIONS
    }
}

/// Which Markdown a parse reads. Each reader keeps the extensions it was
/// written against, so what it finds never shifts under it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// CommonMark alone: enough to find images and raw HTML (import).
    CommonMark,
    /// What the plain-text export reads: tables, strikethrough, footnotes
    /// and callouts, but no task lists (a box reads as `[ ]`) or autolinks.
    PlainText,
    /// What is published: GFM (tables, strikethrough, autolinks, task
    /// lists), footnotes and callouts, with the renderer's HTML settings.
    /// Detection parses with it too, so it sees the body as published.
    Published,
}

/// The one place comrak's options are built.
pub fn comrak_options(syntax: Syntax) -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    if syntax == Syntax::CommonMark {
        return options;
    }
    let ext = &mut options.extension;
    ext.strikethrough = true;
    ext.table = true;
    ext.footnotes = true;
    // `> [!TIP]` and friends become labelled callout boxes.
    ext.alerts = true;
    if syntax == Syntax::Published {
        ext.autolink = true;
        ext.tasklist = true;
        // Headings get ids (and an empty anchor link) so they can be linked to.
        ext.header_id_prefix = Some(String::new());
        // Raw HTML is passed through to ammonia, which decides what survives.
        options.render.r#unsafe = true;
    }
    options
}

/// Classes comrak emits that the article stylesheet relies on. Anything else a
/// writer puts in `class` is dropped, so Markdown cannot borrow the app's own
/// class names and restyle the window around the preview.
const KNOWN_CLASSES: &[&str] = &[
    "anchor",
    "markdown-alert",
    "markdown-alert-title",
    "markdown-alert-note",
    "markdown-alert-tip",
    "markdown-alert-important",
    "markdown-alert-warning",
    "markdown-alert-caution",
    "footnotes",
    "footnote-ref",
    "footnote-backref",
    "task-list-item",
    "contains-task-list",
    "task-list-item-checkbox",
    "byline-updates",
    "byline-faq",
    "byline-faq-item",
];

/// The schemes a published link or image may have.
const PAGE_SCHEMES: &[&str] = &["http", "https", "mailto", "tel"];

/// The preview also shows library images, which the window serves under
/// their own scheme (see the app's `byline-asset` protocol).
const PREVIEW_SCHEMES: &[&str] = &["http", "https", "mailto", "tel", ASSET_SCHEME];

static SANITIZER: LazyLock<ammonia::Builder<'static>> =
    LazyLock::new(|| sanitizer(PAGE_SCHEMES, None));

static PREVIEW_SANITIZER: LazyLock<ammonia::Builder<'static>> =
    LazyLock::new(|| sanitizer(PREVIEW_SCHEMES, Some(RemoteImages::Block)));

static PREVIEW_LOADING_SANITIZER: LazyLock<ammonia::Builder<'static>> =
    LazyLock::new(|| sanitizer(PREVIEW_SCHEMES, Some(RemoteImages::Load)));

/// Attributes whose value is a URL, on whatever element the allow-list
/// lets them through. ammonia checks only some of them (not `cite`), and
/// reads a URL behind a separator or control character as relative.
pub const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "cite",
    "longdesc",
    "poster",
    "action",
    "formaction",
    "data",
    "ping",
    "background",
    "xlink:href",
    "itemtype",
    "manifest",
    "codebase",
    "usemap",
];

/// The URL scheme the desktop app serves library images under.
pub const ASSET_SCHEME: &str = "byline-asset";

/// `remote` is set for the window: where images from other sites go.
fn sanitizer(
    schemes: &'static [&'static str],
    remote: Option<RemoteImages>,
) -> ammonia::Builder<'static> {
    let mut b = ammonia::Builder::default();
    b.url_schemes(schemes.iter().copied().collect::<HashSet<_>>())
        .add_tags([
            "input",
            "section",
            "details",
            "summary",
            "mark",
            "kbd",
            "figure",
            "figcaption",
            "time",
        ])
        .add_tag_attributes("time", ["datetime"])
        .add_tag_attributes("input", ["type", "checked", "disabled"])
        // The only input the renderer makes is a task list's checkbox, shown
        // and never used: any other (`<input>`, a text field) becomes one.
        .set_tag_attribute_value("input", "type", "checkbox")
        .set_tag_attribute_value("input", "disabled", "")
        .add_tag_attributes("th", ["align"])
        .add_tag_attributes("td", ["align"])
        .add_tag_attributes(
            "a",
            ["data-footnote-ref", "data-footnote-backref", "aria-label"],
        )
        .add_tag_attributes("section", ["data-footnotes"])
        .add_tag_attributes("ol", ["start"])
        .add_generic_attributes(["id", "class"])
        .attribute_filter(
            move |element, attribute, value| match (element, attribute) {
                // After ammonia's own scheme check: the URL rule of
                // `domain::url`, which also sees through separators, controls
                // and character references. Dropping the attribute keeps the
                // link's text.
                (_, a) if URL_ATTRIBUTES.contains(&a) => {
                    let url = clean_url(value, schemes)?;
                    match remote {
                        Some(remote) if element == "img" && a == "src" => {
                            Some(remote::window_url(&url, remote).unwrap_or(url).into())
                        }
                        _ => Some(url.into()),
                    }
                }
                ("input", "type") => (value == "checkbox").then_some(value.into()),
                (_, "id") => renderer_id(element, value).then(|| value.into()),
                (_, "class") => {
                    let kept: Vec<&str> = value
                        .split_ascii_whitespace()
                        .filter(|c| {
                            KNOWN_CLASSES.contains(c) || (element == "code" && is_language_class(c))
                        })
                        .collect();
                    (!kept.is_empty()).then(|| kept.join(" ").into())
                }
                _ => Some(value.into()),
            },
        );
    b
}

/// Whether `id` on `element` is one the renderer itself makes: a heading's
/// anchor (comrak's, or a FAQ question's), a footnote (`fn-…`) or a
/// reference to one (`fnref-…`). Ids written in the article's own HTML are
/// dropped, so `<p id="app">` cannot take an id the window uses. A
/// heading keeps an id only as comrak would write one (letters, digits,
/// `-`, `_`): the window's own ids all start `byline:`, which no article
/// can then produce, whatever its headings say.
fn renderer_id(element: &str, id: &str) -> bool {
    !id.is_empty()
        && match element {
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => id
                .chars()
                .all(|c| c.is_alphanumeric() || c == '-' || c == '_'),
            "li" => id.starts_with("fn-"),
            "a" => id.starts_with("fnref-"),
            _ => false,
        }
}

fn is_language_class(class: &str) -> bool {
    class.strip_prefix("language-").is_some_and(|lang| {
        !lang.is_empty()
            && lang
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+#-_.".contains(c))
    })
}

#[cfg(test)]
mod splice_tests;
#[cfg(test)]
mod tests;
