import { settleConcurrently } from '../concurrency.js';
import { UserError } from '../errors.js';
import { HttpCertificateError, type HttpResponse, HttpTimeoutError, httpRequest } from '../http/request.js';
import type { HttpTransport } from '../http/transport.js';
import { retry } from '../retry.js';
import { redact } from '../secrets.js';
import type { ApiEndpoint } from './api-endpoint.js';
import {
  describeRef,
  groupKind,
  groupOf,
  type KubeObject,
  kindsDefinedBy,
  type ObjectRef,
  refDocument,
  refOf,
} from './kube-object.js';
import { isDefinition, untilServed } from './definitions.js';
import type { ApplyOptions } from './kubectl.js';

/** One resource of the cluster's discovery: how a kind is addressed. */
interface ApiResource {
  resource: string;
  namespaced: boolean;
}

/** Served group versions and `group/Kind`s, as `Kubectl.servedKinds` reads them. */
export interface ServedKinds {
  versions: Set<string>;
  kinds: Set<string>;
}

// Aggregated discovery (beta and on by default since 1.27, GA in 1.30): the whole of /api or /apis in one answer.
const AGGREGATED = [
  'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList',
  'application/json;g=apidiscovery.k8s.io;v=v2beta1;as=APIGroupDiscoveryList',
];
const APPLY_PATCH = 'application/apply-patch+yaml';
const MERGE_PATCH = 'application/merge-patch+json';
const REQUEST_TIMEOUT_MS = 60_000;
// Aggregated discovery of a cluster with hundreds of CRDs is a few MB; one object is at most etcd's 1.5 MB.
const MAX_DISCOVERY_BYTES = 32 * 1024 * 1024;
const MAX_OBJECT_BYTES = 8 * 1024 * 1024;
// Reads and dry runs are independent; more at once only opens more TLS connections to the same server.
const CONCURRENT_REQUESTS = 4;
// An expiring credential (an exec plugin's) is renewed this long before it runs out.
const RENEW_BEFORE_MS = 60_000;
const RETRY = { attempts: 3, firstDelayMs: 500, maxDelayMs: 4000, jitter: 0.5 };
const TRANSIENT_STATUS = new Set([429, 502, 503, 504]);
const TRANSIENT_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN']);

/** The API server's certificate was refused; says whether the kubeconfig named a CA to check it with. */
export class UntrustedServerError extends UserError {}

/** An answer the API server gave to one request: its status and, for a failure, its Status message. */
class ApiStatusError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

/**
 * The few calls kubectl-apply makes to the API server, made from this process as kubectl would make them
 * (aggregated discovery, server-side apply PATCHes with fieldValidation=Strict, GETs), over the core HTTP client
 * (the environment's proxy, a deadline and a size cap on every request, kept-alive connections). A kubectl process
 * pays its start, its discovery and the OpenAPI download each time (docs/performance.md, kubectl-apply).
 */
export class KubeApi {
  readonly via = 'the API server, from this process';
  private discovered?: Promise<Map<string, ApiResource> | undefined>;

  constructor(
    private readonly endpoint: ApiEndpoint,
    private readonly transport?: HttpTransport,
    /** The step that asks, in the user agent (from which the API server also names a field manager by default). */
    private readonly step = 'kubectl-apply',
  ) {}

  /** Reads the discovery once; false when the server has no aggregated discovery (older than 1.27), left to kubectl. */
  async speaksAggregatedDiscovery(): Promise<boolean> {
    return (await this.resources()) !== undefined;
  }

  async servedKinds(): Promise<ServedKinds> {
    const resources = (await this.resources()) ?? new Map<string, ApiResource>();
    const versions = new Set<string>();
    const kinds = new Set<string>();
    for (const key of resources.keys()) {
      const [apiVersion = '', kind = ''] = key.split('|');
      versions.add(apiVersion);
      kinds.add(groupKind(apiVersion, kind));
    }
    return { versions, kinds };
  }

