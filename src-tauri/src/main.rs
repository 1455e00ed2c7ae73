//! The `byline` binary: the desktop app when run without a subcommand, the
//! command line otherwise. Both are thin layers over `byline-core`.

// No console window behind the app on Windows release builds.
#![cfg_attr(
    all(not(debug_assertions), target_os = "windows"),
    windows_subsystem = "windows"
)]

mod app;
mod backups;
mod cli;
mod commands;
mod dialogs;
mod image_fetch;
mod ipc;
mod link_fetch;
mod mirror;
mod navigation;
mod publishing;
mod remote_images;
mod secrets;
mod spellcheck;
mod state;
mod webkit;

fn main() -> std::process::ExitCode {
    cli::main()
}
