//! The manual and shell completions, generated from the same clap
//! definitions as the commands themselves, so they can never drift:
//! `byline completions SHELL` prints a completion script, and
//! `byline man` prints `byline(1)` with a section per command (packages
//! install both in their standard places).

use std::io::Write;

use anyhow::Result;
use clap::{Args, CommandFactory};
use clap_complete::Shell;

use super::Cli;

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// bash, zsh, fish, elvish or powershell.
    shell: Shell,
}

pub fn completions(args: CompletionsArgs) -> Result<()> {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "byline", &mut std::io::stdout());
    Ok(())
}

pub fn man() -> Result<()> {
    let page = man_page()?;
    std::io::stdout().lock().write_all(&page)?;
    Ok(())
}

/// `byline(1)`: the program's own sections, then one per command (its
/// synopsis, description and options), so `man byline` is the whole
/// reference in one page.
fn man_page() -> Result<Vec<u8>> {
    let command = Cli::command();
    let top = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    top.render_title(&mut out)?;
    top.render_name_section(&mut out)?;
    top.render_synopsis_section(&mut out)?;
    top.render_description_section(&mut out)?;
    top.render_options_section(&mut out)?;
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        if sub.get_name() == "help" {
            continue;
        }
        writeln!(out, ".SH \"BYLINE {}\"", sub.get_name().to_uppercase())?;
        let name = format!("byline {}", sub.get_name());
        let page = clap_mangen::Man::new(sub.clone().name(name.clone()).bin_name(name));
        let mut section = Vec::new();
        page.render_synopsis_section(&mut section)?;
        page.render_description_section(&mut section)?;
        page.render_options_section(&mut section)?;
        if sub.has_subcommands() {
            page.render_subcommands_section(&mut section)?;
        }
        // A command's own headings become subsections of its section.
        let section = String::from_utf8(section)?.replace(".SH ", ".SS ");
        out.extend_from_slice(section.as_bytes());
    }
    top.render_extra_section(&mut out)?;
    top.render_version_section(&mut out)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_man_page_has_a_section_per_command() {
        let page = String::from_utf8(man_page().unwrap()).unwrap();
        assert!(
            page.starts_with(".ie") || page.contains(".TH byline 1"),
            "{}",
            &page[..200]
        );
        for sub in Cli::command().get_subcommands() {
            if sub.get_name() == "help" {
                continue;
            }
            let heading = format!(".SH \"BYLINE {}\"", sub.get_name().to_uppercase());
            assert!(page.contains(&heading), "no section for {}", sub.get_name());
        }
        assert!(page.contains("byline set"), "commands are named as typed");
    }

    #[test]
    fn completions_know_every_command() {
        let mut out = Vec::new();
        clap_complete::generate(Shell::Bash, &mut Cli::command(), "byline", &mut out);
        let script = String::from_utf8(out).unwrap();
        for sub in Cli::command().get_subcommands() {
            assert!(script.contains(sub.get_name()), "{}", sub.get_name());
        }
    }
}
