// Generated from src-tauri/src/ipc.rs by `make bindings`. Do not edit by hand:
// a test fails when this file differs from what the Rust types generate.

import { call } from "./call";

export type ArticleId = number;

export type Article = { id: ArticleId, 
/**
 * Whether the slug was set by the writer. Until it is, it follows the
 * title (while the article is unpublished).
 */
slug_is_custom: boolean, body: string, 
/**
 * A fingerprint of `body` ([`BodyHash::of`]). The window
 * sends back the one its text was built on with every edit, so
 * autosave never writes over a body that changed elsewhere (the folder
 * mirror, the CLI) in the meantime.
 */
body_hash: string, words: number, status: Status, created_at: string, updated_at: string, 
/**
 * When it was moved to the trash; `None` for a live article.
 */
trashed_at: string | null, 
/**
 * The questions and answers that close the article, in order.
 */
faq: Array<FaqItem>, 
/**
 * Whether exports carry the FAQ as schema.org `FAQPage` (when the site
 * allows it too).
 */
faq_structured_data: boolean, 
/**
 * May be empty; shown as [`UNTITLED`].
 */
title: string, 
/**
 * The subtitle under the headline.
 */
dek: string, 
/**
 * The URL-safe name it is published under, unique in the library.
 */
slug: string, authors: Array<string>, tags: Array<string>, 
/**
 * The search-result snippet; 50–160 characters is the usual range.
 */
meta_description: string, 
/**
 * Where the article canonically lives, if not at its own URL.
 */
canonical_url: string, 
/**
 * An image URL or a path in the library's assets.
 */
featured_image: string, publish_at: string | null, 
/**
 * How many words the writer means the article to have; a goal the
 * status bar measures progress against, never a limit. Left out of the
 * JSON when unset so revisions stored before it existed keep every byte
 * (they are compressed against each other).
 */
word_target?: number, };

export type ArticleSummary = { id: ArticleId, title: string, slug: string, tags: Array<string>, words: number, status: Status, publish_at: string | null, updated_at: string, trashed_at: string | null, };

export type ArticleField = "title" | "dek" | "slug" | "authors" | "tags" | "meta_description" | "canonical_url" | "featured_image" | "publish_at" | "word_target";

export type ListQuery = { 
/**
 * Only articles with this status.
 */
status: Status | null, 
/**
 * Only articles with this tag (any case).
 */
tag: string | null, sort: SortKey, 
/**
 * The trash instead of the live articles.
 */
trash: boolean, 
/**
 * At most this many articles (a page of the list); all when absent.
 * The window loads the list a page at a time, so a library of
 * thousands of articles opens as fast as one of a few.
 */
limit?: number, 
/**
 * How many articles of the whole list to skip before the page.
 */
offset?: number, };

export type SortKey = "edited" | "title" | "publish_date";

export type LibraryCounts = { 
/**
 * Live articles, all statuses.
 */
live: number, 
/**
 * Live articles per status, in workflow order, zeros included.
 */
statuses: Array<StatusCount>, trash: number, 
/**
 * Tags on live articles, most used first.
 */
tags: Array<TagCount>, };

export type StatusCount = { status: Status, count: number, };

export type TagCount = { tag: string, count: number, };

export type SlugCheck = { 
/**
 * The input in slug form, as it would be saved. Empty when the input
 * has nothing usable, which saves as "back to following the title".
 */
slug: string, 
/**
 * The other article that already has this slug, if any.
 */
taken_by: string | null, };

export type WindowStart = { page: Array<ArticleSummary>, 
/**
 * The article the window opens: the one it showed before its page
 * was reloaded, or else the list's first; `None` for an empty list.
 */
opened: OpenedArticle | null, 
/**
 * Why that article could not be opened (the list still shows).
 */
open_failed: ErrorInfo | null, 
/**
 * Why the page was reloaded, in words for the writer; `None` normally.
 */
notice: string | null, };

export type OpenedArticle = { article: Article, 
/**
 * `None` for a body too long to preview: the article still opens,
 * and the window's own preview call says why.
 */
preview: Preview | null, header: string, };

export type About = { 
/**
 * The package version the binary was built from (`byline --version`).
 */
version: string, library: string, };

export type Status = "draft" | "in_review" | "ready" | "published";

export type StatusChange = { status: Status, changed_at: string, };

export type TextStats = { words: number, characters: number, reading_minutes: number, };

