//! Property tests: random and adversarial front matter, Markdown and
//! folder trees fed to import. Whatever comes in: no panic, work bounded
//! by the limits (alias bombs and deep nesting among the inputs), nothing
//! outside the given folder read, nothing written anywhere, and every
//! Markdown file accounted for (an article, or a failure with its reason).

use std::collections::BTreeMap;
use std::os::unix::fs::symlink;
use std::path::Path;

use super::*;

/// Front matter lines, from ordinary to hostile.
fn header_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "(title|slug|date|tags|path|permalink|draft|image|faq|author|pubDate|weight): [a-zA-Z0-9 :/\\-.%]{0,20}",
        Just("title: [1, 2]".to_owned()),
        Just("date: 2023-01-29 18:30:22 2023 -0800".to_owned()),
        Just("date: next tuesday".to_owned()),
        Just("tags: &t [a, b, c, d, e, f, g, h]".to_owned()),
        Just("more: [*t, *t, *t, *t, *t, *t, *t, *t, *t, *t]".to_owned()),
        Just("x: *nowhere".to_owned()),
        Just("image: ../../outside/secret.png".to_owned()),
        Just("image: %2Fetc%2Fhostname".to_owned()),
        Just("faq: [{question: Q, answer: A}, 3]".to_owned()),
        Just("draft: maybe".to_owned()),
        Just("- not a mapping".to_owned()),
        Just("{unclosed".to_owned()),
        (1usize..200).prop_map(|n| format!("deep: {}{}", "[".repeat(n), "]".repeat(n))),
        (1usize..40).prop_map(|n| format!("slug: {}", "x-".repeat(n * 5))),
        Just("title: \"\u{0}\"".to_owned()),
    ]
}

fn body_line() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-zA-Z0-9 #*_>`\\-\\[\\]()!]{0,40}",
        Just("![x](../../outside/secret.png)".to_owned()),
        Just("![x](inside.png)".to_owned()),
        Just("![x](sub/../inside.png)".to_owned()),
        Just("<img src=\"..%2F..%2Foutside%2Fsecret.png\">".to_owned()),
        Just("---".to_owned()),
        Just("+++".to_owned()),
    ]
}

fn post_text() -> impl Strategy<Value = String> {
    (
        prop_oneof![Just(0u8), Just(1), Just(2)],
        proptest::collection::vec(header_line(), 0..8),
        proptest::collection::vec(body_line(), 0..8),
    )
        .prop_map(|(fence, header, body)| {
            let body = body.join("\n");
            match fence {
                0 => body,
                1 => format!("---\n{}\n---\n{body}\n", header.join("\n")),
                _ => format!(
                    "+++\n{}\n+++\n{body}\n",
                    header.join("\n").replace(": ", " = ")
                ),
            }
        })
}

#[derive(Debug, Clone)]
enum Entry {
    Post(String),
    /// A link to a folder above (a loop).
    LinkUp,
    /// A link to the secret post outside the folder.
    LinkOut,
    /// A link to a post inside the folder.
    LinkIn,
    /// Bytes that are not text.
    Binary,
}

fn entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        6 => post_text().prop_map(Entry::Post),
        1 => Just(Entry::LinkUp),
        1 => Just(Entry::LinkOut),
        1 => Just(Entry::LinkIn),
        1 => Just(Entry::Binary),
    ]
}

fn tree() -> impl Strategy<Value = Vec<(String, Entry)>> {
    proptest::collection::vec(("(a/|b/|a/c/|)[a-z]{1,6}\\.md", entry()), 1..8)
}

