// A rule the entries depend on for their cold start: an action's entry and its settings load @actions/* (and the
// other heavy packages) only after the inputs are valid, through a dynamic import(), so that a bad input fails before
// that code is even parsed. This follows every static import from each entry, within src/, and fails on one that
// reaches a package on the list.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findActions } from '../../scripts/action-catalog.mjs';
import { root } from '../workflows/workflow-files.js';

const HEAVY = /^(@actions\/|@octokit\/|@sigstore\/|sigstore$|yaml$|diff$)/;
// `import x from '...'`, `import { x } from '...'`, `export ... from '...'`; not `import type`, not `import('...')`.
const STATIC_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

/** The chain of static imports from `file` that reaches a heavy package, or undefined. */
function heavyChain(file: string, seen = new Set<string>()): string[] | undefined {
  if (seen.has(file)) return undefined;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(STATIC_IMPORT)) {
    const specifier = match[1] as string;
    if (HEAVY.test(specifier)) return [path.relative(root, file), specifier];
    if (!specifier.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), specifier.replace(/\.js$/, '.ts'));
    const chain = heavyChain(target, seen);
    if (chain) return [path.relative(root, file), ...chain];
  }
  return undefined;
}

describe('entries load heavy packages only once the inputs are valid', () => {
  for (const action of findActions(root)) {
    it(`${action.name}: main.ts and settings.ts import no @actions/*, Octokit, Sigstore, yaml or diff statically`, () => {
      const chains = [action.entryFile, action.settingsFile]
        .map((file) => heavyChain(file))
        .filter((chain): chain is string[] => chain !== undefined)
        .map((chain) => chain.join(' -> '));
      expect(chains).toEqual([]);
    });

    // One way to wire an action: its step definition (src/actions/<name>/step.ts), run by the host, as the CLI and
    // deliver run it (src/actions/steps.ts); nothing of the runner is read anywhere else.
    it(`${action.name}: main.ts hands its step definition to runActionEntry and does nothing else`, () => {
      expect(readFileSync(action.entryFile, 'utf8')).toMatch(
        /^import \{ runActionEntry \} from '\.\.\/host\.js';\nimport \{ (\w+) \} from '\.\/step\.js';\n\nawait runActionEntry\(\1\);\n$/,
      );
    });
  }

  it('finds a static import of a heavy package when there is one', () => {
    // the run modules do load @actions/core statically: the check must see it
    expect(heavyChain(path.join(root, 'src/actions/trivy-scan/run.ts'))?.at(-1)).toMatch(HEAVY);
  });
});
