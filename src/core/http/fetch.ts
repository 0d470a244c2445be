import { redact } from '../secrets.js';
import { httpRequest, type HttpResponse } from './request.js';
import type { HttpTransport } from './transport.js';

export interface PolicyFetchOptions {
  /** For each request, redirects and body included. */
  timeoutMs: number;
  /** A longer answer fails the request without being read. */
  maxBytes: number;
  /** Default: the process's (proxy from the environment, kept-alive connections). */
  transport?: HttpTransport;
}

/**
 * The request policy failed the request (time, size, redirects). Named AbortError on purpose: Octokit then passes
 * it on as it is, and its retry plugin does not multiply a deadline that has already been spent.
 */
export class RequestAbandonedError extends Error {
  override readonly name = 'AbortError';
}

type FetchInit = {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal | null;
};

const NULL_BODY = new Set([101, 204, 205, 304]);

/**
 * A `fetch` for Octokit on the one request policy: the environment's proxy, a deadline per request, an answer-size
 * cap; redirects followed (a write's only with 307/308 on the same origin), and an empty answer after a redirect
 * refused, since the API never answers that way and the caller would fail later on a missing field.
 */
export function policyFetch(options: PolicyFetchOptions): (url: string | URL, init?: FetchInit) => Promise<Response> {
  return async (url, init = {}) => {
    const method = (init.method ?? 'GET').toUpperCase();
    const asked = `${method} ${redact(String(url))}`;
    let answer: HttpResponse;
    try {
      answer = await httpRequest(String(url), {
        method,
        headers: init.headers,
        body: bodyBytes(init.body),
        signal: init.signal ?? undefined,
        timeoutMs: options.timeoutMs,
        maxBytes: options.maxBytes,
        transport: options.transport,
        followWriteRedirects: true,
      });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      throw new RequestAbandonedError((error as Error).message, { cause: error });
    }
    refuseOddAnswers(asked, method, answer);
    const response = new Response(NULL_BODY.has(answer.status) ? null : answer.body, {
      status: answer.status,
      headers: Object.entries(answer.headers),
    });
    Object.defineProperty(response, 'url', { value: answer.url });
    return response;
  };
}

function refuseOddAnswers(asked: string, method: string, answer: HttpResponse): void {
  const location = answer.header('location');
  if (answer.status >= 300 && answer.status < 400 && answer.status !== 304) {
    throw new RequestAbandonedError(
      `${asked} was answered HTTP ${answer.status}${location ? ` to ${redact(new URL(location, answer.url).href)}` : ''}, which this client does not follow for a ${method}`,
    );
  }
  const text = answer.body.toString('utf8').trim();
  if (
    answer.redirected &&
    answer.ok &&
    !NULL_BODY.has(answer.status) &&
    method !== 'HEAD' &&
    /^(\{\s*\})?$/.test(text)
  ) {
    throw new RequestAbandonedError(
      `${asked} was redirected to ${redact(answer.url)}, which answered HTTP ${answer.status} with ${text ? '{}' : 'nothing'}: not an API answer`,
    );
  }
}

function bodyBytes(body: unknown): Buffer | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string') return Buffer.from(body);
  if (Buffer.isBuffer(body)) return body;
  if (body instanceof ArrayBuffer) return Buffer.from(body);
  if (ArrayBuffer.isView(body)) return Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  throw new TypeError(`A request body of type ${Object.prototype.toString.call(body)} is not supported here.`);
}
