// The Markdown editor: CodeMirror 6 configured for prose. Colours come from
// CSS variables, so the light and dark themes are designed in app.css, not
// inverted here.
import { Compartment, EditorState, Prec, RangeSetBuilder, type Extension } from "@codemirror/state";
import {
  Decoration,
  EditorView,
  ViewPlugin,
  keymap,
  placeholder,
  drawSelection,
  highlightActiveLine,
  type DecorationSet,
  type ViewUpdate,
} from "@codemirror/view";
import {
  asCommand,
  endQuote,
  imageInsertion,
  insertLink,
  setHeading,
  toggleInline,
  toggleList,
  toggleQuote,
  toggleCallout,
  toLinkAddress,
  type Edit,
} from "./formatting";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { deleteMarkupBackward, insertNewlineContinueMarkup, markdownLanguage, pasteURLAsLink } from "@codemirror/lang-markdown";
import { HighlightStyle, LanguageSupport, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { tags as t } from "@lezer/highlight";
import type { TextChange } from "./bindings";
import { changesOf } from "./typing";

// Markdown as `markdown()` gives it, less the HTML grammar it nests for raw
// HTML (and, through that, the CSS and JavaScript grammars): their parse
// tables are a sixth of the window's script and are decoded as it starts
// (about 40 ms of a cold start, measured), for tag colours proseHighlight
// never set. Lists and quotes still continue on Enter.
const markdownSupport = new LanguageSupport(markdownLanguage, [
  Prec.high(
    keymap.of([
      { key: "Enter", run: insertNewlineContinueMarkup },
      { key: "Backspace", run: deleteMarkupBackward },
    ]),
  ),
  pasteURLAsLink,
]);

const proseHighlight = HighlightStyle.define([
  { tag: t.heading1, fontWeight: "700", fontSize: "1.3em", color: "var(--ink-strong)" },
  { tag: t.heading2, fontWeight: "700", fontSize: "1.15em", color: "var(--ink-strong)" },
  { tag: [t.heading3, t.heading4, t.heading5, t.heading6], fontWeight: "700", color: "var(--ink-strong)" },
  { tag: t.strong, fontWeight: "700" },
  { tag: t.emphasis, fontStyle: "italic" },
  { tag: t.strikethrough, textDecoration: "line-through" },
  { tag: [t.link, t.url], color: "var(--accent)" },
  { tag: t.monospace, color: "var(--code-ink)" },
  { tag: t.quote, color: "var(--ink-muted)", fontStyle: "italic" },
  { tag: [t.processingInstruction, t.meta, t.contentSeparator], color: "var(--ink-faint)" },
  { tag: t.list, color: "var(--ink-muted)" },
]);

const chrome = EditorView.theme({
  "&": { height: "100%", backgroundColor: "var(--editor-bg)", color: "var(--ink)" },
  "&.cm-focused": { outline: "none" },
  ".cm-scroller": {
    fontFamily: "var(--editor-font)",
    fontSize: "15px",
    lineHeight: "1.7",
    padding: "24px 0 40vh",
  },
  ".cm-content": { maxWidth: "72ch", margin: "0 auto", padding: "0 32px", caretColor: "var(--accent)" },
  ".cm-activeLine": { backgroundColor: "transparent" },
  ".cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection": {
    backgroundColor: "var(--selection) !important",
  },
  ".cm-cursor": { borderLeftColor: "var(--accent)", borderLeftWidth: "2px" },
  ".cm-placeholder": { color: "var(--ink-faint)" },
  ".cm-panels": { backgroundColor: "var(--panel-bg)", color: "var(--ink)" },
  ".cm-searchMatch": { backgroundColor: "var(--search-match)" },
  ".cm-searchMatch-selected": { outline: "1px solid var(--accent)" },
  // The find panel (Ctrl+F), in the app's own fields and buttons rather than
  // CodeMirror's unstyled defaults, in both themes.
  ".cm-panels.cm-panels-bottom": { borderTop: "1px solid var(--rule)" },
  ".cm-panel.cm-search": {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: "6px 8px",
    position: "relative",
    padding: "10px 40px 10px 16px",
    fontFamily: "var(--ui-font)",
    fontSize: "12.5px",
  },
  ".cm-panel.cm-search br": { flexBasis: "100%", content: '""' },
  ".cm-panel.cm-search .cm-textfield": {
    font: "inherit",
    fontSize: "13px",
    minWidth: "180px",
    padding: "5px 8px",
    margin: "0",
    border: "1px solid var(--rule-strong)",
    borderRadius: "6px",
    backgroundColor: "var(--editor-bg)",
    color: "var(--ink)",
  },
  ".cm-panel.cm-search .cm-textfield:focus": {
    outline: "2px solid var(--accent)",
    outlineOffset: "-1px",
  },
  ".cm-panel.cm-search .cm-button": {
    font: "inherit",
    fontSize: "12px",
    padding: "4px 10px",
    margin: "0",
    border: "1px solid var(--rule-strong)",
    borderRadius: "6px",
    backgroundImage: "none",
    backgroundColor: "var(--button-bg)",
    color: "var(--ink)",
    cursor: "pointer",
    textTransform: "none",
  },
  ".cm-panel.cm-search .cm-button:hover": { backgroundColor: "var(--button-hover)" },
  ".cm-panel.cm-search label": {
    display: "inline-flex",
    alignItems: "center",
    gap: "4px",
    color: "var(--ink-muted)",
    fontSize: "12px",
    margin: "0",
  },
  ".cm-panel.cm-search input[type=checkbox]": { accentColor: "var(--accent)", margin: "0" },
  ".cm-panel.cm-search button[name=close]": {
    position: "absolute",
    top: "8px",
    right: "10px",
    width: "24px",
    height: "24px",
    padding: "0",
    border: "0",
    borderRadius: "6px",
    background: "transparent",
    color: "var(--ink-muted)",
    fontSize: "18px",
    lineHeight: "1",
    cursor: "pointer",
  },
  ".cm-panel.cm-search button[name=close]:hover": { backgroundColor: "var(--button-hover)", color: "var(--ink)" },
  "&.cm-focus-mode .cm-line": { opacity: "0.32", transition: "opacity 120ms" },
  "&.cm-focus-mode .cm-line.cm-focus-current": { opacity: "1" },
});

/// The writer's formatting shortcuts. Ctrl+K stays with the library search,
/// so a link is Ctrl+Shift+K.
const formattingKeymap = keymap.of([
  { key: "Mod-b", run: asCommand(toggleInline("**")) },
  { key: "Mod-i", run: asCommand(toggleInline("*")) },
  { key: "Mod-e", run: asCommand(toggleInline("`")) },
  { key: "Mod-Shift-k", run: asCommand(insertLink) },
  { key: "Mod-1", run: asCommand(setHeading(1)) },
  { key: "Mod-2", run: asCommand(setHeading(2)) },
  { key: "Mod-3", run: asCommand(setHeading(3)) },
  { key: "Mod-Shift-8", run: asCommand(toggleList("bullet")) },
  { key: "Mod-Shift-7", run: asCommand(toggleList("ordered")) },
  { key: "Mod-Shift-9", run: asCommand(toggleQuote) },
  { key: "Mod-Shift-0", run: asCommand(toggleCallout) },
]);

/// Runs `edit` only where it applies; elsewhere the key keeps its usual
/// meaning (Enter continues Markdown, Tab indents).
function whereItApplies(edit: Edit): (view: EditorView) => boolean {
  return (view) => {
    const spec = edit(view.state);
    if (!spec) return false;
    view.dispatch(view.state.update(spec, { scrollIntoView: true, userEvent: "input" }));
    return true;
  };
}

/// Keys that leave a block or a link's label. Above Markdown's own Enter
/// (which continues a quote until two empty lines) and above Tab's indent.
const leavingKeymap = Prec.highest(
  keymap.of([
    { key: "Enter", run: whereItApplies(endQuote) },
    { key: "Tab", run: whereItApplies(toLinkAddress) },
  ]),
);

/// Focus mode: every line but the paragraph with the cursor is dimmed.
const focusParagraph = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = currentParagraph(view);
    }
    update(update: ViewUpdate) {
      if (update.docChanged || update.selectionSet || update.viewportChanged) {
        this.decorations = currentParagraph(update.view);
      }
    }
  },
  { decorations: (plugin) => plugin.decorations },
);

