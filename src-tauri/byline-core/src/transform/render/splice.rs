//! Re-rendering only what an edit touches. A keystroke changes a few lines;
//! the page's top-level blocks before and after them are what they were,
//! moved down or up by the lines the edit added or removed. This module
//! finds the smallest run of lines that must be parsed again, parses it
//! alone, and splices its blocks between the old ones. Whenever the edit
//! could reach further than that run, it says so and the caller renders
//! the whole page: the result always equals a full render exactly (a
//! property test compares the two after every edit of random sequences).
//!
//! Why a run of lines can be parsed alone. CommonMark reads blocks line by
//! line: whether a line starts a new top-level block depends only on the
//! lines before it (and, for a GFM table's header row, on the next line,
//! its delimiter row). So if, in the last render, a top-level block started
//! at a line more than one before the edit, it starts there again, and
//! everything before it is unchanged; parsing from that line on is then the same as parsing from
//! the top (nothing before it is still open). At the other end, once the
//! re-parsed run shows a top-level block starting at the line where an old
//! block after the edit started, every line from there on is the old text,
//! so the old blocks follow unchanged. The run grows over a few old blocks
//! to find such a line (an opened code fence or list may swallow some); if
//! none is found, the whole page is rendered.
//!
//! What a top-level block's HTML depends on beyond its own lines, each
//! handled here:
//! - link reference definitions (`[x]: url`) apply anywhere: an edit whose
//!   lines hold one re-renders the page, and while the page has any, a run
//!   with a `[` does too (it might use one);
//! - footnotes are numbered across the page and listed at its end: a run or
//!   an edit with `[^` re-renders the page, and so does one whose run
//!   reaches the page's end (raw HTML left open there takes the list in);
//!   the list at the end (a block with no line of its own) is kept as it
//!   was otherwise;
//! - heading ids are made unique across the page ("intro", "intro-1"): the
//!   run's ids must clash with none before it, and ids it adds or drops must
//!   share no root with an id after it, so every heading after it keeps its
//!   id;
//! - raw HTML left open joins several blocks into one: the splice points are
//!   always where a block of the last render, and one of the run, begins;
//! - a carriage return makes a line end that `\n` alone does not show, a
//!   byte order mark is dropped only at the very start, and `data-sourcepos`
//!   written in raw HTML would read as a block's position: each re-renders
//!   the page.

use memchr::{memchr_iter, memmem, memrchr_iter};

use crate::transform::text_stats::{stats, TextStats};

/// Where a block's HTML says it came from: comrak's `data-sourcepos` of its
/// outermost element, lines counted from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Lines {
    pub start_line: u32,
    pub start_col: u32,
    pub end_line: u32,
    pub end_col: u32,
}

impl Lines {
    pub fn parse(pos: &str) -> Option<Lines> {
        let (start, end) = pos.split_once('-')?;
        let (start_line, start_col) = start.split_once(':')?;
        let (end_line, end_col) = end.split_once(':')?;
        Some(Lines {
            start_line: start_line.parse().ok()?,
            start_col: start_col.parse().ok()?,
            end_line: end_line.parse().ok()?,
            end_col: end_col.parse().ok()?,
        })
    }

    fn shifted(self, by: i64) -> Option<Lines> {
        let shift = |line: u32| u32::try_from(i64::from(line) + by).ok().filter(|l| *l > 0);
        Some(Lines {
            start_line: shift(self.start_line)?,
            end_line: shift(self.end_line)?,
            ..self
        })
    }

    pub fn format(self) -> String {
        format!(
            "{}:{}-{}:{}",
            self.start_line, self.start_col, self.end_line, self.end_col
        )
    }
}

/// One top-level block of a render, as the next keystroke may reuse it.
#[derive(Debug, Clone)]
pub(super) struct Block {
    /// The block's key (a hash of its HTML without positions).
    pub key: u64,
    /// Its `data-sourcepos` as the window gets it ("" for none).
    pub pos: String,
    /// The same, read; `None` for a block without one (raw HTML, the
    /// footnotes list).
    pub lines: Option<Lines>,
    /// The `id`s its HTML carries (heading anchors among them).
    pub ids: Vec<String>,
    /// The footnotes list: placed at the page's end whatever lines its
    /// notes are on.
    pub footnotes: bool,
}

