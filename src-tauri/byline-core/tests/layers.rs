//! The core's layers, checked from its sources: `domain` at the bottom, then
//! `transform`, then `library` (storage), then `usecases`. A module may name
//! (with `use` or a `crate::`/`super::` path) only its own layer or a lower
//! one, and no two modules may depend on each other, directly or round a
//! longer loop.
//!
//! A "module" here is a layer's direct child (`transform::render`,
//! `domain::faq`); the storage layer counts as one module, `library`, since
//! its files are the tables of one schema sharing one connection. Test code
//! (`tests.rs` files and `#[cfg(test)]` items) is not checked: a test may
//! set up with whatever it needs.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

const LAYERS: [&str; 4] = ["domain", "transform", "library", "usecases"];

/// A source file as the check sees it: its module path and its text.
struct Source {
    module: Vec<String>,
    text: String,
}

#[test]
fn the_core_has_no_upward_path_and_no_cycle() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut sources = Vec::new();
    collect(&src, &src, &mut sources);
    assert!(
        sources.len() > 40,
        "found only {} source files under {}",
        sources.len(),
        src.display()
    );
    let report = check(&sources);
    assert!(
        report.edges > 100,
        "found only {} paths between modules; is the parser still reading them?",
        report.edges
    );
    assert!(
        report.problems.is_empty(),
        "the core's layering is broken:\n{}",
        report.problems.join("\n")
    );
}

/// The check itself, on made-up sources: it must see an upward `use`, an
/// upward path in code (inside a `use` group too), a `super::` that climbs
/// into a higher layer, a path through the crate root, and a cycle, and
/// must not flag test code, comments or strings.
#[test]
fn the_check_catches_what_it_should() {
    let file = |module: &str, text: &str| Source {
        module: module.split("::").map(str::to_owned).collect(),
        text: text.to_owned(),
    };
    let sources = [
        file("domain::article", "use crate::library::Library;\n"),
        file(
            "transform::render",
            "fn f() { crate::usecases::autosave::go(); }\n\
             // crate::usecases::import in a comment\n\
             const S: &str = \"crate::usecases::import\";\n\
             #[cfg(test)]\nmod tests { use crate::usecases::import; }\n",
        ),
        file(
            "transform::slug",
            "use crate::{domain::faq, library::{self, Library}};\n",
        ),
        file(
            "domain::faq",
            "use super::super::usecases::x;\nuse crate::Error;\n",
        ),
        file("usecases::import", "use super::mirror_rules::Rules;\n"),
        file(
            "usecases::mirror_rules",
            "use crate::usecases::import::Prepared;\n",
        ),
        file(
            "library::articles",
            "use crate::domain::faq::{self, Item};\n",
        ),
    ];
    let problems = check(&sources).problems;
    let has = |needle: &str| problems.iter().any(|p| p.contains(needle));
    assert!(has("domain::article uses library"), "{problems:#?}");
    assert!(
        has("transform::render uses usecases::autosave"),
        "{problems:#?}"
    );
    assert!(has("transform::slug uses library"), "{problems:#?}");
    assert!(has("domain::faq uses usecases::x"), "{problems:#?}");
    assert!(has("crate::Error"), "{problems:#?}");
    assert!(has("cycle"), "{problems:#?}");
    assert!(
        !problems
            .iter()
            .any(|p| p.contains("usecases::import") && p.contains("render")),
        "comments, strings or test code were checked: {problems:#?}"
    );
    // The slug file names `library` twice (the module and an item in it).
    assert_eq!(problems.len(), 7, "{problems:#?}");
}

struct Report {
    edges: usize,
    problems: Vec<String>,
}

