import type { ImageRef } from '../image-ref.js';
import { BUILD_INPUTS_LABEL } from './build-inputs.js';
import { isIndex, type Manifest, parseJson, type RegistryClient } from './registry.js';

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

const DOCKER_HUB = 'docker.io';

interface IndexJson {
  manifests?: Array<{ digest?: string; platform?: { os?: string; architecture?: string } }>;
}

interface ManifestJson {
  config?: { digest?: string };
}

interface ConfigJson {
  config?: { Labels?: Record<string, string> | null };
}

/** What a tag serves now: nothing yet, or an image with its manifest and config. */
export interface TagImage {
  tag: string;
  manifest: Manifest | undefined;
  config: ImageConfig | undefined;
}

interface ImageConfig {
  digest: string;
  labels: Record<string, string>;
}

/**
 * Reads what each tag about to be pushed serves now: the manifest, and the config of each distinct image. It needs
 * no inputs digest, so it runs while that is computed; it also proves the registry answers before anything is built.
 */
export async function readTagImages(
  registry: RegistryClient,
  image: ImageRef,
  tags: readonly string[],
): Promise<TagImage[]> {
  const manifests = await servedManifests(registry, image, tags);
  const configs = new Map<string, Promise<ImageConfig | undefined>>();
  for (const manifest of manifests) {
    if (manifest && !configs.has(manifest.digest)) configs.set(manifest.digest, imageConfig(registry, image, manifest));
  }
  return Promise.all(
    tags.map(async (tag, index) => {
      const manifest = manifests[index];
      return { tag, manifest, config: manifest && (await configs.get(manifest.digest)) };
    }),
  );
}

/** The first tag's image labelled with `inputsDigest`, if one is. */
export function findReusableImage(
  image: ImageRef,
  tagImages: readonly TagImage[],
  inputsDigest: string,
): ReusableImage | undefined {
  const found = tagImages.find(({ config }) => config?.labels[BUILD_INPUTS_LABEL] === inputsDigest);
  if (!found?.manifest || !found.config) return undefined;
  return {
    foundAt: image.withVersion({ tag: found.tag }),
    manifest: found.manifest,
    configDigest: isIndex(found.manifest) ? undefined : found.config.digest,
    labels: found.config.labels,
    served: new Map(tagImages.map(({ tag, manifest }) => [tag, manifest?.digest])),
  };
}

/**
 * The manifest each tag serves (undefined where there is none). One GET per tag; on Docker Hub, which counts every
 * manifest GET as a pull but no HEAD, a HEAD per tag and then one GET per distinct digest.
 */
async function servedManifests(
  registry: RegistryClient,
  image: ImageRef,
  tags: readonly string[],
): Promise<Array<Manifest | undefined>> {
  if (image.registry !== DOCKER_HUB) return Promise.all(tags.map((tag) => registry.manifest(image, tag)));
  const digests = await Promise.all(
    tags.map((tag) => registry.manifestDigest(image, tag, { missingIsUndefined: true })),
  );
  const byDigest = new Map<string, Promise<Manifest | undefined>>();
  for (const digest of digests) {
    if (digest && !byDigest.has(digest)) byDigest.set(digest, registry.manifest(image, digest));
  }
  return Promise.all(digests.map((digest) => (digest ? byDigest.get(digest) : undefined)));
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
): Promise<ImageConfig | undefined> {
  let single: Manifest | undefined = manifest;
  if (isIndex(manifest)) {
    // Attestation manifests (provenance, SBOM) sit beside the images with platform unknown/unknown.
    const first = parseJson<IndexJson>(manifest.bytes)?.manifests?.find((entry) => entry.platform?.os !== 'unknown');
    single = first?.digest ? await registry.manifest(image, first.digest) : undefined;
  }
  const digest = single && parseJson<ManifestJson>(single.bytes)?.config?.digest;
  if (!digest) return undefined;
  const config = await registry.blob(image, digest);
  const labels = config && parseJson<ConfigJson>(config)?.config?.Labels;
  return { digest, labels: labels ?? {} };
}
