//! `site`: the site settings the window keeps in Settings (the publication,
//! its language, the FAQ defaults, the boilerplate, how text and images are
//! shown), read and set one at a time by the same rules.

use anyhow::{bail, Context as _, Result};
use byline_core::domain::site_settings::SiteSettings;
use clap::{Args, Subcommand};
use serde_json::{Map, Value};

use super::context::Context;

#[derive(Debug, Args)]
pub struct SiteArgs {
    #[command(subcommand)]
    action: Option<SiteAction>,
    /// Print the settings as JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Subcommand)]
enum SiteAction {
    /// Set one setting (as `byline site` names it): text as it is, `on` or
    /// `off` for a switch; an empty value clears a text.
    Set { setting: String, value: String },
}

pub fn site(context: &Context, args: SiteArgs) -> Result<()> {
    let mut library = context.library()?;
    let settings = library.site_settings()?;
    match args.action {
        None if args.json => println!("{}", serde_json::to_string_pretty(&settings)?),
        None => print!("{}", describe(&settings)?),
        Some(SiteAction::Set { setting, value }) => {
            let changed = with_setting(&settings, &setting, &value)?;
            let saved = library.set_site_settings(&changed)?;
            let shown = fields(&saved)?
                .remove(&setting)
                .map(|v| show(&v))
                .unwrap_or_default();
            println!("{setting} is now {shown}");
        }
    }
    Ok(())
}

fn fields(settings: &SiteSettings) -> Result<Map<String, Value>> {
    match serde_json::to_value(settings)? {
        Value::Object(map) => Ok(map),
        _ => bail!("the site settings are not a set of fields"),
    }
}

/// `name: value`, a line each, in the settings' own order.
fn describe(settings: &SiteSettings) -> Result<String> {
    Ok(fields(settings)?
        .iter()
        .map(|(name, value)| format!("{name}: {}\n", show(value)))
        .collect())
}

fn show(value: &Value) -> String {
    match value {
        Value::Bool(true) => "on".into(),
        Value::Bool(false) => "off".into(),
        Value::String(s) if s.contains('\n') => format!("{s:?}"),
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// `settings` with `name` set from the text `value`, typed as the setting
/// is: a switch takes on/off (yes/no, true/false), a number a number.
fn with_setting(settings: &SiteSettings, name: &str, value: &str) -> Result<SiteSettings> {
    let mut map = fields(settings)?;
    let Some(old) = map.get(name) else {
        let known: Vec<&String> = map.keys().collect();
        bail!(
            "{name:?} is not a site setting; the settings are {}",
            known
                .iter()
                .map(|k| k.as_str())
                .collect::<Vec<_>>()
                .join(", ")
        );
    };
    let new = match old {
        Value::Bool(_) => Value::Bool(match value.trim().to_ascii_lowercase().as_str() {
            "on" | "yes" | "true" | "1" => true,
            "off" | "no" | "false" | "0" => false,
            other => bail!("{name} is a switch: use on or off, not {other:?}"),
        }),
        Value::Number(_) => Value::Number(
            value
                .trim()
                .parse::<serde_json::Number>()
                .ok()
                .with_context(|| format!("{name} takes a number, not {value:?}"))?,
        ),
        Value::String(_) => Value::String(value.to_owned()),
        _ => bail!("{name} cannot be set from the command line; set it in Settings"),
    };
    map.insert(name.to_owned(), new);
    serde_json::from_value(Value::Object(map))
        .with_context(|| format!("{value:?} is not a value {name} takes"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_is_set_by_its_kind_and_unknown_ones_are_named() {
        let base = SiteSettings::default();
        let on = with_setting(&base, "load_remote_images", "on").unwrap();
        assert!(on.load_remote_images);
        let named = with_setting(&base, "name", "The Harbour Times").unwrap();
        assert_eq!(named.name, "The Harbour Times");
        let err = with_setting(&base, "colour", "blue")
            .unwrap_err()
            .to_string();
        assert!(
            err.contains("not a site setting") && err.contains("smart_quotes"),
            "{err}"
        );
        let err = with_setting(&base, "spellcheck", "maybe")
            .unwrap_err()
            .to_string();
        assert!(err.contains("use on or off"), "{err}");
    }
}
