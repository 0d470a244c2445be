/**
 * Bundles built from the working tree into a temporary folder (dist/ is rebuilt only by the lead), and runs one the
 * way a runner does: `node <bundle>/index.js` with INPUT_* variables, fresh GITHUB_OUTPUT / GITHUB_STEP_SUMMARY
 * files and no environment beyond what is passed (scripts/lib/runner.mjs's runnerEnvironment).
 */
import { beforeAll } from '@jest/globals';
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdtemp, rename, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { type ActionRun, parseOutputFile, REPO_ROOT } from './run-action.js';
import { runnerEnvironment } from '../../scripts/lib/runner.mjs';

/** One build takes 35 s to 2 min on 2 shared cores; a build another test holds the scratch folder of is waited for. */
export const BUILD_TIMEOUT_MS = 15 * 60_000;
const BUSY = /exists: another build is running/;
// What the bundles are made of: the same digest means the same bundles, so test files (and runs) share one build.
const INPUTS = ['src', 'scripts/build.mjs', 'scripts/action-catalog.mjs', 'tsconfig.json', 'package-lock.json'];

/**
 * The bundles of the working tree as it is now, in a folder under the OS temp folder named by the digest of their
 * sources: built once, then reused by every test file until a source changes.
 */
export async function buildFreshBundles(): Promise<string> {
  const out = path.join(tmpdir(), `gda-bundles-${sourceDigest().slice(0, 16)}`);
  const deadline = Date.now() + BUILD_TIMEOUT_MS;
  while (!existsSync(out)) {
    const scratch = await mkdtemp(`${out}-building-`);
    const failure = await runBuild(scratch);
    if (failure === undefined) {
      // Another file may have finished the same build first; its copy is as good.
      await rename(scratch, out).catch(() => rm(scratch, { recursive: true, force: true }));
      break;
    }
    await rm(scratch, { recursive: true, force: true });
    if (!BUSY.test(failure) || Date.now() > deadline) throw new Error(`scripts/build.mjs failed: ${failure}`);
    await new Promise((resolve) => setTimeout(resolve, 3000));
  }
  return out;
}

/** Builds the bundles (or finds them built) before this test file's tests; returns where they are. */
export function freshBundlesForThisFile(): () => string {
  let out: string | undefined;
  beforeAll(async () => {
    out = await buildFreshBundles();
  }, BUILD_TIMEOUT_MS);
  return () => {
    if (!out) throw new Error('The bundles are not built: call freshBundlesForThisFile() at the top of the file');
    return out;
  };
}

function sourceDigest(): string {
  const hash = createHash('sha256');
  const files = INPUTS.flatMap((input) => {
    const full = path.join(REPO_ROOT, input);
    if (!statSync(full).isDirectory()) return [input];
    return readdirSync(full, { recursive: true, encoding: 'utf8' }).map((name) => path.join(input, name));
  });
  for (const file of files.sort()) {
    const full = path.join(REPO_ROOT, file);
    if (!statSync(full).isFile()) continue;
    hash.update(`${file}\0`).update(readFileSync(full)).update('\0');
  }
  return hash.digest('hex');
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
  /** What it printed so far, stdout then stderr. */
  printed(): string;
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
  return { child, printed: () => stdout + stderr, finished, runnerTemp: dir };
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
