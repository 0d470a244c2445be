import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cosignSign } from '../../src/actions/cosign-sign/run.js';
import { readCosignSignSettings } from '../../src/actions/cosign-sign/settings.js';
import { ToolFailedError } from '../../src/core/exec.js';
import { InputReader, inputsFromRecord } from '../../src/core/inputs.js';
import { CosignDouble, type CosignCall } from '../doubles/cosign/cosign-double.js';
import { tempTree } from '../helpers/temp-dir.js';
import { testHost } from '../helpers/step-host.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/cosign/', import.meta.url));
// The digests the recorded `cosign verify` outputs vouch for, so the verification here checks real output.
const KEY_DIGEST = 'sha256:7a91c50d922925f152fec96ed1d84b7bc6b2079c169d68826f6cf307f22d40e6';
const KEY_IMAGE = `localhost:5000/tcpconnect@${KEY_DIGEST}`;
const GCP_DIGEST = 'sha256:a2b109fb9baea555556561317fdd13cef9c3dfac22c8f8fea0c5a0b06ece9d00';
const GCP_IMAGE = `us-central1-docker.pkg.dev/project/repo1/securebuild-bazel@${GCP_DIGEST}`;
const ALPINE_DIGEST = 'sha256:451eee8bedcb2f029756dc3e9d73bab0e7943c1ac55cff3a4861c52a0fdd3e98';
const WORKFLOW_REF = 'acme/api/.github/workflows/release.yml@refs/heads/main';
const IDENTITY = `https://github.com/${WORKFLOW_REF}`;
const ISSUER = 'https://token.actions.githubusercontent.com';
const PASSWORD = 'correct horse battery staple';
const DIGEST_ONLY = /^[^@:]+(:\d+)?\/[^:@]+@sha256:[a-f0-9]{64}$/;

let double: CosignDouble;
let workspace: string;
let runnerTemp: string;
let summaryFile: string;
let printed: string;
let keyPem: string;

beforeAll(async () => {
  double = await CosignDouble.onPath();
  keyPem = await fs.readFile(path.join(FIXTURES, 'keys', 'cosign-test.key'), 'utf8');
});

afterAll(async () => {
  await double.restore();
});

beforeEach(async () => {
  await double.reset();
  workspace = await tempTree({
    'keys/cosign.key': keyPem,
    'keys/cosign.pub': await fs.readFile(path.join(FIXTURES, 'keys', 'cosign-test.pub')),
    'sbom.cdx.json': await fs.readFile(path.join(FIXTURES, 'attest', 'image-fluentd.cdx.json')),
    'trivy.json': await fs.readFile(path.join(FIXTURES, 'attest', 'image-alpine-3.10-real-db.json')),
  });
  runnerTemp = await tempTree({}, 'runner-temp-');
  summaryFile = path.join(runnerTemp, 'summary.md');
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  printed = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    printed += chunk.toString();
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  delete process.env.GITHUB_STEP_SUMMARY;
});

/** The environment of a GitHub job that may request an OIDC token (`permissions: id-token: write`). */
function jobEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    ...process.env,
    GITHUB_WORKSPACE: workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKFLOW_REF: WORKFLOW_REF,
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
    ...extra,
  };
}

async function sign(inputs: Record<string, string>, env: NodeJS.ProcessEnv = jobEnv()) {
  const settings = readCosignSignSettings(new InputReader(inputsFromRecord(inputs)), testHost({ env }));
  const outputs: Record<string, string> = {};
  await cosignSign(settings, testHost({ env, outputs }), { install: double.installOptions });
  const summary = await fs.readFile(summaryFile, 'utf8').catch(() => '');
  return { outputs, summary };
}

function only(subcommand: string): CosignCall {
  const calls = double.callsOf(subcommand);
  expect(calls).toHaveLength(1);
  return calls[0] as CosignCall;
}

/** What the job printed, without the `::add-mask::` lines that hand secrets to the runner for masking. */
function printedOutsideMasks(): string {
  return printed
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
}

