import { ManifestBumper } from '../../../src/core/bump/bumper.js';
import type { Pin, ReferenceChange } from '../../../src/core/bump/types.js';
import { resolveYamlFiles } from '../../../src/core/file-scope.js';
import { ImageRef } from '../../../src/core/image-ref.js';
import { readTree, tempTree } from '../../helpers/temp-dir.js';

export const DIGEST = `sha256:${'d'.repeat(64)}`;
export const OLD_DIGEST = `sha256:${'0'.repeat(64)}`;

/** Writes the files to a temp dir, bumps them all, and returns their new text and the changes. */
export async function bump(
  files: Record<string, string>,
  image: string,
  pin?: Pin,
): Promise<{ after: Record<string, string>; changes: ReferenceChange[]; root: string }> {
  const root = await tempTree(files);
  const ref = ImageRef.parse(image);
  const bumper = new ManifestBumper();
  const scope = await resolveYamlFiles(['.'], root);
  const bumps = await bumper.plan(scope, root, {
    image: ref,
    pin: pin ?? (ref.digest ? (ref.tag ? 'tag+digest' : 'digest') : 'tag'),
  });
  await bumper.write(bumps, root);
  return { after: await readTree(root, Object.keys(files)), changes: bumps.flatMap((b) => b.changes), root };
}

/** Bumps one file and returns its new text. */
export async function bumpOne(name: string, text: string, image: string, pin?: Pin): Promise<string> {
  return (await bump({ [name]: text }, image, pin)).after[name] as string;
}
