// How backups read in the window: their reason, size and the line that
// says when the last one was made. The rules (names, thinning) are Rust's.
import type { BackupInfo, BackupReason, DoctorReport } from "./bindings";
import { absoluteTime, relativeTime } from "./time";

const REASON: Record<BackupReason, string> = {
  manual: "made by hand",
  hourly: "hourly",
  quit: "on quit",
  before_restore: "before a restore",
  before_repair: "before a repair",
};

export function reasonLabel(reason: BackupReason): string {
  return REASON[reason];
}

/// "840 B", "12.3 KB", "4.1 MB": as `byline backups` prints sizes.
export function humanSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit + 1 < units.length) {
    value /= 1024;
    unit += 1;
  }
  return `${value.toFixed(1)} ${units[unit]}`;
}

/// One backup as a list row says it: "12 min ago · 1.2 MB · on quit".
export function describeBackup(backup: BackupInfo, now: Date, locale?: string): string {
  const when = relativeTime(new Date(backup.made_at), now, locale);
  return `${when} · ${humanSize(backup.bytes)} · ${reasonLabel(backup.reason)}`;
}

/// The line under the heading: when the last backup was made, or none yet.
export function lastBackupLine(backups: BackupInfo[], now: Date, locale?: string): string {
  const last = backups[0];
  if (!last) return "No backup yet: one is made within the hour and when you quit.";
  return `Last backup ${relativeTime(new Date(last.made_at), now, locale)} (${absoluteTime(new Date(last.made_at), locale)}).`;
}

/// What a library check found, in one line.
export function reportSummary(report: DoctorReport): string {
  const problems = report.checks.reduce((n, c) => n + c.problems.length, 0);
  if (problems === 0) return "Everything checked is sound.";
  return problems === 1 ? "1 problem found." : `${problems} problems found.`;
}
