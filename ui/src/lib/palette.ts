// The command palette's search: a fuzzy match of what the writer typed
// against each entry's name, and the order entries are offered in.

/// How well `query` matches `text`, or null if it does not: every character
/// of the query must appear in the text, in order (any case, accents
/// optional). Higher is better: runs of consecutive characters, starts of
/// words and an early first match all count, and a shorter text wins a tie.
export function fuzzyScore(query: string, text: string): number | null {
  const q = fold(query).replace(/\s+/g, "");
  if (q.length === 0) return 0;
  const t = fold(text);
  // The best of the alignments starting at each place the first character
  // occurs, so "his" finds "History" whole rather than h…i… in "hide".
  let best: number | null = null;
  for (let start = t.indexOf(q[0]); start !== -1; start = t.indexOf(q[0], start + 1)) {
    const score = alignFrom(q, t, start);
    if (score !== null && (best === null || score > best)) best = score;
  }
  if (best === null) return null;
  if (t.startsWith(q)) best += 10;
  return best - t.length * 0.01;
}

/// Scores one alignment: the first character at `start`, each next one at
/// its following occurrence, preferring one right after the previous match
/// or at a word start.
function alignFrom(q: string, t: string, start: number): number | null {
  let score = isWordStart(t, start) ? 8 : 0;
  score -= Math.min(start, 10) * 0.5;
  let previous = start;
  for (const ch of q.slice(1)) {
    let at = -1;
    for (let i = t.indexOf(ch, previous + 1); i !== -1; i = t.indexOf(ch, i + 1)) {
      if (at === -1) at = i;
      if (i === previous + 1 || isWordStart(t, i)) {
        at = i;
        break;
      }
    }
    if (at === -1) return null;
    if (at === previous + 1) score += 5;
    else score -= Math.min(at - previous - 1, 10) * 0.5;
    if (isWordStart(t, at)) score += 8;
    previous = at;
  }
  return score;
}

function isWordStart(text: string, i: number): boolean {
  return i === 0 || /[\s\-_/.(…]/.test(text[i - 1]);
}

/// Lower case and without accents, so "resume" finds "Résumé".
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

export interface Rankable {
  id: string;
  name: string;
}

/// The entries that match `query`, best first. With no query, the recently
/// run ones come first (most recent first), then the rest in their order;
/// with one, recent use breaks near-ties but never lifts a poor match over a
/// good one.
export function rank<T extends Rankable>(entries: readonly T[], query: string, recent: readonly string[] = []): T[] {
  const recency = (id: string) => {
    const at = recent.indexOf(id);
    return at === -1 ? 0 : recent.length - at;
  };
  if (query.trim() === "") {
    return entries
      .map((entry, index) => ({ entry, index, r: recency(entry.id) }))
      .sort((a, b) => b.r - a.r || a.index - b.index)
      .map((x) => x.entry);
  }
  return entries
    .map((entry, index) => ({ entry, index, score: fuzzyScore(query, entry.name) }))
    .filter((x): x is { entry: T; index: number; score: number } => x.score !== null)
    .map((x) => ({ ...x, score: x.score + Math.min(recency(x.entry.id), 5) }))
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((x) => x.entry);
}

/// The recent list after running `id`: it goes first, once, and the list
/// keeps at most `max`.
export function noteRecent(recent: readonly string[], id: string, max = 8): string[] {
  return [id, ...recent.filter((r) => r !== id)].slice(0, max);
}

const RECENT_KEY = "byline.palette.recent";

export function loadRecent(): string[] {
  try {
    const saved = JSON.parse(localStorage.getItem(RECENT_KEY) ?? "[]");
    return Array.isArray(saved) ? saved.filter((x): x is string => typeof x === "string") : [];
  } catch {
    return [];
  }
}

export function saveRecent(recent: readonly string[]) {
  try {
    localStorage.setItem(RECENT_KEY, JSON.stringify(recent));
  } catch {
    // Private storage may be unavailable; recency is only a convenience.
  }
}