function currentParagraph(view: EditorView): DecorationSet {
  const { doc } = view.state;
  const here = doc.lineAt(view.state.selection.main.head).number;
  let first = here;
  let last = here;
  while (first > 1 && doc.line(first - 1).text.trim() !== "") first--;
  while (last < doc.lines && doc.line(last + 1).text.trim() !== "") last++;
  const builder = new RangeSetBuilder<Decoration>();
  const mark = Decoration.line({ class: "cm-focus-current" });
  for (let n = first; n <= last; n++) builder.add(doc.line(n).from, doc.line(n).from, mark);
  return builder.finish();
}

const focusMode: Extension = [focusParagraph, EditorView.editorAttributes.of({ class: "cm-focus-mode" })];

/// Typewriter scrolling: the line being written stays in the middle.
const typewriter: Extension = EditorView.updateListener.of((update) => {
  if ((update.docChanged || update.selectionSet) && update.view.hasFocus) {
    const head = update.state.selection.main.head;
    update.view.dispatch({ effects: EditorView.scrollIntoView(head, { y: "center" }) });
  }
});

/// Modes the writer switches on and off while the editor keeps its text
/// and undo history.
export class WritingModes {
  readonly focus = new Compartment();
  readonly typewriter = new Compartment();
  readonly spelling = new Compartment();