  /**
   * Server-side applies the objects and returns them as stored, in the set's order. Like kubectl it goes on past a
   * refused object and then fails naming every refusal.
   */
  async apply(objects: readonly KubeObject[], options: ApplyOptions): Promise<KubeObject[]> {
    const query = new URLSearchParams({
      fieldManager: options.fieldManager,
      force: String(options.forceConflicts),
      fieldValidation: 'Strict',
    });
    if (options.dryRun) query.set('dryRun', 'All');
    const applyOne = async (object: KubeObject) => {
      const { path, body } = await this.addressed(object, options.namespace);
      return this.call('PATCH', `${path}?${query}`, { body, contentType: APPLY_PATCH }, describeRef(refOf(body)));
    };
    // Definitions (Namespaces, CRDs) go first, one at a time; the rest, independent of each other, at once. A dry run
    // persists nothing, so it needs no stages.
    const staged = options.dryRun ? [] : objects.filter(isDefinition);
    const rest = options.dryRun ? objects : objects.filter((object) => !isDefinition(object));
    const first = await settleConcurrently(staged, 1, applyOne);
    await untilServed(kindsDefinedBy(staged.filter((_, index) => first[index]?.status === 'fulfilled')), () => {
      this.forgetDiscovery();
      return this.servedKinds();
    });
    const then = await settleConcurrently(rest, CONCURRENT_REQUESTS, applyOne);
    const outcome = new Map<KubeObject, PromiseSettledResult<KubeObject>>();
    staged.forEach((object, index) => outcome.set(object, first[index] as PromiseSettledResult<KubeObject>));
    rest.forEach((object, index) => outcome.set(object, then[index] as PromiseSettledResult<KubeObject>));
    const results = objects.map((object) => outcome.get(object) as PromiseSettledResult<KubeObject>);
    const refused = results.filter((result) => result.status === 'rejected').map((result) => result.reason as Error);
    if (refused.length > 0) {
      const conflict = refused.some((error) => error instanceof ApiStatusError && error.status === 409)
        ? ' Set force-conflicts: true to take over fields another manager owns.'
        : '';
      const what = options.dryRun ? 'The dry run of the server-side apply' : 'The server-side apply';
      const reasons = refused.map((error) => error.message.replace(/\.$/, '')).join('; ');
      throw new UserError(`${what} failed: ${reasons}.${conflict}`);
    }
    return results.map((result) => (result as PromiseFulfilledResult<KubeObject>).value);
  }

  /** The live objects; those that do not exist are left out. */
  async get(refs: readonly ObjectRef[], namespace?: string): Promise<KubeObject[]> {
    const results = await settleConcurrently(refs, CONCURRENT_REQUESTS, async (ref) => {
      const { path } = await this.addressed(refDocument(ref), namespace);
      return this.call('GET', path, {}, describeRef(ref)).catch((error: unknown) => {
        if (error instanceof ApiStatusError && error.status === 404) return undefined;
        throw error;
      });
    });
    const failed = results.find((result) => result.status === 'rejected');
    if (failed?.reason instanceof UserError) throw failed.reason;
    if (failed) throw new UserError(`Reading the live objects failed: ${(failed.reason as Error).message}`);
    return results.flatMap((result) => (result as PromiseFulfilledResult<KubeObject | undefined>).value ?? []);
  }

  /** Reads the discovery again at the next call that needs it (a CRD installed or upgraded meanwhile). */
  forgetDiscovery(): void {
    this.discovered = undefined;
  }

  /** The version the server prefers for `group`'s `kind` (its discovery lists versions by priority), if it serves one. */
  async preferredApiVersion(group: string, kind: string): Promise<string | undefined> {
    for (const key of (await this.resources())?.keys() ?? []) {
      const [apiVersion = '', served = ''] = key.split('|');
      if (served === kind && groupOf(apiVersion) === group) return apiVersion;
    }
    return undefined;
  }

  /** A JSON merge patch of one object, as `kubectl annotate` sends; a refusal is a UserError with the server's reason. */
  async mergePatch(ref: ObjectRef, patch: Record<string, unknown>, fieldManager: string): Promise<KubeObject> {
    const { path } = await this.addressed(refDocument(ref));
    const query = new URLSearchParams({ fieldManager });
    const body = patch as unknown as KubeObject;
    const what = describeRef(ref);
    return this.call('PATCH', `${path}?${query}`, { body, contentType: MERGE_PATCH }, what).catch((error: unknown) => {
      if (error instanceof ApiStatusError) throw new UserError(`Patching failed: ${error.message}`);
      throw error;
    });
  }