describe('cosign-sign, keyless', () => {
  it('signs the digest with --yes, writes the bundle, and verifies with the workflow identity and issuer', async () => {
    double.replay({ verify: 'keyless' });
    const { outputs, summary } = await sign({ 'image-ref': GCP_IMAGE });

    const bundlePath = only('sign').argv[3] as string;
    expect(only('sign').argv).toEqual(['sign', '--yes', '--bundle', bundlePath, GCP_IMAGE]);
    expect(only('verify').argv).toEqual([
      'verify',
      '--certificate-identity',
      IDENTITY,
      '--certificate-oidc-issuer',
      ISSUER,
      GCP_IMAGE,
    ]);
    expect(double.callsOf('public-key')).toEqual([]);
    expect(outputs).toEqual({
      'signature-ref':
        'https://us-central1-docker.pkg.dev/v2/project/repo1/securebuild-bazel/referrers/' +
        `${GCP_DIGEST}?artifactType=application%2Fvnd.dev.sigstore.bundle.v0.3%2Bjson`,
      'bundle-path': bundlePath,
      'verify-command': `cosign verify --certificate-identity ${IDENTITY} --certificate-oidc-issuer ${ISSUER} ${GCP_IMAGE}`,
    });
    expect(bundlePath.startsWith(runnerTemp)).toBe(true);
    expect(JSON.parse(await fs.readFile(bundlePath, 'utf8')).mediaType).toBe(
      'application/vnd.dev.sigstore.bundle.v0.3+json',
    );
    expect(summary).toContain(`keyless, as ${IDENTITY}`);
    expect(summary).toContain(outputs['verify-command']);
  });

  it('is the default method when no private-key is given, and needs no key material in the environment', async () => {
    double.replay({ verify: 'keyless' });
    await sign({ 'image-ref': GCP_IMAGE });
    for (const call of double.calls()) {
      expect(call.envNames).not.toContain('COSIGN_PASSWORD');
      expect(call.envNames).not.toContain('COSIGN_PRIVATE_KEY');
    }
  });

  it('signs only the digest of a reference that also carries a tag', async () => {
    double.replay({ verify: 'keyless' });
    await sign({ 'image-ref': GCP_IMAGE.replace('@', ':v1.2.3@') });
    for (const call of [only('sign'), only('verify')]) expect(call.argv.at(-1)).toBe(GCP_IMAGE);
  });

  it('verifies against a certificate identity given for a reusable workflow', async () => {
    double.replay({ verify: 'keyless' });
    const identity = 'https://github.com/acme/workflows/.github/workflows/deliver.yml@refs/tags/v1';
    const { outputs } = await sign({ 'image-ref': GCP_IMAGE, 'certificate-identity': identity });
    expect(only('verify').argv).toContain(identity);
    expect(outputs['verify-command']).toContain(`--certificate-identity ${identity} `);
  });
});

