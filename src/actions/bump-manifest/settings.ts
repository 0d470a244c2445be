import { UserError } from '../../core/errors.js';
import { ImageRef } from '../../core/image-ref.js';
import type { InputReader } from '../../core/inputs.js';
import { type Pin, PINS } from '../../core/bump/types.js';

export const INPUTS = {
  image: 'image',
  paths: 'paths',
  workingDirectory: 'working-directory',
  pin: 'pin',
  dryRun: 'dry-run',
} as const;

export const OUTPUTS = {
  changed: 'changed',
  files: 'files',
  diff: 'diff',
  changes: 'changes',
} as const;

export interface BumpManifestSettings {
  image: ImageRef;
  paths: string[];
  workingDirectory: string;
  pin: Pin;
  dryRun: boolean;
}

export function readBumpManifestSettings(inputs: InputReader, workspace: string): BumpManifestSettings {
  const image = ImageRef.parse(inputs.required(INPUTS.image), 'image');
  const paths = inputs.list(INPUTS.paths);
  if (paths.length === 0) throw new UserError(`Input "${INPUTS.paths}" is required: name files, directories or globs.`);
  return {
    image,
    paths,
    workingDirectory: inputs.path(INPUTS.workingDirectory, workspace),
    pin: readPin(inputs, image),
    dryRun: inputs.boolean(INPUTS.dryRun, false),
  };
}

/** The pin defaults to what the image carries, and must not ask for a part it lacks. */
export function readPin(inputs: InputReader, image: ImageRef): Pin {
  const carried: Pin = image.tag && image.digest ? 'tag+digest' : image.digest ? 'digest' : 'tag';
  const pin = inputs.choice(INPUTS.pin, PINS, carried);
  if (!image.tag && !image.digest) {
    throw new UserError(`Input "${INPUTS.image}" must carry a tag or a digest, e.g. ${image.spelledName}:1.2.3.`);
  }
  if (pin.includes('tag') && !image.tag) {
    throw new UserError(`pin "${pin}" needs a tag, but image "${image}" has none: add ":<tag>" or use pin: digest.`);
  }
  if (pin.includes('digest') && !image.digest) {
    throw new UserError(
      `pin "${pin}" needs a digest, but image "${image}" has none: add "@sha256:..." or use pin: tag.`,
    );
  }
  return pin;
}
