import type { ActionRun } from '../../scripts/lib/runner.mjs';

export { type ActionRun, parseOutputFile, REPO_ROOT, runBundledAction } from '../../scripts/lib/runner.mjs';

/** The `::error` lines a run printed. */
export function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error'));
}
