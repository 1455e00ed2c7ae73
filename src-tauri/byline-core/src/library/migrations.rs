//! Versioned schema migrations.
//!
//! Each migration runs once, inside its own transaction, and the version it
//! brings the file to is recorded in `PRAGMA user_version` in that same
//! transaction: a crash mid-migration leaves the previous version intact.
//! Migrations are append-only; never edit one that has shipped.

use rusqlite::{Connection, Transaction, TransactionBehavior};

use super::APPLICATION_ID;
use crate::domain::error::Result;

struct Migration {
    version: u32,
    sql: &'static str,
    /// Work SQL cannot express (slugs need transliteration), run after `sql`
    /// in the same transaction.
    then: Option<fn(&Transaction<'_>) -> rusqlite::Result<()>>,
}

const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: "
        CREATE TABLE articles (
            id          INTEGER PRIMARY KEY,
            title       TEXT    NOT NULL DEFAULT '',
            body        TEXT    NOT NULL DEFAULT '',
            words       INTEGER NOT NULL DEFAULT 0,
            -- Milliseconds since the Unix epoch, UTC.
            created_at  INTEGER NOT NULL,
            updated_at  INTEGER NOT NULL
        );
        CREATE INDEX articles_by_updated_at ON articles (updated_at DESC, id DESC);
    ",
        then: None,
    },
    Migration {
        version: 2,
        // Full-text index over the articles table (external content, so text
        // is stored once). Triggers keep it in step inside the same
        // transaction as every write. `remove_diacritics 2` finds "café"
        // for "cafe" and the reverse; the prefix indexes make as-you-type
        // prefix queries cheap.
        sql: "
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body,
            content = 'articles', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
                VALUES ('delete', old.id, old.title, old.body);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, body ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, body)
                VALUES ('delete', old.id, old.title, old.body);
            INSERT INTO articles_fts (rowid, title, body) VALUES (new.id, new.title, new.body);
        END;
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    ",
        then: None,
    },
    Migration {
        version: 3,
        // Ranking lives in the index's configuration so `ORDER BY rank` can
        // use it: bm25 with a title hit worth eight body hits.
        sql: "INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(8.0, 1.0)');",
        then: None,
    },
    Migration {
        version: 4,
        // The editorial workflow and the trash. Every status an article has
        // had is kept with its time; existing articles start as drafts on
        // the day they were created.
        sql: "
        ALTER TABLE articles ADD COLUMN status TEXT NOT NULL DEFAULT 'draft'
            CHECK (status IN ('draft', 'in_review', 'ready', 'published'));
        ALTER TABLE articles ADD COLUMN trashed_at INTEGER;
        CREATE TABLE status_changes (
            id          INTEGER PRIMARY KEY,
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            status      TEXT    NOT NULL,
            changed_at  INTEGER NOT NULL
        );
        CREATE INDEX status_changes_by_article ON status_changes (article_id, changed_at);
        INSERT INTO status_changes (article_id, status, changed_at)
            SELECT id, 'draft', created_at FROM articles;
    ",
        then: None,
    },
    Migration {
        version: 5,
        // Metadata. Authors are a JSON array (only ever read whole); tags
        // have their own table because the library filters and counts by
        // them. The search index is rebuilt to cover the dek, weighted
        // between the title and the body. Slugs are filled in by
        // `backfill_slugs`, which then makes them unique.
        sql: "
        ALTER TABLE articles ADD COLUMN dek TEXT NOT NULL DEFAULT '';
        ALTER TABLE articles ADD COLUMN slug TEXT;
        ALTER TABLE articles ADD COLUMN slug_is_custom INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE articles ADD COLUMN authors TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE articles ADD COLUMN meta_description TEXT NOT NULL DEFAULT '';
        ALTER TABLE articles ADD COLUMN canonical_url TEXT NOT NULL DEFAULT '';
        ALTER TABLE articles ADD COLUMN featured_image TEXT NOT NULL DEFAULT '';
        -- Milliseconds since the Unix epoch, UTC.
        ALTER TABLE articles ADD COLUMN publish_at INTEGER;
        CREATE INDEX articles_by_publish_at ON articles (publish_at DESC, id DESC);

        -- Keyed in written order, so a list reads tags without sorting.
        CREATE TABLE article_tags (
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            position    INTEGER NOT NULL,
            tag         TEXT    NOT NULL COLLATE NOCASE,
            PRIMARY KEY (article_id, position),
            UNIQUE (article_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX article_tags_by_tag ON article_tags (tag, article_id);

        -- The library list reads only these columns. Bodies sit inline in
        -- `articles` (and columns added later sit after them), so reading
        -- status or trashed_at from the table walks past every body; this
        -- covering index lets the list, its filters, the counts and the
        -- search's trash check skip the table altogether.
        CREATE INDEX articles_listing ON articles
            (trashed_at, updated_at DESC, id DESC, status, title, slug, words, publish_at);

        DROP TRIGGER articles_fts_insert;
        DROP TRIGGER articles_fts_delete;
        DROP TRIGGER articles_fts_update;
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, dek, body,
            content = 'articles', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, dek, body)
                VALUES (new.id, new.title, new.dek, new.body);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, dek, body)
                VALUES ('delete', old.id, old.title, old.dek, old.body);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, dek, body ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, dek, body)
                VALUES ('delete', old.id, old.title, old.dek, old.body);
            INSERT INTO articles_fts (rowid, title, dek, body)
                VALUES (new.id, new.title, new.dek, new.body);
        END;
        INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(8.0, 4.0, 1.0)');
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    ",
        then: Some(backfill_slugs),
    },
    Migration {
        version: 6,
        // Images, content-addressed: `name` is `<sha256 prefix>.<ext>`, as in
        // the Markdown path `assets/<name>`.
        sql: "
        CREATE TABLE assets (
            id            INTEGER PRIMARY KEY,
            name          TEXT    NOT NULL UNIQUE,
            mime          TEXT    NOT NULL,
            bytes         BLOB    NOT NULL,
            size          INTEGER NOT NULL,
            original_name TEXT    NOT NULL DEFAULT '',
            created_at    INTEGER NOT NULL
        );
    ",
        then: None,
    },
    Migration {
        version: 7,
        // Revisions (see revisions.rs): the whole state as zstd-compressed
        // JSON, against the keyframe `base_id` as dictionary when it is set.
        sql: "
        CREATE TABLE revisions (
            id          INTEGER PRIMARY KEY,
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            number      INTEGER NOT NULL,
            created_at  INTEGER NOT NULL,
            kind        TEXT    NOT NULL,
            label       TEXT,
            words       INTEGER NOT NULL,
            base_id     INTEGER REFERENCES revisions (id),
            data        BLOB    NOT NULL,
            size        INTEGER NOT NULL,
            checksum    TEXT    NOT NULL,
            UNIQUE (article_id, number)
        );
        CREATE INDEX revisions_by_base ON revisions (base_id);
    ",
        then: None,
    },
    Migration {
        version: 8,
        // Correction notes on published articles, listed as "Updates".
        sql: "
        CREATE TABLE corrections (
            id          INTEGER PRIMARY KEY,
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            created_at  INTEGER NOT NULL,
            note        TEXT    NOT NULL
        );
        CREATE INDEX corrections_by_article ON corrections (article_id, created_at);
    ",
        then: None,
    },
    Migration {
        version: 9,
        // FAQ items (see library/faq.rs), shared FAQ blocks, site settings,
        // and the search index rebuilt with a fourth column for FAQ text.
        // `faq_text` is the articles' FAQ questions and answers as one text,
        // kept by the core in the same transaction as each FAQ change, so
        // the external-content index keeps reading from `articles` alone.
        // An item linked to a shared block holds a copy of the block's text,
        // rewritten whenever the block changes: readers never need a join,
        // and detaching is just forgetting the link.
        sql: "
        CREATE TABLE faq_blocks (
            id          INTEGER PRIMARY KEY,
            question    TEXT    NOT NULL,
            answer      TEXT    NOT NULL,
            created_at  INTEGER NOT NULL,
            updated_at  INTEGER NOT NULL
        );
        CREATE TABLE faq_items (
            id          INTEGER PRIMARY KEY,
            article_id  INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
            position    INTEGER NOT NULL,
            question    TEXT    NOT NULL,
            answer      TEXT    NOT NULL,
            block_id    INTEGER REFERENCES faq_blocks (id) ON DELETE SET NULL
        );
        CREATE INDEX faq_items_by_article ON faq_items (article_id, position);
        CREATE INDEX faq_items_by_block ON faq_items (block_id);
        ALTER TABLE articles ADD COLUMN faq_text TEXT NOT NULL DEFAULT '';
        ALTER TABLE articles ADD COLUMN faq_structured_data INTEGER NOT NULL DEFAULT 1;
        -- Where an imported article came from (its file, canonical path), so
        -- importing the file again updates it, and the front matter keys
        -- Byline does not map (a JSON object), written back on export.
        ALTER TABLE articles ADD COLUMN source TEXT;
        ALTER TABLE articles ADD COLUMN front_matter TEXT NOT NULL DEFAULT '{}';
        CREATE UNIQUE INDEX articles_by_source ON articles (source) WHERE source IS NOT NULL;
        CREATE TABLE settings (
            key    TEXT PRIMARY KEY,
            value  TEXT NOT NULL
        );
        -- The folder mirror (see library/mirror.rs): which file each article
        -- has there and the SHA-256 of what Byline last wrote or read in it,
        -- so its own writes are never taken for edits; `synced_at` is the
        -- article's `updated_at` when it was last written. A conflict keeps
        -- the file's hash and the two revisions that hold both sides.
        CREATE TABLE mirror_files (
            article_id  INTEGER PRIMARY KEY REFERENCES articles (id) ON DELETE CASCADE,
            name        TEXT    NOT NULL,
            hash        TEXT    NOT NULL,
            synced_at   INTEGER NOT NULL,
            trashed     INTEGER NOT NULL DEFAULT 0,
            conflict_hash    TEXT,
            conflict_library INTEGER,
            conflict_file    INTEGER
        );
        CREATE INDEX mirror_files_by_name ON mirror_files (name);

        DROP TRIGGER articles_fts_insert;
        DROP TRIGGER articles_fts_delete;
        DROP TRIGGER articles_fts_update;
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, dek, body, faq_text,
            content = 'articles', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, dek, body, faq_text)
                VALUES (new.id, new.title, new.dek, new.body, new.faq_text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, dek, body, faq_text)
                VALUES ('delete', old.id, old.title, old.dek, old.body, old.faq_text);
        END;
        CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, dek, body, faq_text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, dek, body, faq_text)
                VALUES ('delete', old.id, old.title, old.dek, old.body, old.faq_text);
            INSERT INTO articles_fts (rowid, title, dek, body, faq_text)
                VALUES (new.id, new.title, new.dek, new.body, new.faq_text);
        END;
        INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(8.0, 4.0, 1.0, 2.0)');
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    ",
        then: None,
    },
    Migration {
        version: 10,
        // An edit time only ever moves forward. The folder mirror tells
        // written from unwritten by it, and two edits in the same
        // millisecond (a save racing the mirror, the CLI beside the app)
        // must still be two edit times.
        sql: "
        CREATE TRIGGER articles_updated_at_moves_forward
        AFTER UPDATE OF updated_at ON articles
        WHEN NEW.updated_at <= OLD.updated_at
        BEGIN
            UPDATE articles SET updated_at = OLD.updated_at + 1 WHERE id = NEW.id;
        END;
    ",
        then: None,
    },
    Migration {
        version: 11,
        // A correction's note can be edited; the edit is dated (milliseconds
        // since the Unix epoch, UTC) and `created_at` keeps the original time.
        sql: "ALTER TABLE corrections ADD COLUMN edited_at INTEGER;",
        then: None,
    },
    Migration {
        version: 12,
        // Tags become searchable: the index is rebuilt with a fifth column.
        // `tags_text` is the article's tags in their order, joined by ", ",
        // written by the core in the same transaction as each tag change
        // (`articles::write_tags`), as `faq_text` is for FAQ items, so the
        // external-content index keeps reading from `articles` alone. A tag
        // weighs as much as the dek.
        sql: "
        ALTER TABLE articles ADD COLUMN tags_text TEXT NOT NULL DEFAULT '';
        UPDATE articles SET tags_text = (
            SELECT group_concat(t.tag, ', ' ORDER BY t.position)
            FROM article_tags t WHERE t.article_id = articles.id
        ) WHERE id IN (SELECT article_id FROM article_tags);

        DROP TRIGGER articles_fts_insert;
        DROP TRIGGER articles_fts_delete;
        DROP TRIGGER articles_fts_update;
        DROP TABLE articles_fts;
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, dek, body, faq_text, tags_text,
            content = 'articles', content_rowid = 'id',
            tokenize = 'unicode61 remove_diacritics 2',
            prefix = '2 3'
        );
        CREATE TRIGGER articles_fts_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts (rowid, title, dek, body, faq_text, tags_text)
                VALUES (new.id, new.title, new.dek, new.body, new.faq_text, new.tags_text);
        END;
        CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, dek, body, faq_text, tags_text)
                VALUES ('delete', old.id, old.title, old.dek, old.body, old.faq_text, old.tags_text);
        END;
        CREATE TRIGGER articles_fts_update
        AFTER UPDATE OF title, dek, body, faq_text, tags_text ON articles BEGIN
            INSERT INTO articles_fts (articles_fts, rowid, title, dek, body, faq_text, tags_text)
                VALUES ('delete', old.id, old.title, old.dek, old.body, old.faq_text, old.tags_text);
            INSERT INTO articles_fts (rowid, title, dek, body, faq_text, tags_text)
                VALUES (new.id, new.title, new.dek, new.body, new.faq_text, new.tags_text);
        END;
        INSERT INTO articles_fts (articles_fts, rank) VALUES ('rank', 'bm25(8.0, 4.0, 1.0, 2.0, 4.0)');
        INSERT INTO articles_fts (articles_fts) VALUES ('rebuild');
    ",
        then: None,
    },
    Migration {
        version: 13,
        // An optional word target per article (a positive whole number; NULL
        // when the writer has set none).
        sql: "ALTER TABLE articles ADD COLUMN word_target INTEGER;",
        then: None,
    },
    Migration {
        version: 14,
        // Publishing: accounts, what is public about each (its secret is in
        // the system keyring, never here; one user on one site once, as the
        // keyring files the secret under kind, user and site); where each
        // article is published; images uploaded, by content hash.
        sql: "
            CREATE TABLE publishing_accounts (
                id       INTEGER PRIMARY KEY,
                name     TEXT NOT NULL UNIQUE,
                kind     TEXT NOT NULL,
                site     TEXT NOT NULL,
                user     TEXT NOT NULL DEFAULT '',
                added_at INTEGER NOT NULL,
                UNIQUE (kind, site, user)
            );
            -- Where each article is published: what the next Publish
            -- updates, and what it checks the site against first.
            CREATE TABLE publications (
                article_id     INTEGER NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                account        TEXT NOT NULL,
                remote_id      TEXT NOT NULL,
                url            TEXT NOT NULL,
                status         TEXT NOT NULL,
                remote_version TEXT NOT NULL,
                sent_hash      TEXT NOT NULL,
                remote_hash    TEXT NOT NULL,
                sent_at        INTEGER NOT NULL,
                PRIMARY KEY (article_id, account)
            );
            -- Images uploaded to an account, by content hash.
            CREATE TABLE published_media (
                account     TEXT NOT NULL,
                hash        TEXT NOT NULL,
                remote_id   TEXT NOT NULL,
                url         TEXT NOT NULL,
                uploaded_at INTEGER NOT NULL,
                PRIMARY KEY (account, hash)
            );
        ",
        then: None,
    },
];

