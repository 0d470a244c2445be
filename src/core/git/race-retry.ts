import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '../errors.js';
import { isRefMovedError, type RefMovedError } from './ref-moved-error.js';

/** How often, and how patiently, a run that lost a race to another push tries again. */
export interface RacePolicy {
  maxAttempts: number;
  /** The first pause's upper bound; each later one doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RACE_POLICY: Omit<RacePolicy, 'maxAttempts'> = { baseDelayMs: 500, maxDelayMs: 10_000 };

/**
 * Runs `attempt` until it does not throw RefMovedError, at most `maxAttempts` times, pausing a random time
 * ("full jitter": 0 to base x 2^n, capped) in between so that racing runs spread out instead of colliding again.
 */
export async function retryOnRace<T>(
  policy: RacePolicy,
  attempt: (number: number) => Promise<T>,
  onRetry: (lost: RefMovedError, next: number) => void = () => undefined,
): Promise<{ result: T; attempts: number }> {
  for (let number = 1; ; number++) {
    try {
      return { result: await attempt(number), attempts: number };
    } catch (error) {
      if (!isRefMovedError(error)) throw error;
      if (number >= policy.maxAttempts) {
        throw new UserError(
          `Gave up after ${number} attempts: ${error.branch} kept moving under this run (${error.reason}). ` +
            'Nothing was overwritten; run again, or raise max-attempts.',
        );
      }
      onRetry(error, number + 1);
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (number - 1));
      await sleep(Math.random() * ceiling);
    }
  }
}
