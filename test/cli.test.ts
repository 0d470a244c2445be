import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { parseCommandLine } from '../src/cli/command-line.js';
import { REPO_ROOT } from './helpers/run-action.js';
import { tempTree } from './helpers/temp-dir.js';

const run = promisify(execFile);
const CLI = path.join(REPO_ROOT, 'dist/cli/index.js');
const DEPLOYMENT =
  'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/api:1.0.0\n';

/** Runs the bundled CLI as another CI engine would: no GitHub variables, the workspace as working directory. */
async function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [CLI, ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('command line', () => {
  it('maps flags (and INPUT_* variables) onto the same inputs as the action', () => {
    process.env.INPUT_MANIFESTS = 'from-env';
    const parsed = parseCommandLine([
      'bump-manifest',
      '--image-ref',
      'api:1',
      '--dry-run',
      '--pin=tag',
      '--outputs-file',
      'o.json',
    ]);
    expect(parsed.step).toBe('bump-manifest');
    expect(
      ['image-ref', 'dry-run', 'pin', 'manifests', 'outputs-file', 'working-directory'].map(parsed.inputs),
    ).toEqual(['api:1', 'true', 'tag', 'from-env', '', '']);
    expect(parsed.outputsFile).toBe('o.json');
    delete process.env.INPUT_MANIFESTS;
  });

  it('refuses an unknown step or a stray argument in one line', () => {
    expect(() => parseCommandLine(['deploy'])).toThrow('Unknown step "deploy": use one of build-multistage');
    expect(() => parseCommandLine(['bump-manifest', 'image-ref'])).toThrow('Expected --<input>, got "image-ref".');
    expect(() => parseCommandLine([])).toThrow('Name a step');
  });

  it('runs bump-manifest from the bundle and prints the outputs as JSON', async () => {
    const workspace = await tempTree({ 'deploy.yaml': DEPLOYMENT });
    const result = await cli(
      ['bump-manifest', '--image-ref', 'ghcr.io/acme/api:2.0.0', '--manifests', '.', '--outputs-file', 'out.json'],
      workspace,
    );
    expect(result.code).toBe(0);
    const outputs = JSON.parse(await fs.readFile(path.join(workspace, 'out.json'), 'utf8'));
    expect(outputs).toMatchObject({ changed: 'true', files: 'deploy.yaml', 'files-json': '["deploy.yaml"]' });
    expect(result.stdout).toContain('"changed": "true"');
    expect(await fs.readFile(path.join(workspace, 'deploy.yaml'), 'utf8')).toBe(DEPLOYMENT.replace('1.0.0', '2.0.0'));
  });

  it('reports a bad input as one plain line on stderr with exit 1, outside GitHub Actions', async () => {
    const workspace = await tempTree({ 'deploy.yaml': DEPLOYMENT });
    const result = await cli(['bump-manifest', '--image-ref', 'UPPER/case:1', '--manifests', '.'], workspace);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('error: Invalid image-ref "UPPER/case:1": the repository name must be lowercase.\n');
    expect(await fs.readFile(path.join(workspace, 'deploy.yaml'), 'utf8')).toBe(DEPLOYMENT);
  });

  it('prints its usage on --help', async () => {
    const result = await cli(['--help'], REPO_ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: gitops-delivery-actions <step>/);
  });
});
