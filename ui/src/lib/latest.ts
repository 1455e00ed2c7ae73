// Runs an async job for the newest input only. While one run is in flight,
// further requests just replace the waiting input; when the run finishes, the
// newest waiting input (if any) runs next. Typing fast therefore never queues
// a backlog of stale previews, and the last keystroke is always rendered.

export class Latest<I, O> {
  private running = false;
  private waiting: { input: I } | null = null;
  private generation = 0;

  constructor(
    private readonly job: (input: I) => Promise<O>,
    private readonly done: (output: O, input: I) => void,
    private readonly failed: (error: unknown) => void = () => {},
  ) {}

  /// Whether nothing runs now: a request would start at once.
  get idle(): boolean {
    return !this.running;
  }

  request(input: I): void {
    this.waiting = { input };
    if (!this.running) void this.pump();
  }

  /// Forget anything waiting or in flight, e.g. when another article opens.
  reset(): void {
    this.waiting = null;
    this.generation += 1;
  }

  private async pump(): Promise<void> {
    this.running = true;
    while (this.waiting) {
      const { input } = this.waiting;
      this.waiting = null;
      const generation = this.generation;
      try {
        const output = await this.job(input);
        if (generation === this.generation) this.done(output, input);
      } catch (error) {
        if (generation === this.generation) this.failed(error);
      }
    }
    this.running = false;
  }
}
