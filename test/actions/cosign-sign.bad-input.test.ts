import { beforeAll, describe, expect, it } from '@jest/globals';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CosignSignSettings, readCosignSignSettings } from '../../src/actions/cosign-sign/settings.js';
import { UserError } from '../../src/core/errors.js';
import { InputReader, inputsFromRecord } from '../../src/core/inputs.js';
import { tempTree } from '../helpers/temp-dir.js';
import { testHost } from '../helpers/step-host.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/cosign/', import.meta.url));
const DIGEST = `sha256:${'e'.repeat(64)}`;
const IMAGE = `ghcr.io/acme/api@${DIGEST}`;
const PASSWORD = 'hunter2-but-longer';

interface BadCase {
  inputs: Record<string, string>;
  /** Added to a job environment that has an OIDC token. */
  env?: Record<string, string | undefined>;
  error: string | RegExp;
}

const image = (value: string, error: string | RegExp = /Invalid image-ref/): BadCase => ({
  inputs: { 'image-ref': value },
  error,
});
const keyed = (inputs: Record<string, string>, error: string | RegExp, env?: BadCase['env']): BadCase => ({
  inputs: { 'image-ref': IMAGE, method: 'key', ...inputs },
  error,
  ...(env ? { env } : {}),
});
const TAG_RACE = 'a tag can move between the scan and the signature';

const verifyOnly = (inputs: Record<string, string>, error: string | RegExp): BadCase => ({
  inputs: { 'image-ref': IMAGE, method: 'verify-only', 'verify-provenance': 'true', ...inputs },
  error,
});

