import { describe, expect, it } from "vitest";
import type { FaqItem, FaqView } from "./bindings";
import {
  addedItem,
  arrangeView,
  detectedMessage,
  dropPosition,
  issuesByItem,
  mergeDrafts,
  moveIndex,
  removedLabel,
  reorderView,
  sharedBadge,
  structuredDataSummary,
} from "./faq";

const item = (id: number, question = `Q${id}?`, answer = `A${id}.`): FaqItem => ({ id, question, answer, shared: null });

function view(items: FaqItem[], extra: Partial<FaqView> = {}): FaqView {
  return {
    items,
    issues: [],
    html: "",
    heading: "Frequently Asked Questions",
    structured_data: true,
    site_structured_data: true,
    in_structured_data: items.length,
    ...extra,
  };
}

describe("moving an item", () => {
  it("moves down and up, the target being its place after the move", () => {
    expect(moveIndex(["a", "b", "c"], 0, 1)).toEqual(["b", "a", "c"]);
    expect(moveIndex(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
    expect(moveIndex(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
  });
  it("clamps past the ends and ignores a missing source", () => {
    expect(moveIndex(["a", "b"], 0, 9)).toEqual(["b", "a"]);
    expect(moveIndex(["a", "b"], 1, -3)).toEqual(["b", "a"]);
    expect(moveIndex(["a", "b"], 5, 0)).toEqual(["a", "b"]);
  });
  it("keeps each issue under its own item", () => {
    const v = view([item(1), item(2, ""), item(3)], {
      issues: [{ index: 1, problem: "empty_question", message: "Question 2 has no question" }],
    });
    const moved = reorderView(v, 1, 0);
    expect(moved.items.map((i) => i.id)).toEqual([2, 1, 3]);
    expect(moved.issues[0].index).toBe(0);
    expect(issuesByItem(moved).get(2)?.[0].problem).toBe("empty_question");
    expect(issuesByItem(moved).has(1)).toBe(false);
  });
});

describe("following an order", () => {
  it("puts items in the given order and unknown ones after", () => {
    const v = view([item(1), item(2), item(3)], {
      issues: [{ index: 0, problem: "empty_answer", message: "Question 1 has no answer" }],
    });
    const out = arrangeView(v, [3, 1]);
    expect(out.items.map((i) => i.id)).toEqual([3, 1, 2]);
    expect(out.issues[0].index).toBe(1);
  });
});

describe("where a drag lands", () => {
  it("counts the slot without the dragged item", () => {
    // Item 0 dropped on the lower half of item 2 ends up last.
    expect(dropPosition(0, 2, true)).toBe(2);
    // ...on the upper half of item 2, just before it.
    expect(dropPosition(0, 2, false)).toBe(1);
    expect(dropPosition(3, 0, false)).toBe(0);
    expect(dropPosition(3, 0, true)).toBe(1);
  });
  it("is no move onto itself or its neighbouring edge", () => {
    expect(dropPosition(1, 1, false)).toBeNull();
    expect(dropPosition(1, 1, true)).toBeNull();
    expect(dropPosition(1, 0, true)).toBeNull();
    expect(dropPosition(1, 2, false)).toBeNull();
  });
});

describe("adopting the backend's text", () => {
  it("keeps what the writer is typing and takes the rest", () => {
    const drafts = new Map([
      [1, { question: "How much is it ", answer: "" }],
      [2, { question: "old", answer: "old" }],
    ]);
    const merged = mergeDrafts(drafts, [item(1, "How much is it"), item(2, "new", "new"), item(3)], (id) => id === 1);
    expect(merged.get(1)).toEqual({ question: "How much is it ", answer: "" });
    expect(merged.get(2)).toEqual({ question: "new", answer: "new" });
    expect(merged.get(3)).toEqual({ question: "Q3?", answer: "A3." });
  });
  it("forgets removed items", () => {
    const merged = mergeDrafts(new Map([[9, { question: "x", answer: "y" }]]), [item(1)], () => true);
    expect([...merged.keys()]).toEqual([1]);
  });
  it("finds the item just added", () => {
    expect(addedItem([item(1)], [item(1), item(7)])?.id).toBe(7);
    expect(addedItem([item(1)], [item(1)])).toBeUndefined();
  });
});

describe("the panel's sentences", () => {
  it("says how many articles a shared block reaches", () => {
    expect(sharedBadge(1)).toBe("Shared · used by 1 article");
    expect(sharedBadge(3)).toBe("Shared · used by 3 articles");
    expect(sharedBadge(undefined)).toBe("Shared");
  });
  it("says what goes into the structured data", () => {
    expect(structuredDataSummary(view([item(1), item(2)]))).toBe("All 2 questions go into the structured data.");
    expect(structuredDataSummary(view([item(1)]))).toBe("The question goes into the structured data.");
    expect(structuredDataSummary(view([item(1), item(2, "")], { in_structured_data: 1 }))).toBe(
      "1 of 2 questions go into the structured data. Flagged questions are left out until they are fixed.",
    );
    expect(structuredDataSummary(view([item(1)], { site_structured_data: false, in_structured_data: 0 }))).toContain(
      "site has it turned off",
    );
    expect(structuredDataSummary(view([item(1)], { structured_data: false }))).toContain("without structured data");
  });
  it("offers to convert a detected section", () => {
    expect(detectedMessage(2)).toBe(
      "This article ends with a FAQ section (2 questions). Convert it into FAQ items?",
    );
    expect(detectedMessage(1)).toContain("(1 question)");
  });
  it("names a removed question, cut short", () => {
    expect(removedLabel("Is it free?")).toBe("Removed “Is it free?”.");
    expect(removedLabel("  ")).toBe("Removed the untitled question.");
    expect(removedLabel("x".repeat(100)).length).toBeLessThan(75);
  });
});
