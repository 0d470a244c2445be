/**
 * A Kubernetes API double on 127.0.0.1 that real kubectl talks to. It presents itself as a v1.33 kube-apiserver from
 * that release's recorded API description (test/fixtures/kubernetes-1.3x/): /version, aggregated discovery (and the
 * legacy documents for clients that do not ask for it), OpenAPI v3 with the hashes clients cache by, and field
 * validation as that server does it. It keeps objects in memory, implements server-side apply (field managers,
 * conflicts, force, dry run), the patch types kubectl sends, list/watch with selectors, delete, and stand-in
 * controllers (workload-controllers.ts) whose rollouts a test makes succeed or fail. It records every request so
 * tests can assert on what it received.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { AGGREGATED_DISCOVERY, type ApiResource, Discovery, groupVersionOf } from './discovery.js';
import { ApplyConflictError, managersFromManagedFields, recordUpdate, serverSideApply } from './field-managers.js';
import {
  dropUnknownFields,
  FIELD_VALIDATIONS,
  type FieldValidation,
  strictDecodingError,
  typedPatchError,
  unknownFields,
  unknownFieldWarning,
} from './field-validation.js';
import {
  clone,
  deepEqual,
  isObject,
  type JsonObject,
  jsonPatch,
  mergePatch,
  strategicMergePatch,
} from './object-tree.js';
import { metadataOf, ObjectStore, present, type StoredObject } from './object-store.js';
import { OpenApiV3 } from './openapi-v3.js';
import { etagOf, RecordedRelease } from './release.js';
import { fieldSelector, labelSelector } from './selectors.js';
import { type KeyPair, selfSignedCertificate } from './tls.js';
import { type RolloutOutcome, WorkloadControllers } from './workload-controllers.js';

const FIXTURES = new URL('../../fixtures/', import.meta.url);

/** The CRDs of Argo CD and Flux as their projects publish them, for `installCustomResources`. */
export const GITOPS_CRDS = {
  argoCdApplication: fileURLToPath(new URL('argocd/application-crd.yaml', FIXTURES)),
  fluxKustomization: fileURLToPath(new URL('flux/kustomizations-crd.yaml', FIXTURES)),
  fluxHelmRelease: fileURLToPath(new URL('flux/helmreleases-crd.yaml', FIXTURES)),
};

/** One request as the double received it. */
export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  contentType: string | undefined;
  userAgent: string | undefined;
  authorization: string | undefined;
  /** Parsed JSON or YAML body, when there was one. */
  body: unknown;
  /** Which TCP connection carried it: one kubectl process keeps one connection. */
  connection: number;
}

export const APPLY_PATCH = 'application/apply-patch+yaml';

class HttpError extends Error {
  constructor(
    readonly code: number,
    /** Empty for an error the API server did not classify (it answers 500 without a reason). */
    readonly reason: string,
    message: string,
    readonly details?: JsonObject,
  ) {
    super(message);
  }
}

/** A response: a JSON value, or bytes already serialized; no body for 304 and 301. */
interface Reply {
  code: number;
  body?: unknown;
  headers?: Record<string, string | string[]>;
}

/** A request RBAC denies: verb (`get`, `list`, `watch`, `patch`, ..., `*`) on a resource (`applications`, or
 * `kustomizations/status`), optionally only in one API group or namespace. */
export interface Refusal {
  verb: string;
  resource: string;
  group?: string;
  namespace?: string;
}

export interface KubernetesApiDoubleOptions {
  /** Bearer token kubectl must send; every request without it gets 401. Default: a random one. */
  token?: string;
  /** Who the token authenticates as, named in 403 messages. Default `ci`. */
  user?: string;
  /** A recorded release's API description (default: test/fixtures/kubernetes-1.3x/). */
  releaseDir?: string;
}

export class KubernetesApiDouble {
  readonly received: ReceivedRequest[] = [];
  readonly store = new ObjectStore();
  private readonly release: RecordedRelease;
  private readonly discovery: Discovery;
  private readonly openApi: OpenApiV3;
  private readonly controllers: WorkloadControllers;
  private readonly sockets = new Set<Socket>();
  private readonly connectionIds = new WeakMap<Socket, number>();
  private readonly tls = selfSignedCertificate('kubernetes-api-double', 'IP:127.0.0.1');
  private readonly server = https.createServer(this.tls, (request, response) => void this.handle(request, response));
  private port = 0;
  private connections = 0;

