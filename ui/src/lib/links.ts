// Links in the window never navigate it. The shell refuses any navigation
// away from the app (navigation.rs); this is the page's half: a click on a
// web or mail link opens it in the writer's browser, an in-page link
// (`#fn-1`, a heading anchor) scrolls to its target, and anything else does
// nothing. One listener for the whole window, so HTML shown anywhere (the
// preview, a FAQ answer, the boilerplate in Settings) behaves the same.

import { commands } from "./bindings";

/// What a click on a link with this `href` does.
export type LinkAction = { kind: "scroll"; id: string } | { kind: "open"; url: string } | { kind: "none" };

export function linkAction(href: string | null): LinkAction {
  const h = (href ?? "").trim();
  if (h.startsWith("#")) {
    let id = h.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // A malformed escape: look for the id as written.
    }
    return id ? { kind: "scroll", id } : { kind: "none" };
  }
  if (/^(https?:\/\/|mailto:)/i.test(h)) return { kind: "open", url: h };
  return { kind: "none" };
}

/// Installs the window's one link handler; returns its removal.
export function guardLinks(root: Document = document, onerror: (e: unknown) => void = () => {}): () => void {
  const onclick = (event: MouseEvent) => {
    const link = (event.target as Element | null)?.closest?.("a[href]");
    if (!link) return;
    event.preventDefault();
    const action = linkAction(link.getAttribute("href"));
    if (action.kind === "scroll") {
      // Ids are looked up beside the link (the preview's article, a FAQ
      // answer), so a writer's id never reaches the app's own elements.
      const scope = link.closest("[data-link-scope]") ?? root;
      scope.querySelector(`[id="${CSS.escape(action.id)}"]`)?.scrollIntoView({ block: "start", behavior: "smooth" });
    } else if (action.kind === "open" && event.button === 0) {
      commands.openLink(action.url).catch(onerror);
    }
  };
  // Middle clicks arrive as `auxclick`: they must not open a new view either.
  const onaux = (event: MouseEvent) => {
    if ((event.target as Element | null)?.closest?.("a[href]")) event.preventDefault();
  };
  root.addEventListener("click", onclick, true);
  root.addEventListener("auxclick", onaux, true);
  return () => {
    root.removeEventListener("click", onclick, true);
    root.removeEventListener("auxclick", onaux, true);
  };
}