impl Block {
    /// Line (from 0) the block starts at, if it says.
    fn start(&self) -> Option<usize> {
        self.lines
            .and_then(|l| (l.start_line as usize).checked_sub(1))
    }

    fn shifted(&self, by: i64) -> Option<Block> {
        if by == 0 {
            return Some(self.clone());
        }
        let lines = match self.lines {
            Some(lines) => Some(lines.shifted(by)?),
            None if self.pos.is_empty() => None,
            // A position we could not read cannot be moved.
            None => return None,
        };
        Some(Block {
            pos: lines.map(Lines::format).unwrap_or_default(),
            lines,
            ..self.clone()
        })
    }
}

/// The last render, kept for the next keystroke.
pub(super) struct Page {
    pub text: String,
    pub blocks: Vec<Block>,
    pub stats: TextStats,
    /// Whether the text has `]:` anywhere (a link reference definition may).
    pub has_definitions: bool,
    /// Whether the text has `data-sourcepos` anywhere: raw HTML may then
    /// carry positions comrak did not write, which cannot be trusted.
    pub has_positions: bool,
    /// Whether the text has a carriage return.
    pub has_return: bool,
    /// Whether the text may have footnotes (`[^`) whose list is not the
    /// last block on its own: raw HTML left open took it in, or there is
    /// none, so where it lands cannot be kept from the last render.
    pub footnotes_astray: bool,
}

impl Page {
    pub fn new(text: &str, blocks: Vec<Block>, stats: TextStats) -> Page {
        Page {
            text: text.to_owned(),
            has_definitions: has_definitions(text.as_bytes()),
            has_positions: memmem::find(text.as_bytes(), POSITIONS).is_some(),
            has_return: memchr::memchr(b'\r', text.as_bytes()).is_some(),
            footnotes_astray: memmem::find(text.as_bytes(), b"[^").is_some()
                && !blocks.last().is_some_and(|b| b.footnotes),
            blocks,
            stats,
        }
    }
}

/// A run of the new text to parse alone, and what to do with its blocks.
pub(super) struct Run<'a> {
    pub text: &'a str,
    /// Lines before the run: its block positions move down by this many.
    pub line_offset: u32,
}

/// What [`splice`] gives back: the new page's blocks, each either reused
/// from the last render or one of the run's (with its HTML body).
pub(super) struct Spliced {
    pub blocks: Vec<(Block, Option<String>)>,
    pub stats: TextStats,
}

const POSITIONS: &[u8] = b"data-sourcepos";

/// How many old blocks after the edit the run reaches over, looking for a
/// line where the old blocks resume.
const LOOK_AHEAD: usize = 4;

