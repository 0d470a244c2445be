import { httpRequest, type HttpRequestInit, type HttpResponse } from '../build/http-request.js';
import { UserError } from '../errors.js';
import { redact } from '../secrets.js';

const REQUEST_TIMEOUT_MS = 30_000;
// An Application with thousands of resources lists each in its status.
const MAX_APPLICATION_BYTES = 16 * 1024 * 1024;

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

/** What the Argo CD client needs of HTTP: httpRequest, plus the TLS trust of this one server. */
export type ArgoCdRequester = (
  url: string,
  init: HttpRequestInit & { ca?: string; rejectUnauthorized?: boolean },
) => Promise<HttpResponse>;

/** Reads one Application through Argo CD's REST API (`GET /api/v1/applications/{name}`) with a bearer token. */
export class ArgoCdApplicationReader {
  constructor(
    private readonly connection: ArgoCdConnection,
    private readonly application: ApplicationName,
    private readonly request: ArgoCdRequester = httpRequest,
  ) {}

  /** The Application; `refresh` asks Argo CD to compare with the repository's tip first (a normal refresh). */
  async read(refresh = false): Promise<unknown> {
    const url = new URL(`${this.connection.server.replace(/\/+$/, '')}/api/v1/applications/`);
    url.pathname += encodeURIComponent(this.application.name);
    if (this.application.appNamespace) url.searchParams.set('appNamespace', this.application.appNamespace);
    if (this.application.project) url.searchParams.append('project', this.application.project);
    if (refresh) url.searchParams.set('refresh', 'normal');
    const response = await this.request(url.toString(), {
      method: 'GET',
      headers: { authorization: `Bearer ${this.connection.token}`, accept: 'application/json' },
      timeoutMs: REQUEST_TIMEOUT_MS,
      maxBytes: MAX_APPLICATION_BYTES,
      ...(this.connection.caCert ? { ca: this.connection.caCert } : {}),
      ...(this.connection.insecure ? { rejectUnauthorized: false } : {}),
    });
    if (!response.ok) throw this.refusal(response);
    try {
      return JSON.parse(response.body.toString('utf8')) as unknown;
    } catch {
      throw new Error(`Argo CD at ${this.connection.server} answered application ${this.describe()} with no JSON`);
    }
  }

  private refusal(response: HttpResponse): Error {
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
function argoMessage(response: HttpResponse): string {
  let message: unknown;
  try {
    message = (JSON.parse(response.body.toString('utf8')) as { message?: unknown }).message;
  } catch {
    return '';
  }
  return typeof message === 'string' && message ? `: ${redact(message.replace(/\s+/g, ' ').slice(0, 300))}` : '';
}
