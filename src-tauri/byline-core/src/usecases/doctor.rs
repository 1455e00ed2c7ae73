//! `byline doctor` and Settings → Check library: every check the library
//! layer offers, gathered into one report in plain words, and the repair of
//! what can be rebuilt (the search index), always after a backup.

use chrono::{DateTime, Utc};
use serde::Serialize;
use ts_rs::TS;

use super::backups::{self, BackupInfo, BackupReason};
use crate::domain::error::Result;
use crate::library::Library;

/// One check and what it found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CheckResult {
    /// What was checked, as a writer would name it.
    pub name: String,
    /// Empty when all is well.
    pub problems: Vec<String>,
    /// Whether `--repair` (or Repair in Settings) can fix the problems.
    pub repairable: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DoctorReport {
    pub checks: Vec<CheckResult>,
}

impl DoctorReport {
    pub fn ok(&self) -> bool {
        self.checks.iter().all(|c| c.problems.is_empty())
    }

    pub fn repairable(&self) -> bool {
        self.checks
            .iter()
            .any(|c| c.repairable && !c.problems.is_empty())
    }
}

/// What a repair did: the backup made first, what was rebuilt, and the
/// checks run again afterwards.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Repair {
    pub backup: BackupInfo,
    pub rebuilt: Vec<String>,
    pub after: DoctorReport,
}

const SEARCH_INDEX: &str = "Search index";

/// Runs every check. Reads only (FTS5's check is spelled as an insert but
/// changes nothing).
pub fn check(library: &Library) -> Result<DoctorReport> {
    let check = |name: &str, problems: Vec<String>, repairable| CheckResult {
        name: name.into(),
        problems,
        repairable,
    };
    let integrity = library.integrity_problems()?;
    let mut checks = vec![check("File integrity", integrity.clone(), false)];
    // The other checks read through tables a damaged file may not hold up;
    // what they would say is covered by the failure above.
    if integrity.is_empty() {
        checks.push(check(SEARCH_INDEX, library.search_index_problems()?, true));
        checks.push(check("Revisions", library.revision_problems()?, false));
        checks.push(check("Images", library.image_problems()?, false));
    }
    Ok(DoctorReport { checks })
}

/// Backs the library up, then rebuilds what can be rebuilt (the search
/// index, when its check fails), and checks again.
pub fn repair(library: &mut Library, now: DateTime<Utc>) -> Result<Repair> {
    let before = check(library)?;
    let backup = backups::make(library, BackupReason::BeforeRepair, now)?;
    let mut rebuilt = Vec::new();
    let index_broken = before
        .checks
        .iter()
        .any(|c| c.name == SEARCH_INDEX && !c.problems.is_empty());
    if index_broken {
        library.rebuild_search_index()?;
        rebuilt.push("the search index".to_string());
    }
    let after = check(library)?;
    Ok(Repair {
        backup,
        rebuilt,
        after,
    })
}

#[cfg(test)]
mod tests;
