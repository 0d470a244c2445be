import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { ArgoCdApplicationEvaluator } from '../../../src/core/gitops-agent/argocd-application.js';
import type { Ancestry } from '../../../src/core/gitops-agent/manifests-repository.js';
import { type SyncWaitRequest, waitForSync } from '../../../src/core/gitops-agent/sync-wait.js';
import { ImageRef } from '../../../src/core/image-ref.js';

const OURS = 'a'.repeat(40);
const OLDER = 'e'.repeat(40);
const NEWER = 'b'.repeat(40);
const DIGEST = `sha256:${'d'.repeat(64)}`;
const OLD_DIGEST = `sha256:${'0'.repeat(64)}`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const recorded = parse(
  readFileSync(fileURLToPath(new URL('../../fixtures/argocd/application-with-status.yaml', import.meta.url)), 'utf8'),
) as Json;

/** The recorded application at `revision` with this sync status, health and images. */
function app(revision: string, sync: string, health: string, images = [`ghcr.io/acme/api@${DIGEST}`]): Json {
  const copy = structuredClone(recorded);
  copy.status.sync.revision = revision;
  copy.status.sync.status = sync;
  copy.status.health = { status: health };
  copy.status.summary.images = images;
  delete copy.status.operationState;
  return copy;
}

/** Runs the wait over a scripted sequence of reads on a fake clock: each read is one poll later. */
async function run(
  reads: Json[],
  options: Partial<SyncWaitRequest> = {},
  ancestry?: (a: string, b: string) => Promise<Ancestry>,
  watch?: (signal: AbortSignal) => AsyncIterable<unknown>,
) {
  let clock = Date.parse('2026-01-02T03:00:00Z');
  let index = 0;
  const lines: string[] = [];
  const calls = { refresh: 0, reads: 0 };
  const result = await waitForSync(
    { revision: OURS, timeoutMs: 60_000, pollMs: 5_000, refresh: false, ...options },
    {
      source: {
        read: async () => {
          calls.reads++;
          return reads[Math.min(index++, reads.length - 1)];
        },
        refresh: async () => void calls.refresh++,
        workloadImages: async () => [],
        ...(watch ? { watch } : {}),
      },
      evaluator: new ArgoCdApplicationEvaluator('argocd/api'),
      ancestry,
      now: () => clock,
      sleep: async (ms) => void (clock += ms),
      log: (line) => lines.push(line),
    },
  );
  return { result, lines, calls };
}

describe('waitForSync', () => {
  it('follows OutOfSync → Progressing → Healthy and keeps the timeline and the previous commit', async () => {
    const { result, lines, calls } = await run(
      [
        app(OLDER, 'Synced', 'Healthy'),
        app(OURS, 'OutOfSync', 'Healthy'),
        app(OURS, 'Synced', 'Progressing'),
        app(OURS, 'Synced', 'Healthy'),
      ],
      { refresh: true, image: ImageRef.parse(`ghcr.io/acme/api@${DIGEST}`) },
      async () => 'older',
    );
    expect(result).toMatchObject({ status: 'synced', revision: OURS, health: 'Healthy', previousRevision: OLDER });
    expect(result.timeline.map((item) => item.event)).toEqual(['seen by the agent', 'synced', 'healthy']);
    expect(result.imagesSeen).toEqual([`ghcr.io/acme/api@${DIGEST}`]);
    expect(calls).toEqual({ refresh: 1, reads: 4 });
    expect(lines).toHaveLength(2);
  });

  it('waits for the digest to run after the commit is healthy', async () => {
    const image = ImageRef.parse(`ghcr.io/acme/api@${DIGEST}`);
    const { result } = await run(
      [app(OURS, 'Synced', 'Healthy', [`ghcr.io/acme/api@${OLD_DIGEST}`]), app(OURS, 'Synced', 'Healthy')],
      {
        image,
      },
    );
    expect(result.status).toBe('synced');
  });

  it('times out with what it saw last when the digest never runs', async () => {
    const image = ImageRef.parse(`ghcr.io/acme/api@${DIGEST}`);
    const { result, calls } = await run([app(OURS, 'Synced', 'Healthy', ['ghcr.io/acme/api:1.0'])], {
      image,
      timeoutMs: 20_000,
    });
    expect(result.status).toBe('timeout');
    expect(result.message).toContain(`workloads run ghcr.io/acme/api:1.0, not ${DIGEST}`);
    expect(calls.reads).toBe(5);
  });

  it('stops at once on Degraded for the commit', async () => {
    const { result, calls } = await run([app(OURS, 'Synced', 'Degraded'), app(OURS, 'Synced', 'Healthy')]);
    expect(result).toMatchObject({ status: 'degraded', revision: OURS, health: 'Degraded' });
    expect(calls.reads).toBe(1);
  });

  it('is superseded by a commit that does not contain the awaited one, naming both', async () => {
    const asked: string[][] = [];
    const { result } = await run([app(NEWER, 'Synced', 'Healthy')], {}, async (a, b) => {
      asked.push([a, b]);
      return 'diverged';
    });
    expect(result.status).toBe('superseded');
    expect(result.message).toContain(`runs ${NEWER}, which overtook ${OURS} without containing it`);
    expect(asked).toEqual([[OURS, NEWER]]);
  });

  it('is synced on a newer commit that contains the awaited one, asking GitHub once per commit', async () => {
    let asked = 0;
    const { result } = await run(
      [app(NEWER, 'OutOfSync', 'Healthy'), app(NEWER, 'Synced', 'Healthy')],
      {},
      async () => {
        asked++;
        return 'contains';
      },
    );
    expect(result).toMatchObject({ status: 'synced', revision: NEWER });
    expect(result.message).toContain(`runs ${NEWER}, which contains ${OURS}`);
    expect(asked).toBe(1);
  });

  it('without a way to compare commits, waits on another commit until the timeout', async () => {
    const { result } = await run([app(NEWER, 'Synced', 'Healthy')], { timeoutMs: 10_000 });
    expect(result.status).toBe('timeout');
  });

  it('with a watch, reads once and then takes each change from it instead of reading again', async () => {
    const watched = async function* () {
      yield app(OURS, 'Synced', 'Progressing');
      yield app(OURS, 'Synced', 'Healthy');
    };
    const { result, calls } = await run([app(OLDER, 'Synced', 'Healthy')], {}, undefined, watched);
    expect(result.status).toBe('synced');
    expect(calls.reads).toBe(1);
  });

  it('polls when the watch breaks or ends, saying so once', async () => {
    const broken = async function* () {
      yield app(OURS, 'OutOfSync', 'Healthy');
      throw new Error('stream reset');
    };
    const { result, lines, calls } = await run(
      [app(OLDER, 'Synced', 'Healthy'), app(OURS, 'Synced', 'Progressing'), app(OURS, 'Synced', 'Healthy')],
      {},
      undefined,
      broken,
    );
    expect(result.status).toBe('synced');
    expect(
      lines.filter((line) => line.includes('the watch stopped (stream reset); polling every 5 s instead')),
    ).toHaveLength(1);
    expect(calls.reads).toBe(3);
  });
});
