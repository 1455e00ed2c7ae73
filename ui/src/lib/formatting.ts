// Markdown formatting commands for the editor: the shortcuts a writer
// expects (bold, italic, code, link, headings, lists, quote, callout), each a plain
// text transformation that undo reverts in one step.
import {
  EditorSelection,
  type ChangeSpec,
  type EditorState,
  type Text,
  type TransactionSpec,
} from "@codemirror/state";
import type { EditorView } from "@codemirror/view";

/// A formatting edit as a pure function of the state, so it can be tested
/// without a view; `asCommand` runs it in the editor.
export type Edit = (state: EditorState) => TransactionSpec | null;

export function asCommand(edit: Edit): (view: EditorView) => boolean {
  return (view) => {
    const spec = edit(view.state);
    if (spec) view.dispatch(view.state.update(spec, { scrollIntoView: true, userEvent: "input.format" }));
    return true;
  };
}

/// Wraps each selection in `marker` (**, *, `), or unwraps it when it is
/// already wrapped. With nothing selected, leaves the cursor between the
/// markers so the writer types inside them.
export function toggleInline(marker: string): Edit {
  return (state) => {
    const m = marker.length;
    const tr = state.changeByRange((range) => {
      const before = state.sliceDoc(range.from - m, range.from);
      const after = state.sliceDoc(range.to, range.to + m);
      if (before === marker && after === marker && !isLongerMarker(state.doc, range.from - m, range.to + m, marker)) {
        return {
          changes: [
            { from: range.from - m, to: range.from },
            { from: range.to, to: range.to + m },
          ],
          range: EditorSelection.range(range.from - m, range.to - m),
        };
      }
      const text = state.sliceDoc(range.from, range.to);
      if (text.length >= 2 * m && text.startsWith(marker) && text.endsWith(marker)) {
        return {
          changes: { from: range.from, to: range.to, insert: text.slice(m, text.length - m) },
          range: EditorSelection.range(range.from, range.to - 2 * m),
        };
      }
      return {
        changes: [
          { from: range.from, insert: marker },
          { from: range.to, insert: marker },
        ],
        range: EditorSelection.range(range.from + m, range.to + m),
      };
    });
    return tr;
  };
}

/// `*` inside `**`: the italic marker next to a bold one is not italic.
function isLongerMarker(doc: Text, from: number, to: number, marker: string): boolean {
  if (marker !== "*") return false;
  const outerBefore = from > 0 ? doc.sliceString(from - 1, from) : "";
  const outerAfter = doc.sliceString(to, to + 1);
  return outerBefore === "*" && outerAfter === "*";
}

/// `[text](https://)` with the address selected, ready to paste over. With
/// nothing selected the label is selected first, for typing over; pressing
/// the key again (or Tab) then moves on to the address.
export const insertLink: Edit = (state) => {
  const next = toLinkAddress(state);
  if (next) return next;
  const tr = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    const label = text || "link text";
    const insert = `[${label}](https://)`;
    const urlStart = range.from + label.length + 3;
    return {
      changes: { from: range.from, to: range.to, insert },
      range: text
        ? EditorSelection.range(urlStart, urlStart + "https://".length)
        : EditorSelection.range(range.from + 1, range.from + 1 + label.length),
    };
  });
  return tr;
};

/// The link label the selection is in: `[label](address)` on its line.
function linkAround(state: EditorState, from: number, to: number) {
  const line = state.doc.lineAt(from);
  if (to > line.to) return null;
  for (const m of line.text.matchAll(/\[([^\]\n]*)\]\(([^)\s]*)\)/g)) {
    const labelFrom = line.from + m.index + 1;
    const labelTo = labelFrom + m[1].length;
    if (from >= labelFrom && to <= labelTo) return { address: labelTo + 2, addressEnd: labelTo + 2 + m[2].length };
  }
  return null;
}

