import { afterEach, describe, expect, it } from '@jest/globals';
import { UserError } from '../../src/core/errors.js';
import { git } from '../helpers/git.js';
import {
  appsRepository,
  imageOf,
  type ManifestsWorld,
  runOpenGitopsPr,
  startManifestsWorld,
} from '../doubles/github-api/harness.js';
import type { TokenAccess } from '../doubles/github-api/github-api-double.js';

const REPO = 'acme/gitops-bad-input';
const IMAGE = `${imageOf(1)}:1.1.0`;

let world: ManifestsWorld;
afterEach(async () => {
  expect(world.double.schemaViolations()).toEqual([]);
  await world.double.stop();
});

/** A world whose clones go over the double's smart HTTP, which checks the token as GitHub does. */
async function startWorld(access: TokenAccess = {}): Promise<ManifestsWorld> {
  world = await startManifestsWorld(REPO, appsRepository(2), { gitTransport: 'http', access });
  return world;
}

const refs = () => git(world.gitPath, 'for-each-ref', '--format=%(refname)');

async function expectUserError(run: Promise<unknown>, message: RegExp): Promise<void> {
  const error = await run.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(UserError);
  expect((error as Error).message).toMatch(message);
  expect((error as Error).message).not.toContain('\n');
}

describe('open-gitops-pr refuses what cannot work, with one line that says what to change', () => {
  it('an unknown repository', async () => {
    await startWorld();
    await expectUserError(
      runOpenGitopsPr(world, { repository: 'acme/nope', 'image-ref': IMAGE, manifests: 'apps' }),
      /^Repository acme\/nope was not found, or the token cannot read it: .*"contents: read"/,
    );
  });

  it('a token GitHub does not know', async () => {
    await startWorld();
    world.double.addToken('other', 'x');
    await expectUserError(
      runOpenGitopsPr(world, { token: 'ghp_NotARealToken', 'image-ref': IMAGE, manifests: 'apps' }),
      /401 Bad credentials/,
    );
  });

  it('a user token that may read but not push: refused before cloning', async () => {
    await startWorld({ contents: 'read' });
    await expectUserError(
      runOpenGitopsPr(world, { 'image-ref': IMAGE, manifests: 'apps/app-01/prod' }),
      /may read acme\/gitops-bad-input but not push to it: grant it "contents: write"/,
    );
    expect(refs()).toBe('refs/heads/main');
  });

  it('a GITHUB_TOKEN without contents: write: git push refused, named', async () => {
    await startWorld({ contents: 'read', installation: true });
    await expectUserError(
      runOpenGitopsPr(world, { 'image-ref': IMAGE, manifests: 'apps/app-01/prod' }),
      /refused to let the token push \(HTTP 403\): give it the "contents: write" permission/,
    );
    expect(refs()).toBe('refs/heads/main');
  });

  it("a token without pull-requests: write: named, from GitHub's x-accepted-github-permissions", async () => {
    await startWorld({ pullRequests: 'read', installation: true });
    await expectUserError(
      runOpenGitopsPr(world, { 'image-ref': IMAGE, manifests: 'apps/app-01/prod' }),
      /may not open a pull request in acme\/gitops-bad-input \(403 Resource not accessible by integration\): grant it "pull-requests: write"/,
    );
  });

  it('a base branch that does not exist', async () => {
    await startWorld();
    await expectUserError(
      runOpenGitopsPr(world, { base: 'production', 'image-ref': IMAGE, manifests: 'apps' }),
      /^Base branch "production" does not exist in acme\/gitops-bad-input\.$/,
    );
    // A push to the base fetches it without listing the branches first: the same message.
    await expectUserError(
      runOpenGitopsPr(world, { base: 'production', 'publish-method': 'push', 'image-ref': IMAGE, manifests: 'apps' }),
      /^Base branch "production" does not exist in acme\/gitops-bad-input\.$/,
    );
  });

  it('a pull-request branch that is the base', async () => {
    await startWorld();
    await expectUserError(
      runOpenGitopsPr(world, { branch: 'main', 'image-ref': IMAGE, manifests: 'apps' }),
      /^Input "branch" is the base, main: name another branch, or use publish-method: push\.$/,
    );
  });

  it('manifests that match nothing: unchanged, nothing pushed, no pull request', async () => {
    await startWorld();
    const { result, outputs } = await runOpenGitopsPr(world, { 'image-ref': IMAGE, manifests: 'apps/app-99' });
    expect(result).toMatchObject({ operation: 'unchanged', commitSha: '' });
    expect(outputs['pull-request-number']).toBe('');
    expect(refs()).toBe('refs/heads/main');
    expect(world.double.pullRequests(REPO)).toEqual([]);
  });

  it('manifests that match nothing, with fail-on-no-match: an error, nothing pushed', async () => {
    await startWorld();
    await expectUserError(
      runOpenGitopsPr(world, {
        'image-ref': IMAGE,
        manifests: 'apps/app-01/prod, apps/app-99',
        'fail-on-no-match': 'true',
      }),
      /^Path "apps\/app-99" matches no YAML file at [0-9a-f]{12} \(fail-on-no-match is true\)\.$/,
    );
    expect(refs()).toBe('refs/heads/main');
  });
});

describe('over smart HTTP with a good token', () => {
  it('clones and pushes with the token in a header only: the double saw it, no URL carried it', async () => {
    await startWorld();
    const { result } = await runOpenGitopsPr(world, { 'image-ref': IMAGE, manifests: 'apps/app-01/prod' });
    expect(result.operation).toBe('created');
    expect(world.double.pullRequests(REPO)[0]?.head).toBe(result.branch);
  });
});
