import type { ImageRef, ImageVersion } from '../image-ref.js';
import type { ImageKeyRule } from './image-keys.js';
import type { ImagePolicyName } from './image-policy.js';

/** What to write after the repository: the tag, the digest, or both. */
export type Pin = 'tag' | 'digest' | 'tag+digest';
export const PINS: readonly Pin[] = ['tag', 'digest', 'tag+digest'];

/** The image to point manifests at, and which parts of its version to write. */
export interface BumpTarget {
  image: ImageRef;
  pin: Pin;
  /** Flux setter mode: only fields marked for this ImagePolicy are written, and nothing else. */
  imagePolicy?: ImagePolicyName;
  /** Key paths of custom values layouts, each for the files its glob matches. */
  imageKeys?: readonly ImageKeyRule[];
}

export type ChangeKind = 'kustomize' | 'workload' | 'helm-values' | 'argocd' | 'image-keys' | 'flux-setter';

/** One reference that changes: where, what it was and what it becomes. */
export interface ReferenceChange {
  file: string;
  line: number;
  kind: ChangeKind;
  from: string;
  to: string;
}

export function pinnedVersion(target: BumpTarget): ImageVersion {
  const { tag, digest } = target.image;
  switch (target.pin) {
    case 'tag':
      return { tag };
    case 'digest':
      return { digest };
    case 'tag+digest':
      return { tag, digest };
  }
}
