import { describe, expect, it } from "vitest";
import type { ErrorInfo, MirrorStatus } from "./bindings";
import { conflictOf, mirrorErrorMessage } from "./mirror";

describe("mirrorErrorMessage", () => {
  it("reads the message from a string or from {code, message}", () => {
    expect(mirrorErrorMessage("folder gone")).toBe("folder gone");
    expect(mirrorErrorMessage({ code: "io", message: "folder gone" } as unknown as ErrorInfo)).toBe("folder gone");
    expect(mirrorErrorMessage(null)).toBeNull();
  });
});

describe("conflictOf", () => {
  const status: MirrorStatus = {
    folder: "/m",
    running: true,
    conflicts: [{ article: 2, file: "b.md", library_revision: 5, file_revision: 6 }],
    error: null,
  } as MirrorStatus;

  it("finds the open article's conflict", () => {
    expect(conflictOf(status, { id: 2, trashed_at: null })?.file).toBe("b.md");
    expect(conflictOf(status, { id: 1, trashed_at: null })).toBeNull();
  });

  it("shows none for a trashed article or without a status", () => {
    expect(conflictOf(status, { id: 2, trashed_at: "2026-01-01T00:00:00Z" })).toBeNull();
    expect(conflictOf(null, { id: 2, trashed_at: null })).toBeNull();
    expect(conflictOf(status, null)).toBeNull();
  });
});