export type Preview = { 
/**
 * Names this response; the window passes it back as `since` so the next
 * one can leave out the HTML of blocks it already shows.
 */
generation: number, 
/**
 * The whole page, or with `splice` only the blocks that replace part
 * of the page the window shows.
 */
blocks: Array<PreviewBlock>, stats: TextStats, 
/**
 * Set when the window shows generation `since`: `blocks` are then only
 * what changed, so a keystroke in a 100,000-word article carries one
 * paragraph, not 1,400 block keys (measured: 5 to 12 ms of the
 * window's time went to reading that list).
 */
splice: PreviewSplice | null, };

export type PreviewBlock = { 
/**
 * Identifies the block's content, source positions left out: typing a
 * line above a block changes its position, not its key.
 */
key: string, 
/**
 * The block's source lines as `data-sourcepos` gives them ("3:1-5:20"),
 * or empty for stray text. The window sets it on the block's element;
 * scroll sync reads it.
 */
pos: string, 
/**
 * The sanitised HTML, or `null` when the window already shows a block
 * with this key (see `Preview::generation`).
 */
html: string | null, };

export type PreviewSplice = { head: number, tail: number, shift: number, 
/**
 * How many blocks the page it applies to has: a window whose page
 * has another length asks for the whole page instead.
 */
length: number, };

export type BodyEdit = { "kind": "whole", body: string, } | { "kind": "changes", 
/**
 * The edit these changes were made on.
 */
after: number, 
/**
 * The text's length afterwards, in UTF-16 code units: a cheap check
 * that both sides hold the same text.
 */
length: number, changes: Array<TextChange>, };

export type TextChange = { 
/**
 * Where the replaced text starts, in UTF-16 code units.
 */
from: number, 
/**
 * Where it ends (`from` for an insertion).
 */
to: number, 
/**
 * What replaces it.
 */
insert: string, };

export type Typed = { "kind": "staged", preview: Preview | null, } | { "kind": "stale" } | { "kind": "resend" };

export type StoredImage = { 
/**
 * `assets/<hash>.<ext>`, the path Markdown uses.
 */
path: string, mime: string, bytes: number, 
/**
 * False when the same image was already in the library.
 */
added: boolean, 
/**
 * `![alt](path)`, the alt text taken from the file name.
 */
markdown: string, };

export type RevisionInfo = { 
/**
 * Counts from 1 within the article: what the CLI and window call it.
 */
number: number, at: string, kind: RevisionKind, 
/**
 * The kind as a writer reads it ("Before restore"), so the window and
 * the CLI name kinds alike.
 */
kind_label: string, label: string | null, words: number, 
/**
 * Words gained (or lost) since the revision before it.
 */
words_delta: number, 
/**
 * Stored size in bytes, compressed.
 */
stored_bytes: number, };

export type Updates = { corrections: Array<Correction>, html: string, };

export type Correction = { id: number, at: string, note: string, 
/**
 * When the note was last changed. Readers see it beside the original
 * time, which never moves: a correction's wording can be fixed, but not
 * quietly.
 */
edited_at: string | null, };

export type RevisionKind = "checkpoint" | "snapshot" | "status" | "before_restore" | "import" | "external_edit" | "export";

export type Comparison = { fields: Array<FieldChange>, body: Array<DiffSpan>, words_added: number, words_removed: number, };

export type FieldChange = { 
/**
 * As a writer knows it: "Title", "Tags".
 */
field: string, before: string, after: string, };

export type DiffSpan = { kind: DiffKind, text: string, };

export type DiffKind = "same" | "added" | "removed";

export type SaveEvent = { "state": "saved", article: ArticleSummary, seq: number, } | { "state": "failed", article: ArticleId, seq: number, error: ErrorInfo, } | { "state": "diverged", article: ArticleSummary, seq: number, revision: number, } | { "state": "checkpoint", article: ArticleId, revision: number, };

export type SearchHit = { article: ArticleSummary, 
/**
 * Words around the best match in the body, hits marked.
 */
snippet: Array<SnippetPart>, };

export type SnippetPart = { text: string, hit: boolean, };

export type FaqView = { items: Array<FaqItem>, issues: Array<FaqIssue>, 
/**
 * The rendered section (empty without items), for the preview.
 */
html: string, heading: string, 
/**
 * The article's own switch for structured data.
 */
structured_data: boolean, 
/**
 * The site's switch; structured data is published only when both are on.
 */
site_structured_data: boolean, 
/**
 * How many items the published `FAQPage` carries (flagged ones are
 * left out of it).
 */
in_structured_data: number, };

