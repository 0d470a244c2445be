import { UserError } from '../errors.js';
import { retry } from '../retry.js';
import { isRefMovedError, type RefMovedError } from './ref-moved-error.js';

/** How often, and how patiently, a run that lost a race to another push tries again. */
export interface RacePolicy {
  maxAttempts: number;
  /**
   * Lost races re-applied on the new tip at once: a refused push means another run landed, not that the server is
   * overloaded, so the next attempt is likely to win; only a run that keeps losing starts pausing.
   */
  immediateRetries: number;
  /** The first pause's upper bound; each later one doubles, up to maxDelayMs. */
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RACE_POLICY: Omit<RacePolicy, 'maxAttempts'> = {
  immediateRetries: 1,
  baseDelayMs: 500,
  maxDelayMs: 10_000,
};

/**
 * Runs `attempt` until it does not throw RefMovedError, at most `maxAttempts` times: the first retries at once, later
 * ones after a random pause ("full jitter": 0 to base x 2^n, capped) so that runs that keep colliding spread out.
 */
export async function retryOnRace<T>(
  policy: RacePolicy,
  attempt: (number: number) => Promise<T>,
  onRetry: (lost: RefMovedError, next: number) => void = () => undefined,
): Promise<{ result: T; attempts: number }> {
  let attempts = 0;
  try {
    const result = await retry(
      (number) => {
        attempts = number;
        return attempt(number);
      },
      {
        what: 'Applying the change',
        attempts: policy.maxAttempts,
        immediateRetries: policy.immediateRetries,
        firstDelayMs: policy.baseDelayMs,
        maxDelayMs: policy.maxDelayMs,
        jitter: 1,
        retryable: isRefMovedError,
        onRetry: (lost, next) => onRetry(lost as RefMovedError, next),
      },
    );
    return { result, attempts };
  } catch (error) {
    if (!isRefMovedError(error)) throw error;
    throw new UserError(
      `Gave up after ${attempts} attempts: ${error.branch} kept moving under this run (${error.reason}). ` +
        'Nothing was overwritten; run again, or raise max-attempts.',
    );
  }
}
