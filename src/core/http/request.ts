import { createWriteStream } from 'node:fs';
import * as http from 'node:http';
import * as https from 'node:https';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { parseRetryAfter } from '../retry.js';
import { redact } from '../secrets.js';
import { defaultTransport, type HttpTransport } from './transport.js';

/** What a caller needs of an answer: status, headers and the whole (capped) body. */
export interface HttpResponse {
  status: number;
  ok: boolean;
  header(name: string): string | undefined;
  /** Every header, lower-case names, repeated ones joined with ", ". */
  headers: Record<string, string>;
  body: Buffer;
  /** Where the answer came from, after any redirects. */
  url: string;
  redirected: boolean;
}

export interface HttpRequestInit {
  method: string;
  headers?: Record<string, string>;
  body?: Buffer;
  /** For the whole exchange, redirects and body included. */
  timeoutMs: number;
  /** A longer answer fails the request, without reading the rest. */
  maxBytes: number;
  /** Ends the request early (Octokit passes one). */
  signal?: AbortSignal;
  /** Default: the process's (its proxy settings, kept-alive connections). */
  transport?: HttpTransport;
  /**
   * Follow a 307/308 answer to a write to the same origin, resending it (GitHub's API does this for a renamed
   * repository). By default a write's redirect is returned as it is.
   */
  followWriteRedirects?: boolean;
}

/** The request did not end in time; says what was asked. */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
}

/** The answer broke a rule of this client (too long, too many redirects, a redirect it does not follow). */
export class HttpAnswerError extends Error {}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/**
 * One HTTP exchange over node:http, through the proxy the environment names for the target (see proxy.ts). Reads
 * (GET, HEAD) follow redirects, as registries send blob reads to a storage host, without the Authorization header
 * once they leave the origin, and never from https to http; more than five redirects is an error. Network errors
 * carry their `code`; running out of time is an HttpTimeoutError.
 */
export async function httpRequest(url: string, init: HttpRequestInit): Promise<HttpResponse> {
  return withDeadline(init, url, async (signal) => {
    const { response, target } = await sendFollowingRedirects(url, init, signal);
    const body = await readCapped(response, init.maxBytes, `${init.method} ${target.href}`);
    const status = response.statusCode ?? 0;
    return {
      status,
      ok: status >= 200 && status < 300,
      header: (name) => headerValue(response, name),
      headers: Object.fromEntries(Object.keys(response.headers).map((name) => [name, headerValue(response, name)!])),
      body,
      url: target.href,
      redirected: target.href !== new URL(url).href,
    };
  });
}

/** GETs `url` into the file `dest`, following redirects; a non-2xx answer is an HttpStatusError. */
export async function downloadToFile(
  url: string,
  dest: string,
  init: Omit<HttpRequestInit, 'method' | 'body' | 'followWriteRedirects'>,
): Promise<void> {
  await withDeadline({ ...init, method: 'GET' }, url, async (signal) => {
    const { response, target } = await sendFollowingRedirects(url, { ...init, method: 'GET' }, signal);
    const status = response.statusCode ?? 0;
    if (status < 200 || status >= 300) {
      response.resume();
      const retryAfter = parseRetryAfter(headerValue(response, 'retry-after'));
      throw new HttpStatusError(status, response.statusMessage ?? '', `GET ${target.href}`, retryAfter);
    }
    let length = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        length += chunk.length;
        if (length > init.maxBytes) done(tooLarge(`GET ${target.href}`, init.maxBytes));
        else done(null, chunk);
      },
    });
    await pipeline(response, cap, createWriteStream(dest), { signal });
  });
}

/** A status the caller cannot use, with what was asked. */
export class HttpStatusError extends Error {
  constructor(
    readonly status: number,
    readonly statusText: string,
    what: string,
    /** What a 429 or 503 asked for in Retry-After. */
    readonly retryAfterMs?: number,
  ) {
    super(`${what} answered HTTP ${[status, statusText].filter(Boolean).join(' ')}`);
  }
}

