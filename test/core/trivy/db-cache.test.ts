import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ActionsDbCache, LocalDirectoryDbCache } from '../../../src/core/trivy/db-cache.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { captureWorkflowLog } from './workflow-log.js';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('the DB caches', () => {
  it('restores the exact key, else the newest entry with a restore-key prefix, else nothing', async () => {
    const cache = new LocalDirectoryDbCache(await tempTree());
    const saveDb = async (key: string) => cache.save(await tempTree({ 'metadata.json': key }), key);
    await saveDb('db-2026-02-27');
    await saveDb('db-2026-02-28');
    await saveDb('other-2026-03-01');
    const restore = async (key: string, prefixes: string[]) => {
      const dir = path.join(await tempTree(), 'db');
      const hit = await cache.restore(dir, key, prefixes);
      return [hit, existsSync(dir) ? readFileSync(path.join(dir, 'metadata.json'), 'utf8') : undefined];
    };
    expect(await restore('db-2026-02-27', ['db-'])).toEqual(['db-2026-02-27', 'db-2026-02-27']);
    expect(await restore('db-2026-03-01', ['db-'])).toEqual(['db-2026-02-28', 'db-2026-02-28']);
    expect(await restore('db-2026-03-01', ['none-'])).toEqual([undefined, undefined]);
  });

  it('keeps the first entry saved under a key, as the Actions cache does', async () => {
    const cache = new LocalDirectoryDbCache(await tempTree());
    await cache.save(await tempTree({ 'metadata.json': 'first' }), 'db-1');
    await cache.save(await tempTree({ 'metadata.json': 'second' }), 'db-1');
    const dir = path.join(await tempTree(), 'db');
    await cache.restore(dir, 'db-1', []);
    expect(readFileSync(path.join(dir, 'metadata.json'), 'utf8')).toBe('first');
    expect(await cache.savedKeys()).toEqual(['db-1']);
  });

  it('uses the Actions cache only where the runner provides it', async () => {
    const log = captureWorkflowLog();
    const saved = {
      ACTIONS_CACHE_URL: process.env.ACTIONS_CACHE_URL,
      ACTIONS_RESULTS_URL: process.env.ACTIONS_RESULTS_URL,
    };
    delete process.env.ACTIONS_CACHE_URL;
    delete process.env.ACTIONS_RESULTS_URL;
    try {
      const cache = new ActionsDbCache();
      const dir = await tempTree({ 'metadata.json': '{}' });
      expect(await cache.restore(dir, 'db-1', ['db-'])).toBeUndefined();
      await cache.save(dir, 'db-1');
      expect(log.lines()).toEqual([
        'The Actions cache is not available here; the vulnerability DB is downloaded afresh.',
      ]);
    } finally {
      Object.assign(process.env, Object.fromEntries(Object.entries(saved).filter(([, value]) => value !== undefined)));
    }
  });
});
