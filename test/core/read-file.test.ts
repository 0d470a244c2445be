import { describe, expect, it } from '@jest/globals';
import * as path from 'node:path';
import { readFileAtMost } from '../../src/core/read-file.js';
import { tempTree } from '../helpers/temp-dir.js';

const tooLarge = (size: number) => new Error(`too large: ${size}`);

describe('readFileAtMost', () => {
  it('reads a whole file of any size up to the cap, with or without a scratch buffer', async () => {
    const big = 'x'.repeat(70_000);
    const root = await tempTree({ 'empty.yaml': '', 'small.yaml': 'a: 1\n', 'big.yaml': big });
    for (const scratch of [undefined, Buffer.alloc(16), Buffer.alloc(64 * 1024)]) {
      expect(readFileAtMost(path.join(root, 'empty.yaml'), 100_000, tooLarge, scratch).length).toBe(0);
      expect(readFileAtMost(path.join(root, 'small.yaml'), 100_000, tooLarge, scratch).toString()).toBe('a: 1\n');
      expect(readFileAtMost(path.join(root, 'big.yaml'), 100_000, tooLarge, scratch).toString()).toBe(big);
    }
  });

  it('returns a view of the scratch buffer for a file that fits, and a buffer of its own otherwise', async () => {
    const root = await tempTree({ 'fits.yaml': 'abc', 'exact.yaml': 'abcd', 'over.yaml': 'abcde' });
    const scratch = Buffer.alloc(4);
    expect(readFileAtMost(path.join(root, 'fits.yaml'), 100, tooLarge, scratch).buffer).toBe(scratch.buffer);
    // A file that fills the scratch goes on into a larger buffer of its own, until a read finds its end.
    const exact = readFileAtMost(path.join(root, 'exact.yaml'), 100, tooLarge, scratch);
    expect([exact.toString(), exact.buffer === scratch.buffer]).toEqual(['abcd', false]);
    expect(readFileAtMost(path.join(root, 'over.yaml'), 100, tooLarge, scratch).toString()).toBe('abcde');
  });

  it('refuses a file over the cap with its size, whether or not it would fit the scratch buffer', async () => {
    const root = await tempTree({ 'at.yaml': '12345', 'over.yaml': '123456' });
    for (const scratch of [undefined, Buffer.alloc(4), Buffer.alloc(1024)]) {
      expect(readFileAtMost(path.join(root, 'at.yaml'), 5, tooLarge, scratch).toString()).toBe('12345');
      expect(() => readFileAtMost(path.join(root, 'over.yaml'), 5, tooLarge, scratch)).toThrow('too large: 6');
    }
  });

  it('reads a file whose size says 0 to its end (a /proc file, a pipe)', () => {
    const proc = '/proc/self/status';
    if (process.platform !== 'linux') return;
    for (const scratch of [undefined, Buffer.alloc(16)]) {
      expect(readFileAtMost(proc, 1_000_000, tooLarge, scratch).toString()).toMatch(/^Name:/);
      expect(() => readFileAtMost(proc, 10, tooLarge, scratch)).toThrow(/too large: \d+/);
    }
  });

  it('fails on a file that does not exist with the system error', async () => {
    const root = await tempTree({});
    expect(() => readFileAtMost(path.join(root, 'missing.yaml'), 5, tooLarge)).toThrow(/ENOENT/);
  });
});
