/**
 * An Argo CD API server double on 127.0.0.1 for the routes a CI step uses: `GET /api/v1/applications/{name}`
 * (`appNamespace`, `project`, `refresh=normal|hard`) and the watch stream `GET /api/v1/stream/applications?name=`.
 * It answers as argocd-server does (server/application/application.go; grpc-gateway v1 bodies): 401 with
 * `no session information` / `invalid session: ...` for a missing or unknown bearer token; 403 `permission denied`
 * (not 404) for an app the token may not see or that does not exist, 404 only when `project` was given and the
 * token may see that project; a refresh GET that returns only once the controller has refreshed; a stream that
 * starts with the app's current state as ADDED. Every answer, stream lines included, is checked against Argo CD's
 * Swagger description (swagger.ts); `schemaViolations()` lists what broke it. Apps are Application objects shaped
 * as application-status.ts writes them. Tests drive it: put apps, change them now or on the next refresh, script a
 * rollout, count requests per route.
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { selfSignedCertificate } from '../kubernetes-api/tls.js';
import {
  compared,
  health,
  type HealthCode,
  type JsonObject,
  type ManagedResource,
  managed,
  newApplication,
  type NewApplication,
  now,
  operationFinished,
  operationStarted,
} from './application-status.js';
import { swaggerProblems } from './swagger.js';

export const APPLICATION_ROUTE = '/api/v1/applications/{name}';
export const STREAM_ROUTE = '/api/v1/stream/applications';
const REFRESH_ANNOTATION = 'argocd.argoproj.io/refresh';

/** What a token may see: apps of these projects (`*`: all). */
export interface TokenGrant {
  projects: string[];
}

export interface ArgoCdApiDoubleOptions {
  /** Tokens the server accepts and what each may see. Default: one token (`double.token`) that sees everything. */
  tokens?: Record<string, TokenGrant>;
  /** Serve HTTPS with a throwaway self-signed certificate (`double.caCertificate`), as argocd-server does. */
  tls?: boolean;
  /** Namespace of Argo CD itself: where apps live when `appNamespace` is not given. Default `argocd`. */
  namespace?: string;
  /** How long the controller takes to perform a requested refresh. Default 20 ms. */
  refreshLatencyMs?: number;
}

/** A change that the controller makes only when it next refreshes the app (or, without one, after a delay). */
interface PendingChange {
  change: (app: JsonObject) => void;
  timer?: NodeJS.Timeout;
}

interface StoredApplication {
  app: JsonObject;
  pending: PendingChange[];
}

interface Watcher {
  namespace: string;
  name: string | undefined;
  grant: TokenGrant;
  send: (type: string, app: JsonObject) => void;
}

export interface RolloutScript {
  /** The commit the app moves to. */
  revision: string;
  /** How the rollout ends: healthy, Degraded (an image that does not start), or a failed sync operation. */
  outcome?: 'Healthy' | 'Degraded' | 'Failed';
  /** Images the app's workloads run once synced (status.summary.images). */
  images?: string[];
  /** Resources the app manages; default one Deployment named as the app, running `images`. */
  resources?: ManagedResource[];
  /** Pause between transitions. Default 30 ms. */
  stepMs?: number;
  /** When Argo CD notices the commit without being asked: after this long; unset, only on a refresh. */
  noticeAfterMs?: number;
  namespace?: string;
}

class ApiError extends Error {
  constructor(
    readonly httpStatus: number,
    readonly grpcCode: number,
    message: string,
  ) {
    super(message);
  }
}

const UNAUTHENTICATED = 16;
const PERMISSION_DENIED = 7;
const NOT_FOUND = 5;

export class ArgoCdApiDouble {
  /** The token that sees every app (when no `tokens` were given). */
  readonly token: string;
  /** PEM of the server certificate when it serves HTTPS. */
  readonly caCertificate: string | undefined;
  private readonly tokens: Map<string, TokenGrant>;
  private readonly namespace: string;
  private readonly refreshLatencyMs: number;
  private readonly apps = new Map<string, StoredApplication>();
  private readonly watchers = new Set<Watcher>();
  private readonly refreshListeners = new Set<(app: JsonObject) => Promise<void> | void>();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sockets = new Set<Socket>();
  private readonly requestLog: { route: string; at: number }[] = [];
  private readonly violations: string[] = [];
  private readonly server: http.Server;
  private resourceVersion = 5000;
  private port = 0;

