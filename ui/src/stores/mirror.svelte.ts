// The folder mirror as the window sees it: its status (folder, running,
// conflicts) and the last thing it could not do.
import { commands, type MirrorStatus } from "../lib/bindings";
import { mirrorErrorMessage, type MirrorErrorPayload } from "../lib/mirror";
import type { ProblemStore } from "./problem.svelte";

export class MirrorStore {
  status = $state<MirrorStatus | null>(null);
  /// The last thing the mirror could not do, as its status reports it
  /// (Settings shows it until the status is read again).
  reported = $state<string | null>(null);
  /// The same for the status bar, which drops it once the mirror works again.
  error = $state<string | null>(null);
  /// Why the mirror waits (its folder missing or replaced), until it is back.
  paused = $state<string | null>(null);

  constructor(private readonly problems: ProblemStore) {}

  async refresh() {
    try {
      this.adopt(await commands.mirrorStatus());
    } catch (error) {
      this.problems.show(error);
    }
  }

  /// A status from the backend (a refresh, or Settings turning it on or off).
  adopt(status: MirrorStatus) {
    this.status = status;
    this.reported = mirrorErrorMessage(status.error);
    this.error = this.reported;
    this.paused = status.paused;
  }

  /// The `mirror-paused` event: the folder is missing or replaced.
  pause(payload: MirrorErrorPayload) {
    this.paused = mirrorErrorMessage(payload);
    if (this.status) this.status = { ...this.status, paused: this.paused };
  }

  /// The `mirror-resumed` event: the folder is back.
  resume() {
    this.paused = null;
    this.error = null;
    this.reported = null;
    if (this.status) this.status = { ...this.status, paused: null, error: null };
  }

  /// The `mirror-error` event.
  failed(payload: MirrorErrorPayload) {
    this.error = mirrorErrorMessage(payload);
    if (this.status) this.reported = this.error;
  }

  /// The mirror did something: the backend has cleared its last error.
  worked() {
    this.error = null;
  }
}
