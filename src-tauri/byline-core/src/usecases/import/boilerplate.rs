//! Site chrome an import dropped, offered as the site's boilerplate: the
//! share prompt and newsletter box a news site prints under every article
//! are what Byline's boilerplate is. Only the parts the site has none of
//! are ever offered or written.

use super::ImportReport;
use crate::domain::error::Result;
use crate::domain::site_settings::SiteSettings;
use crate::library::Library;
use crate::transform::plain_article::{boilerplate, Boilerplate};

/// What `report`'s dropped chrome offers `site`: empty parts where the
/// site has its own.
pub fn offer(report: &ImportReport, site: &SiteSettings) -> Boilerplate {
    let found = boilerplate(report.files.iter().flat_map(|f| &f.mapping.structure));
    Boilerplate {
        share_prompt: if site.share_prompt.trim().is_empty() {
            found.share_prompt
        } else {
            String::new()
        },
        newsletter: if site.newsletter.trim().is_empty() {
            found.newsletter
        } else {
            String::new()
        },
    }
}

impl Library {
    /// Writes `offer` into the site's boilerplate where the site has none;
    /// returns the settings as saved.
    pub fn use_boilerplate(&mut self, offer: &Boilerplate) -> Result<SiteSettings> {
        let mut site = self.site_settings()?;
        if site.share_prompt.trim().is_empty() {
            site.share_prompt = offer.share_prompt.clone();
        }
        if site.newsletter.trim().is_empty() {
            site.newsletter = offer.newsletter.clone();
        }
        self.set_site_settings(&site)
    }
}
