import { describe, expect, it } from "vitest";
import { pageDate, relativeTime } from "./time";

const now = new Date(2026, 10, 25, 15, 30, 0);
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("relativeTime", () => {
  it("says just now under a minute", () => {
    expect(relativeTime(ago(20_000), now)).toBe("just now");
  });
  it("counts minutes, then hours today", () => {
    expect(relativeTime(ago(5 * 60_000), now)).toBe("5 min ago");
    expect(relativeTime(ago(3 * 3_600_000), now)).toBe("3 h ago");
  });
  it("says yesterday across midnight even when under a day", () => {
    expect(relativeTime(new Date(2026, 10, 24, 23, 0), now)).toBe("yesterday");
  });
  it("gives a date further back, with the year only when it differs", () => {
    expect(relativeTime(new Date(2026, 2, 3, 9, 0), now, "en-GB")).toBe("3 Mar");
    expect(relativeTime(new Date(2025, 2, 3, 9, 0), now, "en-GB")).toBe("3 Mar 2025");
  });
});

describe("the publish date as the page writes it", () => {
  it("reads day, month and year in full, in UTC", () => {
    expect(pageDate("2026-11-30T12:30:00Z")).toBe("30 November 2026");
    expect(pageDate("2026-03-01T00:30:00+02:00")).toBe("28 February 2026");
  });
});
