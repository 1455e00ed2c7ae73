// Publishing as the Publish panel words it.
import type { Publication, Published, PublishStatus, Pulled } from "./bindings";

export const STATUSES: { status: PublishStatus; label: string }[] = [
  { status: "draft", label: "Draft (not public yet)" },
  { status: "published", label: "Published now" },
  { status: "scheduled", label: "Scheduled at the publish date" },
];

const STATUS_WORDS: Record<PublishStatus, string> = {
  draft: "a draft",
  published: "published",
  scheduled: "scheduled",
};

/** One line under an account the article is published on. */
export function publishedLine(p: Publication): string {
  return `${STATUS_WORDS[p.status]}, sent ${new Date(p.sent_at).toLocaleString()}`;
}

/** What a finished publish says. */
export function resultLine(result: Published, account: string): string {
  const images =
    result.images_uploaded === 0 ? "" : result.images_uploaded === 1 ? ", 1 image uploaded" : `, ${result.images_uploaded} images uploaded`;
  switch (result.outcome) {
    case "created":
      return `Published to ${account} as ${STATUS_WORDS[result.publication.status]}${images}.`;
    case "updated":
      return `Updated on ${account}${images}.`;
    case "unchanged":
      return `Already up to date on ${account}.`;
    case "unpublished":
      return `Back to a draft on ${account}.`;
  }
}

/** What pulling the site's text in says. */
export function pulledLine(pulled: Pulled, account: string): string {
  return pulled.changed
    ? `Pulled the text from ${account} as a new revision; Update sends it back.`
    : `The article already says what ${account} has.`;
}
