import * as http from 'node:http';
import type * as https from 'node:https';
import type { Duplex } from 'node:stream';
import type * as tls from 'node:tls';
import { redact } from '../secrets.js';
import { type ProxyEnvironment, type ProxyRoute, proxyFor } from './proxy.js';

export interface HttpTransportOptions {
  /** Where HTTPS_PROXY / HTTP_PROXY / NO_PROXY are read, at each request; default the process's environment. */
  env?: ProxyEnvironment;
  /** Extra trusted certificates (tests; on a runner, NODE_EXTRA_CA_CERTS does this). */
  ca?: string | Buffer;
}

/** How one request checks the server's certificate, when it is not the transport's default. */
export interface ServerTrust {
  /** PEM certificates trusted for this server in place of the built-in list (a private CA), as curl's --cacert. */
  ca?: string;
  /** false: accept any certificate (an explicit, warned-about choice of the caller). */
  rejectUnauthorized?: boolean;
  /** The name the server's certificate must carry, when it is not the URL's host (a kubeconfig's tls-server-name). */
  servername?: string;
  /** A client certificate and its key (PEM) this client proves itself with (a kubeconfig user's). */
  clientCertificate?: ClientCertificate;
}

/** A client certificate and its private key, PEM. */
export interface ClientCertificate {
  cert: string;
  key: string;
}

/** How one request leaves this machine: the agent to hand node:http, and what to send. */
export interface Route {
  agent: http.Agent;
  /** The proxy it goes through, if any, for messages. */
  proxy?: URL;
  /** Through an HTTP proxy, the request line carries the absolute URL and the proxy's credentials ride along. */
  absoluteForm: boolean;
  proxyAuthorization?: string;
}

/**
 * Picks, per request, the direct or proxied way to the target, and keeps one kept-alive agent per way (direct http,
 * direct https, each proxy for http, each proxy tunnel for https) and per server trust, so connections are reused
 * across calls and a connection checked with one trust is never handed to a request that asked for another.
 */
export class HttpTransport {
  private readonly agents = new Map<string, http.Agent>();

  constructor(private readonly options: HttpTransportOptions = {}) {}

  route(target: URL, trust: ServerTrust = {}): Route {
    const proxy = proxyFor(target, this.options.env ?? process.env);
    const secure = target.protocol === 'https:';
    const trustKey = secure ? trustKeyOf(trust) : '';
    if (!proxy) {
      const agent = secure
        ? this.agent(`https:${trustKey}`, () => new (nodeHttps().Agent)({ keepAlive: true, ...this.tlsOptions(trust) }))
        : this.agent('http:', () => new http.Agent({ keepAlive: true }));
      return { agent, absoluteForm: false };
    }
    if (!secure) {
      const agent = this.agent(`http via ${proxy.url.href}`, () => this.proxyAgent(proxy));
      return { agent, proxy: proxy.url, absoluteForm: true, proxyAuthorization: proxy.authorization };
    }
    const agent = this.agent(`https via ${proxy.url.href}${trustKey}`, () =>
      tunnelAgent(proxy, this.tlsOptions(trust), this.tlsOptions({})),
    );
    return { agent, proxy: proxy.url, absoluteForm: false };
  }

  private agent(key: string, create: () => http.Agent): http.Agent {
    let agent = this.agents.get(key);
    if (!agent) this.agents.set(key, (agent = create()));
    return agent;
  }

  /** Absolute-form requests to the proxy itself: its connection is what is kept alive. */
  private proxyAgent(proxy: ProxyRoute): http.Agent {
    const base: http.Agent =
      proxy.url.protocol === 'https:'
        ? new (nodeHttps().Agent)({ keepAlive: true, ...this.tlsOptions({}) })
        : new http.Agent({ keepAlive: true });
    const connect = base.createConnection.bind(base) as (options: object, callback: unknown) => Duplex;
    const target = { host: proxy.url.hostname.replace(/^\[(.*)\]$/, '$1'), port: proxyPort(proxy.url) };
    // Every connection goes to the proxy, whatever host the request names.
    base.createConnection = ((options: object, callback: unknown) =>
      connect({ ...options, ...target, servername: target.host }, callback)) as typeof base.createConnection;
    return base;
  }

  /** The request's own trust, else the transport's (Node's roots plus `options.ca`). */
  private tlsOptions(trust: ServerTrust): tls.ConnectionOptions {
    const options: tls.ConnectionOptions = trust.ca
      ? { ca: trust.ca }
      : this.options.ca
        ? { ca: [...nodeTls().rootCertificates, this.options.ca.toString()] }
        : {};
    if (trust.rejectUnauthorized === false) options.rejectUnauthorized = false;
    if (trust.servername) options.servername = trust.servername;
    if (trust.clientCertificate) Object.assign(options, trust.clientCertificate);
    return options;
  }

