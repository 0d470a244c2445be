import { describe, expect, it } from '@jest/globals';
import { startManifestsWorld, TOKEN, imageOf } from '../doubles/github-api/harness.js';
import { encodedForms } from '../../src/core/secrets.js';
import { freshBundlesForThisFile, runFreshBundle } from '../helpers/fresh-bundles.js';
import { HOSTILE_FILE_NAME, HOSTILE_MANIFEST, runnerCommands } from '../helpers/runner-commands.js';
import { tempTree } from '../helpers/temp-dir.js';

// Issue 12, item 4: text from a repository reaches the log, and the runner must act on none of it. Each bundle is
// built from this tree and run as a runner runs it; `runnerCommands` reads its output by the runner's rules.

const bundles = freshBundlesForThisFile();

const TOKEN_MASKS = new Set([TOKEN, ...encodedForms(TOKEN)]);
/** The commands a run issued other than its own stop-commands blocks and the masks of the token it was given. */
const planted = (stdout: string) =>
  runnerCommands(stdout).filter(
    (command) =>
      command.command !== 'stop-commands' && !(command.command === 'add-mask' && TOKEN_MASKS.has(command.data)),
  );

describe('bump-manifest', () => {
  it('prints the diff with its indented ::add-mask:: line and ##[ comment as text, not as commands', async () => {
    const workspace = await tempTree({ 'd.yaml': HOSTILE_MANIFEST });

    const run = await runFreshBundle(
      bundles(),
      'bump-manifest',
      { 'image-ref': 'ghcr.io/acme/api:2.0.0', manifests: 'd.yaml' },
      { workspace },
    );

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('                 ::add-mask::acme');
    expect(run.stdout).toContain('+          image: ghcr.io/acme/api:2.0.0');
    expect(planted(run.stdout)).toEqual([]);
  });

  it('reports a file it cannot read, named with a line break and a command, on one ::error line', async () => {
    const workspace = await tempTree({ [HOSTILE_FILE_NAME]: Buffer.from([0x61, 0x70, 0x69, 0x00]) });

    const run = await runFreshBundle(
      bundles(),
      'bump-manifest',
      { 'image-ref': 'ghcr.io/acme/api:2.0.0', manifests: '.' },
      { workspace },
    );

    expect(run.exitCode).toBe(1);
    // Its own ::error, with the name's line breaks escaped, and nothing else.
    expect(runnerCommands(run.stdout).map((command) => command.command)).toEqual(['error']);
  });
});

describe('open-gitops-pr', () => {
  it('names a changed file whose name holds a line break and a command without issuing it', async () => {
    const repository = 'acme/gitops-injection';
    const deployment = `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ${imageOf(1)}:1.0.0\n`;
    const world = await startManifestsWorld(repository, { [`apps/${HOSTILE_FILE_NAME}`]: deployment });
    try {
      const run = await runFreshBundle(bundles(), 'open-gitops-pr', {
        token: TOKEN,
        repository,
        'github-api-url': world.double.apiUrl,
        'image-ref': `${imageOf(1)}:1.1.0`,
        manifests: 'apps',
      });

      expect(run.stderr).toBe('');
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('z\\n:\\x3awarning title=INJECTED:\\x3afrom a file name\\n.yaml');
      expect(planted(run.stdout)).toEqual([]);
    } finally {
      await world.double.stop();
    }
  });
});