/// Gives every article without a slug one made from its title, oldest
/// first so the older article keeps the plain slug, then enforces
/// uniqueness from here on.
fn backfill_slugs(tx: &Transaction<'_>) -> rusqlite::Result<()> {
    let mut taken = std::collections::HashSet::new();
    {
        let mut stmt = tx.prepare("SELECT id, title FROM articles ORDER BY created_at, id")?;
        let rows: Vec<(i64, String)> = stmt
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        let mut update = tx.prepare("UPDATE articles SET slug = ?2 WHERE id = ?1")?;
        for (id, title) in rows {
            let base = crate::transform::slug::from_title(&title);
            let slug = crate::transform::slug::first_free(&base, |s| taken.contains(s));
            update.execute(rusqlite::params![id, slug])?;
            taken.insert(slug);
        }
    }
    tx.execute_batch("CREATE UNIQUE INDEX articles_by_slug ON articles (slug);")
}

/// The schema version this build of Byline writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS[MIGRATIONS.len() - 1].version;

pub(super) fn migrate(conn: &mut Connection) -> Result<()> {
    for migration in MIGRATIONS {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read inside the write transaction so two processes opening a new
        // library at once cannot both run the same migration.
        let current: u32 = tx.pragma_query_value(None, "user_version", |r| r.get(0))?;
        if current >= migration.version {
            continue;
        }
        tx.execute_batch(migration.sql)?;
        if let Some(then) = migration.then {
            then(&tx)?;
        }
        tx.pragma_update(None, "application_id", APPLICATION_ID)?;
        tx.pragma_update(None, "user_version", migration.version)?;
        tx.commit()?;
    }
    Ok(())
}

#[cfg(test)]
pub(super) fn versions() -> Vec<u32> {
    MIGRATIONS.iter().map(|m| m.version).collect()
}