export type FaqItem = { id: FaqItemId, question: string, answer: string, 
/**
 * The shared block this item uses, if any: editing the item edits the
 * block, and so every article that uses it, until the item is detached.
 */
shared: FaqBlockId | null, };

export type FaqItemId = number;

export type FaqBlock = { id: FaqBlockId, question: string, answer: string, 
/**
 * How many articles (trash included) use it.
 */
uses: number, };

export type FaqBlockId = number;

export type FaqIssue = { 
/**
 * The item's position in the list, from 0.
 */
index: number, problem: FaqProblem, 
/**
 * One sentence for the writer, counting items from 1 ("Question 3").
 */
message: string, };

export type FaqProblem = "empty_question" | "empty_answer" | "duplicate_question" | "markup_in_question";

export type QuestionAnswer = { question: string, answer: string, };

export type RemovedFaqItem = { article: ArticleId, position: number, question: string, answer: string, shared: FaqBlockId | null, };

export type DetectedFaq = { 
/**
 * The section heading's text as written ("FAQ", "Frequently asked questions").
 */
heading: string, items: Array<QuestionAnswer>, 
/**
 * The article's Markdown with the whole section (heading included)
 * removed, trailing blank lines trimmed to a single "\n" at the end (or
 * empty).
 */
body_without: string, };

export type SiteSettings = { 
/**
 * The publication's name, for `<title>`, Open Graph and JSON-LD.
 */
name: string, 
/**
 * Where the site lives (`https://example.com/`); articles are at
 * `{base_url}{slug}/`. Empty until the writer sets it, in which case
 * exports leave out the links that must be absolute.
 */
base_url: string, 
/**
 * Used when an article names no author.
 */
default_author: string, 
/**
 * A BCP 47 tag (`en`, `en-GB`, `uk`) for `<html lang>` and `inLanguage`.
 */
language: string, 
/**
 * The heading above an article's FAQ items.
 */
faq_heading: string, 
/**
 * Whether exports carry FAQ items as schema.org `FAQPage` (each article
 * can also turn it off for itself).
 */
faq_structured_data: boolean, 
/**
 * Markdown added after the article on export: "Share this…".
 */
share_prompt: string, 
/**
 * Markdown for the newsletter box added after the share prompt.
 */
newsletter: string, 
/**
 * Markdown for the page footer.
 */
footer: string, 
/**
 * Typographic (“curly”) quotes, apostrophes and dashes in the preview
 * and every export. The Markdown keeps what the writer typed.
 */
smart_quotes: boolean, 
/**
 * Misspellings underlined in the editor as the writer types, checked
 * against the dictionary for `language`.
 */
spellcheck: boolean, 
/**
 * Images that live on other sites load in the preview. Off by default:
 * loading one tells that site when the article was opened, so they show
 * as placeholders until the writer loads them (per article, or here for
 * the whole library).
 */
load_remote_images: boolean, 
/**
 * The pre-publish checks this site turned off and the limits it set.
 */
checks: ChecksConfig, };

export type ChecksConfig = { 
/**
 * Codes of checks the site turned off (`title.too_long`).
 */
off: Array<string>, 
/**
 * Search results cut a headline at about 60 characters.
 */
title_max_chars: number, 
/**
 * The usual range for a meta description: shorter says too little,
 * longer is cut in search results.
 */
description_min_chars: number, description_max_chars: number, 
/**
 * A paragraph longer than this reads as a wall of text on a phone.
 */
paragraph_max_words: number, sentence_max_words: number, 
/**
 * Rich results show a short answer; a longer one is cut.
 */
faq_answer_max_chars: number, };

export type Report = { 
/**
 * Errors first, then warnings, then suggestions; within each, fields,
 * then the body in order, then FAQ items, then the site.
 */
findings: Array<Finding>, errors: number, warnings: number, suggestions: number, readability: Readability, };

export type Finding = { severity: Severity, 
/**
 * Stable: `title.too_long`. Scripts and the site's settings name it.
 */
code: string, 
/**
 * One line in plain words.
 */
message: string, place: Place, fix: Fix | null, };

export type Severity = "error" | "warning" | "suggestion";

export type Place = { "kind": "field", field: ArticleField, } | { "kind": "body", start: Pos, end: Pos, } | { "kind": "faq", index: number, } | { "kind": "site" };

export type Pos = { line: number, column: number, };

export type Fix = { 
/**
 * What it does, for a button: "Use https".
 */
label: string, replacement: string, };