  extensions(): Extension[] {
    return [this.focus.of([]), this.typewriter.of([]), this.spelling.of(spellingAttributes(true, "en"))];
  }

  /// Spell checking as the site settings say: the attribute every web
  /// engine honours, and the language (a BCP 47 tag) the text is in.
  setSpelling(view: EditorView, spelling: { on: boolean; lang: string }) {
    view.dispatch({ effects: this.spelling.reconfigure(spellingAttributes(spelling.on, spelling.lang)) });
  }

  set(view: EditorView, modes: { focus: boolean; typewriter: boolean }) {
    view.dispatch({
      effects: [
        this.focus.reconfigure(modes.focus ? focusMode : []),
        this.typewriter.reconfigure(modes.typewriter ? typewriter : []),
      ],
    });
  }
}

function spellingAttributes(on: boolean, lang: string): Extension {
  return EditorView.contentAttributes.of({ spellcheck: on ? "true" : "false", autocorrect: on ? "on" : "off", lang });
}

/// Pasting rich text: the clipboard's HTML goes to `toMarkdown` (the
/// backend's converter) and the Markdown is inserted instead. Plain text,
/// and HTML that is only a wrapper around plain text, paste as they are.
function richPaste(toMarkdown: (html: string) => Promise<string>): Extension {
  return EditorView.domEventHandlers({
    paste(event, view) {
      const html = event.clipboardData?.getData("text/html") ?? "";
      if (!/<(h[1-6]|p|ul|ol|li|blockquote|table|strong|b|em|i|a|pre|code)[\s>]/i.test(html)) return false;
      event.preventDefault();
      const plain = event.clipboardData?.getData("text/plain") ?? "";
      const at = view.state.selection.main;
      toMarkdown(html)
        .catch(() => plain)
        .then((markdown) => {
          view.dispatch({
            changes: { from: at.from, to: at.to, insert: markdown },
            selection: { anchor: at.from + markdown.length },
            scrollIntoView: true,
            userEvent: "input.paste",
          });
        });
      return true;
    },
  });
}

/// Stores an image in the library and returns the Markdown that shows it.
export type StoreImage = (file: File) => Promise<string>;

/// Images dropped on the editor or pasted into it: each goes into the
/// library's asset store, and its Markdown lands where it was dropped (or
/// at the cursor), as a paragraph of its own. Runs before rich paste: a
/// picture copied from a web page arrives as the file and as `<img>` HTML,
/// and the writer means the picture.
function imageInput(store: StoreImage, onError: (error: unknown) => void): Extension {
  const images = (data: DataTransfer | null) =>
    [...(data?.files ?? [])].filter((f) => f.type.startsWith("image/") || f.type === "");
  async function insert(view: EditorView, files: File[], pos: number) {
    const done: string[] = [];
    for (const file of files) {
      try {
        done.push(await store(file));
      } catch (error) {
        onError(error);
      }
    }
    if (done.length === 0) return;
    const at = Math.min(pos, view.state.doc.length);
    const change = imageInsertion(view.state.doc.toString(), at, done);
    view.dispatch({
      changes: change,
      selection: { anchor: change.from + change.insert.length },
      scrollIntoView: true,
      userEvent: "input.paste",
    });
  }
  return EditorView.domEventHandlers({
    paste(event, view) {
      const files = images(event.clipboardData);
      if (files.length === 0) return false;
      event.preventDefault();
      const { from, to } = view.state.selection.main;
      if (to > from) view.dispatch({ changes: { from, to }, userEvent: "delete" });
      void insert(view, files, from);
      return true;
    },
    drop(event, view) {
      const files = images(event.dataTransfer);
      if (files.length === 0) return false;
      event.preventDefault();
      const pos = view.posAtCoords({ x: event.clientX, y: event.clientY }) ?? view.state.selection.main.head;
      void insert(view, files, pos);
      return true;
    },
  });
}

export function editorExtensions(
  onChange: (doc: string, changes: TextChange[]) => void,
  onSelection: (selected: string) => void,
  modes: WritingModes,
  toMarkdown: (html: string) => Promise<string>,
  storeImage: StoreImage,
  onError: (error: unknown) => void,
): Extension[] {
  return [
    imageInput(storeImage, onError),
    richPaste(toMarkdown),
    formattingKeymap,
    leavingKeymap,
    ...modes.extensions(),
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    markdownSupport,
    syntaxHighlighting(proseHighlight),
    placeholder("Start writing. Markdown works: ## for a heading, **bold**, [a link](https://…)"),
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    chrome,
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString(), changesOf(update.changes));
      if (update.selectionSet || update.docChanged) {
        const { state } = update;
        onSelection(state.selection.ranges.map((r) => state.sliceDoc(r.from, r.to)).join("\n"));
      }
    }),
  ];
}

export function newEditorState(doc: string, extensions: Extension[]): EditorState {
  return EditorState.create({ doc, extensions });
}
