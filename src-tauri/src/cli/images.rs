//! `image`: a picture into the library's asset store.

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use byline_core::library::MAX_IMAGE_BYTES;
use clap::Args;

use super::context::Context;

#[derive(Debug, Args)]
pub struct ImageArgs {
    /// A PNG, JPEG, GIF, WebP or AVIF file.
    file: PathBuf,
    /// Print JSON (path, type, size, whether it was new) instead.
    #[arg(long)]
    json: bool,
}

pub fn image(context: &Context, args: ImageArgs) -> Result<()> {
    let file = &args.file;
    let size = std::fs::metadata(file)
        .with_context(|| format!("cannot read {}", file.display()))?
        .len();
    // Refused before reading, so a huge file is never loaded.
    if size > MAX_IMAGE_BYTES as u64 {
        anyhow::bail!(
            "{} is {:.1} MB; images are limited to {} MB",
            file.display(),
            size as f64 / 1_048_576.0,
            MAX_IMAGE_BYTES / 1_048_576
        );
    }
    let bytes = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let name = file.file_name().map_or_else(
        || file.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    );
    let stored = context.library()?.store_image(&name, &bytes)?;
    if args.json {
        println!("{}", serde_json::to_string_pretty(&stored)?);
    } else {
        println!("{}", stored.markdown);
    }
    Ok(())
}
