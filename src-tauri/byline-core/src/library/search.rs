//! Full-text search (SQLite FTS5) over titles, deks, bodies, FAQ text and
//! tags; `tag:NAME` looks in the tags alone.
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

use super::articles::{summary_from_row, SUMMARY_COLUMNS, SUMMARY_COLUMN_COUNT};
use super::Library;
use crate::domain::article::ArticleSummary;
use crate::domain::error::{Error, Result};

/// What a term starts with to match tags only (`tag:transit`). A plain word
/// finds tags too, along with everything else.
const TAG_PREFIX: &str = "tag:";

/// Longer queries are refused: nobody types them, and each term costs a scan.
pub const MAX_QUERY_CHARS: usize = 200;

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
        // Two steps so the costly part runs for the top results only: FTS5
        // ranks every match (bm25 with the weights set in migration 3) and
        // keeps `limit` rowids; the snippet of each is then built by a seek
        // to that one row. A single query would build a snippet for every
        // matching article before sorting.
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let mut ranked = self
            .conn
            .prepare_cached(
                // Trashed ids come from the covering `articles_listing`
                // index as one small set. Joining `articles` instead reads
                // every matching row, walking past its whole body: 3× slower.
                "SELECT rowid FROM articles_fts
                 WHERE articles_fts MATCH ?1
                   AND rowid NOT IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL)
                 ORDER BY rank LIMIT ?2",
            )
            .map_err(|e| self.sql_err(e))?;
        let ids = ranked
            .query_map(rusqlite::params![fts, limit], |row| row.get::<_, i64>(0))
            .map_err(|e| self.sql_err(e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.sql_err(e))?;
        let mut one = self
            .conn
            .prepare_cached(&format!(
                // Column -1: the snippet comes from whichever column
                // matches best, so a dek-only or tag-only hit shows it.
                "SELECT {SUMMARY_COLUMNS}, snippet(articles_fts, -1, ?3, ?4, '…', 14)
                     FROM articles_fts JOIN articles a ON a.id = articles_fts.rowid
                     WHERE articles_fts MATCH ?1 AND articles_fts.rowid = ?2"
            ))
            .map_err(|e| self.sql_err(e))?;
        let (start, end) = (HIT_START.to_string(), HIT_END.to_string());
        ids.into_iter()
            .map(|id| {
                one.query_row(rusqlite::params![fts, id, start, end], |row| {
                    Ok(SearchHit {
                        article: summary_from_row(row)?,
                        snippet: snippet_parts(&row.get::<_, String>(SUMMARY_COLUMN_COUNT)?),
                    })
                })
                .map_err(|e| self.sql_err(e))
            })
            .collect()
    }
}

impl Library {
    /// What search would cost without the index: a `LIKE` scan of titles and
    /// bodies. Only the benchmark calls it, as its baseline.
    #[doc(hidden)]
    pub fn search_baseline_like(&self, needle: &str, limit: usize) -> Result<usize> {
        let pattern = format!("%{}%", needle.trim().trim_matches('"'));
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT id FROM articles WHERE title LIKE ?1 OR body LIKE ?1
                 ORDER BY updated_at DESC LIMIT ?2",
            )
            .map_err(|e| self.sql_err(e))?;
        let limit = i64::try_from(limit).unwrap_or(i64::MAX);
        let n = stmt
            .query_map(rusqlite::params![pattern, limit], |_| Ok(()))
            .map_err(|e| self.sql_err(e))?
            .count();
        Ok(n)
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
        // `tag:transit` (or `tag:"new york"`) looks in the tags alone.
        let column = match rest.get(..TAG_PREFIX.len()) {
            Some(p) if p.eq_ignore_ascii_case(TAG_PREFIX) => {
                rest = &rest[TAG_PREFIX.len()..];
                "tags_text : "
            }
            _ => "",
        };
        let (term, is_phrase, tail) = if let Some(after) = rest.strip_prefix('"') {
            let end = after.find('"').unwrap_or(after.len());
            (&after[..end], true, after.get(end + 1..).unwrap_or(""))
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            (&rest[..end], false, &rest[end..])
        };
        rest = tail;
        if term.chars().any(char::is_alphanumeric) {
            terms.push(format!("{column}\"{}\"", term.replace('"', "\"\"")));
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