const cases: Record<string, BadCase> = {
  'github-attestation without attest-provenance': {
    inputs: { 'image-ref': IMAGE, 'github-attestation': 'true' },
    error: 'Input "github-attestation" records the provenance this step signs: set "attest-provenance" to true.',
  },
  'verify-only recording an attestation': verifyOnly(
    { 'github-attestation': 'true' },
    'Input "github-attestation" records a provenance this step signs, and method: verify-only signs nothing.',
  ),
  'verify-only without verify-provenance': verifyOnly(
    { 'verify-provenance': 'false' },
    'method: verify-only checks the provenance: set "verify-provenance" to true.',
  ),
  'verify-only with a signing key': verifyOnly(
    { 'private-key': 'env://COSIGN_KEY' },
    'Input "private-key" is for signing, and method: verify-only signs nothing.',
  ),
  'verify-only with annotations': verifyOnly(
    { annotations: 'a=b' },
    'Input "annotations" is for signing, and method: verify-only signs nothing.',
  ),
  'verify-only attesting the provenance': verifyOnly(
    { 'attest-provenance': 'true' },
    'Inputs "attest" and "attest-provenance" sign attestations, and method: verify-only signs nothing.',
  ),
  'missing image-ref': image('', 'Input "image-ref" is required.'),
  'tag only': image('ghcr.io/acme/api:1.4.2', `not the tag "1.4.2": ${TAG_RACE}`),
  'latest tag': image('ghcr.io/acme/api:latest', TAG_RACE),
  'bare name': image('ghcr.io/acme/api', `not a bare name: ${TAG_RACE}`),
  'uppercase repository': image(`ghcr.io/Acme/api@${DIGEST}`),
  'short digest': image('ghcr.io/acme/api@sha256:abc'),
  'digest of another algorithm': image(`ghcr.io/acme/api@sha512:${'a'.repeat(128)}`),
  'uppercase digest hex': image(`ghcr.io/acme/api@sha256:${'E'.repeat(64)}`),
  'space inside': image(`ghcr.io/acme/my api@${DIGEST}`),
  'URL scheme': image(`https://ghcr.io/acme/api@${DIGEST}`),
  'keyless without id-token: write': {
    inputs: { 'image-ref': IMAGE },
    env: { ACTIONS_ID_TOKEN_REQUEST_URL: undefined, ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
    error: 'Keyless signing needs the job permission "id-token: write", which this job lacks',
  },
  'keyless with the token URL but no request token': {
    inputs: { 'image-ref': IMAGE, method: 'keyless' },
    env: { ACTIONS_ID_TOKEN_REQUEST_TOKEN: undefined },
    error: '"id-token: write"',
  },
  'keyless without a workflow ref to name the signer': {
    inputs: { 'image-ref': IMAGE },
    env: { GITHUB_WORKFLOW_REF: undefined },
    error: 'set input "certificate-identity"',
  },
  'unknown method': {
    inputs: { 'image-ref': IMAGE, method: 'kms' },
    error: 'Input "method" must be one of keyless, key, verify-only',
  },
  'keyless with a key': {
    inputs: { 'image-ref': IMAGE, method: 'keyless', 'private-key': 'keys/cosign.key' },
    error: 'Input "private-key" is for method: key; remove it or set method: key.',
  },
  'keyless with a password': {
    inputs: { 'image-ref': IMAGE, 'private-key-password': PASSWORD },
    error: 'Input "private-key-password" is for method: key',
  },
  'keyless with a public key': {
    inputs: { 'image-ref': IMAGE, 'public-key': 'keys/cosign.pub' },
    error: 'Input "public-key" is for method: key',
  },
  'key method without a key': keyed({}, 'method: key needs input "private-key"'),
  'missing key file': keyed(
    { 'private-key': 'keys/missing.key' },
    'Input "private-key" is no PEM key, no base64 of one, no env://NAME and no KMS URI, and no readable key file (ENOENT).',
  ),
  'key file is a directory': keyed(
    { 'private-key': 'keys' },
    /Input "private-key" is no PEM key.*no readable key file \(EISDIR\)/,
  ),
  'public key given as the key': keyed({ 'private-key': 'keys/cosign.pub' }, 'is a public key ("PUBLIC KEY")'),
  'key file that is no PEM': keyed({ 'private-key': 'notes.txt' }, 'holds no PEM block'),
  'encrypted cosign key without a password': keyed(
    { 'private-key': 'keys/cosign.key' },
    /The key .*cosign\.key is encrypted and needs its password: set input "private-key-password"/,
  ),
  'encrypted sigstore key without a password': keyed(
    { 'private-key': 'keys/empty-password.key' },
    /empty-password\.key is encrypted and needs its password/,
  ),
  'key in a variable without a password': keyed(
    { 'private-key': 'env://SIGNING_KEY' },
    'The key in SIGNING_KEY is encrypted and needs its password',
    { SIGNING_KEY: 'fixture:keys/cosign-test.key' },
  ),
  'key variable not set': keyed(
    { 'private-key': 'env://NO_SUCH_KEY' },
    'names the environment variable NO_SUCH_KEY, which is not set',
  ),
  'key variable not a name': keyed(
    { 'private-key': 'env://1-bad' },
    '"1-bad" in input "private-key" is not an environment variable name',
  ),
  'key variable holding no PEM': keyed(
    { 'private-key': 'env://SIGNING_KEY' },
    'environment variable SIGNING_KEY holds no PEM block',
    {
      SIGNING_KEY: 'not a key',
    },
  ),
  'inline key of another kind': keyed(
    { 'private-key': '-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----' },
    'is a "EC PRIVATE KEY" PEM, not a cosign key; convert it with "cosign import-key-pair',
  ),
  'unknown key scheme': keyed(
    { 'private-key': 'file://keys/cosign.key' },
    'Input "private-key" uses the unknown scheme "file://"',
  ),
  'public key file missing': keyed(
    { 'private-key': 'awskms:///alias/signer', 'public-key': 'keys/nope.pub' },
    'The public key file "keys/nope.pub" (input "public-key") does not exist.',
  ),
  'annotation without =': {
    inputs: { 'image-ref': IMAGE, annotations: 'git-sha=abc\nbuilt-by' },
    error: 'Annotation "built-by" in input "annotations" must be key=value',
  },
  'annotation with an empty key': {
    inputs: { 'image-ref': IMAGE, annotations: '=value' },
    error: 'Annotation "=value" in input "annotations" must be key=value',
  },
  'attest file missing': {
    inputs: { 'image-ref': IMAGE, attest: 'sbom.json' },
    error: 'Cannot read sbom.json (input "attest"): ENOENT',
  },
  'attest file not JSON': {
    inputs: { 'image-ref': IMAGE, attest: 'notes.txt' },
    error: 'notes.txt is not JSON; attest takes CycloneDX or SPDX JSON SBOMs and trivy JSON reports.',
  },
  'attest a JSON array': {
    inputs: { 'image-ref': IMAGE, attest: 'verify.json' },
    error: 'verify.json is JSON but not an object; expected an SBOM or a trivy report.',
  },
  'attest JSON of an unknown kind': {
    inputs: { 'image-ref': IMAGE, attest: 'bundle.sigstore.json' },
    error: 'bundle.sigstore.json is neither a CycloneDX or SPDX JSON SBOM nor a trivy JSON report',
  },
  'attest a report of another image': {
    inputs: { 'image-ref': IMAGE, attest: 'trivy.json' },
    error: `trivy.json describes alpine@sha256:451eee8bedcb2f029756dc3e9d73bab0e7943c1ac55cff3a4861c52a0fdd3e98, not the signed digest ${DIGEST}`,
  },
  'unknown signature format': {
    inputs: { 'image-ref': IMAGE, 'signature-format': 'referrers' },
    error: 'Input "signature-format" must be one of bundle, legacy; got "referrers".',
  },
  'cosign-version that is not one': {
    inputs: { 'image-ref': IMAGE, 'cosign-version': 'latest' },
    error: 'Input "cosign-version" must be a cosign version like 3.0.6, got "latest".',
  },
  'bundle format on cosign 2.5': {
    inputs: { 'image-ref': IMAGE, 'cosign-version': '2.5.3' },
    error: 'signature-format "bundle" needs cosign 2.6.0 or later, not 2.5.3',
  },
  'cosign 1': {
    inputs: { 'image-ref': IMAGE, 'cosign-version': '1.13.1', 'signature-format': 'legacy' },
    error: 'cosign 1.13.1 is too old: use cosign 2.x or 3.x',
  },
  'verify not a boolean': {
    inputs: { 'image-ref': IMAGE, verify: 'sometimes' },
    error: 'Input "verify" must be true or false, got "sometimes".',
  },
};

let workspace: string;
let keyPem: string;

beforeAll(async () => {
  keyPem = await fs.readFile(path.join(FIXTURES, 'keys', 'cosign-test.key'), 'utf8');
  workspace = await tempTree({
    'keys/cosign.key': keyPem,
    'keys/cosign.pub': await fs.readFile(path.join(FIXTURES, 'keys', 'cosign-test.pub')),
    'keys/empty-password.key': await fs.readFile(
      path.join(FIXTURES, 'keys', 'sigstore-rs-cosign-generated-encrypted-empty-password.key'),
    ),
    'notes.txt': 'release notes\n',
    'verify.json': await fs.readFile(path.join(FIXTURES, 'verify', 'cosign-verify-key.stdout.json')),
    'trivy.json': await fs.readFile(path.join(FIXTURES, 'attest', 'image-alpine-3.10-real-db.json')),
    'bundle.sigstore.json': await fs.readFile(path.join(FIXTURES, 'bundle', 'cosign-oci-attestation.sigstore.json')),
  });
});

function settingsFor(badCase: BadCase) {
  const env: NodeJS.ProcessEnv = {
    GITHUB_WORKSPACE: workspace,
    GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/release.yml@refs/heads/main',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
  };
  for (const [name, value] of Object.entries(badCase.env ?? {})) {
    if (value === undefined) delete env[name];
    else env[name] = value === 'fixture:keys/cosign-test.key' ? keyPem : value;
  }
  return () => readCosignSignSettings(new InputReader(inputsFromRecord(badCase.inputs)), testHost({ env }));
}

describe('cosign-sign refuses bad input with one line, before installing or signing anything', () => {
  it('has at least 40 cases', () => expect(Object.keys(cases).length).toBeGreaterThanOrEqual(40));

  it.each(Object.entries(cases))('%s', (_, badCase) => {
    const read = settingsFor(badCase);
    let error: unknown;
    try {
      read();
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(UserError);
    const message = (error as UserError).message;
    expect(message).not.toContain('\n');
    expect(message).toMatch(typeof badCase.error === 'string' ? escape(badCase.error) : badCase.error);
    expect(message).not.toContain(PASSWORD);
    expect(message).not.toContain(keyPem.split('\n')[1]);
  });

  it('never echoes a key in a shape it does not know, and masks it before anything else', () => {
    // base64 of something that is not a PEM, as a mis-stored secret would be: no file of that name exists
    const secret = Buffer.from('not a key at all, but a secret all the same: 0123456789abcdef').toString('base64');
    const printed: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string) => printed.push(String(chunk)) > 0) as typeof process.stdout.write;
    let message = '';
    try {
      settingsFor(keyed({ 'private-key': secret }, ''))();
    } catch (error) {
      message = (error as Error).message;
    } finally {
      process.stdout.write = write;
    }
    expect(message).toMatch(/^Input "private-key" is no PEM key, no base64 of one/);
    expect(message).not.toContain(secret.slice(0, 12));
    expect(printed.join('')).toContain(`::add-mask::${secret}`);
  });

  it('takes a key given as base64 of its PEM, as secrets are often stored', () => {
    const read = settingsFor(
      keyed({ 'private-key': Buffer.from(keyPem).toString('base64'), 'private-key-password': PASSWORD }, ''),
    );
    expect((read() as CosignSignSettings).signing.describe()).toBe('key given inline');
  });

  it('accepts an encrypted key without the input when COSIGN_PASSWORD is set for the job (an empty password)', () => {
    const read = settingsFor(keyed({ 'private-key': 'keys/empty-password.key' }, '', { COSIGN_PASSWORD: '' }));
    expect((read() as CosignSignSettings).signing.describe()).toBe(
      `key ${path.join(workspace, 'keys', 'empty-password.key')}`,
    );
  });
});

function escape(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}
