import { createHash } from 'node:crypto';
import * as log from '../log.js';
import { errorMessage, UserError } from '../errors.js';
import type { HttpTransport } from '../http/transport.js';
import { parseRetryAfter, retry } from '../retry.js';
import type { ImageRef } from '../image-ref.js';
import { registerSecret } from '../secrets.js';
import { httpRequest, type HttpRequestInit, type HttpResponse } from './http-request.js';
import type { CredentialLookup, RegistryCredentials } from './registry-credentials.js';

/** How often and how patiently to try a registry that does not answer: delays double after each attempt. */
export interface RetryPolicy {
  attempts: number;
  firstDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, firstDelayMs: 1000 };
const MAX_RETRY_DELAY_MS = 8_000;

const REQUEST_TIMEOUT_MS = 15_000;
// As containerd caps manifests: more is not an answer this client can use.
const MAX_ANSWER_BYTES = 4 * 1024 * 1024;
const INDEX_TYPES = [
  'application/vnd.oci.image.index.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
];
const MANIFEST_TYPES = [
  ...INDEX_TYPES,
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.v2+json',
].join(', ');
const LOOPBACK_HOST = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;

export interface RegistryClientOptions {
  credentials?: CredentialLookup;
  retry?: RetryPolicy;
  /** Default: the process's (proxy from the environment, kept-alive connections). */
  transport?: HttpTransport;
}

/** A manifest as the registry serves it: the exact bytes (their digest is the image's identity) and their type. */
export interface Manifest {
  digest: string;
  mediaType: string;
  bytes: Buffer;
}

type Access = 'pull' | 'push';

/** The registry does not answer at all (network errors, timeouts), after the retries: the push would fail too. */
export class RegistryUnreachableError extends UserError {}

/** The registry answered, but with a status the lookup cannot go past. */
class RegistryStatusError extends Error {
  constructor(
    readonly status: number,
    what: string,
    /** What a 429 or 503 asked for in Retry-After. */
    readonly retryAfterMs?: number,
  ) {
    super(`${what} answered HTTP ${status}`);
  }
}

/**
 * Talks to an OCI registry over its HTTP API: whether it answers at all, and which manifest digest a tag serves
 * (the Docker-Content-Digest, or the SHA-256 of the manifest's bytes). Anonymous first, then the bearer-token or
 * basic challenge the registry answers with.
 */
export class RegistryClient {
  private readonly credentials: CredentialLookup;
  private readonly retry: RetryPolicy;
  private readonly transport?: HttpTransport;

  constructor(options: RegistryClientOptions = {}) {
    this.credentials = options.credentials ?? (() => undefined);
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.transport = options.transport;
  }

  /** Resolves once the registry answers HTTP (any status: 401 is an answer); a UserError after the retries. */
  async ensureReachable(registry: string): Promise<void> {
    const url = `${registryUrl(registry)}/v2/`;
    await this.withRetries(registry, async () => {
      const response = await this.request(url, { method: 'GET' });
      if (response.status >= 500) throw statusError(response, `GET ${url}`);
    });
  }

  /**
   * One probe, for a run that needs nothing from the registry before its push: a registry that does not answer here
   * (a proxy that only the docker daemon is configured for, say) is a warning, and the push decides.
   */
  async warnUnlessReachable(registry: string): Promise<void> {
    const url = `${registryUrl(registry)}/v2/`;
    try {
      await this.request(url, { method: 'GET' });
    } catch (error) {
      log.warning(`Registry ${registry} did not answer GET ${url} (${describeNetworkError(error)}); building anyway.`);
    }
  }

  /**
   * The digest the registry serves for `image:tag` (a HEAD, which Docker Hub does not count as a pull); undefined
   * when it refuses to show it to these credentials, or, when asked, when there is no such tag.
   */
  async manifestDigest(image: ImageRef, tag: string, { missingIsUndefined = false } = {}): Promise<string | undefined> {
    const head = await this.withRetries(image.registry, () =>
      this.authorized(manifestUrl(image, tag), { method: 'HEAD' }, image, 'pull', { missingIsUndefined }),
    );
    if (head === undefined) return undefined;
    return head.header('docker-content-digest') ?? (await this.manifest(image, tag))?.digest;
  }

