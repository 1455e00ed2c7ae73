//! Exporting an article from the library: gathering what `export` needs
//! and keeping the exported state as a revision.

use chrono::Utc;
use serde::Serialize;
use ts_rs::TS;

use super::revisions::{record, RevisionKind, RevisionState};
use super::Library;
use crate::error::Result;
use crate::export::{self, Format, Input};
use crate::model::ArticleId;

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

impl Library {
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
        for name in export::referenced_assets(&article.featured_image) {
            if !assets.contains(&name) {
                assets.push(name);
            }
        }
        let slug = if article.slug.is_empty() {
            "article"
        } else {
            &article.slug
        };
        Ok(Exported {
            format,
            content: export::export(format, &input),
            file_name: format!("{slug}.{}", format.extension()),
            assets,
            warnings: export::warnings(&input),
        })
    }
}
