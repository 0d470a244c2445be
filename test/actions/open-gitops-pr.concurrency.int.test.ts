import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { git } from '../helpers/git.js';
import {
  appName,
  appsRepository,
  FAST,
  imageOf,
  type ManifestsWorld,
  runOpenGitopsPr,
  startManifestsWorld,
} from '../doubles/github-api/harness.js';

const REPO = 'acme/gitops-concurrency';
const RUNS = 20;
/** The action's own pauses between attempts (up to 0.25 s, doubling, at most 4 s): what spreads racing runs out. */
const RACERS = { baseDelayMs: 250, maxDelayMs: 4_000 };
/**
 * Time allowed, from the work done rather than from a speed: the runs' pushes to one branch serialize, each a fetch,
 * a commit and a push of a few seconds at most on a loaded 2-core machine, plus the pauses of the runs that lost.
 */
const PER_RUN_MS = 10_000;
const allowedFor = (runs: number) => 30_000 + runs * PER_RUN_MS;

let world: ManifestsWorld;
beforeEach(async () => {
  world = await startManifestsWorld(REPO, appsRepository(RUNS));
});
afterEach(async () => {
  expect(world.double.schemaViolations()).toEqual([]);
  await world.double.stop();
});

const apps = Array.from({ length: RUNS }, (_, index) => index + 1);
const show = (ref: string, file: string) => git(world.gitPath, 'show', `${ref}:${file}`);
const bumpApp = (app: number, mode: string, version = '2.0.0') =>
  runOpenGitopsPr(
    world,
    {
      'image-ref': `${imageOf(app)}:${version}`,
      manifests: `apps/${appName(app)}/prod`,
      'publish-method': mode,
      'max-attempts': '40',
    },
    {},
    { ...FAST, racePolicy: RACERS },
  );

describe(`${RUNS} runs at once, each bumping a different app of one manifests repository`, () => {
  it(
    'push mode: every change lands on main, none lost, history linear',
    async () => {
      const before = git(world.gitPath, 'rev-parse', 'main');

      const runs = await Promise.all(apps.map((app) => bumpApp(app, 'push')));

      expect(runs.map((run) => run.result.operation)).toEqual(apps.map(() => 'pushed'));
      for (const app of apps)
        expect(show('main', `apps/${appName(app)}/prod/kustomization.yaml`)).toContain('newTag: 2.0.0');
      const history = git(world.gitPath, 'rev-list', '--parents', `${before}..main`).split('\n');
      expect(history).toHaveLength(RUNS);
      expect(history.every((line) => line.split(' ').length === 2)).toBe(true);
      const attempts = runs.map((run) => run.result.attempts);
      expect(attempts.some((count) => count > 1)).toBe(true);
      process.stderr.write(`push-mode attempts per run: ${attempts.join(' ')}\n`);
    },
    allowedFor(RUNS),
  );

  it(
    'pull-request mode: exactly one pull request per app, each branch holding its bump',
    async () => {
      const runs = await Promise.all(apps.map((app) => bumpApp(app, 'pull-request')));

      expect(runs.map((run) => run.result.operation)).toEqual(apps.map(() => 'created'));
      const pulls = world.double.pullRequests(REPO);
      expect(pulls).toHaveLength(RUNS);
      expect(new Set(pulls.map((pull) => pull.head)).size).toBe(RUNS);
      for (const [index, run] of runs.entries()) {
        const app = apps[index] as number;
        expect(show(run.result.branch, `apps/${appName(app)}/prod/kustomization.yaml`)).toContain('newTag: 2.0.0');
        expect(git(world.gitPath, 'diff', '--name-only', `main...${run.result.branch}`)).toBe(
          `apps/${appName(app)}/prod/kustomization.yaml`,
        );
      }
    },
    allowedFor(RUNS),
  );

  it(
    'pull-request mode, the same app from 5 pipelines at once: one branch, one pull request',
    async () => {
      const versions = ['2.0.1', '2.0.2', '2.0.3', '2.0.4', '2.0.5'];

      const runs = await Promise.all(versions.map((version) => bumpApp(1, 'pull-request', version)));

      expect(world.double.pullRequests(REPO)).toHaveLength(1);
      expect(new Set(runs.map((run) => run.result.branch)).size).toBe(1);
      expect(runs.filter((run) => run.result.operation === 'created')).toHaveLength(1);
      const head = git(world.gitPath, 'rev-parse', runs[0]?.result.branch as string);
      // Every run's commit is in the branch's history: all moves were fast-forwards.
      for (const run of runs.filter((candidate) => candidate.result.commitSha)) {
        expect(git(world.gitPath, 'merge-base', head, run.result.commitSha)).toBe(run.result.commitSha);
      }
    },
    allowedFor(5),
  );
});