  /** The request path of an object and the body kubectl would send: its namespace filled in, or checked. */
  private async addressed(object: KubeObject, namespace?: string): Promise<{ path: string; body: KubeObject }> {
    const resource = (await this.resources())?.get(`${object.apiVersion}|${object.kind}`);
    if (!resource) {
      throw new UserError(
        `${describeRef(refOf(object))}: the cluster serves no kind "${object.kind}" in "${object.apiVersion}"; install its CRD first or use an API version the cluster serves.`,
      );
    }
    const root = object.apiVersion.includes('/') ? `/apis/${object.apiVersion}` : `/api/${object.apiVersion}`;
    const name = encodeURIComponent(object.metadata.name);
    if (!resource.namespaced) {
      // A cluster-scoped object has no namespace, whatever the manifest says.
      const metadata = { ...object.metadata };
      delete metadata.namespace;
      return { path: `${root}/${resource.resource}/${name}`, body: { ...object, metadata } };
    }
    const own = object.metadata.namespace;
    if (own && namespace && own !== namespace) {
      throw new UserError(
        `${describeRef(refOf(object))}: its namespace "${own}" is not the one input "namespace" names ("${namespace}"); drop one of them.`,
      );
    }
    const target = own ?? namespace ?? this.endpoint.namespace;
    return {
      path: `${root}/namespaces/${encodeURIComponent(target)}/${resource.resource}/${name}`,
      body: { ...object, metadata: { ...object.metadata, namespace: target } },
    };
  }

  private resources(): Promise<Map<string, ApiResource> | undefined> {
    this.discovered ??= Promise.all([this.discover('/api'), this.discover('/apis')]).then(
      ([core, groups]) => (core && groups ? new Map([...core, ...groups]) : undefined),
      (error: unknown) => {
        this.discovered = undefined; // a later call may try again
        if (error instanceof ApiStatusError && error.status === 401) {
          throw new UserError(
            `The API server at ${this.endpoint.server.origin} refused the kubeconfig's credentials (${error.message}).`,
          );
        }
        if (error instanceof ApiStatusError)
          throw new UserError(`Reading the cluster's API discovery failed: ${error.message}.`);
        throw error;
      },
    );
    return this.discovered;
  }

  /** `apiVersion|Kind` → resource from one aggregated discovery document; undefined when the server sent another form. */
  private async discover(root: '/api' | '/apis'): Promise<Map<string, ApiResource> | undefined> {
    const accept = [...AGGREGATED, 'application/json'].join(',');
    const response = await this.exchange('GET', root, { accept }, root, undefined, MAX_DISCOVERY_BYTES);
    const type = (response.header('content-type') ?? '').replace(/\s/g, '');
    if (!AGGREGATED.some((form) => type.startsWith(form))) return undefined;
    const list = parseJson(response, root) as {
      items?: { metadata?: { name?: string }; versions?: DiscoveredVersion[] }[];
    };
    const resources = new Map<string, ApiResource>();
    for (const group of list.items ?? []) {
      for (const version of group.versions ?? []) {
        const apiVersion = group.metadata?.name ? `${group.metadata.name}/${version.version}` : String(version.version);
        for (const resource of version.resources ?? []) {
          const kind = resource.responseKind?.kind;
          if (!kind || !resource.resource) continue;
          resources.set(`${apiVersion}|${kind}`, {
            resource: resource.resource,
            namespaced: resource.scope === 'Namespaced',
          });
        }
      }
    }
    return resources;
  }

