import type { Docker } from '../docker.js';
import { readDockerConfig } from './docker-config.js';

// Node's names for architectures, as Docker spells them.
const DOCKER_ARCH: Partial<Record<NodeJS.Architecture, string>> = {
  x64: 'amd64',
  arm64: 'arm64',
  arm: 'arm',
  ia32: '386',
  ppc64: 'ppc64le',
  s390x: 's390x',
  riscv64: 'riscv64',
  loong64: 'loong64',
};

/**
 * The platform a build without `platforms` makes, `os/arch`: the engine's own. A Linux machine's local engine (no
 * DOCKER_HOST, or a unix socket, and no other docker context) runs on this machine's architecture, which costs
 * nothing to know; any other engine is asked (`docker version`).
 */
export async function defaultPlatform(
  docker: Docker,
  env: NodeJS.ProcessEnv = process.env,
  machine = { platform: process.platform, arch: process.arch },
): Promise<string> {
  const arch = DOCKER_ARCH[machine.arch];
  if (machine.platform === 'linux' && arch && usesLocalEngine(env)) return `linux/${arch}`;
  const versions = await docker.versions();
  return `${versions.serverOs}/${versions.serverArch}`;
}

function usesLocalEngine(env: NodeJS.ProcessEnv): boolean {
  if (env.DOCKER_HOST && !env.DOCKER_HOST.startsWith('unix://')) return false;
  if (env.DOCKER_HOST) return true;
  const configured = readDockerConfig(env).currentContext;
  const context = env.DOCKER_CONTEXT ?? (typeof configured === 'string' ? configured : undefined);
  return context === undefined || context === '' || context === 'default';
}
