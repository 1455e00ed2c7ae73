import { describe, expect, it } from "vitest";
import { EditorSelection, EditorState } from "@codemirror/state";
import {
  endQuote,
  imageInsertion,
  insertLink,
  outline,
  setHeading,
  toggleInline,
  toggleList,
  toggleQuote,
  toggleCallout,
  toLinkAddress,
  type Edit,
} from "./formatting";

/// Applies an edit to `doc` with the selection marked by [ and ] (or a
/// cursor by |), and returns the new text with the selection marked again.
function run(edit: Edit, marked: string): string {
  const from = marked.includes("|") ? marked.indexOf("|") : marked.indexOf("[");
  const doc = marked.replace("|", "").replace("[", "").replace("]", "");
  const to = marked.includes("|") ? from : marked.indexOf("]") - 1;
  const state = EditorState.create({ doc, selection: EditorSelection.range(from, to) });
  const spec = edit(state);
  const next = spec ? state.update(spec).state : state;
  const sel = next.selection.main;
  const text = next.doc.toString();
  return sel.empty
    ? text.slice(0, sel.from) + "|" + text.slice(sel.from)
    : text.slice(0, sel.from) + "[" + text.slice(sel.from, sel.to) + "]" + text.slice(sel.to);
}

describe("inline formatting", () => {
  it("wraps the selection and unwraps it again", () => {
    expect(run(toggleInline("**"), "a [word] here")).toBe("a **[word]** here");
    expect(run(toggleInline("**"), "a **[word]** here")).toBe("a [word] here");
    expect(run(toggleInline("**"), "a [**word**] here")).toBe("a [word] here");
    expect(run(toggleInline("`"), "run [ls]")).toBe("run `[ls]`");
  });
  it("leaves the cursor between markers when nothing is selected", () => {
    expect(run(toggleInline("*"), "say |")).toBe("say *|*");
  });
  it("does not take a bold marker for an italic one", () => {
    expect(run(toggleInline("*"), "**[bold]**")).toBe("***[bold]***");
  });
});

describe("links", () => {
  it("selects the address to paste over", () => {
    expect(run(insertLink, "see [the report]")).toBe("see [the report]([https://])");
    expect(run(insertLink, "|")).toBe("[[link text]](https://)");
  });
});

describe("block formatting", () => {
  it("sets, changes and clears headings", () => {
    expect(run(setHeading(2), "Tit|le")).toBe("## Tit|le");
    expect(run(setHeading(1), "## Tit|le")).toBe("# Tit|le");
    expect(run(setHeading(2), "## Tit|le")).toBe("Tit|le");
  });
  it("makes and unmakes lists over several lines", () => {
    expect(run(toggleList("bullet"), "[one\ntwo]")).toBe("- [one\n- two]");
    expect(run(toggleList("bullet"), "[- one\n- two]")).toBe("[one\ntwo]");
    expect(run(toggleList("ordered"), "[one\n\ntwo]")).toBe("1. [one\n\n2. two]");
    expect(run(toggleList("ordered"), "[- one\n- two]")).toBe("[1. one\n2. two]");
  });
  it("quotes and unquotes", () => {
    expect(run(toggleQuote, "[a\nb]")).toBe("> [a\n> b]");
    expect(run(toggleQuote, "[> a\n> b]")).toBe("[a\nb]");
  });
});

describe("outline", () => {
  it("lists headings with their level and line, skipping code", () => {
    const doc = "# Title\n\ntext\n\n## One ##\n```\n# not a heading\n```\n### Two\n#nope\n";
    expect(outline(doc)).toEqual([
      { level: 1, text: "Title", line: 1 },
      { level: 2, text: "One", line: 5 },
      { level: 3, text: "Two", line: 9 },
    ]);
  });
});

describe("image insertion", () => {
  const md = "![a](assets/a.png)";
  it("puts an image in a paragraph of its own", () => {
    expect(imageInsertion("", 0, [md]).insert).toBe(md + "\n");
    expect(imageInsertion("Intro.", 6, [md]).insert).toBe("\n\n" + md + "\n");
    expect(imageInsertion("One two", 3, [md]).insert).toBe("\n\n" + md + "\n\n");
    expect(imageInsertion("Para.\n\nNext", 7, [md]).insert).toBe(md + "\n\n");
    expect(imageInsertion("Para.\n", 6, [md]).insert).toBe("\n" + md + "\n");
  });
  it("separates several images by blank lines", () => {
    expect(imageInsertion("", 0, [md, md]).insert).toBe(md + "\n\n" + md + "\n");
  });
});

