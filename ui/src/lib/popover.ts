// Which way a popover under a doc-bar button drops. Leftwards from the
// button's right edge is the rule; a button near the writing pane's left
// edge (the bar wraps when a side panel narrows it) drops rightwards, so the
// popover never reaches over the library and its search box.
export function dropSide(button: DOMRect, pane: DOMRect | undefined, width: number): "left" | "right" {
  return pane && button.right - pane.left < width + 16 ? "left" : "right";
}
