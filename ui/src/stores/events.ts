// Everything the backend and the webview tell the window, routed to the
// stores. Returns the function that stops listening.
import { listen } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import { events, type ImportDone, type ImportProgress, type MirrorChange, type SaveEvent } from "../lib/bindings";
import type { MirrorErrorPayload } from "../lib/mirror";
import type { Stores } from "./index.svelte";

export function connect(stores: Stores): () => void {
  const clock = setInterval(() => (stores.now = new Date()), 30_000);
  const stops = [
    listen<SaveEvent>(events.autosave, ({ payload }) => stores.doc.onAutosave(payload)),
    listen<MirrorChange>(events.mirror, ({ payload }) => stores.onMirrorChange(payload)),
    listen<MirrorErrorPayload>(events.mirrorError, ({ payload }) => stores.mirror.failed(payload)),
    listen<MirrorErrorPayload>(events.mirrorPaused, ({ payload }) => stores.mirror.pause(payload)),
    listen(events.mirrorResumed, () => stores.mirror.resume()),
    listen<ImportProgress>(events.importProgress, ({ payload }) => stores.imports.progressed(payload)),
    listen<ImportDone>(events.importDone, ({ payload }) => void stores.imports.dropDone(payload)),
    // Files and folders dropped anywhere on the window are imported by the
    // shell from its own drop event; the page only shows that it happens.
    getCurrentWebview().onDragDropEvent(({ payload }) => {
      if (payload.type === "enter") stores.imports.dragEntered(payload.paths);
      else if (payload.type === "leave") stores.imports.dragLeft();
      else if (payload.type === "drop") stores.imports.dropped(payload.paths);
    }),
  ];
  return () => {
    clearInterval(clock);
    for (const stop of stops) void stop.then((f) => f());
    stores.stop();
  };
}
