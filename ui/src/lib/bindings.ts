// Generated from src-tauri/src/ipc.rs by `make bindings`. Do not edit by hand:
// a test fails when this file differs from what the Rust types generate.

import { call } from "./call";

export type ArticleId = number;

export type Article = { id: ArticleId, title: string, body: string, words: number, status: Status, created_at: string, updated_at: string, 
/**
 * When it was moved to the trash; `None` for a live article.
 */
trashed_at: string | null, };

export type ArticleSummary = { id: ArticleId, title: string, words: number, status: Status, updated_at: string, trashed_at: string | null, };

export type Status = "draft" | "in_review" | "ready" | "published";

export type StatusChange = { status: Status, changed_at: string, };

export type TextStats = { words: number, characters: number, reading_minutes: number, };

export type Preview = { html: string, stats: TextStats, };

export type SaveEvent = { "state": "saved", article: ArticleSummary, seq: number, } | { "state": "failed", article: ArticleId, seq: number, error: ErrorInfo, };

export type SearchHit = { article: ArticleSummary, 
/**
 * Words around the best match in the body, hits marked.
 */
snippet: Array<SnippetPart>, };

export type SnippetPart = { text: string, hit: boolean, };

export type ErrorInfo = { code: string, message: string, };

export const commands = {
  listArticles: (): Promise<Array<ArticleSummary>> => call<Array<ArticleSummary>>("list_articles", {}),
  createArticle: (): Promise<Article> => call<Article>("create_article", {}),
  openArticle: (id: ArticleId): Promise<Article> => call<Article>("open_article", { id }),
  stageBody: (id: ArticleId, body: string, seq: number): Promise<void> => call<void>("stage_body", { id, body, seq }),
  renameArticle: (id: ArticleId, title: string): Promise<ArticleSummary> => call<ArticleSummary>("rename_article", { id, title }),
  renderPreview: (markdown: string): Promise<Preview> => call<Preview>("render_preview", { markdown }),
  searchArticles: (query: string): Promise<Array<SearchHit>> => call<Array<SearchHit>>("search_articles", { query }),
  setStatus: (id: ArticleId, status: Status): Promise<ArticleSummary> => call<ArticleSummary>("set_status", { id, status }),
  statusHistory: (id: ArticleId): Promise<Array<StatusChange>> => call<Array<StatusChange>>("status_history", { id }),
  trashArticle: (id: ArticleId): Promise<ArticleSummary> => call<ArticleSummary>("trash_article", { id }),
  restoreArticle: (id: ArticleId): Promise<ArticleSummary> => call<ArticleSummary>("restore_article", { id }),
  listTrash: (): Promise<Array<ArticleSummary>> => call<Array<ArticleSummary>>("list_trash", {}),
  deleteForever: (id: ArticleId): Promise<void> => call<void>("delete_forever", { id }),
  emptyTrash: (): Promise<number> => call<number>("empty_trash", {}),
  duplicateArticle: (id: ArticleId): Promise<Article> => call<Article>("duplicate_article", { id }),
  flushSaves: (): Promise<void> => call<void>("flush_saves", {}),
  quit: (): Promise<void> => call<void>("quit", {}),
} as const;

export const events = {
  autosave: "autosave",
} as const;