describe("block shortcuts on an empty line", () => {
  it("start the block with the cursor after its marker", () => {
    expect(run(setHeading(2), "|")).toBe("## |");
    expect(run(setHeading(1), "Intro\n\n|")).toBe("Intro\n\n# |");
    expect(run(toggleList("bullet"), "|")).toBe("- |");
    expect(run(toggleList("ordered"), "a\n|")).toBe("a\n1. |");
    expect(run(toggleQuote, "|")).toBe("> |");
  });
  it("still toggle a line with text, leaving a cursor in it where it was", () => {
    expect(run(setHeading(3), "|Title")).toBe("### |Title");
    expect(run(toggleList("bullet"), "- one|")).toBe("one|");
    expect(run(toggleQuote, "> a|")).toBe("a|");
  });
});

describe("the callout shortcut", () => {
  // Callouts hold brackets, so these mark the selection with « » and the
  // cursor with ‸ instead of run()'s [ ] and |.
  function callout(marked: string): string {
    const cursor = marked.includes("‸");
    const from = cursor ? marked.indexOf("‸") : marked.indexOf("«");
    const doc = marked.replace("‸", "").replace("«", "").replace("»", "");
    const to = cursor ? from : marked.indexOf("»") - 1;
    const state = EditorState.create({ doc, selection: EditorSelection.range(from, to) });
    const spec = toggleCallout(state);
    const next = spec ? state.update(spec).state : state;
    const at = next.selection.main.head;
    const text = next.doc.toString();
    return text.slice(0, at) + "‸" + text.slice(at);
  }
  it("starts a callout on an empty line, the cursor on its first line of text", () => {
    expect(callout("‸")).toBe("> [!TIP]\n> ‸");
    expect(callout("Intro\n\n‸")).toBe("Intro\n\n> [!TIP]\n> ‸");
  });
  it("makes lines with text its body, and turns a callout back into paragraphs", () => {
    expect(callout("«Book early.\n\nIt sells out.»")).toBe("> [!TIP]\n> Book early.\n>\n> It sells out.‸");
    expect(callout("> [!TIP]\n> «Book early.»")).toBe("Book early.‸");
    expect(callout("«> [!NOTE]\n> a\n> b»")).toBe("a\nb‸");
  });
});

describe("leaving a quote or callout", () => {
  it("ends the quote on Enter at an empty quote line", () => {
    expect(run(endQuote, "> Tip\n> Book early.\n> |")).toBe("> Tip\n> Book early.\n\n|");
    expect(run(endQuote, "> a\n>|")).toBe("> a\n\n|");
    expect(run(endQuote, "> a\n> |\n\nNext")).toBe("> a\n\n|\nNext");
  });
  it("leaves Enter alone elsewhere", () => {
    expect(endQuote(EditorState.create({ doc: "> a", selection: EditorSelection.cursor(3) }))).toBeNull();
    expect(endQuote(EditorState.create({ doc: "- ", selection: EditorSelection.cursor(2) }))).toBeNull();
    expect(endQuote(EditorState.create({ doc: "a", selection: EditorSelection.cursor(1) }))).toBeNull();
  });
});

describe("moving from a link's text to its address", () => {
  // Selections spelled out: the markers [ ] of `run` would read as a link.
  function selected(edit: Edit, doc: string, from: number, to: number): string {
    const state = EditorState.create({ doc, selection: EditorSelection.range(from, to) });
    const spec = edit(state);
    const next = spec ? state.update(spec).state : state;
    return next.sliceDoc(next.selection.main.from, next.selection.main.to);
  }
  it("selects the address from inside the label", () => {
    expect(selected(toLinkAddress, "[link text](https://)", 1, 10)).toBe("https://");
    expect(selected(toLinkAddress, "see [report](https://x.org) now", 8, 8)).toBe("https://x.org");
    // A second Ctrl+Shift+K moves on instead of wrapping the label again.
    expect(selected(insertLink, "[link text](https://)", 1, 10)).toBe("https://");
  });
  it("does nothing outside a link", () => {
    expect(toLinkAddress(EditorState.create({ doc: "plain", selection: EditorSelection.cursor(2) }))).toBeNull();
    expect(toLinkAddress(EditorState.create({ doc: "[a](b) x", selection: EditorSelection.cursor(8) }))).toBeNull();
  });
});
