/**
 * A test double in front of the test bed's real registry (distribution 2.8 answers anonymously): it demands the
 * login a hosted registry demands, a bearer token from its token endpoint (as ghcr.io and Docker Hub do) or HTTP
 * basic auth, and can fail the first requests with 503. Authorized requests go to the real registry unchanged.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface AuthRegistryProxyOptions {
  upstream: string;
  scheme: 'bearer' | 'basic';
  username: string;
  password: string;
  /** How many /v2/ requests fail with 503 before it serves. */
  failFirst?: number;
}

const TOKEN = 'proxy-issued-token';
const SERVICE = 'auth-registry-proxy';

export class AuthRegistryProxy {
  /** Every request it received: method, path and query. */
  readonly requests: string[] = [];
  private failuresLeft: number;

  private constructor(
    private readonly server: Server,
    private readonly options: AuthRegistryProxyOptions,
  ) {
    this.failuresLeft = options.failFirst ?? 0;
  }

  static async start(options: AuthRegistryProxyOptions): Promise<AuthRegistryProxy> {
    const server = createServer();
    const proxy = new AuthRegistryProxy(server, options);
    server.on('request', (request, response) => void proxy.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return proxy;
  }

  /** `127.0.0.1:PORT`, a loopback registry host. */
  get host(): string {
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.requests.push(`${request.method} ${request.url}`);
    const url = new URL(request.url ?? '/', `http://${this.host}`);
    if (url.pathname === '/token') return this.issueToken(request, url, response);
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      return void response.writeHead(503).end('try later');
    }
    if (!this.authorized(request.headers.authorization)) {
      const challenge =
        this.options.scheme === 'basic'
          ? 'Basic realm="registry"'
          : `Bearer realm="http://${this.host}/token",service="${SERVICE}"`;
      return void response.writeHead(401, { 'WWW-Authenticate': challenge }).end();
    }
    const upstream = await fetch(`http://${this.options.upstream}${url.pathname}${url.search}`, {
      method: request.method,
      headers: { accept: request.headers.accept ?? '*/*' },
    });
    const headers: Record<string, string> = {};
    upstream.headers.forEach((value, key) => (headers[key] = value));
    response.writeHead(upstream.status, headers).end(Buffer.from(await upstream.arrayBuffer()));
  }

  private issueToken(request: IncomingMessage, url: URL, response: ServerResponse): void {
    const scoped =
      url.searchParams.get('service') === SERVICE && /^repository:.+:pull$/.test(url.searchParams.get('scope') ?? '');
    if (!scoped || request.headers.authorization !== this.basic()) return void response.writeHead(401).end();
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ token: TOKEN }));
  }

  private authorized(header: string | undefined): boolean {
    return header === (this.options.scheme === 'basic' ? this.basic() : `Bearer ${TOKEN}`);
  }

  private basic(): string {
    return `Basic ${Buffer.from(`${this.options.username}:${this.options.password}`).toString('base64')}`;
  }
}