  /** The manifest (or index) `reference` (a tag or digest) names; undefined when there is none or it is hidden. */
  async manifest(image: ImageRef, reference: string): Promise<Manifest | undefined> {
    const url = manifestUrl(image, reference);
    return this.withRetries(image.registry, async () => {
      const response = await this.authorized(url, { method: 'GET' }, image, 'pull', { missingIsUndefined: true });
      if (response === undefined) return undefined;
      const bytes = response.body;
      const mediaType = response.header('content-type')?.split(';')[0]?.trim() || mediaTypeOf(bytes);
      return { digest: sha256Digest(bytes), mediaType, bytes };
    });
  }

  /** A blob (an image config) by digest, checked against that digest; undefined when hidden or missing. */
  async blob(image: ImageRef, digest: string): Promise<Buffer | undefined> {
    const url = `${registryUrl(image.registry)}/v2/${image.path}/blobs/${digest}`;
    return this.withRetries(image.registry, async () => {
      const response = await this.authorized(url, { method: 'GET' }, image, 'pull', { missingIsUndefined: true });
      if (response === undefined) return undefined;
      const bytes = response.body;
      if (sha256Digest(bytes) !== digest) throw new Error(`${url} answered bytes that do not match ${digest}`);
      return bytes;
    });
  }

  /**
   * Points `tag` at a manifest the repository already holds (with every blob it names); false when these
   * credentials may not push there.
   */
  async tagManifest(image: ImageRef, tag: string, manifest: Manifest): Promise<boolean> {
    const url = manifestUrl(image, tag);
    return this.withRetries(image.registry, async () => {
      const init = { method: 'PUT', body: manifest.bytes, headers: { 'Content-Type': manifest.mediaType } };
      return (await this.authorized(url, init, image, 'push')) !== undefined;
    });
  }

  /**
   * Uploads a blob unless the repository holds it already: a POST opening an upload session, then one monolithic PUT
   * with the digest (the two-step form every registry accepts). Returns its digest; a UserError when these
   * credentials may not push there.
   */
  async uploadBlob(image: ImageRef, bytes: Buffer): Promise<string> {
    const digest = sha256Digest(bytes);
    const blobUrl = `${registryUrl(image.registry)}/v2/${image.path}/blobs/${digest}`;
    const uploadsUrl = `${registryUrl(image.registry)}/v2/${image.path}/blobs/uploads/`;
    await this.withRetries(image.registry, async () => {
      const present = await this.authorized(blobUrl, { method: 'HEAD' }, image, 'push', { missingIsUndefined: true });
      if (present !== undefined) return;
      const session = this.pushed(image, await this.authorized(uploadsUrl, { method: 'POST' }, image, 'push'));
      const location = session.header('location');
      if (!location) throw new Error(`POST ${uploadsUrl} answered HTTP ${session.status} without a Location`);
      // The session's URL may be relative and may carry the registry's own state in its query.
      const target = new URL(location, uploadsUrl);
      target.searchParams.set('digest', digest);
      const init = { method: 'PUT', body: bytes, headers: { 'Content-Type': 'application/octet-stream' } };
      this.pushed(image, await this.authorized(target.href, init, image, 'push'));
    });
    return digest;
  }

  /**
   * Pushes a manifest (or index) under `reference`, a tag or its own digest; its blobs must be in the repository.
   * Returns its digest; a UserError when these credentials may not push there.
   */
  async putManifest(image: ImageRef, reference: string, bytes: Buffer, mediaType: string): Promise<string> {
    const url = manifestUrl(image, reference);
    await this.withRetries(image.registry, async () => {
      const init = { method: 'PUT', body: bytes, headers: { 'Content-Type': mediaType } };
      this.pushed(image, await this.authorized(url, init, image, 'push'));
    });
    return sha256Digest(bytes);
  }

