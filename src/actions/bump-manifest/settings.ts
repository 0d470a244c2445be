import { UserError } from '../../core/errors.js';
import { ImageRef } from '../../core/image-ref.js';
import type { InputReader } from '../../core/inputs.js';
import { readPin } from '../../core/bump/read-pin.js';
import type { Pin } from '../../core/bump/types.js';

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
    pin: readPin(inputs, image, INPUTS),
    dryRun: inputs.boolean(INPUTS.dryRun, false),
  };
}
