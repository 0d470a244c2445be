import { describe, expect, it } from '@jest/globals';
import { imageOf, startManifestsWorld, TOKEN } from '../doubles/github-api/harness.js';
import { freshBundlesForThisFile, runFreshBundle } from '../helpers/fresh-bundles.js';
import { errorLines } from '../helpers/run-action.js';

// Issue 12, item 8: an API error body that carries the token base64-encoded (a basic-auth header echoed back, say)
// is printed without it. The open-gitops-pr bundle, built from this tree, run as a runner runs it.
const bundles = freshBundlesForThisFile();
const REPO = 'acme/gitops-echo';

describe('an API error body holding an encoding of the token', () => {
  // Each prefix puts the token at another byte offset of the encoded text: all three must be masked.
  it.each([
    ['basic auth, offset 0', (token: string) => Buffer.from(`x-access-token:${token}`).toString('base64')],
    ['basic auth, offset 1', (token: string) => Buffer.from(`gitops-bot:${token}`).toString('base64')],
    ['URL-safe, offset 2', (token: string) => Buffer.from(`{"t":"${token}"}`).toString('base64url')],
    ['URL-encoded', (token: string) => encodeURIComponent(`${token}&x=/`)],
  ])('%s: the error line shows *** and no piece of the token', async (_, encode) => {
    const world = await startManifestsWorld(REPO, { 'apps/d.yaml': 'image: ghcr.io/acme/app-01:1.0.0\n' });
    const echoed = encode(TOKEN);
    world.double.faults.inject('GET /repos/{owner}/{repo}', {
      kind: 'status',
      status: 403,
      message: `Resource not accessible with Authorization: Basic ${echoed}`,
    });
    try {
      const run = await runFreshBundle(bundles(), 'open-gitops-pr', {
        token: TOKEN,
        repository: REPO,
        'github-api-url': world.double.apiUrl,
        'image-ref': `${imageOf(1)}:1.1.0`,
        manifests: 'apps',
      });

      expect(run.exitCode).toBe(1);
      const errors = errorLines(run);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/Authorization: Basic \S*\*\*\*/);
      const printed = [run.stdout, run.stderr, run.summary]
        .join('\n')
        .split('\n')
        .filter((line) => !line.startsWith('::add-mask::'))
        .join('\n');
      expect(printed).not.toContain(TOKEN);
      // What is left of the echoed text around the *** decodes to its neighbours, never to a piece of the token.
      const left = (/Basic (\S*)/.exec(errors[0] as string)?.[1] ?? '').split('***');
      for (const piece of left) expect(decodings(piece).join(' ')).not.toMatch(piecesOf(TOKEN));
    } finally {
      await world.double.stop();
    }
  });
});

function decodings(text: string): string[] {
  const uri = (() => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  })();
  return [Buffer.from(text, 'base64').toString('latin1'), Buffer.from(text, 'base64url').toString('latin1'), uri];
}

/** Any six characters in a row of the token. */
function piecesOf(token: string): RegExp {
  const windows = Array.from({ length: token.length - 5 }, (_, start) => token.slice(start, start + 6));
  return new RegExp(windows.map((window) => window.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));
}
