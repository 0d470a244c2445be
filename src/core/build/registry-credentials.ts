import { readDockerConfig } from './docker-config.js';

export interface RegistryCredentials {
  username: string;
  password: string;
}

/** Finds the credentials for a registry host; undefined when there are none it can read. */
export type CredentialLookup = (registry: string) => RegistryCredentials | undefined;

const DOCKER_HUB_KEY = 'https://index.docker.io/v1/';

/**
 * Credentials from the docker CLI's config.json ($DOCKER_CONFIG, else ~/.docker), where `docker login` and
 * docker/login-action store them. Credential helpers (credsStore, credHelpers) are not read.
 */
export function dockerConfigCredentials(env: NodeJS.ProcessEnv = process.env): CredentialLookup {
  const config = readDockerConfig(env);
  return (registry) => {
    const keys = registry === 'docker.io' ? [DOCKER_HUB_KEY, 'docker.io', 'index.docker.io'] : [registry];
    for (const key of keys.flatMap((host) => [host, `https://${host}`, `http://${host}`])) {
      const entry = config.auths?.[key];
      if (!entry) continue;
      if (entry.username && entry.password) return { username: entry.username, password: entry.password };
      const decoded = entry.auth ? Buffer.from(entry.auth, 'base64').toString('utf8') : '';
      const colon = decoded.indexOf(':');
      if (colon > 0) return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
    }
    return undefined;
  };
}
