import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { access, chmod, mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import * as log from './log.js';
import { getExecOutput } from '@actions/exec';
import * as io from '@actions/io';
import { errorMessage, UserError } from './errors.js';
import { downloadToFile, HttpStatusError, HttpTimeoutError } from './http/request.js';
import type { HttpTransport } from './http/transport.js';
import { retry } from './retry.js';
import {
  PLATFORM_KEYS,
  RELEASES,
  isPlatformKey,
  type PinnedAsset,
  type ReleaseTable,
  type ToolRelease,
} from './tool-versions.js';

export interface ToolRequest {
  tool: string;
  /** Defaults to the table's default version; a leading `v` is ignored. */
  version?: string;
  /** Required for a version the table does not list; must agree with the table for one it does. */
  sha256?: string;
}

export interface InstallOptions {
  platform?: NodeJS.Platform;
  arch?: string;
  releases?: ReleaseTable;
  /** Limit for one download attempt, response body included. */
  timeoutMs?: number;
  /** A longer download fails: no release file of these tools comes near it. */
  maxBytes?: number;
  /** Default: the process's (proxy from the environment). */
  transport?: HttpTransport;
  /** Extra attempts after a 5xx, a timeout or a network failure; never after a 4xx. */
  retries?: number;
  /** Wait before the first retry; doubles on each further one. */
  retryDelayMs?: number;
  /** Runs `<bin> <args>` and returns everything it printed. */
  runVersion?: (bin: string, args: readonly string[]) => Promise<string>;
}

export interface InstalledTool {
  /** Absolute path of the executable. */
  path: string;
  version: string;
  source: 'path' | 'tool-cache' | 'download';
}

export const DEFAULT_TIMEOUT_MS = 60_000;
export const DEFAULT_RETRIES = 2;
export const DEFAULT_RETRY_DELAY_MS = 2_000;
export const DEFAULT_MAX_DOWNLOAD_BYTES = 512 * 1024 * 1024;

const VERSION = /^\d+\.\d+\.\d+(?:[-+][0-9A-Za-z.-]+)?$/;
const SHA256 = /^[0-9a-f]{64}$/;

/**
 * Returns the requested tool at exactly the requested version: the tool cache's copy, else the one on PATH if it
 * reports that version, else a fresh download whose SHA-256 must match the pin. The runner's tool cache is trusted as
 * PATH is: other steps (and, on a self-hosted runner, earlier jobs) write to it too, so only what this installer
 * downloads is checked against the pin. The cache comes first because asking a binary on PATH for its version is a
 * process (60-90 ms for kubectl).
 */
export async function installTool(request: ToolRequest, options: InstallOptions = {}): Promise<InstalledTool> {
  const releases: ReleaseTable = options.releases ?? RELEASES;
  const release: ToolRelease | undefined = releases[request.tool];
  if (!release) {
    throw new UserError(`Unknown tool "${request.tool}"; known tools: ${Object.keys(releases).join(', ')}.`);
  }
  const version = (request.version ?? release.defaultVersion).replace(/^v/, '');
  const arch = options.arch ?? process.arch;
  const platform = `${options.platform ?? process.platform}-${arch}`;
  // Validated before looking at this machine, so a request fails the same way on every runner.
  const asset = resolveAsset(request.tool, release, version, platform, request.sha256);

  const cached = findInToolCache(request.tool, version, arch, asset.binPath);
  if (cached) {
    log.info(`Using ${request.tool} ${version} from the tool cache`);
    return { path: cached, version, source: 'tool-cache' };
  }

  const onPath = await findOnPath(path.basename(asset.binPath), release, version, options.runVersion ?? runVersion);
  if (onPath) {
    log.info(`Using ${request.tool} ${version} found on PATH at ${onPath}`);
    return { path: onPath, version, source: 'path' };
  }

  const installed = await downloadToCache(request.tool, version, arch, asset, options);
  log.info(`Installed ${request.tool} ${version} at ${installed}`);
  return { path: installed, version, source: 'download' };
}

/**
 * The executable `binPath` in the tool cache's folder for this version, laid out as @actions/tool-cache lays it out
 * (`<tool>/<version>/<arch>`, complete once `<arch>.complete` exists). Whoever wrote the folder, this installer or
 * another step, is trusted as the runner's tool cache is; a folder without `binPath` is not one this installer could
 * have made, and is passed over. Read without loading that package: it brings an HTTP client whose modules cost ~40 ms
 * to load (docs/performance.md, kubectl-apply); it is loaded only to download.
 */
function findInToolCache(tool: string, version: string, arch: string, binPath: string): string | undefined {
  const root = process.env.RUNNER_TOOL_CACHE;
  if (!root) return undefined;
  // As semver.clean, which the package applies: build metadata is not part of the folder's name.
  const dir = path.join(root, tool, version.replace(/\+.*$/, ''), arch);
  const bin = path.join(dir, binPath);
  return existsSync(`${dir}.complete`) && existsSync(bin) ? bin : undefined;
}

function resolveAsset(
  tool: string,
  release: ToolRelease,
  version: string,
  platform: string,
  sha256: string | undefined,
): PinnedAsset {
  // Each action names these inputs after its tool (the vocabulary): trivy-version, cosign-sha256, kubectl-version.
  const versionInput = `${tool}-version`;
  const sha256Input = `${tool}-sha256`;
  if (!VERSION.test(version)) {
    throw new UserError(
      `Input "${versionInput}": "${version}" is not a version of ${tool}; use one like ${release.defaultVersion}.`,
    );
  }
  if (!isPlatformKey(platform)) {
    throw new UserError(`${tool} cannot be installed on ${platform}; supported: ${PLATFORM_KEYS.join(', ')}.`);
  }
  const wanted = sha256?.toLowerCase();
  if (wanted !== undefined && !SHA256.test(wanted)) {
    throw new UserError(`Input "${sha256Input}": "${sha256}" is not 64 hexadecimal characters.`);
  }

  const pinned = release.versions[version]?.[platform];
  if (pinned) {
    if (wanted && wanted !== pinned.sha256) {
      throw new UserError(
        `Input "${sha256Input}": ${wanted} for ${tool} ${version} on ${platform} differs from the pinned ${pinned.sha256}; remove or correct it.`,
      );
    }
    return pinned;
  }
  if (!wanted) {
    throw new UserError(
      `Input "${versionInput}": ${tool} ${version} has no pinned SHA-256 for ${platform}; use one of ${Object.keys(release.versions).join(', ')} or set input "${sha256Input}" to the SHA-256 of its release file.`,
    );
  }
  const location = release.assetFor(version, platform);
  if (!location) {
    throw new UserError(`${tool} publishes no build for ${platform}.`);
  }
  return { ...location, sha256: wanted };
}

async function findOnPath(
  command: string,
  release: ToolRelease,
  version: string,
  run: (bin: string, args: readonly string[]) => Promise<string>,
): Promise<string | undefined> {
  const bin = await io.which(command, false);
  if (!bin) return undefined;
  // A binary that cannot even report its version is as good as absent.
  const output = await run(bin, release.versionArgs).catch(() => '');
  const reported = release.versionPattern.exec(output)?.[1];
  if (reported === version) return bin;
  log.info(`Ignoring ${bin}: it reports version ${reported ?? 'unknown'}, not ${version}`);
  return undefined;
}

async function runVersion(bin: string, args: readonly string[]): Promise<string> {
  const { stdout, stderr } = await getExecOutput(bin, [...args], { silent: true, ignoreReturnCode: true });
  return `${stdout}\n${stderr}`;
}

async function downloadToCache(
  tool: string,
  version: string,
  arch: string,
  asset: PinnedAsset,
  options: InstallOptions,
): Promise<string> {
  const temp = requiredEnv('RUNNER_TEMP');
  requiredEnv('RUNNER_TOOL_CACHE');
  const file = path.join(temp, randomUUID());
  let unpacked: string | undefined;
  try {
    log.info(`Downloading ${asset.url}`);
    await downloadWithRetries(asset.url, file, options);
    await verifySha256(file, asset);
    unpacked = await unpack(file, asset, temp);
    const tc = await import('@actions/tool-cache');
    const cacheDir = await tc.cacheDir(unpacked, tool, version, arch);
    const bin = path.join(cacheDir, asset.binPath);
    if (process.platform !== 'win32') await chmod(bin, 0o755);
    return bin;
  } finally {
    await rm(file, { force: true });
    if (unpacked) await rm(unpacked, { recursive: true, force: true });
  }
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set; the tool installer runs only inside GitHub Actions or with it set.`);
  return value;
}

async function verifySha256(file: string, asset: PinnedAsset): Promise<void> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  const actual = hash.digest('hex');
  if (actual !== asset.sha256) {
    throw new UserError(
      `Checksum mismatch for ${asset.url}: expected sha256 ${asset.sha256}, got ${actual}; the download was deleted.`,
    );
  }
}

/** Returns a fresh directory that holds `asset.binPath`. */
async function unpack(file: string, asset: PinnedAsset, temp: string): Promise<string> {
  let dir: string;
  if (asset.archive === 'tar.gz') {
    dir = await (await import('@actions/tool-cache')).extractTar(file);
  } else if (asset.archive === 'zip') {
    dir = await (await import('@actions/tool-cache')).extractZip(file);
  } else {
    dir = path.join(temp, randomUUID());
    await mkdir(path.dirname(path.join(dir, asset.binPath)), { recursive: true });
    await rename(file, path.join(dir, asset.binPath));
  }
  await access(path.join(dir, asset.binPath)).catch(() => {
    throw new Error(`${asset.url} does not contain ${asset.binPath}.`);
  });
  return dir;
}

/**
 * Downloads through the one request policy (proxy, timeout, size cap), retrying what may do better in a moment: a
 * 5xx, 408 or 429 answer, a timeout, a network failure. Any other answer is the user's to fix, at once.
 */
async function downloadWithRetries(url: string, dest: string, options: InstallOptions): Promise<void> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const attempts = (options.retries ?? DEFAULT_RETRIES) + 1;
  const firstDelayMs = options.retryDelayMs ?? DEFAULT_RETRY_DELAY_MS;
  const reason = (error: unknown) =>
    error instanceof HttpTimeoutError
      ? `timed out after ${timeoutMs} ms`
      : error instanceof HttpStatusError
        ? `HTTP ${error.status}`
        : networkReason(error);
  try {
    await retry(
      async () => {
        await rm(dest, { force: true });
        await downloadToFile(url, dest, {
          timeoutMs,
          maxBytes: options.maxBytes ?? DEFAULT_MAX_DOWNLOAD_BYTES,
          transport: options.transport,
        });
      },
      {
        what: `Download of ${url}`,
        attempts,
        firstDelayMs,
        maxDelayMs: firstDelayMs * 8,
        jitter: 0.2,
        retryable: isTransient,
        retryAfterMs: (error) => (error instanceof HttpStatusError ? error.retryAfterMs : undefined),
        describe: reason,
      },
    );
  } catch (error) {
    if (error instanceof HttpStatusError && !isTransient(error)) {
      throw new UserError(
        `Download of ${url} failed: HTTP ${[error.status, error.statusText].filter(Boolean).join(' ')}.`,
      );
    }
    if (!isTransient(error)) throw error;
    const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
    throw new Error(`Download of ${url} failed after ${tries}: ${reason(error)}.`, { cause: error });
  }
}

function isTransient(error: unknown): boolean {
  if (error instanceof HttpStatusError) return error.status >= 500 || error.status === 408 || error.status === 429;
  if (error instanceof HttpTimeoutError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^E[A-Z_]+$/.test(code);
}

function networkReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : errorMessage(error);
}