/// The new page's blocks after `new` replaced `last.text`, parsing only a
/// run of lines with `parse` (which renders Markdown to blocks, positions
/// moved down by the given lines, each with its HTML body; `None` if it
/// cannot). `None` when the
/// edit could change more than the run: render the whole page.
pub(super) fn splice(
    last: &Page,
    new: &str,
    parse: impl FnOnce(Run<'_>) -> Option<Vec<(Block, String)>>,
) -> Option<Spliced> {
    let old = last.text.as_str();
    if last.has_positions || last.has_return {
        return None;
    }
    let (o, n) = (old.as_bytes(), new.as_bytes());
    let prefix = common_prefix(o, n);
    let room = o.len().min(n.len()) - prefix;
    let suffix = common_suffix(&o[o.len() - room..], &n[n.len() - room..]);

    // The changed lines, whole: from the start of the line the edit begins
    // on to the end of the line it ends on, in each text.
    let changed_from = memrchr_iter(b'\n', &o[..prefix])
        .next()
        .map_or(0, |at| at + 1);
    let old_to = line_end(o, o.len() - suffix);
    let new_to = line_end(n, n.len() - suffix);
    let first_changed = memchr_iter(b'\n', &o[..changed_from]).count();
    let old_last_changed = first_changed + memchr_iter(b'\n', &o[changed_from..old_to]).count();
    let new_last_changed = first_changed + memchr_iter(b'\n', &n[changed_from..new_to]).count();
    let delta = new_last_changed as i64 - old_last_changed as i64;
    let added = &n[changed_from..new_to];
    if has_global_syntax(&o[changed_from..old_to])
        || has_global_syntax(added)
        || memchr::memchr(b'\r', added).is_some()
    {
        return None;
    }

    // Counts are sums over lines: take the old lines' out, the new ones' in.
    let stats = restated(
        last.stats,
        stats(&old[changed_from..old_to]),
        stats(&new[changed_from..new_to]),
    );

    // Where the run starts: the last old block that starts before the edit's
    // first line (that line itself may now join the block above), and not
    // on the line just before it: a table starts at its header row only
    // once the next line turns out to be its delimiter row.
    let first = last
        .blocks
        .iter()
        .rposition(|b| b.start().is_some_and(|s| s + 1 < first_changed));
    let (keep, run_line) = match first {
        Some(i) => (i, last.blocks[i].start()?),
        None => (0, 0),
    };
    let run_from = line_start_before(n, changed_from, first_changed - run_line);

    // Where old blocks may resume: those that start after the edit's lines.
    let resume: Vec<usize> = (keep..last.blocks.len())
        .filter(|&i| last.blocks[i].start().is_some_and(|s| s > old_last_changed))
        .take(LOOK_AHEAD)
        .collect();
    // A run that reaches the end of a page with footnotes: their list
    // follows its last block, and raw HTML left open there takes the list
    // in; and where it was taken in already, an edit anywhere may move it.
    if last.footnotes_astray || (resume.is_empty() && last.blocks.iter().any(|b| b.footnotes)) {
        return None;
    }
    let run_to = match resume.last() {
        // Through the first line of the last candidate.
        Some(&i) => {
            let line = (last.blocks[i].start()? as i64 + delta) as usize;
            line_end_after(n, new_to, line - new_last_changed)
        }
        None => n.len(),
    };
    let run = &new[run_from..run_to];
    if run.starts_with('\u{feff}')
        || has_global_syntax(run.as_bytes())
        || memmem::find(run.as_bytes(), POSITIONS).is_some()
        || (last.has_definitions && run.contains('['))
    {
        return None;
    }

    let parsed = parse(Run {
        text: run,
        line_offset: u32::try_from(run_line).ok()?,
    })?;

    // The first of the run's blocks that starts where a candidate did (moved
    // by the edit's lines): from it on, the old blocks follow.
    let (used, resumed) = if resume.is_empty() {
        (parsed.len(), last.blocks.len())
    } else {
        parsed.iter().enumerate().find_map(|(at, (block, _))| {
            let start = block.start()? as i64;
            resume
                .iter()
                .find(|&&i| last.blocks[i].start().map(|s| s as i64 + delta) == Some(start))
                .map(|&i| (at, i))
        })?
    };
    let replaced = &last.blocks[keep..resumed];
    // The footnotes list belongs to no line: it may only be kept.
    if replaced.iter().any(|b| b.footnotes) {
        return None;
    }
    if !ids_stay(
        &last.blocks[..keep],
        replaced,
        parsed[..used].iter().map(|(b, _)| b),
        &last.blocks[resumed..],
    ) {
        return None;
    }

    let mut blocks = Vec::with_capacity(keep + used + last.blocks.len() - resumed);
    blocks.extend(last.blocks[..keep].iter().map(|b| (b.clone(), None)));
    blocks.extend(
        parsed
            .into_iter()
            .take(used)
            .map(|(b, body)| (b, Some(body))),
    );
    for block in &last.blocks[resumed..] {
        blocks.push((block.shifted(delta)?, None));
    }
    Some(Spliced { blocks, stats })
}

/// How many bytes `a` and `b` share at their start. Whole slices first
/// (compared as memory), then byte by byte: this runs on every keystroke.
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    const STEP: usize = 256;
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + STEP <= n && a[i..i + STEP] == b[i..i + STEP] {
        i += STEP;
    }
    while i < n && a[i] == b[i] {
        i += 1;
    }
    i
}

/// How many bytes `a` and `b` share at their end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    const STEP: usize = 256;
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut i = 0;
    while i + STEP <= n && a[n - i - STEP..n - i] == b[n - i - STEP..n - i] {
        i += STEP;
    }
    while i < n && a[n - i - 1] == b[n - i - 1] {
        i += 1;
    }
    i
}