  private readonly token: string;
  private readonly user: string;
  private readonly refusals: Refusal[] = [];

  private constructor(options: KubernetesApiDoubleOptions) {
    this.token = options.token ?? `double-${randomUUID()}`;
    this.user = options.user ?? 'ci';
    this.release = RecordedRelease.load(options.releaseDir);
    this.discovery = new Discovery(this.release);
    this.openApi = new OpenApiV3(this.release);
    this.controllers = new WorkloadControllers(this.store, this.discovery);
    for (const name of ['default', 'kube-system', 'kube-public'])
      this.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    this.server.on('secureConnection', (socket) => {
      // Without it, small responses wait for delayed ACKs: about 40 ms per request.
      socket.setNoDelay(true);
      this.sockets.add(socket);
      this.connectionIds.set(socket, ++this.connections);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(options: KubernetesApiDoubleOptions = {}): Promise<KubernetesApiDouble> {
    const double = new KubernetesApiDouble(options);
    await new Promise<void>((resolve) => double.server.listen(0, '127.0.0.1', resolve));
    double.port = (double.server.address() as AddressInfo).port;
    return double;
  }

  get url(): string {
    return `https://127.0.0.1:${this.port}`;
  }

  /**
   * A kubeconfig that points at this double (its CA inline), with one context named `double`;
   * `clientCertificate` adds a client key pair, which kubectl loads but the double does not ask for.
   */
  kubeconfig(options: { namespace?: string; context?: string; clientCertificate?: KeyPair } = {}): string {
    const context = options.context ?? 'double';
    const base64 = (text: string) => Buffer.from(text).toString('base64');
    const client = options.clientCertificate;
    return [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      '- name: double',
      '  cluster:',
      `    server: ${this.url}`,
      `    certificate-authority-data: ${base64(this.tls.cert)}`,
      'users:',
      '- name: deployer',
      '  user:',
      `    token: ${this.token}`,
      ...(client
        ? [`    client-certificate-data: ${base64(client.cert)}`, `    client-key-data: ${base64(client.key)}`]
        : []),
      'contexts:',
      `- name: ${context}`,
      '  context:',
      '    cluster: double',
      '    user: deployer',
      ...(options.namespace ? [`    namespace: ${options.namespace}`] : []),
      `current-context: ${context}`,
      '',
    ].join('\n');
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Server-side apply requests (PATCH application/apply-patch+yaml), dry runs included. */
  applyRequests(): ReceivedRequest[] {
    return this.received.filter((request) => request.method === 'PATCH' && request.contentType === APPLY_PATCH);
  }

  /** The stored object, as `kubectl get -o json` would show it, or undefined. */
  object(apiVersion: string, kind: string, namespace: string | undefined, name: string): JsonObject | undefined {
    const resource = this.resourceOfKind(apiVersion, kind);
    const stored = this.store.get(resource, resource.namespaced ? (namespace ?? 'default') : undefined, name);
    return stored ? present(stored) : undefined;
  }

  /** Puts an object straight into the store, as if it had been created long ago by someone else. */
  seed(object: JsonObject, manager = 'seed'): JsonObject {
    const resource = this.resourceOfKind(object.apiVersion as string, object.kind as string);
    const copy = clone(object);
    const metadata = metadataOf(copy);
    if (resource.namespaced) metadata.namespace ??= 'default';
    if (isObject(copy.spec)) metadata.generation = 1;
    const managers = recordUpdate(undefined, copy, [], { manager, apiVersion: groupVersionOf(resource), now: now() });
    const stored = this.store.put(resource, copy, managers);
    this.afterWrite(stored);
    return present(stored);
  }

  /** Stores CustomResourceDefinitions (YAML files), as `kubectl apply` of them would; their kinds are then served. */
  installCustomResources(...files: string[]): void {
    for (const file of files) this.seed(parseYaml(readFileSync(file, 'utf8')) as JsonObject);
  }

  /** What installing Argo CD and Flux leaves: their CRDs served, their namespaces (`argocd`, `flux-system`). */
  installGitOpsCustomResources(): void {
    this.installCustomResources(...Object.values(GITOPS_CRDS));
    for (const name of ['argocd', 'flux-system'])
      this.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  }

  /** From now on, answers requests matching `refusal` with 403 Forbidden, as RBAC does. */
  forbid(refusal: Refusal): void {
    this.refusals.push(refusal);
  }

  /** Lifts every refusal. */
  allowAll(): void {
    this.refusals.length = 0;
  }

  failImage(image: string, outcome: Exclude<RolloutOutcome, 'ready'> = 'unavailable'): void {
    this.controllers.failImage(image, outcome);
  }

  healImage(image: string): void {
    this.controllers.healImage(image);
  }

  private resourceOfKind(apiVersion: string, kind: string): ApiResource {
    const resource = this.discovery.byKind(apiVersion, kind);
    if (!resource) throw new Error(`the double serves no ${apiVersion} ${kind}`);
    return resource;
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const raw = await readBody(request);
    const url = new URL(request.url ?? '/', this.url);
    const contentType = request.headers['content-type']?.split(';')[0];
    const received: ReceivedRequest = {
      method: request.method ?? 'GET',
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      contentType,
      userAgent: request.headers['user-agent'],
      authorization: request.headers.authorization,
      body: raw ? parseBody(raw, contentType) : undefined,
      connection: this.connectionIds.get(request.socket) ?? 0,
    };
    this.received.push(received);
    try {
      if (received.authorization !== `Bearer ${this.token}`) {
        throw new HttpError(401, 'Unauthorized', 'Unauthorized');
      }
      if (url.searchParams.get('watch') === 'true') return this.watch(received, url, request, response);
      const description = received.method === 'GET' ? this.describe(request.headers, url) : undefined;
      if (description) return reply(response, description);
      const warnings: string[] = [];
      const [code, body] = this.route(received, url, warnings);
      reply(response, { code, body, headers: warnings.length > 0 ? { warning: warnings } : undefined });
    } catch (error) {
      const failure =
        error instanceof HttpError
          ? error
          : new HttpError(500, 'InternalError', `Internal error occurred: ${(error as Error).message}`);
      send(response, failure.code, status(failure));
    }
  }

  /**
   * What the server says about itself: /version, discovery and OpenAPI v3, with the caching headers of
   * kube-apiserver (ETags; a hashed OpenAPI URL is immutable), or undefined for any other path.
   */
  private describe(headers: http.IncomingHttpHeaders, url: URL): Reply | undefined {
    const pathname = url.pathname.replace(/\/+$/, '') || '/';
    const accept = headers.accept ?? '*/*';
    const cached = (body: Buffer | string, contentType: string, extra: Record<string, string> = {}): Reply => {
      const etag = JSON.stringify(etagOf(body));
      const common = { etag, 'content-type': contentType, ...extra };
      return headers['if-none-match'] === etag ? { code: 304, headers: common } : { code: 200, body, headers: common };
    };
    if (pathname === '/version') return { code: 200, body: this.release.version };
    if (pathname === '/api' || pathname === '/apis') {
      const form = discoveryForm(accept);
      if (!form) throw notAcceptable();
      if (form === 'aggregated') {
        // kube-apiserver's discovery ETag: revalidated, not trusted for a time.
        const root = pathname.slice(1) as 'api' | 'apis';
        return cached(JSON.stringify(this.discovery.aggregated(root)), AGGREGATED_DISCOVERY, {
          vary: 'Accept',
          'cache-control': 'public',
        });
      }
    }
    if (pathname === '/openapi/v3') return cached(JSON.stringify(this.openApi.root()), 'application/json');
    if (pathname.startsWith('/openapi/v3/')) {
      const groupVersion = pathname.slice('/openapi/v3/'.length);
      const document = this.openApi.document(groupVersion);
      if (!document) return undefined;
      if (!acceptsJson(accept)) return { code: 406 };
      const hash = url.searchParams.get('hash');
      if (hash && hash !== document.hash) {
        return { code: 301, headers: { location: `/openapi/v3/${groupVersion}?hash=${document.hash}` } };
      }
      // A URL with the current hash never changes: clients keep it a year without asking again.
      const immutable: Record<string, string> = hash
        ? { vary: 'Accept', 'cache-control': 'public, immutable', expires: inOneYear() }
        : { vary: 'Accept' };
      return cached(document.bytes, 'application/json', immutable);
    }
    const legacy = this.discovery.legacy(pathname, `127.0.0.1:${this.port}`);
    return legacy ? { code: 200, body: legacy } : undefined;
  }

  private route(request: ReceivedRequest, url: URL, warnings: string[]): [number, unknown] {
    const pathname = url.pathname;
    const target = this.target(pathname);
    if (!target) throw new HttpError(404, 'NotFound', 'the server could not find the requested resource');
    const { resource, namespace, name, subresource } = target;
    this.authorize(verbOf(request.method ?? 'GET', name), target);
    switch (request.method) {
      case 'GET':
        return name
          ? [200, present(this.existing(resource, namespace, name))]
          : [200, this.list(resource, namespace, url)];
      case 'POST':
        return this.create(resource, namespace, request, warnings);
      case 'PATCH':
        if (!name) throw new HttpError(405, 'MethodNotAllowed', 'PATCH needs an object name');
        return this.patch(resource, namespace, name, subresource, request, warnings);
      case 'DELETE':
        if (!name) throw new HttpError(405, 'MethodNotAllowed', 'DELETE needs an object name');
        return this.remove(resource, namespace, name, request);
      default:
        throw new HttpError(405, 'MethodNotAllowed', `${request.method} is not supported by this double`);
    }
  }

  /** `/apis/apps/v1/namespaces/ns/deployments/web/status` as its parts. */
  private target(pathname: string):
    | {
        resource: ApiResource;
        namespace: string | undefined;
        name: string | undefined;
        subresource: string | undefined;
      }
    | undefined {
    const segments = pathname.split('/').filter(Boolean);
    let groupVersion: string;
    let rest: string[];
    if (segments[0] === 'api') [groupVersion, rest] = [segments[1] ?? '', segments.slice(2)];
    else if (segments[0] === 'apis') [groupVersion, rest] = [`${segments[1]}/${segments[2]}`, segments.slice(3)];
    else return undefined;
    let namespace: string | undefined;
    if (rest[0] === 'namespaces' && rest.length >= 3 && this.discovery.resource(groupVersion, rest[2] as string)) {
      namespace = rest[1];
      rest = rest.slice(2);
    }
    const [resourceName, name, subresource] = rest;
    const resource = resourceName ? this.discovery.resource(groupVersion, resourceName) : undefined;
    if (!resource) return undefined;
    if (subresource && !resource.subresources.has(subresource)) return undefined;
    return { resource, namespace: resource.namespaced ? namespace : undefined, name, subresource };
  }

  /** RBAC's answer, worded as the API server words it. */
  private authorize(
    verb: string,
    target: { resource: ApiResource; namespace: string | undefined; name: string | undefined; subresource?: string },
  ): void {
    const { resource, namespace, name, subresource } = target;
    const resourceName = subresource ? `${resource.name}/${subresource}` : resource.name;
    const refused = this.refusals.some(
      (refusal) =>
        (refusal.verb === '*' || refusal.verb === verb) &&
        refusal.resource === resourceName &&
        (refusal.group === undefined || refusal.group === resource.group) &&
        (refusal.namespace === undefined || refusal.namespace === namespace),
    );
    if (!refused) return;
    const subject = name ? `${qualified(resource)} "${name}"` : qualified(resource);
    const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
    throw new HttpError(
      403,
      'Forbidden',
      `${subject} is forbidden: User "${this.user}" cannot ${verb} resource "${resourceName}" in API group "${resource.group}" ${scope}`,
      name ? detailsOf(resource, name) : { ...(resource.group ? { group: resource.group } : {}), kind: resource.name },
    );
  }

  private existing(resource: ApiResource, namespace: string | undefined, name: string): StoredObject {
    const stored = this.store.get(resource, namespace, name);
    if (!stored) throw notFound(resource, name);
    return stored;
  }

  private matching(resource: ApiResource, namespace: string | undefined, url: URL): StoredObject[] {
    const labels = labelSelector(url.searchParams.get('labelSelector'));
    const fields = fieldSelector(url.searchParams.get('fieldSelector'));
    return this.store
      .list(resource, namespace)
      .filter((stored) => labels(metadataOf(stored.object).labels) && fields(stored.object))
      .sort((a, b) => Number(metadataOf(a.object).resourceVersion) - Number(metadataOf(b.object).resourceVersion));
  }

  private list(resource: ApiResource, namespace: string | undefined, url: URL): JsonObject {
    return {
      kind: `${resource.kind}List`,
      apiVersion: groupVersionOf(resource),
      metadata: { resourceVersion: this.store.resourceVersion },
      items: this.matching(resource, namespace, url).map(present),
    };
  }

  private watch(
    request: ReceivedRequest,
    url: URL,
    incoming: http.IncomingMessage,
    response: http.ServerResponse,
  ): void {
    const target = this.target(url.pathname);
    if (!target || target.name) {
      send(response, 404, status(new HttpError(404, 'NotFound', 'the server could not find the requested resource')));
      return;
    }
    const { resource, namespace } = target;
    try {
      this.authorize('watch', target);
    } catch (error) {
      send(response, (error as HttpError).code, status(error as HttpError));
      return;
    }
    const labels = labelSelector(url.searchParams.get('labelSelector'));
    const fields = fieldSelector(url.searchParams.get('fieldSelector'));
    const matches = (stored: StoredObject) =>
      stored.resource.group === resource.group &&
      stored.resource.name === resource.name &&
      (namespace === undefined || metadataOf(stored.object).namespace === namespace) &&
      labels(metadataOf(stored.object).labels) &&
      fields(stored.object);
    response.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    response.flushHeaders();
    const write = (type: string, object: JsonObject) => response.write(`${JSON.stringify({ type, object })}\n`);
    const since = Number(request.query.resourceVersion ?? 0);
    if (request.query.sendInitialEvents === 'true') {
      for (const stored of this.matching(resource, namespace, url)) write('ADDED', present(stored));
      write('BOOKMARK', {
        kind: resource.kind,
        apiVersion: groupVersionOf(resource),
        metadata: { resourceVersion: this.store.resourceVersion, annotations: { 'k8s.io/initial-events-end': 'true' } },
      });
    } else if (since > 0) {
      for (const stored of this.matching(resource, namespace, url)) {
        if (Number(metadataOf(stored.object).resourceVersion) > since) write('MODIFIED', present(stored));
      }
    } else {
      // No resourceVersion, or "0": the watch starts with the current state as synthetic ADDED events.
      for (const stored of this.matching(resource, namespace, url)) write('ADDED', present(stored));
    }
    const stop = this.store.onChange((change) => {
      if (matches(change.stored)) write(change.type, present(change.stored));
    });
    const seconds = Number(request.query.timeoutSeconds ?? 0);
    const timer = seconds > 0 ? setTimeout(() => response.end(), seconds * 1000) : undefined;
    incoming.socket.on('close', () => {
      stop();
      if (timer) clearTimeout(timer);
    });
  }

  private create(
    resource: ApiResource,
    namespace: string | undefined,
    request: ReceivedRequest,
    warnings: string[],
  ): [number, unknown] {
    const validation = fieldValidation(request, 'CreateOptions');
    const object = this.bodyObject(request);
    const metadata = metadataOf(object);
    if (resource.namespaced) metadata.namespace = namespace ?? metadata.namespace ?? 'default';
    this.requireNamespace(resource, metadata.namespace);
    if (this.store.get(resource, metadata.namespace, metadata.name)) {
      throw new HttpError(
        409,
        'AlreadyExists',
        `${qualified(resource)} "${metadata.name}" already exists`,
        detailsOf(resource, metadata.name),
      );
    }
    const unknown = this.unknownFields(resource, object);
    if (unknown.length > 0 && validation === 'Strict') {
      const kind = `${resource.kind} in version ${JSON.stringify(resource.version)} cannot be handled as a ${resource.kind}`;
      throw new HttpError(400, 'BadRequest', `${kind}: ${strictDecodingError(unknown)}`);
    }
    if (validation === 'Warn') warnings.push(...unknown.map(warningHeader));
    dropUnknownFields(unknown);
    if (isObject(object.spec)) metadata.generation = 1;
    const manager = request.query.fieldManager ?? managerFromUserAgent(request.userAgent);
    const managers = recordUpdate(undefined, object, [], { manager, apiVersion: groupVersionOf(resource), now: now() });
    if (isDryRun(request)) return [201, dryRunResult(resource, object)];
    const stored = this.store.put(resource, object, managers);
    this.afterWrite(stored);
    return [201, present(stored)];
  }

  private patch(
    resource: ApiResource,
    namespace: string | undefined,
    name: string,
    subresource: string | undefined,
    request: ReceivedRequest,
    warnings: string[],
  ): [number, unknown] {
    const validation = fieldValidation(request, 'PatchOptions');
    const live = this.store.get(resource, namespace, name);
    if (request.contentType === APPLY_PATCH) return this.apply(resource, namespace, name, live, subresource, request);
    if (!live) throw notFound(resource, name);
    const before = live.object;
    const patched = clone(before);
    const body = request.body;
    if (request.contentType === 'application/merge-patch+json') mergePatch(patched, body as JsonObject);
    else if (request.contentType === 'application/strategic-merge-patch+json')
      strategicMergePatch(patched, body as JsonObject);
    else if (request.contentType === 'application/json-patch+json') jsonPatch(patched, body);
    else
      throw new HttpError(
        415,
        'UnsupportedMediaType',
        `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, ${APPLY_PATCH}, application/strategic-merge-patch+json`,
      );
    const unknown = this.unknownFields(resource, patched);
    if (unknown.length > 0 && validation === 'Strict')
      throw new HttpError(400, 'BadRequest', strictDecodingError(unknown));
    if (validation === 'Warn') warnings.push(...unknown.map(warningHeader));
    dropUnknownFields(unknown);
    // Without a status subresource (Argo CD's Application) status is written with the rest of the object.
    const result =
      subresource === 'status'
        ? { ...clone(before), status: patched.status }
        : resource.subresources.has('status')
          ? { ...patched, status: before.status }
          : patched;
    // managedFields sent with the write become the object's field ownership, as the API server takes them.
    const sentManagers = metadataOf(result).managedFields;
    delete metadataOf(result).managedFields;
    const owners =
      Array.isArray(sentManagers) && sentManagers.length > 0 ? managersFromManagedFields(sentManagers) : live.managers;
    this.finishWrite(resource, before, result);
    const manager = request.query.fieldManager ?? managerFromUserAgent(request.userAgent);
    const managers = recordUpdate(before, result, owners, {
      manager,
      apiVersion: groupVersionOf(resource),
      now: now(),
    });
    if (isDryRun(request)) return [200, dryRunResult(resource, result)];
    const stored = this.store.put(resource, result, managers);
    this.afterWrite(stored);
    return [200, present(stored)];
  }

  private apply(
    resource: ApiResource,
    namespace: string | undefined,
    name: string,
    live: StoredObject | undefined,
    subresource: string | undefined,
    request: ReceivedRequest,
  ): [number, unknown] {
    const manager = request.query.fieldManager;
    if (!manager) {
      throw new HttpError(
        422,
        'Invalid',
        'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch',
      );
    }
    const config = this.bodyObject(request);
    const metadata = metadataOf(config);
    if (config.kind !== resource.kind || config.apiVersion !== groupVersionOf(resource)) {
      throw new HttpError(
        400,
        'BadRequest',
        `the kind ${config.apiVersion}/${config.kind} does not match ${groupVersionOf(resource)}/${resource.kind} of the URL`,
      );
    }
    if (metadata.name !== name)
      throw new HttpError(400, 'BadRequest', 'the name of the object does not match the name on the URL');
    if (resource.namespaced) config.metadata = { ...metadata, namespace };
    this.requireNamespace(resource, namespace);
    // Whatever fieldValidation says: structured merge cannot type a field the schema lacks (and answers 500).
    const unknown = this.unknownFields(resource, config);
    if (unknown.length > 0) {
      const where = `${metadata.namespace ?? namespace ?? ''}/${metadata.name}; ${resource.group}/${resource.version}, Kind=${resource.kind}`;
      throw new HttpError(500, '', `failed to create typed patch object (${where}): ${typedPatchError(unknown)}`);
    }
    let result: { object: JsonObject; managers: StoredObject['managers'] };
    try {
      const applied = subresource === 'status' ? { ...config, status: undefined } : config;
      result = serverSideApply(live?.object, applied, live?.managers ?? [], {
        manager,
        force: request.query.force === 'true',
        apiVersion: groupVersionOf(resource),
        now: now(),
      });
      if (subresource === 'status') result.object.status = config.status;
      else if (live && resource.subresources.has('status')) result.object.status = live.object.status;
    } catch (error) {
      if (!(error instanceof ApplyConflictError)) throw error;
      throw new HttpError(409, 'Conflict', error.message, {
        causes: error.conflicts.map((conflict) => ({
          reason: 'FieldManagerConflict',
          message: `conflict with "${conflict.manager}"`,
          field: conflict.field,
        })),
      });
    }
    const unchanged = live && deepEqual(live.object, result.object) && sameOwnership(live.managers, result.managers);
    if (unchanged) return [200, present(live)];
    this.finishWrite(resource, live?.object, result.object);
    if (isDryRun(request)) return [live ? 200 : 201, dryRunResult(resource, result.object)];
    const stored = this.store.put(resource, result.object, result.managers);
    this.afterWrite(stored);
    return [live ? 200 : 201, present(stored)];
  }

  private remove(
    resource: ApiResource,
    namespace: string | undefined,
    name: string,
    request: ReceivedRequest,
  ): [number, unknown] {
    const stored = this.existing(resource, namespace, name);
    if (isDryRun(request)) return [200, present(stored)];
    this.store.delete(stored);
    // Garbage collection: what the object owned goes with it.
    const uid = metadataOf(stored.object).uid;
    for (const dependent of this.store.all()) {
      if (metadataOf(dependent.object).ownerReferences?.some((reference) => reference.uid === uid))
        this.store.delete(dependent);
    }
    return [
      200,
      { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', details: detailsOf(resource, name) },
    ];
  }

  /** Generation moves when the spec changes, as the API server does for objects with a spec. */
  private finishWrite(resource: ApiResource, before: JsonObject | undefined, after: JsonObject): void {
    const metadata = metadataOf(after);
    if (!isObject(after.spec)) return;
    const previous = before ? Number(metadataOf(before).generation ?? 1) : 0;
    metadata.generation = !before ? 1 : deepEqual(before.spec, after.spec) ? previous : previous + 1;
    if (resource.group === 'apps' && resource.kind === 'Deployment') (after.spec as JsonObject).replicas ??= 1;
  }

  private afterWrite(stored: StoredObject): void {
    if (stored.resource.group === 'apiextensions.k8s.io' && stored.resource.kind === 'CustomResourceDefinition') {
      this.discovery.addCustomResource(stored.object);
      this.openApi.addCustomResourceDefinition(stored.object);
    }
    this.controllers.reconcile(stored);
  }

  private requireNamespace(resource: ApiResource, namespace: string | undefined): void {
    if (!resource.namespaced) return;
    const namespaces = this.discovery.resource('v1', 'namespaces') as ApiResource;
    if (!this.store.get(namespaces, undefined, namespace ?? 'default')) {
      throw new HttpError(
        404,
        'NotFound',
        `namespaces "${namespace}" not found`,
        detailsOf(namespaces, namespace ?? ''),
      );
    }
  }

  /** The fields the kind's published schema does not declare (none for a kind without a schema). */
  private unknownFields(resource: ApiResource, object: JsonObject) {
    const schema = this.openApi.kindSchema(resource.group, resource.version, resource.kind);
    return schema ? unknownFields(object, schema) : [];
  }

  private bodyObject(request: ReceivedRequest): JsonObject {
    if (!isObject(request.body)) throw new HttpError(400, 'BadRequest', 'the request body is not an object');
    return clone(request.body);
  }
}

/** The RBAC verb of a request. */
function verbOf(method: string, name: string | undefined): string {
  switch (method) {
    case 'GET':
      return name ? 'get' : 'list';
    case 'POST':
      return 'create';
    case 'PUT':
      return 'update';
    case 'DELETE':
      return name ? 'delete' : 'deletecollection';
    default:
      return method.toLowerCase();
  }
}

/** The write's fieldValidation (Warn when absent, as since 1.23), or the 422 of an unknown value. */
function fieldValidation(request: ReceivedRequest, options: 'CreateOptions' | 'PatchOptions'): FieldValidation {
  const value = request.query.fieldValidation ?? 'Warn';
  if ((FIELD_VALIDATIONS as readonly string[]).includes(value)) return value as FieldValidation;
  const supported = FIELD_VALIDATIONS.map((name) => JSON.stringify(name)).join(', ');
  throw new HttpError(
    422,
    'Invalid',
    `${options}.meta.k8s.io "" is invalid: fieldValidation: Unsupported value: ${JSON.stringify(value)}: supported values: ${supported}`,
  );
}

/** A `Warning` header value (RFC 7234 code 299, no agent), as the API server writes one per unknown field. */
function warningHeader(field: Parameters<typeof unknownFieldWarning>[0]): string {
  return `299 - ${JSON.stringify(unknownFieldWarning(field))}`;
}

/**
 * Which discovery the Accept header asks for: aggregated (apidiscovery.k8s.io/v2), legacy (plain JSON), or
 * neither; clauses in the client's order of preference.
 */
function discoveryForm(accept: string): 'aggregated' | 'legacy' | undefined {
  const clauses = accept
    .split(',')
    .map((clause) => {
      const [type = '', ...parameters] = clause.split(';').map((part) => part.trim());
      const params = Object.fromEntries(parameters.map((parameter) => parameter.split('=').map((part) => part.trim())));
      return { type, params, q: Number(params.q ?? 1) };
    })
    .sort((a, b) => b.q - a.q);
  for (const { type, params } of clauses) {
    if (!['application/json', 'application/*', '*/*'].includes(type)) continue;
    if (params.g === undefined && params.v === undefined && params.as === undefined) return 'legacy';
    if (params.g === 'apidiscovery.k8s.io' && params.v === 'v2' && params.as === 'APIGroupDiscoveryList')
      return 'aggregated';
  }
  return undefined;
}

function acceptsJson(accept: string): boolean {
  return accept
    .split(',')
    .map((clause) => clause.split(';')[0]?.trim())
    .some((type) => type === 'application/json' || type === 'application/*' || type === '*/*');
}

function notAcceptable(): HttpError {
  return new HttpError(
    406,
    'NotAcceptable',
    'only the following media types are accepted: application/json, application/yaml, application/vnd.kubernetes.protobuf',
  );
}

function inOneYear(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toUTCString();
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  try {
    // An apply patch is YAML, and JSON is YAML: like apimachinery's YAMLOrJSONDecoder, a body that opens with `{`
    // is decoded as JSON (what kubectl sends), which also keeps the double's own cost per apply low in benches.
    return contentType === APPLY_PATCH && !raw.trimStart().startsWith('{') ? parseYaml(raw) : JSON.parse(raw);
  } catch {
    return raw;
  }
}

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, code: number, body: unknown): void {
  reply(response, { code, body });
}

function reply(response: http.ServerResponse, { code, body, headers }: Reply): void {
  response.writeHead(code, { 'content-type': 'application/json', ...headers });
  if (body === undefined) response.end();
  else response.end(Buffer.isBuffer(body) || typeof body === 'string' ? body : JSON.stringify(body));
}

function status(error: HttpError): JsonObject {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: error.message,
    ...(error.reason ? { reason: error.reason } : {}),
    ...(error.details ? { details: error.details } : {}),
    code: error.code,
  };
}

function qualified(resource: ApiResource): string {
  return resource.group ? `${resource.name}.${resource.group}` : resource.name;
}

function detailsOf(resource: ApiResource, name: string): JsonObject {
  return { name, ...(resource.group ? { group: resource.group } : {}), kind: resource.name };
}

function notFound(resource: ApiResource, name: string): HttpError {
  return new HttpError(404, 'NotFound', `${qualified(resource)} "${name}" not found`, detailsOf(resource, name));
}

function isDryRun(request: ReceivedRequest): boolean {
  return request.query.dryRun === 'All';
}

/** What a dry run returns: the object as it would be stored, with a made-up uid when it is new. */
function dryRunResult(resource: ApiResource, object: JsonObject): JsonObject {
  const result = clone(object);
  const metadata = metadataOf(result);
  metadata.uid ??= randomUUID();
  result.apiVersion = groupVersionOf(resource);
  result.kind = resource.kind;
  return result;
}

function sameOwnership(a: StoredObject['managers'], b: StoredObject['managers']): boolean {
  const summary = (entries: StoredObject['managers']) =>
    entries.map((entry) => `${entry.manager}/${entry.operation}:${[...entry.fields.keys()].sort().join(',')}`).sort();
  return deepEqual(summary(a), summary(b));
}

/** kubectl names itself in the user agent (`kubectl/v1.32.4 ...`); a write without fieldManager is that. */
function managerFromUserAgent(userAgent: string | undefined): string {
  return userAgent?.split('/')[0] ?? 'unknown';
}

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}
