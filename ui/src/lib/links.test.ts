import { describe, expect, it } from "vitest";
import { linkAction } from "./links";

describe("linkAction", () => {
  it("opens web and mail links outside the window", () => {
    expect(linkAction("https://example.com/a")).toEqual({ kind: "open", url: "https://example.com/a" });
    expect(linkAction(" HTTP://example.com ")).toEqual({ kind: "open", url: "HTTP://example.com" });
    expect(linkAction("mailto:desk@example.com")).toEqual({ kind: "open", url: "mailto:desk@example.com" });
  });

  it("scrolls to in-page targets, decoding the id", () => {
    expect(linkAction("#fn-1")).toEqual({ kind: "scroll", id: "fn-1" });
    expect(linkAction("#caf%C3%A9")).toEqual({ kind: "scroll", id: "café" });
    expect(linkAction("#%E0%A4%A")).toEqual({ kind: "scroll", id: "%E0%A4%A" });
    expect(linkAction("#")).toEqual({ kind: "none" });
  });

  it("does nothing for every other address", () => {
    for (const href of ["javascript:alert(1)", "file:///etc/passwd", "tauri://localhost/", "other/page", "", null]) {
      expect(linkAction(href)).toEqual({ kind: "none" });
    }
  });
});
