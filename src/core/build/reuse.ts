import type { ImageRef } from '../image-ref.js';
import { BUILD_INPUTS_LABEL } from './build-inputs.js';
import { isIndex, type Manifest, type RegistryClient } from './registry.js';

/** An image the registry already serves under one of the tags, built from the same inputs. */
export interface ReusableImage {
  /** The full reference it was found at. */
  foundAt: string;
  manifest: Manifest;
  /** The config digest, which docker calls the image ID; undefined for a multi-platform index. */
  configDigest: string | undefined;
  /** The labels it carries (its `created` is when it was built). */
  labels: Record<string, string>;
  /** What each tag serves now (its manifest digest), or undefined for a tag that does not exist yet. */
  served: ReadonlyMap<string, string | undefined>;
}

interface IndexJson {
  manifests?: Array<{ digest?: string; platform?: { os?: string; architecture?: string } }>;
}

interface ManifestJson {
  config?: { digest?: string };
}

interface ConfigJson {
  config?: { Labels?: Record<string, string> | null };
}

/**
 * Looks at what each tag about to be pushed serves now, for an image labelled with `inputsDigest`: a HEAD per tag,
 * then the manifest and config of each distinct image. The lookup also proves the registry answers, before anything
 * is built.
 */
export async function findReusableImage(
  registry: RegistryClient,
  image: ImageRef,
  tags: readonly string[],
  inputsDigest: string,
): Promise<ReusableImage | undefined> {
  const digests = await Promise.all(
    tags.map((tag) => registry.manifestDigest(image, tag, { missingIsUndefined: true })),
  );
  const served = new Map(tags.map((tag, index) => [tag, digests[index]]));
  for (const digest of new Set(digests)) {
    const manifest = digest ? await registry.manifest(image, digest) : undefined;
    const config = manifest && (await imageConfig(registry, image, manifest));
    if (manifest && config?.labels[BUILD_INPUTS_LABEL] === inputsDigest) {
      const foundAt = image.withVersion({ tag: tags[digests.indexOf(digest)]! });
      const configDigest = isIndex(manifest) ? undefined : config.digest;
      return { foundAt, manifest, configDigest, labels: config.labels, served };
    }
  }
  return undefined;
}

/**
 * Points every tag that does not serve the reusable image yet at it (a manifest PUT, no layer moves); false when
 * the registry refuses these credentials a push, so the caller builds instead.
 */
export async function tagReusableImage(
  registry: RegistryClient,
  image: ImageRef,
  reusable: ReusableImage,
): Promise<boolean> {
  const missing = [...reusable.served].filter(([, digest]) => digest !== reusable.manifest.digest).map(([tag]) => tag);
  const accepted = await Promise.all(missing.map((tag) => registry.tagManifest(image, tag, reusable.manifest)));
  return accepted.every(Boolean);
}

/** The config (its digest and labels) of an image, or of an index's first platform image. */
async function imageConfig(
  registry: RegistryClient,
  image: ImageRef,
  manifest: Manifest,
): Promise<{ digest: string; labels: Record<string, string> } | undefined> {
  let single: Manifest | undefined = manifest;
  if (isIndex(manifest)) {
    // Attestation manifests (provenance, SBOM) sit beside the images with platform unknown/unknown.
    const first = parse<IndexJson>(manifest.bytes)?.manifests?.find((entry) => entry.platform?.os !== 'unknown');
    single = first?.digest ? await registry.manifest(image, first.digest) : undefined;
  }
  const digest = single && parse<ManifestJson>(single.bytes)?.config?.digest;
  if (!digest) return undefined;
  const config = await registry.blob(image, digest);
  const labels = config && parse<ConfigJson>(config)?.config?.Labels;
  return { digest, labels: labels ?? {} };
}

function parse<T>(bytes: Buffer): T | undefined {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}
