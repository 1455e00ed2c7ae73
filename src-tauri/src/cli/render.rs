//! `render`: the HTML the preview shows for a Markdown file.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Result;
use byline_core::transform::render;
use clap::Args;

use super::context::read_markdown;

#[derive(Debug, Args)]
pub struct RenderArgs {
    /// The Markdown file; `-` reads standard input.
    file: PathBuf,
}

pub fn render(args: RenderArgs) -> Result<()> {
    let markdown = read_markdown(&args.file)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", render::render(&markdown))?;
    Ok(())
}
