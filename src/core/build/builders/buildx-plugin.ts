import { accessSync, constants } from 'node:fs';
import * as path from 'node:path';
import { dockerConfigDir, readDockerConfig } from '../docker-config.js';

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
  const file = platform === 'win32' ? 'docker-buildx.exe' : 'docker-buildx';
  const extraDirs = readDockerConfig(env, platform).cliPluginsExtraDirs;
  const dirs = [
    path.join(dockerConfigDir(env, platform), 'cli-plugins'),
    ...(Array.isArray(extraDirs) ? extraDirs.filter((dir): dir is string => typeof dir === 'string') : []),
    ...systemDirs(env, platform),
  ];
  return dirs.map((dir) => path.join(dir, file)).find((candidate) => isRunnable(candidate, platform));
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
