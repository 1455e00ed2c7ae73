//! Where a library's images live as Markdown sees them.

/// The folder Markdown image paths point into: `![](assets/ab12….png)`.
pub const ASSET_DIR: &str = "assets";
