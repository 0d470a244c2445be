import { UserError } from '../../errors.js';
import type { Docker } from '../../docker.js';
import { BuildKitBuilder } from './buildkit.js';
import { BuildxBuilder } from './buildx.js';
import { ClassicBuilder } from './classic.js';
import type { BuilderName, BuilderPreference, ImageBuilder } from './image-builder.js';

/** What the machine offers, probed once. */
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

/** Probes the machine and returns the builder the preference asks for. */
export async function chooseBuilder(preference: BuilderPreference, docker: Docker): Promise<ImageBuilder> {
  const [versions, buildx] = await Promise.all([docker.versions(), docker.hasBuildx()]);
  const facts = { buildx, clientVersion: versions.client, serverOs: versions.serverOs };
  return createBuilder(pickBuilder(preference, facts), docker);
}

/** auto: buildx when present, else the docker CLI with BuildKit, else the classic builder. */
export function pickBuilder(preference: BuilderPreference, facts: BuilderFacts): BuilderName {
  if (preference === 'buildx' && !facts.buildx) {
    throw new UserError(
      'builder is "buildx", but "docker buildx" is not installed: add docker/setup-buildx-action, or use builder: auto.',
    );
  }
  if (preference !== 'docker' && facts.buildx) return 'buildx';
  return cliHasBuildKit(facts) ? 'buildkit' : 'classic';
}

function cliHasBuildKit(facts: BuilderFacts): boolean {
  if (facts.serverOs !== 'linux') return false;
  if (facts.buildx) return true;
  const match = /^(\d+)\.(\d+)/.exec(facts.clientVersion);
  if (!match) return false;
  const [major, minor] = [Number(match[1]), Number(match[2])];
  const [firstMajor, firstMinor] = FIRST_CLI_WITH_BUILDKIT;
  return major <= LAST_CLI_WITH_OWN_BUILDKIT && (major > firstMajor || (major === firstMajor && minor >= firstMinor));
}

export function createBuilder(name: BuilderName, docker: Docker): ImageBuilder {
  switch (name) {
    case 'buildx':
      return new BuildxBuilder(docker);
    case 'buildkit':
      return new BuildKitBuilder(docker);
    case 'classic':
      return new ClassicBuilder(docker);
  }
}
