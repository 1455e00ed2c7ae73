// Copying HTML so it pastes as formatted text in a CMS or a word processor,
// and as plain text anywhere else.

/// Puts `html` on the clipboard as text/html with `plain` as text/plain.
/// The contents may still be on their way (an IPC call): the async
/// clipboard takes promises, so the click's permission to write is not
/// lost while they arrive. Where that API is missing or refuses, a copy
/// event carries both types instead.
export async function copyHtml(html: Promise<string>, plain: Promise<string>): Promise<void> {
  // Rejections are reported once, by the awaits below, not as unhandled.
  html.catch(() => undefined);
  plain.catch(() => undefined);
  if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([
        new ClipboardItem({
          "text/html": html.then((h) => new Blob([h], { type: "text/html" })),
          "text/plain": plain.then((p) => new Blob([p], { type: "text/plain" })),
        }),
      ]);
      return;
    } catch {
      // Fall through: a failed export shows its own error just below.
    }
  }
  const [h, p] = await Promise.all([html, plain]);
  if (!copyWithEvent(h, p)) throw new Error("The clipboard refused the copy. Try again, or export to a file.");
}

function copyWithEvent(html: string, plain: string, withHtml = true): boolean {
  let written = false;
  const oncopy = (event: ClipboardEvent) => {
    if (!event.clipboardData) return;
    if (withHtml) event.clipboardData.setData("text/html", html);
    event.clipboardData.setData("text/plain", plain);
    event.preventDefault();
    written = true;
  };
  document.addEventListener("copy", oncopy, { once: true });
  try {
    return document.execCommand("copy") && written;
  } finally {
    document.removeEventListener("copy", oncopy);
  }
}

/// Puts plain `text` on the clipboard (the article's link).
export async function copyText(text: string): Promise<void> {
  // The same way as HTML: WebKitGTK takes a ClipboardItem where it refuses
  // `writeText`.
  if (typeof ClipboardItem !== "undefined" && navigator.clipboard?.write) {
    try {
      await navigator.clipboard.write([new ClipboardItem({ "text/plain": new Blob([text], { type: "text/plain" }) })]);
      return;
    } catch {
      // Fall through to the copy event.
    }
  }
  if (!copyWithEvent(text, text, false)) throw new Error("The clipboard refused the copy. Try again.");
}
