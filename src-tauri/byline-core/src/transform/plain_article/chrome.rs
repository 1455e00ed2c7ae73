//! Site chrome in a copied article: the lines a news site puts around an
//! article (comment counts, share and subscribe prompts, "discover more
//! from", "you may also like") that a copy of the page carries along.
//!
//! Only a whole paragraph of one short line is ever chrome, and only when it
//! reads as a site's prompt rather than as a sentence of the article: "Share
//! this article…" is chrome, "Officials refused to share the report." is not.

use super::ChangeKind;

/// Longer than any prompt a site prints; a longer line is the article.
const MAX_CHROME_CHARS: usize = 200;

/// Which kind of chrome `line` is, if it is one.
pub(crate) fn chrome_kind(line: &str) -> Option<ChangeKind> {
    if line.contains('\n') || line.chars().count() > MAX_CHROME_CHARS {
        return None;
    }
    let text = normalize(line);
    if text.is_empty() {
        return None;
    }
    if is_comment_count(&text) {
        return Some(ChangeKind::CommentCount);
    }
    if text.starts_with("discover more from ") {
        return Some(ChangeKind::DiscoverMore);
    }
    if is_related(&text) {
        return Some(ChangeKind::Related);
    }
    if is_share_prompt(&text) {
        return Some(ChangeKind::SharePrompt);
    }
    if is_subscribe_prompt(&text) {
        return Some(ChangeKind::Subscribe);
    }
    None
}

/// Whether `line` could be one of the links listed under "You may also
/// like": a short line of words, not a sentence.
pub(crate) fn is_related_link(line: &str) -> bool {
    !line.contains('\n')
        && line.chars().count() <= 120
        && !line.trim_end().ends_with(['.', ':', ';', ','])
}

/// Lower case, single spaces, without the decoration around a prompt
/// (a leading emoji or bullet, a trailing colon or ellipsis).
fn normalize(line: &str) -> String {
    let text = line
        .trim()
        .trim_start_matches(|c: char| !c.is_alphanumeric())
        .trim_end_matches([':', '…', '.', '!', ' ', '→', '›', '»']);
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn is_comment_count(text: &str) -> bool {
    const EXACT: &[&str] = &[
        "comments",
        "no comments",
        "leave a comment",
        "leave a reply",
        "add a comment",
        "show comments",
        "view comments",
        "join the discussion",
        "join the conversation",
    ];
    if EXACT.contains(&text) {
        return true;
    }
    let mut words = text.split(' ');
    let (Some(count), Some(noun), None) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let count_ok = count == "one"
        || (count.starts_with(|c: char| c.is_ascii_digit())
            && count
                .trim_end_matches('k')
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.'));
    count_ok
        && matches!(
            noun,
            "comment" | "comments" | "response" | "responses" | "reply" | "replies"
        )
}

fn is_related(text: &str) -> bool {
    const EXACT: &[&str] = &[
        "you may also like",
        "you might also like",
        "related",
        "related posts",
        "related articles",
        "related stories",
        "more stories",
        "read next",
        "read more",
        "recommended for you",
        "more from this author",
        "like this",
    ];
    EXACT.contains(&text)
}

fn is_share_prompt(text: &str) -> bool {
    const EXACT: &[&str] = &["share", "share this", "share on", "click to share", "tweet"];
    if EXACT.contains(&text) {
        return true;
    }
    const OBJECTS: &[&str] = &["article", "post", "story", "page", "piece"];
    const NETWORKS: &[&str] = &[
        "facebook", "twitter", "x", "linkedin", "whatsapp", "email", "reddit",
    ];
    let rest = text
        .strip_prefix("please ")
        .unwrap_or(text)
        .strip_prefix("share ")
        .unwrap_or("");
    let first = rest.split(' ').next().unwrap_or("");
    let second = rest.split(' ').nth(1).unwrap_or("");
    (first == "this" && OBJECTS.contains(&second.trim_end_matches([',', '.'])))
        || (first == "on" && NETWORKS.contains(&second.trim_end_matches([',', '.'])))
}

fn is_subscribe_prompt(text: &str) -> bool {
    if matches!(
        text,
        "subscribe" | "sign up" | "subscribe now" | "newsletter" | "continue reading"
    ) {
        return true;
    }
    let opens = [
        "subscribe",
        "sign up",
        "join our",
        "get the latest",
        "enter your email",
        "type your email",
        "get our",
    ]
    .iter()
    .any(|p| text.starts_with(p));
    let about = ["email", "newsletter", "inbox", "latest posts", "updates"]
        .iter()
        .any(|w| text.contains(w));
    opens && about
}
