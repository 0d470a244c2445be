import { isIndex, parseJson, type RegistryClient, sha256Digest } from '../build/registry.js';
import { UserError } from '../errors.js';
import type { ImageRef } from '../image-ref.js';
import type { TrustRootOptions } from './attest.js';
import type { SlsaProvenancePredicate } from './slsa.js';
import { type ProvenancePolicy, verifyProvenanceBundle } from './verify.js';

/** A Sigstore bundle v0.3 as an OCI artifact, as cosign 3 and actions/attest attach it. */
export const SIGSTORE_BUNDLE_ARTIFACT_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';
const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
/** The OCI empty descriptor's content, `{}`: an artifact's config when it has none. */
const EMPTY_CONFIG = Buffer.from('{}');
const EMPTY_CONFIG_TYPE = 'application/vnd.oci.empty.v1+json';
const SHA256_DIGEST = /^sha256:([a-f0-9]{64})$/;

/** An OCI content descriptor. */
export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

interface ReferrerManifest {
  mediaType?: string;
  artifactType?: string;
  subject?: Descriptor;
  layers?: Descriptor[];
  annotations?: Record<string, string>;
}

interface ImageIndex {
  schemaVersion: 2;
  mediaType: typeof OCI_INDEX;
  manifests: Descriptor[];
}

/** Where the referrer went: the registry indexes it (referrers API), or this client kept the referrers tag. */
export interface AttachedBundle {
  /** The referrer manifest, `REGISTRY/PATH@sha256:...`. */
  reference: string;
  digest: string;
  indexedBy: 'referrers-api' | 'referrers-tag';
}

export interface AttachOptions {
  /** Bundle annotations (`dev.sigstore.bundle.predicateType`, ...) on the referrer manifest and its index entry. */
  annotations?: Record<string, string>;
  /**
   * For a registry without the referrers API: keep the OCI referrers tag (`sha256-<hex>`) instead. When false, such a
   * registry is a UserError, before anything is pushed.
   */
  tagFallback: boolean;
  /** The input that allows the fallback, named in that error. */
  tagFallbackInput?: string;
}

/**
 * Attaches a Sigstore bundle to an image as an OCI 1.1 referrer: a manifest whose subject is the image manifest,
 * whose config is the empty descriptor and whose one layer is the bundle, pushed by digest. A registry with the
 * referrers API indexes it by its subject; otherwise the referrers tag's index gets it (read, modified, written back,
 * other entries kept), as the OCI distribution spec's fallback says.
 */
export async function attachBundle(
  registry: RegistryClient,
  image: ImageRef,
  subjectDigest: string,
  bundle: unknown,
  options: AttachOptions,
): Promise<AttachedBundle> {
  const subject = await subjectDescriptor(registry, image, subjectDigest);
  const hasApi = (await registry.referrers(image, subjectDigest)) !== undefined;
  if (!hasApi && !options.tagFallback) throw noReferrersApi(image, subjectDigest, options.tagFallbackInput);
  const bundleBytes = Buffer.from(JSON.stringify(bundle));
  const manifest = {
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: SIGSTORE_BUNDLE_ARTIFACT_TYPE,
    config: {
      mediaType: EMPTY_CONFIG_TYPE,
      digest: await registry.uploadBlob(image, EMPTY_CONFIG),
      size: EMPTY_CONFIG.length,
    },
    layers: [
      {
        mediaType: SIGSTORE_BUNDLE_ARTIFACT_TYPE,
        digest: await registry.uploadBlob(image, bundleBytes),
        size: bundleBytes.length,
      },
    ],
    subject,
    ...(options.annotations ? { annotations: options.annotations } : {}),
  };
  const bytes = Buffer.from(JSON.stringify(manifest));
  const digest = await registry.putManifest(image, sha256Digest(bytes), bytes, OCI_MANIFEST);
  const descriptor: Descriptor = {
    mediaType: OCI_MANIFEST,
    digest,
    size: bytes.length,
    artifactType: SIGSTORE_BUNDLE_ARTIFACT_TYPE,
    ...(options.annotations ? { annotations: options.annotations } : {}),
  };
  if (!hasApi) await addToReferrersTag(registry, image, subjectDigest, descriptor);
  return { reference: `${image.repository}@${digest}`, digest, indexedBy: hasApi ? 'referrers-api' : 'referrers-tag' };
}

/** Refuses, before anything is signed, a registry without the referrers API when the tag fallback is not allowed. */
export async function requireReferrersApi(
  registry: RegistryClient,
  image: ImageRef,
  subjectDigest: string,
  tagFallbackInput?: string,
): Promise<void> {
  if ((await registry.referrers(image, subjectDigest)) === undefined) {
    throw noReferrersApi(image, subjectDigest, tagFallbackInput);
  }
}

