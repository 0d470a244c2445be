import { BlockList, isIP } from 'node:net';
import { registerSecret } from '../secrets.js';

/** The environment a proxy decision reads: HTTPS_PROXY, HTTP_PROXY and NO_PROXY, in either case. */
export type ProxyEnvironment = Record<string, string | undefined>;

/** A forward proxy to send a request through. */
export interface ProxyRoute {
  /** The proxy's own URL, credentials removed. */
  url: URL;
  /** `Basic …` from the credentials in the proxy URL, sent as Proxy-Authorization; registered as a secret. */
  authorization?: string;
}

/**
 * The proxy a request to `target` goes through, or undefined to go direct: HTTPS_PROXY for https, HTTP_PROXY for
 * http (the lower-case spelling first, as curl reads them), unless NO_PROXY names the host. Loopback is always
 * direct, as Go (docker, trivy, cosign) and @actions/http-client do: a proxy cannot reach this machine's loopback.
 */
export function proxyFor(target: URL, env: ProxyEnvironment = process.env): ProxyRoute | undefined {
  const name = target.protocol === 'https:' ? 'https_proxy' : target.protocol === 'http:' ? 'http_proxy' : undefined;
  if (!name) return undefined;
  const configured = (env[name] || env[name.toUpperCase()])?.trim();
  if (!configured) return undefined;
  if (isLoopback(target.hostname) || bypassesProxy(target, env.no_proxy ?? env.NO_PROXY ?? '')) return undefined;
  return parseProxyUrl(configured, name.toUpperCase());
}

/** A proxy URL (scheme optional: http is assumed) with its credentials taken out and registered as secrets. */
export function parseProxyUrl(value: string, variable: string): ProxyRoute {
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`);
  } catch {
    throw new Error(`${variable} is not a URL: ${maskCredentials(value)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`${variable} names a ${url.protocol} proxy; only http:// and https:// proxies are supported.`);
  }
  let authorization: string | undefined;
  if (url.username || url.password) {
    const user = decodeURIComponent(url.username);
    const password = decodeURIComponent(url.password);
    registerSecret(password);
    registerSecret(url.password);
    authorization = `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
    registerSecret(authorization.slice('Basic '.length));
    url.username = '';
    url.password = '';
  }
  return { url, authorization };
}

/**
 * Whether NO_PROXY sends `target` direct. Entries, comma- or space-separated: `*` (everything); a host name, which
 * matches itself and its subdomains (`example.com`), or only its subdomains with a leading dot or `*.`
 * (`.example.com`); an IP address; a CIDR range (`10.0.0.0/8`, `fd00::/8`), which matches IP-address hosts; each
 * optionally with `:port`, which then must match too.
 */
export function bypassesProxy(target: URL, noProxy: string): boolean {
  const host = bareHost(target.hostname).toLowerCase();
  const port = Number(target.port || (target.protocol === 'https:' ? 443 : 80));
  return noProxy
    .split(/[\s,]+/)
    .filter(Boolean)
    .some((entry) => entry === '*' || matches(parseEntry(entry.toLowerCase()), host, port));
}

interface NoProxyEntry {
  host: string;
  port?: number;
  prefix?: number;
}

function parseEntry(entry: string): NoProxyEntry {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed) return { host: bracketed[1]!, port: bracketed[2] ? Number(bracketed[2]) : undefined };
  const cidr = /^(.+)\/(\d{1,3})$/.exec(entry);
  if (cidr && isIP(cidr[1]!)) return { host: cidr[1]!, prefix: Number(cidr[2]) };
  if (isIP(entry)) return { host: entry };
  const withPort = /^(.*):(\d+)$/.exec(entry);
  return withPort ? { host: withPort[1]!, port: Number(withPort[2]) } : { host: entry };
}

function matches(entry: NoProxyEntry, host: string, port: number): boolean {
  if (entry.port !== undefined && entry.port !== port) return false;
  const family = isIP(entry.host);
  if (family !== 0) {
    const hostFamily = isIP(host);
    if (hostFamily === 0) return false;
    const list = new BlockList();
    const type = family === 6 ? 'ipv6' : 'ipv4';
    if (entry.prefix === undefined) list.addAddress(entry.host, type);
    else list.addSubnet(entry.host, entry.prefix, type);
    return list.check(host, hostFamily === 6 ? 'ipv6' : 'ipv4');
  }
  const name = entry.host.replace(/^\*?\./, '');
  if (name === '') return false;
  const subdomainsOnly = name !== entry.host;
  return host.endsWith(`.${name}`) || (!subdomainsOnly && host === name);
}

function isLoopback(hostname: string): boolean {
  const host = bareHost(hostname).toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  const family = isIP(host);
  if (family === 0) return false;
  const loopback = new BlockList();
  loopback.addSubnet('127.0.0.0', 8, 'ipv4');
  loopback.addAddress('::1', 'ipv6');
  return loopback.check(host, family === 6 ? 'ipv6' : 'ipv4');
}

function bareHost(hostname: string): string {
  return hostname.replace(/^\[(.*)\]$/, '$1');
}

/** A proxy URL as it may be printed: `http://user:***@host`. */
export function maskCredentials(value: string): string {
  return value.replace(/\/\/([^:/@]*):[^@/]*@/, '//$1:***@');
}
