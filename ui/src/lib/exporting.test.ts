import { describe, expect, it } from "vitest";
import type { FileReport, ImportReport } from "./bindings";
import {
  FORMATS,
  bytesText,
  fieldMessage,
  firstImported,
  importProgressLabel,
  importSummary,
  importable,
  loadFormat,
  settingsField,
  shortPath,
  siteMessage,
  writtenMessage,
} from "./exporting";

const file = (outcome: FileReport["outcome"], article: number | null = 1): FileReport => ({
  path: "/tmp/a.md",
  outcome,
  article,
  slug: "a",
  title: "A",
  images: 0,
  faq_items: 0,
  remote_images: 0,
  downloads: null,
  error: null,
  mapped: [],
  kept: [],
  skipped: [],
  warnings: [],
  structure: [],
});

describe("export", () => {
  it("names all six formats", () => {
    expect(FORMATS.map((f) => f.format)).toEqual(["html", "fragment", "md-yaml", "md-toml", "json", "text"]);
  });

  it("remembers only a known format", () => {
    expect(loadFormat({ getItem: () => "md-toml" })).toBe("md-toml");
    expect(loadFormat({ getItem: () => "pdf" })).toBe("html");
    expect(loadFormat(undefined)).toBe("html");
  });

  it("says where the file went", () => {
    expect(writtenMessage({ path: "/x/a.html", assets: 0, warnings: [] })).toBe("Saved to /x/a.html.");
    expect(writtenMessage({ path: "/x/a.html", assets: 2, warnings: [] })).toBe(
      "Saved to /x/a.html, with 2 images in assets/.",
    );
  });

  it("sums up a site", () => {
    expect(bytesText(900)).toBe("900 bytes");
    expect(bytesText(4096)).toBe("4 KB");
    expect(siteMessage({ dir: "/s", articles: 1, assets: 0, bytes: 2048, warnings: [] })).toBe("1 article (2 KB) in /s.");
  });
});

describe("import", () => {
  it("sums up a report", () => {
    const report: ImportReport = { files: [file("created"), file("failed", null)], skipped: [], created: 1, updated: 0, failed: 1 };
    expect(importSummary(report)).toBe("1 new article, 1 file failed");
    expect(importSummary({ files: [], skipped: [], created: 0, updated: 0, failed: 0 })).toBe("Nothing to import");
    const warned = { ...file("created"), warnings: ["the slug a is used by \"A\"; this post got a-2"] };
    expect(importSummary({ files: [warned, file("created")], skipped: [], created: 2, updated: 0, failed: 0 })).toBe(
      "2 new articles, 1 file with warnings",
    );
    const skipped = [{ path: "/site/layouts", reason: "a site's templates, not articles" }];
    expect(importSummary({ files: [file("created")], skipped, created: 1, updated: 0, failed: 0 })).toBe(
      "1 new article, 1 template or output folder skipped",
    );
  });

  it("says how far an import has come", () => {
    expect(importProgressLabel({ phase: "reading", done: 0, total: 0 })).toBe("Importing…");
    expect(importProgressLabel({ phase: "reading", done: 125, total: 750 })).toBe("Importing… reading 125 of 750 files");
    expect(importProgressLabel({ phase: "writing", done: 1, total: 1 })).toBe("Importing… writing 1 of 1 file");
  });

  it("names bundles by their folder", () => {
    expect(shortPath("/c/posts/harbour-walk/index.md")).toBe("harbour-walk/index.md");
    expect(shortPath("/c/posts/ferry.md")).toBe("ferry.md");
  });

  it("opens the first article imported", () => {
    const report: ImportReport = {
      files: [file("failed", null), file("updated", 7)],
      skipped: [],
      created: 0,
      updated: 1,
      failed: 1,
    };
    expect(firstImported(report)?.article).toBe(7);
  });

  it("leaves dropped images to the editor", () => {
    expect(importable(["/a/post.md", "/a/photo.JPG", "/a/folder"])).toEqual(["/a/post.md", "/a/folder"]);
  });
});

describe("settings errors", () => {
  it("finds the field a refusal is about", () => {
    expect(settingsField('site address "x" is not a web address')).toBe("base_url");
    expect(settingsField("site name must be one line")).toBe("name");
    expect(settingsField("newsletter box is longer than 16 KB")).toBe("newsletter");
    expect(settingsField("the library is locked")).toBeNull();
  });

  it("drops the field's name beside the field", () => {
    expect(fieldMessage('site address "x" is not a web address')).toBe('"x" is not a web address');
    expect(fieldMessage("language is wrong")).toBe("Is wrong");
    expect(fieldMessage("disk full")).toBe("disk full");
  });
});