export type Readability = { 
/**
 * The site's language tag the figure was measured for.
 */
language: string, 
/**
 * 0–100, higher is easier; `None` when not measured.
 */
score: number | null, 
/**
 * "62 (plain English)" or "not measured for de".
 */
summary: string, };

export type CheckInfo = { code: string, severity: Severity, label: string, };

export type SpellcheckStatus = { 
/**
 * Whether misspellings are underlined as the writer types.
 */
enabled: boolean, 
/**
 * The dictionaries loaded (`en_GB`), empty when none could be.
 */
languages: Array<string>, 
/**
 * No dictionary matched the site's language, so the system's (or the
 * first installed) one is used instead.
 */
fallback: boolean, 
/**
 * The operating system picks the dictionaries (macOS, Windows), so
 * `languages` is empty by design.
 */
system_chooses: boolean, };

export type Format = "html" | "fragment" | "md-yaml" | "md-toml" | "json" | "text";

export type MirrorStatus = { 
/**
 * The folder, when the mirror is on.
 */
folder: string | null, running: boolean, conflicts: Array<MirrorConflict>, 
/**
 * The last thing the mirror could not do.
 */
error: string | null, 
/**
 * Why the mirror waits, when its folder is missing or replaced: it
 * reads and writes nothing until the folder is back.
 */
paused: string | null, };

export type MirrorConflict = { article: ArticleId, file: string, 
/**
 * The revision holding the library's side.
 */
library_revision: number, 
/**
 * The revision holding the file's side.
 */
file_revision: number, };

export type MirrorChange = { article: ArticleId, kind: MirrorChangeKind, file: string, };

export type MirrorChangeKind = "written" | "moved_to_trash" | "external_edit" | "created" | "trashed" | "conflict";

export type ConflictChoice = "library" | "file";

export type Exported = { format: Format, content: string, 
/**
 * A file name for it: the slug and the format's extension.
 */
file_name: string, 
/**
 * Library images the content shows (`assets/<file>`), to ship beside it.
 */
assets: Array<string>, 
/**
 * What a writer should know before publishing it.
 */
warnings: Array<string>, };

export type WrittenExport = { path: string, 
/**
 * Images written into the `assets` folder beside it.
 */
assets: number, warnings: Array<string>, };

export type SiteExport = { dir: string, articles: number, assets: number, 
/**
 * Total size of the files written.
 */
bytes: number, warnings: Array<string>, };

export type ImportOptions = { faq: FaqImport, 
/**
 * All files or none: one bad file cancels the whole import.
 */
atomic: boolean, 
/**
 * Take a plain-text file's text as it is, without giving it its
 * structure back (`transform::plain_article`).
 */
plain: boolean, };

export type FaqImport = "keep" | "detect";

export type ImportReport = { files: Array<FileReport>, skipped: Array<SkippedFile>, created: number, updated: number, failed: number, };

export type FileReport = { path: string, outcome: ImportOutcome, article: ArticleId | null, slug: string, title: string, 
/**
 * Images copied into the library.
 */
images: number, faq_items: number, 
/**
 * Images the article shows from other sites that could be downloaded
 * (`download::remote_images`); nothing is fetched unless asked.
 */
remote_images: number, 
/**
 * What a download the writer asked for did (`--download-images`).
 */
downloads: ImageDownloadReport | null, error: ErrorInfo | null, 
/**
 * Keys read into a field: `"categories → tags"`.
 */
mapped: Array<string>, 
/**
 * Keys kept as they are, for Markdown export to write back.
 */
kept: Array<string>, 
/**
 * Keys and things left out, with why: `"updated (empty)"`.
 */
skipped: Array<string>, 
/**
 * Quirks read around rather than refused: a date Byline cannot read,
 * a key with the wrong kind of value (kept as written), a slug already
 * in use (a free one given), front matter that is not valid.
 */
warnings: Array<string>, 
/**
 * What a plain-text article's structure rules changed (title,
 * headings, callouts, FAQ items, links, dropped site chrome).
 */
structure: Array<StructureChange>, };

export type ImportOutcome = "created" | "updated" | "rolled_back" | "failed";

export type ImportProgress = { phase: ImportPhase, done: number, total: number, };

export type ImportPhase = "reading" | "writing";

export type ImportDone = { report: ImportReport | null, error: ErrorInfo | null, };

export type ImagesDownloaded = { article: Article, report: ImageDownloadReport, };

export type SkippedFile = { path: string, reason: string, };

