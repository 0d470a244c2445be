/**
 * wait-for-sync given a pull request of the manifests repository: the GitHub API double (over a real bare repository
 * of the test bed, every answer checked against GitHub's OpenAPI description) says when it is merged and how commits
 * relate; the Argo CD API double plays the agent that then runs the merge commit.
 */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as fs from 'node:fs/promises';
import { SyncNotReachedError } from '../../src/actions/wait-for-sync/run.js';
import { UserError } from '../../src/core/errors.js';
import { health, operationFinished } from '../doubles/argocd-api/application-status.js';
import { ArgoCdApiDouble } from '../doubles/argocd-api/server.js';
import { type ManifestsWorld, startManifestsWorld, TOKEN } from '../doubles/github-api/harness.js';
import { git } from '../helpers/git.js';
import { tempTree } from '../helpers/temp-dir.js';
import { runWaitForSync } from './wait-for-sync.harness.js';

const REPO = 'acme/wait-manifests';
const SOURCE = { repoURL: 'git://127.0.0.1/acme/wait-manifests.git', path: 'apps/web', targetRevision: 'main' };

describe('wait-for-sync given a pull request', () => {
  let world: ManifestsWorld;
  let argo: ArgoCdApiDouble;
  let dir: string;
  let log: string[];
  /** The tip of main when the test starts: what the agent runs before the change. */
  let running: string;
  let pull: number;

  beforeEach(async () => {
    world = await startManifestsWorld(REPO, { 'apps/web/deployment.yaml': 'image: web:1\n' });
    running = git(world.gitPath, 'rev-parse', 'main');
    await world.double.commitAsPerson(REPO, 'bump-web', { 'apps/web/deployment.yaml': 'image: web:2\n' });
    const created = await fetch(`${world.double.apiUrl}/repos/${REPO}/pulls`, {
      method: 'POST',
      headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Bump web to 2', head: 'bump-web', base: 'main' }),
    });
    pull = ((await created.json()) as { number: number }).number;
    argo = await ArgoCdApiDouble.start();
    argo.addApplication({ name: 'web', source: SOURCE });
    // Argo CD synced the current main before: it is in the app's history, which a rollback reads.
    argo.update('web', (app) => {
      operationFinished(app, running, 'Succeeded', []);
      health(app, 'Healthy');
    });
    dir = await tempTree();
    log = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      log.push(String(chunk));
      return true;
    });
  }, 60_000);

  afterEach(async () => {
    jest.restoreAllMocks();
    expect(world.double.schemaViolations()).toEqual([]);
    expect(argo.schemaViolations()).toEqual([]);
    await world.double.stop();
    await argo.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const run = (inputs: Record<string, string> = {}) =>
    runWaitForSync(
      {
        agent: 'argocd',
        'argocd-server': argo.url,
        'argocd-token': argo.token,
        'argocd-application': 'web',
        'pull-request': String(pull),
        repository: REPO,
        token: TOKEN,
        'github-api-url': world.double.apiUrl,
        timeout: '60s',
        ...inputs,
      },
      dir,
      { githubWaitUnitMs: 5 },
    );

  const asked = (template: string) => world.double.exchanges.filter((exchange) => exchange.template === template);

  it('waits for the merge, takes the merge commit, then sees the agent run it', async () => {
    const merged = (async () => {
      // Merged by a reviewer while the step waits; Argo CD notices the new commit on its own a little later.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      const sha = await world.double.mergePullRequest(REPO, pull);
      await argo.rollout('web', { revision: sha, noticeAfterMs: 200 });
      return sha;
    })();
    const { outputs, error } = await run();
    const sha = await merged;
    expect(error).toBeUndefined();
    expect(git(world.gitPath, 'rev-list', '--parents', '-1', sha).split(' ')).toHaveLength(3);
    expect(outputs).toMatchObject({ status: 'synced', revision: sha, health: 'Healthy', 'previous-revision': running });
    expect(outputs['merged-at']).toBe(world.double.pullRequests(REPO)[0]?.mergedAt);
    expect(Number(outputs['lead-time-seconds'])).toBeGreaterThanOrEqual(0);
    const text = log.join('');
    expect(text.indexOf(`Waiting for pull request #${pull} to be merged.`)).toBeLessThan(
      text.indexOf(`Pull request #${pull} was merged at`),
    );
    expect(text).toContain(`as ${sha}.`);
    expect(asked('/repos/{owner}/{repo}/pulls/{pull_number}').length).toBeGreaterThanOrEqual(2);
    // The commit time for the lead time.
    expect(asked('/repos/{owner}/{repo}/commits/{ref}').map((exchange) => exchange.path)).toContain(
      `/repos/${REPO}/commits/${sha}`,
    );
  });

  it('fails at once, saying so, when the pull request is closed without being merged', async () => {
    world.double.closePullRequest(REPO, pull);
    const { error, outputs } = await run();
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      `Pull request #${pull} of ${REPO} was closed without being merged: nothing to wait for.`,
    );
    expect(outputs).toEqual({});
    expect(argo.requestCount()).toBe(0);
  });

  it('fails with one line when the pull request does not exist', async () => {
    const { error } = await run({ 'pull-request': '4242' });
    expect(error).toBeInstanceOf(UserError);
    const message = (error as Error).message;
    expect(message).toContain(`Pull request #4242 does not exist in ${REPO} (input "pull-request")`);
    expect(message).not.toContain('\n');
  });

  it('is superseded by a newer commit that does not contain the merge commit, naming both', async () => {
    // Someone pushed a hot fix from the old main, and Argo CD runs that.
    const hotfix = await world.double.commitAsPerson(REPO, 'hotfix', { 'apps/web/extra.yaml': 'x: 1\n' });
    const sha = await world.double.mergePullRequest(REPO, pull);
    const rollout = argo.rollout('web', { revision: hotfix, noticeAfterMs: 100 });
    const { outputs, error } = await run();
    await rollout;
    expect(error).toBeInstanceOf(SyncNotReachedError);
    expect(outputs.status).toBe('superseded');
    expect(outputs.message).toContain(`runs ${hotfix}, which overtook ${sha} without containing it`);
    expect(asked('/repos/{owner}/{repo}/compare/{basehead}').map((exchange) => exchange.path)).toContain(
      `/repos/${REPO}/compare/${sha}...${hotfix}`,
    );
  });

  it('is synced on a newer commit that contains the merge commit', async () => {
    const sha = await world.double.mergePullRequest(REPO, pull, { method: 'squash' });
    const newer = await world.double.commitAsPerson(REPO, 'main', { 'apps/other/app.yaml': 'o: 1\n' });
    const rollout = argo.rollout('web', { revision: newer, noticeAfterMs: 100 });
    const { outputs, error } = await run();
    await rollout;
    expect(error).toBeUndefined();
    expect(outputs).toMatchObject({ status: 'synced', revision: newer, health: 'Healthy' });
    expect(outputs.message).toContain(`runs ${newer}, which contains ${sha}`);
  });
});