describe('cosign-sign, with a key', () => {
  it('passes the password only in the environment and verifies with the derived public key', async () => {
    double.replay({ verify: 'key' });
    const { outputs, summary } = await sign({
      'image-ref': KEY_IMAGE,
      'private-key': 'keys/cosign.key',
      'private-key-password': PASSWORD,
    });

    const keyFile = path.join(workspace, 'keys', 'cosign.key');
    const sign1 = only('sign');
    expect(sign1.argv).toEqual(['sign', '--yes', '--key', keyFile, '--bundle', sign1.argv[5], KEY_IMAGE]);
    expect(sign1.envNames).toContain('COSIGN_PASSWORD');
    const derived = only('public-key');
    expect(derived.argv.slice(0, 3)).toEqual(['public-key', '--key', keyFile]);
    expect(derived.envNames).toContain('COSIGN_PASSWORD');
    const publicKeyFile = derived.argv[4] as string;
    expect(only('verify').argv).toEqual(['verify', '--key', publicKeyFile, KEY_IMAGE]);
    expect(outputs['verify-command']).toBe(`cosign verify --key cosign.pub ${KEY_IMAGE}`);
    expect(summary).toContain(
      await fs.readFile(path.join(FIXTURES, 'keys', 'cosign-test.pub'), 'utf8').then((t) => t.trim()),
    );

    expect(double.recordedText()).not.toContain(PASSWORD);
    expect(JSON.stringify(outputs)).not.toContain(PASSWORD);
    expect(summary).not.toContain(PASSWORD);
    expect(printedOutsideMasks()).not.toContain(PASSWORD);
    expect(printed).toContain(`::add-mask::${PASSWORD}`);
  });

  it('verifies with the public key file given, and names it in the command to paste', async () => {
    double.replay({ verify: 'key' });
    const { outputs } = await sign({
      'image-ref': KEY_IMAGE,
      'private-key': 'keys/cosign.key',
      'private-key-password': PASSWORD,
      'public-key': 'keys/cosign.pub',
    });
    expect(double.callsOf('public-key')).toEqual([]);
    expect(only('verify').argv).toEqual(['verify', '--key', path.join(workspace, 'keys', 'cosign.pub'), KEY_IMAGE]);
    expect(outputs['verify-command']).toBe(`cosign verify --key keys/cosign.pub ${KEY_IMAGE}`);
  });

  it.each([
    ['env://COSIGN_KEY', 'env://COSIGN_KEY'],
    ['COSIGN_KEY', 'env://COSIGN_KEY'],
  ])('reads key %s from the environment, never from argv', async (input, reference) => {
    double.replay({ verify: 'key' });
    process.env.COSIGN_KEY = keyPem;
    try {
      await sign(
        { 'image-ref': KEY_IMAGE, 'private-key': input, 'private-key-password': PASSWORD },
        jobEnv({ COSIGN_KEY: keyPem }),
      );
    } finally {
      delete process.env.COSIGN_KEY;
    }
    expect(only('sign').argv.slice(0, 4)).toEqual(['sign', '--yes', '--key', reference]);
    expect(only('sign').envNames).toEqual(expect.arrayContaining(['COSIGN_KEY', 'COSIGN_PASSWORD']));
    expect(only('public-key').argv.slice(0, 3)).toEqual(['public-key', '--key', reference]);
    expect(double.recordedText()).not.toContain(keyBody(keyPem));
  });

  it('hands PEM text given inline to cosign through COSIGN_PRIVATE_KEY', async () => {
    double.replay({ verify: 'key' });
    const { outputs, summary } = await sign({
      'image-ref': KEY_IMAGE,
      'private-key': keyPem,
      'private-key-password': PASSWORD,
    });
    expect(only('sign').argv.slice(0, 4)).toEqual(['sign', '--yes', '--key', 'env://COSIGN_PRIVATE_KEY']);
    expect(only('sign').envNames).toEqual(expect.arrayContaining(['COSIGN_PRIVATE_KEY', 'COSIGN_PASSWORD']));
    for (const text of [double.recordedText(), JSON.stringify(outputs), summary, printedOutsideMasks()]) {
      expect(text).not.toContain(keyBody(keyPem));
      expect(text).not.toContain(PASSWORD);
    }
  });

  it('signs with a KMS key and verifies by the same URI', async () => {
    double.replay({ verify: 'kms' });
    const kms = 'gcpkms://projects/project/locations/global/keyRings/cosign/cryptoKeys/signer/cryptoKeyVersions/1';
    const { outputs } = await sign({ 'image-ref': GCP_IMAGE, 'private-key': kms });
    expect(only('sign').argv.slice(0, 4)).toEqual(['sign', '--yes', '--key', kms]);
    expect(only('sign').envNames).not.toContain('COSIGN_PASSWORD');
    expect(double.callsOf('public-key')).toEqual([]);
    expect(only('verify').argv).toEqual(['verify', '--key', kms, GCP_IMAGE]);
    expect(outputs['verify-command']).toBe(`cosign verify --key ${kms} ${GCP_IMAGE}`);
  });

  it('signs each annotation with -a key=value', async () => {
    double.replay({ verify: 'key' });
    await sign({
      'image-ref': KEY_IMAGE,
      'private-key': 'keys/cosign.key',
      'private-key-password': PASSWORD,
      annotations: 'git-sha=0123abc\nbuilt-by=release workflow',
    });
    const argv = only('sign').argv;
    expect(argv.slice(-5)).toEqual(['-a', 'git-sha=0123abc', '-a', 'built-by=release workflow', KEY_IMAGE]);
  });
});