/// From inside a link's label to its address, selected: what Tab and a
/// second Ctrl+Shift+K do after inserting a link. Null anywhere else, so
/// Tab keeps its usual meaning.
export const toLinkAddress: Edit = (state) => {
  const { from, to } = state.selection.main;
  if (state.selection.ranges.length > 1) return null;
  const link = linkAround(state, from, to);
  return link ? { selection: EditorSelection.range(link.address, link.addressEnd) } : null;
};

/// Enter on an empty quote line (`>` and nothing else, as in a quote or a
/// callout) ends the quote: the line becomes the blank line after it and
/// the writer continues in a new paragraph, as Enter on an empty list item
/// ends a list. Null elsewhere, so Enter does what it always does.
export const endQuote: Edit = (state) => {
  const range = state.selection.main;
  if (state.selection.ranges.length > 1 || !range.empty) return null;
  const line = state.doc.lineAt(range.head);
  if (!/^\s*>[\s>]*$/.test(line.text)) return null;
  const afterBlank = line.to < state.doc.length && state.doc.lineAt(line.to + 1).text.trim() === "";
  // A blank line already follows: step onto it rather than adding another.
  const insert = afterBlank ? "" : state.lineBreak;
  return {
    changes: { from: line.from, to: line.to, insert },
    selection: EditorSelection.cursor(line.from + 1),
  };
};

const HEADING = /^(#{1,6})\s+/;
const BULLET = /^(\s*)[-*+]\s+(\[[ xX]\]\s+)?/;
const ORDERED = /^(\s*)\d+[.)]\s+/;
const QUOTE = /^>\s?/;

/// Makes the selected lines headings of `level`, or plain paragraphs when
/// they already are.
export function setHeading(level: number): Edit {
  return (state) => {
    const prefix = "#".repeat(level) + " ";
    return changeLines(state, (line) => {
      const current = HEADING.exec(line);
      const rest = current ? line.slice(current[0].length) : line;
      if (current && current[1].length === level) return rest;
      return prefix + rest;
    });
  };
}

/// Turns the selected lines into a bulleted or numbered list, or back into
/// paragraphs when they all are one already.
export function toggleList(kind: "bullet" | "ordered"): Edit {
  return (state) => {
    const own = kind === "bullet" ? BULLET : ORDERED;
    const lines = selectedLines(state).filter((l) => l.text.trim() !== "");
    const allListed = lines.length > 0 && lines.every((l) => own.test(l.text));
    // Only empty lines: start a list there, to type its first item.
    const start = lines.length === 0;
    let n = 0;
    return changeLines(state, (line) => {
      if (line.trim() === "" && !start) return line;
      const bare = line.replace(BULLET, "$1").replace(ORDERED, "$1");
      if (allListed) return bare;
      n += 1;
      const indent = /^\s*/.exec(bare)![0];
      return `${indent}${kind === "bullet" ? "-" : `${n}.`} ${bare.slice(indent.length)}`;
    });
  };
}

export const toggleQuote: Edit = (state) => {
  const lines = selectedLines(state);
  const blank = lines.every((l) => l.text.trim() === "");
  // An empty line starts a quote; lines with text toggle as a whole.
  const allQuoted = !blank && lines.every((l) => QUOTE.test(l.text) || l.text.trim() === "");
  return changeLines(state, (line) => (allQuoted ? line.replace(QUOTE, "") : `> ${line}`));
};

const CALLOUT = /^>\s?\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\]\s*$/i;

