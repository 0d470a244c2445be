import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateKeyPairSync } from 'node:crypto';
import { UserError } from '../../../src/core/errors.js';
import { certificateClaim, signStatement, verifyBundle } from '../../../src/core/provenance/attest.js';
import {
  type InTotoStatement,
  IN_TOTO_STATEMENT_TYPE,
  SLSA_PREDICATE_TYPE,
} from '../../../src/core/provenance/slsa.js';
import { type SigstoreBed, startSigstoreBed } from '../../helpers/sigstore-bed.js';

// @sigstore/mock needs Node 22 or later: `npm run test:node24` runs this file; on Node 20 it says why it skips.
const supported = Number(process.versions.node.split('.')[0]) >= 22;
if (!supported) console.info(`Sigstore tests skipped: Node ${process.versions.node} < 22 (run npm run test:node24).`);
const describeSigstore = supported ? describe : describe.skip;

const statement: InTotoStatement = {
  _type: IN_TOTO_STATEMENT_TYPE,
  subject: [{ name: '127.0.0.1:5000/acme/api', digest: { sha256: 'b'.repeat(64) } }],
  predicateType: SLSA_PREDICATE_TYPE,
  predicate: { buildDefinition: { buildType: 'x', externalParameters: {}, resolvedDependencies: [] } },
};
const REUSABLE_SAN =
  'https://github.com/lib-owner/gitops-delivery-actions/.github/workflows/deliver-pull.yml@refs/tags/v1';

describeSigstore('signStatement and verifyBundle against Sigstore mock services on 127.0.0.1', () => {
  let bed: SigstoreBed;
  beforeAll(async () => {
    bed = await startSigstoreBed();
  });
  afterAll(() => bed?.stop());

  const keyless = (token: string) => ({
    method: 'keyless' as const,
    identityToken: async () => token,
    fulcioUrl: bed.fulcioUrl,
    rekorUrl: bed.rekorUrl,
  });

  it('signs keylessly (Fulcio certificate for the OIDC token, Rekor entry) and verifies against the trust root', async () => {
    const bundle = await signStatement(statement, keyless(bed.token()));
    expect(bundle.mediaType).toBe('application/vnd.dev.sigstore.bundle.v0.3+json');
    expect(bundle.dsseEnvelope?.payloadType).toBe('application/vnd.in-toto+json');
    expect(bundle.verificationMaterial.tlogEntries).toHaveLength(1);

    const verified = await verifyBundle(bundle, { trustedRootJson: bed.trustedRoot });
    expect(verified.statement).toEqual(statement);
    expect(verified.signer.identity?.subjectAlternativeName).toBe(REUSABLE_SAN);
    expect(verified.signer.identity?.extensions?.issuer).toBe(bed.issuer);
    expect(certificateClaim(verified.signer, '1.3.6.1.4.1.57264.1.12')).toBe('https://github.com/acme/api');
    expect(certificateClaim(verified.signer, '1.3.6.1.4.1.57264.1.14')).toBe('refs/heads/main');
  });

  it('adds an RFC 3161 timestamp when a TSA is named', async () => {
    const bundle = await signStatement(statement, { ...keyless(bed.token()), tsaUrl: bed.tsaUrl });
    expect(bundle.verificationMaterial.timestampVerificationData?.rfc3161Timestamps).toHaveLength(1);
    // Not verified here: @sigstore/core 3 cannot parse the mock TSA's genTime ("invalid time"); Rekor's entry
    // time is what the other tests verify against.
  });

  it('gets no certificate for a token the issuer did not sign', async () => {
    const forger = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
    const before = bed.refusedTokens;
    await expect(signStatement(statement, keyless(bed.token({}, forger)))).rejects.toThrow(UserError);
    expect(bed.refusedTokens).toBe(before + 1);
  });

  it('refuses a bundle whose signed statement was changed', async () => {
    const bundle = await signStatement(statement, keyless(bed.token()));
    const changed = { ...statement, subject: [{ ...statement.subject[0]!, digest: { sha256: 'c'.repeat(64) } }] };
    const tampered = {
      ...bundle,
      dsseEnvelope: { ...bundle.dsseEnvelope!, payload: Buffer.from(JSON.stringify(changed)).toString('base64') },
    };
    await expect(verifyBundle(tampered, { trustedRootJson: bed.trustedRoot })).rejects.toThrow(
      /The provenance signature does not verify/,
    );
  });

  it('refuses a bundle signed under another trust root', async () => {
    const other = await startSigstoreBed();
    try {
      const bundle = await signStatement(statement, {
        ...keyless(other.token()),
        fulcioUrl: other.fulcioUrl,
        rekorUrl: other.rekorUrl,
      });
      await expect(verifyBundle(bundle, { trustedRootJson: bed.trustedRoot })).rejects.toThrow(UserError);
    } finally {
      await other.stop();
    }
  });

  it('refuses a certificate that had expired when the log saw the signature', async () => {
    const stale = await startSigstoreBed({ caClock: new Date(Date.now() - 60 * 60 * 1000) });
    try {
      const bundle = await signStatement(statement, {
        ...keyless(stale.token()),
        fulcioUrl: stale.fulcioUrl,
        rekorUrl: stale.rekorUrl,
      });
      await expect(verifyBundle(bundle, { trustedRootJson: stale.trustedRoot })).rejects.toThrow(
        /The provenance signature does not verify/,
      );
    } finally {
      await stale.stop();
    }
  });

  it('signs with a key and verifies with its public key (logged in Rekor)', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
    const privateKeyPem = privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
    const publicKeyPem = publicKey.export({ format: 'pem', type: 'spki' }).toString();
    const bundle = await signStatement(statement, { method: 'key', privateKeyPem, rekorUrl: bed.rekorUrl });
    const verified = await verifyBundle(bundle, { trustedRootJson: bed.trustedRoot, publicKeyPem });
    expect(verified.statement).toEqual(statement);
    const otherKey = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey;
    await expect(
      verifyBundle(bundle, {
        trustedRootJson: bed.trustedRoot,
        publicKeyPem: otherKey.export({ format: 'pem', type: 'spki' }).toString(),
      }),
    ).rejects.toThrow(UserError);
  });

  it('says in one line when the private key is not a key', async () => {
    await expect(signStatement(statement, { method: 'key', privateKeyPem: 'not a key' })).rejects.toThrow(
      'The private key is not a PEM private key this password opens.',
    );
  });
});
