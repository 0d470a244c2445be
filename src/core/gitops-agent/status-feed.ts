import type { AgentStatusSource } from './sync-wait.js';

/**
 * The agent's object over time: each change as the source's watch reports it, when it has one, else a read every
 * poll interval. A watch that cannot be opened, breaks or ends is said once in the log, and polling takes over.
 */
export class StatusFeed {
  private readonly abort = new AbortController();
  private watch?: AsyncIterator<unknown>;
  /** A change asked of the watch that did not come before the last wait ended: the next wait takes it. */
  private pending?: Promise<IteratorResult<unknown>>;
  private polling: boolean;

  constructor(
    private readonly source: AgentStatusSource,
    private readonly options: {
      pollMs: number;
      sleep: (ms: number) => Promise<void>;
      log: (line: string) => void;
      /** What the object is called in the log. */
      what: string;
    },
  ) {
    this.polling = !source.watch;
  }

  /** The object now. */
  read(): Promise<unknown> {
    return this.source.read();
  }

  /** The next state of the object, or undefined when `waitMs` passed without a change (watching). */
  async next(waitMs: number): Promise<unknown> {
    if (!this.polling) {
      let reason: string;
      try {
        const next = await this.nextChange(waitMs);
        if (next === undefined) return undefined;
        if (!next.done) return next.value;
        reason = 'it ended';
      } catch (error) {
        reason = (error as Error).message;
      }
      this.polling = true;
      this.close();
      this.options.log(
        `${this.options.what}: the watch stopped (${reason}); polling every ${this.options.pollMs / 1000} s instead.`,
      );
      // Changes may have been missed while the watch broke: read now rather than a poll interval later.
      return this.source.read();
    }
    await this.options.sleep(Math.min(this.options.pollMs, waitMs));
    return this.source.read();
  }

  /** Ends the watch, if one is open. */
  close(): void {
    this.abort.abort();
    this.pending?.catch(() => undefined);
    // A watch paused between two changes would otherwise keep its timers and connection.
    this.watch?.return?.(undefined).catch(() => undefined);
  }

  private async nextChange(waitMs: number): Promise<IteratorResult<unknown> | undefined> {
    this.watch ??= (this.source.watch as NonNullable<AgentStatusSource['watch']>)(this.abort.signal)[
      Symbol.asyncIterator
    ]();
    const pending = (this.pending ??= this.watch.next());
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), waitMs)));
    try {
      const next = await Promise.race([pending, waited]);
      if (next !== undefined) this.pending = undefined;
      return next;
    } finally {
      clearTimeout(timer);
    }
  }
}