export type PastedPage = { looks_like_article: boolean, title: string, 
/**
 * Markdown; a FAQ is a section at its end.
 */
body: string, changes: Array<StructureChange>, description: string, canonical_url: string, authors: Array<string>, image: string, 
/**
 * Where each field came from: "og:title → title".
 */
sources: Array<string>, };

export type ImageDownloadReport = { images: Array<ImageDownload>, downloaded: number, failed: number, };

export type ImageDownload = { 
/**
 * As the article wrote it (a long `data:` address cut short).
 */
url: string, 
/**
 * Where it was requested; `None` when it was not.
 */
from: string | null, 
/**
 * The library's copy (`assets/…`), which the article now shows.
 */
stored: string | null, 
/**
 * Why it was not downloaded; the article keeps the address it had.
 */
error: string | null, };

export type Mapping = { 
/**
 * Keys read into a field: `"categories → tags"`.
 */
mapped: Array<string>, 
/**
 * Keys kept as they are, for Markdown export to write back.
 */
kept: Array<string>, 
/**
 * Keys and things left out, with why: `"updated (empty)"`.
 */
skipped: Array<string>, 
/**
 * Quirks read around rather than refused: a date Byline cannot read,
 * a key with the wrong kind of value (kept as written), a slug already
 * in use (a free one given), front matter that is not valid.
 */
warnings: Array<string>, 
/**
 * What a plain-text article's structure rules changed (title,
 * headings, callouts, FAQ items, links, dropped site chrome).
 */
structure: Array<StructureChange>, };

export type StructureChange = { kind: ChangeKind, original: string, became: string, };

export type PastedArticle = { 
/**
 * Only then is the structure offered.
 */
looks_like_article: boolean, title: string, 
/**
 * Markdown; a FAQ is a section at its end.
 */
body: string, changes: Array<StructureChange>, };

export type ChangeKind = "title" | "repeated_headline" | "heading" | "callout" | "faq_item" | "link" | "comment_count" | "share_prompt" | "subscribe" | "discover_more" | "related";

export type BackupStatus = { folder: string, 
/**
 * Whether the writer chose the folder (false: beside the library).
 */
chosen: boolean, 
/**
 * Newest first; the first is the last backup.
 */
backups: Array<BackupInfo>, 
/**
 * Why the last automatic backup failed, until one succeeds.
 */
error: string | null, };

export type BackupInfo = { path: string, made_at: string, bytes: number, reason: BackupReason, };

export type BackupReason = "manual" | "hourly" | "quit" | "before_restore" | "before_repair";

export type DoctorReport = { checks: Array<CheckResult>, };

export type CheckResult = { 
/**
 * What was checked, as a writer would name it.
 */
name: string, 
/**
 * Empty when all is well.
 */
problems: Array<string>, 
/**
 * Whether `--repair` (or Repair in Settings) can fix the problems.
 */
repairable: boolean, };

export type Repair = { backup: BackupInfo, rebuilt: Array<string>, after: DoctorReport, };

export type LibraryProblem = { library: string, error: ErrorInfo, backup: BackupInfo | null, };

export type Account = { name: string, kind: AccountKind, site: string, user: string, added_at: string, };

export type NewAccount = { name: string, kind: AccountKind, 
/**
 * The site's address (`https://example.com`), or the Micropub
 * endpoint's.
 */
site: string, 
/**
 * WordPress's user name; empty for the others.
 */
user: string, };

export type AccountKind = "ghost" | "wordpress" | "micropub";

export type OutgoingPost = { title: string, 
/**
 * The body, FAQ section and Updates as HTML, images at their uploaded
 * addresses.
 */
html: string, 
/**
 * The Article/FAQPage JSON-LD as a `<script>` element (WordPress
 * carries it in the content).
 */
json_ld: string, excerpt: string, slug: string, tags: Array<string>, authors: Array<string>, canonical_url: string | null, featured_image: RemoteMedia | null, status: PublishStatus, 
/**
 * When to publish (a scheduled post needs one).
 */
date: string | null, };

export type RemoteMedia = { id: string, url: string, };

export type PublishStatus = "draft" | "published" | "scheduled";

export type Publication = { article: ArticleId, account: string, remote_id: string, url: string, status: PublishStatus, 
/**
 * The site's version stamp after Byline's last write.
 */
remote_version: string, 
/**
 * SHA-256 of what Byline sent (the post as JSON), to skip an update
 * that would change nothing.
 */
sent_hash: string, 
/**
 * SHA-256 of the content as the site stored it after that write: a
 * different hash later means someone edited it there.
 */
remote_hash: string, sent_at: string, };

