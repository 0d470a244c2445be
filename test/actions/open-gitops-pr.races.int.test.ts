import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { git } from '../helpers/git.js';
import {
  appsRepository,
  FAST,
  imageOf,
  type ManifestsWorld,
  runOpenGitopsPr,
  startManifestsWorld,
} from '../doubles/github-api/harness.js';

const REPO = 'acme/gitops-races';
const APP_1_PROD = 'apps/app-01/prod/kustomization.yaml';
const APP_2_PROD = 'apps/app-02/prod/kustomization.yaml';

let world: ManifestsWorld;
beforeEach(async () => {
  world = await startManifestsWorld(REPO, appsRepository(3));
});
afterEach(async () => {
  expect(world.double.schemaViolations()).toEqual([]);
  expect(world.double.faults.pending()).toEqual([]);
  await world.double.stop();
});

const show = (ref: string, file: string) => git(world.gitPath, 'show', `${ref}:${file}`);
const isAncestor = (ancestor: string, descendant: string) => {
  try {
    git(world.gitPath, 'merge-base', '--is-ancestor', ancestor, descendant);
    return true;
  } catch {
    return false;
  }
};
const bump = (version: string, extra: Record<string, string> = {}) =>
  runOpenGitopsPr(world, { 'image-ref': `${imageOf(1)}:${version}`, manifests: 'apps/app-01/prod', ...extra });
const someoneElsesChange = () => show('main', APP_2_PROD).replace('newTag: 1.0.0', 'newTag: 9.9.9');

describe.each([
  ['git push', 'false'],
  ['the git data API (signed-commits)', 'true'],
])('a branch moved under the action, committing through %s', (_, signCommits) => {
  it('push mode: re-applies the bump on the new base tip; both changes land', async () => {
    await world.double.moveBranchBeforeNextUpdate(REPO, 'main', { [APP_2_PROD]: someoneElsesChange() });

    const { result } = await bump('1.1.0', { 'publish-method': 'push', 'signed-commits': signCommits });

    expect(result).toMatchObject({ operation: 'pushed', attempts: 2 });
    expect(git(world.gitPath, 'rev-parse', 'main')).toBe(result.commitSha);
    expect(show('main', APP_1_PROD)).toContain('newTag: 1.1.0');
    expect(show('main', APP_2_PROD)).toContain('newTag: 9.9.9');
    expect(git(world.gitPath, 'log', '-1', '--format=%s', 'main^')).toBe('A change pushed by someone else');
  });

  it('pull-request mode: keeps what someone pushed to the branch and adds the bump on top', async () => {
    const first = await bump('1.1.0', { 'signed-commits': signCommits });
    await world.double.moveBranchBeforeNextUpdate(REPO, first.result.branch, {
      'apps/app-01/prod/notes.txt': 'by hand\n',
    });

    const { result } = await bump('1.2.0', { 'signed-commits': signCommits });

    expect(result).toMatchObject({ operation: 'updated', attempts: 2, pullRequest: { number: 1 } });
    const human = git(world.gitPath, 'rev-parse', `${result.headSha}^`);
    expect(git(world.gitPath, 'log', '-1', '--format=%s', human)).toBe('A change pushed by someone else');
    expect(isAncestor(first.result.headSha, result.headSha)).toBe(true);
    expect(show(result.branch, 'apps/app-01/prod/notes.txt')).toBe('by hand');
    expect(show(result.branch, APP_1_PROD)).toContain('newTag: 1.2.0');
    expect(world.double.pullRequests(REPO)).toHaveLength(1);
  });
});

describe.each([
  ['git push', 'false'],
  ['the git data API (signed-commits)', 'true'],
])('a branch created by someone else just before the action creates it, through %s', (_, signCommits) => {
  it('is kept: the bump goes on top of it, in one pull request', async () => {
    const branch = 'deploy/app-01-prod';
    await world.double.moveBranchBeforeNextUpdate(REPO, branch, { 'apps/app-01/prod/notes.txt': 'first\n' });

    const { result } = await bump('1.1.0', { branch, 'signed-commits': signCommits });

    expect(result).toMatchObject({ operation: 'created', branch, attempts: 2 });
    expect(show(branch, 'apps/app-01/prod/notes.txt')).toBe('first');
    expect(show(branch, APP_1_PROD)).toContain('newTag: 1.1.0');
    expect(git(world.gitPath, 'log', '-1', '--format=%s', `${branch}^`)).toBe('A change pushed by someone else');
  });
});

describe('the git data API path', () => {
  it('never forces a ref: every update it sends says force: false', async () => {
    await bump('1.1.0', { 'signed-commits': 'true' });
    await bump('1.2.0', { 'signed-commits': 'true' });
    await bump('1.3.0', { 'signed-commits': 'true', 'publish-method': 'push' });

    const refUpdates = world.double.exchanges.filter(
      (exchange) => exchange.template === '/repos/{owner}/{repo}/git/refs/{ref}',
    );
    expect(refUpdates.length).toBe(2);
    for (const update of refUpdates) expect(update.request).toMatchObject({ force: false });
    // No author or committer sent: GitHub signs only commits it authors.
    const commits = world.double.exchanges.filter(
      (exchange) => exchange.template === '/repos/{owner}/{repo}/git/commits',
    );
    for (const commit of commits)
      expect(Object.keys(commit.request as object).sort()).toEqual(['message', 'parents', 'tree']);
  });
});

describe('GitHub failing', () => {
  it('retries a 502 on opening the pull request', async () => {
    world.double.faults.inject('POST /repos/{owner}/{repo}/pulls', {
      kind: 'status',
      status: 502,
      message: 'Server Error',
    });

    const { result } = await bump('1.1.0');

    expect(result.operation).toBe('created');
    const creates = world.double.exchanges.filter(
      (exchange) => exchange.method === 'POST' && exchange.template.endsWith('/pulls'),
    );
    expect(creates.map((exchange) => exchange.status)).toEqual([502, 201]);
  });

  it('waits out a secondary rate limit as retry-after says, then goes on', async () => {
    world.double.faults.inject('GET /repos/{owner}/{repo}', { kind: 'secondary-rate-limit', retryAfterSeconds: 3 });

    // A "second" of 100 ms here: the retry must come at least 3 of them later.
    const { result } = await runOpenGitopsPr(
      world,
      { 'image-ref': `${imageOf(1)}:1.1.0`, manifests: 'apps/app-01/prod' },
      {},
      { ...FAST, waitUnitMs: 100 },
    );

    expect(result.operation).toBe('created');
    const reads = world.double.exchanges.filter((exchange) => exchange.template === '/repos/{owner}/{repo}');
    expect(reads.map((exchange) => exchange.status)).toEqual([403, 200]);
    expect((reads[1]?.at ?? 0) - (reads[0]?.at ?? 0)).toBeGreaterThanOrEqual(300);
  });

  it('reuses the pull request another run opened first (422 "A pull request already exists")', async () => {
    world.double.faults.inject('POST /repos/{owner}/{repo}/pulls', { kind: 'pull-request-race' });

    const { result } = await bump('1.1.0');

    expect(result).toMatchObject({ operation: 'updated', pullRequest: { number: 1 } });
    expect(world.double.pullRequests(REPO)).toHaveLength(1);
    const creates = world.double.exchanges.filter(
      (exchange) => exchange.method === 'POST' && exchange.template.endsWith('/pulls'),
    );
    expect(creates.map((exchange) => exchange.status)).toEqual([422]);
  });
});
