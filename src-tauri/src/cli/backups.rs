//! `backup`, `backups` (list, restore, folder) and `doctor`: the library's
//! safety net from the command line. The policies live in the core
//! (`usecases::backups`, `usecases::doctor`).

use std::path::PathBuf;

use anyhow::{Context as _, Result};
use byline_core::usecases::backups::{self, BackupInfo, BackupReason};
use byline_core::usecases::doctor::{self, DoctorReport};
use chrono::Utc;
use clap::{Args, Subcommand};

use super::context::Context;
use super::display::{human_size, local_time};

#[derive(Debug, Args)]
pub struct BackupArgs {}

#[derive(Debug, Args)]
pub struct BackupsArgs {
    /// Print the list as JSON (path, made_at, bytes, reason).
    #[arg(long)]
    json: bool,
    #[command(subcommand)]
    action: Option<BackupsAction>,
}

#[derive(Debug, Subcommand)]
enum BackupsAction {
    /// Put the library back as a backup holds it. The library as it is now
    /// is kept as a backup first.
    Restore {
        /// The backup file, as `byline backups` lists it.
        backup: PathBuf,
    },
    /// Print where backups go, or choose the folder (a full path);
    /// `--beside` puts them back in the folder beside the library.
    Folder {
        dir: Option<PathBuf>,
        #[arg(long, conflicts_with = "dir")]
        beside: bool,
    },
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// Print the report as JSON (each check's name and problems); the exit
    /// code is the same.
    #[arg(long)]
    json: bool,
    /// Back the library up, then rebuild what can be rebuilt (the search
    /// index).
    #[arg(long, conflicts_with = "json")]
    repair: bool,
}

fn describe(backup: &BackupInfo) -> String {
    format!(
        "{}  {:>8}  {:<16}  {}",
        local_time(&backup.made_at),
        human_size(backup.bytes),
        backup.reason.label(),
        backup.path
    )
}

pub fn backup(context: &Context, _args: BackupArgs) -> Result<()> {
    let library = context.library()?;
    let made = backups::make(&library, BackupReason::Manual, Utc::now())?;
    println!(
        "Backed up to {} ({}, checked).",
        made.path,
        human_size(made.bytes)
    );
    Ok(())
}

pub fn backups(context: &Context, args: BackupsArgs) -> Result<()> {
    let mut library = context.library()?;
    match args.action {
        None => {
            let folder = backups::folder(&library)?;
            let all = backups::list(&library)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&all)?);
                return Ok(());
            }
            if all.is_empty() {
                println!("No backups yet in {}.", folder.display());
            }
            for backup in &all {
                println!("{}", describe(backup));
            }
        }
        Some(BackupsAction::Restore { backup }) => {
            let restored = backups::restore(&mut library, &backup, Utc::now())
                .with_context(|| format!("cannot restore {}", backup.display()))?;
            println!(
                "Restored {}. The library as it was is kept in {}.",
                backup.display(),
                restored.kept.path
            );
            if let Some(folder) = restored.mirror_off {
                println!(
                    "The folder mirror to {} is off, so its newer files do not come back over the restored articles.",
                    folder.display()
                );
            }
        }
        Some(BackupsAction::Folder { dir, beside }) => {
            if beside {
                library.set_backup_folder(None)?;
            } else if let Some(dir) = dir {
                let dir = std::path::absolute(&dir)
                    .with_context(|| format!("cannot use {}", dir.display()))?;
                library.set_backup_folder(Some(&dir))?;
            }
            println!("{}", backups::folder(&library)?.display());
        }
    }
    Ok(())
}

fn print_report(report: &DoctorReport) {
    for check in &report.checks {
        if check.problems.is_empty() {
            println!("{}: ok", check.name);
        } else {
            println!("{}: {} problem(s)", check.name, check.problems.len());
            for problem in &check.problems {
                println!("  - {problem}");
            }
        }
    }
}

pub fn doctor(context: &Context, args: DoctorArgs) -> Result<()> {
    let mut library = context.library()?;
    let report = doctor::check(&library)?;
    if args.json && !args.repair {
        println!("{}", serde_json::to_string_pretty(&report)?);
        anyhow::ensure!(report.ok(), "the library has problems");
        return Ok(());
    }
    print_report(&report);
    if report.ok() {
        println!("The library is sound.");
        return Ok(());
    }
    if !args.repair {
        if report.repairable() {
            anyhow::bail!("the library has problems; `byline doctor --repair` can rebuild the search index (after a backup)");
        }
        anyhow::bail!("the library has problems that cannot be repaired here; restore a backup (`byline backups`)");
    }
    let repair = doctor::repair(&mut library, Utc::now())?;
    println!("Backed up to {} first.", repair.backup.path);
    for rebuilt in &repair.rebuilt {
        println!("Rebuilt {rebuilt}.");
    }
    print_report(&repair.after);
    if repair.after.ok() {
        println!("The library is sound.");
        Ok(())
    } else {
        anyhow::bail!(
            "problems remain that a repair cannot fix; restore a backup (`byline backups`)"
        )
    }
}
