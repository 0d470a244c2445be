import { createWriteStream } from 'node:fs';
import * as http from 'node:http';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import { parseRetryAfter } from '../retry.js';
import { redact } from '../secrets.js';
import { type ClientCertificate, defaultTransport, type HttpTransport, nodeHttps } from './transport.js';

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
  /** false: return every redirect as it is, reads' too (an API server sends none; following one would carry its trust). */
  followRedirects?: boolean;
  /** PEM certificates trusted for this server in place of the built-in list (a private CA). */
  ca?: string;
  /** false: accept any certificate from this server (the caller warns about it). */
  rejectUnauthorized?: boolean;
  /** The name the server's certificate must carry, when it is not the URL's host. */
  servername?: string;
  /** A client certificate and key (PEM) to present. */
  clientCertificate?: ClientCertificate;
}

/** The request did not end in time; says what was asked. */
export class HttpTimeoutError extends Error {
  override readonly name = 'TimeoutError';
  readonly code = 'ETIMEDOUT';
}

/** The answer broke a rule of this client (too long, too many redirects, a redirect it does not follow). */
export class HttpAnswerError extends Error {}

/** The server's certificate was refused (unknown issuer, self-signed, expired, another name). Carries TLS's code. */
export class HttpCertificateError extends Error {
  constructor(
    readonly origin: string,
    readonly code: string,
    reason: string,
  ) {
    super(`The certificate of ${origin} was refused: ${reason} (${code})`);
  }
}

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

export interface HttpStreamInit extends Pick<
  HttpRequestInit,
  'headers' | 'signal' | 'transport' | 'ca' | 'rejectUnauthorized'
> {
  /** Until the answer's status and headers arrive (connection, TLS, proxy tunnel included). */
  connectTimeoutMs: number;
  /** Longest silence between two pieces of the answer; then the stream fails with an HttpIdleError. */
  idleTimeoutMs: number;
  /** A longer message (line) fails the stream. */
  maxMessageBytes: number;
  /** The whole answer; more fails the stream (the caller may open a new one). */
  maxBytes: number;
}

/** An answer read as it arrives, one newline-separated message at a time (JSON lines, as watch APIs send). */
export interface HttpStream {
  status: number;
  ok: boolean;
  url: string;
  header(name: string): string | undefined;
  /** Each non-empty line, as it completes; ends with the answer, throws when a rule of the stream is broken. */
  messages(): AsyncGenerator<string>;
  /** The whole answer, capped at maxMessageBytes: for an error status. */
  body(): Promise<Buffer>;
  /** Stops reading and drops the connection. */
  close(): void;
}

/** The stream was silent for longer than its idle timeout: the server, or something between, may have dropped it. */
export class HttpIdleError extends HttpTimeoutError {}

/** The stream reached its total cap: a long watch, not a broken one; the caller may open a new one. */
export class HttpStreamSpentError extends HttpAnswerError {}

/**
 * GETs `url` and hands its answer over line by line while it lasts, on the same policy as httpRequest (proxy,
 * redirects, server trust), with a deadline for the answer to start, an idle timeout and size caps instead of a
 * deadline for the whole exchange.
 */
export async function openHttpStream(url: string, init: HttpStreamInit): Promise<HttpStream> {
  const what = `GET ${redact(url)}`;
  const started = new AbortController();
  const timer = setTimeout(() => started.abort(), init.connectTimeoutMs);
  const signal = init.signal ? AbortSignal.any([started.signal, init.signal]) : started.signal;
  let answer: { response: http.IncomingMessage; target: URL };
  try {
    answer = await sendFollowingRedirects(
      url,
      { ...init, method: 'GET', timeoutMs: init.connectTimeoutMs, maxBytes: init.maxBytes },
      signal,
    );
  } catch (error) {
    if (started.signal.aborted) {
      throw new HttpTimeoutError(`${what}: no answer within ${seconds(init.connectTimeoutMs)}`, { cause: error });
    }
    if (init.signal?.aborted) throw init.signal.reason;
    throw error;
  } finally {
    clearTimeout(timer);
  }
  const { response, target } = answer;
  const status = response.statusCode ?? 0;
  return {
    status,
    ok: status >= 200 && status < 300,
    url: target.href,
    header: (name) => headerValue(response, name),
    messages: () => streamLines(response, init, `GET ${target.href}`),
    body: () => readCapped(response, init.maxMessageBytes, `GET ${target.href}`),
    close: () => response.destroy(),
  };
}

async function* streamLines(
  response: http.IncomingMessage,
  limits: Pick<HttpStreamInit, 'idleTimeoutMs' | 'maxMessageBytes' | 'maxBytes'>,
  what: string,
): AsyncGenerator<string> {
  let idle: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(idle);
    idle = setTimeout(
      () => response.destroy(new HttpIdleError(`${redact(what)}: nothing for ${seconds(limits.idleTimeoutMs)}`)),
      limits.idleTimeoutMs,
    );
  };
  let parts: Buffer[] = [];
  let partBytes = 0;
  let total = 0;
  const take = (piece: Buffer) => {
    partBytes += piece.length;
    if (partBytes > limits.maxMessageBytes) {
      throw new HttpAnswerError(`${redact(what)} sent a message longer than ${limits.maxMessageBytes} bytes`);
    }
    parts.push(piece);
  };
  try {
    arm();
    for await (const chunk of response as AsyncIterable<Buffer>) {
      arm();
      total += chunk.length;
      if (total > limits.maxBytes) {
        throw new HttpStreamSpentError(`${redact(what)} streamed more than ${limits.maxBytes} bytes`);
      }
      let start = 0;
      // A newline byte never occurs inside a UTF-8 sequence: splitting the bytes there is safe.
      for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
        take(chunk.subarray(start, end));
        const line = Buffer.concat(parts).toString('utf8').trim();
        parts = [];
        partBytes = 0;
        start = end + 1;
        if (line) yield line;
      }
      take(chunk.subarray(start));
    }
    const last = Buffer.concat(parts).toString('utf8').trim();
    if (last) yield last;
  } finally {
    clearTimeout(idle);
    response.destroy();
  }
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
  const read = (init.method === 'GET' || init.method === 'HEAD') && init.followRedirects !== false;
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
  const route = (init.transport ?? defaultTransport()).route(target, {
    ca: init.ca,
    rejectUnauthorized: init.rejectUnauthorized,
    servername: init.servername,
    clientCertificate: init.clientCertificate,
  });
  const headers: Record<string, string> = { ...init.headers };
  if (route.proxyAuthorization) headers['Proxy-Authorization'] = route.proxyAuthorization;
  const options: http.RequestOptions = { method: init.method, headers, agent: route.agent, signal };
  if (route.absoluteForm) options.path = target.href;
  const transport = target.protocol === 'https:' ? nodeHttps() : http;
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
    request.on('error', (error: NodeJS.ErrnoException) => reject(certificateError(target, error) ?? error));
    request.end(init.body);
  });
}

// OpenSSL's verify errors as Node names them, and Node's own for a certificate issued to another name.
const CERTIFICATE_CODES = /^(ERR_TLS_CERT_ALTNAME_INVALID|.*CERT.*|UNABLE_TO_VERIFY_LEAF_SIGNATURE)$/;

function certificateError(target: URL, error: NodeJS.ErrnoException): HttpCertificateError | undefined {
  if (!error.code || !CERTIFICATE_CODES.test(error.code)) return undefined;
  return new HttpCertificateError(target.origin, error.code, error.message.replace(/\s+/g, ' '));
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
