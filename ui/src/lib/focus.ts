// Focus follows intent: a panel or popover that opens takes the keyboard,
// Tab and Shift+Tab go round inside it (never on into the editor, where Tab
// would indent the article), and Escape closes it and gives the keyboard
// back to where the writer was in the text. One action for every panel, so
// they all behave alike.

import { EditorView } from "@codemirror/view";

/// Gives the keyboard back to `el`. The editor takes it through CodeMirror,
/// which puts back its own selection: a bare `focus()` on its content lets
/// the browser put the caret at the start of the article, so the writer's
/// next key would land there.
export function giveKeyboardBack(el: HTMLElement) {
  const editor = el.closest<HTMLElement>(".cm-editor");
  const view = editor ? EditorView.findFromDOM(editor) : null;
  if (view) view.focus();
  else el.focus();
}

/// Gives the keyboard to a control as it appears (a confirmation's safe
/// answer, a field just opened). Svelte's `autofocus` only acts when nothing
/// has the keyboard, so a confirmation opened from a field (Escape in it)
/// left the keyboard there, and Enter submitted the field instead.
export function takeKeyboard(node: HTMLElement) {
  node.focus();
}

export interface ScopeOptions {
  /// Escape inside the scope (unless something inside handled it first).
  onescape?: () => void;
  /// Where the keyboard goes back to when the scope closes, if the writer
  /// was not in the text when it opened (they clicked its button).
  fallback?: () => void;
  /// Take the keyboard on opening (false for a scope that places it itself).
  takeFocus?: boolean;
}

const FOCUSABLE =
  "button:not([disabled]), input:not([disabled]):not([type=hidden]), textarea:not([disabled]), select:not([disabled]), a[href], [tabindex]:not([tabindex='-1'])";

/// The controls Tab visits in `root`, in order, leaving out hidden ones and
/// all but the checked radio of a group (as the browser's own Tab does).
export function focusables(root: HTMLElement): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => {
    if (el.getClientRects().length === 0) return false;
    if (el instanceof HTMLInputElement && el.type === "radio" && !el.checked) {
      const group = root.querySelectorAll<HTMLInputElement>(`input[type=radio][name="${el.name}"]`);
      return ![...group].some((r) => r.checked);
    }
    return true;
  });
}

/// Where Tab (step 1) or Shift+Tab (step -1) goes from `at` among `count`
/// controls: round, so it never leaves the scope.
export function nextIndex(at: number, count: number, step: 1 | -1): number {
  if (count === 0) return -1;
  if (at < 0) return step === 1 ? 0 : count - 1;
  return (at + step + count) % count;
}

/// The first control to take the keyboard: one marked `data-initial-focus`
/// (a panel's list, its main field), else the first that is not a close ×.
export function initialControl(root: HTMLElement): HTMLElement | undefined {
  const marked = root.querySelector<HTMLElement>("[data-initial-focus]");
  if (marked && marked.getClientRects().length > 0) return marked;
  const all = focusables(root);
  return all.find((el) => !el.matches(".panel-close")) ?? all[0];
}

/// In the writing itself: the editor's text or the title.
function inText(el: Element | null): el is HTMLElement {
  return el instanceof HTMLElement && el.closest(".cm-content, [data-testid=title-input]") !== null;
}

/// Tab, and Shift+Tab, which WebKitGTK may report under GTK's own name for
/// it (ISO_Left_Tab) rather than "Tab".
function isTab(event: KeyboardEvent): boolean {
  return event.key === "Tab" || event.key === "ISO_Left_Tab" || event.code === "Tab" || event.keyCode === 9;
}

/// Open scopes, the newest last: when the control with the keyboard went
/// away (a form that closes on submit), the keyboard is on the page itself,
/// and Tab and Escape go to the newest scope.
const open: HTMLElement[] = [];

export function focusScope(node: HTMLElement, options: ScopeOptions = {}) {
  let opts = options;
  open.push(node);
  const before = document.activeElement;
  const writerWasIn = inText(before) ? before : null;

  if (opts.takeFocus !== false) {
    // After the panel's own content has rendered (its list may load).
    requestAnimationFrame(() => {
      if (!node.contains(document.activeElement)) (initialControl(node) ?? node).focus();
    });
  }

  // On the window, so it runs after the handlers inside the scope (Svelte
  // delegates those to the root): an Escape that reverts a field or closes
  // a confirmation inside the panel is theirs, and leaves the panel open.
  function onkeydown(event: KeyboardEvent) {
    if (event.defaultPrevented) return;
    const lost = event.target === document.body && open.at(-1) === node;
    if (!lost && !node.contains(event.target as Node)) return;
    if (isTab(event) && !event.ctrlKey && !event.altKey && !event.metaKey) {
      const all = focusables(node);
      const at = all.indexOf(document.activeElement as HTMLElement);
      const next = all[nextIndex(at, all.length, event.shiftKey ? -1 : 1)];
      event.preventDefault();
      next?.focus();
    } else if (event.key === "Escape" && opts.onescape) {
      event.preventDefault();
      opts.onescape();
    }
  }
  window.addEventListener("keydown", onkeydown);

  // Some Shift+Tab presses reach the page unnamed ("Unidentified", as
  // WebKitGTK reports GTK's ISO_Left_Tab when synthesised); the browser
  // still moves the keyboard. If a key pressed inside moved it out, bring
  // it round to the other end, as Tab and Shift+Tab do above.
  let lastKey: { key: string; shift: boolean; at: number } | null = null;
  function notekey(event: KeyboardEvent) {
    const plain = !event.ctrlKey && !event.metaKey && !event.altKey;
    lastKey =
      plain && node.contains(event.target as Node) ? { key: event.key, shift: event.shiftKey, at: performance.now() } : null;
  }
  function onfocusout(event: FocusEvent) {
    const to = event.relatedTarget as Node | null;
    if (!to || node.contains(to) || !lastKey || performance.now() - lastKey.at > 250) return;
    if (lastKey.key !== "Unidentified" && lastKey.key !== "Tab") return;
    const all = focusables(node);
    (lastKey.shift ? all[all.length - 1] : all[0])?.focus();
  }
  window.addEventListener("keydown", notekey, true);
  node.addEventListener("focusout", onfocusout);


  return {
    update(next: ScopeOptions) {
      opts = next;
    },
    destroy() {
      window.removeEventListener("keydown", onkeydown);
      window.removeEventListener("keydown", notekey, true);
      node.removeEventListener("focusout", onfocusout);
      open.splice(open.indexOf(node), 1);
      // Closed while it had the keyboard (Escape, its ×, its shortcut): give
      // it back. If the writer has moved on elsewhere, leave them there.
      const active = document.activeElement;
      if (active && active !== document.body && !node.contains(active)) return;
      if (writerWasIn?.isConnected) giveKeyboardBack(writerWasIn);
      else opts.fallback?.();
    },
  };
}
