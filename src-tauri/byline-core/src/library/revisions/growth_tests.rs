//! How much the library file grows per revision: a 5,000-word article, a
//! word changed per save, a checkpoint recorded on every save (the worst
//! case: the app records at most one per pause). Everything a save writes
//! counts: the revision row, the article row, the search index, the pages
//! they take, measured as the file's size with the WAL checkpointed.

use std::time::Duration;

use super::super::Library;
use super::CheckpointPolicy;

/// Deterministic prose with a real vocabulary: a few thousand made-up
/// words drawn with a skew like English (a few very common, a long tail),
/// so the search index holds as many distinct terms as an article does.
struct Prose(u64);

impl Prose {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn word(&mut self) -> String {
        const SYLLABLES: &[&str] = &[
            "ka", "lo", "mer", "ta", "vin", "dra", "pe", "sul", "ho", "ret", "ami", "gon", "bel",
            "tri", "os", "nu", "fen", "ca", "di", "wor",
        ];
        // Zipf-like: the rank is the square of a uniform draw.
        let u = (self.next() % 10_000) as f64 / 10_000.0;
        let mut rank = (u * u * 4_000.0) as u64;
        let mut word = String::new();
        loop {
            word.push_str(SYLLABLES[(rank % 20) as usize]);
            rank /= 20;
            if rank == 0 {
                break;
            }
        }
        word
    }
    fn article(&mut self, words: usize) -> Vec<String> {
        (0..words).map(|_| self.word()).collect()
    }
}

fn text(words: &[String]) -> String {
    // Paragraphs of 80 words.
    words
        .chunks(80)
        .map(|p| p.join(" "))
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// The file's size with the WAL written into it, and its free pages.
fn file_bytes(lib: &Library) -> (i64, i64) {
    lib.conn
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    let pages: i64 = lib
        .conn
        .pragma_query_value(None, "page_count", |r| r.get(0))
        .unwrap();
    let free: i64 = lib
        .conn
        .pragma_query_value(None, "freelist_count", |r| r.get(0))
        .unwrap();
    let size: i64 = lib
        .conn
        .pragma_query_value(None, "page_size", |r| r.get(0))
        .unwrap();
    (pages * size, free * size)
}

/// Bytes per table or index (SQLite's `dbstat`), for the printout.
fn by_table(lib: &Library) -> Vec<(String, i64)> {
    let mut stmt = lib
        .conn
        .prepare("SELECT name, sum(pgsize) FROM dbstat GROUP BY name ORDER BY 2 DESC")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap()
}

/// What the library's file grew by, per revision.
struct Growth {
    /// From the article's creation: everything, including the search
    /// index's first reach to its working size.
    from_new: f64,
    /// Once the search index has reached its working size: what each
    /// revision keeps adding for good.
    steady: f64,
}

/// `warm + saves` one-word edits of a new 5,000-word article, each save
/// recording a revision; checks every revision rebuilds to its text.
fn measure(warm: usize, saves: usize) -> Growth {
    let dir = tempfile::tempdir().unwrap();
    let mut lib = Library::open(dir.path().join("growth.byline")).unwrap();
    lib.set_checkpoint_policy(CheckpointPolicy {
        pause: Duration::ZERO,
        interval: Duration::ZERO,
        coalesce: Duration::ZERO,
        ..CheckpointPolicy::default()
    });
    let mut prose = Prose(17);
    let mut words = prose.article(5_000);
    let mut bodies = vec![text(&words)];
    let id = lib.create_article("A long story", &bodies[0]).unwrap().id;
    let (new, _) = file_bytes(&lib);
    let mut edit = |lib: &mut Library, bodies: &mut Vec<String>| {
        let at = (prose.next() as usize) % words.len();
        // Always a different word, so every save changes the text.
        let mut word = prose.word();
        while word == words[at] {
            word = prose.word();
        }
        words[at] = word;
        let body = text(&words);
        lib.save_body(id, &body).unwrap();
        bodies.push(body);
    };
    for _ in 0..warm {
        edit(&mut lib, &mut bodies);
    }
    let (warmed, _) = file_bytes(&lib);
    let tables_before = by_table(&lib);
    for _ in 0..saves {
        edit(&mut lib, &mut bodies);
    }
    let (after, free) = file_bytes(&lib);
    // Each save kept the state before it.
    let history = lib.history(id).unwrap();
    assert_eq!(
        history.len(),
        warm + saves,
        "every save records a revision here"
    );
    for revision in &history {
        let body = &bodies[revision.number as usize - 1];
        assert!(
            lib.revision_state(id, revision.number).unwrap().body == *body,
            "revision {} rebuilds to the text it kept",
            revision.number
        );
    }
    let growth = Growth {
        from_new: (after - new) as f64 / (warm + saves) as f64,
        steady: (after - warmed) as f64 / saves as f64,
    };
    println!(
        "library growth per revision, one word changed in 5,000: {:.0} bytes from a new article \
         ({} revisions), {:.0} bytes once the search index is at its working size (the last {saves}); \
         file {after} bytes, {free} of them free pages",
        growth.from_new,
        warm + saves,
        growth.steady
    );
    // The baseline: a revision kept as a full copy of the text.
    let copy = bodies.last().map_or(0, String::len);
    println!(
        "  baseline, a full copy of the text: {copy} bytes per revision ({:.1}x the growth from new)",
        copy as f64 / growth.from_new.max(1.0)
    );
    for (name, bytes) in by_table(&lib) {
        let was = tables_before
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(0, |t| t.1);
        if bytes != was {
            println!("  {name}: {was} -> {bytes} bytes over the last {saves}");
        }
    }
    growth
}

/// Issue 17: history that stays small. 600 revisions cross two keyframes
/// (every 256th). Before revisions were compressed against recent ones
/// (each against its keyframe, one every 64), this was 1,256 bytes from a
/// new article and 696 steady.
#[test]
fn a_one_word_edit_of_a_long_article_grows_the_library_by_under_a_kilobyte() {
    let growth = measure(100, 500);
    assert!(
        growth.from_new < 1024.0,
        "the library grew by {:.0} bytes per revision (limit: 1,024)",
        growth.from_new
    );
    assert!(
        growth.steady < 512.0,
        "each revision kept adding {:.0} bytes (limit: 512)",
        growth.steady
    );
}
