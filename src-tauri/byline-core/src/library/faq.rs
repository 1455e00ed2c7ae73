//! Storing an article's FAQ items and the library's shared FAQ blocks.
//!
//! Items are kept in `faq_items` in order (`position` 0, 1, 2… with no
//! gaps). Every change to an article's items goes through one transaction
//! that also rewrites the article's `faq_text` (what search indexes) and its
//! edit time, after keeping a checkpoint when one is due, just as typing in
//! the body does. An item linked to a shared block holds a copy of the
//! block's text; changing the block rewrites every linked copy.

use chrono::Utc;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::Library;
use crate::domain::article::{Article, ArticleId};
use crate::domain::error::{Error, Result};
use crate::domain::faq::{
    self, FaqBlock, FaqBlockId, FaqItem, FaqItemId, QuestionAnswer, MAX_ITEMS,
};
use crate::transform::faq::detect;

/// An item taken out of an article, with what it takes to put it back
/// where it was (the window's "Undo").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct RemovedFaqItem {
    pub article: ArticleId,
    pub position: u32,
    pub question: String,
    pub answer: String,
    pub shared: Option<FaqBlockId>,
}

impl Library {
    /// Adds an item at `position` (the end when `None` or past it).
    pub fn add_faq_item(
        &mut self,
        id: ArticleId,
        pair: &QuestionAnswer,
        position: Option<u32>,
    ) -> Result<FaqItem> {
        let pair = faq::clean(pair)?;
        let policy = self.checkpoints;
        let item = self.write(|tx| {
            begin_change(tx, id, policy)?;
            let item = insert_item(tx, id, &pair, None, position)?;
            finish_change(tx, id)?;
            Ok(item)
        })?;
        self.faq_item(item)
    }

    /// Changes an item's question and answer. An item that uses a shared
    /// block changes the block, and so every article that uses it.
    pub fn update_faq_item(&mut self, item: FaqItemId, pair: &QuestionAnswer) -> Result<FaqItem> {
        let pair = faq::clean(pair)?;
        let policy = self.checkpoints;
        self.write(|tx| {
            let (id, shared) = item_owner(tx, item)?;
            match shared {
                Some(block) => write_block(tx, block, &pair, policy),
                None => {
                    begin_change(tx, id, policy)?;
                    tx.execute(
                        "UPDATE faq_items SET question = ?2, answer = ?3 WHERE id = ?1",
                        params![item.0, pair.question, pair.answer],
                    )?;
                    finish_change(tx, id)
                }
            }
        })?;
        self.faq_item(item)
    }

    /// Moves an item to `position` (0 is first; past the end is last).
    pub fn move_faq_item(&mut self, item: FaqItemId, position: u32) -> Result<Article> {
        let policy = self.checkpoints;
        let id = self.write(|tx| {
            let (id, _) = item_owner(tx, item)?;
            begin_change(tx, id, policy)?;
            let mut order = item_order(tx, id)?;
            order.retain(|&i| i != item.0);
            let at = (position as usize).min(order.len());
            order.insert(at, item.0);
            renumber(tx, &order)?;
            finish_change(tx, id)?;
            Ok(id)
        })?;
        self.article(id)
    }

    /// Takes an item out of its article; what comes back puts it back
    /// ([`Library::restore_faq_item`]).
    pub fn remove_faq_item(&mut self, item: FaqItemId) -> Result<RemovedFaqItem> {
        let policy = self.checkpoints;
        self.write(|tx| {
            let (id, shared) = item_owner(tx, item)?;
            begin_change(tx, id, policy)?;
            let (position, question, answer): (u32, String, String) = tx.query_row(
                "SELECT position, question, answer FROM faq_items WHERE id = ?1",
                [item.0],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )?;
            tx.execute("DELETE FROM faq_items WHERE id = ?1", [item.0])?;
            renumber(tx, &item_order(tx, id)?)?;
            finish_change(tx, id)?;
            Ok(RemovedFaqItem {
                article: id,
                position,
                question,
                answer,
                shared,
            })
        })
    }

    /// Puts a removed item back where it was. If its shared block has been
    /// deleted since, it comes back as the article's own copy.
    pub fn restore_faq_item(&mut self, removed: &RemovedFaqItem) -> Result<FaqItem> {
        let pair = faq::clean(&QuestionAnswer::new(
            removed.question.clone(),
            removed.answer.clone(),
        ))?;
        let policy = self.checkpoints;
        let item = self.write(|tx| {
            let id = removed.article;
            begin_change(tx, id, policy)?;
            let block = match removed.shared {
                Some(b) => tx
                    .query_row("SELECT id FROM faq_blocks WHERE id = ?1", [b.0], |r| {
                        r.get(0).map(FaqBlockId)
                    })
                    .optional()?,
                None => None,
            };
            let item = insert_item(tx, id, &pair, block, Some(removed.position))?;
            finish_change(tx, id)?;
            Ok(item)
        })?;
        self.faq_item(item)
    }

