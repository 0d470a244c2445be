import { ImageRef } from '../image-ref.js';

export interface ImageCheck {
  /** Every image of the expected repository runs the expected digest, and at least one does. */
  ok: boolean;
  /** The images of the expected repository seen running, as the cluster spells them. */
  seen: string[];
  message: string;
}

/** Whether the images seen running include `expected`'s repository, and all of them at `expected`'s digest. */
export function checkRunningImages(images: readonly string[], expected: ImageRef): ImageCheck {
  const seen = images.filter((image) => ImageRef.tryParse(image)?.sameRepository(expected));
  if (seen.length === 0) {
    return { ok: false, seen, message: `no workload runs ${expected.spelledName} yet` };
  }
  const other = seen.filter((image) => ImageRef.tryParse(image)?.digest !== expected.digest);
  if (other.length > 0) {
    return { ok: false, seen, message: `workloads run ${[...new Set(other)].join(', ')}, not ${expected.digest}` };
  }
  return { ok: true, seen, message: `${expected.spelledName}@${expected.digest} is running` };
}
