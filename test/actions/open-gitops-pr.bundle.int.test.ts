import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { errorLines, runBundledAction } from '../helpers/run-action.js';
import {
  appsRepository,
  imageOf,
  type ManifestsWorld,
  startManifestsWorld,
  TOKEN,
} from '../doubles/github-api/harness.js';

// dist/open-gitops-pr/index.js as a runner starts it: INPUT_* variables, GITHUB_OUTPUT, ::add-mask::, exit codes.
const REPO = 'acme/gitops-bundle';

let world: ManifestsWorld;
beforeEach(async () => {
  world = await startManifestsWorld(REPO, appsRepository(2), { gitTransport: 'http' });
});
afterEach(async () => {
  expect(world.double.schemaViolations()).toEqual([]);
  await world.double.stop();
});

const run = (inputs: Record<string, string>) =>
  runBundledAction(
    'open-gitops-pr',
    {
      token: TOKEN,
      repository: REPO,
      'github-api-url': world.double.apiUrl,
      'image-ref': `${imageOf(1)}:1.1.0`,
      ...inputs,
    },
    {
      env: {
        GITHUB_REPOSITORY: 'acme/api',
        GITHUB_SHA: 'f00d',
        GITHUB_RUN_ID: '9',
        GITHUB_SERVER_URL: 'https://github.com',
      },
    },
  );

describe('the open-gitops-pr bundle', () => {
  it('opens the pull request, sets the outputs, and masks the token', async () => {
    const result = await run({ manifests: 'apps/app-01/prod', 'pull-request-labels': 'deploy' });

    expect(result.exitCode).toBe(0);
    expect(result.outputs).toMatchObject({ operation: 'created', 'pull-request-number': '1' });
    expect(result.stdout).toContain(`::add-mask::${TOKEN}`);
    const unmasked = result.stdout.split('\n').filter((line) => !line.startsWith('::add-mask::'));
    expect([...unmasked, result.stderr, result.summary].join('\n')).not.toContain(TOKEN);
    expect(result.summary).toContain('Opened pull request [#1]');
    expect(world.double.pullRequests(REPO)[0]?.labels).toEqual(['deploy']);
  });

  it('a bad input: exit 1, one error line, and GitHub never called', async () => {
    const result = await run({ manifests: 'apps', 'publish-method': 'merge' });

    expect(result.exitCode).toBe(1);
    expect(errorLines(result)).toEqual([
      '::error::Input "publish-method" must be one of pull-request, push; got "merge".',
    ]);
    expect(world.double.exchanges).toEqual([]);
  });

  it('a token without pull-requests: write: exit 1 with an error that names it', async () => {
    world.double.addToken(TOKEN, 'gitops-bot[bot]', { pullRequests: 'read', installation: true });

    const result = await run({ manifests: 'apps/app-01/prod' });

    expect(result.exitCode).toBe(1);
    expect(errorLines(result)).toHaveLength(1);
    expect(errorLines(result)[0]).toContain('grant it "pull-requests: write"');
  });
});
