//! Front matter: the YAML or TOML header of a Markdown file.
//!
//! Static-site generators keep an article's metadata in a header fenced by
//! `---` (YAML: Hugo, Jekyll, Astro) or `+++` (TOML: Zola, Hugo). Importing
//! such a file means splitting it into that header and the Markdown body;
//! exporting means writing a header back. The header is handled as an ordered
//! JSON map, so keys Byline has no use for survive the round trip untouched.
//!
//! What does not survive exactly, because the two formats cannot say it:
//! - TOML datetimes are read as their TOML text (`"2024-05-01T10:00:00Z"`) and
//!   written back as strings, so a Zola `date = 2024-05-01` comes back as
//!   `date = "2024-05-01"`. Both Zola and Hugo accept dates as strings.
//! - TOML has no null: keys (and array elements) holding null are left out.
//! - TOML integers are signed 64-bit; a larger JSON integer is written as a
//!   string rather than rounded to a float.
//! - YAML tags (`!foo bar`) are dropped and the tagged value kept; YAML and
//!   TOML floats that JSON cannot hold (NaN, infinities) become strings.
//! - Writing an empty map still writes both fences around an empty header, so
//!   the file keeps saying which dialect it uses.

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

/// Which syntax a file's front matter is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Dialect {
    Yaml,
    Toml,
}

impl Dialect {
    fn fence(self) -> &'static str {
        match self {
            Dialect::Yaml => "---",
            Dialect::Toml => "+++",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Dialect::Yaml => "YAML",
            Dialect::Toml => "TOML",
        }
    }
}

/// A Markdown file split into its header and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    /// `None`: the file has no front matter.
    pub dialect: Option<Dialect>,
    pub fields: Map<String, Value>,
    pub body: String,
}

