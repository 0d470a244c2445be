import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { findActions, ROOT_ACTION_NAME } from '../scripts/action-catalog.mjs';
import { readActionMetadata } from '../scripts/docs-lib.mjs';
import { INPUTS as SYNC_INPUTS } from '../src/actions/wait-for-sync/settings.js';
import { STEPS } from '../src/actions/steps.js';
import { parseCommandLine } from '../src/cli/command-line.js';
import { requestedHelp, USAGE } from '../src/cli/help.js';
import { jsonForLog, outputValues, STEP_OUTPUTS } from '../src/cli/outputs.js';
import { freshBundlesForThisFile } from './helpers/fresh-bundles.js';
import { REPO_ROOT } from './helpers/run-action.js';
import { HOSTILE_FILE_NAME, HOSTILE_MANIFEST, runnerCommands } from './helpers/runner-commands.js';
import { tempTree } from './helpers/temp-dir.js';

const run = promisify(execFile);
const bundles = freshBundlesForThisFile();
const DEPLOYMENT =
  'kind: Deployment\nspec:\n  template:\n    spec:\n      containers:\n        - image: ghcr.io/acme/api:1.0.0\n';

/** Runs the CLI built from this tree as another CI engine would: no GitHub variables, the workspace as working directory. */
async function cli(args: string[], cwd: string, env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(process.execPath, [path.join(bundles(), 'cli', 'index.js'), ...args], {
      cwd,
      env: { PATH: process.env.PATH ?? '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** Commands the runner would act on, other than the stop-commands blocks that fence untrusted text. */
const planted = (output: string) => runnerCommands(output).filter((command) => command.command !== 'stop-commands');

describe('command line', () => {
  it('maps flags (and INPUT_* variables, in the runner spelling or the shell one) onto the action inputs', () => {
    process.env.INPUT_MANIFESTS = 'from-env';
    process.env.INPUT_WORKING_DIRECTORY = 'shell-spelling';
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
    ).toEqual(['api:1', 'true', 'tag', 'from-env', '', 'shell-spelling']);
    expect(parsed.outputsFile).toBe('o.json');
    delete process.env.INPUT_MANIFESTS;
    delete process.env.INPUT_WORKING_DIRECTORY;
  });

  it('refuses an unknown step, an unknown input or a stray argument in one line', () => {
    expect(() => parseCommandLine(['deploy'])).toThrow('Unknown step "deploy": use one of build-multistage');
    expect(() => parseCommandLine(['bump-manifest', 'image-ref'])).toThrow('Expected --<input>, got "image-ref".');
    expect(() => parseCommandLine(['bump-manifest', '--imge-ref', 'api:1'])).toThrow(
      'Unknown input "--imge-ref" for bump-manifest: bump-manifest --help lists its inputs.',
    );
    expect(() => parseCommandLine([])).toThrow('Name a step');
  });

  it('knows every step, wait-for-sync included, and lists each one’s inputs and outputs on <step> --help', () => {
    expect(requestedHelp(['--help'])).toBe(USAGE);
    expect(USAGE).toContain(`Steps: ${Object.keys(STEPS).join(', ')}`);
    expect(USAGE).toContain('wait-for-sync');
    for (const step of Object.keys(STEPS) as (keyof typeof STEPS)[]) {
      const help = requestedHelp([step, '--help']) as string;
      expect(requestedHelp(['help', step])).toBe(help);
      for (const name of STEP_OUTPUTS[step].names) expect(help).toMatch(new RegExp(`^  ${name}\\b`, 'm'));
    }
    const sync = requestedHelp(['wait-for-sync', '-h']) as string;
    for (const name of Object.values(SYNC_INPUTS).filter((name) => !name.endsWith('token') && name !== 'kubeconfig'))
      expect(sync).toContain(`  --${name}\n`);
    // secrets are asked for as variables a shell can export, never as flags
    expect(sync).toContain('  INPUT_ARGOCD_TOKEN  (a secret: a variable, not a flag)');
    expect(sync).toContain('  INPUT_KUBECONFIG  (a secret');
    expect(sync).not.toContain('--argocd-token');
    expect(requestedHelp(['bump-manifest', '--image-ref', 'x'])).toBeUndefined();
  });
});

describe('outputs', () => {
  const actions = findActions(REPO_ROOT).filter((action) => action.name !== ROOT_ACTION_NAME);

  it('names every output of every action.yml, and prints as JSON values the ones that hold JSON', () => {
    expect(actions.map((action) => action.name).sort()).toEqual(Object.keys(STEP_OUTPUTS).sort());
    for (const action of actions) {
      const metadata = readActionMetadata(action.name, action.actionFile);
      const declared = STEP_OUTPUTS[action.name as keyof typeof STEP_OUTPUTS];
      expect([action.name, [...declared.names].sort()]).toEqual([action.name, Object.keys(metadata.outputs).sort()]);
      for (const name of Object.keys(metadata.outputs).filter((name) => name.endsWith('-json')))
        expect([action.name, declared.json]).toEqual([action.name, expect.arrayContaining([name])]);
      for (const name of declared.json) expect(metadata.outputs[name].description).toContain('JSON');
    }
  });

  it('parses JSON outputs into values, keeps the other outputs strings, and an empty JSON output is null', () => {
    const values = outputValues('build-multistage', {
      tags: 'a:1\na:2',
      'tags-json': '["a:1","a:2"]',
      metadata: '{"builder":"buildkit"}',
      provenance: '',
      digest: 'sha256:0',
    });
    expect(values).toEqual({
      tags: 'a:1\na:2',
      'tags-json': ['a:1', 'a:2'],
      metadata: { builder: 'buildkit' },
      provenance: null,
      digest: 'sha256:0',
    });
    expect(outputValues('trivy-scan', { passed: 'true', counts: '{"HIGH":0}' })).toEqual({
      passed: 'true',
      counts: { HIGH: 0 },
    });
  });

  it('prints JSON that holds no workflow command and parses back to the same value', () => {
    const hostile = {
      files: 'z\n::warning title=INJECTED::x\n.yaml',
      diff: '+  ::add-mask::acme\n+# ##[error]planted\n:::: ###[ \\:: ##[',
      list: ['::error::x', '\u0085::debug::y', 'a##[group]b'],
    };
    const text = jsonForLog(hostile);
    expect(JSON.parse(text)).toEqual(hostile);
    expect(runnerCommands(text)).toEqual([]);
    expect(text).not.toMatch(/::|##\[/);
  });
});

describe('the bundled command line', () => {
  it('runs bump-manifest: the log on stderr, only the outputs on stdout, JSON outputs as JSON values', async () => {
    const workspace = await tempTree({ 'deploy.yaml': DEPLOYMENT });
    const result = await cli(
      ['bump-manifest', '--image-ref', 'ghcr.io/acme/api:2.0.0', '--manifests', '.', '--outputs-file', 'out.json'],
      workspace,
    );
    expect(result.code).toBe(0);
    const printed = JSON.parse(result.stdout);
    expect(JSON.parse(await fs.readFile(path.join(workspace, 'out.json'), 'utf8'))).toEqual(printed);
    expect(printed).toEqual({
      changed: 'true',
      files: 'deploy.yaml',
      'files-json': ['deploy.yaml'],
      diff: expect.stringContaining('+        - image: ghcr.io/acme/api:2.0.0\n'),
      changes: [
        {
          file: 'deploy.yaml',
          line: 6,
          kind: 'workload',
          from: 'ghcr.io/acme/api:1.0.0',
          to: 'ghcr.io/acme/api:2.0.0',
        },
      ],
    });
    expect(result.stderr).toContain('1 file(s) in scope; 1 changed, 1 reference(s).');
    expect(await fs.readFile(path.join(workspace, 'deploy.yaml'), 'utf8')).toBe(DEPLOYMENT.replace('1.0.0', '2.0.0'));
  });

  it('in a GitHub job, prints file names, diffs and its outputs so that the runner acts on none of them', async () => {
    const workspace = await tempTree({ 'd.yaml': HOSTILE_MANIFEST, [HOSTILE_FILE_NAME]: HOSTILE_MANIFEST });
    const result = await cli(
      ['bump-manifest', '--image-ref', 'ghcr.io/acme/api:2.0.0', '--manifests', '.'],
      workspace,
      {
        GITHUB_ACTIONS: 'true',
      },
    );
    expect(result.code).toBe(0);
    expect(planted(result.stdout)).toEqual([]);
    expect(planted(result.stderr)).toEqual([]);
    const printed = JSON.parse(result.stdout);
    expect(printed['files-json']).toEqual([HOSTILE_FILE_NAME, 'd.yaml'].sort());
    expect(printed.diff).toContain('                 ::add-mask::acme\n');
    expect(printed.diff).toContain('# ##[error title=planted]planted');
  });

  it('reports a bad input as one plain line on stderr with exit 1, outside GitHub Actions', async () => {
    const workspace = await tempTree({ 'deploy.yaml': DEPLOYMENT });
    const result = await cli(['bump-manifest', '--image-ref', 'UPPER/case:1', '--manifests', '.'], workspace);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('error: Invalid image-ref "UPPER/case:1": the repository name must be lowercase.\n');
    expect(await fs.readFile(path.join(workspace, 'deploy.yaml'), 'utf8')).toBe(DEPLOYMENT);
  });

  it('keeps an error that quotes untrusted text on one line, readable as no command', async () => {
    const workspace = await tempTree({ 'deploy.yaml': DEPLOYMENT });
    const result = await cli(
      ['bump-manifest', '--image-ref', 'ghcr.io/acme/api:2\n::warning::planted ##[error]x', '--manifests', '.'],
      workspace,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^error: Invalid image-ref "ghcr.io\/acme\/api:2[^\n]*planted[^\n]*"[^\n]*\n$/);
    expect(planted(result.stderr)).toEqual([]);
  });

  it('prints its usage on --help, and a step’s on <step> --help', async () => {
    const result = await cli(['--help'], REPO_ROOT);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Usage: gitops-delivery-actions <step>/);
    const step = await cli(['wait-for-sync', '--help'], REPO_ROOT);
    expect(step.code).toBe(0);
    expect(step.stdout).toContain('Inputs of wait-for-sync');
    expect(step.stdout).toContain('  --argocd-application\n');
  });
});