  private constructor(options: ArgoCdApiDoubleOptions) {
    this.token = fakeJwt();
    this.tokens = new Map(Object.entries(options.tokens ?? { [this.token]: { projects: ['*'] } }));
    this.namespace = options.namespace ?? 'argocd';
    this.refreshLatencyMs = options.refreshLatencyMs ?? 20;
    const handler = (request: http.IncomingMessage, response: http.ServerResponse) =>
      void this.handle(request, response);
    if (options.tls) {
      const pair = selfSignedCertificate('argocd-server-double', 'IP:127.0.0.1');
      this.caCertificate = pair.cert;
      this.server = https.createServer(pair, handler);
    } else {
      this.server = http.createServer(handler);
    }
    this.server.on(options.tls ? 'secureConnection' : 'connection', (socket: Socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
  }

  static async start(options: ArgoCdApiDoubleOptions = {}): Promise<ArgoCdApiDouble> {
    const double = new ArgoCdApiDouble(options);
    await new Promise<void>((resolve) => double.server.listen(0, '127.0.0.1', resolve));
    double.port = (double.server.address() as AddressInfo).port;
    return double;
  }

  get url(): string {
    return `${this.caCertificate ? 'https' : 'http'}://127.0.0.1:${this.port}`;
  }

  async stop(): Promise<void> {
    for (const timer of this.timers) clearTimeout(timer);
    for (const stored of this.apps.values()) for (const pending of stored.pending) clearTimeout(pending.timer);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Adds an app as `kubectl apply` of an Application leaves it (sync Unknown, health Missing). */
  addApplication(init: NewApplication): JsonObject {
    const app = newApplication({ namespace: this.namespace, ...init });
    this.apps.set(key(appNamespaceOf(app), init.name), { app, pending: [] });
    this.touch(app, 'ADDED');
    return structuredClone(app);
  }

  /** The app as the API would return it, or undefined. */
  application(name: string, namespace = this.namespace): JsonObject | undefined {
    const stored = this.apps.get(key(namespace, name));
    return stored ? structuredClone(stored.app) : undefined;
  }

  /** Changes the app now, as the controller would, and tells the streams. */
  update(name: string, change: (app: JsonObject) => void, namespace = this.namespace): JsonObject {
    const stored = this.stored(name, namespace);
    change(stored.app);
    this.touch(stored.app, 'MODIFIED');
    return structuredClone(stored.app);
  }

  /**
   * A change the controller makes when the app is next refreshed: a refresh request (GET with `refresh`), or,
   * when `afterMs` is given, that long from now, whichever comes first (Argo CD's periodic reconciliation).
   */
  onNextRefresh(
    name: string,
    change: (app: JsonObject) => void,
    options: { afterMs?: number; namespace?: string } = {},
  ): void {
    const stored = this.stored(name, options.namespace ?? this.namespace);
    const pending: PendingChange = { change };
    if (options.afterMs !== undefined) {
      pending.timer = setTimeout(() => this.refreshNow(stored), options.afterMs);
    }
    stored.pending.push(pending);
  }

  /** Runs `listener` whenever a refresh is requested, before the refresh completes (a stand-in controller's hook). */
  onRefreshRequested(listener: (app: JsonObject) => Promise<void> | void): () => void {
    this.refreshListeners.add(listener);
    return () => this.refreshListeners.delete(listener);
  }

  /**
   * Scripts what Argo CD does with a new commit: noticed (OutOfSync at the revision) only on refresh or after
   * `noticeAfterMs`; then an automated sync (operation Running, health Progressing); then Succeeded + Synced; then
   * Healthy or Degraded, or the operation Failed. Resolves when the last transition is written.
   */
  rollout(name: string, script: RolloutScript): Promise<void> {
    const namespace = script.namespace ?? this.namespace;
    const stepMs = script.stepMs ?? 30;
    const outcome = script.outcome ?? 'Healthy';
    const app = this.stored(name, namespace).app;
    const destination = ((app.spec as JsonObject).destination as JsonObject).namespace as string;
    const resources = script.resources ?? [
      { group: 'apps', version: 'v1', kind: 'Deployment', namespace: destination, name, images: script.images ?? [] },
    ];
    const withHealth = (code: HealthCode, message?: string) =>
      resources.map((resource) => ({ ...resource, health: { status: code, ...(message ? { message } : {}) } }));
    const workload = resources[0] as ManagedResource;
    const degraded = `Deployment "${workload.name}" exceeded its progress deadline`;
    const steps: ((app: JsonObject) => void)[] = [
      (live) => {
        operationStarted(
          live,
          script.revision,
          `waiting for healthy state of ${workload.group}/${workload.kind}/${workload.name}`,
        );
        health(live, 'Progressing');
      },
      (live) => {
        if (outcome === 'Failed') {
          operationFinished(
            live,
            script.revision,
            'Failed',
            resources,
            `one or more objects failed to apply, reason: error when applying ${workload.kind}/${workload.name}`,
          );
          health(live, 'Degraded', 'sync failed');
          return;
        }
        operationFinished(
          live,
          script.revision,
          'Succeeded',
          withHealth('Progressing', 'Waiting for rollout to finish: 0 of 1 updated replicas are available...'),
        );
        health(live, 'Progressing');
      },
      (live) => {
        if (outcome === 'Failed') return;
        managed(live, outcome === 'Healthy' ? withHealth('Healthy') : withHealth('Degraded', degraded));
        health(live, outcome === 'Healthy' ? 'Healthy' : 'Degraded', outcome === 'Healthy' ? undefined : degraded);
      },
    ];
    return new Promise((resolve) => {
      const next = (index: number) => {
        const step = steps[index];
        if (!step) return resolve();
        this.later(stepMs, () => {
          this.update(name, step, namespace);
          next(index + 1);
        });
      };
      this.onNextRefresh(
        name,
        (live) => {
          compared(live, script.revision, 'OutOfSync');
          next(0);
        },
        { afterMs: script.noticeAfterMs, namespace },
      );
    });
  }

  /** Requests received on `route` (e.g. APPLICATION_ROUTE), optionally since `since` (ms epoch). */
  requestCount(route?: string, since = 0): number {
    return this.requestLog.filter((entry) => (route === undefined || entry.route === route) && entry.at >= since)
      .length;
  }

  /** Every answer, stream lines included, that breaks Argo CD's Swagger description. */
  schemaViolations(): string[] {
    return [...this.violations];
  }

  private stored(name: string, namespace: string): StoredApplication {
    const stored = this.apps.get(key(namespace, name));
    if (!stored) throw new Error(`the Argo CD double has no app ${namespace}/${name}`);
    return stored;
  }

  private later(ms: number, action: () => void): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
  }

  /** What the controller does on a refresh: pending changes, then reconciledAt, then the annotation goes. */
  private refreshNow(stored: StoredApplication): void {
    const pending = stored.pending.splice(0);
    for (const change of pending) {
      clearTimeout(change.timer);
      change.change(stored.app);
    }
    const status = (stored.app.status ??= {}) as JsonObject;
    status.reconciledAt = now();
    const annotations = (stored.app.metadata as JsonObject).annotations as Record<string, string> | undefined;
    if (annotations) {
      delete annotations[REFRESH_ANNOTATION];
      if (Object.keys(annotations).length === 0) delete (stored.app.metadata as JsonObject).annotations;
    }
    this.touch(stored.app, 'MODIFIED');
  }

  private touch(app: JsonObject, type: string): void {
    (app.metadata as JsonObject).resourceVersion = String(++this.resourceVersion);
    const name = (app.metadata as JsonObject).name as string;
    for (const watcher of this.watchers) {
      if (watcher.namespace !== appNamespaceOf(app) || (watcher.name && watcher.name !== name)) continue;
      if (mayView(watcher.grant, app)) watcher.send(type, structuredClone(app));
    }
  }

  private async handle(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const appMatch = /^\/api\/v1\/applications\/([^/]+)$/.exec(url.pathname);
    const route =
      request.method === 'GET' && appMatch
        ? APPLICATION_ROUTE
        : request.method === 'GET' && url.pathname === STREAM_ROUTE
          ? STREAM_ROUTE
          : undefined;
    this.requestLog.push({ route: route ?? `${request.method} ${url.pathname}`, at: Date.now() });
    request.resume();
    try {
      if (!route) throw new ApiError(404, NOT_FOUND, 'Not Found');
      const grant = this.authenticate(request.headers.authorization);
      if (route === STREAM_ROUTE) return this.stream(url, grant, request, response);
      const app = await this.get(decodeURIComponent(appMatch?.[1] ?? ''), url, grant);
      this.send(response, route, 200, app);
    } catch (error) {
      const failure = error instanceof ApiError ? error : new ApiError(500, 13, (error as Error).message);
      this.send(response, route, failure.httpStatus, {
        error: failure.message,
        code: failure.grpcCode,
        message: failure.message,
      });
    }
  }

  private authenticate(authorization: string | undefined): TokenGrant {
    const token = /^Bearer (.+)$/.exec(authorization ?? '')?.[1];
    if (!token) throw new ApiError(401, UNAUTHENTICATED, 'no session information');
    const grant = this.tokens.get(token);
    if (grant) return grant;
    const reason =
      token.split('.').length === 3 ? 'token signature is invalid' : 'token contains an invalid number of segments';
    throw new ApiError(401, UNAUTHENTICATED, `invalid session: ${reason}`);
  }

  private async get(name: string, url: URL, grant: TokenGrant): Promise<JsonObject> {
    const namespace = url.searchParams.get('appNamespace') || this.namespace;
    const project = url.searchParams.get('project') || undefined;
    const denied = new ApiError(403, PERMISSION_DENIED, 'permission denied');
    if (project && !mayViewProject(grant, project)) throw denied;
    const stored = this.apps.get(key(namespace, name));
    if (!stored) {
      if (project) throw new ApiError(404, NOT_FOUND, `applications.argoproj.io "${name}" not found`);
      throw denied;
    }
    const appProject = (stored.app.spec as JsonObject).project as string;
    if (!mayView(grant, stored.app) || (project && project !== appProject)) throw denied;
    const refresh = url.searchParams.get('refresh');
    if (refresh) await this.refresh(stored, refresh);
    return structuredClone(stored.app);
  }

  /** As Argo CD: annotate the app, let the controller refresh it, answer once the annotation is gone. */
  private async refresh(stored: StoredApplication, type: string): Promise<void> {
    const metadata = stored.app.metadata as JsonObject;
    metadata.annotations = { ...(metadata.annotations as object | undefined), [REFRESH_ANNOTATION]: type };
    this.touch(stored.app, 'MODIFIED');
    for (const listener of this.refreshListeners) await listener(structuredClone(stored.app));
    await new Promise((resolve) => this.later(this.refreshLatencyMs, () => resolve(undefined)));
    this.refreshNow(stored);
  }

  private stream(url: URL, grant: TokenGrant, request: http.IncomingMessage, response: http.ServerResponse): void {
    const namespace = url.searchParams.get('appNamespace') || this.namespace;
    const name = url.searchParams.get('name') || undefined;
    response.writeHead(200, { 'content-type': 'application/json', 'transfer-encoding': 'chunked' });
    response.flushHeaders();
    const send = (type: string, app: JsonObject) => {
      const line = { result: { type, application: app } };
      this.check(STREAM_ROUTE, 200, line);
      response.write(`${JSON.stringify(line)}\n`);
    };
    const watcher: Watcher = { namespace, name, grant, send };
    // Argo CD sends the current state first when a name is given; apps the token may not see are skipped silently.
    for (const stored of this.apps.values()) {
      const metadata = stored.app.metadata as JsonObject;
      if (metadata.namespace !== namespace || (name && metadata.name !== name)) continue;
      if (mayView(grant, stored.app)) send('ADDED', structuredClone(stored.app));
    }
    this.watchers.add(watcher);
    request.socket.on('close', () => this.watchers.delete(watcher));
  }

  private send(response: http.ServerResponse, route: string | undefined, status: number, body: JsonObject): void {
    if (route) this.check(route, status, body);
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  }

  private check(route: string, status: number, body: unknown): void {
    for (const problem of swaggerProblems('GET', route, status, body))
      this.violations.push(`GET ${route} -> ${status}: ${problem}`);
  }
}

function key(namespace: string, name: string): string {
  return `${namespace}/${name}`;
}

function appNamespaceOf(app: JsonObject): string {
  return (app.metadata as JsonObject).namespace as string;
}

function mayViewProject(grant: TokenGrant, project: string): boolean {
  return grant.projects.includes('*') || grant.projects.includes(project);
}

function mayView(grant: TokenGrant, app: JsonObject): boolean {
  return mayViewProject(grant, (app.spec as JsonObject).project as string);
}

/** A token shaped like Argo CD's (a JWT: three base64url parts); the double only compares it. */
export function fakeJwt(subject = 'ci'): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return [
    part({ alg: 'HS256', typ: 'JWT' }),
    part({ iss: 'argocd', sub: `${subject}:apiKey`, jti: randomBytes(8).toString('hex') }),
    randomBytes(32).toString('base64url'),
  ].join('.');
}