    /// Replaces all of an article's items (import, converting a FAQ
    /// section written in the body).
    pub fn set_faq(&mut self, id: ArticleId, pairs: &[QuestionAnswer]) -> Result<Article> {
        let pairs = pairs.iter().map(faq::clean).collect::<Result<Vec<_>>>()?;
        let policy = self.checkpoints;
        self.write(|tx| {
            begin_change(tx, id, policy)?;
            replace_items(tx, id, &pairs)
        })?;
        self.article(id)
    }

    /// Turns an article's FAQ section written as Markdown at the end of its
    /// body into FAQ items, after the ones it already has. The state before
    /// is kept as a revision, so the conversion can be undone.
    pub fn convert_faq_section(&mut self, id: ArticleId) -> Result<Article> {
        let article = self.article(id)?;
        let detected = detect::detect(&article.body).ok_or_else(|| {
            Error::invalid(
                "body",
                "does not end with a FAQ section (a heading such as \"FAQ\" followed by questions)",
            )
        })?;
        let mut pairs: Vec<QuestionAnswer> = article.faq.iter().map(FaqItem::pair).collect();
        pairs.extend(detected.items);
        let pairs = pairs.iter().map(faq::clean).collect::<Result<Vec<_>>>()?;
        super::articles::check_body(&detected.body_without)?;
        self.write(|tx| {
            super::revisions::record(
                tx,
                id,
                crate::domain::revision::RevisionKind::Snapshot,
                Some("before converting the FAQ section"),
                &crate::domain::revision::RevisionState::from(&article),
                Utc::now(),
            )?;
            tx.execute(
                "UPDATE articles SET body = ?2, words = ?3 WHERE id = ?1",
                params![
                    id.0,
                    detected.body_without,
                    crate::transform::text_stats::word_count(&detected.body_without)
                ],
            )?;
            replace_items(tx, id, &pairs)
        })?;
        self.article(id)
    }

    /// Whether exports carry this article's FAQ as structured data.
    pub fn set_faq_structured_data(&mut self, id: ArticleId, on: bool) -> Result<Article> {
        self.write(|tx| {
            ensure_live(tx, id)?;
            tx.execute(
                "UPDATE articles SET faq_structured_data = ?2 WHERE id = ?1",
                params![id.0, on],
            )?;
            Ok(())
        })?;
        self.article(id)
    }

    /// One item as stored.
    pub fn faq_item(&self, item: FaqItemId) -> Result<FaqItem> {
        self.conn
            .query_row(
                "SELECT id, question, answer, block_id FROM faq_items WHERE id = ?1",
                [item.0],
                |r| {
                    Ok(FaqItem {
                        id: FaqItemId(r.get(0)?),
                        question: r.get(1)?,
                        answer: r.get(2)?,
                        shared: r.get::<_, Option<i64>>(3)?.map(FaqBlockId),
                    })
                },
            )
            .optional()
            .map_err(|e| self.sql_err(e))?
            .ok_or(Error::FaqItemNotFound(item))
    }

    /// Keeps an item in the library's shared blocks and links the item to
    /// it. An item that is already shared returns its block.
    pub fn share_faq_item(&mut self, item: FaqItemId) -> Result<FaqBlock> {
        let block = self.write(|tx| {
            let (_, shared) = item_owner(tx, item)?;
            if let Some(block) = shared {
                return Ok(block);
            }
            let now = Utc::now().timestamp_millis();
            tx.execute(
                "INSERT INTO faq_blocks (question, answer, created_at, updated_at)
                 SELECT question, answer, ?2, ?2 FROM faq_items WHERE id = ?1",
                params![item.0, now],
            )?;
            let block = FaqBlockId(tx.last_insert_rowid());
            tx.execute(
                "UPDATE faq_items SET block_id = ?2 WHERE id = ?1",
                params![item.0, block.0],
            )?;
            Ok(block)
        })?;
        self.faq_block(block)
    }

    /// Makes a shared item the article's own copy: later changes to the
    /// block no longer reach it, and editing it no longer changes the block.
    pub fn detach_faq_item(&mut self, item: FaqItemId) -> Result<FaqItem> {
        self.write(|tx| {
            item_owner(tx, item)?;
            tx.execute(
                "UPDATE faq_items SET block_id = NULL WHERE id = ?1",
                [item.0],
            )?;
            Ok(())
        })?;
        self.faq_item(item)
    }

