import { describe, expect, it } from "vitest";
import type { BodyEdit, Typed } from "./bindings";
import { Keystrokes } from "./typing";

function backend(answers: Typed["kind"][] = []) {
  const calls: { seq: number; edit: BodyEdit; render: boolean }[] = [];
  const keys = new Keystrokes(async (_id, seq, _base, edit, _since, render) => {
    calls.push({ seq, edit, render });
    const kind = answers.shift() ?? "staged";
    return kind === "staged" ? { kind, preview: null } : { kind };
  });
  return { calls, keys };
}

describe("Keystrokes", () => {
  it("sends the whole text first, then only the changes", async () => {
    const { calls, keys } = backend();
    await keys.send(keys.next(1, 10, "b", "Hi", null), null, true);
    await keys.send(keys.next(1, 11, "b", "Hi!", [{ from: 2, to: 2, insert: "!" }]), 3, true);
    expect(calls.map((c) => c.edit)).toEqual([
      { kind: "whole", body: "Hi" },
      { kind: "changes", after: 10, length: 3, changes: [{ from: 2, to: 2, insert: "!" }] },
    ]);
  });

  it("resends the whole text when the backend lost track", async () => {
    const { calls, keys } = backend(["staged", "resend", "staged"]);
    await keys.send(keys.next(1, 1, "b", "a", null), null, false);
    await keys.send(keys.next(1, 2, "b", "ab", [{ from: 1, to: 1, insert: "b" }]), null, false);
    expect(calls.map((c) => [c.seq, c.edit.kind])).toEqual([
      [1, "whole"],
      [2, "changes"],
      [2, "whole"],
    ]);
  });

  it("starts over with the whole text for another article or after a reset", async () => {
    const { calls, keys } = backend();
    keys.next(1, 1, "b", "a", null);
    expect(keys.next(2, 2, "b", "x", [{ from: 0, to: 0, insert: "x" }]).edit.kind).toBe("whole");
    keys.reset();
    expect(keys.next(2, 3, "b", "xy", [{ from: 1, to: 1, insert: "y" }]).edit.kind).toBe("whole");
    expect(calls).toEqual([]);
  });

  it("renders the newest text sent without a new edit", async () => {
    const { calls, keys } = backend();
    expect(await keys.render(1, null)).toBeNull();
    keys.next(1, 5, "b", "abc", null);
    await keys.render(1, 7);
    expect(calls).toEqual([{ seq: 5, edit: { kind: "changes", after: 5, length: 3, changes: [] }, render: true }]);
  });
});
