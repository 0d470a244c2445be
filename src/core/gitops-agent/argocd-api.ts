import { UserError } from '../errors.js';
import {
  HttpCertificateError,
  HttpIdleError,
  httpRequest,
  type HttpResponse,
  HttpStreamSpentError,
  openHttpStream,
} from '../http/request.js';
import type { HttpTransport } from '../http/transport.js';
import { redact } from '../secrets.js';

const REQUEST_TIMEOUT_MS = 30_000;
// An Application with thousands of resources lists each in its status.
const MAX_APPLICATION_BYTES = 16 * 1024 * 1024;
/**
 * argocd-server sends nothing on a watch while the app does not change, and the controller touches every app at
 * least every reconciliation period (3 min by default); a silent minute is re-asked rather than trusted, since a
 * proxy or load balancer may drop an idle connection without closing it.
 */
const WATCH_IDLE_MS = 60_000;
// One watch's total: past it the watch is opened again, which costs one request.
const MAX_WATCH_BYTES = 256 * 1024 * 1024;

export interface ArgoCdConnection {
  /** https://argocd.example.com, without /api/v1. */
  server: string;
  token: string;
  /** PEM of the CA that signs the server's certificate, when a private one does. */
  caCert?: string;
  /** Accept any certificate (the settings warn about it). */
  insecure: boolean;
}

export interface ApplicationName {
  name: string;
  /** For apps outside Argo CD's own namespace (apps-in-any-namespace). */
  appNamespace?: string;
  project?: string;
}

/**
 * Reads one Application through Argo CD's REST API with a bearer token: `GET /api/v1/applications/{name}`, and
 * its watch `GET /api/v1/stream/applications?name=` (newline-separated JSON results), both with the server's own
 * trust (argocd-ca-cert, argocd-insecure).
 */
export class ArgoCdApplicationReader {
  constructor(
    private readonly connection: ArgoCdConnection,
    private readonly application: ApplicationName,
    /** Default: the process's (proxy from the environment). */
    private readonly transport?: HttpTransport,
  ) {}

  /** The Application; `refresh` asks Argo CD to compare with the repository's tip first (a normal refresh). */
  async read(refresh = false): Promise<unknown> {
    const url = new URL(`${this.connection.server.replace(/\/+$/, '')}/api/v1/applications/`);
    url.pathname += encodeURIComponent(this.application.name);
    if (this.application.appNamespace) url.searchParams.set('appNamespace', this.application.appNamespace);
    if (this.application.project) url.searchParams.append('project', this.application.project);
    if (refresh) url.searchParams.set('refresh', 'normal');
    const response = await httpRequest(url.toString(), {
      method: 'GET',
      ...this.requestOptions(),
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBytes: MAX_APPLICATION_BYTES,
    }).catch((error: unknown) => this.explain(error));
    if (!response.ok) throw this.refusal(response);
    try {
      return JSON.parse(response.body.toString('utf8')) as unknown;
    } catch {
      throw new Error(`Argo CD at ${this.connection.server} answered application ${this.describe()} with no JSON`);
    }
  }

  /**
   * The Application each time Argo CD changes it, its current state first. A watch silent for a minute is opened
   * again; it ends when Argo CD ends it, and throws when it cannot be opened or breaks (the caller polls then).
   */
  async *watch(signal: AbortSignal): AsyncGenerator<unknown> {
    const url = new URL(`${this.connection.server.replace(/\/+$/, '')}/api/v1/stream/applications`);
    url.searchParams.set('name', this.application.name);
    if (this.application.appNamespace) url.searchParams.set('appNamespace', this.application.appNamespace);
    if (this.application.project) url.searchParams.append('projects', this.application.project);
    for (;;) {
      const stream = await openHttpStream(url.toString(), {
        ...this.requestOptions(),
        signal,
        connectTimeoutMs: REQUEST_TIMEOUT_MS,
        idleTimeoutMs: WATCH_IDLE_MS,
        maxMessageBytes: MAX_APPLICATION_BYTES,
        maxBytes: MAX_WATCH_BYTES,
      }).catch((error: unknown) => this.explain(error));
      if (!stream.ok) {
        const body = await stream.body().catch(() => Buffer.alloc(0));
        throw this.refusal({ status: stream.status, body });
      }
      try {
        for await (const line of stream.messages()) yield this.watchEvent(line);
        return;
      } catch (error) {
        if (error instanceof HttpIdleError || error instanceof HttpStreamSpentError) continue;
        throw error;
      } finally {
        stream.close();
      }
    }
  }

  /** One line of the watch: `{"result": {"type", "application"}}`, or grpc-gateway's `{"error": {...}}`. */
  private watchEvent(line: string): unknown {
    let event: { result?: { type?: unknown; application?: unknown }; error?: { message?: unknown } };
    try {
      event = JSON.parse(line) as typeof event;
    } catch {
      throw new Error(`Argo CD's watch of application ${this.describe()} sent a line that is not JSON`);
    }
    if (event.error || !event.result?.application) {
      const said = typeof event.error?.message === 'string' ? `: ${redact(event.error.message.slice(0, 300))}` : '';
      throw new Error(`Argo CD's watch of application ${this.describe()} failed${said}`);
    }
    if (event.result.type === 'DELETED') {
      throw new Error(`Argo CD's watch says application ${this.describe()} was deleted`);
    }
    return event.result.application;
  }

  private requestOptions() {
    return {
      headers: { authorization: `Bearer ${this.connection.token}`, accept: 'application/json' },
      transport: this.transport,
      ...(this.connection.caCert ? { ca: this.connection.caCert } : {}),
      ...(this.connection.insecure ? { rejectUnauthorized: false } : {}),
    };
  }

  /** A refused certificate is the user's to fix, with the inputs that fix it. */
  private explain(error: unknown): never {
    if (error instanceof HttpCertificateError) {
      throw new UserError(
        `Argo CD at ${this.connection.server}: the server's certificate was refused (${error.code}); ` +
          `give the CA that signs it in "argocd-ca-cert"${this.connection.caCert ? ' (the one given does not)' : ''}.`,
      );
    }
    throw error;
  }

  private refusal(response: Pick<HttpResponse, 'status' | 'body'>): Error {
    const said = argoMessage(response);
    const where = `Argo CD at ${this.connection.server}`;
    if (response.status === 401) {
      return new UserError(
        `${where} refused "argocd-token" (401${said}): it is expired, revoked or not an Argo CD token.`,
      );
    }
    // Argo CD answers 403, not 404, for an application the token may not see, so that names do not leak.
    if (response.status === 403) {
      return new UserError(
        `${where} does not show application ${this.describe()} to "argocd-token" (403${said}): it does not exist, ` +
          'or the token\'s role lacks "applications, get" on it.',
      );
    }
    if (response.status === 404) {
      return new UserError(`${where} has no application ${this.describe()} (404${said}).`);
    }
    return new Error(`${where} answered ${response.status}${said} for application ${this.describe()}`);
  }

  private describe(): string {
    const { name, appNamespace, project } = this.application;
    return `${appNamespace ? `${appNamespace}/` : ''}${name}${project ? ` in project ${project}` : ''}`;
  }
}

/** `: <message>` from Argo CD's gRPC-gateway error body `{"error", "code", "message"}`, on one redacted line. */
function argoMessage(response: Pick<HttpResponse, 'body'>): string {
  let message: unknown;
  try {
    message = (JSON.parse(response.body.toString('utf8')) as { message?: unknown }).message;
  } catch {
    return '';
  }
  return typeof message === 'string' && message ? `: ${redact(message.replace(/\s+/g, ' ').slice(0, 300))}` : '';
}
