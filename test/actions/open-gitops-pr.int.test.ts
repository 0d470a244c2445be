import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { git } from '../helpers/git.js';
import { tempTree } from '../helpers/temp-dir.js';
import {
  appsRepository,
  imageOf,
  type ManifestsWorld,
  runOpenGitopsPr,
  startManifestsWorld,
  TOKEN,
} from '../doubles/github-api/harness.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;
const REPO = 'acme/gitops-main';

let world: ManifestsWorld;
beforeEach(async () => {
  world = await startManifestsWorld(REPO, appsRepository(3));
});
afterEach(async () => {
  expect(world.double.schemaViolations()).toEqual([]);
  await world.double.stop();
});

const show = (ref: string, file: string) => git(world.gitPath, 'show', `${ref}:${file}`);
const bump = (version: string, extra: Record<string, string> = {}, env: NodeJS.ProcessEnv = {}) =>
  runOpenGitopsPr(world, { 'image-ref': `${imageOf(1)}:${version}`, manifests: 'apps/app-01/prod', ...extra }, env);

describe('open-gitops-pr, pull-request mode', () => {
  it('opens one pull request whose head is a real branch holding the bump', async () => {
    const { result, outputs } = await bump('1.1.0');

    expect(result).toMatchObject({ operation: 'created', attempts: 1, pullRequest: { number: 1 } });
    expect(outputs).toMatchObject({ operation: 'created', 'pull-request-number': '1', branch: result.branch });
    expect(result.branch).toMatch(/^gitops\/app-01\/apps-app-01-prod-[0-9a-f]{8}$/);
    expect(git(world.gitPath, 'rev-parse', result.branch)).toBe(result.headSha);
    expect(result.commitSha).toBe(result.headSha);
    expect(show(result.branch, 'apps/app-01/prod/kustomization.yaml')).toContain('newTag: 1.1.0');
    expect(show(result.branch, 'apps/app-01/staging/kustomization.yaml')).toContain('newTag: 1.0.0');
    expect(show('main', 'apps/app-01/prod/kustomization.yaml')).toContain('newTag: 1.0.0');
    const [pull] = world.double.pullRequests(REPO);
    expect(pull).toMatchObject({
      head: result.branch,
      base: 'main',
      state: 'open',
      title: `Deploy ${imageOf(1)} 1.1.0 to apps/app-01/prod`,
    });
    expect(outputs['pull-request-url']).toBe(`${world.double.webUrl}/${REPO}/pull/1`);
  });

  it('is idempotent: the same inputs again change nothing and write nothing', async () => {
    const first = await bump('1.1.0', { 'pull-request-labels': 'deploy', 'pull-request-reviewers': 'alice' });
    const writesBefore = world.double.exchanges.filter((exchange) => exchange.method !== 'GET').length;

    const second = await bump('1.1.0', { 'pull-request-labels': 'deploy', 'pull-request-reviewers': 'alice' });

    expect(second.result).toMatchObject({ operation: 'unchanged', commitSha: '', headSha: first.result.headSha });
    expect(second.outputs['pull-request-number']).toBe('1');
    expect(world.double.exchanges.filter((exchange) => exchange.method !== 'GET').length).toBe(writesBefore);
    expect(git(world.gitPath, 'rev-parse', first.result.branch)).toBe(first.result.headSha);
  });

  it('updates the same pull request for a newer image, as one commit on the current base', async () => {
    const first = await bump('1.1.0');
    const second = await bump(`1.2.0@${DIGEST}`);

    expect(second.result).toMatchObject({
      operation: 'updated',
      branch: first.result.branch,
      pullRequest: { number: 1 },
    });
    expect(world.double.pullRequests(REPO)).toHaveLength(1);
    expect(world.double.pullRequests(REPO)[0]?.title).toBe(`Deploy ${imageOf(1)} 1.2.0 to apps/app-01/prod`);
    expect(show(second.result.branch, 'apps/app-01/prod/kustomization.yaml')).toContain(
      `newTag: 1.2.0\n    digest: ${DIGEST}`,
    );
    // A fast-forward: the first commit stays in the history, nothing was rewritten.
    expect(git(world.gitPath, 'rev-list', '--parents', '-n1', second.result.headSha).split(' ')).toEqual([
      second.result.headSha,
      first.result.headSha,
    ]);
  });

  it('carries image, digest, source commit and run URL in the commit message', async () => {
    const { result } = await bump(`1.1.0@${DIGEST}`);

    const message = git(world.gitPath, 'log', '-1', '--format=%B', result.commitSha);
    expect(message).toContain(`Image: ${imageOf(1)}:1.1.0@${DIGEST}`);
    expect(message).toContain(`Image-Digest: ${DIGEST}`);
    expect(message).toContain(
      'Source-Commit: https://github.com/acme/api/commit/c0ffee0000000000000000000000000000c0ffee',
    );
    expect(message).toContain('Run-URL: https://github.com/acme/api/actions/runs/4242');
    expect(message).toMatch(/GitOps-Target: [0-9a-f]{16}/);
    expect(git(world.gitPath, 'log', '-1', '--format=%an <%ae>', result.commitSha)).toBe(
      'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>',
    );
  });
});

