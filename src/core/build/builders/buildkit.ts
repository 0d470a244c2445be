import type { Docker } from '../../docker.js';
import { buildKitLog } from '../build-log.js';
import type { Dockerfile, Stage } from '../dockerfile.js';
import { buildWithDockerCli } from './docker-build.js';
import {
  type BuildRequest,
  type BuiltImage,
  type ImageBuilder,
  needsBuildx,
  registryCacheRef,
} from './image-builder.js';

const INLINE_CACHE = 'type=inline';

/** `docker build` with DOCKER_BUILDKIT=1: the docker CLI's own BuildKit client, without buildx. */
export class BuildKitBuilder implements ImageBuilder {
  readonly name = 'buildkit';

  constructor(private readonly docker: Docker) {}

  refuseUnsupported(request: BuildRequest): void {
    if (request.platforms.length > 1) throw needsBuildx(this.name, 'Building for several platforms');
    const cacheFrom = request.cacheFrom.find((entry) => registryCacheRef(entry) === undefined);
    if (cacheFrom) throw needsBuildx(this.name, `cache-from "${cacheFrom}"`);
    const cacheTo = request.cacheTo.find((entry) => entry !== INLINE_CACHE);
    if (cacheTo) throw needsBuildx(this.name, `cache-to "${cacheTo}" (only ${INLINE_CACHE} works without it)`);
  }

  /** BuildKit skips the stages the target does not need. */
  stagesBuilt(dockerfile: Dockerfile, target: Stage): Stage[] {
    return dockerfile.stagesNeededFor(target);
  }

  build(request: BuildRequest): Promise<BuiltImage> {
    const extra = ['--progress', 'plain'];
    for (const secret of request.secrets) extra.push('--secret', `id=${secret.id},src=${secret.file}`);
    // The inline cache rides in the image config, so a later cache-from of this image can reuse its layers.
    if (request.cacheTo.includes(INLINE_CACHE)) extra.push('--build-arg', 'BUILDKIT_INLINE_CACHE=1');
    return buildWithDockerCli(this.docker, this.name, buildKitLog, request, extra);
  }
}
