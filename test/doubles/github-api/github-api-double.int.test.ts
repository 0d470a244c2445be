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
