// Small timing helpers shared by the benchmarks: child processes as a runner starts them, medians of repeated runs.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runnerEnvironment } from '../lib/runner.mjs';

export { REPO_ROOT as ROOT } from '../lib/runner.mjs';

/** The environment a runner gives an action (see scripts/lib/runner.mjs). */
export function runnerEnv(inputs = {}, extra = {}) {
  return runnerEnvironment(inputs, extra).env;
}

/** Wall time of one child process, in milliseconds; throws unless it exits as expected. */
export function timeProcess(args, { env, cwd, expectCode = 0 } = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { env, cwd, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== expectCode) {
    throw new Error(
      `${args.join(' ')} exited ${result.status}, expected ${expectCode}: ${result.stdout}${result.stderr}`,
    );
  }
  return ms;
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median of `runs` timings after one warm-up (so the OS file cache is as warm for every contender). */
export function medianOf(runs, measure) {
  measure();
  return median(Array.from({ length: runs }, measure));
}

export function readOutputs(env) {
  return readFileSync(env.GITHUB_OUTPUT, 'utf8');
}

export function fmt(ms) {
  return `${ms.toFixed(1)} ms`;
}
