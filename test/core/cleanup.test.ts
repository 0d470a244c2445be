import { describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { onCancel, runCleanups, scratchFolder } from '../../src/core/cleanup.js';
import { tempTree } from '../helpers/temp-dir.js';

// The signal path (SIGINT: tools stopped, folders removed, exit 130) is tested through the bundle in
// test/actions/build-multistage.cancel.int.test.ts; these are the pieces a cancel runs.
describe('cleanups on cancel', () => {
  it('runs each registered cleanup once, newest first, past one that fails', async () => {
    const ran: string[] = [];
    onCancel(() => void ran.push('folder'));
    onCancel(() => {
      ran.push('failing');
      throw new Error('already gone');
    });
    const forget = onCancel(() => void ran.push('forgotten'));
    onCancel(async () => void ran.push('tool'));
    forget();

    await runCleanups();
    await runCleanups();

    expect(ran).toEqual(['tool', 'failing', 'folder']);
  });

  it('a scratch folder is private, and removed on cancel unless removed first', async () => {
    const parent = await tempTree();
    const cancelled = await scratchFolder(parent, 'x-');
    const done = await scratchFolder(parent, 'y-');
    const { mode } = await import('node:fs/promises').then((fs) => fs.stat(cancelled.path));
    expect(mode & 0o777).toBe(0o700);

    await done.remove();
    await runCleanups();

    expect(existsSync(cancelled.path)).toBe(false);
    expect(existsSync(done.path)).toBe(false);
  });
});
