//! The incremental preview. Each keystroke still parses the whole article
//! with comrak (cheap), but only blocks whose HTML changed go through the
//! sanitiser (about three times comrak's cost), and only blocks the window
//! does not show yet travel over IPC.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

use super::{
    blocks, comrak_html, preview_options, sanitize, window_sanitizer, Preview, PreviewBlock,
    RemoteImages, Typography,
};
use crate::transform::text_stats::stats;

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
        }
    }

    /// Sets the text as the site now asks (see [`Typography`]). Blocks it
    /// changes render to other HTML, so they miss the cache and reach the
    /// window with their new HTML; nothing cached goes stale.
    pub fn set_typography(&mut self, typography: Typography) {
        if typography != self.typography {
            self.typography = typography;
            self.options = preview_options(self.asset_base.as_deref(), typography);
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
        }
    }

    /// Renders `markdown`. `since` is the generation of the preview the
    /// window shows now; blocks it already has come back without HTML.
    pub fn render(&mut self, markdown: &str, since: Option<u32>) -> Preview {
        let raw = comrak_html(markdown, &self.options);
        let window_has = since == Some(self.generation) && self.generation != 0;
        self.generation = self.generation.wrapping_add(1).max(1);
        let generation = self.generation;

        let mut shown = HashSet::new();
        let blocks: Vec<PreviewBlock> = blocks::chunks(&raw)
            .into_iter()
            .map(|chunk| {
                let pos = blocks::leading_sourcepos(chunk).to_owned();
                let body = blocks::without_sourcepos(chunk);
                // The same Markdown sanitises to other HTML when images
                // from other sites load, so the window must not keep the
                // block it shows under the same key.
                let key = hash(&(self.remote, &body));
                let fresh = shown.insert(key);
                let html = if window_has && fresh && self.shown.contains(&key) {
                    if let Some(entry) = self.cache.get_mut(&key) {
                        entry.1 = generation;
                    }
                    None
                } else {
                    let entry = self.cache.entry(key).or_insert_with(|| {
                        (sanitize(&body, window_sanitizer(self.remote)), generation)
                    });
                    entry.1 = generation;
                    Some(entry.0.clone())
                };
                PreviewBlock {
                    key: format!("{key:016x}"),
                    pos,
                    html,
                }
            })
            .collect();

        // Keep what this and the previous keystroke used: undoing a change
        // finds its blocks still sanitised. Older entries go.
        if self.cache.len() > 2 * blocks.len() + 64 {
            self.cache
                .retain(|_, (_, used)| generation.wrapping_sub(*used) <= 1);
        }
        self.shown = shown;
        Preview {
            generation,
            blocks,
            stats: stats(markdown),
        }
    }
}

fn hash(value: &impl Hash) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}
