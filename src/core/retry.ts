import { setTimeout as sleep } from 'node:timers/promises';
import * as log from './log.js';
import { errorMessage } from './errors.js';
import { escapeForLog } from './workflow-commands.js';

/** How often and how patiently to try again: pauses grow from `firstDelayMs` by doubling, up to `maxDelayMs`. */
export interface RetryPolicy {
  /** Tries in all, the first included. */
  attempts: number;
  firstDelayMs: number;
  maxDelayMs: number;
  /**
   * Share of each pause left to chance, 0 to 1: 0 waits exactly, 1 waits anywhere from 0 to the pause ("full
   * jitter"), so that runs that failed together do not try again together.
   */
  jitter: number;
  /**
   * Retries made at once, before any pause: for failures that are news rather than overload (a branch that moved is
   * worth re-applying on its new tip right away); the doubling pauses start after them. Default 0.
   */
  immediateRetries?: number;
}

export interface RetryOptions extends RetryPolicy {
  /** What is tried, for the log line: "Download of https://…"; escaped there, as it may name untrusted things. */
  what: string;
  /** The caller's own idea of transient: anything else is thrown at once, as it is. */
  retryable(error: unknown): boolean;
  /** How long the server asked to be left alone (a Retry-After), when it did; waited at least that long. */
  retryAfterMs?(error: unknown): number | undefined;
  /** A server asking for a longer pause than this is not waited for: the error is thrown. Default one minute. */
  maxRetryAfterMs?: number;
  /** The reason in the log line; default the error's message. */
  describe?(error: unknown): string;
  /** Replaces the log line, e.g. for callers that say more. */
  onRetry?(error: unknown, next: number, delayMs: number): void;
  /**
   * How a pause is spent; default a timer. Tests shrink it; the race retry ends a long one early once the branch it
   * waits for stands still (git/race-retry.ts).
   */
  sleep?(ms: number): Promise<unknown>;
  /** A seam for tests. */
  random?(): number;
}

const DEFAULT_MAX_RETRY_AFTER_MS = 60_000;

/**
 * Runs `call` (given the attempt number, from 1) until it resolves, an error is not retryable, or the attempts are
 * spent; then the last error is thrown unchanged, so each caller words its own failure (it knows the attempts).
 */
export async function retry<T>(call: (attempt: number) => Promise<T>, options: RetryOptions): Promise<T> {
  const wait = options.sleep ?? sleep;
  for (let attempt = 1; ; attempt++) {
    try {
      return await call(attempt);
    } catch (error) {
      if (attempt >= options.attempts || !options.retryable(error)) throw error;
      const asked = options.retryAfterMs?.(error);
      if (asked !== undefined && asked > (options.maxRetryAfterMs ?? DEFAULT_MAX_RETRY_AFTER_MS)) throw error;
      const delayMs = Math.max(backoffMs(options, attempt, options.random ?? Math.random), asked ?? 0);
      if (options.onRetry) options.onRetry(error, attempt + 1, delayMs);
      else {
        const reason = options.describe?.(error) ?? errorMessage(error);
        log.info(
          `${escapeForLog(options.what)} failed (${escapeForLog(reason)}); attempt ${attempt + 1} of ${options.attempts} in ${delayMs} ms`,
        );
      }
      await wait(delayMs);
    }
  }
}

/**
 * The pause after the `attempt`-th failure: none for the policy's immediate retries, then doubled each time, capped,
 * with the policy's share of chance.
 */
export function backoffMs(policy: RetryPolicy, attempt: number, random: () => number = Math.random): number {
  const paused = attempt - (policy.immediateRetries ?? 0);
  if (paused < 1) return 0;
  const ceiling = Math.min(policy.maxDelayMs, policy.firstDelayMs * 2 ** (paused - 1));
  return Math.round(ceiling * (1 - policy.jitter * random()));
}

/** A Retry-After header (seconds, or an HTTP date) in milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
