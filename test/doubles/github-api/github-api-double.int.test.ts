import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { git } from '../../helpers/git.js';
import { type ManifestsWorld, startManifestsWorld, TOKEN } from './harness.js';

const REPO = 'acme/double-shapes';
const recorded = (file: string) =>
  JSON.parse(readFileSync(new URL(`../../fixtures/github-api/${file}`, import.meta.url), 'utf8'));
const RECORDED_PULL = recorded('octokit-rb/pulls-create.201.response.json');
const RECORDED_REF = recorded('octokit-rb/git-refs-create.201.response.json');
const RECORDED_ERROR = recorded('octokit-fixtures/errors/normalized-fixture.json')[0].response;

let world: ManifestsWorld;
beforeAll(async () => {
  world = await startManifestsWorld(REPO, { 'a.yaml': 'a: 1\n' });
  git(world.gitPath, 'branch', 'feature', 'main');
  await world.double.commitAsPerson(REPO, 'feature', { 'a.yaml': 'a: 2\n' });
});
afterAll(async () => {
  await world.double.stop();
});

async function call(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${world.double.apiUrl}${path}`, {
    method,
    headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

describe('the GitHub API double answers in the recorded shapes', () => {
  it("a pull request: the keys of api.github.com's answer, in its order, with a live head", async () => {
    const { status, json } = await call('POST', `/repos/${REPO}/pulls`, {
      title: 't',
      head: 'feature',
      base: 'main',
      body: 'b',
    });
    expect(status).toBe(201);
    expect(Object.keys(json)).toEqual(Object.keys(RECORDED_PULL));
    const head = json.head as Record<string, Record<string, unknown>>;
    expect(Object.keys(head)).toEqual(Object.keys(RECORDED_PULL.head));
    expect(Object.keys(head.repo as object)).toEqual(Object.keys(RECORDED_PULL.head.repo));
    expect(Object.keys(json.user as object)).toEqual(Object.keys(RECORDED_PULL.user));
    expect(head.sha).toBe(git(world.gitPath, 'rev-parse', 'feature'));
  });

  it('a ref: the recorded keys, plus node_id which GitHub now requires', async () => {
    const { json } = await call('GET', `/repos/${REPO}/git/ref/heads/main`);
    expect(Object.keys(json)).toEqual([...Object.keys(RECORDED_REF), 'node_id']);
    expect(json.object).toMatchObject({ sha: git(world.gitPath, 'rev-parse', 'main'), type: 'commit' });
  });

  it('a validation error: message, errors, documentation_url', async () => {
    const { status, json } = await call('POST', `/repos/${REPO}/pulls`, { title: 't', head: 'feature', base: 'main' });
    expect(status).toBe(422);
    expect(Object.keys(json)).toEqual(Object.keys(RECORDED_ERROR));
    expect(json.errors).toEqual([
      { resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for acme:feature.' },
    ]);
  });

  it('moves refs through the git data API only forward unless forced, as GitHub does', async () => {
    const main = git(world.gitPath, 'rev-parse', 'main');
    const feature = git(world.gitPath, 'rev-parse', 'feature');
    expect(
      (await call('PATCH', `/repos/${REPO}/git/refs/heads/feature`, { sha: main, force: false })).json.message,
    ).toBe('Update is not a fast forward');
    expect((await call('PATCH', `/repos/${REPO}/git/refs/heads/main`, { sha: feature, force: false })).status).toBe(
      200,
    );
    expect(git(world.gitPath, 'rev-parse', 'main')).toBe(feature);
  });

  it("conforms to GitHub's OpenAPI description in everything it answered above", () => {
    expect(world.double.exchanges.length).toBeGreaterThanOrEqual(5);
    expect(world.double.schemaViolations()).toEqual([]);
  });
});

describe('pull requests merged, commits compared and read, as GitHub answers them', () => {
  const open = async (head: string, files: Record<string, string>) => {
    await world.double.commitAsPerson(REPO, head, files);
    const { json } = await call('POST', `/repos/${REPO}/pulls`, { title: `Change ${head}`, head, base: 'main' });
    return json.number as number;
  };

  it('merges with a real merge commit of head into base, then answers merged, merged_at and merge_commit_sha', async () => {
    const number = await open('to-merge', { 'b.yaml': 'b: 1\n' });
    const before = await call('GET', `/repos/${REPO}/pulls/${number}`);
    expect(before.json).toMatchObject({ state: 'open', merged: false, merged_at: null, merge_commit_sha: null });
    const base = git(world.gitPath, 'rev-parse', 'main');
    const head = git(world.gitPath, 'rev-parse', 'to-merge');
    const sha = await world.double.mergePullRequest(REPO, number);
    expect(git(world.gitPath, 'rev-parse', 'main')).toBe(sha);
    expect(git(world.gitPath, 'rev-parse', `${sha}^1`, `${sha}^2`)).toBe(`${base}\n${head}`);
    expect(git(world.gitPath, 'log', '-1', '--format=%s', sha)).toBe(
      `Merge pull request #${number} from acme/to-merge`,
    );
    const after = await call('GET', `/repos/${REPO}/pulls/${number}`);
    expect(after.json).toMatchObject({ state: 'closed', merged: true, merge_commit_sha: sha });
    expect(after.json.merged_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(after.json.merged_by).toMatchObject({ login: 'reviewer' });
  });

  it('squashes into one commit on base when asked', async () => {
    const number = await open('to-squash', { 'c.yaml': 'c: 1\n' });
    const base = git(world.gitPath, 'rev-parse', 'main');
    const sha = await world.double.mergePullRequest(REPO, number, { method: 'squash' });
    expect(git(world.gitPath, 'rev-list', '--parents', '-1', sha)).toBe(`${sha} ${base}`);
    expect(git(world.gitPath, 'show', `${sha}:c.yaml`)).toBe('c: 1');
  });

  it('answers 404 for a pull request that does not exist', async () => {
    expect((await call('GET', `/repos/${REPO}/pulls/999`)).status).toBe(404);
  });

  it('compares base...head: identical, ahead, behind, diverged, with the counts', async () => {
    const main = git(world.gitPath, 'rev-parse', 'main');
    const older = git(world.gitPath, 'rev-parse', 'main~1');
    const other = await world.double.commitAsPerson(REPO, 'elsewhere', { 'd.yaml': 'd: 1\n' });
    const side = git(world.gitPath, 'commit-tree', '-p', older, '-m', 'side', `${older}^{tree}`);
    const compare = async (basehead: string) => (await call('GET', `/repos/${REPO}/compare/${basehead}`)).json;
    expect(await compare(`${main}...${main}`)).toMatchObject({ status: 'identical', ahead_by: 0, behind_by: 0 });
    expect(await compare(`${main}...${other}`)).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0 });
    expect(await compare(`${main}...${older}`)).toMatchObject({ status: 'behind', ahead_by: 0, behind_by: 1 });
    const diverged = await compare(`${main}...${side}`);
    expect(diverged).toMatchObject({ status: 'diverged', ahead_by: 1, behind_by: 1, total_commits: 1 });
    expect((diverged.merge_base_commit as { sha: string }).sha).toBe(older);
    expect((await call('GET', `/repos/${REPO}/compare/${main}...${'f'.repeat(40)}`)).status).toBe(404);
  });

  it('reads a commit by sha or branch with its author and committer dates; 422 for an unknown one', async () => {
    const main = git(world.gitPath, 'rev-parse', 'main');
    const date = git(world.gitPath, 'log', '-1', '--format=%cI', main);
    for (const ref of [main, 'main']) {
      const { json } = await call('GET', `/repos/${REPO}/commits/${ref}`);
      expect(json.sha).toBe(main);
      expect(Date.parse((json.commit as { committer: { date: string } }).committer.date)).toBe(Date.parse(date));
    }
    const unknown = await call('GET', `/repos/${REPO}/commits/${'e'.repeat(40)}`);
    expect(unknown.status).toBe(422);
    expect(unknown.json.message).toBe(`No commit found for SHA: ${'e'.repeat(40)}`);
  });

  it("conforms to GitHub's OpenAPI description in these answers too", () => {
    expect(world.double.schemaViolations()).toEqual([]);
  });
});
