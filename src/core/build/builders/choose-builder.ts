import { UserError } from '../../errors.js';
import type { Docker } from '../../docker.js';
import { BuildKitBuilder } from './buildkit.js';
import { BuildxBuilder } from './buildx.js';
import { findBuildxPlugin } from './buildx-plugin.js';
import { ClassicBuilder } from './classic.js';
import type { BuilderPreference, ImageBuilder } from './image-builder.js';

/** What `docker version` and `docker buildx version` tell about the machine. */
export interface BuilderFacts {
  buildx: boolean;
  /** The docker CLI's version, e.g. 20.10.24+dfsg1. */
  clientVersion: string;
  /** The engine's OS: BuildKit needs a Linux engine. */
  serverOs: string;
}

// The docker CLI had its own BuildKit client from 18.09 to 22.x; from 23 on, `docker build` with BuildKit is buildx.
const FIRST_CLI_WITH_BUILDKIT = [18, 9] as const;
const LAST_CLI_WITH_OWN_BUILDKIT = 22;

/**
 * The builder to try first, chosen without starting a process: buildx when its plugin is where the docker CLI
 * looks (unless the preference is `docker`), else the docker CLI with BuildKit. Whether the machine really has
 * what was chosen is asked only when a build fails (see `fallbackBuilder`), so a working build pays no probe.
 */
export async function chooseBuilder(
  preference: BuilderPreference,
  docker: Docker,
  buildxPlugin: string | undefined = findBuildxPlugin(),
): Promise<ImageBuilder> {
  if (preference === 'docker') return new BuildKitBuilder(docker);
  if (buildxPlugin) return new BuildxBuilder(docker);
  // The plugin may sit where the lookup does not reach: ask the CLI before refusing an explicit buildx.
  if (preference === 'buildx' && !(await docker.hasBuildx())) {
    throw new UserError(
      'builder is "buildx", but "docker buildx" is not installed: add docker/setup-buildx-action, or use builder: auto.',
    );
  }
  return preference === 'buildx' ? new BuildxBuilder(docker) : new BuildKitBuilder(docker);
}

/**
 * After `failed` could not build: the builder to try instead when the machine, not the Dockerfile, was the cause
 * (buildx does not run, or the docker CLI or engine has no BuildKit); undefined when the failure stands. A
 * UserError when the Docker Engine does not answer.
 */
export async function fallbackBuilder(
  failed: ImageBuilder,
  preference: BuilderPreference,
  docker: Docker,
): Promise<ImageBuilder | undefined> {
  switch (failed.name) {
    case 'buildx':
      // A buildx that runs failed on the Dockerfile; one that does not run is skipped unless it was asked for.
      return preference === 'buildx' || (await docker.hasBuildx()) ? undefined : new BuildKitBuilder(docker);
    case 'buildkit': {
      const [versions, buildx] = await Promise.all([docker.versions(), docker.hasBuildx()]);
      const facts = { buildx, clientVersion: versions.client, serverOs: versions.serverOs };
      return cliHasBuildKit(facts) ? undefined : new ClassicBuilder(docker);
    }
    case 'classic':
      await docker.versions();
      return undefined;
  }
}

/** Whether `DOCKER_BUILDKIT=1 docker build` works: a Linux engine, and buildx or a CLI from 18.09 to 22.x. */
export function cliHasBuildKit(facts: BuilderFacts): boolean {
  if (facts.serverOs !== 'linux') return false;
  if (facts.buildx) return true;
  const match = /^(\d+)\.(\d+)/.exec(facts.clientVersion);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const [firstMajor, firstMinor] = FIRST_CLI_WITH_BUILDKIT;
  return major <= LAST_CLI_WITH_OWN_BUILDKIT && (major > firstMajor || (major === firstMajor && minor >= firstMinor));
}
