import { UserError } from '../errors.js';
import type { ImageRef } from '../image-ref.js';
import { CosignVersion } from './cosign-version.js';

export const SIGNATURE_FORMATS = ['bundle', 'legacy'] as const;
export type SignatureFormatName = (typeof SIGNATURE_FORMATS)[number];

export const SIGSTORE_BUNDLE_MEDIA_TYPE = 'application/vnd.dev.sigstore.bundle.v0.3+json';

/**
 * How and where cosign stores a signature, with the flags that choose it on the installed cosign.
 * cosign 3 defaults to the Sigstore bundle attached as an OCI 1.1 referrer and takes its service URLs from
 * the TUF signing config; cosign 2 defaults to the `sha256-<hex>.sig` tag. Each format pins its choice
 * explicitly where the default differs, so a signature looks the same whichever major version made it.
 */
export interface SignatureFormat {
  readonly name: SignatureFormatName;
  /** For `cosign sign` and `cosign attest`. */
  signFlags(): string[];
  /** For `cosign verify`, so it looks where the signature was written. */
  verifyFlags(): string[];
  /** Whether `cosign sign --bundle FILE` also writes the bundle locally. */
  writesBundleFile(): boolean;
  /** Where the signature of `image` (pinned by digest) lives. */
  signatureRef(image: ImageRef): string;
}

export function signatureFormat(name: SignatureFormatName, version: CosignVersion): SignatureFormat {
  if (!version.atLeast('2.0.0')) {
    throw new UserError(`cosign ${version} is too old: use cosign 2.x or 3.x (input "version").`);
  }
  return name === 'bundle' ? new BundleFormat(version) : new LegacyFormat(version);
}

/** The Sigstore bundle as an OCI 1.1 referrer of the image; registries without the referrers API get the fallback tag. */
class BundleFormat implements SignatureFormat {
  readonly name = 'bundle';

  constructor(private readonly version: CosignVersion) {
    if (!version.atLeast('2.6.0')) {
      throw new UserError(
        `signature-format "bundle" needs cosign 2.6.0 or later, not ${version}: raise "version" or use signature-format: legacy.`,
      );
    }
  }

  signFlags(): string[] {
    return this.version.major >= 3 ? [] : ['--new-bundle-format=true', '--use-signing-config=true'];
  }

  verifyFlags(): string[] {
    return this.version.major >= 3 ? [] : ['--new-bundle-format=true'];
  }

  writesBundleFile(): boolean {
    // `cosign sign --bundle` exists for images from 3.0.3 on.
    return this.version.atLeast('3.0.3');
  }

  signatureRef(image: ImageRef): string {
    return referrersUrl(image);
  }
}

/** cosign's original layout: a `sha256-<hex>.sig` tag beside the image holding simple-signing layers. */
class LegacyFormat implements SignatureFormat {
  readonly name = 'legacy';

  constructor(private readonly version: CosignVersion) {}

  signFlags(): string[] {
    // cosign 3 refuses the old format together with the TUF signing config, so both are turned off.
    return this.version.major >= 3 ? ['--new-bundle-format=false', '--use-signing-config=false'] : [];
  }

  verifyFlags(): string[] {
    return this.version.major >= 3 ? ['--new-bundle-format=false'] : [];
  }

  writesBundleFile(): boolean {
    return false;
  }

  signatureRef(image: ImageRef): string {
    return image.withVersion({ tag: `${digestOf(image).replace(':', '-')}.sig` });
  }
}

/** The OCI distribution 1.1 referrers query that lists the bundle for the image. */
function referrersUrl(image: ImageRef): string {
  const local = /^(localhost|127\.0\.0\.1|\[::1\])(:\d+)?$/.test(image.registry);
  // Docker Hub's API host is not its name.
  const host = image.registry === 'docker.io' ? 'registry-1.docker.io' : image.registry;
  const artifactType = encodeURIComponent(SIGSTORE_BUNDLE_MEDIA_TYPE);
  return `${local ? 'http' : 'https'}://${host}/v2/${image.path}/referrers/${digestOf(image)}?artifactType=${artifactType}`;
}

function digestOf(image: ImageRef): string {
  if (!image.digest) throw new Error(`${image} carries no digest.`);
  return image.digest;
}
