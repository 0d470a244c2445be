/**
 * jest globalTeardown: stops the local test bed, but only when global-setup.ts started it.
 * Self-contained: jest loads global hooks with Node's own resolver, which finds no `./global-setup.js`.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

declare global {
  // Set by global-setup.ts.
  var testbedStartedByJest: boolean | undefined;
}

const TESTBED_SCRIPT = fileURLToPath(new URL('../../scripts/testbed.sh', import.meta.url));

export default async function globalTeardown(): Promise<void> {
  if (!globalThis.testbedStartedByJest) return;
  const { stderr } = await promisify(execFile)('bash', [TESTBED_SCRIPT, 'stop']);
  process.stderr.write(stderr);
}
