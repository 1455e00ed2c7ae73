// The library sidebar's width and whether it shows: a preference of this
// computer (like the theme), so it lives in localStorage.

export const SIDEBAR_DEFAULT = 260;
export const SIDEBAR_MIN = 200;
export const SIDEBAR_MAX = 560;
const WIDTH_KEY = "byline.sidebar.width";
const HIDDEN_KEY = "byline.sidebar.hidden";

/// A width the sidebar can take: whole pixels between the narrowest that
/// still fits its buttons and the widest that leaves room to write.
export function clampWidth(width: number): number {
  if (!Number.isFinite(width)) return SIDEBAR_DEFAULT;
  return Math.round(Math.min(SIDEBAR_MAX, Math.max(SIDEBAR_MIN, width)));
}

export function parseWidth(stored: string | null): number {
  const n = stored === null ? NaN : Number(stored);
  return Number.isFinite(n) ? clampWidth(n) : SIDEBAR_DEFAULT;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string) {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Private storage unavailable: the choice lasts for this session.
  }
}

export const loadWidth = () => parseWidth(read(WIDTH_KEY));
export const loadHidden = () => read(HIDDEN_KEY) === "true";
export const saveWidth = (width: number) => write(WIDTH_KEY, String(width));
export const saveHidden = (hidden: boolean) => write(HIDDEN_KEY, String(hidden));
