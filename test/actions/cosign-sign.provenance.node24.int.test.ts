/**
 * cosign-sign's provenance inputs for real: the predicate signed keylessly by sigstore-js on Sigstore's mock services,
 * attached to an image in the test bed's registry, then found and verified before a later signing. cosign itself is
 * the replaying double (no cosign can be downloaded here); the provenance path does not use it.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { parseAllDocuments } from 'yaml';
import { cosignSign } from '../../src/actions/cosign-sign/run.js';
import { readCosignSignSettings } from '../../src/actions/cosign-sign/settings.js';
import { RegistryClient } from '../../src/core/build/registry.js';
import { ImageRef } from '../../src/core/image-ref.js';
import { InputReader, inputsFromRecord } from '../../src/core/inputs.js';
import { signStatement } from '../../src/core/provenance/attest.js';
import { attachBundle } from '../../src/core/provenance/referrers.js';
import { CosignDouble } from '../doubles/cosign/cosign-double.js';
import { docker, freshRepository, skopeoInspect } from '../core/build/build-testbed.js';
import { BED_IDENTITY_PATTERN, bedPredicate, bedProvenanceStatement } from '../helpers/provenance-fixture.js';
import { type SigstoreBed, startSigstoreBed } from '../helpers/sigstore-bed.js';
import { tempTree } from '../helpers/temp-dir.js';
import { testHost } from '../helpers/step-host.js';
import { startManifestsWorld, TOKEN } from '../doubles/github-api/harness.js';

// @sigstore/mock needs Node 22 or later: `npm run test:node24` runs this file; on Node 20 it says why it skips.
const supported = Number(process.versions.node.split('.')[0]) >= 22;
if (!supported) console.info(`Sigstore tests skipped: Node ${process.versions.node} < 22 (run npm run test:node24).`);
const describeSigstore = supported ? describe : describe.skip;

const registry = new RegistryClient({ retry: { attempts: 2, firstDelayMs: 50 } });

async function pushedImage(name: string): Promise<string> {
  const repository = freshRepository(name);
  await docker('tag', 'local/busybox:1', `${repository}:1`);
  await docker('push', `${repository}:1`);
  return `${repository}@${(await skopeoInspect(`${repository}:1`)).Digest}`;
}

describeSigstore('cosign-sign with attest-provenance and verify-provenance', () => {
  let bed: SigstoreBed;
  let double: CosignDouble;
  let runnerTemp: string;

  beforeAll(async () => {
    bed = await startSigstoreBed();
    double = await CosignDouble.onPath();
    runnerTemp = await tempTree({}, 'runner-temp-');
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  }, 60_000);
  afterAll(async () => {
    jest.restoreAllMocks();
    await double?.restore();
    await bed?.stop();
  });

  const env = (): NodeJS.ProcessEnv => ({
    ...process.env,
    RUNNER_TEMP: runnerTemp,
    GITHUB_WORKSPACE: runnerTemp,
    GITHUB_WORKFLOW_REF: 'acme/api/.github/workflows/deliver.yml@refs/heads/main',
    GITHUB_REPOSITORY: 'acme/api',
    GITHUB_ACTION_REPOSITORY: 'lib-owner/gitops-delivery-actions',
    ACTIONS_ID_TOKEN_REQUEST_URL: 'http://127.0.0.1:9/token',
    ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'request-token',
  });

  async function sign(inputs: Record<string, string>, extraEnv: NodeJS.ProcessEnv = {}) {
    const settings = readCosignSignSettings(
      new InputReader(
        inputsFromRecord({ verify: 'false', 'fulcio-url': bed.fulcioUrl, 'rekor-url': bed.rekorUrl, ...inputs }),
      ),
      testHost({ env: { ...env(), ...extraEnv } }),
    );
    const outputs: Record<string, string> = {};
    await cosignSign(settings, testHost({ env: { ...env(), ...extraEnv }, outputs }), {
      install: double.installOptions,
      registry,
      trust: { trustedRootJson: bed.trustedRoot },
      identityToken: async () => bed.token(),
      githubWaitUnitMs: 5,
    });
    return outputs;
  }

  it("records the provenance with GitHub's artifact attestations API, listed under the image digest", async () => {
    const world = await startManifestsWorld(`acme/attested-${Date.now()}`, { 'README.md': 'app\n' });
    world.double.addToken('ghs_NoAttestations', 'ci[bot]', { attestations: 'none' });
    try {
      const image = await pushedImage('github-attestation');
      const inputs = {
        'image-ref': image,
        provenance: JSON.stringify(bedPredicate()),
        'attest-provenance': 'true',
        'github-attestation': 'true',
        'github-token': TOKEN,
        'github-api-url': world.double.apiUrl,
      };
      const outputs = await sign(inputs, { GITHUB_REPOSITORY: world.repository });
      expect(outputs['github-attestation-id']).toBe('1');
      const digest = ImageRef.parse(image).digest as string;
      const listed = (await (
        await fetch(`${world.double.apiUrl}/repos/${world.repository}/attestations/${digest}`, {
          headers: { authorization: `Bearer ${TOKEN}` },
        })
      ).json()) as { attestations: { bundle: { dsseEnvelope: { payload: string } } }[] };
      expect(listed.attestations).toHaveLength(1);
      const statement = JSON.parse(
        Buffer.from(listed.attestations[0]!.bundle.dsseEnvelope.payload, 'base64').toString(),
      );
      expect(statement.predicateType).toBe('https://slsa.dev/provenance/v1');
      expect(world.double.schemaViolations()).toEqual([]);

      // A token without attestations: write is named as such, in one line.
      await expect(
        sign({ ...inputs, 'github-token': 'ghs_NoAttestations' }, { GITHUB_REPOSITORY: world.repository }),
      ).rejects.toThrow(
        /^The token may not record an attestation in acme\/attested-\d+ \(403 .*\): grant it "attestations: write"/,
      );
    } finally {
      await world.double.stop();
    }
  }, 90_000);

  it('attests the provenance, and a later signing verifies it with the default identity', async () => {
    const image = await pushedImage('sign-provenance');
    const outputs = await sign({
      'image-ref': image,
      provenance: JSON.stringify(bedPredicate()),
      'attest-provenance': 'true',
    });
    expect(outputs['provenance-ref']).toMatch(new RegExp(`^${ImageRef.parse(image).repository}@sha256:[a-f0-9]{64}$`));

    await expect(sign({ 'image-ref': image, 'verify-provenance': 'true' })).resolves.toBeDefined();
    await expect(
      sign({ 'image-ref': image, 'verify-provenance': 'true', 'provenance-identity': BED_IDENTITY_PATTERN }),
    ).resolves.toBeDefined();
    await expect(
      sign({ 'image-ref': image, 'verify-provenance': 'true', 'provenance-allowed-refs': 'refs/tags/.*' }),
    ).rejects.toThrow('Provenance refused, source ref: refs/heads/main does not match refs/tags/.*.');
  }, 90_000);

  // What the hand-off and apply jobs of the reusable workflows run before the image goes further.
  async function verifyOnly(inputs: Record<string, string>) {
    const host = testHost({ env: env(), outputs: {} });
    const settings = readCosignSignSettings(
      new InputReader(inputsFromRecord({ method: 'verify-only', 'verify-provenance': 'true', ...inputs })),
      host,
    );
    const outputs: Record<string, string> = {};
    await cosignSign(settings, testHost({ env: env(), outputs }), {
      install: double.installOptions,
      registry,
      trust: { trustedRootJson: bed.trustedRoot },
    });
    return outputs;
  }

  it('verify-only finds and verifies the provenance, signs nothing, and names the referrer it verified', async () => {
    const image = await pushedImage('verify-only');
    const attested = await sign({
      'image-ref': image,
      provenance: JSON.stringify(bedPredicate()),
      'attest-provenance': 'true',
    });
    const signed = double.callsOf('sign').length;
    const outputs = await verifyOnly({ 'image-ref': image, 'provenance-identity': BED_IDENTITY_PATTERN });
    expect(outputs).toMatchObject({
      'signature-ref': '',
      'bundle-path': '',
      'verify-command': '',
      'provenance-ref': attested['provenance-ref'],
    });
    // The cluster's side of the same check: both policies, for this image repository and the identity verified.
    const policies = parseAllDocuments(outputs['admission-policy']!).map((document) => document.toJS());
    expect(policies.map((policy) => policy.kind)).toEqual(['ClusterPolicy', 'ClusterImagePolicy']);
    const repository = ImageRef.parse(image).repository;
    expect(policies[1].spec.images).toEqual([
      { glob: repository },
      { glob: `${repository}:*` },
      { glob: `${repository}@*` },
    ]);
    expect(JSON.stringify(policies)).toContain('https://github.com/acme/api');
    expect(double.callsOf('sign')).toHaveLength(signed);
    await expect(
      verifyOnly({ 'image-ref': image, 'provenance-identity': 'https://github.com/acme/other/.+' }),
    ).rejects.toThrow(/^Provenance refused, signer identity: /);
    // An image without provenance stops the delivery.
    await expect(verifyOnly({ 'image-ref': await pushedImage('verify-only-none') })).rejects.toThrow(
      /^Provenance refused: \S+@sha256:[a-f0-9]{64} has no Sigstore bundle attached\.$/,
    );
  }, 90_000);

  it('refuses a provenance for another digest attached to the image', async () => {
    const image = ImageRef.parse(await pushedImage('sign-provenance-moved'));
    const other = `sha256:${'e'.repeat(64)}`;
    const bundle = await signStatement(bedProvenanceStatement(image.repository, other), {
      method: 'keyless',
      identityToken: async () => bed.token(),
      fulcioUrl: bed.fulcioUrl,
      rekorUrl: bed.rekorUrl,
    });
    await attachBundle(registry, image, image.digest as string, bundle, { tagFallback: true });
    await expect(sign({ 'image-ref': image.toString(), 'verify-provenance': 'true' })).rejects.toThrow(
      `Provenance refused, subject digest: names ${other}, not ${image.digest} (a provenance of another image).`,
    );
  }, 90_000);

  it('says in one line that the registry has no referrers API when the tag fallback is not allowed', async () => {
    const image = ImageRef.parse(await pushedImage('sign-provenance-no-fallback'));
    const signed = double.callsOf('sign').length;
    await expect(
      sign({
        'image-ref': image.toString(),
        provenance: JSON.stringify(bedPredicate()),
        'attest-provenance': 'true',
        'provenance-tag-fallback': 'false',
      }),
    ).rejects.toThrow(
      `Registry ${image.registry} has no OCI referrers API and "provenance-tag-fallback" is false: the provenance cannot be attached to ${image.repository}@${image.digest}.`,
    );
    // Refused before signing: no signature of an image whose provenance could not be attached.
    expect(double.callsOf('sign')).toHaveLength(signed);
  }, 90_000);

  it('refuses an identity pattern that is not a regular expression, before anything runs', () => {
    expect(() =>
      readCosignSignSettings(
        new InputReader(
          inputsFromRecord({
            'image-ref': `127.0.0.1:5000/acme/api@sha256:${'a'.repeat(64)}`,
            'verify-provenance': 'true',
            'provenance-identity': 'https://github.com/(unclosed',
          }),
        ),
        testHost({ env: env() }),
      ),
    ).toThrow('Input "provenance-identity" is not a regular expression: https://github.com/(unclosed');
  });
});
