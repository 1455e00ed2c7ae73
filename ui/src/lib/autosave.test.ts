import { describe, expect, it } from "vitest";
import { AutosaveSession, notSavedText } from "./autosave";
import type { ArticleSummary, ErrorInfo, SaveEvent } from "./bindings";

function summary(id: number): ArticleSummary {
  return { id, title: "T", slug: "t", tags: [], words: 3, status: "draft", publish_at: null, updated_at: "2026-01-01T00:00:00Z", trashed_at: null };
}

// Any code will do; cast because the bindings may narrow codes to a union.
function failure(message: string): ErrorInfo {
  return { code: "io", message } as unknown as ErrorInfo;
}

function recorder() {
  const sent: { id: number; body: string; seq: number; base: string }[] = [];
  const session = new AutosaveSession(async (id, body, seq, base) => {
    sent.push({ id, body, seq, base });
  }, 100);
  return { sent, session };
}

describe("AutosaveSession", () => {
  it("numbers each edit upward and sends the base it was built on", async () => {
    const { sent, session } = recorder();
    session.rebase("hash-a");
    session.stage(1, "one", () => {});
    session.stage(1, "two", () => {});
    session.rebase("hash-b");
    session.stage(1, "three", () => {});
    await session.settled();
    expect(sent.map((s) => s.seq)).toEqual([101, 102, 103]);
    expect(sent.map((s) => s.base)).toEqual(["hash-a", "hash-a", "hash-b"]);
    expect(session.newest).toBe(103);
  });

  it("reports a failed stage call and still settles", async () => {
    const failures: unknown[] = [];
    const session = new AutosaveSession(() => Promise.reject(new Error("gone")), 0);
    session.stage(1, "x", (e) => failures.push(e));
    await session.settled();
    expect(failures).toHaveLength(1);
  });

  it("settles only once the newest edit has arrived", async () => {
    let release!: () => void;
    const session = new AutosaveSession(() => new Promise<void>((r) => (release = r)), 0);
    session.stage(1, "x", () => {});
    let settled = false;
    void session.settled().then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    release();
    await session.settled();
    expect(settled).toBe(true);
  });

  it("calls the open article saved only for its newest edit", () => {
    const { session } = recorder();
    session.stage(1, "a", () => {});
    session.stage(1, "ab", () => {});
    const older: SaveEvent = { state: "saved", article: summary(1), seq: 1, ...{} };
    const stale = session.outcome({ ...older, seq: session.newest - 1 }, 1);
    expect(stale.save).toBeNull();
    expect(stale.checkpoint).toBe(true);
    expect(stale.listed?.id).toBe(1);
    const newest = session.outcome({ ...older, seq: session.newest }, 1);
    expect(newest.save).toEqual({ kind: "saved" });
  });

  it("only lists a save of another article", () => {
    const { session } = recorder();
    const outcome = session.outcome({ state: "saved", article: summary(2), seq: session.newest }, 1);
    expect(outcome).toEqual({ listed: summary(2), save: null, checkpoint: false, diverged: null });
  });

  it("hands a divergence of the open article to the banner", () => {
    const { session } = recorder();
    const outcome = session.outcome({ state: "diverged", article: summary(1), seq: 5, revision: 42 }, 1);
    expect(outcome.diverged).toEqual({ id: 1, revision: 42 });
    expect(outcome.save).toEqual({ kind: "saved" });
    const elsewhere = session.outcome({ state: "diverged", article: summary(2), seq: 5, revision: 42 }, 1);
    expect(elsewhere.diverged).toBeNull();
    expect(elsewhere.listed?.id).toBe(2);
  });

  it("shows a failure only for the open article", () => {
    const { session } = recorder();
    const failed: SaveEvent = { state: "failed", article: 1, seq: 3, error: failure("disk full") };
    expect(session.outcome(failed, 1).save).toEqual({ kind: "error", message: "disk full", code: "io" });
    expect(session.outcome(failed, 2).save).toBeNull();
  });

  it("reloads History for a checkpoint of the open article only, without touching the save state", () => {
    const { session } = recorder();
    const kept: SaveEvent = { state: "checkpoint", article: 1, revision: 7 };
    expect(session.outcome(kept, 1)).toEqual({ listed: null, save: null, checkpoint: true, diverged: null });
    expect(session.outcome(kept, 2).checkpoint).toBe(false);
  });

  it("says in plain words when the disk is full or the library read-only, else the error itself", () => {
    const full = notSavedText({ code: "disk_full", message: "the disk that holds the library /x is full" });
    expect(full).toContain("disk is full");
    expect(full).toContain("text kept, retrying");
    expect(notSavedText({ code: "library_read_only", message: "m" })).toContain("read-only");
    expect(notSavedText({ code: "io", message: "cannot read /x" })).toBe("Not saved: cannot read /x");
    expect(notSavedText({ message: "gone" })).toBe("Not saved: gone");
  });
});
