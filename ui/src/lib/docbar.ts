// Which of the doc bar's actions fit on its one row, and which fold into
// its More menu. Measured, not guessed from breakpoints: the labels change
// (a FAQ tally, "Corrections (2)", the status) and so does the editor's
// width (the sidebar, the preview, a side panel).

/// The actions that may fold. The status pill and More never do.
export type BarAction = "link" | "corrections" | "outline" | "faq" | "checks" | "history" | "details" | "export";

/// Left to right on the bar, and top to bottom in the More menu.
export const BAR_ORDER: readonly BarAction[] = [
  "link",
  "corrections",
  "outline",
  "faq",
  "checks",
  "history",
  "details",
  "export",
];

/// Which actions keep their place first: Export (it leaves the app), the
/// corrections of a published article, Details, Outline, FAQ, the link and
/// last History. The actions fold in the reverse order, always the same one,
/// so a narrower window folds one more and never a different set.
export const KEEP_ORDER: readonly BarAction[] = [
  "export",
  "corrections",
  "details",
  "outline",
  "faq",
  "checks",
  "link",
  "history",
];

export interface BarSpace {
  /// The room left on the row beside the status pill and More, in pixels.
  room: number;
  /// The gap before each action.
  gap: number;
  /// Each present action's width on the bar ("link" as "Copy link").
  widths: Partial<Record<BarAction, number>>;
  /// The slug's whole width, shown instead of "Copy link" when it fits.
  slug: number;
  /// Actions whose panel or popover is open: they stay on the bar (where
  /// the writer just clicked to close them) before any other keeps its place.
  open: readonly BarAction[];
}

export interface BarFit {
  inline: ReadonlySet<BarAction>;
  /// In the More menu, in bar order.
  folded: readonly BarAction[];
  /// Whether the slug shows whole (else "Copy link", on the bar or in More).
  slugWhole: boolean;
}

export function fitBar(space: BarSpace): BarFit {
  const present = KEEP_ORDER.filter((a) => space.widths[a] !== undefined);
  const order = [...present.filter((a) => space.open.includes(a)), ...present.filter((a) => !space.open.includes(a))];
  const inline = new Set<BarAction>();
  let left = space.room;
  for (const action of order) {
    const cost = (space.widths[action] ?? 0) + space.gap;
    // The first that does not fit ends it: what folds is always a tail of
    // the order, never a gap in it.
    if (cost > left) break;
    inline.add(action);
    left -= cost;
  }
  const slugWhole = inline.has("link") && space.slug - (space.widths.link ?? 0) <= left;
  const folded = BAR_ORDER.filter((a) => space.widths[a] !== undefined && !inline.has(a));
  return { inline, folded, slugWhole };
}

/// The article's address, as "Copy link" copies it: its canonical URL, or
/// its page under the site's address (as exports write it), or else its
/// path alone.
export function articleLink(slug: string, canonical: string, base: string | undefined): string {
  const web = (url: string | undefined) => (url && /^https?:\/\/[^\s]+$/i.test(url.trim()) ? url.trim() : null);
  const own = web(canonical);
  if (own) return own;
  const site = web(base);
  if (site) return `${site.replace(/\/+$/, "")}/${slug}/`;
  return `/${slug}/`;
}
