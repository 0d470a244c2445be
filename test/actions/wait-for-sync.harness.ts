/** Runs wait-for-sync in this process as its entry does (inputs → settings → run), for tests and the bench. */
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { type WaitForSyncSeams, waitForSyncAction } from '../../src/actions/wait-for-sync/run.js';
import { readWaitForSyncSettings } from '../../src/actions/wait-for-sync/settings.js';
import { InputReader, inputsFromRecord } from '../../src/core/inputs.js';
import { testHost } from '../helpers/step-host.js';

export interface WaitForSyncRun {
  outputs: Record<string, string>;
  /** What the action threw (a bad input, or SyncNotReachedError after its outputs), if anything. */
  error: unknown;
  /** The job summary it wrote. */
  summary: string;
}

/** The inputs (poll every second, time out after 30 s unless given), with RUNNER_TEMP and the summary in `dir`. */
export async function runWaitForSync(
  inputs: Record<string, string>,
  dir: string,
  environment: WaitForSyncSeams = {},
): Promise<WaitForSyncRun> {
  const outputs: Record<string, string> = {};
  const summaryFile = path.join(dir, 'summary.md');
  let error: unknown;
  try {
    const host = testHost({ tempDir: dir, outputs });
    const settings = readWaitForSyncSettings(
      new InputReader(inputsFromRecord({ 'poll-interval': '1s', timeout: '30s', ...inputs })),
      host,
    );
    await waitForSyncAction(settings, host, { summaryFile, ...environment });
  } catch (caught) {
    error = caught;
  }
  const summary = await fs.readFile(summaryFile, 'utf8').catch(() => '');
  return { outputs, error, summary };
}
