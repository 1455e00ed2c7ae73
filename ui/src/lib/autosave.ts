// The window's half of the autosave protocol, without Svelte: numbering the
// edits it stages, remembering the body they were built on, and deciding what
// an `autosave` event means for the article on screen. The backend drops an
// edit older than one it has seen (IPC calls may arrive out of order) and
// never writes over a body changed elsewhere since the edit's base.
import type { Article, ArticleId, ArticleSummary, ErrorCode, SaveEvent, TextChange } from "./bindings";

export type SaveState =
  | { kind: "saved" }
  | { kind: "saving" }
  | { kind: "error"; message: string; code?: ErrorCode | "ipc" };

/// What the status bar says while the text on screen is not saved. A full
/// disk and a read-only library get a few plain words that fit the bar (the
/// backend keeps the text and retries by itself; the tooltip has the whole
/// sentence, with the library's path); anything else is the error's own
/// sentence.
export function notSavedText(state: { message: string; code?: ErrorCode | "ipc" }): string {
  switch (state.code) {
    case "disk_full":
      return "Not saved: the disk is full (text kept, retrying)";
    case "library_read_only":
      return "Not saved: the library is read-only (text kept, retrying)";
    default:
      return `Not saved: ${state.message}`;
  }
}

export type BodyHash = Article["body_hash"];

/// `changes` are the editor's, from the text it last sent to this one
/// (`null` when it was given a whole new text).
export type Send = (
  id: ArticleId,
  body: string,
  seq: number,
  base: BodyHash,
  changes: TextChange[] | null,
) => Promise<unknown>;

/// What one `autosave` event changes in the window.
export interface AutosaveOutcome {
  /// A list row with new words and time.
  listed: ArticleSummary | null;
  /// The open article's save state, when the event settles it.
  save: SaveState | null;
  /// A checkpoint may have been taken: History and Export reload.
  checkpoint: boolean;
  /// The body changed elsewhere while the writer typed: the editor takes
  /// the stored body, and this revision holds what was typed.
  diverged: { id: ArticleId; revision: number } | null;
}

export class AutosaveSession {
  /// The fingerprint of the body the editor's text was built on, sent with
  /// every edit. Set before the editor is given a new body.
  base: BodyHash = "";
  private seq: number;
  // The newest edit's stage call; older ones landing later are ignored, so
  // saving now or quitting only needs this one to have arrived.
  private staging: Promise<unknown> = Promise.resolve();

  /// Seeded from the clock so numbers keep rising if the window reloads
  /// while the backend runs.
  constructor(
    private readonly send: Send,
    seed: number = Date.now() * 1000,
  ) {
    this.seq = seed;
  }

  /// The editor was given a body it did not type (opened, reloaded, restored).
  rebase(base: BodyHash) {
    this.base = base;
  }

  /// Stages the editor's text; a failure to reach the backend goes to `failed`.
  stage(id: ArticleId, body: string, failed: (error: unknown) => void, changes: TextChange[] | null = null) {
    this.seq += 1;
    this.staging = this.send(id, body, this.seq, this.base, changes).catch(failed);
  }

  /// Resolves once the newest staged edit has reached the backend.
  settled(): Promise<unknown> {
    return this.staging;
  }

  /// The number of the newest staged edit.
  get newest(): number {
    return this.seq;
  }

  outcome(event: SaveEvent, open: ArticleId | null): AutosaveOutcome {
    const none: AutosaveOutcome = { listed: null, save: null, checkpoint: false, diverged: null };
    if (event.state === "saved") {
      const isOpen = open === event.article.id;
      return {
        ...none,
        listed: event.article,
        // Only the newest edit's save means the text on screen is saved.
        save: isOpen && event.seq === this.seq ? { kind: "saved" } : null,
        checkpoint: isOpen,
      };
    }
    if (event.state === "diverged") {
      if (open !== event.article.id) return { ...none, listed: event.article };
      return {
        ...none,
        listed: event.article,
        save: { kind: "saved" },
        diverged: { id: event.article.id, revision: event.revision },
      };
    }
    if (event.state === "checkpoint") return { ...none, checkpoint: open === event.article };
    if (open === event.article) {
      return { ...none, save: { kind: "error", message: event.error.message, code: event.error.code } };
    }
    return none;
  }
}
