//! Full-text search (SQLite FTS5) over titles and bodies.
//!
//! The writer's words are never handed to FTS5 as query syntax: every term is
//! quoted, so `-`, `*`, `AND` or a stray quote cannot cause a syntax error or
//! change the meaning. Quoted phrases stay phrases, and the last word is a
//! prefix while it is being typed ("bud" finds "budget").
//!
//! Snippets come back as parts (text, and whether it is a hit) rather than as
//! HTML, so article text is never interpreted as markup by whoever shows it.

use serde::Serialize;
use ts_rs::TS;

use super::articles::millis_to_time;
use super::Library;
use crate::error::{Error, Result};
use crate::model::{ArticleId, ArticleSummary};

/// Longer queries are refused: nobody types them, and each term costs a scan.
pub const MAX_QUERY_CHARS: usize = 200;

/// Weight of a title hit against a body hit in the ranking.
const TITLE_WEIGHT: f64 = 8.0;

/// Private-use characters that mark hits inside FTS5 snippets; they cannot be
/// confused with markup and are split out before anything leaves this module.
const HIT_START: char = '\u{E000}';
const HIT_END: char = '\u{E001}';

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SearchHit {
    pub article: ArticleSummary,
    /// Words around the best match in the body, hits marked.
    pub snippet: Vec<SnippetPart>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

impl Library {
    /// Articles matching `query`, best first (bm25, title hits weighted up).
    /// An empty query, or one with nothing searchable in it, finds nothing.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
        let Some(fts) = fts_query(query)? else {
            return Ok(Vec::new());
        };
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT a.id, a.title, a.words, a.updated_at,
                        snippet(articles_fts, 1, ?3, ?4, '…', 14)
                 FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                 WHERE articles_fts MATCH ?1
                 ORDER BY bm25(articles_fts, ?5, 1.0), a.updated_at DESC
                 LIMIT ?2",
            )
            .map_err(|e| self.sql_err(e))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let rows = stmt
            .query_map(
                rusqlite::params![
                    fts,
                    limit,
                    HIT_START.to_string(),
                    HIT_END.to_string(),
                    TITLE_WEIGHT
                ],
                |row| {
                    Ok(SearchHit {
                        article: ArticleSummary {
                            id: ArticleId(row.get(0)?),
                            title: row.get(1)?,
                            words: row.get(2)?,
                            updated_at: millis_to_time(row, 3)?,
                        },
                        snippet: snippet_parts(&row.get::<_, String>(4)?),
                    })
                },
            )
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.sql_err(e))
    }
}

/// Turns what the writer typed into an FTS5 query of quoted terms (AND-ed),
/// `None` if nothing in it can be searched for.
pub fn fts_query(input: &str) -> Result<Option<String>> {
    let chars = input.chars().count();
    if chars > MAX_QUERY_CHARS {
        return Err(Error::invalid(
            "search",
            format!("is {chars} characters long; the limit is {MAX_QUERY_CHARS}"),
        ));
    }
    let mut terms: Vec<String> = Vec::new();
    let mut rest = input;
    let mut last_is_open_word = false;
    while let Some(start) = rest.find(|c: char| !c.is_whitespace()) {
        rest = &rest[start..];
        let (term, is_phrase, tail) = if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            (&after[..end], true, after.get(end + 1..).unwrap_or(""))
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], false, &rest[end..])
        };
        rest = tail;
        if term.chars().any(char::is_alphanumeric) {
            terms.push(format!("\"{}\"", term.replace('"', "\"\"")));
            last_is_open_word = !is_phrase && tail.is_empty();
        }
    }
    if terms.is_empty() {
        return Ok(None);
    }
    if last_is_open_word {
        terms.last_mut().expect("non-empty").push('*');
    }
    Ok(Some(terms.join(" ")))
}

fn snippet_parts(marked: &str) -> Vec<SnippetPart> {
    let mut parts = Vec::new();
    let mut hit = false;
    let mut text = String::new();
    for c in marked.chars() {
        if c == HIT_START || c == HIT_END {
            if !text.is_empty() {
                parts.push(SnippetPart {
                    text: std::mem::take(&mut text),
                    hit,
                });
            }
            hit = c == HIT_START;
        } else {
            text.push(c);
        }
    }
    if !text.is_empty() {
        parts.push(SnippetPart { text, hit });
    }
    parts
}

#[cfg(test)]
mod tests;