/// Whether `text` may hold a link reference definition: a `]:` whose
/// label does not start on its line with `[^` (a footnote's).
fn has_definitions(text: &[u8]) -> bool {
    memmem::find_iter(text, b"]:").any(|at| {
        let line = memrchr_iter(b'\n', &text[..at])
            .next()
            .map_or(0, |nl| nl + 1);
        match memrchr_iter(b'[', &text[line..at]).next() {
            Some(open) => text.get(line + open + 1) != Some(&b'^'),
            None => true,
        }
    })
}

/// Syntax whose effect reaches past its own block: link reference
/// definitions and footnotes.
fn has_global_syntax(text: &[u8]) -> bool {
    memmem::find(text, b"]:").is_some() || memmem::find(text, b"[^").is_some()
}

/// Whether the run's ids are those a full render gives it, and every id
/// after it stays. comrak gives each heading the first of `base`, `base-1`,
/// `base-2`… not used above it. The run, parsed alone, saw none of the ids
/// above it: its own are right if none of them is used above. A heading
/// after the run looks only at ids with its own root (`base` without
/// `-N` endings): it keeps its id unless the run's ids changed in its root.
/// Every `id` counts, not only headings', which only errs towards a full
/// render.
fn ids_stay<'a>(
    before: &[Block],
    replaced: &[Block],
    run: impl Iterator<Item = &'a Block>,
    after: &[Block],
) -> bool {
    let new: Vec<&str> = run.flat_map(|b| b.ids.iter().map(String::as_str)).collect();
    if new.is_empty() && replaced.iter().all(|b| b.ids.is_empty()) {
        return true;
    }
    if before
        .iter()
        .any(|b| b.ids.iter().any(|id| new.contains(&id.as_str())))
    {
        return false;
    }
    let old: Vec<&str> = replaced
        .iter()
        .flat_map(|b| b.ids.iter().map(String::as_str))
        .collect();
    let changed_roots: Vec<&str> = old
        .iter()
        .filter(|id| !new.contains(id))
        .chain(new.iter().filter(|id| !old.contains(id)))
        .map(|id| root(id))
        .collect();
    changed_roots.is_empty()
        || !after
            .iter()
            .flat_map(|b| b.ids.iter())
            .any(|id| changed_roots.contains(&root(id)))
}

/// An id without its `-N` endings: every id comrak tries for a heading
/// has the same root.
fn root(mut id: &str) -> &str {
    while let Some((head, n)) = id.rsplit_once('-') {
        if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
            break;
        }
        id = head;
    }
    id
}

/// The end of the line holding byte `at` (the index of its `\n`, or the
/// text's end).
fn line_end(text: &[u8], at: usize) -> usize {
    memchr::memchr(b'\n', &text[at..]).map_or(text.len(), |i| at + i)
}

/// The start of the line `back` lines before the line starting at `from`.
fn line_start_before(text: &[u8], from: usize, back: usize) -> usize {
    if back == 0 {
        return from;
    }
    // `from` is a line start, so the byte before it is the `\n` ending the
    // previous line; the `back`-th newline before that ends the line
    // before the one we want.
    memrchr_iter(b'\n', &text[..from.saturating_sub(1)])
        .nth(back - 1)
        .map_or(0, |at| at + 1)
}

/// The end (with its `\n`) of the line `ahead` lines after the line ending
/// at `end`.
fn line_end_after(text: &[u8], end: usize, ahead: usize) -> usize {
    let mut at = end;
    for _ in 0..ahead {
        if at >= text.len() {
            return text.len();
        }
        at = line_end(text, at + 1);
    }
    (at + 1).min(text.len())
}

fn restated(total: TextStats, out: TextStats, inn: TextStats) -> TextStats {
    let words = (u64::from(total.words) + u64::from(inn.words)).saturating_sub(out.words.into());
    let characters = (u64::from(total.characters) + u64::from(inn.characters))
        .saturating_sub(out.characters.into());
    TextStats::from_counts(
        u32::try_from(words).unwrap_or(u32::MAX),
        u32::try_from(characters).unwrap_or(u32::MAX),
    )
}
