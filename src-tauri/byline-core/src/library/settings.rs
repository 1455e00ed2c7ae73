//! The site settings, kept in the library's `settings` table as one JSON
//! value so a new setting needs no migration (unknown keys are ignored,
//! missing ones take their defaults).

use rusqlite::{params, OptionalExtension};

use super::Library;
use crate::domain::error::{Error, Result};
use crate::domain::site_settings::{SiteSettings, DEFAULT_FAQ_HEADING};

const SITE_KEY: &str = "site";

/// Each boilerplate block is a few paragraphs; this leaves room for a long
/// footer and refuses a pasted article.
pub const MAX_BOILERPLATE_BYTES: usize = 16 * 1024;
const MAX_LINE_CHARS: usize = 200;

impl Library {
    pub fn site_settings(&self) -> Result<SiteSettings> {
        let json: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [SITE_KEY],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| self.sql_err(e))?;
        match json {
            None => Ok(SiteSettings::default()),
            Some(json) => serde_json::from_str(&json).map_err(|e| Error::LibraryCorrupt {
                path: self.path.clone(),
                detail: format!("the site settings cannot be read: {e}"),
            }),
        }
    }

    /// Checks every setting and saves them all, or none when one is
    /// refused. Returns them as saved (trimmed, the address normalised).
    pub fn set_site_settings(&mut self, settings: &SiteSettings) -> Result<SiteSettings> {
        let clean = clean(settings)?;
        let json = serde_json::to_string(&clean).expect("settings serialise");
        self.write(|tx| put(tx, SITE_KEY, &json))?;
        Ok(clean)
    }
}

/// Sets one setting, inside the caller's transaction.
pub(crate) fn put(tx: &rusqlite::Transaction<'_>, key: &str, value: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![key, value],
    )?;
    Ok(())
}

fn one_line(value: &str, field: &'static str) -> Result<String> {
    let value = value.trim();
    if value.contains(['\n', '\r']) {
        return Err(Error::invalid(field, "must be one line"));
    }
    if value.chars().count() > MAX_LINE_CHARS {
        return Err(Error::invalid(
            field,
            format!("is longer than {MAX_LINE_CHARS} characters"),
        ));
    }
    Ok(value.to_string())
}

fn boilerplate(value: &str, field: &'static str) -> Result<String> {
    if value.len() > MAX_BOILERPLATE_BYTES {
        return Err(Error::invalid(
            field,
            format!("is longer than {} KB", MAX_BOILERPLATE_BYTES / 1024),
        ));
    }
    Ok(value.trim().to_string())
}

fn clean(s: &SiteSettings) -> Result<SiteSettings> {
    let mut base_url = super::metadata::web_url(&s.base_url, "site address")?;
    // Article URLs are `{base}{slug}/`: the base must end in a slash or
    // the last path segment would be replaced.
    if !base_url.is_empty() && !base_url.ends_with('/') {
        base_url.push('/');
    }
    let language = s.language.trim();
    let valid_tag = !language.is_empty()
        && language.len() <= 35
        && language.split('-').all(|part| {
            !part.is_empty() && part.len() <= 8 && part.chars().all(|c| c.is_ascii_alphanumeric())
        });
    if !valid_tag {
        return Err(Error::invalid(
            "language",
            format!("{language:?} is not a language tag; use a code such as en, en-GB or uk"),
        ));
    }
    let heading = one_line(&s.faq_heading, "FAQ heading")?;
    Ok(SiteSettings {
        name: one_line(&s.name, "site name")?,
        base_url,
        default_author: one_line(&s.default_author, "default author")?,
        language: language.to_string(),
        faq_heading: if heading.is_empty() {
            DEFAULT_FAQ_HEADING.to_string()
        } else {
            heading
        },
        faq_structured_data: s.faq_structured_data,
        share_prompt: boilerplate(&s.share_prompt, "share prompt")?,
        newsletter: boilerplate(&s.newsletter, "newsletter box")?,
        footer: boilerplate(&s.footer, "footer")?,
        smart_quotes: s.smart_quotes,
        spellcheck: s.spellcheck,
        load_remote_images: s.load_remote_images,
        checks: s.checks.clean(&crate::transform::checks::codes())?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn smart_quotes_are_off_until_turned_on_and_then_kept() {
        let dir = tempfile::tempdir().unwrap();
        let mut lib = Library::open(dir.path().join("l.byline")).unwrap();
        assert!(!lib.site_settings().unwrap().smart_quotes);

        // Settings saved before the setting existed read as off.
        lib.write(|tx| put(tx, SITE_KEY, r#"{"name":"The Ferry Times"}"#))
            .unwrap();
        let old = lib.site_settings().unwrap();
        assert_eq!(old.name, "The Ferry Times");
        assert!(!old.smart_quotes);

        let on = SiteSettings {
            smart_quotes: true,
            ..old
        };
        assert!(lib.set_site_settings(&on).unwrap().smart_quotes);
        assert!(lib.site_settings().unwrap().smart_quotes);
    }
}
