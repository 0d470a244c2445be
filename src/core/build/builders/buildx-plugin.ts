import { accessSync, constants, readFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const UNIX_SYSTEM_DIRS = [
  '/usr/local/lib/docker/cli-plugins',
  '/usr/local/libexec/docker/cli-plugins',
  '/usr/lib/docker/cli-plugins',
  '/usr/libexec/docker/cli-plugins',
];

/**
 * The buildx plugin the docker CLI would run, found where the CLI looks (its config folder's cli-plugins, then
 * config.json's cliPluginsExtraDirs, then the system folders) without starting a process; undefined when none.
 */
export function findBuildxPlugin(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string | undefined {
  const configDir = env.DOCKER_CONFIG || path.join(env.HOME || os.homedir(), '.docker');
  const file = platform === 'win32' ? 'docker-buildx.exe' : 'docker-buildx';
  const dirs = [path.join(configDir, 'cli-plugins'), ...extraDirs(configDir), ...systemDirs(env, platform)];
  return dirs.map((dir) => path.join(dir, file)).find((candidate) => isRunnable(candidate, platform));
}

function extraDirs(configDir: string): string[] {
  try {
    const config = JSON.parse(readFileSync(path.join(configDir, 'config.json'), 'utf8')) as {
      cliPluginsExtraDirs?: unknown;
    };
    const dirs = config.cliPluginsExtraDirs;
    return Array.isArray(dirs) ? dirs.filter((dir): dir is string => typeof dir === 'string') : [];
  } catch {
    // No config, or one the CLI would not read either.
    return [];
  }
}

function systemDirs(env: NodeJS.ProcessEnv, platform: NodeJS.Platform): string[] {
  if (platform !== 'win32') return UNIX_SYSTEM_DIRS;
  return [env.ProgramData, env.ProgramFiles].flatMap((root) =>
    root ? [path.join(root, 'Docker', 'cli-plugins')] : [],
  );
}

function isRunnable(file: string, platform: NodeJS.Platform): boolean {
  try {
    accessSync(file, platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