  /** Closes every kept-alive connection (tests; an action's process ends anyway). */
  close(): void {
    for (const agent of this.agents.values()) agent.destroy();
    this.agents.clear();
  }
}

/**
 * HTTPS through a proxy: an agent whose every connection is a CONNECT tunnel to the target, with TLS to the target
 * inside it. `tlsOptions`: how the target's certificate is checked, inside the tunnel; `proxyTls`: how an https
 * proxy's own certificate is checked, never with the target's trust.
 */
function tunnelAgent(
  proxy: ProxyRoute,
  tlsOptions: tls.ConnectionOptions,
  proxyTls: tls.ConnectionOptions,
): http.Agent {
  const { checkServerIdentity, connect: connectTls } = nodeTls();
  const agent = new (nodeHttps().Agent)({ keepAlive: true, ...tlsOptions });
  agent.createConnection = ((
    options: https.RequestOptions & tls.ConnectionOptions,
    callback: (error: Error | null, socket?: Duplex) => void,
  ): undefined => {
    const host = String(options.host ?? options.hostname ?? 'localhost').replace(/^\[(.*)\]$/, '$1');
    const port = Number(options.port ?? 443);
    const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
    const headers: Record<string, string> = { Host: authority };
    if (proxy.authorization) headers['Proxy-Authorization'] = proxy.authorization;
    const transport = proxy.url.protocol === 'https:' ? nodeHttps() : http;
    const connect = transport.request({
      host: proxy.url.hostname.replace(/^\[(.*)\]$/, '$1'),
      port: proxyPort(proxy.url),
      method: 'CONNECT',
      path: authority,
      headers,
      agent: false,
      signal: options.signal ?? undefined,
      ...proxyTls,
    });
    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      callback(error);
    };
    connect.once('connect', (response, socket) => {
      if (response.statusCode !== 200) {
        socket.destroy();
        return fail(
          new Error(
            `The proxy ${redact(proxy.url.origin)} refused to open a tunnel to ${authority}: ` +
              `HTTP ${response.statusCode} ${response.statusMessage ?? ''}`.trim(),
          ),
        );
      }
      // The socket is the tunnel: host, port and path must not make tls open a connection of its own.
      const servername = tlsOptions.servername;
      const secure = connectTls({
        ...options,
        host: undefined,
        port: undefined,
        path: undefined,
        socket,
        servername: servername ?? (isIpAddress(host) ? undefined : host),
        // Given no host, tls would check the certificate against "localhost": it must carry the target's name or IP.
        checkServerIdentity: (_name, cert) => checkServerIdentity(servername ?? host, cert),
      });
      settled = true;
      callback(null, secure);
    });
    connect.once('error', (error) =>
      fail(
        Object.assign(new Error(`The proxy ${redact(proxy.url.origin)} did not answer: ${error.message}`), {
          code: (error as NodeJS.ErrnoException).code,
        }),
      ),
    );
    // A proxy that never answers the CONNECT must not hold the request past its own deadline.
    connect.setTimeout(Number(options.timeout ?? CONNECT_TIMEOUT_MS), () =>
      connect.destroy(Object.assign(new Error('no answer to CONNECT'), { code: 'ETIMEDOUT' })),
    );
    connect.end();
    return undefined;
  }) as typeof agent.createConnection;
  return agent;
}

const CONNECT_TIMEOUT_MS = 30_000;

/** Part of an agent's key: agents differ by trust; a CA or a client key is named by its hash, not kept in the key. */
function trustKeyOf(trust: ServerTrust): string {
  const hash = (text: string) =>
    process.getBuiltinModule('node:crypto').createHash('sha256').update(text).digest('hex').slice(0, 16);
  const ca = trust.ca ? ` ca ${hash(trust.ca)}` : '';
  const client = trust.clientCertificate
    ? ` client ${hash(trust.clientCertificate.cert + trust.clientCertificate.key)}`
    : '';
  const name = trust.servername ? ` name ${trust.servername}` : '';
  return `${ca}${client}${name}${trust.rejectUnauthorized === false ? ' insecure' : ''}`;
}

function proxyPort(url: URL): number {
  return Number(url.port || (url.protocol === 'https:' ? 443 : 80));
}

function isIpAddress(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(':');
}

/**
 * Node's TLS stack, loaded on the first https URL or proxy, not at import: loading it costs ~20 ms of CPU (bare
 * `node -e 0`: 24 ms; with `require('https')`: 45 ms, Node 24 on the bench machine), which a step that only speaks
 * plain HTTP (a registry on localhost, in a cluster or on the test bed) need not pay.
 */
export function nodeHttps(): typeof https {
  return process.getBuiltinModule('node:https');
}

function nodeTls(): typeof tls {
  return process.getBuiltinModule('node:tls');
}

let shared: HttpTransport | undefined;

/** The process's transport: the environment's proxy settings, Node's trusted certificates. */
export function defaultTransport(): HttpTransport {
  return (shared ??= new HttpTransport());
}
