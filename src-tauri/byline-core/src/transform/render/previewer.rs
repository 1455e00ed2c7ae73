//! The incremental preview. A keystroke re-parses only the top-level
//! blocks the edit touches (see `splice`: a full render whenever the edit
//! could change more), only blocks whose HTML changed go through the
//! sanitiser (about three times comrak's cost), and only blocks the window
//! does not show yet travel over IPC.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::splice::{splice, Block, Lines, Page, Run};
use super::{
    blocks, comrak_blocks, preview_options, sanitize, shift_pos, window_sanitizer, Preview,
    PreviewBlock, PreviewSplice, RemoteImages, Typography,
};
use crate::transform::text_stats::{stats, TextStats};

pub struct Previewer {
    options: comrak::Options<'static>,
    asset_base: Option<String>,
    typography: Typography,
    remote: RemoteImages,
    /// Sanitised HTML by block key, with the generation that last used it.
    cache: HashMap<u64, (String, u32)>,
    generation: u32,
    /// The keys of the last response, which the window now shows.
    shown: HashSet<u64>,
    /// The last response's page, block by block (key, position): what a
    /// spliced response is made against.
    sent: Vec<(u64, String)>,
    /// The last render's text and blocks, which the next edit splices into.
    last: Option<Page>,
    /// How many bytes of Markdown the last render parsed.
    parsed: usize,
}

impl Previewer {
    /// `asset_base` is the URL library images (`assets/…`) are served under
    /// in the window, e.g. `byline-asset://localhost/`; `None` leaves their
    /// paths as they are.
    pub fn new(asset_base: Option<&str>) -> Self {
        Previewer {
            options: preview_options(asset_base, Typography::default()),
            asset_base: asset_base.map(str::to_owned),
            typography: Typography::default(),
            remote: RemoteImages::default(),
            cache: HashMap::new(),
            generation: 0,
            shown: HashSet::new(),
            sent: Vec::new(),
            last: None,
            parsed: 0,
        }
    }

    /// Sets the text as the site now asks (see [`Typography`]). Blocks it
    /// changes render to other HTML, so they miss the cache and reach the
    /// window with their new HTML; nothing cached goes stale.
    pub fn set_typography(&mut self, typography: Typography) {
        if typography != self.typography {
            self.typography = typography;
            self.options = preview_options(self.asset_base.as_deref(), typography);
            self.last = None;
        }
    }

    /// Whether images from other sites load (see [`super::remote`]). The
    /// same Markdown then sanitises to other HTML, so nothing cached or
    /// shown is reused across the change.
    pub fn set_remote_images(&mut self, remote: RemoteImages) {
        if remote != self.remote {
            self.remote = remote;
            self.cache.clear();
            self.shown.clear();
            self.sent.clear();
            self.last = None;
        }
    }

