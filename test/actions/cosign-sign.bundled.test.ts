import { beforeAll, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { errorLines, runBundledAction } from '../helpers/run-action.js';
import { tempTree } from '../helpers/temp-dir.js';

// The bundle as a runner starts it, with test/doubles/cosign/cosign first on PATH.
const DOUBLE_DIR = fileURLToPath(new URL('../doubles/cosign/', import.meta.url));
const KEY_PEM = readFileSync(
  fileURLToPath(new URL('../fixtures/cosign/keys/cosign-test.key', import.meta.url)),
  'utf8',
);
const KEY_DIGEST = 'sha256:7a91c50d922925f152fec96ed1d84b7bc6b2079c169d68826f6cf307f22d40e6';
const KEY_IMAGE = `localhost:5000/tcpconnect@${KEY_DIGEST}`;
const PASSWORD = 'bundled password 42';

let workspace: string;
let log: string;

beforeAll(async () => {
  workspace = await tempTree({ 'keys/cosign.key': KEY_PEM });
  log = path.join(workspace, 'cosign-calls.jsonl');
});

function runnerEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: `${DOUBLE_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
    COSIGN_DOUBLE_LOG: log,
    GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/release.yml@refs/heads/main',
    ...extra,
  };
}

describe('the cosign-sign bundle', () => {
  it('signs and verifies with a key, printing the password nowhere but in the mask command', async () => {
    await fs.rm(log, { force: true });
    const run = await runBundledAction(
      'cosign-sign',
      { 'image-ref': KEY_IMAGE, 'private-key': 'keys/cosign.key', 'private-key-password': PASSWORD },
      { workspace, env: runnerEnv() },
    );
    expect(errorLines(run)).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['verify-command']).toBe(`cosign verify --key cosign.pub ${KEY_IMAGE}`);
    const calls = (await fs.readFile(log, 'utf8')).trim().split('\n');
    expect(calls.map((line) => JSON.parse(line).argv[0])).toEqual(['version', 'sign', 'public-key', 'verify']);
    expect(run.stdout).toContain(`::add-mask::${PASSWORD}`);
    const visible = run.stdout
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    for (const text of [visible, run.stderr, JSON.stringify(run.outputs), run.summary, calls.join('\n')]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(KEY_PEM.split('\n')[1]);
    }
  });

  it.each([
    [
      'a tag-only reference',
      { 'image-ref': 'ghcr.io/acme/api:1.4.2' },
      'a tag can move between the scan and the signature',
    ],
    [
      'keyless without an OIDC token',
      { 'image-ref': KEY_IMAGE },
      'Keyless signing needs the job permission "id-token: write"',
    ],
    [
      'an encrypted key without its password',
      { 'image-ref': KEY_IMAGE, 'private-key': 'keys/cosign.key' },
      'is encrypted and needs its password: set input "private-key-password"',
    ],
  ])('refuses %s with one ::error line, exit 1, no output and no cosign call', async (_, inputs, error) => {
    await fs.rm(log, { force: true });
    const run = await runBundledAction('cosign-sign', inputs, { workspace, env: runnerEnv() });
    expect(run.exitCode).toBe(1);
    const errors = errorLines(run);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(error);
    expect(run.outputs).toEqual({});
    await expect(fs.access(log)).rejects.toThrow();
  });
});
