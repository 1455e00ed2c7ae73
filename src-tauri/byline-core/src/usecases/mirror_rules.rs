//! The folder mirror: every article as `slug.md` (YAML front matter, body,
//! FAQ items in the front matter) in a folder the writer chose, kept in
//! step both ways.
//!
//! Out: [`Library::mirror_out`] writes each article whose edit time moved
//! since it was last written (atomically: temporary file, fsync, rename),
//! moves a renamed article's file, and moves a trashed article's file into
//! `.trash/`. Byline never deletes a file there.
//!
//! In: [`Library::mirror_in`] reads one file the watcher saw change. Its
//! SHA-256 is compared with what Byline last wrote or read there, so
//! Byline's own writes (and editors that rewrite the same bytes) are never
//! taken for edits. A real change becomes an "external edit" revision of
//! the article; a new file a new article; a deleted file sends its article
//! to the trash.
//!
//! Conflicts: when the library changed since the file was last written and
//! the file changed too, neither side is applied. Both are kept as
//! revisions, the article is marked, and its file is left alone until the
//! writer chooses ([`Library::resolve_mirror_conflict`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::Utc;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::atomic_write::replace_if_unchanged;
use super::import::{prepare_text, write_prepared, FaqImport, ImportOptions, Target};
use crate::domain::article::{Article, ArticleId, ArticleMeta};
use crate::domain::error::{Error, Result};
use crate::domain::hash::sha256_hex;
use crate::domain::revision::{RevisionKind, RevisionState};
use crate::library::mirror_files::{self, mapping_of, remember, updated_at};
use crate::library::revisions::record;
use crate::library::Library;
use crate::transform::frontmatter::Dialect;
use crate::transform::post::Post;

/// Where trashed articles' files go, inside the mirror folder.
pub const MIRROR_TRASH: &str = ".trash";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum MirrorChangeKind {
    /// Byline wrote the article's file.
    Written,
    /// The article's file moved into `.trash/`.
    MovedToTrash,
    /// The file changed outside Byline; the article now has its text.
    ExternalEdit,
    /// A new file became a new article.
    Created,
    /// The file was deleted, so the article went to the trash.
    Trashed,
    /// Both the article and its file changed; both are kept, nothing applied.
    Conflict,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MirrorChange {
    pub article: ArticleId,
    pub kind: MirrorChangeKind,
    pub file: String,
}

/// An article whose file and library text both changed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct MirrorConflict {
    pub article: ArticleId,
    pub file: String,
    /// The revision holding the library's side.
    pub library_revision: u32,
    /// The revision holding the file's side.
    pub file_revision: u32,
}

/// What one pass of [`Library::mirror_out_each`] did: the changes made and
/// the articles that failed (each failure reported once).
#[derive(Debug, Default)]
pub struct MirrorOut {
    pub changes: Vec<MirrorChange>,
    pub failures: Vec<Error>,
}

/// Articles the mirror could not write, with the edit time each failed
/// at: left alone until they change.
#[derive(Debug, Default)]
pub struct Stuck(HashMap<ArticleId, i64>);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConflictChoice {
    /// Keep the library's text and write it over the file.
    Library,
    /// Take the file's text into the library.
    File,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The file's text as the mirror writes it.
fn file_text(library: &Library, article: &Article) -> Result<String> {
    let kept = library.kept_front_matter(article.id)?;
    Ok(Post::from_article(article, &kept).to_markdown(Dialect::Yaml))
}

/// A free path for `name` in `dir`: `name`, else `stem-2.md`, `stem-3.md`…
fn free_path(dir: &Path, name: &str) -> PathBuf {
    let stem = name.strip_suffix(".md").unwrap_or(name);
    (1..)
        .map(|n| {
            dir.join(if n == 1 {
                name.to_owned()
            } else {
                format!("{stem}-{n}.md")
            })
        })
        .find(|p| !p.exists())
        .expect("some suffix is free")
}

impl Library {
    /// Writes every article changed since it was last written, moves files
    /// of renamed and trashed articles, and returns what it did. Articles in
    /// conflict are left alone. Strict: the first article that fails is
    /// the error (after every other article had its turn); the watcher uses
    /// [`Library::mirror_out_each`], which carries on.
    pub fn mirror_out(&mut self, folder: &Path) -> Result<Vec<MirrorChange>> {
        let pass = self.mirror_out_each(folder, &mut Stuck::default())?;
        match pass.failures.into_iter().next() {
            Some(e) => Err(e),
            None => Ok(pass.changes),
        }
    }

