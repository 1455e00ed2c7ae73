//! The library list: filtering by status and tag, sorting, and the counts
//! the sidebar shows beside each filter.

use rusqlite::params;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use std::collections::HashMap;

use super::articles::{status_from_row, summary_from_row, SUMMARY_COLUMNS_WITHOUT_TAGS};
use super::Library;
use crate::domain::article::{ArticleSummary, Status};
use crate::domain::error::Result;

/// Which articles to list, and in what order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ListQuery {
    /// Only articles with this status.
    pub status: Option<Status>,
    /// Only articles with this tag (any case).
    pub tag: Option<String>,
    pub sort: SortKey,
    /// The trash instead of the live articles.
    pub trash: bool,
    /// At most this many articles (a page of the list); all when absent.
    /// The window loads the list a page at a time, so a library of
    /// thousands of articles opens as fast as one of a few.
    #[serde(default)]
    #[ts(optional)]
    pub limit: Option<u32>,
    /// How many articles of the whole list to skip before the page.
    #[serde(default)]
    #[ts(optional)]
    pub offset: Option<u32>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    /// Most recently edited first (in the trash: most recently trashed).
    #[default]
    Edited,
    /// A to Z, ignoring case and accents; untitled articles last.
    Title,
    /// Latest publish date first; articles without one last.
    PublishDate,
}

impl std::str::FromStr for SortKey {
    type Err = crate::domain::error::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s
            .trim()
            .to_ascii_lowercase()
            .replace(['-', ' '], "_")
            .as_str()
        {
            "edited" | "updated" => Ok(SortKey::Edited),
            "title" => Ok(SortKey::Title),
            "publish_date" | "published" | "date" => Ok(SortKey::PublishDate),
            _ => Err(crate::domain::error::Error::invalid(
                "sort",
                format!("{s:?} is not a sort order; use edited, title or publish-date"),
            )),
        }
    }
}

