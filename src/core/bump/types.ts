import type { ImageRef, ImageVersion } from '../image-ref.js';

/** What to write after the repository: the tag, the digest, or both. */
export type Pin = 'tag' | 'digest' | 'tag+digest';
export const PINS: readonly Pin[] = ['tag', 'digest', 'tag+digest'];

/** The image to point manifests at, and which parts of its version to write. */
export interface BumpTarget {
  image: ImageRef;
  pin: Pin;
}

export type ChangeKind = 'kustomize' | 'workload' | 'helm-values' | 'argocd';

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
