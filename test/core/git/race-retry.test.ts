import { describe, expect, it } from '@jest/globals';
import { UserError } from '../../../src/core/errors.js';
import { parseIdentity } from '../../../src/core/git/identity.js';
import { pauseUntilQuiet, retryOnRace } from '../../../src/core/git/race-retry.js';
import { RefMovedError } from '../../../src/core/git/ref-moved-error.js';

const QUICK = { maxAttempts: 4, immediateRetries: 1, baseDelayMs: 1, maxDelayMs: 4 };

describe('retryOnRace', () => {
  it('tries again while the branch keeps moving, and reports how many attempts it took', async () => {
    const seen: number[] = [];
    const { result, attempts } = await retryOnRace(
      QUICK,
      async (attempt) => {
        if (attempt < 3) throw new RefMovedError('main', 'fetch first');
        return 'done';
      },
      (_, next) => seen.push(next),
    );
    expect({ result, attempts, seen }).toEqual({ result: 'done', attempts: 3, seen: [2, 3] });
  });

  it('gives up after maxAttempts with a UserError that says nothing was overwritten', async () => {
    let calls = 0;
    const failing = retryOnRace(QUICK, async () => {
      calls++;
      throw new RefMovedError('main', 'stale info');
    });
    await expect(failing).rejects.toThrow(UserError);
    await expect(failing).rejects.toThrow(
      /^Gave up after 4 attempts: main kept moving under this run \(stale info\)\. Nothing was overwritten/,
    );
    expect(calls).toBe(4);
  });

  it('does not retry anything else', async () => {
    let calls = 0;
    await expect(
      retryOnRace(QUICK, async () => {
        calls++;
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(calls).toBe(1);
  });
});

describe('retryOnRace with a way to read the tip', () => {
  it('ends a long pause once the branch stands still instead of sleeping it out', async () => {
    // Pauses of up to a minute after the first loss; the tip never moves, so the pause ends at the second look
    // (or is one of the 1 in 100 draws under 0.6 s, spent as a plain sleep).
    const patient = { maxAttempts: 2, immediateRetries: 0, baseDelayMs: 60_000, maxDelayMs: 60_000 };
    let looks = 0;
    const started = performance.now();
    const { attempts } = await retryOnRace(
      patient,
      async (attempt) => {
        if (attempt === 1) throw new RefMovedError('main', 'fetch first');
        return 'done';
      },
      undefined,
      async () => {
        looks++;
        return 'abc';
      },
    );
    expect(attempts).toBe(2);
    expect(looks === 0 || looks === 2).toBe(true);
    expect(performance.now() - started).toBeLessThan(10_000);
  }, 20_000);
});

describe('pauseUntilQuiet', () => {
  it('ends a long pause at the first look that finds the tip where the last one left it', async () => {
    let looks = 0;
    const started = performance.now();
    await pauseUntilQuiet(60_000, 20, async () => {
      looks++;
      return 'abc';
    });
    expect(looks).toBe(2);
    expect(performance.now() - started).toBeLessThan(30_000);
  });

  it('takes its first look at once, before pausing at all', async () => {
    let looks = 0;
    const pause = pauseUntilQuiet(60_000, 20, async () => {
      looks++;
      return 'abc';
    });
    // Counted before the call returned its promise: no timer ran between the call and the first look.
    expect(looks).toBe(1);
    await pause;
    expect(looks).toBe(2);
  });

  it('pauses the whole time while the tip keeps moving, or when it cannot be read', async () => {
    for (const tipOf of [async () => String(Math.random()), async () => Promise.reject(new Error('offline'))]) {
      let looks = 0;
      const started = performance.now();
      await pauseUntilQuiet(300, 20, () => {
        looks++;
        return tipOf();
      });
      // (timers may fire a millisecond early; ending at the first unchanged look would take ~40 ms)
      expect(performance.now() - started).toBeGreaterThanOrEqual(250);
      expect(looks).toBeGreaterThan(1);
    }
  });

  it('spaces its looks at least half an interval apart', async () => {
    const lookMs = 20;
    const ms = 400;
    const looks: number[] = [];
    await pauseUntilQuiet(ms, lookMs, async () => {
      looks.push(performance.now());
      return String(Math.random());
    });
    const gaps = looks.slice(1).map((at, index) => at - (looks[index] as number));
    // Timers fire late on a busy machine, never more than a millisecond early: these are lower bounds only.
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(lookMs / 2 - 2);
    expect(looks.length).toBeLessThanOrEqual(ms / (lookMs / 2) + 1);
  });

  it('does not look during a short pause', async () => {
    let looks = 0;
    await pauseUntilQuiet(50, 20, async () => {
      looks++;
      return 'abc';
    });
    expect(looks).toBe(0);
  });
});

describe('parseIdentity', () => {
  it('reads "Name <email>"', () => {
    expect(parseIdentity(' Deploy Bot  <deploy+ci@example.com> ', 'author')).toEqual({
      name: 'Deploy Bot',
      email: 'deploy+ci@example.com',
    });
  });

  it.each(['Deploy Bot', '<a@b.c>', 'A <not-an-email>', 'A <a@b.c> trailing'])('refuses %j', (text) => {
    expect(() => parseIdentity(text, 'author')).toThrow(UserError);
  });
});
