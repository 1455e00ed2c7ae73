// What a plain-text article's structure rules did, in the words the import
// report uses, and the site chrome they dropped, offered as boilerplate.
import type { ChangeKind, ImportReport, SiteSettings, StructureChange } from "./bindings";

export const CHANGE_LABEL: Record<ChangeKind, string> = {
  title: "Title",
  repeated_headline: "Repeated headline",
  heading: "Heading",
  callout: "Callout",
  faq_item: "FAQ item",
  link: "Link",
  comment_count: "Comment count",
  share_prompt: "Share prompt",
  subscribe: "Subscribe prompt",
  discover_more: "“Discover more”",
  related: "“You may also like”",
};

const CHROME: ReadonlySet<ChangeKind> = new Set(["comment_count", "share_prompt", "subscribe", "discover_more", "related"]);

export function isChrome(kind: ChangeKind): boolean {
  return CHROME.has(kind);
}

/// "Dropped" for chrome and repeats, else what the text became.
export function changeResult(change: StructureChange): string {
  return change.became === "" ? "dropped" : change.became;
}

/// The boilerplate an import's dropped chrome offers: the share prompt and
/// the newsletter box ("Discover more", "Subscribe…"), each only where the
/// site has none yet. Null when there is nothing to offer.
export function boilerplateOffer(
  report: ImportReport,
  site: Pick<SiteSettings, "share_prompt" | "newsletter">,
): { share_prompt: string; newsletter: string } | null {
  const changes = report.files.flatMap((f) => f.structure);
  const pick = (kinds: ChangeKind[]) => {
    const seen = new Set<string>();
    for (const c of changes) if (kinds.includes(c.kind)) seen.add(c.original);
    return [...seen].join("\n\n");
  };
  const share_prompt = site.share_prompt.trim() === "" ? pick(["share_prompt"]) : "";
  const newsletter = site.newsletter.trim() === "" ? pick(["discover_more", "subscribe"]) : "";
  return share_prompt || newsletter ? { share_prompt, newsletter } : null;
}

/// The article's text with one structure change undone: a heading, callout
/// or link back as it was written, the title back as the first line, a
/// dropped line put back where such lines sit (a repeated headline or a
/// comment count at the top, the other prompts at the end). Null when the
/// change cannot be undone in the text (a FAQ item: remove it in the FAQ
/// panel) or is no longer there.
export function undoChange(
  text: { title: string; body: string },
  change: StructureChange,
): { title: string; body: string } | null {
  const { title, body } = text;
  const atTop = (line: string) => ({ title, body: body === "" ? `${line}\n` : `${line}\n\n${body}` });
  switch (change.kind) {
    case "heading":
    case "callout":
    case "link": {
      const at = body.indexOf(change.became);
      if (at < 0) return null;
      return { title, body: body.slice(0, at) + change.original + body.slice(at + change.became.length) };
    }
    case "title":
      if (title !== change.original) return null;
      return { title: "", body: body === "" ? `${change.original}\n` : `${change.original}\n\n${body}` };
    case "repeated_headline":
    case "comment_count":
      return atTop(change.original);
    case "share_prompt":
    case "subscribe":
    case "discover_more":
    case "related":
      return { title, body: `${body.trimEnd()}\n\n${change.original}\n` };
    case "faq_item":
      return null;
  }
  return null;
}

/// Whether `change` has an Undo in the review.
export function undoable(change: StructureChange): boolean {
  return change.kind !== "faq_item";
}

/// Whether pasted text is worth asking the backend about: several
/// paragraphs of plain text (rich pastes arrive as Markdown already).
export function looksPasted(text: string): boolean {
  return text.split(/\n\s*\n/).filter((p) => p.trim() !== "").length >= 4 && !/^\s*(#|---|\+\+\+)/.test(text);
}

/// Whether the clipboard's HTML is a whole web page rather than a fragment
/// of one: a document (`<html>` or `<head>`) with a title, Open Graph or
/// JSON-LD, or an `<article>`. Only then is the page's structure offered;
/// an ordinary rich paste stays as it is.
export function isWholePage(html: string): boolean {
  const document = /<(html|head)[\s>]/i.test(html);
  const described = /<title[\s>]/i.test(html) || /property\s*=\s*["']?og:/i.test(html) || /application\/ld\+json/i.test(html);
  return (document && described) || /<article[\s>]/i.test(html);
}

/// The offer's line: what structuring a paste would do (`page`: the paste
/// was a whole web page).
export function pasteOfferMessage(changes: readonly StructureChange[], page = false): string {
  const count = (kinds: ChangeKind[]) => changes.filter((c) => kinds.includes(c.kind)).length;
  const parts: string[] = [];
  const headings = count(["heading"]);
  const callouts = count(["callout"]);
  const faq = count(["faq_item"]);
  const chrome = changes.filter((c) => isChrome(c.kind) || c.kind === "repeated_headline").length;
  if (headings) parts.push(`${headings} heading${headings === 1 ? "" : "s"}`);
  if (callouts) parts.push(`${callouts} callout${callouts === 1 ? "" : "s"}`);
  if (faq) parts.push(`${faq} FAQ item${faq === 1 ? "" : "s"}`);
  if (chrome) parts.push(`${chrome} line${chrome === 1 ? "" : "s"} of site chrome left out`);
  const what = page ? "This paste is a whole web page: take its article" : "This paste reads like a whole article: give it a title";
  return `${what}${parts.length ? `, ${parts.join(", ")}` : ""}?`;
}
