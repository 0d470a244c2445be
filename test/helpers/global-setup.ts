/**
 * jest globalSetup: starts the local test bed (scripts/testbed.sh) when the run includes integration tests,
 * so `npm run test:unit` never needs apt-get or a Docker Engine. A bed that is already up is used as it is.
 * Imports only node: modules and types: jest loads global hooks with Node's own resolver.
 */
import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
// The parts of jest's configs this hook reads (jest 29's shapes).
interface GlobalConfig {
  testPathPattern: string;
}
interface ProjectConfig {
  roots: string[];
  testPathIgnorePatterns: string[];
}

declare global {
  // Read by global-teardown.ts: jest keeps the globals globalSetup sets for globalTeardown.
  var testbedStartedByJest: boolean | undefined;
}

const TESTBED_SCRIPT = fileURLToPath(new URL('../../scripts/testbed.sh', import.meta.url));
const INTEGRATION_TEST = /\.int\.test\.ts$/;
// From nothing, start installs packages with apt-get; cold it takes about a second.
const START_TIMEOUT_MS = 15 * 60_000;

export default async function globalSetup(globalConfig: GlobalConfig, projectConfig: ProjectConfig): Promise<void> {
  if (!selectsIntegrationTests(globalConfig, projectConfig)) return;
  if (await testbedUp()) return;
  try {
    await runTestbedScript('start');
  } catch (error) {
    await runTestbedScript('stop').catch(() => undefined);
    throw error;
  }
  globalThis.testbedStartedByJest = true;
}

/** Whether any `*.int.test.ts` under the roots survives the run's path patterns and ignore patterns. */
function selectsIntegrationTests(globalConfig: GlobalConfig, projectConfig: ProjectConfig): boolean {
  // jest 29 joins the command line's path patterns into one regular expression.
  const wanted = globalConfig.testPathPattern ? [new RegExp(globalConfig.testPathPattern, 'i')] : [];
  const ignored = projectConfig.testPathIgnorePatterns.map((pattern) => new RegExp(pattern));
  return integrationTestFiles(projectConfig.roots).some(
    (file) =>
      !ignored.some((pattern) => pattern.test(file)) &&
      (wanted.length === 0 || wanted.some((pattern) => pattern.test(file))),
  );
}

function integrationTestFiles(roots: string[]): string[] {
  return roots.flatMap((root) =>
    readdirSync(root, { recursive: true, encoding: 'utf8' })
      .filter((file) => INTEGRATION_TEST.test(file) && !file.split('/').includes('node_modules'))
      .map((file) => join(root, file)),
  );
}

async function testbedUp(): Promise<boolean> {
  return runTestbedScript('status').then(
    () => true,
    () => false,
  );
}

/** Runs a subcommand of scripts/testbed.sh, its progress lines shown as they come. */
function runTestbedScript(subcommand: 'start' | 'stop' | 'status'): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile(
      'bash',
      [TESTBED_SCRIPT, subcommand],
      { timeout: START_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 },
      (error) => {
        if (!error) return resolve();
        // execFile's own message repeats stderr, which is already on screen.
        reject(new Error(`scripts/testbed.sh ${subcommand} failed (${error.code ?? error.signal}); output above`));
      },
    );
    if (subcommand !== 'status') child.stderr?.pipe(process.stderr);
  });
}
