import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { tempTree } from '../../helpers/temp-dir.js';

export const TRIVY_FIXTURES = fileURLToPath(new URL('../../fixtures/trivy', import.meta.url));
const PROGRAM = fileURLToPath(new URL('trivy.mjs', import.meta.url));

/** How one DB download attempt from a repository ends; see DB_FAILURES in trivy.mjs for the output of each. */
export type DbOutcome = 'ok' | 'rate-limited' | 'network' | 'denied';

export interface TrivyDoubleOptions {
  /** Report replayed by scans, relative to test/fixtures/trivy/ (e.g. `json/image-alpine-3.9.json`). */
  report?: string;
  /** SBOM replayed by `convert`, relative to test/fixtures/trivy/. */
  sbom?: string;
  /** Outcomes of successive download attempts per repository; attempts past the list succeed. */
  db?: Record<string, DbOutcome[]>;
  version?: string;
}

export interface TrivyDouble {
  /** Holds an executable `trivy`: put it first on PATH. */
  binDir: string;
  /** The environment the double reads; pass it to every trivy run. */
  env: Record<string, string>;
  /** The argv of every call so far, in order. */
  calls(): Promise<string[][]>;
}

/** Writes a `trivy` launcher for the stand-in in trivy.mjs, configured to replay the given recorded outputs. */
export async function createTrivyDouble(options: TrivyDoubleOptions = {}): Promise<TrivyDouble> {
  const root = await tempTree({}, 'trivy-double-');
  const binDir = path.join(root, 'bin');
  const stateDir = path.join(root, 'state');
  await mkdir(binDir);
  await mkdir(stateDir);
  const launcher = path.join(binDir, 'trivy');
  await writeFile(launcher, `#!/bin/sh\nexec ${quote(process.execPath)} ${quote(PROGRAM)} "$@"\n`);
  await chmod(launcher, 0o755);

  const env: Record<string, string> = { TRIVY_DOUBLE_DIR: stateDir };
  if (options.report) env.TRIVY_DOUBLE_REPORT = path.join(TRIVY_FIXTURES, options.report);
  if (options.sbom) env.TRIVY_DOUBLE_SBOM = path.join(TRIVY_FIXTURES, options.sbom);
  if (options.db) env.TRIVY_DOUBLE_DB = JSON.stringify(options.db);
  if (options.version) env.TRIVY_DOUBLE_VERSION = options.version;
  return {
    binDir,
    env,
    async calls() {
      const log = await readFile(path.join(stateDir, 'argv.jsonl'), 'utf8').catch(() => '');
      return log
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as string[]);
    },
  };
}

function quote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}
