import { describe, expect, it } from '@jest/globals';
import { type DigestLookup, servedDigest } from '../../../src/core/build/served-digest.js';
import { ImageRef } from '../../../src/core/image-ref.js';

const IMAGE = ImageRef.parse('ghcr.io/acme/api');
const A = `sha256:${'a'.repeat(64)}`;
const B = `sha256:${'b'.repeat(64)}`;

/** A registry whose tags serve the given digests (undefined: it will not show that tag). */
const registry = (tags: Record<string, string | undefined>): DigestLookup => ({
  manifestDigest: async (_, tag) => tags[tag],
});

describe('servedDigest', () => {
  it('is the digest every tag serves, when it is the one the push reported', async () => {
    expect(await servedDigest(registry({ '1.0': A, latest: A }), IMAGE, ['1.0', 'latest'], A)).toEqual({
      digest: A,
      source: 'registry',
    });
  });

  it('is read from the registry when the push reported none', async () => {
    expect(await servedDigest(registry({ '1.0': A }), IMAGE, ['1.0'], undefined)).toEqual({
      digest: A,
      source: 'registry',
    });
  });

  it('fails when a tag serves another manifest than the one pushed', async () => {
    await expect(servedDigest(registry({ '1.0': A, latest: B }), IMAGE, ['1.0', 'latest'], A)).rejects.toThrow(
      `ghcr.io/acme/api:latest serves ${B}, not the pushed ${A}: another push moved the tag.`,
    );
    await expect(servedDigest(registry({ '1.0': A, latest: B }), IMAGE, ['1.0', 'latest'], undefined)).rejects.toThrow(
      'another push moved the tag',
    );
  });

  it("falls back to the push's digest when the registry shows no tag", async () => {
    expect(await servedDigest(registry({}), IMAGE, ['1.0'], A)).toEqual({ digest: A, source: 'push' });
    await expect(servedDigest(registry({}), IMAGE, ['1.0'], undefined)).rejects.toThrow(
      'Neither the push nor the registry told the digest of ghcr.io/acme/api.',
    );
  });
});