    /// Renders `markdown`. `since` is the generation of the preview the
    /// window shows now; blocks it already has come back without HTML.
    pub fn render(&mut self, markdown: &str, since: Option<u32>) -> Preview {
        let window_has = since == Some(self.generation) && self.generation != 0;
        self.generation = self.generation.wrapping_add(1).max(1);
        let generation = self.generation;
        let (blocks, stats) = self.blocks_of(markdown);

        let mut shown = HashSet::new();
        let mut out = Vec::with_capacity(blocks.len());
        let mut keys = Vec::with_capacity(blocks.len());
        for (block, body) in &blocks {
            let key = block.key;
            keys.push(key);
            let fresh = shown.insert(key);
            let html = if window_has && fresh && self.shown.contains(&key) {
                if let Some(entry) = self.cache.get_mut(&key) {
                    entry.1 = generation;
                }
                None
            } else {
                // `blocks_of` gives the body of every block not cached.
                let entry = self.cache.entry(key).or_insert_with(|| {
                    let body = body.as_deref().unwrap_or_default();
                    (sanitize(body, window_sanitizer(self.remote)), generation)
                });
                entry.1 = generation;
                Some(entry.0.clone())
            };
            out.push(PreviewBlock {
                key: format!("{key:016x}"),
                pos: block.pos.clone(),
                html,
            });
        }

        // Keep what this and the previous keystroke used: undoing a change
        // finds its blocks still sanitised. Older entries go.
        if self.cache.len() > 2 * out.len() + 64 {
            self.cache
                .retain(|_, (_, used)| generation.wrapping_sub(*used) <= 1);
        }
        self.shown = shown;
        self.last = Some(Page::new(
            markdown,
            blocks.into_iter().map(|(block, _)| block).collect(),
            stats,
        ));
        let page: Vec<(u64, String)> = keys
            .into_iter()
            .zip(out.iter().map(|b| b.pos.clone()))
            .collect();
        // Nothing sent since the cache was dropped: the window's page is not
        // one this previewer can splice against.
        let spliced = if window_has && !self.sent.is_empty() {
            self.splice(&page, &out)
        } else {
            None
        };
        self.sent = page;
        match spliced {
            Some((splice, blocks)) => Preview {
                generation,
                blocks,
                stats,
                splice: Some(splice),
            },
            None => Preview {
                generation,
                blocks: out,
                stats,
                splice: None,
            },
        }
    }

    /// The blocks of `out` (the new page, whose keys and positions are
    /// `page`) that replace part of the page sent last, which the window
    /// shows. The window patches only that part, so each block sent
    /// without HTML must have its node there: one the replaced part does
    /// not hold gets its HTML from the cache. `None` when the cache cannot
    /// give it (the whole page goes, as before).
    fn splice(
        &self,
        page: &[(u64, String)],
        out: &[PreviewBlock],
    ) -> Option<(PreviewSplice, Vec<PreviewBlock>)> {
        let old = &self.sent;
        let both = old.len().min(page.len());
        let head = old.iter().zip(page).take_while(|(a, b)| a == b).count();
        // The tail moved by the lines added or removed above it: read the
        // shift off the last block, then every kept block must agree.
        let shift = match (old.last(), page.last()) {
            (Some((ka, pa)), Some((kb, pb))) if ka == kb => {
                let line = |pos: &str| pos.split(':').next()?.parse::<i64>().ok();
                match (line(pa), line(pb)) {
                    (Some(a), Some(b)) => i32::try_from(b - a).ok()?,
                    _ if pa == pb => 0,
                    _ => return None,
                }
            }
            _ => 0,
        };
        let tail = old
            .iter()
            .rev()
            .zip(page.iter().rev())
            .take(both - head)
            .take_while(|((ka, pa), (kb, pb))| {
                ka == kb && shift_pos(pa, shift).as_deref() == Some(pb.as_str())
            })
            .count();
        let mut replaced: HashMap<u64, usize> = HashMap::new();
        for (key, _) in &old[head..old.len() - tail] {
            *replaced.entry(*key).or_default() += 1;
        }
        let mut blocks = Vec::with_capacity(page.len() - head - tail);
        for ((key, _), block) in page[head..page.len() - tail]
            .iter()
            .zip(&out[head..page.len() - tail])
        {
            let mut block = block.clone();
            if block.html.is_none() {
                match replaced.get_mut(key) {
                    Some(n) if *n > 0 => *n -= 1,
                    _ => block.html = Some(self.cache.get(key)?.0.clone()),
                }
            }
            blocks.push(block);
        }
        let splice = PreviewSplice {
            head: u32::try_from(head).ok()?,
            tail: u32::try_from(tail).ok()?,
            shift,
            length: u32::try_from(old.len()).ok()?,
        };
        Some((splice, blocks))
    }

    /// How many bytes of Markdown the last [`Self::render`] parsed: the
    /// whole text after a full render, a few blocks after a spliced one.
    pub fn parsed_bytes(&self) -> usize {
        self.parsed
    }

