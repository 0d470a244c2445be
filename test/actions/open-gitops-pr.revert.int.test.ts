// open-gitops-pr's revert: the lines a hand-off commit changed are restored on the current base, through the same
// safe path as a bump (a pull request or a push, never a force), against real bare repositories behind the GitHub
// API double.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  appsRepository,
  imageOf,
  type ManifestsWorld,
  runOpenGitopsPr,
  startManifestsWorld,
} from '../doubles/github-api/harness.js';
import { git } from '../helpers/git.js';

const REPO = 'acme/gitops-revert';
const PROD = 'apps/app-01/prod/kustomization.yaml';

let world: ManifestsWorld;
beforeEach(async () => {
  world = await startManifestsWorld(REPO, appsRepository(1));
});
afterEach(async () => {
  expect(world.double.schemaViolations()).toEqual([]);
  await world.double.stop();
});

const show = (ref: string, file: string) => git(world.gitPath, 'show', `${ref}:${file}`);
const image = (version: string) => `${imageOf(1)}:${version}`;
const push = (version: string, extra: Record<string, string> = {}) =>
  runOpenGitopsPr(world, {
    'image-ref': image(version),
    manifests: 'apps/app-01/prod',
    'publish-method': 'push',
    ...extra,
  });

describe('open-gitops-pr revert', () => {
  it('pushes a commit that restores exactly the lines the hand-off changed', async () => {
    const original = show('main', PROD);
    const handOff = await push('1.1.0');
    expect(handOff.outputs.revision).toBe(handOff.result.commitSha);
    expect(show('main', PROD)).toContain('newTag: 1.1.0');

    const revert = await push('1.1.0', { revert: handOff.result.commitSha });

    expect(revert.result.operation).toBe('pushed');
    expect(revert.outputs.reverted).toBe(handOff.result.commitSha);
    expect(revert.outputs.revision).toBe(revert.result.commitSha);
    expect(show('main', PROD)).toBe(original);
    // A fast-forward onto the hand-off: nothing was rewritten.
    expect(git(world.gitPath, 'rev-parse', `${revert.result.commitSha}^`)).toBe(handOff.result.commitSha);
    expect(git(world.gitPath, 'log', '-1', '--format=%s', 'main')).toBe(
      `Revert ${imageOf(1)} 1.1.0 in apps/app-01/prod`,
    );
  });

  it('proposes the revert as a pull request, leaving the base alone', async () => {
    const handOff = await push('1.1.0');
    const revert = await runOpenGitopsPr(world, {
      'image-ref': image('1.1.0'),
      manifests: 'apps/app-01/prod',
      revert: handOff.result.commitSha,
    });

    expect(revert.result.operation).toBe('created');
    expect(revert.outputs.reverted).toBe(handOff.result.commitSha);
    expect(revert.outputs.revision).toBe('');
    expect(show(revert.result.branch, PROD)).toContain('newTag: 1.0.0');
    expect(show('main', PROD)).toContain('newTag: 1.1.0');
    expect(world.double.pullRequests(REPO)[0]?.title).toBe(`Revert ${imageOf(1)} 1.1.0 in apps/app-01/prod`);
  });

  it('refuses, naming the file and line, when a later commit changed the same lines', async () => {
    const handOff = await push('1.1.0');
    await push('1.2.0');
    const head = git(world.gitPath, 'rev-parse', 'main');

    await expect(push('1.1.0', { revert: handOff.result.commitSha })).rejects.toThrow(
      new RegExp(
        `Cannot revert ${handOff.result.commitSha.slice(0, 12)} on main .*a later commit changed the same lines \\(${PROD}:\\d+\\)`,
      ),
    );
    expect(git(world.gitPath, 'rev-parse', 'main')).toBe(head);
  });

  it('changes nothing when the lines are already as before the commit', async () => {
    const handOff = await push('1.1.0');
    await push('1.1.0', { revert: handOff.result.commitSha });
    const head = git(world.gitPath, 'rev-parse', 'main');

    const again = await push('1.1.0', { revert: handOff.result.commitSha });

    expect(again.result.operation).toBe('unchanged');
    expect(again.outputs.reverted).toBe('');
    expect(git(world.gitPath, 'rev-parse', 'main')).toBe(head);
  });

  it('refuses a commit that is not on the base, and a revert that is not a full SHA', async () => {
    await expect(push('1.1.0', { revert: 'f'.repeat(40) })).rejects.toThrow(
      /Input "revert": commit ffffffffffff is not among/,
    );
    await expect(push('1.1.0', { revert: 'abc123' })).rejects.toThrow(
      'Input "revert" must be a full 40-hex commit SHA of the manifests repository.',
    );
  });
});
