import { UserError } from '../../errors.js';
import type { Docker } from '../../docker.js';
import { classicLog } from '../build-log.js';
import type { Dockerfile, Stage } from '../dockerfile.js';
import { buildWithDockerCli } from './docker-build.js';
import {
  type BuildRequest,
  type BuiltImage,
  type ImageBuilder,
  needsBuildx,
  registryCacheRef,
} from './image-builder.js';

/** `docker build` with DOCKER_BUILDKIT=0: the legacy builder, for engines and CLIs without BuildKit. */
export class ClassicBuilder implements ImageBuilder {
  readonly name = 'classic';

  constructor(private readonly docker: Docker) {}

  refuseUnsupported(request: BuildRequest): void {
    if (request.secrets.length > 0) {
      // Never fall back to build args: those are stored in the image's history.
      throw new UserError(
        'Input "secrets" needs BuildKit, but only the classic builder is available here: ' +
          'use a docker CLI with BuildKit or install buildx.',
      );
    }
    if (request.platforms.length > 1) throw needsBuildx(this.name, 'Building for several platforms');
    const cacheFrom = request.cacheFrom.find((entry) => registryCacheRef(entry) === undefined);
    if (cacheFrom) throw needsBuildx(this.name, `cache-from "${cacheFrom}"`);
    if (request.cacheTo.length > 0) throw needsBuildx(this.name, `cache-to "${request.cacheTo[0]}"`);
  }

  /** The classic builder runs every stage up to the target, needed or not. */
  stagesBuilt(dockerfile: Dockerfile, target: Stage): Stage[] {
    return dockerfile.stages.slice(0, target.index + 1);
  }

  build(request: BuildRequest): Promise<BuiltImage> {
    return buildWithDockerCli(this.docker, this.name, classicLog, request, []);
  }
}
