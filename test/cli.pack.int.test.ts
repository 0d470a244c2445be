// The CLI as a user gets it: `npm pack` of this package with the CLI built from this tree, the tarball installed in an
// empty folder with npm, and `npx gitops-delivery-actions <step>` run from there. The registry is used by the install
// (the package's dependencies); the bundle itself must run without them, which the last test shows.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { STEPS } from '../src/actions/steps.js';
import { BUILD_TIMEOUT_MS, freshBundlesForThisFile } from './helpers/fresh-bundles.js';
import { REPO_ROOT } from './helpers/run-action.js';
import { tempTree } from './helpers/temp-dir.js';

const run = promisify(execFile);
const bundles = freshBundlesForThisFile();
const PACKAGE = 'gitops-delivery-actions';
// An install from the registry on a shared, loaded machine: a limit for hangs, not a speed check.
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const DEPLOYMENT =
  'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/api:1.0.0\n';
/** What the package holds besides dist/cli: npm adds package.json, README.md and LICENSE to any package. */
const PACKAGE_FILES = ['LICENSE', 'README.md', 'docs/cli.md', 'package.json'];

const npmEnv = { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' };

async function npm(args: string[], cwd: string): Promise<string> {
  const { stdout } = await run('npm', args, { cwd, env: npmEnv, maxBuffer: 64 * 1024 * 1024 });
  return stdout;
}

/** `npm pack --json`'s file list. */
function packedFiles(stdout: string): string[] {
  const [report] = JSON.parse(stdout) as { files: { path: string }[]; filename: string }[];
  return (report as { files: { path: string }[] }).files.map((file) => file.path).sort();
}

function expectOnlyTheCli(files: string[]): void {
  expect(files).toEqual(expect.arrayContaining([...PACKAGE_FILES, 'dist/cli/index.js', 'dist/cli/package.json']));
  expect(files.filter((file) => !PACKAGE_FILES.includes(file) && !file.startsWith('dist/cli/'))).toEqual([]);
}

/** This package as `npm pack` sees it, with dist/cli from the working tree's sources: dist/ is the lead's to rebuild. */
async function packageWithFreshCli(): Promise<string> {
  const root = await tempTree({}, 'gda-pack-');
  for (const file of PACKAGE_FILES) await fs.cp(path.join(REPO_ROOT, file), path.join(root, file));
  await fs.cp(path.join(bundles(), 'cli'), path.join(root, 'dist', 'cli'), { recursive: true });
  return root;
}

let tarball: string;
let installed: string;
const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => fs.rm(folder, { recursive: true, force: true }))));

beforeAll(async () => {
  const source = await packageWithFreshCli();
  folders.push(source);
  const packed = await npm(['pack', '--json', '--pack-destination', source], source);
  tarball = path.join(source, (JSON.parse(packed) as { filename: string }[])[0]?.filename as string);
  installed = await tempTree({}, 'gda-npx-');
  folders.push(installed);
  await npm(['init', '--yes'], installed);
  await npm(['install', '--no-audit', '--no-fund', tarball], installed);
}, BUILD_TIMEOUT_MS + INSTALL_TIMEOUT_MS);

/**
 * `npx gitops-delivery-actions ...` in the folder it was installed in. `--no`: never fetch it from the registry; `--`:
 * a `--help` right after the package's name would be npx's own.
 */
async function npx(args: string[], cwd = installed) {
  try {
    const { stdout, stderr } = await run('npx', ['--no', '--', PACKAGE, ...args], { cwd, env: npmEnv });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('the packed CLI', () => {
  it('packs the CLI bundle, its docs and licence, and nothing else (no sources, tests or test bed)', async () => {
    expectOnlyTheCli(packedFiles(await npm(['pack', '--dry-run', '--json'], REPO_ROOT)));
    const listing = await run('tar', ['-tzf', tarball]);
    expectOnlyTheCli(
      listing.stdout
        .split('\n')
        .filter((line) => line && !line.endsWith('/'))
        .map((line) => line.replace(/^package\//, ''))
        .sort(),
    );
  });

  it('runs as npx gitops-delivery-actions: --help and every step’s --help', async () => {
    for (const asked of ['--help', 'help']) {
      const usage = await npx([asked]);
      expect([asked, usage.code, usage.stdout]).toEqual([
        asked,
        0,
        expect.stringMatching(/^Usage: gitops-delivery-actions <step>/),
      ]);
    }
    for (const step of Object.keys(STEPS)) {
      const help = await npx([step, '--help']);
      expect([step, help.code, help.stdout]).toEqual([step, 0, expect.stringContaining(`Inputs of ${step}`)]);
    }
  });

  it('runs bump-manifest for real on a folder and prints its outputs as one JSON object', async () => {
    const workspace = await tempTree({ 'apps/api/deploy.yaml': DEPLOYMENT });
    const result = await npx([
      'bump-manifest',
      '--image-ref',
      'ghcr.io/acme/api:2.0.0',
      '--manifests',
      'apps/api',
      '--working-directory',
      workspace,
    ]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      changed: 'true',
      files: 'apps/api/deploy.yaml',
      'files-json': ['apps/api/deploy.yaml'],
      changes: [{ file: 'apps/api/deploy.yaml', kind: 'workload', to: 'ghcr.io/acme/api:2.0.0' }],
    });
    expect(await fs.readFile(path.join(workspace, 'apps/api/deploy.yaml'), 'utf8')).toBe(
      DEPLOYMENT.replace('1.0.0', '2.0.0'),
    );
  });

  it('needs none of its dependencies at run time: the bundle runs from the bare tarball', async () => {
    const bare = await tempTree({}, 'gda-bare-');
    folders.push(bare);
    await run('tar', ['-xzf', tarball, '-C', bare]);
    const workspace = await tempTree({ 'deploy.yaml': DEPLOYMENT });
    const { stdout } = await run(
      process.execPath,
      [
        path.join(bare, 'package', 'dist', 'cli', 'index.js'),
        'bump-manifest',
        '--image-ref',
        'ghcr.io/acme/api:3.0.0',
        '--manifests',
        '.',
      ],
      { cwd: workspace, env: { PATH: process.env.PATH ?? '' } },
    );
    expect(JSON.parse(stdout)).toMatchObject({ changed: 'true', 'files-json': ['deploy.yaml'] });
  });
});