fn check(sources: &[Source]) -> Report {
    let mut problems = Vec::new();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut edges = 0;
    for source in sources {
        let from = node(&source.module);
        let code = without_test_items(&strip_comments_and_strings(&source.text));
        for path in paths(&code) {
            let Some(target) = resolve(&source.module, &path) else {
                continue;
            };
            let shown = target.join("::");
            let Some(to_rank) = rank(&target[0]) else {
                problems.push(format!(
                    "{} uses crate::{shown}: name it by its layer's path, not through the crate root",
                    source.module.join("::")
                ));
                continue;
            };
            let from_rank = rank(&source.module[0]).expect("sources are collected from the layers");
            if to_rank > from_rank {
                problems.push(format!(
                    "{} uses {shown}: {} is above {}",
                    source.module.join("::"),
                    target[0],
                    source.module[0]
                ));
            }
            let to = node(&target);
            if to != from {
                edges += 1;
                graph.entry(from.clone()).or_default().insert(to);
            }
        }
    }
    if let Some(cycle) = find_cycle(&graph) {
        problems.push(format!("cycle between modules: {}", cycle.join(" -> ")));
    }
    Report { edges, problems }
}

fn rank(layer: &str) -> Option<usize> {
    LAYERS.iter().position(|l| *l == layer)
}

/// The module a path belongs to for the cycle check.
fn node(path: &[String]) -> String {
    if path[0] == "library" || path.len() == 1 {
        path[0].clone()
    } else {
        format!("{}::{}", path[0], path[1])
    }
}

/// Every source file under `src`, except the crate root (the public facade,
/// which re-exports from every layer) and test files.
fn collect(root: &Path, dir: &Path, out: &mut Vec<Source>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            collect(root, &path, out);
            continue;
        }
        let name = path.file_name().unwrap().to_str().unwrap();
        if !name.ends_with(".rs") || name == "tests.rs" {
            continue;
        }
        let relative = path.strip_prefix(root).unwrap();
        if relative == Path::new("lib.rs") {
            continue;
        }
        let mut module: Vec<String> = relative
            .with_extension("")
            .components()
            .map(|c| c.as_os_str().to_str().unwrap().to_owned())
            .collect();
        if module.last().is_some_and(|m| m == "mod") {
            module.pop();
        }
        assert!(
            rank(&module[0]).is_some(),
            "{} is outside the layers ({})",
            relative.display(),
            LAYERS.join(", ")
        );
        out.push(Source {
            module,
            text: std::fs::read_to_string(&path).unwrap(),
        });
    }
}

