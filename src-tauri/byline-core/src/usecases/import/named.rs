//! What a post's file name says: its slug, and (Jekyll's and Zola's
//! `YYYY-MM-DD-title.md` convention) its date.

use std::path::Path;

use chrono::{DateTime, Local, NaiveDate, TimeZone, Utc};

pub(super) struct FileName {
    /// The slug the name gives when the front matter gives none.
    pub slug: String,
    /// The date a `YYYY-MM-DD-` prefix gives, at midnight where the writer
    /// is (as Jekyll reads it in the site's time zone).
    pub date: Option<DateTime<Utc>>,
}

impl FileName {
    /// An imported file's name: a page bundle (`post/index.md`) is named
    /// after its folder; a dated name gives its date and the rest as slug.
    pub fn of(path: &Path) -> FileName {
        let name = Self::plain(path).slug;
        match split_date(&name) {
            Some((date, rest)) => FileName {
                slug: rest.to_owned(),
                date: Local
                    .from_local_datetime(&date.and_hms_opt(0, 0, 0).unwrap_or_default())
                    .earliest()
                    .map(|t| t.with_timezone(&Utc)),
            },
            None => FileName {
                slug: name,
                date: None,
            },
        }
    }

    /// The name as it is (the mirror folder's files are named by slug).
    pub fn plain(path: &Path) -> FileName {
        let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let named = if matches!(stem, "index" | "_index") {
            path.parent()
                .and_then(|p| p.file_name())
                .and_then(|n| n.to_str())
                .unwrap_or(stem)
        } else {
            stem
        };
        FileName {
            slug: named.to_owned(),
            date: None,
        }
    }
}

/// `2023-12-27-jekyll-4-3-3-released` → (2023-12-27, `jekyll-4-3-3-released`).
fn split_date(name: &str) -> Option<(NaiveDate, &str)> {
    let prefix = name.get(..11)?;
    let rest = name.get(11..).filter(|r| !r.is_empty())?;
    if !prefix.ends_with('-') && !prefix.ends_with('_') {
        return None;
    }
    let date = NaiveDate::parse_from_str(&prefix[..10], "%Y-%m-%d").ok()?;
    Some((date, rest))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dated_name_gives_date_and_slug() {
        let n = FileName::of(Path::new("_posts/2023-12-27-jekyll-4-3-3-released.md"));
        assert_eq!(n.slug, "jekyll-4-3-3-released");
        let local = n.date.unwrap().with_timezone(&Local);
        assert_eq!(
            local.format("%Y-%m-%d %H:%M").to_string(),
            "2023-12-27 00:00"
        );
    }

    #[test]
    fn other_names_are_slugs_as_they_are() {
        for (path, slug) in [
            ("posts/rust-1.0.md", "rust-1.0"),
            ("posts/2023-13-40-nope.md", "2023-13-40-nope"),
            ("posts/2023-12-27.md", "2023-12-27"),
            ("posts/harbour-walk/index.md", "harbour-walk"),
            ("content/2015-05-15-launch/index.md", "launch"),
        ] {
            assert_eq!(FileName::of(Path::new(path)).slug, slug, "{path}");
        }
        assert_eq!(
            FileName::plain(Path::new("2023-12-27-x.md")).slug,
            "2023-12-27-x"
        );
    }
}
