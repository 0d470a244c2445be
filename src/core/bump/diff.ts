import { createTwoFilesPatch } from 'diff';
import type { FileBump } from './bumper.js';

/** One unified diff (`git diff` style, a/ and b/ prefixes) for all changed files. */
export function unifiedDiff(bumps: readonly FileBump[]): string {
  return bumps
    .map((bump) =>
      createTwoFilesPatch(`a/${bump.path}`, `b/${bump.path}`, bump.before, bump.after, undefined, undefined, {
        context: 3,
      })
        .split('\n')
        .slice(1)
        .join('\n'),
    )
    .join('');
}
