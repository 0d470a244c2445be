import type { ImageRef } from '../image-ref.js';

/** Reads which manifest digest a tag serves; undefined when the registry will not show it. */
export interface DigestLookup {
  manifestDigest(image: ImageRef, tag: string): Promise<string | undefined>;
}

export interface ServedDigest {
  digest: string;
  /** `registry`: every tag was read back; `push`: the registry would not show it, so the push's report stands. */
  source: 'registry' | 'push';
}

/**
 * The manifest digest the registry serves for every pushed tag. It must be one digest, and the one the push
 * reported (when it reported one): a tag serving another means a concurrent push moved it.
 */
export async function servedDigest(
  lookup: DigestLookup,
  image: ImageRef,
  tags: readonly string[],
  pushedDigest: string | undefined,
): Promise<ServedDigest> {
  const digests = await Promise.all(tags.map((tag) => lookup.manifestDigest(image, tag)));
  const served = tags.flatMap((tag, index) => (digests[index] ? [{ tag, digest: digests[index] }] : []));
  if (served.length === 0) {
    if (!pushedDigest) throw new Error(`Neither the push nor the registry told the digest of ${image}.`);
    return { digest: pushedDigest, source: 'push' };
  }
  const expected = pushedDigest ?? served[0]!.digest;
  const moved = served.find((entry) => entry.digest !== expected);
  if (moved) {
    throw new Error(
      `${image.withVersion({ tag: moved.tag })} serves ${moved.digest}, not the pushed ${expected}: ` +
        'another push moved the tag.',
    );
  }
  return { digest: expected, source: 'registry' };
}