    /// Adds a shared block to an article at `position` (the end when
    /// `None`), linked so the block's later changes reach it.
    pub fn insert_faq_block(
        &mut self,
        id: ArticleId,
        block: FaqBlockId,
        position: Option<u32>,
    ) -> Result<FaqItem> {
        let policy = self.checkpoints;
        let item = self.write(|tx| {
            let pair = read_block(tx, block)?;
            begin_change(tx, id, policy)?;
            let item = insert_item(tx, id, &pair, Some(block), position)?;
            finish_change(tx, id)?;
            Ok(item)
        })?;
        self.faq_item(item)
    }

    /// The library's shared blocks, most recently changed first.
    pub fn faq_blocks(&self) -> Result<Vec<FaqBlock>> {
        let mut stmt = self
            .conn
            .prepare_cached(
                "SELECT b.id, b.question, b.answer,
                        (SELECT count(DISTINCT article_id) FROM faq_items WHERE block_id = b.id)
                 FROM faq_blocks b ORDER BY b.updated_at DESC, b.id DESC",
            )
            .map_err(|e| self.sql_err(e))?;
        let rows = stmt
            .query_map([], block_from_row)
            .map_err(|e| self.sql_err(e))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()
            .map_err(|e| self.sql_err(e))
    }

    pub fn faq_block(&self, block: FaqBlockId) -> Result<FaqBlock> {
        self.conn
            .query_row(
                "SELECT b.id, b.question, b.answer,
                        (SELECT count(DISTINCT article_id) FROM faq_items WHERE block_id = b.id)
                 FROM faq_blocks b WHERE b.id = ?1",
                [block.0],
                block_from_row,
            )
            .optional()
            .map_err(|e| self.sql_err(e))?
            .ok_or(Error::FaqBlockNotFound(block))
    }

    /// Changes a shared block and every article that uses it.
    pub fn update_faq_block(
        &mut self,
        block: FaqBlockId,
        pair: &QuestionAnswer,
    ) -> Result<FaqBlock> {
        let pair = faq::clean(pair)?;
        let policy = self.checkpoints;
        self.write(|tx| write_block(tx, block, &pair, policy))?;
        self.faq_block(block)
    }

    /// Deletes a shared block. Articles that use it keep their copies.
    pub fn delete_faq_block(&mut self, block: FaqBlockId) -> Result<()> {
        self.write(|tx| {
            read_block(tx, block)?;
            tx.execute("DELETE FROM faq_blocks WHERE id = ?1", [block.0])?;
            Ok(())
        })
    }
}

fn block_from_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<FaqBlock> {
    Ok(FaqBlock {
        id: FaqBlockId(r.get(0)?),
        question: r.get(1)?,
        answer: r.get(2)?,
        uses: r.get(3)?,
    })
}

fn read_block(tx: &Transaction<'_>, block: FaqBlockId) -> Result<QuestionAnswer> {
    tx.query_row(
        "SELECT question, answer FROM faq_blocks WHERE id = ?1",
        [block.0],
        |r| {
            Ok(QuestionAnswer::new(
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
            ))
        },
    )
    .optional()?
    .ok_or(Error::FaqBlockNotFound(block))
}