  /** One JSON exchange, tried again on what passes (a dropped connection, 429, 502-504). */
  private async call(
    method: string,
    path: string,
    { body, contentType }: { body?: KubeObject; contentType?: string },
    what: string,
  ): Promise<KubeObject> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    const payload = body ? Buffer.from(JSON.stringify(body)) : undefined;
    return parseJson(await this.exchange(method, path, headers, what, payload), what) as KubeObject;
  }

  /** One exchange, tried again on what passes (a dropped connection, 429, 502-504); a failure's Status as an error. */
  private exchange(
    method: string,
    path: string,
    headers: Record<string, string>,
    what: string,
    body?: Buffer,
    maxBytes = MAX_OBJECT_BYTES,
  ): Promise<HttpResponse> {
    return retry(() => this.send(method, path, headers, what, body, maxBytes), {
      ...RETRY,
      what: `${method} ${what}`,
      retryable: (error) =>
        error instanceof ApiStatusError
          ? TRANSIENT_STATUS.has(error.status)
          : TRANSIENT_CODES.has((error as NodeJS.ErrnoException).code ?? ''),
      retryAfterMs: (error) => (error instanceof ApiStatusError ? error.retryAfterMs : undefined),
    });
  }

  /** One request with a current credential: an expiring one is renewed first, and once more when refused (401). */
  private async send(
    method: string,
    path: string,
    headers: Record<string, string>,
    what: string,
    body: Buffer | undefined,
    maxBytes: number,
  ): Promise<HttpResponse> {
    const renewal = this.endpoint.renewal;
    if (renewal?.expiresAt !== undefined && Date.now() > renewal.expiresAt - RENEW_BEFORE_MS) await renewal.renew();
    let response = await this.request(method, path, headers, body, maxBytes);
    if (response.status === 401 && renewal) {
      await renewal.renew();
      response = await this.request(method, path, headers, body, maxBytes);
    }
    if (!response.ok) throw statusError(response, what);
    return response;
  }

  private async request(
    method: string,
    path: string,
    headers: Record<string, string>,
    body: Buffer | undefined,
    maxBytes: number,
  ): Promise<HttpResponse> {
    // A server URL may carry a path (a proxy in front of several clusters): the API's paths go under it.
    const url = `${this.endpoint.server.href.replace(/\/+$/, '')}${path}`;
    return httpRequest(url, {
      method,
      headers: {
        ...headers,
        'user-agent': `gitops-delivery-actions (${this.step})`,
        ...(this.endpoint.authorization ? { authorization: this.endpoint.authorization } : {}),
      },
      body,
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBytes,
      followRedirects: false,
      transport: this.transport,
      ca: this.endpoint.tls.ca,
      rejectUnauthorized: this.endpoint.tls.rejectUnauthorized,
      servername: this.endpoint.tls.servername,
      clientCertificate: this.endpoint.tls.clientCertificate,
    }).catch((error: unknown) => {
      if (error instanceof HttpCertificateError) {
        const trust =
          error.code === 'ERR_TLS_CERT_ALTNAME_INVALID'
            ? "it names another server (the kubeconfig's tls-server-name names the one it should)"
            : this.endpoint.tls.ca
              ? "the kubeconfig's certificate-authority does not vouch for it"
              : "the kubeconfig names no certificate-authority, and Node's list of CAs does not vouch for it";
        throw new UntrustedServerError(`${error.message}: ${trust}.`);
      }
      if (error instanceof HttpTimeoutError) throw new UserError(`The API server did not answer: ${error.message}.`);
      throw error;
    });
  }
}

interface DiscoveredVersion {
  version?: string;
  resources?: { resource?: string; scope?: string; responseKind?: { kind?: string } }[];
}

/** `<what>: <the Status message>`, one redacted line; an answer that is no Status says its HTTP status. */
function statusError(response: HttpResponse, what: string): ApiStatusError {
  let message = '';
  try {
    const status = JSON.parse(response.body.toString('utf8')) as { message?: unknown };
    if (typeof status.message === 'string') message = status.message;
  } catch {
    // not a Status: a proxy or load balancer answered
  }
  const said = message ? redact(message.replace(/\s+/g, ' ').slice(0, 1000)) : `HTTP ${response.status}`;
  const retryAfter = Number(response.header('retry-after'));
  return new ApiStatusError(
    response.status,
    `${what}: ${said}`,
    Number.isFinite(retryAfter) ? retryAfter * 1000 : undefined,
  );
}

function parseJson(response: HttpResponse, what: string): unknown {
  try {
    return JSON.parse(response.body.toString('utf8'));
  } catch {
    throw new Error(`The API server's answer for ${what} is not JSON (HTTP ${response.status})`);
  }
}