describe('cosign-sign, signature formats across cosign versions', () => {
  const keyInputs = { 'image-ref': KEY_IMAGE, 'private-key': 'keys/cosign.key', 'private-key-password': PASSWORD };

  it('legacy on cosign 3: turns off the bundle format and the signing config, and points at the .sig tag', async () => {
    double.replay({ verify: 'key' });
    const { outputs } = await sign({ ...keyInputs, 'signature-format': 'legacy' });
    expect(only('sign').argv).toEqual([
      'sign',
      '--yes',
      '--new-bundle-format=false',
      '--use-signing-config=false',
      '--key',
      path.join(workspace, 'keys', 'cosign.key'),
      KEY_IMAGE,
    ]);
    expect(only('verify').argv.slice(0, 2)).toEqual(['verify', '--new-bundle-format=false']);
    expect(outputs['signature-ref']).toBe(`localhost:5000/tcpconnect:${KEY_DIGEST.replace(':', '-')}.sig`);
    expect(outputs['bundle-path']).toBe('');
    expect(outputs['verify-command']).toBe(`cosign verify --new-bundle-format=false --key cosign.pub ${KEY_IMAGE}`);
  });

  it('bundle on cosign 2.6: asks for the bundle format and the signing config, and writes no bundle file', async () => {
    double.replay({ verify: 'key', version: '2.6.1' });
    const { outputs } = await sign({ ...keyInputs, 'cosign-version': '2.6.1', 'cosign-sha256': 'a'.repeat(64) });
    expect(only('sign').argv.slice(0, 4)).toEqual([
      'sign',
      '--yes',
      '--new-bundle-format=true',
      '--use-signing-config=true',
    ]);
    expect(only('sign').argv).not.toContain('--bundle');
    expect(only('verify').argv.slice(0, 2)).toEqual(['verify', '--new-bundle-format=true']);
    expect(outputs['bundle-path']).toBe('');
  });

  it('legacy on cosign 2: cosign 2 defaults to it, so no format flags', async () => {
    double.replay({ verify: 'key', version: '2.6.1' });
    await sign({
      ...keyInputs,
      'cosign-version': '2.6.1',
      'cosign-sha256': 'a'.repeat(64),
      'signature-format': 'legacy',
    });
    expect(only('sign').argv.slice(0, 3)).toEqual(['sign', '--yes', '--key']);
    expect(only('verify').argv.slice(0, 2)).toEqual(['verify', '--key']);
  });
});

describe('cosign-sign, attestations', () => {
  const inputs = { 'private-key': 'keys/cosign.key', 'private-key-password': PASSWORD, verify: 'false' };

  it('attests a trivy report as --type vuln, wrapped the way trivy --format cosign-vuln does', async () => {
    const image = `docker.io/library/alpine@${ALPINE_DIGEST}`;
    await sign({ ...inputs, 'image-ref': image, attest: 'trivy.json' });
    const attest = only('attest');
    const predicate = attest.argv[attest.argv.indexOf('--predicate') + 1] as string;
    expect(attest.argv).toEqual([
      'attest',
      '--yes',
      '--key',
      path.join(workspace, 'keys', 'cosign.key'),
      '--type',
      'vuln',
      '--predicate',
      predicate,
      image,
    ]);
    expect(attest.envNames).toContain('COSIGN_PASSWORD');
    const wrapped = JSON.parse(await fs.readFile(predicate, 'utf8'));
    const report = JSON.parse(await fs.readFile(path.join(workspace, 'trivy.json'), 'utf8'));
    expect(wrapped.scanner).toEqual({
      uri: 'pkg:github/aquasecurity/trivy@0.72.0',
      version: '0.72.0',
      db: { uri: '', version: '' },
      result: report,
    });
    // The recorded report had its CreatedAt stripped, and cosign cannot parse an empty timestamp.
    expect(wrapped).not.toHaveProperty('metadata');
  });

  it('attests a CycloneDX SBOM as itself, with a warning when it does not name the digest', async () => {
    await sign({ ...inputs, 'image-ref': KEY_IMAGE, attest: 'sbom.cdx.json' });
    const attest = only('attest');
    expect(attest.argv.slice(-5)).toEqual([
      '--type',
      'cyclonedx',
      '--predicate',
      path.join(workspace, 'sbom.cdx.json'),
      KEY_IMAGE,
    ]);
    expect(printed).toContain(`::warning::sbom.cdx.json does not say which image digest it describes`);
    expect(double.callsOf('verify')).toEqual([]);
  });

  it('signs before it attests, and attests each file once', async () => {
    const image = `docker.io/library/alpine@${ALPINE_DIGEST}`;
    await sign({ ...inputs, 'image-ref': image, attest: 'sbom.cdx.json, trivy.json' });
    expect(double.calls().map((call) => call.argv[0])).toEqual(['version', 'sign', 'attest', 'attest', 'public-key']);
    expect(double.callsOf('attest').map((call) => call.argv[call.argv.indexOf('--type') + 1])).toEqual([
      'cyclonedx',
      'vuln',
    ]);
  });
});

