// The Markdown editor: CodeMirror 6 configured for prose. Colours come from
// CSS variables, so the light and dark themes are designed in app.css, not
// inverted here.
import { EditorState, type Extension } from "@codemirror/state";
import { EditorView, keymap, placeholder, drawSelection, highlightActiveLine } from "@codemirror/view";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { markdown, markdownLanguage } from "@codemirror/lang-markdown";
import { HighlightStyle, syntaxHighlighting } from "@codemirror/language";
import { highlightSelectionMatches, searchKeymap } from "@codemirror/search";
import { tags as t } from "@lezer/highlight";

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
});

export function editorExtensions(onChange: (doc: string) => void): Extension[] {
  return [
    history(),
    drawSelection(),
    highlightActiveLine(),
    highlightSelectionMatches(),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ spellcheck: "true", autocorrect: "on", lang: "en" }),
    markdown({ base: markdownLanguage }),
    syntaxHighlighting(proseHighlight),
    placeholder("Start writing. Markdown works: ## for a heading, **bold**, [a link](https://…)"),
    keymap.of([...defaultKeymap, ...historyKeymap, ...searchKeymap, indentWithTab]),
    chrome,
    EditorView.updateListener.of((update) => {
      if (update.docChanged) onChange(update.state.doc.toString());
    }),
  ];
}

export function newEditorState(doc: string, extensions: Extension[]): EditorState {
  return EditorState.create({ doc, extensions });
}
