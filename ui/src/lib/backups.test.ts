import { describe, expect, it } from "vitest";
import { describeBackup, humanSize, lastBackupLine, reasonLabel, reportSummary } from "./backups";
import type { BackupInfo } from "./bindings";

const now = new Date("2026-11-30T14:00:00Z");
const backup = (made_at: string, bytes = 2048): BackupInfo => ({
  path: "/x/library-backups/library-20261130-134800Z-quit.byline",
  made_at,
  bytes,
  reason: "quit",
});

describe("backups as the window shows them", () => {
  it("sizes read as the CLI prints them", () => {
    expect(humanSize(840)).toBe("840 B");
    expect(humanSize(12_595)).toBe("12.3 KB");
    expect(humanSize(4.1 * 1024 * 1024)).toBe("4.1 MB");
  });

  it("says when the last backup was made, or that there is none", () => {
    expect(lastBackupLine([], now)).toMatch(/^No backup yet/);
    expect(lastBackupLine([backup("2026-11-30T13:48:00Z")], now)).toMatch(/^Last backup 12 min ago \(/);
  });

  it("describes a backup by its time, size and reason", () => {
    expect(describeBackup(backup("2026-11-30T13:48:00Z"), now)).toBe("12 min ago · 2.0 KB · on quit");
    expect(reasonLabel("before_restore")).toBe("before a restore");
  });

  it("sums up a check", () => {
    const check = (problems: string[]) => ({ name: "x", problems, repairable: false });
    expect(reportSummary({ checks: [check([]), check([])] })).toBe("Everything checked is sound.");
    expect(reportSummary({ checks: [check(["a"]), check([])] })).toBe("1 problem found.");
    expect(reportSummary({ checks: [check(["a"]), check(["b"])] })).toBe("2 problems found.");
  });
});
