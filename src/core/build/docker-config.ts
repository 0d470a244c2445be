import { readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The parts of the docker CLI's config.json this library reads. */
export interface DockerConfig {
  auths?: Record<string, { auth?: string; username?: string; password?: string }>;
  cliPluginsExtraDirs?: unknown;
  currentContext?: unknown;
}

/** The docker CLI's config folder: DOCKER_CONFIG, else `.docker` in the home folder (USERPROFILE on Windows). */
export function dockerConfigDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (env.DOCKER_CONFIG) return env.DOCKER_CONFIG;
  const home = platform === 'win32' ? env.USERPROFILE || os.homedir() : env.HOME || os.homedir();
  return path.join(home, '.docker');
}

/** config.json from that folder; empty when there is none or the CLI could not read it either. */
export function readDockerConfig(env: NodeJS.ProcessEnv = process.env, platform = process.platform): DockerConfig {
  try {
    const parsed = JSON.parse(
      readFileSync(path.join(dockerConfigDir(env, platform), 'config.json'), 'utf8'),
    ) as unknown;
    return parsed && typeof parsed === 'object' ? (parsed as DockerConfig) : {};
  } catch {
    return {};
  }
}
