// Small timing helpers shared by the benchmarks: child processes as a runner starts them, medians of repeated runs.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The environment a runner gives an action: no INPUT_* beyond `inputs`, fresh output files. */
export function runnerEnv(inputs = {}, extra = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-runner-'));
  const env = {
    PATH: process.env.PATH,
    HOME: dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    RUNNER_TEMP: dir,
    ...extra,
  };
  for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.toUpperCase()}`] = value;
  // The runner creates both files before a step starts; @actions/core refuses to write to a missing one.
  writeFileSync(env.GITHUB_OUTPUT, '');
  writeFileSync(env.GITHUB_STEP_SUMMARY, '');
  return env;
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
