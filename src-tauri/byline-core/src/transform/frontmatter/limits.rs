//! Limits on front matter, checked before it is parsed into values.
//!
//! Front matter comes from files other people and tools wrote. YAML aliases
//! let a few kilobytes stand for billions of nodes (the "billion laughs"),
//! and deep nesting outgrows what the library can read back later (its JSON
//! reader stops at 128 levels). So the header's size is checked first, then
//! YAML is walked as a stream of events, counting every node an alias would
//! copy, and stopped as soon as a limit is passed: the work is bounded by
//! the limits, not by what the file asks for.

use std::collections::HashMap;

use yaml_rust2::parser::{Event, Parser};

/// Far more than any real post's header (a long one is a few kilobytes).
pub const MAX_FRONT_MATTER_BYTES: usize = 256 * 1024;
/// Values in a header, counting those aliases copy.
pub const MAX_NODES: usize = 20_000;
/// Lists and tables inside one another.
pub const MAX_DEPTH: usize = 32;

/// Which limit a header passed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Limit {
    Size(usize),
    Nodes,
    Depth,
}

impl std::fmt::Display for Limit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Limit::Size(n) => write!(
                f,
                "is {} KB; the limit is {} KB",
                n.div_ceil(1024),
                MAX_FRONT_MATTER_BYTES / 1024
            ),
            Limit::Nodes => write!(
                f,
                "holds more than {MAX_NODES} values (counting what its aliases repeat)"
            ),
            Limit::Depth => write!(f, "nests lists and tables more than {MAX_DEPTH} deep"),
        }
    }
}

pub fn check_size(header: &str) -> Result<(), Limit> {
    if header.len() > MAX_FRONT_MATTER_BYTES {
        return Err(Limit::Size(header.len()));
    }
    Ok(())
}

/// An open list or table: its anchor, the node count when it opened, and
/// how deep its contents go below it.
struct Open {
    anchor: usize,
    start: usize,
    below: usize,
}

/// Walks a YAML header's events. `Ok(true)` when it is within the limits,
/// `Ok(false)` when the event parser cannot read it (the YAML parser then
/// gives the error), `Err` for the limit passed.
pub fn check_yaml(header: &str) -> Result<bool, Limit> {
    check_size(header)?;
    let mut parser = Parser::new_from_str(header);
    // An anchor's size in nodes and its height in levels.
    let mut anchors: HashMap<usize, (usize, usize)> = HashMap::new();
    let mut stack: Vec<Open> = Vec::new();
    let mut total: usize = 0;
    loop {
        let Ok((event, _)) = parser.next_token() else {
            return Ok(false);
        };
        let (nodes, height) = match event {
            Event::StreamEnd => return Ok(true),
            Event::Scalar(_, _, anchor, _) => {
                if anchor != 0 {
                    anchors.insert(anchor, (1, 0));
                }
                (1, 0)
            }
            Event::Alias(id) => anchors.get(&id).copied().unwrap_or((1, 0)),
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                total += 1;
                stack.push(Open {
                    anchor,
                    start: total,
                    below: 0,
                });
                if stack.len() > MAX_DEPTH {
                    return Err(Limit::Depth);
                }
                check_nodes(total)?;
                continue;
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let Some(open) = stack.pop() else {
                    return Ok(false);
                };
                let height = open.below + 1;
                if open.anchor != 0 {
                    anchors.insert(open.anchor, (total - open.start + 1, height));
                }
                if let Some(parent) = stack.last_mut() {
                    parent.below = parent.below.max(height);
                }
                continue;
            }
            _ => continue,
        };
        total = total.saturating_add(nodes);
        check_nodes(total)?;
        if stack.len() + height > MAX_DEPTH {
            return Err(Limit::Depth);
        }
        if let Some(parent) = stack.last_mut() {
            parent.below = parent.below.max(height);
        }
    }
}

