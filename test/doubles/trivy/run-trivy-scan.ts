import { jest } from '@jest/globals';
import * as path from 'node:path';
import { runAction } from '../../../src/core/action-runner.js';
import { InputReader, inputsFromRecord } from '../../../src/core/inputs.js';
import { trivyScan } from '../../../src/actions/trivy-scan/run.js';
import { readTrivyScanSettings } from '../../../src/actions/trivy-scan/settings.js';
import { LocalDirectoryDbCache } from '../../../src/core/trivy/db-cache.js';
import { createTrivyDouble, type TrivyDouble, type TrivyDoubleOptions } from './index.js';
import { captureWorkflowLog, type WorkflowLog } from '../../core/trivy/workflow-log.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { testHost } from '../../helpers/step-host.js';

export const DIGEST = `sha256:${'c'.repeat(64)}`;
export const IMAGE = `ghcr.io/acme/api@${DIGEST}`;
export const NOW = new Date('2026-03-01T12:00:00Z');
const ORIGINAL_PATH = process.env.PATH;

export interface ScanRun {
  exitCode: number;
  outputs: Record<string, string>;
  log: WorkflowLog;
  double: TrivyDouble;
  workspace: string;
  runnerTemp: string;
}

export interface ScanSetup extends TrivyDoubleOptions {
  files?: Record<string, string>;
  /** Shared between runs to test the DB cache across jobs. */
  cacheRoot?: string;
}

/**
 * Runs the trivy-scan action in this process as main.ts does (settings, then run, inside runAction), with the trivy
 * stand-in first on PATH and a local DB cache: the exit code, outputs and workflow commands a runner would see.
 */
export async function runTrivyScan(inputs: Record<string, string>, setup: ScanSetup = {}): Promise<ScanRun> {
  const workspace = await tempTree(setup.files ?? {});
  const runnerTemp = await tempTree({ summary: '' }, 'gda-runner-');
  const double = await createTrivyDouble(setup);
  const cache = new LocalDirectoryDbCache(setup.cacheRoot ?? path.join(runnerTemp, 'cache'));
  const outputs: Record<string, string> = {};
  process.env.PATH = `${double.binDir}${path.delimiter}${ORIGINAL_PATH}`;
  process.env.GITHUB_STEP_SUMMARY = path.join(runnerTemp, 'summary');
  const log = captureWorkflowLog();
  try {
    process.exitCode = 0;
    await runAction(async () => {
      const settings = readTrivyScanSettings(
        new InputReader(inputsFromRecord({ 'image-ref': IMAGE, ...inputs })),
        workspace,
      );
      await trivyScan(settings, testHost({ workspace, tempDir: runnerTemp, outputs }), {
        now: NOW,
        dbCache: cache,
        trivyEnv: double.env,
        retryDelayMs: 1,
      });
    });
    return { exitCode: Number(process.exitCode ?? 0), outputs, log, double, workspace, runnerTemp };
  } finally {
    process.exitCode = 0;
    process.env.PATH = ORIGINAL_PATH;
    delete process.env.GITHUB_STEP_SUMMARY;
    jest.restoreAllMocks();
  }
}
