// The one place the UI talks to the backend. Generated bindings call this;
// components call the bindings. Every failure becomes a BylineError with the
// backend's {code, message}, including the ones Tauri itself raises (which
// arrive as plain strings) so the UI handles a single error shape.
import { invoke } from "@tauri-apps/api/core";
import type { ErrorCode } from "./bindings";

/// The backend's codes, plus "ipc" for a failure Tauri itself reports
/// (a command that could not be called at all).
export type BylineErrorCode = ErrorCode | "ipc";

export class BylineError extends Error {
  constructor(
    readonly code: BylineErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "BylineError";
  }
}

export function toBylineError(raw: unknown): BylineError {
  if (raw instanceof BylineError) return raw;
  if (raw && typeof raw === "object" && "code" in raw && "message" in raw) {
    const { code, message } = raw as { code: unknown; message: unknown };
    return new BylineError(String(code) as BylineErrorCode, String(message));
  }
  if (raw instanceof Error) return new BylineError("ipc", raw.message);
  return new BylineError("ipc", String(raw));
}

export async function call<T>(command: string, args: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (raw) {
    throw toBylineError(raw);
  }
}