describe('cosign-sign, what it checks', () => {
  it('fails when cosign verify vouches for another digest', async () => {
    double.replay({ verify: 'key' });
    const other = `localhost:5000/tcpconnect@sha256:${'b'.repeat(64)}`;
    const outputs: Record<string, string> = {};
    const settings = readCosignSignSettings(
      new InputReader(
        inputsFromRecord({ 'image-ref': other, 'private-key': 'keys/cosign.key', 'private-key-password': PASSWORD }),
      ),
      testHost({ env: jobEnv() }),
    );
    await expect(
      cosignSign(settings, testHost({ env: jobEnv(), outputs }), { install: double.installOptions }),
    ).rejects.toThrow(
      `cosign verify returned signatures of ${KEY_DIGEST}, not of the signed digest sha256:${'b'.repeat(64)}`,
    );
    expect(outputs).toEqual({});
  });

  it('skips verification on verify: false but still gives the command', async () => {
    const { outputs } = await sign({ 'image-ref': GCP_IMAGE, verify: 'false' });
    expect(double.callsOf('verify')).toEqual([]);
    expect(outputs['verify-command']).toContain('cosign verify --certificate-identity');
  });

  it('stops at a failing cosign sign, with no outputs', async () => {
    double.replay({ fail: 'sign' });
    const outputs: Record<string, string> = {};
    const host = testHost({ env: jobEnv(), outputs });
    const settings = readCosignSignSettings(new InputReader(inputsFromRecord({ 'image-ref': GCP_IMAGE })), host);
    await expect(cosignSign(settings, host, { install: double.installOptions })).rejects.toThrow(ToolFailedError);
    expect(double.callsOf('verify')).toEqual([]);
    expect(outputs).toEqual({});
  });

  it('gives cosign only digest references, and always --yes to sign and attest', async () => {
    double.replay({ verify: 'key' });
    await sign({
      'image-ref': `${KEY_IMAGE.replace('@', ':latest@')}`,
      'private-key': 'keys/cosign.key',
      'private-key-password': PASSWORD,
    });
    await sign({
      'image-ref': `docker.io/library/alpine:3.10@${ALPINE_DIGEST}`,
      'private-key': 'keys/cosign.key',
      'private-key-password': PASSWORD,
      attest: 'trivy.json',
      verify: 'false',
    });
    const imageCalls = double.calls().filter((call) => ['sign', 'attest', 'verify'].includes(call.argv[0] as string));
    expect(imageCalls.length).toBe(4);
    for (const call of imageCalls) {
      expect(call.argv.at(-1)).toMatch(DIGEST_ONLY);
      if (call.argv[0] !== 'verify') expect(call.argv[1]).toBe('--yes');
    }
  });
});

/** The base64 body of a PEM block: what must never appear anywhere, whatever the framing. */
function keyBody(pem: string): string {
  return pem.split('\n')[1] as string;
}
