/**
 * A provenance bundle signed on Sigstore's mock services, attached to an image in the test bed's registry
 * (distribution 2.8: no referrers API, so the referrers tag fallback), found again and verified.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { RegistryClient } from '../../../src/core/build/registry.js';
import { ImageRef } from '../../../src/core/image-ref.js';
import { signStatement } from '../../../src/core/provenance/attest.js';
import {
  attachBundle,
  findBundles,
  referrersTag,
  SIGSTORE_BUNDLE_ARTIFACT_TYPE,
  verifyAttachedProvenance,
} from '../../../src/core/provenance/referrers.js';
import type { ProvenancePolicy } from '../../../src/core/provenance/verify.js';
import { docker, freshRepository, skopeoInspect } from '../build/build-testbed.js';
import { BED_IDENTITY_PATTERN, bedProvenanceStatement } from '../../helpers/provenance-fixture.js';
import { type SigstoreBed, startSigstoreBed, TEST_ISSUER } from '../../helpers/sigstore-bed.js';

// @sigstore/mock needs Node 22 or later: `npm run test:node24` runs this file; on Node 20 it says why it skips.
const supported = Number(process.versions.node.split('.')[0]) >= 22;
if (!supported) console.info(`Sigstore tests skipped: Node ${process.versions.node} < 22 (run npm run test:node24).`);
const describeSigstore = supported ? describe : describe.skip;

const execFileAsync = promisify(execFile);
const client = new RegistryClient({ retry: { attempts: 2, firstDelayMs: 50 } });

/** The bed's busybox pushed to a fresh repository: the repository and the digest the registry serves. */
async function pushedImage(name: string): Promise<{ image: ImageRef; digest: string }> {
  const repository = freshRepository(name);
  await docker('tag', 'local/busybox:1', `${repository}:1`);
  await docker('push', `${repository}:1`);
  return { image: ImageRef.parse(repository), digest: (await skopeoInspect(`${repository}:1`)).Digest };
}

describeSigstore('a provenance bundle attached to an image in the test bed registry', () => {
  let bed: SigstoreBed;
  let image: ImageRef;
  let digest: string;
  let policy: ProvenancePolicy;

  beforeAll(async () => {
    bed = await startSigstoreBed();
    ({ image, digest } = await pushedImage('provenance'));
    policy = {
      digest,
      identity: new RegExp(BED_IDENTITY_PATTERN),
      issuer: TEST_ISSUER,
      repository: 'https://github.com/acme/api',
      allowedRef: /refs\/heads\/main|refs\/tags\/.*/,
    };
  }, 120_000);
  afterAll(() => bed?.stop());

  const signFor = (subjectDigest: string) =>
    signStatement(bedProvenanceStatement(image.repository, subjectDigest), {
      method: 'keyless',
      identityToken: async () => bed.token(),
      fulcioUrl: bed.fulcioUrl,
      rekorUrl: bed.rekorUrl,
    });

  it('attaches it as a referrer, listed in the referrers tag, found again and verified', async () => {
    const bundle = await signFor(digest);
    const attached = await attachBundle(client, image, digest, bundle, { tagFallback: true });
    expect(attached.indexedBy).toBe('referrers-tag');

    const { stdout } = await execFileAsync('skopeo', [
      'inspect',
      '--raw',
      '--tls-verify=false',
      `docker://${image.repository}:${referrersTag(digest)}`,
    ]);
    expect(JSON.parse(stdout)).toEqual({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.index.v1+json',
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest: attached.digest,
          size: expect.any(Number),
          artifactType: SIGSTORE_BUNDLE_ARTIFACT_TYPE,
        },
      ],
    });

    expect(await findBundles(client, image, digest)).toEqual([{ referrer: attached.reference, bundle }]);
    const verified = await verifyAttachedProvenance(client, image, policy, { trustedRootJson: bed.trustedRoot });
    expect(verified.referrer).toBe(attached.reference);
    expect(verified.predicate.runDetails.builder.id).toMatch(new RegExp(BED_IDENTITY_PATTERN));
  }, 60_000);

  it('refuses a bundle for another digest attached to this image (a moved bundle)', async () => {
    const { image: moved, digest: movedDigest } = await pushedImage('provenance-moved');
    const other = `sha256:${'e'.repeat(64)}`;
    await attachBundle(client, moved, movedDigest, await signFor(other), { tagFallback: true });

    await expect(
      verifyAttachedProvenance(client, moved, { ...policy, digest: movedDigest }, { trustedRootJson: bed.trustedRoot }),
    ).rejects.toThrow(
      `Provenance refused, subject digest: names ${other}, not ${movedDigest} (a provenance of another image).`,
    );
  }, 60_000);

  it('says in one line when the image carries no provenance', async () => {
    const { image: bare, digest: bareDigest } = await pushedImage('provenance-none');
    await expect(verifyAttachedProvenance(client, bare, { ...policy, digest: bareDigest })).rejects.toThrow(
      `Provenance refused: ${bare.repository}@${bareDigest} has no Sigstore bundle attached.`,
    );
  }, 60_000);
});
