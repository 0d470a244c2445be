// open-gitops-pr under contention, as a runner starts it: RUNS runs at once (each its own `node <dist>/open-gitops-pr`
// process), each bumping a different app of one manifests repository, in push mode (all race for main) and
// pull-request mode (one branch and pull request each), against the floor a user would otherwise pay: RUNS sequential
// plain-git pushes of the same edits (shallow clone, edit, commit, push). A real `git daemon` serves the bare
// repository; the GitHub API double (test/doubles/github-api, in this process) answers the REST calls. Each round
// starts from a fresh repository and checks that every change reached the remote.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { importSource } from './compiled.mjs';
import { generateRepo, imageOf } from './gitops-repo.mjs';
import {
  atMost,
  bundleOf,
  NODE,
  paired,
  printTable,
  ratios,
  readOutputs,
  runnerEnv,
  timeCommandAsync,
} from './lib.mjs';

const RUNS = Number(process.env.BENCH_CONCURRENT ?? 20);
const TOKEN = 'ghs_BenchTokenForTheDoubleOnly000000000';
const REPO = 'acme/gitops';
const GIT_IDENTITY = {
  GIT_AUTHOR_NAME: 'b',
  GIT_AUTHOR_EMAIL: 'b@b',
  GIT_COMMITTER_NAME: 'b',
  GIT_COMMITTER_EMAIL: 'b@b',
};
const appDir = (app) => `apps/app-${String(app).padStart(4, '0')}/prod`;
// gitops-repo.mjs gives every third app a kustomize overlay, Helm values or a plain Deployment, each with 1.0.0 once.
const appFile = (app) => `${appDir(app)}/${['kustomization.yaml', 'values.yaml', 'deployment.yaml'][app % 3]}`;

export async function run() {
  const bundle = bundleOf('open-gitops-pr');
  const { GitHubApiDouble } = await importSource('test/doubles/github-api/github-api-double.ts');
  const base = mkdtempSync(path.join(tmpdir(), 'bench-git-'));
  const daemon = await startGitDaemon(base);
  const double = await GitHubApiDouble.start({ gitBase: base, gitDaemonUrl: daemon.url });
  double.addToken(TOKEN, 'gitops-bot[bot]');
  double.addRepository(REPO);

  const concurrent = (mode) => async () => {
    const started = process.hrtime.bigint();
    const runs = await Promise.all(
      Array.from({ length: RUNS }, async (_, app) => {
        const env = runnerEnv({
          token: TOKEN,
          repository: REPO,
          'github-api-url': double.apiUrl,
          'image-ref': `${imageOf(app)}:2.0.0`,
          manifests: appDir(app),
          'publish-method': mode,
          'max-attempts': '40',
        });
        await timeCommandAsync(NODE, [bundle], { env });
        const output = (name) => new RegExp(`^${name}<<(.*)\n(.*)$`, 'm').exec(readOutputs(env))?.[2] ?? '';
        return { branch: output('branch'), pullRequest: output('pull-request-number') };
      }),
    );
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assertLanded(
      base,
      mode,
      runs.map((run) => run.branch),
    );
    // One pull request per app: a later round finds its branch's pull request open and updates it.
    const pullRequests = new Set(runs.map((run) => run.pullRequest).filter(Boolean));
    if (mode === 'pull-request' && pullRequests.size !== RUNS) {
      throw new Error(`expected ${RUNS} pull requests, one per app; got ${pullRequests.size}`);
    }
    return ms;
  };
  const floor = async () => {
    const work = mkdtempSync(path.join(tmpdir(), 'bench-plain-'));
    const url = `${daemon.url}/${REPO}.git`;
    const started = process.hrtime.bigint();
    for (let app = 0; app < RUNS; app++) {
      const dir = path.join(work, String(app));
      const git = (cwd, ...args) => timeCommandAsync('git', args, { env: runnerEnv({}, GIT_IDENTITY), cwd });
      await git(work, 'clone', '--quiet', '--depth', '1', '--single-branch', '-b', 'main', url, dir);
      const file = path.join(dir, appFile(app));
      writeFileSync(file, readFileSync(file, 'utf8').replace('1.0.0', '2.0.0'));
      await git(dir, 'commit', '--quiet', '-am', `Bump app ${app}`);
      await git(dir, 'push', '--quiet', 'origin', 'main');
    }
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    rmSync(work, { recursive: true, force: true });
    assertLanded(base, 'push', []);
    return ms;
  };

  try {
    const times = await paired(
      { push: concurrent('push'), pullRequest: concurrent('pull-request'), floor },
      { beforeEach: () => seedRepository(base) },
    );
    printTable(
      `open-gitops-pr: ${RUNS} runs at once, one app each, one manifests repository (${RUNS} apps x 3 environments)`,
      [
        {
          figure: `push mode, ${RUNS} at once / ${RUNS} sequential plain-git pushes`,
          action: times.push,
          baseline: times.floor,
          ratio: ratios(times.push, times.floor),
          goal: atMost(2, '≤ 2×'),
        },
        {
          figure: `pull-request mode, ${RUNS} at once / the same floor`,
          action: times.pullRequest,
          baseline: times.floor,
          ratio: ratios(times.pullRequest, times.floor),
          goal: atMost(1.5, '≤ 1.5×'),
        },
      ],
    );
  } finally {
    await double.stop();
    daemon.stop();
    rmSync(base, { recursive: true, force: true });
  }
}

/** Throws unless every run's bump is on the remote, on main (push) or on its branch (pull-request); main stays linear. */
function assertLanded(base, mode, branches) {
  const bare = path.join(base, `${REPO}.git`);
  for (let app = 0; app < RUNS; app++) {
    const ref = mode === 'push' ? 'main' : branches[app];
    const text = execFileSync('git', ['-C', bare, 'show', `${ref}:${appFile(app)}`], {
      encoding: 'utf8',
    });
    if (!text.includes('2.0.0')) throw new Error(`app ${app}'s bump is not on ${ref}`);
  }
  if (execFileSync('git', ['-C', bare, 'rev-list', '--merges', 'main'], { encoding: 'utf8' }).trim()) {
    throw new Error('main has merge commits');
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
