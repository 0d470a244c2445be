// Runs a bundled action the way a GitHub runner does: `node dist/<name>/index.js` with INPUT_* variables, fresh
// GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and none of the caller's environment beyond what is passed.
// Used by the tests, the benchmarks and the demo.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The environment a runner gives a step; the runner creates both output files before the step starts. */
export function runnerEnvironment(inputs = {}, extraEnv = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gda-runner-'));
  const env = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? dir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: path.join(dir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(dir, 'summary'),
    RUNNER_TEMP: dir,
    ...extraEnv,
  };
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  // A caller that names its own files (say, one that cannot be written) keeps them as they are.
  for (const file of [env.GITHUB_OUTPUT, env.GITHUB_STEP_SUMMARY]) if (file.startsWith(dir)) writeFileSync(file, '');
  return { env, dir };
}

/**
 * Runs dist/<name>/index.js and returns its exit code, what it printed (unless `echo`, which streams it instead),
 * its outputs and its job summary.
 */
export async function runBundledAction(name, inputs, { workspace, env: extraEnv = {}, echo = false } = {}) {
  const { env, dir } = runnerEnvironment(inputs, {
    ...(workspace ? { GITHUB_WORKSPACE: workspace } : {}),
    ...extraEnv,
  });
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', name, 'index.js')], {
    env,
    cwd: workspace ?? dir,
    stdio: ['ignore', echo ? 'inherit' : 'pipe', echo ? 'inherit' : 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk) => (stderr += chunk.toString()));
  const exitCode = await new Promise((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const readable = (file) => (statSync(file, { throwIfNoEntry: false })?.isFile() ? readFileSync(file, 'utf8') : '');
  const outputs = parseOutputFile(readable(env.GITHUB_OUTPUT));
  const summary = readable(env.GITHUB_STEP_SUMMARY);
  rmSync(dir, { recursive: true, force: true });
  return { exitCode, stdout, stderr, outputs, summary };
}

/** Parses the `name<<DELIMITER ... DELIMITER` blocks that @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text) {
  const outputs = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i]);
    if (!match) continue;
    const [, name, delimiter] = match;
    const end = lines.indexOf(delimiter, i + 1);
    outputs[name] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}
