import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { signStatement } from '../../../src/core/provenance/attest.js';
import { provenanceStatement, slsaPredicate, type ProvenanceRequest } from '../../../src/core/provenance/slsa.js';
import { type ProvenancePolicy, verifyProvenanceBundle } from '../../../src/core/provenance/verify.js';
import { githubClaims, type SigstoreBed, startSigstoreBed, TEST_ISSUER } from '../../helpers/sigstore-bed.js';

// @sigstore/mock needs Node 22 or later: `npm run test:node24` runs this file; on Node 20 it says why it skips.
const supported = Number(process.versions.node.split('.')[0]) >= 22;
if (!supported) console.info(`Sigstore tests skipped: Node ${process.versions.node} < 22 (run npm run test:node24).`);
const describeSigstore = supported ? describe : describe.skip;

const DIGEST = `sha256:${'b'.repeat(64)}`;
const SHA = githubClaims().sha as string;
const REUSABLE = 'lib-owner/gitops-delivery-actions/.github/workflows/deliver-pull.yml@refs/tags/v1';

function predicate(
  overrides: Partial<ProvenanceRequest['invocation']> = {},
  builderId = `https://github.com/${REUSABLE}`,
) {
  return slsaPredicate({
    builder: { id: builderId, kind: 'reusable-workflow' },
    libraryRepository: 'lib-owner/gitops-delivery-actions',
    build: {
      dockerfile: 'Dockerfile',
      context: '.',
      buildArgs: new Map(),
      labels: new Map(),
      platforms: [],
      secretIds: [],
      builder: 'docker',
    },
    invocation: {
      repository: 'acme/api',
      ref: 'refs/heads/main',
      sha: SHA,
      runId: '1',
      runAttempt: '1',
      startedOn: new Date(),
      finishedOn: new Date(),
      ...overrides,
    },
    baseImages: [],
  });
}

const policy: ProvenancePolicy = {
  digest: DIGEST,
  identity:
    /https:\/\/github\.com\/lib-owner\/gitops-delivery-actions\/\.github\/workflows\/deliver-(pull|push)\.yml@refs\/tags\/v.*/,
  issuer: TEST_ISSUER,
  repository: 'https://github.com/acme/api',
  allowedRef: new RegExp('refs/heads/main|refs/tags/v.*'),
};

describeSigstore('verifyProvenanceBundle: the claims a hand-off checks, on bundles from Sigstore mock services', () => {
  let bed: SigstoreBed;
  beforeAll(async () => {
    bed = await startSigstoreBed();
  });
  afterAll(() => bed?.stop());

  const sign = (statement: ReturnType<typeof provenanceStatement>, claims: Record<string, unknown> = {}) =>
    signStatement(statement, {
      method: 'keyless',
      identityToken: async () => bed.token(claims),
      fulcioUrl: bed.fulcioUrl,
      rekorUrl: bed.rekorUrl,
    });
  const verify = (bundle: unknown, overrides: Partial<ProvenancePolicy> = {}) =>
    verifyProvenanceBundle(bundle, { ...policy, ...overrides }, { trustedRootJson: bed.trustedRoot });

  it('accepts the provenance of this image, signed by the reusable workflow for the caller at an allowed ref', async () => {
    const bundle = await sign(provenanceStatement('127.0.0.1:5000/acme/api', DIGEST, predicate()));
    await expect(verify(bundle)).resolves.toMatchObject({
      runDetails: { builder: { id: `https://github.com/${REUSABLE}` } },
    });
  });

  it('refuses it for another digest: a bundle moved to another image', async () => {
    const bundle = await sign(provenanceStatement('127.0.0.1:5000/acme/api', DIGEST, predicate()));
    await expect(verify(bundle, { digest: `sha256:${'e'.repeat(64)}` })).rejects.toThrow(
      /^Provenance refused, subject digest: names sha256:b+, not sha256:e+ \(a provenance of another image\)\.$/,
    );
  });

  it("refuses another workflow identity (a certificate for the caller's own workflow)", async () => {
    const callerWorkflow = 'acme/api/.github/workflows/ci.yml@refs/heads/main';
    const statement = provenanceStatement('x', DIGEST, predicate({}, `https://github.com/${callerWorkflow}`));
    const bundle = await sign(statement, { job_workflow_ref: callerWorkflow });
    await expect(verify(bundle)).rejects.toThrow(
      /^Provenance refused, signer identity: https:\/\/github.com\/acme\/api\/.github\/workflows\/ci.yml@refs\/heads\/main does not match/,
    );
  });

  it('refuses a builder id that is not the certificate identity', async () => {
    const other =
      'https://github.com/lib-owner/gitops-delivery-actions/.github/workflows/deliver-push.yml@refs/tags/v1';
    const bundle = await sign(provenanceStatement('x', DIGEST, predicate({}, other)));
    await expect(verify(bundle)).rejects.toThrow(/^Provenance refused, builder id: /);
  });

  it('refuses another repository, whether the certificate or the predicate names it', async () => {
    const fromFork = await sign(provenanceStatement('x', DIGEST, predicate()), { repository: 'mallory/api' });
    await expect(verify(fromFork)).rejects.toThrow(
      'Provenance refused, source repository: is https://github.com/mallory/api, not https://github.com/acme/api.',
    );
    const claimsFork = await sign(provenanceStatement('x', DIGEST, predicate({ repository: 'mallory/api' })));
    await expect(verify(claimsFork)).rejects.toThrow(/^Provenance refused, source repository: /);
  });

  it('refuses a ref that is not allowed', async () => {
    const bundle = await sign(provenanceStatement('x', DIGEST, predicate({ ref: 'refs/heads/feature' })), {
      ref: 'refs/heads/feature',
    });
    await expect(verify(bundle)).rejects.toThrow(
      'Provenance refused, source ref: refs/heads/feature does not match refs/heads/main|refs/tags/v.*.',
    );
  });

  it('refuses a predicate whose commit is not the certified one', async () => {
    const bundle = await sign(provenanceStatement('x', DIGEST, predicate({ sha: 'f'.repeat(40) })));
    await expect(verify(bundle)).rejects.toThrow(/^Provenance refused, source commit: f{40} is not the certified/);
  });
});
