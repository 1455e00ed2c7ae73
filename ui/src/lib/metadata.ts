// How the Details panel and the library talk about metadata: status names
// (generated), and the length guidance shown beside the title and the meta description.
// The status names and labels are generated from the core's `Status`.
export { STATUSES, STATUS_LABEL } from "./bindings";

/// Search engines cut a title at about 60 characters.
export const TITLE_TARGET = 60;
/// The usual range of a meta description that search engines show whole.
export const DESCRIPTION_RANGE = { min: 50, max: 160 } as const;

export type LengthVerdict = { tone: "ok" | "warn" | "none"; text: string };

/// Counts characters as a writer sees them (an emoji is one), not UTF-16 units.
export function charCount(text: string): number {
  return [...text].length;
}

export function titleLength(title: string): LengthVerdict {
  const n = charCount(title.trim());
  if (n === 0) return { tone: "none", text: `0 / ${TITLE_TARGET}` };
  if (n <= TITLE_TARGET) return { tone: "ok", text: `${n} / ${TITLE_TARGET}` };
  return { tone: "warn", text: `${n} / ${TITLE_TARGET} · search results will cut it` };
}

export function descriptionLength(description: string): LengthVerdict {
  const n = charCount(description.trim());
  const { min, max } = DESCRIPTION_RANGE;
  if (n === 0) return { tone: "none", text: `Aim for ${min}–${max} characters` };
  if (n < min) return { tone: "warn", text: `${n} characters · short; aim for ${min}–${max}` };
  if (n > max) return { tone: "warn", text: `${n} characters · long; search shows about ${max}` };
  return { tone: "ok", text: `${n} characters · within ${min}–${max}` };
}

/// A comma-separated field's text, as the panel shows a list.
export function listText(items: readonly string[]): string {
  return items.join(", ");
}

/// The value of a `datetime-local` input for a stored UTC time, in local time.
export function toLocalInput(iso: string | null): string {
  if (!iso) return "";
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/// A `datetime-local` value (local time) as RFC 3339, which the core stores.
export function fromLocalInput(value: string): string {
  if (!value) return "";
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString();
}