  /**
   * The OCI 1.1 referrers API's index of the manifests whose subject is `digest`, filtered by artifact type (a
   * registry may ignore the filter); undefined when the registry has no referrers API (404, as distribution 2.8).
   */
  async referrers(image: ImageRef, digest: string, artifactType?: string): Promise<Buffer | undefined> {
    const url = new URL(`${registryUrl(image.registry)}/v2/${image.path}/referrers/${digest}`);
    if (artifactType) url.searchParams.set('artifactType', artifactType);
    return this.withRetries(image.registry, async () => {
      const response = await this.authorized(url.href, { method: 'GET' }, image, 'pull', { missingIsUndefined: true });
      const type = response?.header('content-type')?.split(';')[0]?.trim();
      // A registry without the API may answer its 404 page with 200 through a catch-all: only an index counts.
      return response && type === INDEX_TYPES[0] ? response.body : undefined;
    });
  }

  private pushed(image: ImageRef, response: HttpResponse | undefined): HttpResponse {
    if (response === undefined) {
      throw new UserError(`Registry ${image.registry} does not let these credentials push to ${image.path}.`);
    }
    return response;
  }

  /**
   * A successful response, following one auth challenge; undefined when access is denied (and, when asked, when the
   * registry has no such manifest or blob).
   */
  private async authorized(
    url: string,
    init: { method: string; body?: Buffer; headers?: Record<string, string> },
    image: ImageRef,
    access: Access,
    { missingIsUndefined = false } = {},
  ): Promise<HttpResponse | undefined> {
    const headers: Record<string, string> = { Accept: MANIFEST_TYPES, ...init.headers };
    let response = await this.request(url, { ...init, headers });
    if (response.status === 401) {
      const authorization = await this.answerChallenge(response.header('www-authenticate') ?? '', image, access);
      if (authorization) {
        response = await this.request(url, { ...init, headers: { ...headers, Authorization: authorization } });
      }
    }
    if (response.status === 401 || response.status === 403) return undefined;
    if (missingIsUndefined && response.status === 404) return undefined;
    if (!response.ok) throw statusError(response, `${init.method} ${url}`);
    return response;
  }

  /** The Authorization header for a `Bearer realm=...` or `Basic` challenge, if one can be made. */
  private async answerChallenge(challenge: string, image: ImageRef, access: Access): Promise<string | undefined> {
    const credentials = this.credentials(image.registry);
    if (/^basic\b/i.test(challenge)) return credentials ? basicAuth(credentials) : undefined;
    const params = parseChallenge(challenge);
    if (!/^bearer\b/i.test(challenge) || !params.realm) return undefined;
    const tokenUrl = new URL(params.realm);
    if (params.service) tokenUrl.searchParams.set('service', params.service);
    tokenUrl.searchParams.set('scope', `repository:${image.path}:${access === 'push' ? 'pull,push' : 'pull'}`);
    const response = await this.request(tokenUrl.href, {
      method: 'GET',
      headers: credentials ? { Authorization: basicAuth(credentials) } : {},
    });
    if (!response.ok) return undefined;
    const body = parseJson<{ token?: string; access_token?: string }>(response.body) ?? {};
    const token = body.token ?? body.access_token;
    if (!token) return undefined;
    registerSecret(token);
    return `Bearer ${token}`;
  }

  private request(url: string, init: Omit<HttpRequestInit, 'timeoutMs' | 'maxBytes'>): Promise<HttpResponse> {
    return httpRequest(url, {
      ...init,
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBytes: MAX_ANSWER_BYTES,
      transport: this.transport,
    });
  }