function noReferrersApi(image: ImageRef, subjectDigest: string, tagFallbackInput: string | undefined): UserError {
  const input = tagFallbackInput ? ` and "${tagFallbackInput}" is false` : '';
  return new UserError(
    `Registry ${image.registry} has no OCI referrers API${input}: the provenance cannot be attached to ${image.repository}@${subjectDigest}.`,
  );
}

/** A bundle found attached to an image, with the referrer manifest that carries it. */
export interface FoundBundle {
  referrer: string;
  bundle: unknown;
}

/**
 * The Sigstore bundles attached to `image@subjectDigest`, by the referrers API or else the referrers tag: each
 * referrer of the bundle artifact type whose manifest names this subject, its layer read and checked by digest.
 */
export async function findBundles(
  registry: RegistryClient,
  image: ImageRef,
  subjectDigest: string,
): Promise<FoundBundle[]> {
  const index =
    (await registry.referrers(image, subjectDigest, SIGSTORE_BUNDLE_ARTIFACT_TYPE)) ??
    (await registry.manifest(image, referrersTag(subjectDigest)))?.bytes;
  const listed = (index ? (parseJson<ImageIndex>(index)?.manifests ?? []) : []).filter(
    (entry) => entry.artifactType === SIGSTORE_BUNDLE_ARTIFACT_TYPE,
  );
  const found: FoundBundle[] = [];
  for (const entry of listed) {
    const manifest = await registry.manifest(image, entry.digest);
    if (!manifest || manifest.digest !== entry.digest) continue;
    const referrer = parseJson<ReferrerManifest>(manifest.bytes);
    const layer = referrer?.layers?.find((candidate) => candidate.mediaType === SIGSTORE_BUNDLE_ARTIFACT_TYPE);
    if (referrer?.subject?.digest !== subjectDigest || !layer) continue;
    const bytes = await registry.blob(image, layer.digest);
    const bundle = bytes ? parseJson<unknown>(bytes) : undefined;
    if (bundle !== undefined) found.push({ referrer: `${image.repository}@${entry.digest}`, bundle });
  }
  return found;
}

/**
 * Finds the provenance attached to `image@policy.digest` and verifies it: the first bundle that passes every claim
 * wins; when none does, the first refusal is the error (one line naming the claim), or a line saying there is none.
 */
export async function verifyAttachedProvenance(
  registry: RegistryClient,
  image: ImageRef,
  policy: ProvenancePolicy,
  trust: TrustRootOptions = {},
): Promise<{ referrer: string; predicate: SlsaProvenancePredicate }> {
  const found = await findBundles(registry, image, policy.digest);
  if (found.length === 0) {
    throw new UserError(`Provenance refused: ${image.repository}@${policy.digest} has no Sigstore bundle attached.`);
  }
  let refusal: unknown;
  for (const { referrer, bundle } of found) {
    try {
      return { referrer, predicate: await verifyProvenanceBundle(bundle, policy, trust) };
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      refusal ??= error;
    }
  }
  throw refusal;
}

/** The OCI referrers tag schema's tag for a subject: `sha256-<hex>`. */
export function referrersTag(subjectDigest: string): string {
  const hex = SHA256_DIGEST.exec(subjectDigest)?.[1];
  if (!hex) throw new UserError(`"${subjectDigest}" is not a sha256 image digest.`);
  return `sha256-${hex}`;
}

async function subjectDescriptor(registry: RegistryClient, image: ImageRef, digest: string): Promise<Descriptor> {
  referrersTag(digest);
  const manifest = await registry.manifest(image, digest);
  if (!manifest || manifest.digest !== digest) {
    throw new UserError(
      `Registry ${image.registry} has no manifest ${image.repository}@${digest} to attach a provenance to.`,
    );
  }
  return { mediaType: manifest.mediaType, digest, size: manifest.bytes.length };
}

/** Read-modify-write of the referrers tag's index: this referrer replaces an entry of its digest, others stay. */
async function addToReferrersTag(
  registry: RegistryClient,
  image: ImageRef,
  subjectDigest: string,
  descriptor: Descriptor,
): Promise<void> {
  const tag = referrersTag(subjectDigest);
  const current = await registry.manifest(image, tag);
  const kept =
    current && isIndex(current)
      ? (parseJson<ImageIndex>(current.bytes)?.manifests ?? []).filter((entry) => entry.digest !== descriptor.digest)
      : [];
  const index: ImageIndex = { schemaVersion: 2, mediaType: OCI_INDEX, manifests: [...kept, descriptor] };
  await registry.putManifest(image, tag, Buffer.from(JSON.stringify(index)), OCI_INDEX);
}