/// A callout (`> [!TIP]`, shown as "Pro Tip"): on an empty line it starts
/// one with the cursor on its first line of text; lines with text become
/// its body; inside a callout (its marker line selected or just above the
/// selection) it turns back into plain paragraphs.
export const toggleCallout: Edit = (state) => {
  const lines = selectedLines(state);
  if (lines.length === 0) return null;
  const first = lines[0];
  const above = first.number > 1 ? state.doc.line(first.number - 1) : null;
  const marker = CALLOUT.test(first.text) ? first : above && CALLOUT.test(above.text) ? above : null;
  if (marker) {
    // The marker line goes; the callout's lines lose their `>`.
    const last = lines[lines.length - 1];
    const body = [];
    for (let n = marker.number + 1; n <= last.number; n++) body.push(state.doc.line(n).text.replace(QUOTE, ""));
    const from = marker.from;
    const insert = body.join(state.lineBreak);
    return {
      changes: { from, to: last.to, insert },
      selection: EditorSelection.cursor(from + insert.length),
    };
  }
  if (lines.every((l) => l.text.trim() === "")) {
    const insert = `> [!TIP]${state.lineBreak}> `;
    return {
      changes: { from: first.from, to: lines[lines.length - 1].to, insert },
      selection: EditorSelection.cursor(first.from + insert.length),
    };
  }
  const last = lines[lines.length - 1];
  const body = lines.map((l) => (l.text.trim() === "" ? ">" : `> ${l.text}`)).join(state.lineBreak);
  const insert = `> [!TIP]${state.lineBreak}${body}`;
  return {
    changes: { from: first.from, to: last.to, insert },
    selection: EditorSelection.cursor(first.from + insert.length),
  };
};

function selectedLines(state: EditorState) {
  const seen = new Set<number>();
  const lines = [];
  for (const range of state.selection.ranges) {
    const last = state.doc.lineAt(range.to).number;
    for (let n = state.doc.lineAt(range.from).number; n <= last; n++) {
      if (!seen.has(n)) {
        seen.add(n);
        lines.push(state.doc.line(n));
      }
    }
  }
  return lines;
}

/// Rewrites every selected line with `rewrite`, in one undoable change. A
/// cursor where a marker is added ends up after it (on an empty line, the
/// writer goes on typing the heading, item or quote).
function changeLines(state: EditorState, rewrite: (line: string) => string): TransactionSpec | null {
  const changes: ChangeSpec[] = [];
  for (const line of selectedLines(state)) {
    const next = rewrite(line.text);
    if (next === line.text) continue;
    // Only the changed start of the line is replaced, so a cursor in the
    // text after it stays where it was.
    let keep = 0;
    while (keep < next.length && keep < line.text.length && next.at(-1 - keep) === line.text.at(-1 - keep)) keep++;
    changes.push({ from: line.from, to: line.to - keep, insert: next.slice(0, next.length - keep) });
  }
  if (changes.length === 0) return null;
  const set = state.changes(changes);
  return { changes: set, selection: state.selection.map(set, 1) };
}

/// The headings of a Markdown document, for the outline. Fenced code is
/// skipped so a `# comment` in a code block is not a heading.
export type OutlineItem = { level: number; text: string; line: number };

export function outline(doc: string): OutlineItem[] {
  const items: OutlineItem[] = [];
  let fence: string | null = null;
  doc.split("\n").forEach((text, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(text);
    if (f) {
      if (fence === null) fence = f[1][0];
      else if (f[1][0] === fence) fence = null;
      return;
    }
    if (fence !== null) return;
    const h = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(text);
    if (h && h[2] !== "") items.push({ level: h[1].length, text: h[2], line: i + 1 });
  });
  return items;
}

/// Where images go: each as a paragraph of its own at `pos`, with blank
/// lines added only where the text around needs them.
export function imageInsertion(
  doc: string,
  pos: number,
  images: readonly string[],
): { from: number; to: number; insert: string } {
  const before = doc.slice(0, pos);
  const after = doc.slice(pos);
  const lead = before === "" || before.endsWith("\n\n") ? "" : before.endsWith("\n") ? "\n" : "\n\n";
  const trail = after === "" ? "\n" : after.startsWith("\n\n") ? "" : after.startsWith("\n") ? "\n" : "\n\n";
  return { from: pos, to: pos, insert: lead + images.join("\n\n") + trail };
}
