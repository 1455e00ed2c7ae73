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

/// A date written with the month's name, as Astro's starter writes them
/// (`Jul 08 2022`, `July 15, 2022`, `8 July 2022`): at midnight where the
/// writer is.
pub fn named_month_date(value: &str) -> Option<DateTime<Utc>> {
    let value = value.trim();
    let date = [
        "%b %d %Y",
        "%b %d, %Y",
        "%B %d %Y",
        "%B %d, %Y",
        "%d %b %Y",
        "%d %B %Y",
    ]
    .iter()
    .find_map(|f| NaiveDate::parse_from_str(value, f).ok())?;
    let t = Local
        .from_local_datetime(&date.and_hms_opt(0, 0, 0)?)
        .earliest()?
        .with_timezone(&Utc);
    (1900..=9999)
        .contains(&chrono::Datelike::year(&t))
        .then_some(t)
}

/// A date read the forgiving way Ruby's `Time.parse` (and so Jekyll) reads
/// one: the leading `YYYY-MM-DD` with an optional `HH:MM[:SS]`, and a
/// `±HHMM` offset anywhere after it; other words are ignored. For front
/// matter [`publish_date`] refuses, such as `2023-01-29 18:30:22 2023 -0800`.
pub fn loose_date(value: &str) -> Option<DateTime<Utc>> {
    use chrono::{FixedOffset, NaiveTime};
    let value = value.trim();
    let date = NaiveDate::parse_from_str(value.get(..10)?, "%Y-%m-%d").ok()?;
    let rest = value.get(10..).unwrap_or("");
    let rest = rest.strip_prefix(['T', ' ']).unwrap_or(rest);
    let mut words = rest.split_whitespace();
    let time = words
        .clone()
        .next()
        .and_then(|w| {
            NaiveTime::parse_from_str(w, "%H:%M:%S")
                .or_else(|_| NaiveTime::parse_from_str(w, "%H:%M"))
                .ok()
        })
        .unwrap_or_default();
    let offset = words.find_map(|w| {
        let (sign, digits) = match w.as_bytes().first()? {
            b'+' => (1, &w[1..]),
            b'-' => (-1, &w[1..]),
            _ => return None,
        };
        let digits = digits.replace(':', "");
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let hours: i32 = digits[..2].parse().ok()?;
        let minutes: i32 = digits[2..].parse().ok()?;
        FixedOffset::east_opt(sign * (hours * 3600 + minutes * 60))
    });
    let naive = date.and_time(time);
    let t = match offset {
        Some(offset) => offset
            .from_local_datetime(&naive)
            .single()?
            .with_timezone(&Utc),
        None => Local
            .from_local_datetime(&naive)
            .earliest()?
            .with_timezone(&Utc),
    };
    (1900..=9999)
        .contains(&chrono::Datelike::year(&t))
        .then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_with_month_names() {
        for text in ["Jul 08 2022", "July 8, 2022", "8 July 2022", "Jul 8, 2022"] {
            let t = named_month_date(text).unwrap().with_timezone(&Local);
            assert_eq!(t.format("%Y-%m-%d").to_string(), "2022-07-08", "{text}");
        }
        assert!(named_month_date("Jul 2022").is_none());
    }

    #[test]
    fn jekylls_malformed_date_is_read_loosely_but_not_strictly() {
        let odd = "2023-01-29 18:30:22 2023 -0800";
        assert!(publish_date(odd).is_err());
        assert_eq!(
            loose_date(odd).unwrap().to_rfc3339(),
            "2023-01-30T02:30:22+00:00"
        );
        assert!(loose_date("next tuesday").is_none());
        assert!(loose_date("0001-01-01").is_none());
        assert_eq!(
            loose_date("2024-05-01T10:00 +02:00").unwrap().to_rfc3339(),
            "2024-05-01T08:00:00+00:00"
        );
    }
}
