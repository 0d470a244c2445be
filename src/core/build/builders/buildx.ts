import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Docker } from '../../docker.js';
import { isDigest } from '../../image-ref.js';
import { buildKitLog } from '../build-log.js';
import type { Dockerfile, Stage } from '../dockerfile.js';
import { type BuildRequest, type BuiltImage, BuildFailedError, type ImageBuilder } from './image-builder.js';

const METADATA_FILE = 'metadata.json';
const IMAGE_ID_FILE = 'image-id';

/** What `--metadata-file` holds after a build (the keys this library reads). */
interface BuildxMetadata {
  'containerimage.digest'?: string;
  'containerimage.config.digest'?: string;
}

/** `docker buildx build`: multi-platform builds, every cache backend, and a push that reports its digest. */
export class BuildxBuilder implements ImageBuilder {
  readonly name = 'buildx';

  constructor(private readonly docker: Docker) {}

  refuseUnsupported(): void {
    // buildx takes every input this action has.
  }

  /** BuildKit skips the stages the target does not need. */
  stagesBuilt(dockerfile: Dockerfile, target: Stage): Stage[] {
    return dockerfile.stagesNeededFor(target);
  }

  async build(request: BuildRequest): Promise<BuiltImage> {
    const result = await this.docker.buildxBuild(buildxArgs(request));
    if (result.exitCode !== 0) throw new BuildFailedError(this.name, buildKitLog.failure(result));
    const metadata = await readMetadata(path.join(request.workDir, METADATA_FILE));
    const reported = metadata['containerimage.digest'];
    const pushedDigest = request.push && reported && isDigest(reported) ? reported : undefined;
    const imageId = isLoaded(request) ? metadata['containerimage.config.digest'] : undefined;
    return { imageId, pushedDigest, steps: buildKitLog.steps(result) };
  }
}

/** The argv after `docker buildx build`, context last. */
export function buildxArgs(request: BuildRequest): string[] {
  const args = [
    '--progress',
    'plain',
    '--file',
    request.dockerfile,
    '--iidfile',
    path.join(request.workDir, IMAGE_ID_FILE),
    '--metadata-file',
    path.join(request.workDir, METADATA_FILE),
  ];
  if (request.target) args.push('--target', request.target);
  if (request.platforms.length > 0) args.push('--platform', request.platforms.join(','));
  if (request.network) args.push('--network', request.network);
  for (const [name, value] of request.buildArgs) args.push('--build-arg', `${name}=${value}`);
  for (const [name, value] of Object.entries(request.labels)) args.push('--label', `${name}=${value}`);
  for (const tag of request.tags) args.push('--tag', tag);
  for (const secret of request.secrets) args.push('--secret', `id=${secret.id},src=${secret.file}`);
  for (const cache of request.cacheFrom) args.push('--cache-from', cache);
  for (const cache of request.cacheTo) args.push('--cache-to', cache);
  if (request.push) args.push('--push');
  else if (isLoaded(request)) args.push('--load');
  return [...args, request.context];
}

/** Without a push, a single-platform image is loaded into the engine; a multi-platform one stays in the build cache. */
function isLoaded(request: BuildRequest): boolean {
  return !request.push && request.platforms.length <= 1;
}

async function readMetadata(file: string): Promise<BuildxMetadata> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as BuildxMetadata;
  } catch {
    // Old buildx versions write no metadata file; after a push the registry lookup still finds the digest.
    return {};
  }
}