/// How many articles each filter would show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct LibraryCounts {
    /// Live articles, all statuses.
    pub live: u32,
    /// Live articles per status, in workflow order, zeros included.
    pub statuses: Vec<StatusCount>,
    pub trash: u32,
    /// Tags on live articles, most used first.
    pub tags: Vec<TagCount>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StatusCount {
    pub status: Status,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TagCount {
    pub tag: String,
    pub count: u32,
}

impl Library {
    /// Every article not in the trash, most recently edited first.
    pub fn list_articles(&self) -> Result<Vec<ArticleSummary>> {
        self.list(&ListQuery::default())
    }

    /// The articles in the trash, most recently trashed first.
    pub fn list_trash(&self) -> Result<Vec<ArticleSummary>> {
        self.list(&ListQuery {
            trash: true,
            ..ListQuery::default()
        })
    }

    pub fn list(&self, query: &ListQuery) -> Result<Vec<ArticleSummary>> {
        let order = match (query.sort, query.trash) {
            (SortKey::Edited, false) => "a.updated_at DESC, a.id DESC",
            (SortKey::Edited, true) => "a.trashed_at DESC, a.id DESC",
            // Sorted again below with accents folded, then paged; this keeps
            // ties stable.
            (SortKey::Title, _) => "a.id",
            (SortKey::PublishDate, _) => {
                "a.publish_at IS NULL, a.publish_at DESC, a.updated_at DESC, a.id DESC"
            }
        };
        // Two fixed forms of the trash condition (not a parameter) so the
        // planner can use the covering `articles_listing` index.
        let place = if query.trash {
            "a.trashed_at IS NOT NULL"
        } else {
            "a.trashed_at IS NULL"
        };
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS_WITHOUT_TAGS} FROM articles a
             WHERE {place}
               AND (?1 IS NULL OR a.status = ?1)
               AND (?2 IS NULL OR a.id IN (SELECT article_id FROM article_tags WHERE tag = ?2))
             ORDER BY {order}
             LIMIT ?3 OFFSET ?4"
        );
        let mut stmt = self
            .conn
            .prepare_cached(&sql)
            .map_err(|e| self.sql_err(e))?;
        let tag = query
            .tag
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty());
        // The title order folds accents, which SQL cannot: every row is
        // read, sorted here, and the page cut from the sorted list.
        let (limit, offset) = match query.sort {
            SortKey::Title => (-1, 0),
            _ => (
                query.limit.map_or(-1, i64::from),
                i64::from(query.offset.unwrap_or(0)),
            ),
        };
        let mut list = stmt
            .query_map(
                params![query.status.map(Status::as_str), tag, limit, offset],
                summary_from_row,
            )
            .map_err(|e| self.sql_err(e))?
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| self.sql_err(e))?;
        if query.sort == SortKey::Title {
            list.sort_by_cached_key(|a| (a.title.is_empty(), title_sort_key(&a.title)));
            if query.limit.is_some() || query.offset.is_some() {
                let start = (query.offset.unwrap_or(0) as usize).min(list.len());
                let end = query.limit.map_or(list.len(), |l| {
                    start.saturating_add(l as usize).min(list.len())
                });
                list = list.drain(start..end).collect();
            }
        }
        self.fill_tags(&mut list)?;
        Ok(list)
    }

    /// Gives each listed article its tags, in written order: a page's
    /// from the index by id, a long list's from one pass over
    /// `article_tags`.
    fn fill_tags(&self, list: &mut [ArticleSummary]) -> Result<()> {
        if list.is_empty() {
            return Ok(());
        }
        let mut by_id: HashMap<i64, usize> = HashMap::with_capacity(list.len());
        for (i, a) in list.iter().enumerate() {
            by_id.insert(a.id.0, i);
        }
        let (sql, ids) = if list.len() <= PAGE_BY_ID {
            let ids: Vec<i64> = list.iter().map(|a| a.id.0).collect();
            (
                "SELECT article_id, tag FROM article_tags
                 WHERE article_id IN (SELECT value FROM json_each(?1))
                 ORDER BY article_id, position",
                Some(serde_json::to_string(&ids).unwrap_or_default()),
            )
        } else {
            (
                "SELECT article_id, tag FROM article_tags WHERE ?1 IS NULL
                 ORDER BY article_id, position",
                None,
            )
        };
        let mut stmt = self.conn.prepare_cached(sql).map_err(|e| self.sql_err(e))?;
        let mut rows = stmt.query([ids]).map_err(|e| self.sql_err(e))?;
        while let Some(row) = rows.next().map_err(|e| self.sql_err(e))? {
            let id: i64 = row.get(0).map_err(|e| self.sql_err(e))?;
            if let Some(&i) = by_id.get(&id) {
                list[i].tags.push(row.get(1).map_err(|e| self.sql_err(e))?);
            }
        }
        Ok(())
    }

    pub fn counts(&self) -> Result<LibraryCounts> {
        let err = |e| self.sql_err(e);
        let mut statuses: Vec<StatusCount> = Status::ALL
            .into_iter()
            .map(|status| StatusCount { status, count: 0 })
            .collect();
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT status, count(*) FROM articles WHERE trashed_at IS NULL GROUP BY status",
            )
            .map_err(err)?;
        let rows = stmt
            .query_map([], |r| Ok((status_from_row(r, 0)?, r.get::<_, u32>(1)?)))
            .map_err(err)?;
        for row in rows {
            let (status, count) = row.map_err(err)?;
            if let Some(entry) = statuses.iter_mut().find(|s| s.status == status) {
                entry.count = count;
            }
        }
        let trash: u32 = self
            .conn
            .query_row(
                "SELECT count(*) FROM articles WHERE trashed_at IS NOT NULL",
                [],
                |r| r.get(0),
            )
            .map_err(err)?;
        // Tags of every article, less those of trashed ones: both are
        // index-only scans, where restricting the first to live articles
        // would test every tag row against the whole live set.
        let tag_counts = |sql: &str| -> Result<Vec<(String, u32)>> {
            let mut stmt = self.conn.prepare_cached(sql).map_err(err)?;
            let rows = stmt
                .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
                .map_err(err)?
                .collect::<Result<Vec<_>, _>>()
                .map_err(err)?;
            Ok(rows)
        };
        let mut tags: Vec<TagCount> =
            tag_counts("SELECT min(tag), count(*) FROM article_tags GROUP BY tag")?
                .into_iter()
                .map(|(tag, count)| TagCount { tag, count })
                .collect();
        if trash > 0 {
            let trashed = tag_counts(
                "SELECT tag, count(*) FROM article_tags
                 WHERE article_id IN (SELECT id FROM articles WHERE trashed_at IS NOT NULL)
                 GROUP BY tag",
            )?;
            for (tag, count) in trashed {
                if let Some(t) = tags
                    .iter_mut()
                    .find(|t| t.tag.to_lowercase() == tag.to_lowercase())
                {
                    t.count -= count;
                }
            }
            tags.retain(|t| t.count > 0);
        }
        tags.sort_by(|a, b| {
            b.count
                .cmp(&a.count)
                .then_with(|| a.tag.to_lowercase().cmp(&b.tag.to_lowercase()))
        });
        Ok(LibraryCounts {
            live: statuses.iter().map(|s| s.count).sum(),
            statuses,
            trash,
            tags,
        })
    }
}

/// Up to this many listed articles get their tags looked up by id; more
/// read the whole tag table once, which is then cheaper.
const PAGE_BY_ID: usize = 1000;

/// "Émile" sorts with "Emile", and case does not matter.
fn title_sort_key(title: &str) -> String {
    deunicode::deunicode(title).to_lowercase()
}

#[cfg(test)]
mod tests;