fn check_nodes(total: usize) -> Result<(), Limit> {
    if total > MAX_NODES {
        return Err(Limit::Nodes);
    }
    Ok(())
}

/// How many values a parsed header holds (TOML's count: without aliases
/// it is bounded by the size, but the limit is the same for both).
pub fn nodes(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::Array(items) => 1 + items.iter().map(nodes).sum::<usize>(),
        serde_json::Value::Object(map) => 1 + map.values().map(nodes).sum::<usize>(),
        _ => 1,
    }
}

/// How deep a parsed value nests (TOML is checked on its value: its parser
/// has no aliases, so its work is bounded by the header's size).
pub fn depth(value: &serde_json::Value) -> usize {
    match value {
        serde_json::Value::Array(items) => 1 + items.iter().map(depth).max().unwrap_or(0),
        serde_json::Value::Object(map) => 1 + map.values().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_billion_laughs_stops_at_the_node_limit() {
        let mut yaml = String::from(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n",
        );
        let mut prev = 'a';
        for name in 'b'..='z' {
            yaml.push_str(&format!(
                "{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"
            ));
            prev = name;
        }
        assert_eq!(check_yaml(&yaml), Err(Limit::Nodes));
    }

    #[test]
    fn a_list_repeated_by_aliases_counts_every_copy() {
        let items: Vec<String> = (0..300).map(|i| format!("item{i}")).collect();
        let mut yaml = format!("list: &l [{}]\n", items.join(", "));
        for i in 0..100 {
            yaml.push_str(&format!("k{i}: *l\n"));
        }
        assert_eq!(check_yaml(&yaml), Err(Limit::Nodes));
        // A few aliases of a small list are fine.
        assert_eq!(check_yaml("a: &x [1, 2]\nb: *x\nc: *x\n"), Ok(true));
    }

    #[test]
    fn nesting_is_limited_directly_and_through_aliases() {
        let deep = format!("a: {}{}\n", "[".repeat(127), "]".repeat(127));
        assert_eq!(check_yaml(&deep), Err(Limit::Depth));
        let ok = format!("a: {}{}\n", "[".repeat(20), "]".repeat(20));
        assert_eq!(check_yaml(&ok), Ok(true));
        let via_alias = format!(
            "a: &x {}{}\nb: {}*x{}\n",
            "[".repeat(20),
            "]".repeat(20),
            "[".repeat(20),
            "]".repeat(20)
        );
        assert_eq!(check_yaml(&via_alias), Err(Limit::Depth));
    }

    #[test]
    fn size_is_checked_first() {
        let big = format!("a: \"{}\"\n", "x".repeat(MAX_FRONT_MATTER_BYTES));
        assert!(matches!(check_yaml(&big), Err(Limit::Size(_))));
    }
}

#[cfg(test)]
mod toml_tests {
    use crate::transform::frontmatter::{split, FrontMatterError};

    /// TOML has no aliases, but deep nesting must not overflow the parser
    /// or be stored past what the library reads back.
    #[test]
    fn deep_toml_is_refused_without_a_crash() {
        for n in [40, 127, 5_000, 100_000] {
            let text = format!("+++\nx = {}1{}\n+++\n", "[".repeat(n), "]".repeat(n));
            let err = split(&text).unwrap_err();
            assert!(
                matches!(
                    err,
                    FrontMatterError::TooComplex { .. } | FrontMatterError::Invalid { .. }
                ),
                "{n}: {err}"
            );
        }
        let tables = format!(
            "+++\n{}\n+++\n",
            (0..5_000)
                .map(|i| format!("a{i} = {{ b = 1 }}"))
                .collect::<Vec<_>>()
                .join("\n")
        );
        split(&tables).unwrap();
        let many = format!("+++\nx = [{}]\n+++\n", vec!["1"; 25_000].join(","));
        assert!(matches!(
            split(&many),
            Err(FrontMatterError::TooComplex { .. })
        ));
    }
}
