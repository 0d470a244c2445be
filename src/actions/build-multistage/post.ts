import { rm } from 'node:fs/promises';
import * as path from 'node:path';

/** State the main step saves for the post step (action.yml: `post:` this bundle, `post-if: always()`). */
export const STATE = {
  scratchFolder: 'build-multistage-scratch-folder',
} as const;

/** How the folder of a run's private files (build secrets) is named under RUNNER_TEMP. */
export const SCRATCH_PREFIX = 'build-multistage-';

/**
 * The post step, the backstop for a main step killed before it could clean up (the runner's SIGKILL after a
 * cancel): deletes the folder that held the build secrets. Only a folder this action names is ever removed.
 */
export async function removeScratchFolder(folder: string, runnerTemp: string | undefined): Promise<boolean> {
  if (!folder || !path.isAbsolute(folder) || !path.basename(folder).startsWith(SCRATCH_PREFIX)) return false;
  if (runnerTemp && path.dirname(folder) !== path.resolve(runnerTemp)) return false;
  await rm(folder, { recursive: true, force: true });
  return true;
}