/// Every file under `dir` (links not followed) with its size.
fn listing(dir: &Path) -> BTreeMap<PathBuf, u64> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let e = e.unwrap();
            let meta = std::fs::symlink_metadata(e.path()).unwrap();
            if meta.is_dir() {
                stack.push(e.path());
            }
            out.insert(e.path(), meta.len());
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn any_folder_imports_within_bounds_without_leaving_it(entries in tree()) {
        let top = tempfile::tempdir().unwrap();
        let outside = top.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        // A real image that must never reach the library (its own hash).
        let mut secret_png = std::fs::read(fixtures("hugo/content/posts/harbour-walk/cover.png")).unwrap();
        secret_png.extend_from_slice(b"secret");
        std::fs::write(outside.join("secret.png"), &secret_png).unwrap();
        std::fs::write(outside.join("secret.md"), "---\ntitle: Topsecret\n---\nTopsecret.\n").unwrap();
        let secret_hash = crate::domain::hash::sha256_hex(&secret_png)[..12].to_owned();

        let blog = top.path().join("blog");
        std::fs::create_dir_all(blog.join("a/c")).unwrap();
        std::fs::create_dir_all(blog.join("b")).unwrap();
        std::fs::write(blog.join("inside.png"), std::fs::read(fixtures("hugo/content/posts/harbour-walk/cover.png")).unwrap()).unwrap();
        std::fs::write(blog.join("anchor.md"), "---\ntitle: Anchor\n---\n").unwrap();
        let mut regular = vec![blog.join("anchor.md")];
        for (name, entry) in &entries {
            let path = blog.join(name);
            if std::fs::symlink_metadata(&path).is_ok() {
                continue;
            }
            match entry {
                Entry::Post(text) => { std::fs::write(&path, text).unwrap(); regular.push(path); }
                Entry::Binary => { std::fs::write(&path, b"\x89PNG\0\0\0").unwrap(); regular.push(path); }
                // Named without `.md`: "a.md" would make "a", a folder already.
                Entry::LinkUp => {
                    let link = path.with_extension("");
                    if std::fs::symlink_metadata(&link).is_err() {
                        symlink("..", link).unwrap();
                    }
                }
                Entry::LinkOut => symlink(outside.join("secret.md"), &path).unwrap(),
                Entry::LinkIn => symlink(blog.join("anchor.md"), &path).unwrap(),
            }
        }
        let before = listing(top.path());

        let (_l, mut lib) = library();
        let report = lib.import_paths(std::slice::from_ref(&blog), keep()).unwrap();

        // Every regular Markdown file is accounted for, once (under its
        // own name or a link's inside the folder).
        let mut reported: Vec<PathBuf> = report.files.iter()
            .filter_map(|f| std::fs::canonicalize(&f.path).ok())
            .filter(|p| p.starts_with(std::fs::canonicalize(&blog).unwrap()))
            .collect();
        reported.sort();
        let mut wanted: Vec<PathBuf> = regular.iter().map(|p| std::fs::canonicalize(p).unwrap()).collect();
        wanted.sort();
        prop_assert_eq!(reported, wanted, "{:#?}", report);
        for f in &report.files {
            match f.outcome {
                ImportOutcome::Failed => prop_assert!(f.error.is_some()),
                _ => prop_assert!(f.article.is_some()),
            }
        }
        prop_assert_eq!(
            report.files.len() as u32,
            report.created + report.updated + report.failed
        );
        // Nothing from outside came in.
        prop_assert!(lib.search("Topsecret", 10).unwrap().is_empty());
        for summary in lib.list(&Default::default()).unwrap() {
            let a = lib.article(summary.id).unwrap();
            prop_assert!(!a.body.contains(&secret_hash));
            prop_assert!(!a.meta.featured_image.contains(&secret_hash));
            // What was stored reads back and exports.
            lib.kept_front_matter(a.id).unwrap();
            lib.render_export(a.id, Format::MdYaml).unwrap();
        }
        // Nothing was written on disk.
        prop_assert_eq!(listing(top.path()), before);
    }

    /// Front matter alone, straight into the reader: never a panic, and a
    /// file is refused only for a limit.
    #[test]
    fn any_front_matter_is_read_or_refused_for_a_limit(text in post_text()) {
        match crate::transform::post::read_lenient(&text) {
            Ok(_) => {}
            Err(e) => prop_assert!(
                e.0.contains("values") || e.0.contains("deep") || e.0.contains("KB"),
                "refused for a quirk: {}", e.0
            ),
        }
    }
}