  /**
   * Runs `call`, retrying network failures, 5xx and 429 answers with doubling delays (or the Retry-After asked
   * for), then gives up with a UserError. Anything else (a 4xx, bytes that do not match their digest) is thrown at
   * once, as it is.
   */
  private async withRetries<T>(registry: string, call: () => Promise<T>): Promise<T> {
    try {
      return await retry(call, {
        what: `Registry ${registry}`,
        attempts: this.retry.attempts,
        firstDelayMs: this.retry.firstDelayMs,
        maxDelayMs: Math.max(MAX_RETRY_DELAY_MS, this.retry.firstDelayMs),
        jitter: 0.2,
        retryable: (error) => isFailingStatus(error) || isNetworkError(error),
        retryAfterMs: (error) => (error instanceof RegistryStatusError ? error.retryAfterMs : undefined),
        describe: (error) => (isFailingStatus(error) ? errorMessage(error) : describeNetworkError(error)),
      });
    } catch (error) {
      const attempts = `${this.retry.attempts} attempts`;
      if (isFailingStatus(error))
        throw new UserError(`Registry ${registry} keeps failing: ${error.message} (${attempts}).`);
      if (isNetworkError(error)) {
        throw new RegistryUnreachableError(
          `Registry ${registry} is unreachable: ${describeNetworkError(error)} (${attempts}).`,
        );
      }
      throw error;
    }
  }
}

function statusError(response: HttpResponse, what: string): RegistryStatusError {
  return new RegistryStatusError(response.status, what, parseRetryAfter(response.header('retry-after')));
}

/** An answer that may be better in a moment: the registry failing (5xx) or asking to slow down (429). */
function isFailingStatus(error: unknown): error is RegistryStatusError {
  return error instanceof RegistryStatusError && (error.status >= 500 || error.status === 429);
}

/** Whether a manifest is an index (a list of per-platform manifests) rather than one image's manifest. */
export function isIndex(manifest: Manifest): boolean {
  return INDEX_TYPES.includes(manifest.mediaType);
}

function manifestUrl(image: ImageRef, reference: string): string {
  return `${registryUrl(image.registry)}/v2/${image.path}/manifests/${reference}`;
}

/** A content digest as registries name content: `sha256:<hex>`. */
export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** A manifest served without a Content-Type names its type inside (both OCI and Docker v2 manifests do). */
function mediaTypeOf(bytes: Buffer): string {
  const mediaType = parseJson<{ mediaType?: unknown }>(bytes)?.mediaType;
  return typeof mediaType === 'string' ? mediaType : '';
}

/** Docker's rule: loopback registries speak plain HTTP, every other one HTTPS; Docker Hub's API lives elsewhere. */
export function registryUrl(registry: string): string {
  if (registry === 'docker.io') return 'https://registry-1.docker.io';
  return `${LOOPBACK_HOST.test(registry) ? 'http' : 'https'}://${registry}`;
}

function basicAuth(credentials: RegistryCredentials): string {
  return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64')}`;
}

/** `Bearer realm="https://x/token",service="x",scope="..."` to its parameters. */
function parseChallenge(challenge: string): Record<string, string> {
  const params: Record<string, string> = {};
  for (const match of challenge.matchAll(/(\w+)="([^"]*)"/g)) params[match[1]!.toLowerCase()] = match[2]!;
  return params;
}

/** No answer at all: a system error (ECONNREFUSED, ENOTFOUND, ECONNRESET) or the time running out. */
function isNetworkError(error: unknown): boolean {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return name === 'TimeoutError' || (typeof code === 'string' && /^E[A-Z_]+$/.test(code));
}

/** A network error names its cause by code (ECONNREFUSED, ENOTFOUND); running out of time is a TimeoutError. */
function describeNetworkError(error: unknown): string {
  const { code, name, message } = (error ?? {}) as { code?: string; name?: string; message?: string };
  if (name === 'TimeoutError') return `no answer within ${REQUEST_TIMEOUT_MS / 1000} s`;
  if (message?.startsWith('The proxy ')) return message;
  if (code) return `${code}${message ? ` (${message})` : ''}`;
  return message ?? String(error);
}

/** A registry answer's JSON; undefined when it is not JSON. */
export function parseJson<T>(bytes: Buffer): T | undefined {
  try {
    return JSON.parse(bytes.toString('utf8')) as T;
  } catch {
    return undefined;
  }
}
