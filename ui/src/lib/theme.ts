// The window's theme: the system's, or one the writer picked. Colours are
// light-dark() pairs in the stylesheets, so a theme is only a color-scheme
// on the root element. The choice is a preference of this computer, not of
// the library, so it lives in localStorage.

export type ThemeChoice = "system" | "light" | "dark";

const KEY = "byline.theme";
const ORDER: readonly ThemeChoice[] = ["system", "light", "dark"];

export const THEME_LABEL: Record<ThemeChoice, string> = {
  system: "System theme",
  light: "Light theme",
  dark: "Dark theme",
};

export function nextTheme(current: ThemeChoice): ThemeChoice {
  return ORDER[(ORDER.indexOf(current) + 1) % ORDER.length];
}

/// The CSS color-scheme for a choice; "light dark" lets the system decide.
export function colorScheme(choice: ThemeChoice): string {
  return choice === "system" ? "light dark" : choice;
}

export function parseTheme(stored: string | null): ThemeChoice {
  return ORDER.includes(stored as ThemeChoice) ? (stored as ThemeChoice) : "system";
}

export function loadTheme(): ThemeChoice {
  try {
    return parseTheme(localStorage.getItem(KEY));
  } catch {
    return "system";
  }
}

export function applyTheme(choice: ThemeChoice) {
  document.documentElement.style.colorScheme = colorScheme(choice);
  try {
    localStorage.setItem(KEY, choice);
  } catch {
    // Private storage unavailable: the choice lasts for this session.
  }
}
