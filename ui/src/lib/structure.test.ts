import { describe, expect, it } from "vitest";
import type { FileReport, ImportReport } from "./bindings";
import { boilerplateOffer, changeResult, isChrome, isWholePage, looksPasted, pasteOfferMessage, undoChange, undoable } from "./structure";

function report(structure: FileReport["structure"]): ImportReport {
  const file: FileReport = {
    path: "/a/ferry.txt",
    outcome: "created",
    article: 1,
    slug: "ferry",
    title: "Ferry",
    mapped: [],
    kept: [],
    skipped: [],
    warnings: [],
    structure,
    images: 0,
    faq_items: 0,
    remote_images: 0,
    downloads: null,
    error: null,
  };
  return { files: [file], skipped: [], created: 1, updated: 0, failed: 0 };
}

const share = { kind: "share_prompt" as const, original: "Share this article.", became: "" };
const discover = { kind: "discover_more" as const, original: "Discover more from The Harbour Times", became: "" };
const subscribe = { kind: "subscribe" as const, original: "Subscribe to get the latest posts.", became: "" };

describe("boilerplateOffer", () => {
  it("offers the dropped prompts when the site has none", () => {
    expect(boilerplateOffer(report([share, discover, subscribe]), { share_prompt: "", newsletter: "" })).toEqual({
      share_prompt: "Share this article.",
      newsletter: "Discover more from The Harbour Times\n\nSubscribe to get the latest posts.",
    });
  });
  it("never offers over boilerplate the site has", () => {
    expect(boilerplateOffer(report([share]), { share_prompt: "Tell a friend.", newsletter: "" })).toBeNull();
    expect(boilerplateOffer(report([share, subscribe]), { share_prompt: "", newsletter: "Ours" })).toEqual({
      share_prompt: "Share this article.",
      newsletter: "",
    });
  });
  it("offers nothing when no chrome was dropped", () => {
    expect(boilerplateOffer(report([{ kind: "heading", original: "A", became: "## A" }]), { share_prompt: "", newsletter: "" })).toBeNull();
  });
});

describe("changes", () => {
  it("reads chrome as dropped", () => {
    expect(isChrome("comment_count")).toBe(true);
    expect(isChrome("heading")).toBe(false);
    expect(changeResult(share)).toBe("dropped");
    expect(changeResult({ kind: "heading", original: "A", became: "## A" })).toBe("## A");
  });
});

describe("undoChange", () => {
  const text = { title: "Ferry Row 🚨", body: "Text.\n\n## What Next\n\nMore at <https://a.example>.\n" };
  it("puts a heading, callout or link back as written", () => {
    expect(undoChange(text, { kind: "heading", original: "What Next", became: "## What Next" })?.body).toBe(
      "Text.\n\nWhat Next\n\nMore at <https://a.example>.\n",
    );
    expect(undoChange(text, { kind: "link", original: "https://a.example", became: "<https://a.example>" })?.body).toBe(
      "Text.\n\n## What Next\n\nMore at https://a.example.\n",
    );
  });
  it("puts the title back as the first line", () => {
    expect(undoChange(text, { kind: "title", original: "Ferry Row 🚨", became: "Ferry Row 🚨" })).toEqual({
      title: "",
      body: "Ferry Row 🚨\n\nText.\n\n## What Next\n\nMore at <https://a.example>.\n",
    });
  });
  it("puts dropped lines back at the top or the end", () => {
    expect(undoChange(text, { kind: "comment_count", original: "12 comments", became: "" })?.body.startsWith("12 comments\n\nText.")).toBe(true);
    expect(undoChange(text, { kind: "share_prompt", original: "Share this article.", became: "" })?.body.endsWith(".\n\nShare this article.\n")).toBe(true);
  });
  it("says when a change is gone or not the text's", () => {
    expect(undoChange(text, { kind: "heading", original: "Gone", became: "## Gone" })).toBeNull();
    expect(undoChange(text, { kind: "faq_item", original: "Who?", became: "Who?" })).toBeNull();
    expect(undoable({ kind: "faq_item", original: "Who?", became: "Who?" })).toBe(false);
  });
  it("keeps a dollar sign in the original as written", () => {
    const body = "## Costs $5\n";
    expect(undoChange({ title: "", body }, { kind: "heading", original: "Costs $5", became: "## Costs $5" })?.body).toBe("Costs $5\n");
  });
});

describe("paste offer", () => {
  it("asks only about several paragraphs of plain text", () => {
    expect(looksPasted("One.\n\nTwo.")).toBe(false);
    expect(looksPasted("T\n\nA.\n\nB\n\nC.")).toBe(true);
    expect(looksPasted("# T\n\nA.\n\nB\n\nC.")).toBe(false);
  });
  it("says what structuring would do", () => {
    expect(
      pasteOfferMessage([
        { kind: "title", original: "T", became: "T" },
        { kind: "heading", original: "H", became: "## H" },
        { kind: "faq_item", original: "Q?", became: "Q?" },
        { kind: "faq_item", original: "R?", became: "R?" },
        { kind: "comment_count", original: "3 comments", became: "" },
      ]),
    ).toBe("This paste reads like a whole article: give it a title, 1 heading, 2 FAQ items, 1 line of site chrome left out?");
  });
});

describe("isWholePage", () => {
  it("takes a document with a title, Open Graph or JSON-LD, or an article", () => {
    expect(isWholePage("<html><head><title>Ferry</title></head><body><p>Text</p></body></html>")).toBe(true);
    expect(isWholePage('<head><meta property="og:title" content="Ferry"></head><p>Text</p>')).toBe(true);
    expect(isWholePage('<html><head><script type="application/ld+json">{}</script></head></html>')).toBe(true);
    expect(isWholePage("<meta charset='utf-8'><article><h1>Ferry</h1><p>Text</p></article>")).toBe(true);
  });

  it("leaves an ordinary rich paste alone", () => {
    expect(isWholePage("<meta charset='utf-8'><p>One <b>bold</b> paragraph.</p>")).toBe(false);
    expect(isWholePage("<h2>Section</h2><ul><li>a</li></ul>")).toBe(false);
    // A document without anything that says it is a page (a word processor's).
    expect(isWholePage("<html><body><p>Letter</p></body></html>")).toBe(false);
    // "article" inside a word is not the element.
    expect(isWholePage("<p>An <articles-list> mention</p>")).toBe(false);
  });

  it("names a page in the offer", () => {
    expect(pasteOfferMessage([], true)).toBe("This paste is a whole web page: take its article?");
  });
});