/// Writes a block and its copies in every live article that uses it, each
/// under the usual checkpoint rule. Trashed articles keep the text they
/// had: the trash is read-only.
fn write_block(
    tx: &Transaction<'_>,
    block: FaqBlockId,
    pair: &QuestionAnswer,
    policy: super::CheckpointPolicy,
) -> Result<()> {
    read_block(tx, block)?;
    tx.execute(
        "UPDATE faq_blocks SET question = ?2, answer = ?3, updated_at = ?4 WHERE id = ?1",
        params![
            block.0,
            pair.question,
            pair.answer,
            Utc::now().timestamp_millis()
        ],
    )?;
    let articles = {
        let mut stmt = tx.prepare_cached(
            "SELECT DISTINCT f.article_id FROM faq_items f JOIN articles a ON a.id = f.article_id
             WHERE f.block_id = ?1 AND a.trashed_at IS NULL",
        )?;
        let rows = stmt.query_map([block.0], |r| r.get(0).map(ArticleId))?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    for id in articles {
        super::revisions::checkpoint_if_due(tx, id, policy, None, Utc::now())?;
        tx.execute(
            "UPDATE faq_items SET question = ?3, answer = ?4 WHERE block_id = ?1 AND article_id = ?2",
            params![block.0, id.0, pair.question, pair.answer],
        )?;
        finish_change(tx, id)?;
    }
    Ok(())
}

/// The article and shared block of an item.
fn item_owner(tx: &Transaction<'_>, item: FaqItemId) -> Result<(ArticleId, Option<FaqBlockId>)> {
    let (id, block) = tx
        .query_row(
            "SELECT article_id, block_id FROM faq_items WHERE id = ?1",
            [item.0],
            |r| {
                Ok((
                    ArticleId(r.get(0)?),
                    r.get::<_, Option<i64>>(1)?.map(FaqBlockId),
                ))
            },
        )
        .optional()?
        .ok_or(Error::FaqItemNotFound(item))?;
    ensure_live(tx, id)?;
    Ok((id, block))
}

/// FAQ items of a trashed article cannot change, like the rest of it.
fn ensure_live(tx: &Transaction<'_>, id: ArticleId) -> Result<()> {
    let trashed: Option<i64> = tx
        .query_row(
            "SELECT trashed_at FROM articles WHERE id = ?1",
            [id.0],
            |r| r.get(0),
        )
        .optional()?
        .ok_or(Error::ArticleNotFound(id))?;
    match trashed {
        Some(_) => Err(Error::ArticleTrashed(id)),
        None => Ok(()),
    }
}

fn begin_change(
    tx: &Transaction<'_>,
    id: ArticleId,
    policy: super::CheckpointPolicy,
) -> Result<()> {
    ensure_live(tx, id)?;
    super::revisions::checkpoint_if_due(tx, id, policy, None, Utc::now()).map(|_| ())
}

fn item_order(tx: &Transaction<'_>, id: ArticleId) -> Result<Vec<i64>> {
    let mut stmt =
        tx.prepare_cached("SELECT id FROM faq_items WHERE article_id = ?1 ORDER BY position, id")?;
    let rows = stmt.query_map([id.0], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

fn renumber(tx: &Transaction<'_>, order: &[i64]) -> Result<()> {
    let mut stmt = tx.prepare_cached("UPDATE faq_items SET position = ?2 WHERE id = ?1")?;
    for (position, item) in order.iter().enumerate() {
        stmt.execute(params![item, position as i64])?;
    }
    Ok(())
}

fn insert_item(
    tx: &Transaction<'_>,
    id: ArticleId,
    pair: &QuestionAnswer,
    block: Option<FaqBlockId>,
    position: Option<u32>,
) -> Result<FaqItemId> {
    let mut order = item_order(tx, id)?;
    if order.len() >= MAX_ITEMS {
        return Err(Error::invalid(
            "FAQ",
            format!("already has {MAX_ITEMS} items, the most an article can have"),
        ));
    }
    tx.execute(
        "INSERT INTO faq_items (article_id, position, question, answer, block_id)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            id.0,
            order.len() as i64,
            pair.question,
            pair.answer,
            block.map(|b| b.0)
        ],
    )?;
    let item = tx.last_insert_rowid();
    let at = position.map_or(order.len(), |p| (p as usize).min(order.len()));
    order.insert(at, item);
    renumber(tx, &order)?;
    Ok(FaqItemId(item))
}

/// Replaces an article's items with unlinked copies of `pairs`, in order.
pub(crate) fn replace_items(
    tx: &Transaction<'_>,
    id: ArticleId,
    pairs: &[QuestionAnswer],
) -> Result<()> {
    if pairs.len() > MAX_ITEMS {
        return Err(Error::invalid(
            "FAQ",
            format!("has {} items; an article can have {MAX_ITEMS}", pairs.len()),
        ));
    }
    tx.execute("DELETE FROM faq_items WHERE article_id = ?1", [id.0])?;
    let mut insert = tx.prepare_cached(
        "INSERT INTO faq_items (article_id, position, question, answer) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for (position, pair) in pairs.iter().enumerate() {
        insert.execute(params![id.0, position as i64, pair.question, pair.answer])?;
    }
    finish_change(tx, id)
}

/// Rewrites what search indexes of the article's FAQ and marks it edited.
fn finish_change(tx: &Transaction<'_>, id: ArticleId) -> Result<()> {
    let pairs = {
        let mut stmt = tx.prepare_cached(
            "SELECT question, answer FROM faq_items WHERE article_id = ?1 ORDER BY position",
        )?;
        let rows = stmt.query_map([id.0], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?))
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    };
    let text = faq::search_text(pairs.iter().map(|(q, a)| (q.as_str(), a.as_str())));
    tx.execute(
        "UPDATE articles SET faq_text = ?2, updated_at = ?3 WHERE id = ?1",
        params![id.0, text, Utc::now().timestamp_millis()],
    )?;
    Ok(())
}

#[cfg(test)]
mod tests;
