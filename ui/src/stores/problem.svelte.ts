import { toBylineError } from "../lib/call";

/// The one problem shown above the workspace until dismissed.
export class ProblemStore {
  message = $state<string | null>(null);

  /// Shows a failure; bound, so it can be passed as a callback.
  show = (error: unknown) => {
    this.message = toBylineError(error).message;
  };

  say(message: string) {
    this.message = message;
  }

  dismiss() {
    this.message = null;
  }
}
