/**
 * The local test bed (scripts/testbed.sh) as integration tests see it: where its Docker Engine, registry and
 * git daemon listen, and helpers to seed repositories and talk to the engine.
 */
import { readFileSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commitAll, git } from './git.js';
import { tempTree } from './temp-dir.js';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Testbed {
  /** `unix://` address of the bed's Docker Engine, the value for DOCKER_HOST. */
  dockerHost: string;
  /** `127.0.0.1:PORT` of the plain-HTTP OCI registry (distribution 2.8). */
  registry: string;
  /** Folder of the bare repositories the git daemon serves. */
  gitBase: string;
  /** `git://127.0.0.1:PORT`; a repository at `<gitBase>/a/b.git` is `<gitUrl>/a/b.git`. */
  gitUrl: string;
  /** The Debian docker 20.10 CLI, which has BuildKit and the classic builder. */
  dockerCli: string;
  /** The bed's busybox base image in its registry, by digest: `127.0.0.1:PORT/testbed/busybox@sha256:...`. */
  pinnedBase: string;
  /** `http://testbed:PASSWORD@127.0.0.1:PORT`, a tinyproxy that demands those credentials. */
  proxy: string;
  /** Its log: one `Request (file descriptor N): GET http://…` or `… CONNECT host:port …` line per request. */
  proxyLog: string;
}

/**
 * Host names only the bed's proxy resolves, to 127.0.0.1: a local server addressed by one of them is reachable
 * only through the proxy (clients send loopback addresses direct, whatever the proxy settings).
 */
export const PROXIED_HOSTS = {
  registry: 'registry.proxied.test',
  downloads: 'downloads.proxied.test',
  api: 'api.proxied.test',
  git: 'git.proxied.test',
} as const;

const ENV_FILE_KEYS = {
  dockerHost: 'DOCKER_HOST',
  registry: 'TESTBED_REGISTRY',
  gitBase: 'TESTBED_GIT_BASE',
  gitUrl: 'TESTBED_GIT_URL',
  dockerCli: 'TESTBED_DOCKER_CLI',
  pinnedBase: 'TESTBED_PINNED_BASE',
  proxy: 'TESTBED_PROXY',
  proxyLog: 'TESTBED_PROXY_LOG',
} as const satisfies Record<keyof Testbed, string>;

/** The state folder of scripts/testbed.sh, by the same rule as the script. */
export function testbedDir(): string {
  return resolve(process.env.TESTBED_DIR ?? join(REPO_ROOT, '.testbed'));
}

/** Reads `<state>/env`, written by `scripts/testbed.sh start`. */
export function loadTestbed(dir: string = testbedDir()): Testbed {
  const envFile = join(dir, 'env');
  let text: string;
  try {
    text = readFileSync(envFile, 'utf8');
  } catch {
    throw new Error(`The test bed is not started (no ${envFile}): run scripts/testbed.sh start`);
  }
  const vars = parseEnvFile(text);
  const value = (key: string): string => {
    const found = vars.get(key);
    if (!found) throw new Error(`${envFile} has no ${key}: run scripts/testbed.sh start again`);
    return found;
  };
  return {
    dockerHost: value(ENV_FILE_KEYS.dockerHost),
    registry: value(ENV_FILE_KEYS.registry),
    gitBase: value(ENV_FILE_KEYS.gitBase),
    gitUrl: value(ENV_FILE_KEYS.gitUrl),
    dockerCli: value(ENV_FILE_KEYS.dockerCli),
    pinnedBase: value(ENV_FILE_KEYS.pinnedBase),
    proxy: value(ENV_FILE_KEYS.proxy),
    proxyLog: value(ENV_FILE_KEYS.proxyLog),
  };
}

function parseEnvFile(text: string): Map<string, string> {
  const vars = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) vars.set(match[1], match[2]);
  }
  return vars;
}

export const testbed: Testbed = loadTestbed();

/**
 * The requests for `target` (`host:port`) the proxy's log shows while `action` ran (`GET http://host:port/…`,
 * `CONNECT host:port`), and how it ended. Only `target`'s: test files running at the same time share the proxy.
 */
export async function proxiedDuring(
  target: string,
  action: () => Promise<unknown>,
): Promise<{ requests: string[]; error?: unknown }> {
  const before = statSync(testbed.proxyLog, { throwIfNoEntry: false })?.size ?? 0;
  let error: unknown;
  await action().catch((caught: unknown) => (error = caught));
  const text = readFileSync(testbed.proxyLog).subarray(before).toString('utf8');
  const requests = text
    .split('\n')
    .map((line) => /Request \(file descriptor \d+\): (.*) HTTP\/1\.[01]$/.exec(line)?.[1])
    .filter((request): request is string => request !== undefined)
    .filter((request) => request === `CONNECT ${target}` || request.includes(`//${target}/`));
  return { requests, error };
}

/** This process's environment pointed at the bed's Docker Engine, plus `extra` (e.g. DOCKER_BUILDKIT). */
export function dockerEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DOCKER_HOST: testbed.dockerHost, ...extra };
  // Each of these would point the CLI somewhere other than DOCKER_HOST, or at TLS the bed does not use.
  for (const key of ['DOCKER_CONTEXT', 'DOCKER_TLS_VERIFY', 'DOCKER_CERT_PATH']) delete env[key];
  return env;
}

export interface BareRepo {
  /** Path below gitBase without `.git`, e.g. `acme/gitops`. */
  name: string;
  /** Folder of the bare repository. */
  path: string;
  /** Its address on the git daemon (clone and push). */
  gitUrl: string;
  /** Its `file://` address. */
  fileUrl: string;
  /** The sha of the initial commit on `main`. */
  head: string;
}

const REPO_NAME = /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/;

/**
 * Makes a bare repository `<gitBase>/<name>.git` whose `main` holds one commit with `files` (path -> content,
 * at least one). A repository of the same name is replaced, so a test can run again against a bed that stayed up.
 */
export async function createBareRepo(
  name: string,
  files: Record<string, string> = { 'README.md': `# ${name}\n` },
): Promise<BareRepo> {
  if (!REPO_NAME.test(name) || name.split('/').includes('..')) {
    throw new Error(`Not a repository name: ${JSON.stringify(name)}`);
  }
  const path = join(testbed.gitBase, `${name}.git`);
  await rm(path, { recursive: true, force: true });
  await mkdir(dirname(path), { recursive: true });
  git(testbed.gitBase, 'init', '--quiet', '--bare', '--initial-branch=main', path);

  const work = await tempTree(files, 'testbed-seed-');
  try {
    commitAll(work, 'Initial commit');
    git(work, 'push', '--quiet', path, 'main');
    const head = git(work, 'rev-parse', 'HEAD');
    return { name, path, gitUrl: `${testbed.gitUrl}/${name}.git`, fileUrl: pathToFileURL(path).href, head };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
