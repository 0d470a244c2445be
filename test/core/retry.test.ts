import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { backoffMs, parseRetryAfter, retry, type RetryOptions } from '../../src/core/retry.js';

class Transient extends Error {
  constructor(readonly retryAfterMs?: number) {
    super('transient');
  }
}

/** A policy whose pauses are recorded, not waited: the primitive's arithmetic is what is tested. */
function recording(overrides: Partial<RetryOptions> = {}): { options: RetryOptions; waits: number[] } {
  const waits: number[] = [];
  const options: RetryOptions = {
    what: 'Fetching a thing',
    attempts: 4,
    firstDelayMs: 100,
    maxDelayMs: 250,
    jitter: 0,
    retryable: (error) => error instanceof Transient,
    sleep: async (ms) => waits.push(ms),
    onRetry: () => undefined,
    ...overrides,
  };
  return { options, waits };
}

function failing(times: number, error: () => Error = () => new Transient()) {
  const calls: number[] = [];
  const call = async (attempt: number) => {
    calls.push(attempt);
    if (calls.length <= times) throw error();
    return 'done';
  };
  return { call, calls };
}

afterEach(() => {
  jest.restoreAllMocks();
});

describe('retry', () => {
  it('tries again after a retryable error, doubling the pause up to the cap', async () => {
    const { options, waits } = recording();
    const { call, calls } = failing(3);
    await expect(retry(call, options)).resolves.toBe('done');
    expect(calls).toEqual([1, 2, 3, 4]);
    expect(waits).toEqual([100, 200, 250]);
  });

  it('throws the last error unchanged once the attempts are spent', async () => {
    const { options, waits } = recording({ attempts: 3 });
    const last = new Transient();
    let count = 0;
    const call = async () => {
      count++;
      throw count === 3 ? last : new Transient();
    };
    await expect(retry(call, options)).rejects.toBe(last);
    expect(waits).toHaveLength(2);
  });

  it('throws an error the caller does not call transient at once', async () => {
    const { options, waits } = recording();
    const { call, calls } = failing(1, () => new Error('refused'));
    await expect(retry(call, options)).rejects.toThrow('refused');
    expect({ calls, waits }).toEqual({ calls: [1], waits: [] });
  });

  it('waits at least as long as the server asks', async () => {
    const { options, waits } = recording({ retryAfterMs: (error) => (error as Transient).retryAfterMs });
    const { call } = failing(2, () => new Transient(5_000));
    await retry(call, options);
    expect(waits).toEqual([5_000, 5_000]);
  });

  it('gives up rather than wait longer than the longest pause it accepts', async () => {
    const { options, waits } = recording({
      retryAfterMs: (error) => (error as Transient).retryAfterMs,
      maxRetryAfterMs: 1_000,
    });
    const { call, calls } = failing(1, () => new Transient(3_600_000));
    await expect(retry(call, options)).rejects.toBeInstanceOf(Transient);
    expect({ calls, waits }).toEqual({ calls: [1], waits: [] });
  });

  it('leaves the policy share of each pause to chance', () => {
    const policy = { attempts: 5, firstDelayMs: 1_000, maxDelayMs: 8_000, jitter: 0.5 };
    expect(backoffMs(policy, 1, () => 0)).toBe(1_000);
    expect(backoffMs(policy, 1, () => 1)).toBe(500);
    expect(backoffMs({ ...policy, jitter: 1 }, 3, () => 0.25)).toBe(3_000);
    expect(backoffMs(policy, 10, () => 0)).toBe(8_000);
  });

  it('retries at once for the immediate retries, then pauses from the first delay up', () => {
    const policy = { attempts: 6, firstDelayMs: 1_000, maxDelayMs: 8_000, jitter: 0, immediateRetries: 2 };
    expect([1, 2, 3, 4, 5].map((attempt) => backoffMs(policy, attempt))).toEqual([0, 0, 1_000, 2_000, 4_000]);
  });

  it('logs one line per retry naming what failed, why, and when the next attempt comes', async () => {
    const lines: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk).trim());
      return true;
    });
    const { options } = recording({ onRetry: undefined, describe: () => 'HTTP 503' });
    await retry(failing(1).call, options);
    expect(lines).toEqual(['Fetching a thing failed (HTTP 503); attempt 2 of 4 in 100 ms']);
  });

  it('keeps what was tried on its line: a name with a line break cannot start a workflow command', async () => {
    const lines: string[] = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(...String(chunk).split(/\r?\n|\r/));
      return true;
    });
    const { options } = recording({ onRetry: undefined, what: 'Download of evil\n::error::x' });
    await retry(failing(1).call, options);
    expect(lines.filter((line) => line.trimStart().startsWith('::'))).toEqual([]);
    expect(lines.join('\n')).toContain('Download of evil\\n:\\x3aerror:\\x3ax failed (transient)');
  });

  it('really waits between attempts when no sleep is given', async () => {
    const { options } = recording({ sleep: undefined, firstDelayMs: 1, maxDelayMs: 1 });
    await expect(retry(failing(2).call, options)).resolves.toBe('done');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T12:00:00Z');
  it.each([
    ['120', 120_000],
    ['0', 0],
    ['Sun, 01 Mar 2026 12:00:30 GMT', 30_000],
    ['Sun, 01 Mar 2026 11:00:00 GMT', 0],
    ['soon', undefined],
    [undefined, undefined],
  ])('%s', (value, expected) => {
    expect(parseRetryAfter(value, now)).toBe(expected);
  });
});
