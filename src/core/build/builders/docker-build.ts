import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Docker } from '../../docker.js';
import type { BuildLogReader } from '../build-log.js';
import {
  type BuildRequest,
  type BuiltImage,
  BuildFailedError,
  type BuilderName,
  registryCacheRef,
} from './image-builder.js';

const IMAGE_ID_FILE = 'image-id';

/** The `docker build` argv both of the docker CLI's builders share; `extra` goes before the context. */
export function dockerBuildArgs(request: BuildRequest, extra: readonly string[] = []): string[] {
  const args = ['--file', request.dockerfile, '--iidfile', path.join(request.workDir, IMAGE_ID_FILE)];
  if (request.target) args.push('--target', request.target);
  if (request.platforms.length > 0) args.push('--platform', request.platforms.join(','));
  if (request.network) args.push('--network', request.network);
  for (const [name, value] of request.buildArgs) args.push('--build-arg', `${name}=${value}`);
  for (const [name, value] of Object.entries(request.labels)) args.push('--label', `${name}=${value}`);
  for (const tag of request.tags) args.push('--tag', tag);
  for (const cache of request.cacheFrom) args.push('--cache-from', registryCacheRef(cache) as string);
  return [...args, ...extra, request.context];
}

/**
 * Runs `docker build`, then pushes each tag. Every push of one image must report the same manifest digest;
 * a different one means the tags do not hold the same image, which is a bug, not a user mistake.
 */
export async function buildWithDockerCli(
  docker: Docker,
  builder: BuilderName,
  log: BuildLogReader,
  request: BuildRequest,
  extra: readonly string[],
): Promise<BuiltImage> {
  const result = await docker.build(dockerBuildArgs(request, extra), { buildKit: builder === 'buildkit' });
  if (result.exitCode !== 0) throw new BuildFailedError(builder, log.failure(result));
  const imageId = (await readFile(path.join(request.workDir, IMAGE_ID_FILE), 'utf8')).trim();

  let pushedDigest: string | undefined;
  if (request.push) {
    for (const tag of request.tags) {
      const digest = await docker.push(tag);
      if (pushedDigest && digest !== pushedDigest) {
        throw new Error(`docker push ${tag} reported ${digest}, but the other tags got ${pushedDigest}`);
      }
      pushedDigest = digest;
    }
  }
  return { imageId, pushedDigest, steps: log.steps(result) };
}