    /// One pass of the mirror out: every article out of step is written
    /// (or moved), each on its own, so one that fails stops no other.
    /// Those that fail are remembered in `stuck` at the edit time they
    /// failed at and left alone until they change, so a failure is
    /// reported once, not on every pass. The pass as a whole fails only
    /// when the folder is missing or replaced (`Error::MirrorPaused`),
    /// before anything is done.
    pub fn mirror_out_each(&mut self, folder: &Path, stuck: &mut Stuck) -> Result<MirrorOut> {
        self.check_mirror_folder(folder)?;
        let pending = mirror_files::out_of_step(&self.conn).map_err(|e| self.sql_err(e))?;
        let mut pass = MirrorOut::default();
        stuck.0.retain(|id, _| pending.iter().any(|p| p.0 == *id));
        for (id, trashed, edited_at) in pending {
            if stuck.0.get(&id) == Some(&edited_at) {
                continue;
            }
            let change = if trashed {
                self.mirror_trash(folder, id)
            } else {
                self.mirror_write(folder, id)
            };
            match change {
                Ok(change) => {
                    stuck.0.remove(&id);
                    pass.changes.extend(change);
                }
                // The folder went while the pass ran: stop here, try all
                // again when it is back.
                Err(e @ Error::MirrorPaused { .. }) => return Err(e),
                Err(e) => {
                    stuck.0.insert(id, edited_at);
                    pass.failures.push(e);
                }
            }
        }
        Ok(pass)
    }

    fn mirror_trash(&mut self, folder: &Path, id: ArticleId) -> Result<Option<MirrorChange>> {
        let Some(m) = mapping_of(&self.conn, id).map_err(|e| self.sql_err(e))? else {
            return Ok(None);
        };
        let updated_at = self.article(id)?.updated_at.timestamp_millis();
        let from = folder.join(&m.name);
        let mut name = m.name.clone();
        if !m.trashed && from.exists() {
            let trash = folder.join(MIRROR_TRASH);
            // Not `create_dir_all`: a folder that vanished meanwhile must
            // not be made again here.
            match std::fs::create_dir(&trash) {
                Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => {
                    return Err(io(&trash)(e))
                }
                _ => {}
            }
            let to = free_path(&trash, &m.name);
            std::fs::rename(&from, &to).map_err(io(&from))?;
            name = to
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or(name);
        }
        self.write(|tx| mirror_files::mark_trashed(tx, id, Some(&name), updated_at))?;
        Ok((!m.trashed).then(|| MirrorChange {
            article: id,
            kind: MirrorChangeKind::MovedToTrash,
            file: format!("{MIRROR_TRASH}/{name}"),
        }))
    }

    fn mirror_write(&mut self, folder: &Path, id: ArticleId) -> Result<Option<MirrorChange>> {
        let article = self.article(id)?;
        let text = file_text(self, &article)?;
        let hash = sha256_hex(text.as_bytes());
        let name = format!("{}.md", article.meta.slug);
        let target = folder.join(&name);
        let mapping = mapping_of(&self.conn, id).map_err(|e| self.sql_err(e))?;
        let on_disk = |path: &Path| std::fs::read(path).ok().map(|b| sha256_hex(&b));

        match &mapping {
            // A file there that Byline has not read yet (first sync into a
            // folder that has one, or an edit the watcher has not reported):
            // read it as an edit instead of writing over it.
            None if target.exists() => return self.mirror_in(folder, &target),
            // Changed or deleted since Byline wrote it, and the watcher has
            // not said so yet: that is the writer's doing, read it first.
            Some(m) if !m.trashed && m.name == name => {
                if on_disk(&target).as_deref() != Some(m.hash.as_str()) {
                    return self.mirror_in(folder, &target);
                }
            }
            Some(m) if !m.trashed => {
                // Renamed: move the old file if it is still what Byline
                // wrote; a file changed since is left where it is.
                let old = folder.join(&m.name);
                if on_disk(&old).as_deref() == Some(m.hash.as_str()) && !target.exists() {
                    std::fs::rename(&old, &target).map_err(io(&old))?;
                }
            }
            _ => {}
        }
        let seen = on_disk(&target);
        let unchanged = mapping
            .as_ref()
            .is_some_and(|m| m.hash == hash && !m.trashed && m.name == name)
            && seen.as_deref() == Some(hash.as_str());
        // A save in the writer's editor can land while ours is synced: then
        // theirs stays, and is read as the edit it is.
        if !unchanged && !replace_if_unchanged(&target, text.as_bytes(), seen.as_deref())? {
            return self.mirror_in(folder, &target);
        }
        // The edit time of the text just written, not the article's by now:
        // a save that landed meanwhile must still look unwritten.
        let synced_at = article.updated_at.timestamp_millis();
        self.write(|tx| remember(tx, id, &name, &hash, synced_at))?;
        Ok((!unchanged).then(|| MirrorChange {
            article: id,
            kind: MirrorChangeKind::Written,
            file: name,
        }))
    }

