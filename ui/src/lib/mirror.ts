// The folder mirror's rules that need no backend.
import type { ArticleId, ErrorInfo, MirrorConflict, MirrorStatus } from "./bindings";

/// The `mirror-error` event's payload: a plain message from older backends,
/// `{code, message}` like every other error from newer ones (its code a
/// union of literals once the bindings say so).
export type MirrorErrorPayload = string | ErrorInfo;

/// The message to show for a mirror error, whatever shape it came in.
export function mirrorErrorMessage(payload: MirrorErrorPayload | null | undefined): string | null {
  if (payload === null || payload === undefined) return null;
  if (typeof payload === "string") return payload;
  return payload.message;
}

/// The open article's conflict with its file, if it has one. A trashed
/// article shows none (its file is gone).
export function conflictOf(
  status: MirrorStatus | null,
  article: { id: ArticleId; trashed_at: string | null } | null,
): MirrorConflict | null {
  if (!status || !article || article.trashed_at) return null;
  return status.conflicts.find((c) => c.article === article.id) ?? null;
}
