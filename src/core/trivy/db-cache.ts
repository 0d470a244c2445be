import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as log from '../log.js';
import { errorMessage } from '../errors.js';
import { escapeForLog } from '../workflow-commands.js';

/** Where the vulnerability DB is kept between runs; both calls are best effort and never fail the scan. */
export interface DbCache {
  /** Fills `dir` from the entry saved under `key`, else the newest whose key starts with a `restoreKeys` prefix. */
  restore(dir: string, key: string, restoreKeys: readonly string[]): Promise<string | undefined>;
  /** Saves `dir` under `key`; an existing entry with that key is kept (entries are immutable, as in Actions). */
  save(dir: string, key: string): Promise<void>;
}

/** GitHub's Actions cache, through @actions/cache (loaded on first use: it is large and most steps never need it). */
export class ActionsDbCache implements DbCache {
  async restore(dir: string, key: string, restoreKeys: readonly string[]): Promise<string | undefined> {
    const cache = await import('@actions/cache');
    if (!cache.isFeatureAvailable()) {
      log.info('The Actions cache is not available here; the vulnerability DB is downloaded afresh.');
      return undefined;
    }
    try {
      return await cache.restoreCache([dir], key, [...restoreKeys]);
    } catch (error) {
      log.warning(`Could not restore the vulnerability DB from the Actions cache: ${errorMessage(error)}`);
      return undefined;
    }
  }

  async save(dir: string, key: string): Promise<void> {
    const cache = await import('@actions/cache');
    if (!cache.isFeatureAvailable()) return;
    try {
      await cache.saveCache([dir], key);
    } catch (error) {
      // Another job of the same run may have saved the same key first; that entry is just as good.
      log.info(`The vulnerability DB was not saved to the Actions cache: ${escapeForLog(errorMessage(error))}`);
    }
  }
}

/** A cache kept in a local directory, one folder per key: for tests and for runs outside GitHub Actions. */
export class LocalDirectoryDbCache implements DbCache {
  constructor(private readonly root: string) {}

  async restore(dir: string, key: string, restoreKeys: readonly string[]): Promise<string | undefined> {
    const saved = await this.savedKeys();
    const hit =
      saved.find((candidate) => candidate === key) ??
      restoreKeys
        .map((prefix) => saved.findLast((candidate) => candidate.startsWith(prefix)))
        .find((candidate) => candidate !== undefined);
    if (hit === undefined) return undefined;
    await rm(dir, { recursive: true, force: true });
    await cp(this.entry(hit), dir, { recursive: true });
    return hit;
  }

  async save(dir: string, key: string): Promise<void> {
    const saved = await this.savedKeys();
    if (saved.includes(key)) return;
    await cp(dir, this.entry(key), { recursive: true });
    await writeFile(this.index(), JSON.stringify([...saved, key]));
  }

  /** Keys in the order they were saved, oldest first. */
  async savedKeys(): Promise<string[]> {
    await mkdir(this.root, { recursive: true });
    try {
      return JSON.parse(await readFile(this.index(), 'utf8')) as string[];
    } catch {
      return [];
    }
  }

  private entry(key: string): string {
    return path.join(this.root, encodeURIComponent(key));
  }

  private index(): string {
    return path.join(this.root, 'keys.json');
  }
}