describe('open-gitops-pr, push mode', () => {
  it('commits straight to the base, then reports unchanged', async () => {
    const pushed = await bump('2.0.0', { 'publish-method': 'push' });
    expect(pushed.result).toMatchObject({ operation: 'pushed', branch: 'main' });
    expect(pushed.outputs['pull-request-number']).toBe('');
    expect(git(world.gitPath, 'rev-parse', 'main')).toBe(pushed.result.commitSha);
    expect(show('main', 'apps/app-01/prod/kustomization.yaml')).toContain('newTag: 2.0.0');
    expect(world.double.pullRequests(REPO)).toEqual([]);

    const again = await bump('2.0.0', { 'publish-method': 'push' });
    expect(again.result).toMatchObject({ operation: 'unchanged', commitSha: '', headSha: pushed.result.commitSha });
  });
});

describe('open-gitops-pr and what people do to its branches', () => {
  it('adds on top of commits people pushed to the branch, and keeps them', async () => {
    const first = await bump('1.1.0');
    const human = await world.double.commitAsPerson(REPO, first.result.branch, {
      'apps/app-01/prod/notes.txt': 'hi\n',
    });

    const second = await bump('1.2.0');

    expect(second.result.operation).toBe('updated');
    expect(git(world.gitPath, 'rev-parse', `${second.result.headSha}^@`)).toBe(human);
    expect(show(second.result.branch, 'apps/app-01/prod/notes.txt')).toBe('hi');
    expect(show(second.result.branch, 'apps/app-01/prod/kustomization.yaml')).toContain('newTag: 1.2.0');
    expect((await bump('1.2.0')).result.operation).toBe('unchanged');
  });

  it('after its pull request was squash-merged and closed, a newer image opens a fresh one on the current base', async () => {
    const first = await bump('1.1.0');
    const merged = show(first.result.branch, 'apps/app-01/prod/kustomization.yaml');
    await world.double.commitAsPerson(
      REPO,
      'main',
      { 'apps/app-01/prod/kustomization.yaml': `${merged}\n` },
      'Squash #1',
    );
    world.double.closePullRequest(REPO, 1);
    const other = show('main', 'apps/app-02/prod/kustomization.yaml').replace('1.0.0', '7.0.0');
    const mainTip = await world.double.commitAsPerson(REPO, 'main', { 'apps/app-02/prod/kustomization.yaml': other });

    const second = await bump('1.2.0');

    expect(second.result).toMatchObject({
      operation: 'created',
      branch: first.result.branch,
      pullRequest: { number: 2 },
    });
    // The old tip stays a parent (a fast-forward), the base is the other: the pull request diff is just the bump.
    expect(git(world.gitPath, 'rev-parse', `${second.result.headSha}^@`).split('\n')).toEqual([
      first.result.headSha,
      mainTip,
    ]);
    expect(git(world.gitPath, 'diff', '--name-only', `main...${second.result.branch}`)).toBe(
      'apps/app-01/prod/kustomization.yaml',
    );
  });
});