async function withDeadline<T>(
  init: Pick<HttpRequestInit, 'method' | 'timeoutMs' | 'signal'>,
  url: string,
  exchange: (signal: AbortSignal) => Promise<T>,
): Promise<T> {
  const deadline = AbortSignal.timeout(init.timeoutMs);
  const signal = init.signal ? AbortSignal.any([deadline, init.signal]) : deadline;
  try {
    return await exchange(signal);
  } catch (error) {
    if (deadline.aborted) {
      throw new HttpTimeoutError(`${init.method} ${redact(url)}: no answer within ${seconds(init.timeoutMs)}`, {
        cause: error,
      });
    }
    if (init.signal?.aborted) throw init.signal.reason;
    throw error;
  }
}

async function sendFollowingRedirects(
  url: string,
  init: HttpRequestInit,
  signal: AbortSignal,
): Promise<{ response: http.IncomingMessage; target: URL }> {
  const read = init.method === 'GET' || init.method === 'HEAD';
  let target = new URL(url);
  let headers = init.headers ?? {};
  for (let redirects = 0; ; redirects++) {
    const response = await send(target, { ...init, headers }, signal);
    const location = headerValue(response, 'location');
    const status = response.statusCode ?? 0;
    if (!REDIRECTS.has(status) || !location) return { response, target };
    const next = new URL(location, target);
    const resent = init.followWriteRedirects && (status === 307 || status === 308) && next.origin === target.origin;
    if (!read && !resent) return { response, target };
    response.resume();
    if (redirects === MAX_REDIRECTS) {
      throw new HttpAnswerError(
        `${init.method} ${redact(url)} was still redirected after ${MAX_REDIRECTS} redirects (last HTTP ${status} to ${redact(next.href)})`,
      );
    }
    if (next.protocol !== 'https:' && (next.protocol !== 'http:' || target.protocol === 'https:')) {
      throw new HttpAnswerError(
        `${target.origin} redirected to ${next.protocol}//${next.host}, which this client does not follow`,
      );
    }
    if (next.origin !== target.origin) headers = withoutAuthorization(headers);
    target = next;
  }
}

function send(target: URL, init: HttpRequestInit, signal: AbortSignal): Promise<http.IncomingMessage> {
  const route = (init.transport ?? defaultTransport()).route(target);
  const headers: Record<string, string> = { ...init.headers };
  if (route.proxyAuthorization) headers['Proxy-Authorization'] = route.proxyAuthorization;
  const options: http.RequestOptions = { method: init.method, headers, agent: route.agent, signal };
  if (route.absoluteForm) options.path = target.href;
  const transport = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(target, options, (response) => {
      if (response.statusCode === 407 && route.proxy) {
        response.resume();
        reject(
          new HttpAnswerError(
            `The proxy ${redact(route.proxy.origin)} refused ${init.method} ${target.href}: HTTP 407`,
          ),
        );
        return;
      }
      const length = Number(response.headers['content-length']);
      if (init.method !== 'HEAD' && length > init.maxBytes) {
        response.destroy();
        reject(tooLarge(`${init.method} ${target.href}`, init.maxBytes));
        return;
      }
      resolve(response);
    });
    request.on('error', reject);
    request.end(init.body);
  });
}

function readCapped(response: http.IncomingMessage, maxBytes: number, what: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let length = 0;
    response.on('data', (chunk: Buffer) => {
      length += chunk.length;
      if (length <= maxBytes) chunks.push(chunk);
      else response.destroy(tooLarge(what, maxBytes));
    });
    response.on('error', reject);
    response.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

function tooLarge(what: string, maxBytes: number): HttpAnswerError {
  return new HttpAnswerError(`${redact(what)} answered more than ${maxBytes} bytes`);
}

function headerValue(response: http.IncomingMessage, name: string): string | undefined {
  const value = response.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
