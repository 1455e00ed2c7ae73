//! Exporting an article from the library: gathering what
//! `transform::export` needs, keeping the exported state as a revision, and
//! writing the file with the images it shows.

use std::path::Path;

use chrono::Utc;
use serde::Serialize;
use ts_rs::TS;

use super::atomic_write::write_atomically;
use crate::domain::article::ArticleId;
use crate::domain::asset::ASSET_DIR;
use crate::domain::error::{Error, Result};
use crate::domain::revision::{RevisionKind, RevisionState};
use crate::library::revisions::record;
use crate::library::Library;
use crate::transform::export::{self, Format, Input};

/// One article exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Exported {
    pub format: Format,
    pub content: String,
    /// A file name for it: the slug and the format's extension.
    pub file_name: String,
    /// Library images the content shows (`assets/<file>`), to ship beside it.
    pub assets: Vec<String>,
    /// What a writer should know before publishing it.
    pub warnings: Vec<String>,
}

/// An export written to a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct WrittenExport {
    pub path: String,
    /// Images written into the `assets` folder beside it.
    pub assets: u32,
    pub warnings: Vec<String>,
}

impl Library {
    /// Exports an article to `path` (replaced atomically). Formats that show
    /// images get the library images they use in an `assets` folder beside
    /// the file, where their relative paths point.
    pub fn export_to_file(
        &mut self,
        id: ArticleId,
        format: Format,
        path: &Path,
    ) -> Result<WrittenExport> {
        let exported = self.export_article(id, format)?;
        write_atomically(path, exported.content.as_bytes())?;
        let mut assets = 0;
        if !matches!(format, Format::Json | Format::Text) && !exported.assets.is_empty() {
            let dir = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."))
                .join(ASSET_DIR);
            std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
                path: dir.clone(),
                source,
            })?;
            for name in &exported.assets {
                if let Some(asset) = self.asset(name)? {
                    write_atomically(&dir.join(name), &asset.bytes)?;
                    assets += 1;
                }
            }
        }
        Ok(WrittenExport {
            path: path.display().to_string(),
            assets,
            warnings: exported.warnings,
        })
    }

    /// Exports an article and keeps the state exported as a revision, so
    /// "what did we publish on Tuesday" has an answer.
    pub fn export_article(&mut self, id: ArticleId, format: Format) -> Result<Exported> {
        let exported = self.render_export(id, format)?;
        let article = self.article(id)?;
        let label = format!("exported as {}", format.as_str());
        self.write(|tx| {
            record(
                tx,
                id,
                RevisionKind::Export,
                Some(&label),
                &RevisionState::from(&article),
                Utc::now(),
            )?;
            Ok(())
        })?;
        Ok(exported)
    }

    /// The export without recording it (previews, copy as HTML).
    pub fn render_export(&self, id: ArticleId, format: Format) -> Result<Exported> {
        let article = self.article(id)?;
        let site = self.site_settings()?;
        let corrections = self.corrections(id)?;
        let revisions = self.history(id)?.len() as u32;
        let kept = self.kept_front_matter(id)?;
        let input = Input {
            article: &article,
            site: &site,
            corrections: &corrections,
            revisions,
            kept_front_matter: &kept,
        };
        let mut assets = export::referenced_assets(&article.body);
        for item in &article.faq {
            for name in export::referenced_assets(&item.answer) {
                if !assets.contains(&name) {
                    assets.push(name);
                }
            }
        }
        for name in export::referenced_assets(&article.meta.featured_image) {
            if !assets.contains(&name) {
                assets.push(name);
            }
        }
        let slug = if article.meta.slug.is_empty() {
            "article"
        } else {
            &article.meta.slug
        };
        Ok(Exported {
            format,
            content: export::export(format, &input),
            file_name: format!("{slug}.{}", format.extension()),
            assets,
            warnings: export::warnings(&input),
        })
    }

    /// The page's header as the HTML export writes it, for the preview:
    /// `title` is the title as typed (not yet saved), `images` how the
    /// window reads the featured image.
    pub fn page_header(
        &self,
        id: ArticleId,
        title: Option<&str>,
        images: crate::transform::render::Images<'_>,
    ) -> Result<String> {
        let mut article = self.article(id)?;
        if let Some(title) = title {
            article.meta.title = title.to_owned();
        }
        let site = self.site_settings()?;
        let input = Input {
            article: &article,
            site: &site,
            corrections: &[],
            revisions: 0,
            kept_front_matter: &serde_json::Map::new(),
        };
        Ok(export::header(&input, images))
    }
}

#[cfg(test)]
mod tests;