    /// The page's blocks, each with its HTML body unless the cache holds
    /// its sanitised HTML, and the counts: spliced into the last render
    /// when the edit allows, else rendered whole.
    fn blocks_of(&mut self, markdown: &str) -> (Vec<(Block, Option<String>)>, TextStats) {
        if let Some(last) = &self.last {
            if last.text == markdown {
                self.parsed = 0;
                let blocks = last.blocks.iter().map(|b| (b.clone(), None)).collect();
                return (blocks, last.stats);
            }
            let mut parsed = 0;
            let spliced = splice(last, markdown, |run: Run<'_>| {
                parsed = run.text.len();
                let (raw, starts) = comrak_blocks(run.text, &self.options);
                cut(&raw, &starts, run.line_offset, self.remote)
            });
            if let Some(spliced) = spliced {
                let cached = |(block, body): &(Block, Option<String>)| {
                    body.is_some() || self.cache.contains_key(&block.key)
                };
                if spliced.blocks.iter().all(cached) {
                    self.parsed = parsed;
                    return (spliced.blocks, spliced.stats);
                }
            }
        }
        self.parsed = markdown.len();
        let (raw, starts) = comrak_blocks(markdown, &self.options);
        // Positions that stay where comrak put them need no reading.
        let blocks = cut(&raw, &starts, 0, self.remote)
            .unwrap_or_default()
            .into_iter()
            .map(|(block, body)| (block, Some(body)))
            .collect();
        (blocks, stats(markdown))
    }
}

/// comrak's HTML of a run of lines cut into blocks, positions moved down by
/// `line_offset` lines, each with its HTML body (positions left out). `None`
/// when a position cannot be read, so cannot be moved.
fn cut(
    raw: &str,
    starts: &HashSet<(usize, usize)>,
    line_offset: u32,
    remote: RemoteImages,
) -> Option<Vec<(Block, String)>> {
    blocks::chunks(raw)
        .into_iter()
        .map(|chunk| {
            let leading = blocks::leading_sourcepos(chunk);
            // A block starts where its position says only when it opens
            // with the element that carries it, and that element is a
            // top-level block's: raw HTML may put stray text before it in
            // the same block, swallow its tag into one of its own, or close
            // an element early so a nested one stands alone.
            let opens_with_it = chunk.starts_with('<')
                && chunk[1..]
                    .find(['<', '>'])
                    .is_some_and(|at| chunk.as_bytes()[1 + at] == b'>');
            let lines = Lines::parse(leading).filter(|l| {
                opens_with_it && starts.contains(&(l.start_line as usize, l.start_col as usize))
            });
            let (pos, lines) = match lines {
                _ if line_offset == 0 => (leading.to_owned(), lines),
                Some(lines) => {
                    let moved = Lines {
                        start_line: lines.start_line + line_offset,
                        end_line: lines.end_line + line_offset,
                        ..lines
                    };
                    (moved.format(), Some(moved))
                }
                None if leading.is_empty() => (String::new(), None),
                None => return None,
            };
            let body = blocks::without_sourcepos(chunk);
            // The same Markdown sanitises to other HTML when images from
            // other sites load, so the window must not keep the block it
            // shows under the same key.
            let key = hash(&(remote, &body));
            // The list carries the first definition's position, or none
            // when raw HTML moved it; either way it is the footnotes'.
            let footnotes = body.starts_with("<section class=\"footnotes\"");
            let block = Block {
                key,
                pos,
                lines,
                ids: ids_in(&body),
                footnotes,
            };
            Some((block, body))
        })
        .collect()
}

/// The values of the `id` attributes in `html`.
fn ids_in(html: &str) -> Vec<String> {
    const ATTR: &str = " id=\"";
    let mut ids = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(ATTR) {
        let after = &rest[at + ATTR.len()..];
        let end = after.find('"').unwrap_or(after.len());
        ids.push(after[..end].to_owned());
        rest = &after[end..];
    }
    ids
}

fn hash(value: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
