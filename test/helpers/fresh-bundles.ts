/**
 * Bundles built from the working tree into a temporary folder (dist/ is rebuilt only by the lead), and runs one the
 * way a runner does: `node <bundle>/index.js` with INPUT_* variables, fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY
 * files and no environment beyond what is passed (scripts/lib/runner.mjs's runnerEnvironment).
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type ActionRun, parseOutputFile, REPO_ROOT } from './run-action.js';
import { runnerEnvironment } from '../../scripts/lib/runner.mjs';

/** One build takes about 35 s on 2 cores; a build another test holds the scratch folder of is waited for. */
export const BUILD_TIMEOUT_MS = 15 * 60_000;
const BUSY = /exists: another build is running/;

/** Builds every bundle into a new temporary folder and returns it; remove it with `removeBundles`. */
export async function buildFreshBundles(): Promise<string> {
  const out = await mkdtemp(path.join(tmpdir(), 'gda-bundles-'));
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  for (;;) {
    const failure = await runBuild(out);
    if (failure === undefined) return out;
    if (!BUSY.test(failure) || Date.now() > deadline) throw new Error(`scripts/build.mjs failed: ${failure}`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
}

export async function removeBundles(out: string | undefined): Promise<void> {
  if (out) await rm(out, { recursive: true, force: true });
}

function runBuild(out: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [path.join(REPO_ROOT, 'scripts', 'build.mjs'), '--out', out],
      { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => resolve(error ? stderr || error.message : undefined),
    );
  });
}

export interface BundleRunOptions {
  workspace?: string;
  env?: Record<string, string>;
}

/** A started bundle: the child, and what it will have printed, set and summarised once it exits. */
export interface StartedBundle {
  child: ChildProcess;
  /** What it printed so far. */
  stdout(): string;
  /** Resolves when it exits; the runner folder (outputs, summary) is removed then. */
  finished: Promise<ActionRun & { signal: NodeJS.Signals | null }>;
  /** RUNNER_TEMP of the run. */
  runnerTemp: string;
}

export function startBundle(
  bundles: string,
  name: string,
  inputs: Record<string, string>,
  options: BundleRunOptions = {},
): StartedBundle {
  const { env, dir } = runnerEnvironment(inputs, {
    ...(options.workspace ? { GITHUB_WORKSPACE: options.workspace } : {}),
    ...options.env,
  });
  const child = spawn(process.execPath, [path.join(bundles, name, 'index.js')], {
    env,
    cwd: options.workspace ?? dir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const finished = new Promise<ActionRun & { signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => {
      const outputs = parseOutputFile(readFileSync(env.GITHUB_OUTPUT as string, 'utf8'));
      const summary = readFileSync(env.GITHUB_STEP_SUMMARY as string, 'utf8');
      rmSync(dir, { recursive: true, force: true });
      resolve({ exitCode: code ?? -1, signal, stdout, stderr, outputs, summary });
    }),
  );
  return { child, stdout: () => stdout, finished, runnerTemp: dir };
}

/** Runs a bundle to its end. */
export async function runFreshBundle(
  bundles: string,
  name: string,
  inputs: Record<string, string>,
  options: BundleRunOptions = {},
): Promise<ActionRun> {
  return startBundle(bundles, name, inputs, options).finished;
}
