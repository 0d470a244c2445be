import { spawn } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempTree } from './temp-dir.js';

export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface ActionRun {
  exitCode: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
}

/**
 * Runs a bundled action the way a GitHub runner does: `node dist/<name>/index.js` with INPUT_* variables,
 * GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and none of this process's environment beyond PATH and HOME.
 */
export async function runBundledAction(
  name: string,
  inputs: Record<string, string>,
  options: { workspace?: string; env?: Record<string, string> } = {},
): Promise<ActionRun> {
  const runnerDir = await tempTree({ output: '', summary: '' }, 'gda-runner-');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? runnerDir,
    GITHUB_ACTIONS: 'true',
    GITHUB_OUTPUT: path.join(runnerDir, 'output'),
    GITHUB_STEP_SUMMARY: path.join(runnerDir, 'summary'),
    RUNNER_TEMP: runnerDir,
    ...(options.workspace ? { GITHUB_WORKSPACE: options.workspace } : {}),
    ...options.env,
  };
  for (const [key, value] of Object.entries(inputs)) env[`INPUT_${key.replace(/ /g, '_').toUpperCase()}`] = value;
  const child = spawn(process.execPath, [path.join(REPO_ROOT, 'dist', name, 'index.js')], {
    env,
    cwd: options.workspace ?? runnerDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  const outputs = parseOutputFile(await fs.readFile(env.GITHUB_OUTPUT as string, 'utf8'));
  const summary = await fs.readFile(env.GITHUB_STEP_SUMMARY as string, 'utf8');
  await fs.rm(runnerDir, { recursive: true, force: true });
  return { exitCode, stdout, stderr, outputs, summary };
}

/** Parses the `name<<DELIMITER ... DELIMITER` blocks that @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<]+)<<(.+)$/.exec(lines[i] as string);
    if (!match) continue;
    const [, name, delimiter] = match as unknown as [string, string, string];
    const end = lines.indexOf(delimiter, i + 1);
    outputs[name] = lines.slice(i + 1, end).join('\n');
    i = end;
  }
  return outputs;
}

/** The `::error` lines a run printed. */
export function errorLines(run: ActionRun): string[] {
  return run.stdout.split('\n').filter((line) => line.startsWith('::error'));
}