    /// Reads a file in the mirror folder that changed (or vanished). Returns
    /// what that did to the library; `None` when nothing needed doing (its
    /// content is what Byline last wrote or read, or it is not an article
    /// file). A file that cannot be read as an article is an error for the
    /// caller to show; the library is unchanged.
    pub fn mirror_in(&mut self, folder: &Path, file: &Path) -> Result<Option<MirrorChange>> {
        let Some(name) = article_file_name(folder, file) else {
            return Ok(None);
        };
        // A folder gone or replaced makes every file look deleted.
        self.check_mirror_folder(folder)?;
        let mapped = mirror_files::article_of(&self.conn, &name).map_err(|e| self.sql_err(e))?;

        if !file.exists() {
            let Some(id) = mapped else {
                return Ok(None);
            };
            let article = self.article(id)?;
            // Asked again right before acting: the folder may have gone
            // since the check above, taking the file with it.
            self.check_mirror_folder(folder)?;
            if article.trashed_at.is_none() {
                self.trash(id)?;
            }
            let updated_at = self.article(id)?.updated_at.timestamp_millis();
            self.write(|tx| mirror_files::mark_trashed(tx, id, None, updated_at))?;
            return Ok(Some(MirrorChange {
                article: id,
                kind: MirrorChangeKind::Trashed,
                file: name,
            }));
        }

        let text = crate::usecases::markdown_file::read_markdown_file(file)?;
        let hash = sha256_hex(text.as_bytes());
        let options = ImportOptions {
            faq: FaqImport::Keep,
            atomic: false,
            ..Default::default()
        };
        let (prepared, _) = prepare_text(file, &text, options)?;

        // An unmapped file whose slug is an article's that has no file yet
        // (the first sync into a folder that already has files) is that
        // article's file.
        let id = match mapped {
            Some(id) => Some(id),
            None => mirror_files::unmirrored_with_slug(&self.conn, name.trim_end_matches(".md"))
                .map_err(|e| self.sql_err(e))?,
        };
        let Some(id) = id else {
            let written = self.write(|tx| {
                let written = write_prepared(
                    tx,
                    &prepared,
                    &Target {
                        existing: None,
                        source: None,
                        kind: RevisionKind::ExternalEdit,
                        label: Some("new file in the mirror folder"),
                        before: "",
                    },
                )?;
                remember(tx, written.id, &name, &hash, updated_at(tx, written.id)?)?;
                Ok(written)
            })?;
            return Ok(Some(MirrorChange {
                article: written.id,
                kind: MirrorChangeKind::Created,
                file: name,
            }));
        };

        let mapping = mapping_of(&self.conn, id).map_err(|e| self.sql_err(e))?;
        if let Some(m) = &mapping {
            if m.hash == hash || m.conflict_hash.as_deref() == Some(hash.as_str()) {
                return Ok(None);
            }
        }
        let article = self.article(id)?;
        let library_text = file_text(self, &article)?;
        let library_hash = sha256_hex(library_text.as_bytes());
        if library_hash == hash {
            // The file says what the library says (formatting aside):
            // nothing to apply, just remember it.
            let synced_at = article.updated_at.timestamp_millis();
            self.write(|tx| remember(tx, id, &name, &hash, synced_at))?;
            return Ok(None);
        }
        let library_unchanged = mapping.as_ref().is_some_and(|m| m.hash == library_hash);
        if library_unchanged {
            let label = format!("edited in {name}");
            self.write(|tx| {
                write_prepared(
                    tx,
                    &prepared,
                    &Target {
                        existing: Some(id),
                        source: None,
                        kind: RevisionKind::ExternalEdit,
                        label: Some(&label),
                        before: "before the edit in the mirror folder",
                    },
                )?;
                remember(tx, id, &name, &hash, updated_at(tx, id)?)
            })?;
            return Ok(Some(MirrorChange {
                article: id,
                kind: MirrorChangeKind::ExternalEdit,
                file: name,
            }));
        }

        // Both sides changed: keep both, apply neither.
        let theirs = file_state(&prepared, &article)?;
        let now = Utc::now();
        let library_label = format!("your version when {name} changed too");
        let file_label = format!("the version in {name}");
        self.write(|tx| {
            let mine = record(
                tx,
                id,
                RevisionKind::Snapshot,
                Some(&library_label),
                &RevisionState::from(&article),
                now,
            )?
            .unwrap_or_default();
            let file_rev = record(
                tx,
                id,
                RevisionKind::ExternalEdit,
                Some(&file_label),
                &theirs,
                now,
            )?
            .unwrap_or_default();
            mirror_files::remember_conflict(tx, id, &name, &hash, mine, file_rev)?;
            Ok(())
        })?;
        Ok(Some(MirrorChange {
            article: id,
            kind: MirrorChangeKind::Conflict,
            file: name,
        }))
    }

