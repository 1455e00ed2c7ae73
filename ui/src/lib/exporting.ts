// The export popover's and the settings panel's pure parts: format names,
// the sentences that report an export or an import, which settings field a
// refusal is about, and the format the writer chose last time.
import type {
  FileReport,
  Format,
  ImportOutcome,
  ImportProgress,
  ImportReport,
  SiteExport,
  SiteSettings,
  WrittenExport,
} from "./bindings";

export const FORMATS: readonly { format: Format; label: string; hint: string }[] = [
  { format: "html", label: "Web page (HTML)", hint: "A standalone page with the site's CSS, social cards and structured data" },
  { format: "fragment", label: "HTML fragment (for a CMS)", hint: "The article's body only, to paste into a CMS" },
  { format: "md-yaml", label: "Markdown + YAML (Hugo, Jekyll, Astro)", hint: "Front matter in YAML; FAQ items kept in it" },
  { format: "md-toml", label: "Markdown + TOML (Zola)", hint: "Front matter in TOML; FAQ items kept in it" },
  { format: "json", label: "JSON", hint: "Every field, the FAQ items and the rendered HTML" },
  { format: "text", label: "Plain text", hint: "The words alone, for email or a word count" },
];

const FORMAT_KEY = "byline.exportFormat";

/// The format chosen last time (a writer exports to one site, mostly).
export function loadFormat(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): Format {
  const saved = storage?.getItem(FORMAT_KEY);
  return FORMATS.find((f) => f.format === saved)?.format ?? "html";
}

export function saveFormat(format: Format, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage) {
  try {
    storage?.setItem(FORMAT_KEY, format);
  } catch {
    // A full or disabled storage only costs the remembered choice.
  }
}

export function plural(n: number, one: string, many: string): string {
  return `${n.toLocaleString()} ${n === 1 ? one : many}`;
}

/// "Saved to /home/ana/ferry-fares.html, with 2 images in assets/."
export function writtenMessage(written: WrittenExport): string {
  const images = written.assets > 0 ? `, with ${plural(written.assets, "image", "images")} in assets/` : "";
  return `Saved to ${written.path}${images}.`;
}

export function bytesText(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/// "4 articles and 3 images (120 KB) in /home/ana/site."
export function siteMessage(site: SiteExport): string {
  const images = site.assets > 0 ? ` and ${plural(site.assets, "image", "images")}` : "";
  return `${plural(site.articles, "article", "articles")}${images} (${bytesText(site.bytes)}) in ${site.dir}.`;
}

export const OUTCOME_LABEL: Record<ImportOutcome, string> = {
  created: "New",
  updated: "Updated",
  rolled_back: "Not imported",
  failed: "Failed",
};

/// The report's headline: "2 new articles, 1 updated, 1 file failed".
export function importSummary(report: ImportReport): string {
  const parts: string[] = [];
  if (report.created > 0) parts.push(plural(report.created, "new article", "new articles"));
  if (report.updated > 0) parts.push(`${report.updated.toLocaleString()} updated`);
  if (report.failed > 0) parts.push(plural(report.failed, "file failed", "files failed"));
  const rolledBack = report.files.filter((f) => f.outcome === "rolled_back").length;
  if (rolledBack > 0) parts.push(`${plural(rolledBack, "file", "files")} not imported`);
  const warned = report.files.filter((f) => f.warnings.length > 0).length;
  if (warned > 0) parts.push(`${plural(warned, "file", "files")} with warnings`);
  if (report.skipped.length > 0) parts.push(`${plural(report.skipped.length, "template or output folder", "templates and output folders")} skipped`);
  return parts.length > 0 ? parts.join(", ") : "Nothing to import";
}

/// The running import's line: "Importing… reading 125 of 750 files".
export function importProgressLabel(progress: ImportProgress): string {
  if (progress.total === 0) return "Importing…";
  const verb = progress.phase === "reading" ? "reading" : "writing";
  return `Importing… ${verb} ${progress.done.toLocaleString()} of ${plural(progress.total, "file", "files")}`;
}

/// The file's name, with its folder when the name alone says little
/// (`post/index.md`, a page bundle).
export function shortPath(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== "");
  const name = parts.at(-1) ?? path;
  return /^(index|_index)\.(md|markdown)$/i.test(name) && parts.length > 1 ? `${parts.at(-2)}/${name}` : name;
}

/// The article the report should open when none is: the first one imported.
export function firstImported(report: ImportReport): FileReport | undefined {
  return report.files.find((f) => f.article !== null && (f.outcome === "created" || f.outcome === "updated"));
}

/// Dropped paths the importer can take: everything but lone images, which
/// belong in the editor (paste them there).
const IMAGE = /\.(png|jpe?g|gif|webp|avif|svg|heic|bmp|tiff?)$/i;
export function importable(paths: readonly string[]): string[] {
  return paths.filter((p) => !IMAGE.test(p));
}

/// Each settings field as the backend names it in a refusal ("site address
/// is not a web address…"), longest names first so none shadows another.
const FIELD_NAMES: [string, keyof SiteSettings][] = [
  ["default author", "default_author"],
  ["newsletter box", "newsletter"],
  ["share prompt", "share_prompt"],
  ["site address", "base_url"],
  ["FAQ heading", "faq_heading"],
  ["site name", "name"],
  ["language", "language"],
  ["footer", "footer"],
];

/// Which field a refusal from `set_site_settings` is about, if any.
export function settingsField(message: string): keyof SiteSettings | null {
  const lower = message.toLowerCase();
  return FIELD_NAMES.find(([name]) => lower.startsWith(name.toLowerCase()))?.[1] ?? null;
}

/// A refusal as it reads beside its field: the field's name is the label
/// already, so "site address is not…" becomes "This is not…"; anything
/// else is kept whole.
export function fieldMessage(message: string): string {
  const lower = message.toLowerCase();
  const found = FIELD_NAMES.find(([name]) => lower.startsWith(name.toLowerCase()));
  if (!found) return message;
  const rest = message.slice(found[0].length).trimStart();
  return rest.length > 0 ? rest.charAt(0).toUpperCase() + rest.slice(1) : message;
}
