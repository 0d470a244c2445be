import * as path from 'node:path';
import { ManifestBumper } from '../bump/bumper.js';
import type { BumpTarget, ReferenceChange } from '../bump/types.js';
import type { ImageRef } from '../image-ref.js';

/** The bump target an override means: write what the reference carries (tag, digest or both). */
export function overrideTarget(image: ImageRef): BumpTarget {
  return { image, pin: image.tag && image.digest ? 'tag+digest' : image.digest ? 'digest' : 'tag' };
}

/** Points every container of each image's repository at the given reference, in the rendered file only. */
export async function overrideImages(file: string, images: readonly ImageRef[]): Promise<ReferenceChange[]> {
  const bumper = new ManifestBumper();
  const changes: ReferenceChange[] = [];
  for (const image of images) {
    const bumps = await bumper.plan([file], path.dirname(file), overrideTarget(image));
    await bumper.write(bumps, path.dirname(file));
    changes.push(...bumps.flatMap((bump) => bump.changes));
  }
  return changes;
}