export type Published = { outcome: Outcome, publication: Publication, 
/**
 * Images uploaded by this publish (the others were already there).
 */
images_uploaded: number, };

export type SiteVersion = { account: string, 
/**
 * The title on the site (the article's when the site does not say).
 */
title: string, 
/**
 * The site's body as Markdown.
 */
body: string, 
/**
 * From the article (before) to the site's copy (after).
 */
comparison: Comparison, };

export type Pulled = { article: Article, publication: Publication, 
/**
 * False when the article already said what the site says (only the
 * site's version was remembered).
 */
changed: boolean, };

export type Outcome = "created" | "updated" | "unchanged" | "unpublished";

export type ErrorCode = "not_a_library" | "library_too_new" | "library_read_only" | "disk_full" | "library_busy" | "library_corrupt" | "library_unavailable" | "backup_failed" | "article_not_found" | "slug_taken" | "article_trashed" | "not_in_trash" | "invalid_input" | "unsupported_image" | "faq_item_not_found" | "faq_block_not_found" | "revision_not_found" | "revision_corrupt" | "not_utf8" | "binary_file" | "file_too_large" | "front_matter_invalid" | "io" | "storage" | "mirror_paused" | "account_not_found" | "account_exists" | "keyring_unavailable" | "secret_missing" | "credentials_refused" | "site_unreachable" | "publish_refused" | "remote_changed";

export type ErrorInfo = { code: ErrorCode, message: string, };

