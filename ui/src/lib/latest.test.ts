import { describe, expect, it } from "vitest";
import { Latest } from "./latest";

function deferred<T>() {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe("Latest", () => {
  it("runs the first input, skips the stale middle ones and ends on the newest", async () => {
    const started: string[] = [];
    const gates: Array<ReturnType<typeof deferred<string>>> = [];
    const shown: string[] = [];
    const latest = new Latest<string, string>(
      (input) => {
        started.push(input);
        const gate = deferred<string>();
        gates.push(gate);
        return gate.promise.then(() => input.toUpperCase());
      },
      (output) => shown.push(output),
    );
    latest.request("a");
    latest.request("ab");
    latest.request("abc");
    expect(started).toEqual(["a"]);
    gates[0].resolve("");
    await new Promise((r) => setTimeout(r, 0));
    expect(started).toEqual(["a", "abc"]);
    gates[1].resolve("");
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual(["A", "ABC"]);
  });

  it("drops results that arrive after a reset", async () => {
    const gate = deferred<void>();
    const shown: string[] = [];
    const latest = new Latest<string, string>(
      async (input) => {
        await gate.promise;
        return input;
      },
      (output) => shown.push(output),
    );
    latest.request("old article");
    latest.reset();
    gate.resolve();
    await new Promise((r) => setTimeout(r, 0));
    expect(shown).toEqual([]);
  });

  it("reports failures and keeps serving later requests", async () => {
    const errors: unknown[] = [];
    const shown: number[] = [];
    const latest = new Latest<number, number>(
      async (n) => {
        if (n < 0) throw new Error("bad");
        return n;
      },
      (n) => shown.push(n),
      (e) => errors.push(e),
    );
    latest.request(-1);
    await new Promise((r) => setTimeout(r, 0));
    latest.request(2);
    await new Promise((r) => setTimeout(r, 0));
    expect(errors).toHaveLength(1);
    expect(shown).toEqual([2]);
  });
});
