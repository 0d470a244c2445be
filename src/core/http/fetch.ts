import { STATUS_CODES } from 'node:http';
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
export function policyFetch(
  options: PolicyFetchOptions,
): (url: string | URL, init?: FetchInit) => Promise<FetchAnswer> {
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
    return new FetchAnswer(answer);
  };
}

/**
 * The part of a fetch `Response` that Octokit reads (status, url, headers, the body as text, JSON or bytes), over an
 * answer already read whole. Not the global Response: its first use loads Node's bundled undici, about 25 ms of a
 * step's start (open-gitops-pr, docs/performance.md). `body` builds a real Response's stream when something asks.
 */
export class FetchAnswer {
  readonly status: number;
  readonly statusText: string;
  readonly ok: boolean;
  readonly url: string;
  readonly redirected: boolean;
  readonly headers: AnswerHeaders;
  private readonly bytes: Buffer | null;

  constructor(answer: HttpResponse) {
    this.status = answer.status;
    this.statusText = STATUS_CODES[answer.status] ?? '';
    this.ok = answer.ok;
    this.url = answer.url;
    this.redirected = answer.redirected;
    this.headers = new AnswerHeaders(answer.headers);
    this.bytes = NULL_BODY.has(answer.status) ? null : answer.body;
  }

  get body(): ReadableStream<Uint8Array> | null {
    return this.bytes === null ? null : new Response(this.bytes).body;
  }

  /** As Response.text(): UTF-8, a leading byte order mark dropped. */
  async text(): Promise<string> {
    const text = this.bytes === null ? '' : this.bytes.toString('utf8');
    return text.startsWith('\uFEFF') ? text.slice(1) : text;
  }

  async json(): Promise<unknown> {
    return JSON.parse(await this.text());
  }

  async arrayBuffer(): Promise<ArrayBuffer> {
    const bytes = this.bytes ?? Buffer.alloc(0);
    return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  }
}

/** Read-only headers, looked up whatever the case of the name; iterated as [lower-case name, value] pairs, sorted. */
export class AnswerHeaders implements Iterable<[string, string]> {
  private readonly byName: Map<string, string>;

  constructor(headers: Record<string, string>) {
    const entries = Object.entries(headers).map(([name, value]): [string, string] => [name.toLowerCase(), value]);
    this.byName = new Map(entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  get(name: string): string | null {
    return this.byName.get(name.toLowerCase()) ?? null;
  }

  has(name: string): boolean {
    return this.byName.has(name.toLowerCase());
  }

  forEach(visit: (value: string, name: string) => void): void {
    for (const [name, value] of this.byName) visit(value, name);
  }

  entries(): IterableIterator<[string, string]> {
    return this.byName.entries();
  }

  [Symbol.iterator](): IterableIterator<[string, string]> {
    return this.byName.entries();
  }
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
