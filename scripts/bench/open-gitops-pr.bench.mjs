// open-gitops-pr under contention: RUNS runs at once, each bumping a different app of one manifests repository, in push
// mode (all race for main) and pull-request mode (one branch and pull request each). A real `git daemon` serves the bare
// repository; the GitHub API double (test/doubles/github-api) answers the REST calls. The action's own retry pauses
// (up to 0.5 s, doubling, at most 10 s) are used as shipped. Prints wall time, attempts and what reached the remote.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { importSource } from './compiled.mjs';
import { generateRepo, imageOf } from './gitops-repo.mjs';
import { fmt, median } from './lib.mjs';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const TOKEN = 'ghs_BenchTokenForTheDoubleOnly000000000';
const REPO = 'acme/gitops';

export async function run() {
  const { GitHubApiDouble } = await importSource('test/doubles/github-api/github-api-double.ts');
  const { openGitopsPr } = await importSource('src/actions/open-gitops-pr/run.ts');
  const { readOpenGitopsPrSettings } = await importSource('src/actions/open-gitops-pr/settings.ts');
  const { InputReader, inputsFromRecord } = await importSource('src/core/inputs.ts');

  const base = mkdtempSync(path.join(tmpdir(), 'bench-git-'));
  const daemon = await startGitDaemon(base);
  try {
    console.log(
      `open-gitops-pr: ${RUNS} runs at once, one app each, one manifests repository (${RUNS} apps x 3 environments)`,
    );
    for (const mode of ['push', 'pull-request']) {
      seedRepository(base);
      const double = await GitHubApiDouble.start({ gitBase: base, gitDaemonUrl: daemon.url });
      double.addToken(TOKEN, 'gitops-bot[bot]');
      double.addRepository(REPO);
      const runOne = (app, settingsOf = {}) =>
        openGitopsPr(
          readOpenGitopsPrSettings(
            new InputReader(
              inputsFromRecord({
                token: TOKEN,
                repository: REPO,
                'github-api-url': double.apiUrl,
                'image-ref': `${imageOf(app)}:2.0.0`,
                manifests: `apps/app-${String(app).padStart(4, '0')}/prod`,
                'publish-method': mode,
                'max-attempts': '40',
                ...settingsOf,
              }),
            ),
            { RUNNER_TEMP: base },
          ),
          () => undefined,
        );
      const { ms, results } = await quietly(async () => {
        const started = process.hrtime.bigint();
        const results = await Promise.all(Array.from({ length: RUNS }, (_, app) => runOne(app)));
        return { ms: Number(process.hrtime.bigint() - started) / 1e6, results };
      });
      const attempts = results.map((result) => result.attempts);
      const landed = countLanded(base, mode, results);
      const pulls = double.pullRequests(REPO).length;
      // For scale: one run with nobody racing it (a newer image for app 0, so that it has something to do).
      const alone = await quietly(async () => {
        const started = process.hrtime.bigint();
        await runOne(0, { 'image-ref': `${imageOf(0)}:3.0.0` });
        return Number(process.hrtime.bigint() - started) / 1e6;
      });
      await double.stop();
      console.log(
        `  ${mode.padEnd(12)} wall ${fmt(ms)}; retries ${attempts.reduce((a, b) => a + b, 0) - RUNS} ` +
          `(attempts per run: median ${median(attempts)}, max ${Math.max(...attempts)}); ` +
          `changes on the remote ${landed}/${RUNS}; pull requests ${pulls}; one run alone ${fmt(alone)}`,
      );
    }
  } finally {
    daemon.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

/** A bare `acme/gitops.git` with RUNS apps on main, replacing any previous one. */
function seedRepository(base) {
  const bare = path.join(base, `${REPO}.git`);
  rmSync(bare, { recursive: true, force: true });
  mkdirSync(path.dirname(bare), { recursive: true });
  const work = mkdtempSync(path.join(tmpdir(), 'bench-seed-'));
  generateRepo(work, RUNS);
  const git = (cwd, ...args) =>
    execFileSync('git', args, {
      cwd,
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'b',
        GIT_AUTHOR_EMAIL: 'b@b',
        GIT_COMMITTER_NAME: 'b',
        GIT_COMMITTER_EMAIL: 'b@b',
      },
    });
  git(base, 'init', '--quiet', '--bare', '--initial-branch=main', bare);
  git(bare, 'config', 'uploadpack.allowFilter', 'true');
  git(bare, 'config', 'uploadpack.allowAnySHA1InWant', 'true');
  git(work, 'init', '--quiet', '-b', 'main');
  git(work, 'add', '-A');
  git(work, 'commit', '--quiet', '-m', 'seed');
  git(work, 'push', '--quiet', bare, 'main');
  rmSync(work, { recursive: true, force: true });
}

/** How many runs' bumps are on the remote: on main (push) or on each run's branch (pull-request). */
function countLanded(base, mode, results) {
  const bare = path.join(base, `${REPO}.git`);
  let landed = 0;
  for (const [app, result] of results.entries()) {
    const ref = mode === 'push' ? 'main' : result.branch;
    const file = `apps/app-${String(app).padStart(4, '0')}/prod`;
    const text = execFileSync('git', ['-C', bare, 'grep', '-h', '-e', '2.0.0', ref, '--', file], { encoding: 'utf8' });
    if (text.includes('2.0.0')) landed++;
  }
  return landed;
}

/** The action and git print a lot; the figures are what matters here. */
async function quietly(work) {
  const { write: out } = process.stdout;
  const { write: err } = process.stderr;
  process.stdout.write = () => true;
  process.stderr.write = () => true;
  try {
    return await work();
  } finally {
    process.stdout.write = out;
    process.stderr.write = err;
  }
}

async function startGitDaemon(base) {
  const port = await freePort();
  const daemon = spawn(
    'git',
    [
      'daemon',
      '--export-all',
      '--enable=receive-pack',
      '--reuseaddr',
      `--base-path=${base}`,
      '--listen=127.0.0.1',
      `--port=${port}`,
    ],
    { stdio: 'ignore' },
  );
  for (let tries = 0; !(await accepts(port)); tries++) {
    if (tries > 100) throw new Error('git daemon did not start');
    await sleep(50);
  }
  return { url: `git://127.0.0.1:${port}`, stop: () => daemon.kill() };
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function accepts(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('connect', () => resolve(socket.end() && true));
    socket.on('error', () => resolve(false));
  });
}