/// The code with comments removed and string and character literals
/// emptied, so neither can be taken for a path.
fn strip_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
            out.push(' ');
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&chars, i) {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("\"\"");
        } else if c == '\'' && is_char_literal(&chars, i) {
            i += 1;
            while chars[i] != '\'' {
                if chars[i] == '\\' {
                    i += 1;
                }
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// `'x'`, `'\n'`, `'\u{2028}'`, as opposed to a lifetime `'a`.
fn is_char_literal(chars: &[char], i: usize) -> bool {
    match chars.get(i + 1) {
        Some('\\') => true,
        Some(_) => chars.get(i + 2) == Some(&'\''),
        None => false,
    }
}

/// The code without `#[cfg(test)]` items: `mod tests;` or a braced module.
fn without_test_items(code: &str) -> String {
    let mut out = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = rest.find("#[cfg(test)]") {
        out.push_str(&rest[..at]);
        let item = &rest[at..];
        let semicolon = item.find(';').unwrap_or(item.len());
        let brace = item.find('{').unwrap_or(item.len());
        let end = if semicolon < brace {
            semicolon + 1
        } else {
            let mut depth = 0;
            let mut end = item.len();
            for (k, ch) in item.char_indices().skip(brace) {
                match ch {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            end = k + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            end
        };
        rest = &item[end..];
    }
    out.push_str(rest);
    out
}

/// Every path starting with `crate`, `super` or `self` in the code, `use`
/// groups expanded: `use crate::{a::b, c}` gives `crate::a::b` and
/// `crate::c`.
fn paths(code: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest_of_code = String::with_capacity(code.len());
    let mut rest = code;
    while let Some(at) = find_word(rest, "use") {
        rest_of_code.push_str(&rest[..at]);
        let tail = &rest[at + 3..];
        let end = tail.find(';').unwrap_or(tail.len());
        expand(tail[..end].trim(), &[], &mut out);
        rest = &tail[(end + 1).min(tail.len())..];
    }
    rest_of_code.push_str(rest);
    let chars: Vec<char> = rest_of_code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if (chars[i].is_alphabetic() || chars[i] == '_') && !ident_before(&chars, i) {
            let start = i;
            let mut segments = Vec::new();
            let mut segment = String::new();
            while i < chars.len() {
                if chars[i].is_alphanumeric() || chars[i] == '_' {
                    segment.push(chars[i]);
                    i += 1;
                } else if chars[i] == ':' && chars.get(i + 1) == Some(&':') {
                    segments.push(std::mem::take(&mut segment));
                    i += 2;
                } else {
                    break;
                }
            }
            if !segment.is_empty() {
                segments.push(segment);
            }
            if i > start && matches!(segments[0].as_str(), "crate" | "super" | "self") {
                out.push(segments);
            }
            if i == start {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    out.retain(|p| matches!(p[0].as_str(), "crate" | "super" | "self"));
    out
}

fn find_word(text: &str, word: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(at) = text[from..].find(word) {
        let at = from + at;
        let before = at == 0 || !(bytes[at - 1].is_ascii_alphanumeric() || bytes[at - 1] == b'_');
        let after = bytes
            .get(at + word.len())
            .is_none_or(|b| !(b.is_ascii_alphanumeric() || *b == b'_'));
        if before && after {
            return Some(at);
        }
        from = at + word.len();
    }
    None
}

/// Expands a use tree (`crate::a::{b, c::{d, self}} as e`) into paths.
fn expand(tree: &str, prefix: &[String], out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let mut base = prefix.to_vec();
        base.extend(segments_of(&tree[..open]));
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let mut depth = 0;
        let mut start = 0;
        for (k, ch) in inner.char_indices() {
            match ch {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    expand(&inner[start..k], &base, out);
                    start = k + 1;
                }
                _ => {}
            }
        }
        expand(&inner[start..], &base, out);
    } else {
        let tree = tree.split(" as ").next().unwrap_or(tree);
        let mut path = prefix.to_vec();
        for segment in segments_of(tree) {
            if segment != "self" || path.is_empty() {
                path.push(segment);
            }
        }
        if !path.is_empty() {
            out.push(path);
        }
    }
}

fn segments_of(path: &str) -> Vec<String> {
    path.split("::")
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty() && s != "*")
        .collect()
}

/// A path as absolute segments after `crate`; `None` for one that stays
/// inside its own file (`self::`) or is not the crate's.
fn resolve(module: &[String], path: &[String]) -> Option<Vec<String>> {
    let (mut base, rest): (Vec<String>, &[String]) = match path[0].as_str() {
        "crate" => (Vec::new(), &path[1..]),
        "self" => return None,
        "super" => {
            let mut base = module.to_vec();
            let mut k = 0;
            while path.get(k).is_some_and(|s| s == "super") {
                base.pop();
                k += 1;
            }
            (base, &path[k..])
        }
        _ => return None,
    };
    base.extend(rest.iter().cloned());
    (!base.is_empty()).then_some(base)
}

/// One cycle in the module graph, if there is any.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|n| n == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_owned());
            return Some(cycle);
        }
        if done.contains(node) {
            return None;
        }
        stack.push(node.to_owned());
        for next in graph.get(node).into_iter().flatten() {
            if let Some(cycle) = visit(next, graph, stack, done) {
                return Some(cycle);
            }
        }
        stack.pop();
        done.insert(node.to_owned());
        None
    }
    let mut done = BTreeSet::new();
    for node in graph.keys() {
        if let Some(cycle) = visit(node, graph, &mut Vec::new(), &mut done) {
            return Some(cycle);
        }
    }
    None
}