#[derive(Debug, thiserror::Error, PartialEq)]
pub enum FrontMatterError {
    #[error("the front matter opened with {fence} on line 1 is never closed")]
    Unterminated { fence: &'static str },

    /// `line` is the line within the whole file, 1-based; 0 when the parser
    /// could not say where the problem is.
    #[error("the {dialect} front matter is not valid (line {line}): {detail}")]
    Invalid {
        dialect: &'static str,
        line: usize,
        detail: String,
    },

    #[error("the front matter must be a table of keys and values, not {found}")]
    NotAMapping { found: &'static str },

    /// Past one of the limits in [`limits`]: refused before the work.
    #[error("the {dialect} front matter {limit}")]
    TooComplex {
        dialect: &'static str,
        limit: limits::Limit,
    },
}

/// Split a Markdown file into its front matter and body.
///
/// A file that does not open with a `---` or `+++` line has no front matter:
/// its whole text (minus a leading byte-order mark) is the body. One blank
/// line after the closing fence is dropped, since [`write`] puts one there;
/// everything else in the body is kept byte for byte.
pub fn split(text: &str) -> Result<Document, FrontMatterError> {
    // Windows editors add a BOM; it is an encoding marker, not content, and
    // it would hide the opening fence.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or("");
    let dialect = if is_fence(first, "---") {
        Dialect::Yaml
    } else if is_fence(first, "+++") {
        Dialect::Toml
    } else {
        return Ok(Document {
            dialect: None,
            fields: Map::new(),
            body: text.to_owned(),
        });
    };

    let header_start = first.len();
    let mut offset = header_start;
    for line in lines {
        // YAML allows ending a document with `...`; Jekyll users rely on it.
        let closes = match dialect {
            Dialect::Yaml => is_fence(line, "---") || is_fence(line, "..."),
            Dialect::Toml => is_fence(line, "+++"),
        };
        if closes {
            let header = &text[header_start..offset];
            let rest = &text[offset + line.len()..];
            let body = rest
                .strip_prefix("\r\n")
                .or_else(|| rest.strip_prefix('\n'))
                .unwrap_or(rest);
            let too_complex = |limit| FrontMatterError::TooComplex {
                dialect: dialect.name(),
                limit,
            };
            let fields = match dialect {
                Dialect::Yaml => {
                    let checked = limits::check_yaml(header).map_err(too_complex)?;
                    if !checked && header.contains('&') {
                        // Anchors the check could not count: parsing them
                        // could expand without bound.
                        return Err(FrontMatterError::Invalid {
                            dialect: dialect.name(),
                            line: 0,
                            detail: "its anchors and aliases could not be read".into(),
                        });
                    }
                    parse_yaml(header)?
                }
                Dialect::Toml => {
                    limits::check_size(header).map_err(too_complex)?;
                    parse_toml(header)?
                }
            };
            if 1 + fields.values().map(limits::depth).max().unwrap_or(0) > limits::MAX_DEPTH {
                return Err(too_complex(limits::Limit::Depth));
            }
            if fields.values().map(limits::nodes).sum::<usize>() > limits::MAX_NODES {
                return Err(too_complex(limits::Limit::Nodes));
            }
            return Ok(Document {
                dialect: Some(dialect),
                fields,
                body: body.to_owned(),
            });
        }
        offset += line.len();
    }
    Err(FrontMatterError::Unterminated {
        fence: dialect.fence(),
    })
}

/// Write `fields` as front matter in `dialect`, followed by a blank line and
/// `body` exactly as given. [`split`] reads the result back to the same map
/// and body, within the limits listed in the module documentation.
pub fn write(dialect: Dialect, fields: &Map<String, Value>, body: &str) -> String {
    let header = match dialect {
        Dialect::Yaml => yaml_header(fields),
        Dialect::Toml => toml_header(fields),
    };
    let fence = dialect.fence();
    let mut out = String::with_capacity(header.len() + body.len() + 10);
    out.push_str(fence);
    out.push('\n');
    out.push_str(&header);
    if !header.is_empty() && !header.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(fence);
    out.push_str("\n\n");
    out.push_str(body);
    out
}

fn is_fence(line: &str, fence: &str) -> bool {
    line.trim_end_matches([' ', '\t', '\r', '\n']) == fence
}

/// The parsers count lines from the start of what they are given; starting
/// their input with one empty line stands in for the opening fence, so their
/// line numbers, including those inside their messages, are the file's.
fn with_fence_line(header: &str) -> String {
    let mut padded = String::with_capacity(header.len() + 1);
    padded.push('\n');
    padded.push_str(header);
    padded
}

fn parse_yaml(header: &str) -> Result<Map<String, Value>, FrontMatterError> {
    let parsed: serde_norway::Value =
        serde_norway::from_str(&with_fence_line(header)).map_err(|err| {
            FrontMatterError::Invalid {
                dialect: Dialect::Yaml.name(),
                line: err.location().map_or(0, |at| at.line()),
                detail: err.to_string(),
            }
        })?;
    match yaml_to_json(untag(parsed)) {
        Value::Object(fields) => Ok(fields),
        // A header of only comments, or `null`, is an empty header.
        Value::Null => Ok(Map::new()),
        other => Err(FrontMatterError::NotAMapping {
            found: describe(&other),
        }),
    }
}

fn untag(value: serde_norway::Value) -> serde_norway::Value {
    match value {
        serde_norway::Value::Tagged(tagged) => untag(tagged.value),
        other => other,
    }
}

fn describe(value: &Value) -> &'static str {
    match value {
        Value::Null => "nothing",
        Value::Bool(_) => "a true/false value",
        Value::Number(_) => "a number",
        Value::String(_) => "a single piece of text",
        Value::Array(_) => "a list",
        Value::Object(_) => "a table",
    }
}

fn yaml_to_json(value: serde_norway::Value) -> Value {
    use serde_norway::Value as Y;
    match value {
        Y::Null => Value::Null,
        Y::Bool(b) => Value::Bool(b),
        Y::Number(n) => yaml_number(&n),
        Y::String(s) => Value::String(s),
        Y::Sequence(items) => Value::Array(items.into_iter().map(yaml_to_json).collect()),
        Y::Mapping(entries) => Value::Object(
            entries
                .into_iter()
                .map(|(key, value)| (yaml_key(key), yaml_to_json(value)))
                .collect(),
        ),
        Y::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

fn yaml_number(n: &serde_norway::Number) -> Value {
    if let Some(i) = n.as_i64() {
        Value::from(i)
    } else if let Some(u) = n.as_u64() {
        Value::from(u)
    } else {
        n.as_f64()
            .and_then(serde_json::Number::from_f64)
            .map(Value::Number)
            // NaN and infinities: keep YAML's spelling so nothing is lost.
            .unwrap_or_else(|| Value::String(n.to_string()))
    }
}

/// JSON keys are strings; YAML keys can be anything. Scalars keep their
/// written form; a list or mapping used as a key (rare, but legal) becomes
/// its JSON text so distinct keys stay distinct.
fn yaml_key(key: serde_norway::Value) -> String {
    use serde_norway::Value as Y;
    match key {
        Y::String(s) => s,
        Y::Null => "null".to_owned(),
        Y::Bool(b) => b.to_string(),
        Y::Number(n) => n.to_string(),
        Y::Tagged(tagged) => yaml_key(tagged.value),
        complex => serde_json::to_string(&yaml_to_json(complex)).unwrap_or_default(),
    }
}

fn parse_toml(header: &str) -> Result<Map<String, Value>, FrontMatterError> {
    let padded = with_fence_line(header);
    let table: toml::Table = toml::from_str(&padded).map_err(|err| {
        let line = err.span().map_or(0, |span| {
            let start = span.start.min(padded.len());
            // The span is a byte offset; count lines on bytes so an offset
            // inside a multi-byte character cannot split it.
            1 + padded.as_bytes()[..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count()
        });
        FrontMatterError::Invalid {
            dialect: Dialect::Toml.name(),
            line,
            detail: err.message().trim_end().to_owned(),
        }
    })?;
    Ok(toml_table_to_json(table))
}

fn toml_table_to_json(table: toml::Table) -> Map<String, Value> {
    table
        .into_iter()
        .map(|(key, value)| (key, toml_to_json(value)))
        .collect()
}

/// Walked by hand rather than through serde because `toml::Datetime`
/// serialises as a private marker struct, which would land in the map as an
/// object instead of the date text.
fn toml_to_json(value: toml::Value) -> Value {
    use toml::Value as T;
    match value {
        T::String(s) => Value::String(s),
        T::Integer(i) => Value::from(i),
        T::Float(f) => serde_json::Number::from_f64(f)
            .map(Value::Number)
            .unwrap_or_else(|| Value::String(toml_special_float(f).to_owned())),
        T::Boolean(b) => Value::Bool(b),
        T::Datetime(d) => Value::String(d.to_string()),
        T::Array(items) => Value::Array(items.into_iter().map(toml_to_json).collect()),
        T::Table(table) => Value::Object(toml_table_to_json(table)),
    }
}

fn toml_special_float(f: f64) -> &'static str {
    if f.is_nan() {
        "nan"
    } else if f.is_sign_negative() {
        "-inf"
    } else {
        "inf"
    }
}

fn yaml_header(fields: &Map<String, Value>) -> String {
    if fields.is_empty() {
        // serde_norway would write `{}`; an empty header says the same and
        // is what site generators' own templates produce.
        return String::new();
    }
    // YAML 1.2 reads JSON, so if the emitter ever refused the map the header
    // would still be readable and complete.
    serde_norway::to_string(fields)
        .or_else(|_| serde_json::to_string_pretty(fields).map(|json| json + "\n"))
        .unwrap_or_default()
}

fn toml_header(fields: &Map<String, Value>) -> String {
    let mut table: toml::Table = fields
        .iter()
        .filter_map(|(key, value)| Some((key.clone(), json_to_toml(value)?)))
        .collect();
    let mut escapes = Escapes::new(&table);
    escapes.replace_in_table(&mut table);

    let text = toml::to_string(&table).unwrap_or_else(|_| {
        // Not expected for JSON-shaped data; if it happens, keep every key
        // the serialiser accepts rather than lose the whole header.
        table.retain(|key, value| {
            let mut single = toml::Table::new();
            single.insert(key.to_owned(), value.clone());
            toml::to_string(&single).is_ok()
        });
        toml::to_string(&table).unwrap_or_default()
    });
    escapes.restore(text)
}

fn json_to_toml(value: &Value) -> Option<toml::Value> {
    use toml::Value as T;
    Some(match value {
        Value::Null => return None,
        Value::Bool(b) => T::Boolean(*b),
        Value::Number(n) => {
            if let Some(i) = n.as_i64() {
                T::Integer(i)
            } else if n.is_u64() {
                T::String(n.to_string())
            } else {
                T::Float(n.as_f64()?)
            }
        }
        Value::String(s) => T::String(s.clone()),
        Value::Array(items) => T::Array(items.iter().filter_map(json_to_toml).collect()),
        Value::Object(map) => T::Table(
            map.iter()
                .filter_map(|(key, value)| Some((key.clone(), json_to_toml(value)?)))
                .collect(),
        ),
    })
}

/// The toml serialiser writes a string with line breaks as a multi-line
/// string, one source line per line of text. A line of text that is `+++`
/// would then close the header early, and no serialiser option prevents it.
/// Such strings are swapped for unique placeholders before serialising and
/// written back afterwards as single-line escaped strings, leaving tables,
/// key quoting and ordering to the serialiser.
struct Escapes {
    prefix: String,
    originals: Vec<String>,
}

impl Escapes {
    fn new(table: &toml::Table) -> Self {
        let mut prefix = String::from("byline-placeholder-");
        while table_mentions(table, &prefix) {
            prefix.push('x');
        }
        Escapes {
            prefix,
            originals: Vec::new(),
        }
    }

    fn replace_in_table(&mut self, table: &mut toml::Table) {
        for (_, value) in table.iter_mut() {
            self.replace_in_value(value);
        }
    }

    fn replace_in_value(&mut self, value: &mut toml::Value) {
        match value {
            toml::Value::String(s) if s.split('\n').any(|line| is_fence(line, "+++")) => {
                let placeholder = format!("{}{}", self.prefix, self.originals.len());
                self.originals.push(std::mem::replace(s, placeholder));
            }
            toml::Value::Array(items) => {
                for item in items {
                    self.replace_in_value(item);
                }
            }
            toml::Value::Table(table) => self.replace_in_table(table),
            _ => {}
        }
    }

    fn restore(&self, mut text: String) -> String {
        // Backwards, so placeholder 1 never matches inside placeholder 10;
        // the quotes around each make that doubly sure.
        for (index, original) in self.originals.iter().enumerate().rev() {
            let placeholder = format!("\"{}{}\"", self.prefix, index);
            text = text.replace(&placeholder, &toml_basic_string(original));
        }
        text
    }
}

fn table_mentions(table: &toml::Table, needle: &str) -> bool {
    table
        .iter()
        .any(|(key, value)| key.contains(needle) || value_mentions(value, needle))
}

fn value_mentions(value: &toml::Value, needle: &str) -> bool {
    match value {
        toml::Value::String(s) => s.contains(needle),
        toml::Value::Array(items) => items.iter().any(|item| value_mentions(item, needle)),
        toml::Value::Table(table) => table_mentions(table, needle),
        _ => false,
    }
}

/// A TOML 1.0 basic string on one line: every line break escaped.
fn toml_basic_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' || c == '\u{7f}' => {
                out.push_str(&format!("\\u{:04X}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

pub mod limits;

#[cfg(test)]
mod tests;
