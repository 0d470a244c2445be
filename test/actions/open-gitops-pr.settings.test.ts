import { describe, expect, it } from '@jest/globals';
import { UserError } from '../../src/core/errors.js';
import { InputReader, inputsFromRecord } from '../../src/core/inputs.js';
import { readOpenGitopsPrSettings } from '../../src/actions/open-gitops-pr/settings.js';
import { testHost } from '../helpers/step-host.js';

const DIGEST = `sha256:${'b'.repeat(64)}`;
const REQUIRED = { token: 'ghs_0123456789abcdef', 'image-ref': 'ghcr.io/acme/api:1.2.3', manifests: 'apps/api/prod' };
const ENV = {
  GITHUB_REPOSITORY: 'acme/api',
  GITHUB_SHA: 'abc123',
  GITHUB_RUN_ID: '77',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_SERVER_URL: 'https://ghes.example.com',
  GITHUB_API_URL: 'https://ghes.example.com/api/v3',
  RUNNER_TEMP: '/runner/tmp',
};

const read = (inputs: Record<string, string>, env: NodeJS.ProcessEnv = ENV) =>
  readOpenGitopsPrSettings(new InputReader(inputsFromRecord({ ...REQUIRED, ...inputs })), testHost({ env }));

function refusal(inputs: Record<string, string>, env?: NodeJS.ProcessEnv): string {
  try {
    read(inputs, env);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return (error as Error).message;
  }
  throw new Error('expected a UserError');
}

describe('open-gitops-pr settings', () => {
  it('defaults from the runner: this repository and its API', () => {
    const settings = read({});
    expect(settings).toMatchObject({
      repository: { owner: 'acme', repo: 'api' },
      base: undefined,
      branch: undefined,
      mode: 'pull-request',
      target: { pin: 'tag' },
      signCommits: false,
      apiUrl: 'https://ghes.example.com/api/v3',
      maxAttempts: 10,
      failOnNoMatch: false,
      author: { name: 'github-actions[bot]', email: '41898282+github-actions[bot]@users.noreply.github.com' },
      extras: { draft: false, labels: [], reviewers: [], teamReviewers: [], assignees: [], autoMerge: undefined },
    });
  });

  it('reads every input', () => {
    const settings = read({
      repository: 'acme/gitops',
      base: 'refs/heads/release',
      branch: 'deploy/api-prod',
      'image-ref': `ghcr.io/acme/api:1.2.3@${DIGEST}`,
      pin: 'digest',
      'publish-method': 'push',
      'pull-request-labels': 'a, b',
      'pull-request-reviewers': 'alice\nbob',
      'pull-request-team-reviewers': 'platform',
      'pull-request-assignees': 'carol',
      'pull-request-draft': 'true',
      'auto-merge': 'squash',
      'commit-author': 'Deploy Bot <deploy@example.com>',
      evidence: 'Scan: 0 critical\nSignature: ghcr.io/acme/api:sha256-b.sig',
      'github-api-url': 'https://api.github.com/',
      'fail-on-no-match': 'true',
      'max-attempts': '3',
    });
    expect(settings).toMatchObject({
      repository: { owner: 'acme', repo: 'gitops' },
      base: 'release',
      branch: 'deploy/api-prod',
      target: { pin: 'digest' },
      mode: 'push',
      author: { name: 'Deploy Bot', email: 'deploy@example.com' },
      evidence: [
        { label: 'Scan', value: '0 critical' },
        { label: 'Signature', value: 'ghcr.io/acme/api:sha256-b.sig' },
      ],
      extras: {
        draft: true,
        labels: ['a', 'b'],
        reviewers: ['alice', 'bob'],
        teamReviewers: ['platform'],
        assignees: ['carol'],
        autoMerge: 'squash',
      },
      apiUrl: 'https://api.github.com',
      failOnNoMatch: true,
      maxAttempts: 3,
    });
  });

  it.each([
    [{ token: '' }, 'Input "token" is required.'],
    [{ repository: 'acme' }, 'Input "repository" must be owner/name, e.g. acme/gitops, got "acme".'],
    [{ 'publish-method': 'merge' }, 'Input "publish-method" must be one of pull-request, push; got "merge".'],
    [{ branch: 'feature..x' }, 'Input "branch" is not a valid branch name: "feature..x".'],
    [{ base: 'main.lock' }, 'Input "base" is not a valid branch name: "main.lock".'],
    [
      { manifests: '../other-repo' },
      'Path "../other-repo" must stay inside the manifests repository: use a path relative to its root.',
    ],
    [{ manifests: '/etc' }, 'Path "/etc" must stay inside the manifests repository: use a path relative to its root.'],
    [
      { pin: 'digest' },
      'Input "pin": digest needs a digest, but image-ref "ghcr.io/acme/api:1.2.3" has none: add "@sha256:..." or use pin: tag.',
    ],
    [{ 'pull-request-title': 'Deploy {{ img }}' }, 'Input "pull-request-title" uses {{ img }}, which is not one of:'],
    [
      { 'pull-request-title': 'Deploy {{ image }}' },
      'Input "pull-request-title" uses {{ image }}, which is not one of:',
    ],
    [{ 'pull-request-body': 'To {{ paths }}' }, 'Input "pull-request-body" uses {{ paths }}, which is not one of:'],
    [{ evidence: 'no colon here' }, 'Input "evidence" takes "Label: value" lines, got "no colon here".'],
    [{ 'auto-merge': 'fast-forward' }, 'Input "auto-merge" must be one of merge, squash, rebase; got "fast-forward".'],
    [
      { 'commit-author': 'just a name' },
      'Input "commit-author" must look like "Name <email@example.com>", got "just a name".',
    ],
    [
      { 'commit-author': 'A <a@example.com>', 'signed-commits': 'true' },
      'Inputs "commit-author" and "signed-commits" exclude each other',
    ],
    [{ 'github-api-url': 'ftp://x' }, 'Input "github-api-url" must be an http(s) URL, got "ftp://x".'],
    [{ 'max-attempts': '0' }, 'Input "max-attempts" must be a positive whole number, got "0".'],
  ])('refuses %j', (inputs, message) => {
    expect(refusal(inputs)).toContain(message);
  });

  it('needs a repository outside GitHub Actions', () => {
    expect(refusal({}, {})).toBe('Input "repository" is required outside GitHub Actions.');
  });
});
