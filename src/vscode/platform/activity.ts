// Counts the work in flight (requests to the index worker, debounced edits, diagnostics being published) so that
// whenIdle() can resolve when the findings shown are current, without anyone sleeping. No 'vscode' import.

export class Activity {
  private count = 0;
  private waiters: (() => void)[] = [];
  private checking = false;

  /** Marks the start of a piece of work; call the returned function (once; later calls are ignored) when it ends. */
  begin(): () => void {
    this.count++;
    let ended = false;
    return () => {
      if (ended) { return; }
      ended = true;
      this.count--;
      this.check();
    };
  }

  get busy(): boolean {
    return this.count > 0;
  }

  /**
   * Resolves once no work is in flight. Idleness is confirmed a turn of the event loop later, because the end
   * of one piece of work often starts the next (a reply from the worker starts the publishing of its findings).
   */
  whenIdle(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.check();
    });
  }

  private check(): void {
    if (this.count > 0 || this.checking || this.waiters.length === 0) { return; }
    this.checking = true;
    setImmediate(() => {
      this.checking = false;
      if (this.count > 0) { return; }
      const waiters = this.waiters;
      this.waiters = [];
      for (const w of waiters) { w(); }
    });
  }
}
