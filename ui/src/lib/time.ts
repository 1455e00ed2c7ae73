// "edited 5 min ago": how the library list says when an article changed.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

// A formatter is costly to make (toLocaleString makes one per call, and the
// list formats two dates per row): each is made once per locale and kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string | undefined, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale ?? ""} ${JSON.stringify(options)}`;
  let made = formatters.get(key);
  if (!made) formatters.set(key, (made = new Intl.DateTimeFormat(locale, options)));
  return made;
}

export function relativeTime(then: Date, now: Date, locale?: string): string {
  const ago = now.getTime() - then.getTime();
  if (ago < MINUTE) return "just now";
  if (ago < HOUR) return `${Math.floor(ago / MINUTE)} min ago`;
  if (ago < DAY && then.getDate() === now.getDate()) return `${Math.floor(ago / HOUR)} h ago`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (sameDay(then, yesterday)) return "yesterday";
  const sameYear = then.getFullYear() === now.getFullYear();
  return formatter(locale, sameYear ? { day: "numeric", month: "short" } : { day: "numeric", month: "short", year: "numeric" }).format(then);
}

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/// The exact time, for a tooltip beside a relative one.
export function absoluteTime(then: Date, locale?: string): string {
  return formatter(locale, { dateStyle: "medium", timeStyle: "short" }).format(then);
}

/// A publish date as the exported page writes it ("30 November 2026"): the
/// day in UTC, as the backend formats it.
export function pageDate(iso: string): string {
  return new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
}
