//! Reading a date a writer typed (or a front matter key holds).

use chrono::{DateTime, Local, NaiveDate, NaiveDateTime, TimeZone, Utc};

use super::error::{Error, Result};

/// A publish date: empty (none), RFC 3339 (`2026-05-01T09:00:00+02:00`),
/// or a date with an optional time (`2026-05-01`, `2026-05-01 09:00`),
/// read in the computer's time zone, which is what a writer means by it.
pub fn publish_date(value: &str) -> Result<Option<DateTime<Utc>>> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(None);
    }
    let parsed = DateTime::parse_from_rfc3339(value)
        .map(|t| t.with_timezone(&Utc))
        .ok()
        .or_else(|| {
            [
                "%Y-%m-%dT%H:%M:%S",
                "%Y-%m-%dT%H:%M",
                "%Y-%m-%d %H:%M:%S",
                "%Y-%m-%d %H:%M",
            ]
            .iter()
            .find_map(|f| NaiveDateTime::parse_from_str(value, f).ok())
            .or_else(|| {
                NaiveDate::parse_from_str(value, "%Y-%m-%d")
                    .ok()
                    .and_then(|d| d.and_hms_opt(0, 0, 0))
            })
            .and_then(|naive| Local.from_local_datetime(&naive).earliest())
            .map(|t| t.with_timezone(&Utc))
        });
    match parsed {
        Some(t) if (1900..=9999).contains(&chrono::Datelike::year(&t)) => Ok(Some(t)),
        _ => Err(Error::invalid(
            "publish date",
            format!("{value:?} is not a date; use YYYY-MM-DD, optionally with a time (2026-05-01 09:30)"),
        )),
    }
}
