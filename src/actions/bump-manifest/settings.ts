import { BUMP_TARGET_INPUTS, readBumpTarget } from '../../core/bump/read-target.js';
import type { BumpTarget } from '../../core/bump/types.js';
import { UserError } from '../../core/errors.js';
import type { InputReader } from '../../core/inputs.js';

export const INPUTS = {
  ...BUMP_TARGET_INPUTS,
  manifests: 'manifests',
  workingDirectory: 'working-directory',
  dryRun: 'dry-run',
} as const;

export const OUTPUTS = {
  changed: 'changed',
  files: 'files',
  filesJson: 'files-json',
  diff: 'diff',
  changes: 'changes',
} as const;

export interface BumpManifestSettings {
  /** The image, its pin, and the Flux policy or key paths that scope the edit. */
  target: BumpTarget;
  paths: string[];
  workingDirectory: string;
  dryRun: boolean;
}

export function readBumpManifestSettings(inputs: InputReader, workspace: string): BumpManifestSettings {
  const target = readBumpTarget(inputs);
  const paths = inputs.list(INPUTS.manifests);
  if (paths.length === 0)
    throw new UserError(`Input "${INPUTS.manifests}" is required: name files, directories or globs.`);
  return {
    target,
    paths,
    workingDirectory: inputs.path(INPUTS.workingDirectory, workspace),
    dryRun: inputs.boolean(INPUTS.dryRun, false),
  };
}