describe('open-gitops-pr pull request contents', () => {
  it('labels, reviewers, assignees, draft and auto-merge go on a new pull request once; later runs leave them', async () => {
    const extras = {
      'pull-request-labels': 'deploy, prod',
      'pull-request-reviewers': 'alice',
      'pull-request-team-reviewers': 'platform',
      'pull-request-assignees': 'bob',
      'pull-request-draft': 'true',
      'auto-merge': 'squash',
    };
    await bump('1.1.0', extras);
    const pull = world.double.pullRequests(REPO)[0] as NonNullable<ReturnType<typeof world.double.pullRequests>[0]>;
    expect(pull).toMatchObject({
      draft: true,
      labels: ['deploy', 'prod'],
      requestedReviewers: ['alice'],
      requestedTeams: ['platform'],
      assignees: ['bob'],
      autoMerge: { method: 'squash' },
    });
    // People take a label off and alice reviews (which ends her request).
    pull.labels = ['deploy'];
    pull.requestedReviewers = [];

    expect((await bump('1.2.0', extras)).result.operation).toBe('updated');

    expect(pull).toMatchObject({ labels: ['deploy'], requestedReviewers: [] });
    const decorations = world.double.exchanges.filter((exchange) =>
      /labels|requested_reviewers|assignees|graphql/.test(exchange.template),
    );
    expect(decorations).toHaveLength(4);
  });

  it('renders title and body templates with the evidence of earlier steps', async () => {
    await bump(`1.1.0@${DIGEST}`, {
      'pull-request-title': 'chore(deploy): {{ image-name }}@{{ version }} on {{ base }}',
      'pull-request-body': 'Files: {{ files }}\n\n{{ evidence }}\n\nRun: {{ run-url }}',
      evidence: 'Vulnerabilities: 0 critical, 2 high\nSignature: ghcr.io/acme/app-01:sha256-aaaa.sig',
    });
    const [pull] = world.double.pullRequests(REPO);
    expect(pull?.title).toBe(`chore(deploy): ${imageOf(1)}@1.1.0 on main`);
    expect(pull?.body).toBe(
      [
        'Files: apps/app-01/prod/kustomization.yaml',
        '',
        '| Evidence |  |\n| --- | --- |\n| Vulnerabilities | 0 critical, 2 high |\n| Signature | ghcr.io/acme/app-01:sha256-aaaa.sig |',
        '',
        'Run: https://github.com/acme/api/actions/runs/4242',
      ].join('\n'),
    );
  });

  it('the default body names image, digest, source, run, evidence and each changed reference', async () => {
    await bump(`1.1.0@${DIGEST}`, { evidence: 'Scan: clean' });
    const body = world.double.pullRequests(REPO)[0]?.body ?? '';
    expect(body).toContain(`| Image | \`${imageOf(1)}:1.1.0@${DIGEST}\` |\n| --- | --- |`);
    expect(body).toContain(`| Digest | \`${DIGEST}\` |`);
    expect(body).toContain(
      '| Source commit | https://github.com/acme/api/commit/c0ffee0000000000000000000000000000c0ffee |',
    );
    expect(body).toContain('| Run | https://github.com/acme/api/actions/runs/4242 |');
    expect(body).toContain('| Scan | clean |');
    expect(body).toContain(
      `| apps/app-01/prod/kustomization.yaml:6 | kustomize | \`${imageOf(1)}:1.0.0\` | \`${imageOf(1)}:1.1.0@${DIGEST}\` |`,
    );
  });
});

describe('open-gitops-pr and the token', () => {
  it('never prints it, outputs it, summarizes it, or leaves the clone behind', async () => {
    const runnerTemp = await tempTree({}, 'runner-temp-');
    const summaryFile = path.join(runnerTemp, '..', `${path.basename(runnerTemp)}-summary.md`);
    await fs.writeFile(summaryFile, '');
    const printed: string[] = [];
    const { stdout, stderr } = process;
    const capture = (stream: NodeJS.WriteStream) =>
      jest.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => printed.push(String(chunk)) > 0);
    process.env.GITHUB_STEP_SUMMARY = summaryFile;
    const spies = [capture(stdout), capture(stderr)];
    let outputs: Record<string, string>;
    try {
      await bump('1.1.0', {}, { RUNNER_TEMP: runnerTemp });
      ({ outputs } = await bump('1.2.0', { 'signed-commits': 'true' }, { RUNNER_TEMP: runnerTemp }));
    } finally {
      for (const spy of spies) spy.mockRestore();
      delete process.env.GITHUB_STEP_SUMMARY;
    }

    const base64 = Buffer.from(`x-access-token:${TOKEN}`).toString('base64');
    // ::add-mask:: is how the runner learns what to hide; everything else must not carry it.
    const log = printed
      .join('')
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(log).toContain('Pull request: http://');
    const summary = await fs.readFile(summaryFile, 'utf8');
    expect(summary).toContain('Updated pull request [#1]');
    for (const text of [log, summary, JSON.stringify(outputs)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(base64);
    }
    expect(await fs.readdir(runnerTemp)).toEqual([]);
  });
});

describe('open-gitops-pr on GitHub Enterprise Server', () => {
  it('talks to https://HOST/api/v3 and /api/graphql', async () => {
    const enterprise = await startManifestsWorld('acme/gitops-ghes', appsRepository(1), { enterprise: true });
    try {
      expect(enterprise.double.apiUrl).toMatch(/\/api\/v3$/);
      const { result } = await runOpenGitopsPr(enterprise, {
        'image-ref': `${imageOf(1)}:1.1.0`,
        manifests: 'apps/app-01/prod',
        'auto-merge': 'rebase',
      });
      expect(result.operation).toBe('created');
      expect(enterprise.double.pullRequests('acme/gitops-ghes')[0]?.autoMerge?.method).toBe('rebase');
      expect(enterprise.double.exchanges.map((exchange) => exchange.path)).toContain('/api/graphql');
      expect(enterprise.double.schemaViolations()).toEqual([]);
    } finally {
      await enterprise.double.stop();
    }
  });
});
