import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { freshBundlesForThisFile, runFreshBundle } from '../helpers/fresh-bundles.js';
import { errorLines } from '../helpers/run-action.js';
import { tempTree } from '../helpers/temp-dir.js';

// Issue 12, items 1 and 6: bump-manifest's bundle, built from this tree and run as a runner runs it, in a tree that
// plants links where temporaries used to go, and on a disk that fills up half-way through the writes.
const IMAGE = 'ghcr.io/acme/api:2.0.0';
const deployment = (tag: string, padding = '') =>
  `kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/api:${tag}\n${padding}`;
const VICTIM = 'do not overwrite\n';

const bundles = freshBundlesForThisFile();

const bump = (workspace: string, paths: string) =>
  runFreshBundle(bundles(), 'bump-manifest', { 'image-ref': IMAGE, manifests: paths }, { workspace });

/** Every file below `root` whose name marks it as a temporary of the old or the new write. */
async function temporaries(root: string): Promise<string[]> {
  const names = await fs.readdir(root, { recursive: true });
  return names.filter((name) => /\.bump-tmp$|\.tmp$/.test(name)).sort();
}

describe('bump-manifest never writes outside the working directory', () => {
  it('ignores links planted at every temporary name a pid could give, and leaves the victim alone', async () => {
    const outside = await tempTree({ victim: VICTIM });
    const workspace = await tempTree({ 'd.yaml': deployment('1.0.0') });
    const planted: string[] = [];
    // Containers start at small pids: the old name `<file>.<pid>.bump-tmp` was one of these.
    for (let pid = 1; pid <= 4096; pid++) planted.push(`d.yaml.${pid}.bump-tmp`);
    await Promise.all(planted.map((name) => fs.symlink(path.join(outside, 'victim'), path.join(workspace, name))));

    const run = await bump(workspace, 'd.yaml');

    expect(errorLines(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(await fs.readFile(path.join(outside, 'victim'), 'utf8')).toBe(VICTIM);
    expect((await fs.lstat(path.join(workspace, 'd.yaml'))).isFile()).toBe(true);
    expect(await fs.readFile(path.join(workspace, 'd.yaml'), 'utf8')).toBe(deployment('2.0.0'));
    // Only the planted links remain: no temporary of the run is left behind.
    expect(await temporaries(workspace)).toEqual([...planted].sort());
  });

  it('refuses a manifest that is itself a link to a file outside, writing nothing', async () => {
    const outside = await tempTree({ 'victim.yaml': deployment('1.0.0') });
    const workspace = await tempTree({ 'a.yaml': deployment('1.0.0') });
    await fs.symlink(path.join(outside, 'victim.yaml'), path.join(workspace, 'd.yaml'));

    const run = await bump(workspace, 'a.yaml\nd.yaml');

    expect(run.exitCode).toBe(1);
    expect(errorLines(run)).toEqual([expect.stringMatching(/Path "d\.yaml" resolves outside the working directory/)]);
    expect(await fs.readFile(path.join(outside, 'victim.yaml'), 'utf8')).toBe(deployment('1.0.0'));
    expect(await fs.readFile(path.join(workspace, 'a.yaml'), 'utf8')).toBe(deployment('1.0.0'));
    expect((await fs.lstat(path.join(workspace, 'd.yaml'))).isSymbolicLink()).toBe(true);
  });
});

describe('bump-manifest on a disk that fills up during the writes', () => {
  let mountPoint: string;
  beforeAll(async () => {
    mountPoint = await tempTree();
    // Five 4 KiB pages: a.yaml (1) and b.yaml (2) fit, then a's temporary (1); b's needs 2 and gets ENOSPC half-way.
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=20k,mode=0755', 'tmpfs', mountPoint]);
  });
  afterAll(() => {
    if (mountPoint) execFileSync('umount', [mountPoint]);
  });

  it('fails naming the file, changes no file and leaves no temporary', async () => {
    const padding = `# ${'x'.repeat(5000)}\n`;
    await fs.writeFile(path.join(mountPoint, 'a.yaml'), deployment('1.0.0'));
    await fs.writeFile(path.join(mountPoint, 'b.yaml'), deployment('1.0.0', padding));

    const run = await bump(mountPoint, 'a.yaml\nb.yaml');

    expect(run.exitCode).toBe(1);
    expect(errorLines(run)).toEqual([
      expect.stringMatching(
        /^::error::Could not write b\.yaml \(ENOSPC: no space left on device.*\); no file was changed\.$/,
      ),
    ]);
    expect((await fs.readdir(mountPoint)).sort()).toEqual(['a.yaml', 'b.yaml']);
    expect(await fs.readFile(path.join(mountPoint, 'a.yaml'), 'utf8')).toBe(deployment('1.0.0'));
    expect(await fs.readFile(path.join(mountPoint, 'b.yaml'), 'utf8')).toBe(deployment('1.0.0', padding));
  });
});