export const commands = {
  listArticles: (query: ListQuery): Promise<Array<ArticleSummary>> => call<Array<ArticleSummary>>("list_articles", { query }),
  libraryCounts: (): Promise<LibraryCounts> => call<LibraryCounts>("library_counts", {}),
  createArticle: (): Promise<Article> => call<Article>("create_article", {}),
  openArticle: (id: ArticleId): Promise<Article> => call<Article>("open_article", { id }),
  windowStart: (query: ListQuery): Promise<WindowStart> => call<WindowStart>("window_start", { query }),
  windowShown: (): Promise<void> => call<void>("window_shown", {}),
  stageBody: (id: ArticleId, body: string, seq: number, base: string): Promise<void> => call<void>("stage_body", { id, body, seq, base }),
  renameArticle: (id: ArticleId, title: string): Promise<Article> => call<Article>("rename_article", { id, title }),
  setField: (id: ArticleId, field: ArticleField, value: string): Promise<Article> => call<Article>("set_field", { id, field, value }),
  checkSlug: (id: ArticleId, slug: string): Promise<SlugCheck> => call<SlugCheck>("check_slug", { id, slug }),
  renderPreview: (article: ArticleId, markdown: string, since: number | null): Promise<Preview> => call<Preview>("render_preview", { article, markdown, since }),
  typeBody: (id: ArticleId, seq: number, base: string, edit: BodyEdit, since: number | null, render: boolean): Promise<Typed> => call<Typed>("type_body", { id, seq, base, edit, since, render }),
  loadRemoteImages: (article: ArticleId): Promise<void> => call<void>("load_remote_images", { article }),
  previewHeader: (article: ArticleId, title: string): Promise<string> => call<string>("preview_header", { article, title }),
  structureText: (text: string): Promise<PastedArticle> => call<PastedArticle>("structure_text", { text }),
  openLink: (url: string): Promise<void> => call<void>("open_link", { url }),
  storeImage: (name: string, data: string): Promise<StoredImage> => call<StoredImage>("store_image", { name, data }),
  articleHistory: (id: ArticleId): Promise<Array<RevisionInfo>> => call<Array<RevisionInfo>>("article_history", { id }),
  compareRevisions: (id: ArticleId, from: number, to: number | null): Promise<Comparison> => call<Comparison>("compare_revisions", { id, from, to }),
  restoreRevision: (id: ArticleId, number: number): Promise<Article> => call<Article>("restore_revision", { id, number }),
  snapshotArticle: (id: ArticleId, label: string): Promise<RevisionInfo> => call<RevisionInfo>("snapshot_article", { id, label }),
  labelRevision: (id: ArticleId, number: number, label: string): Promise<RevisionInfo> => call<RevisionInfo>("label_revision", { id, number, label }),
  articleUpdates: (id: ArticleId): Promise<Updates> => call<Updates>("article_updates", { id }),
  addCorrection: (id: ArticleId, note: string): Promise<Updates> => call<Updates>("add_correction", { id, note }),
  editCorrection: (id: ArticleId, correction: number, note: string): Promise<Updates> => call<Updates>("edit_correction", { id, correction, note }),
  removeCorrection: (id: ArticleId, correction: number): Promise<Updates> => call<Updates>("remove_correction", { id, correction }),
  articleFaq: (id: ArticleId): Promise<FaqView> => call<FaqView>("article_faq", { id }),
  addFaqItem: (id: ArticleId, item: QuestionAnswer, position: number | null): Promise<FaqView> => call<FaqView>("add_faq_item", { id, item, position }),
  updateFaqItem: (id: ArticleId, item: FaqItemId, text: QuestionAnswer): Promise<FaqView> => call<FaqView>("update_faq_item", { id, item, text }),
  moveFaqItem: (id: ArticleId, item: FaqItemId, position: number): Promise<FaqView> => call<FaqView>("move_faq_item", { id, item, position }),
  removeFaqItem: (item: FaqItemId): Promise<RemovedFaqItem> => call<RemovedFaqItem>("remove_faq_item", { item }),
  restoreFaqItem: (removed: RemovedFaqItem): Promise<FaqView> => call<FaqView>("restore_faq_item", { removed }),
  setFaqStructuredData: (id: ArticleId, on: boolean): Promise<FaqView> => call<FaqView>("set_faq_structured_data", { id, on }),
  shareFaqItem: (id: ArticleId, item: FaqItemId): Promise<FaqView> => call<FaqView>("share_faq_item", { id, item }),
  detachFaqItem: (id: ArticleId, item: FaqItemId): Promise<FaqView> => call<FaqView>("detach_faq_item", { id, item }),
  faqBlocks: (): Promise<Array<FaqBlock>> => call<Array<FaqBlock>>("faq_blocks", {}),
  insertFaqBlock: (id: ArticleId, block: FaqBlockId, position: number | null): Promise<FaqView> => call<FaqView>("insert_faq_block", { id, block, position }),
  deleteFaqBlock: (block: FaqBlockId): Promise<Array<FaqBlock>> => call<Array<FaqBlock>>("delete_faq_block", { block }),
  detectFaq: (markdown: string): Promise<DetectedFaq | null> => call<DetectedFaq | null>("detect_faq", { markdown }),
  convertFaqSection: (id: ArticleId): Promise<Article> => call<Article>("convert_faq_section", { id }),
  renderAnswer: (article: ArticleId | null, markdown: string): Promise<string> => call<string>("render_answer", { article, markdown }),
  previewExport: (id: ArticleId, format: Format): Promise<Exported> => call<Exported>("preview_export", { id, format }),
  exportArticle: (id: ArticleId, format: Format): Promise<WrittenExport | null> => call<WrittenExport | null>("export_article", { id, format }),
  exportSite: (status: Status | null): Promise<SiteExport | null> => call<SiteExport | null>("export_site", { status }),
  importDialog: (folder: boolean, options: ImportOptions): Promise<ImportReport | null> => call<ImportReport | null>("import_dialog", { folder, options }),
  mirrorStatus: (): Promise<MirrorStatus> => call<MirrorStatus>("mirror_status", {}),
  chooseMirrorFolder: (): Promise<MirrorStatus> => call<MirrorStatus>("choose_mirror_folder", {}),
  stopMirror: (): Promise<MirrorStatus> => call<MirrorStatus>("stop_mirror", {}),
  resolveMirrorConflict: (id: ArticleId, choice: ConflictChoice): Promise<Article> => call<Article>("resolve_mirror_conflict", { id, choice }),
  siteSettings: (): Promise<SiteSettings> => call<SiteSettings>("site_settings", {}),
  setSiteSettings: (settings: SiteSettings): Promise<SiteSettings> => call<SiteSettings>("set_site_settings", { settings }),
  checkArticle: (id: ArticleId, body: string | null): Promise<Report> => call<Report>("check_article", { id, body }),
  checkCatalogue: (): Promise<Array<CheckInfo>> => call<Array<CheckInfo>>("check_catalogue", {}),
  checkLinks: (id: ArticleId, body: string): Promise<Report> => call<Report>("check_links", { id, body }),
  spellcheckStatus: (): Promise<SpellcheckStatus> => call<SpellcheckStatus>("spellcheck_status", {}),
  about: (): Promise<About> => call<About>("about", {}),
  textStats: (text: string): Promise<TextStats> => call<TextStats>("text_stats", { text }),
  htmlToMarkdown: (html: string): Promise<string> => call<string>("html_to_markdown", { html }),
  searchArticles: (query: string): Promise<Array<SearchHit>> => call<Array<SearchHit>>("search_articles", { query }),
  setStatus: (id: ArticleId, status: Status): Promise<Article> => call<Article>("set_status", { id, status }),
  statusHistory: (id: ArticleId): Promise<Array<StatusChange>> => call<Array<StatusChange>>("status_history", { id }),
  trashArticle: (id: ArticleId): Promise<ArticleSummary> => call<ArticleSummary>("trash_article", { id }),
  restoreArticle: (id: ArticleId): Promise<ArticleSummary> => call<ArticleSummary>("restore_article", { id }),
  deleteForever: (id: ArticleId): Promise<void> => call<void>("delete_forever", { id }),
  emptyTrash: (): Promise<number> => call<number>("empty_trash", {}),
  duplicateArticle: (id: ArticleId): Promise<Article> => call<Article>("duplicate_article", { id }),
  flushSaves: (): Promise<void> => call<void>("flush_saves", {}),
  quit: (): Promise<void> => call<void>("quit", {}),
  backupStatus: (): Promise<BackupStatus> => call<BackupStatus>("backup_status", {}),
  backUpNow: (): Promise<BackupStatus> => call<BackupStatus>("back_up_now", {}),
  chooseBackupFolder: (): Promise<BackupStatus> => call<BackupStatus>("choose_backup_folder", {}),
  resetBackupFolder: (): Promise<BackupStatus> => call<BackupStatus>("reset_backup_folder", {}),
  restoreBackup: (path: string): Promise<BackupInfo> => call<BackupInfo>("restore_backup", { path }),
  checkLibrary: (): Promise<DoctorReport> => call<DoctorReport>("check_library", {}),
  repairLibrary: (): Promise<Repair> => call<Repair>("repair_library", {}),
  libraryProblem: (): Promise<LibraryProblem | null> => call<LibraryProblem | null>("library_problem", {}),
  openBackupCopy: (): Promise<string> => call<string>("open_backup_copy", {}),
  publishingAccounts: (): Promise<Array<Account>> => call<Array<Account>>("publishing_accounts", {}),
  addPublishingAccount: (account: NewAccount, secret: string): Promise<Array<Account>> => call<Array<Account>>("add_publishing_account", { account, secret }),
  removePublishingAccount: (name: string): Promise<Array<Account>> => call<Array<Account>>("remove_publishing_account", { name }),
  publishPreview: (id: ArticleId, status: PublishStatus): Promise<OutgoingPost> => call<OutgoingPost>("publish_preview", { id, status }),
  publications: (id: ArticleId): Promise<Array<Publication>> => call<Array<Publication>>("publications", { id }),
  publishArticle: (id: ArticleId, account: string, status: PublishStatus, overwrite: boolean): Promise<Published> => call<Published>("publish_article", { id, account, status, overwrite }),
  unpublishArticle: (id: ArticleId, account: string, overwrite: boolean): Promise<Published> => call<Published>("unpublish_article", { id, account, overwrite }),
  downloadImages: (id: ArticleId): Promise<ImagesDownloaded> => call<ImagesDownloaded>("download_images", { id }),
  structurePage: (html: string): Promise<PastedPage> => call<PastedPage>("structure_page", { html }),
  approveWordpressInBrowser: (account: NewAccount): Promise<string> => call<string>("approve_wordpress_in_browser", { account }),
  addApprovedWordpressAccount: (account: NewAccount, secret: string): Promise<Array<Account>> => call<Array<Account>>("add_approved_wordpress_account", { account, secret }),
  publishSiteVersion: (id: ArticleId, account: string): Promise<SiteVersion> => call<SiteVersion>("publish_site_version", { id, account }),
  pullSiteVersion: (id: ArticleId, account: string): Promise<Pulled> => call<Pulled>("pull_site_version", { id, account }),
} as const;

/** Every status, in workflow order. */
export const STATUSES: readonly Status[] = ["draft", "in_review", "ready", "published"];

/** What a writer sees for each status. */
export const STATUS_LABEL: Record<Status, string> = {
  draft: "Draft",
  in_review: "In review",
  ready: "Ready",
  published: "Published",
};

export const events = {
  autosave: "autosave",
  mirror: "mirror",
  mirrorError: "mirror-error",
  mirrorPaused: "mirror-paused",
  mirrorResumed: "mirror-resumed",
  importProgress: "import-progress",
  importDone: "import-done",
} as const;
