//! `mirror`: keeps a folder and the library in step until interrupted,
//! printing what it does.

use std::path::PathBuf;

use anyhow::Result;
use byline_core::usecases::mirror_rules::{MirrorChange, MirrorChangeKind};
use byline_core::usecases::mirror_watcher::{MirrorHooks, MirrorWatcher};
use clap::Args;

use super::context::Context;

#[derive(Debug, Args)]
pub struct MirrorArgs {
    /// The folder (created if missing).
    dir: PathBuf,
}

pub fn mirror(context: &Context, args: MirrorArgs) -> Result<()> {
    let watcher = MirrorWatcher::start(context.path(), &args.dir, PrintHooks)?;
    println!(
        "Mirroring into {}; press Ctrl+C to stop.",
        watcher.folder().display()
    );
    watcher.wait();
    Ok(())
}

/// Prints what the mirror does, one line each, as it happens.
struct PrintHooks;

impl MirrorHooks for PrintHooks {
    fn changed(&self, change: &MirrorChange) {
        use MirrorChangeKind as K;
        let what = match change.kind {
            K::Written => "wrote",
            K::MovedToTrash => "moved to the trash folder",
            K::ExternalEdit => "read an edit from",
            K::Created => "new article from",
            K::Trashed => "deleted, article trashed:",
            K::Conflict => "CONFLICT (both changed; see `byline history`):",
        };
        println!("{what} {}", change.file);
    }

    fn failed(&self, error: &byline_core::Error) {
        eprintln!("byline: {error}");
    }

    fn paused(&self, error: &byline_core::Error) {
        eprintln!("byline: {error}");
    }

    fn resumed(&self) {
        println!("The folder is back; mirroring resumed.");
    }
}