    /// Whether `file` holds exactly what Byline last wrote or read there,
    /// so a watcher event for it is only Byline's own write coming back.
    /// Cheap (one read and a hash): the watcher asks before doing anything
    /// that costs more.
    pub fn mirror_file_is_known(&self, folder: &Path, file: &Path) -> Result<bool> {
        let Some(name) = article_file_name(folder, file) else {
            return Ok(true);
        };
        let Ok(bytes) = std::fs::read(file) else {
            return Ok(false);
        };
        let hash = sha256_hex(&bytes);
        mirror_files::holds(&self.conn, &name, &hash).map_err(|e| self.sql_err(e))
    }

    /// Articles whose file and library text both changed, waiting for the
    /// writer to choose.
    pub fn mirror_conflicts(&self) -> Result<Vec<MirrorConflict>> {
        let rows = mirror_files::conflicts(&self.conn).map_err(|e| self.sql_err(e))?;
        Ok(rows
            .into_iter()
            .map(
                |(article, file, library_revision, file_revision)| MirrorConflict {
                    article,
                    file,
                    library_revision,
                    file_revision,
                },
            )
            .collect())
    }

    /// Ends a conflict. Either way the other side stays in history; the
    /// file is then written from the library on the next `mirror_out`.
    pub fn resolve_mirror_conflict(
        &mut self,
        id: ArticleId,
        choice: ConflictChoice,
    ) -> Result<Article> {
        let conflict = self
            .mirror_conflicts()?
            .into_iter()
            .find(|c| c.article == id)
            .ok_or_else(|| {
                Error::invalid(
                    "conflict",
                    format!("article {id} has no conflict with its file"),
                )
            })?;
        if choice == ConflictChoice::File {
            self.restore_revision(id, conflict.file_revision)?;
        }
        // The file's version is now one Byline has seen (and kept), so the
        // next `mirror_out` writes the chosen text over it.
        self.write(|tx| mirror_files::end_conflict(tx, id))?;
        self.article(id)
    }
}

/// The state a file describes, for keeping it as a revision without
/// applying it. The status stays the article's (the file says only
/// draft or not).
fn file_state(prepared: &super::import::Prepared, article: &Article) -> Result<RevisionState> {
    let post = &prepared.post;
    Ok(RevisionState {
        meta: ArticleMeta {
            title: prepared.title.clone(),
            dek: post.dek.clone(),
            slug: prepared.slug.clone(),
            authors: post.authors.clone(),
            tags: post.tags.clone(),
            meta_description: post.description.clone(),
            canonical_url: post.canonical_url.clone(),
            featured_image: post.image.clone(),
            publish_at: prepared.publish_at,
            // A file does not carry the target: it stays the article's.
            word_target: article.meta.word_target,
        },
        status: article.status,
        body: post.body.clone(),
        faq: post.faq.clone(),
    })
}

/// The article file `file` names in the mirror folder: a `.md` file
/// directly in it, not hidden (editors' swap and backup files are), not
/// in `.trash`.
pub fn article_file_name(folder: &Path, file: &Path) -> Option<String> {
    if file.parent()? != folder {
        return None;
    }
    let name = file.file_name()?.to_str()?;
    let is_md = name.len() > 3 && name.ends_with(".md");
    (is_md && !name.starts_with('.') && !name.starts_with('~') && !name.ends_with("~.md"))
        .then(|| name.to_owned())
}

#[cfg(test)]
mod props;
#[cfg(test)]
mod tests;
