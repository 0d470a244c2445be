import { setTimeout as sleep } from 'node:timers/promises';
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
  tipOf?: () => Promise<string | undefined>,
): Promise<{ result: T; attempts: number }> {
  let attempts = 0;
  let attemptMs = 0;
  try {
    const result = await retry(
      async (number) => {
        attempts = number;
        const started = performance.now();
        try {
          return await attempt(number);
        } finally {
          attemptMs = performance.now() - started;
        }
      },
      {
        ...(tipOf ? { sleep: (ms: number) => pauseUntilQuiet(ms, Math.max(attemptMs / 2, MIN_LOOK_MS), tipOf) } : {}),
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

/** The usual interval between looks at the branch is never shorter than this, however quick an attempt was. */
const MIN_LOOK_MS = 200;

/**
 * Pauses `ms`, or less: a long pause is split into looks at the branch's tip, about `lookMs` apart (half an attempt's
 * duration), and ends as soon as a look finds the tip where the last one left it. A run that lost often draws the
 * longest pauses; once the runs it raced have landed, the branch stays still and the run goes on instead of sleeping
 * on an idle branch (`npm run bench -- open-gitops-pr`, push mode: 2.40x the floor without looks, 2.08-2.12x with
 * them).
 *
 * The first look is taken at once, so a still branch is seen after one interval, not two; and each interval is drawn
 * between half and one and a half `lookMs`, so that runs which lost the same race do not all find the branch still at
 * the same moment and collide again (measured side by side: docs/performance.md, "This release"). No look is taken
 * at the deadline, where it could no longer shorten the pause.
 */
export async function pauseUntilQuiet(
  ms: number,
  lookMs: number,
  tipOf: () => Promise<string | undefined>,
): Promise<void> {
  const deadline = performance.now() + ms;
  if (ms < 3 * lookMs) return void (await sleep(ms));
  let last = await tipOf().catch(() => undefined);
  for (;;) {
    const interval = lookMs * (0.5 + Math.random());
    if (interval >= deadline - performance.now()) break;
    await sleep(interval);
    const tip = await tipOf().catch(() => undefined);
    if (tip !== undefined && tip === last) return;
    last = tip;
  }
  await sleep(Math.max(0, deadline - performance.now()));
}
