import * as http from 'node:http';
import * as https from 'node:https';

/** What a registry call needs of an answer: status, headers and the whole (small) body. */
export interface HttpResponse {
  status: number;
  ok: boolean;
  header(name: string): string | undefined;
  body: Buffer;
}

export interface HttpRequestInit {
  method: string;
  headers?: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  /** A longer answer fails the request: registry manifests, configs and tokens are small. */
  maxBytes: number;
}

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
// Kept alive across calls: a lookup, a tag and a read-back go to one registry within a second.
const AGENTS = { 'http:': new http.Agent({ keepAlive: true }), 'https:': new https.Agent({ keepAlive: true }) };

/**
 * One HTTP exchange with node:http. Reads (GET, HEAD) follow redirects, as registries send blob reads to a storage
 * host, without the Authorization header once they leave the origin, and never from https to http; a write's
 * redirect is returned as it is. Not fetch: on a registry's small answers node:http takes a third of the time, and it
 * has no first-call cost of tens of milliseconds. Network errors carry their `code`; running out of time is a
 * TimeoutError.
 */
export async function httpRequest(url: string, init: HttpRequestInit): Promise<HttpResponse> {
  const signal = AbortSignal.timeout(init.timeoutMs);
  const follows = init.method === 'GET' || init.method === 'HEAD';
  let target = new URL(url);
  let headers = init.headers ?? {};
  for (let redirects = 0; ; redirects++) {
    const response = await exchange(target, { ...init, headers }, signal);
    const location = response.header('location');
    if (!follows || !REDIRECTS.has(response.status) || !location || redirects === MAX_REDIRECTS) return response;
    const next = new URL(location, target);
    if (next.protocol !== 'https:' && (next.protocol !== 'http:' || target.protocol === 'https:')) {
      throw new Error(
        `${target.origin} redirected to ${next.protocol}//${next.host}, which this client does not follow`,
      );
    }
    if (next.origin !== target.origin) headers = withoutAuthorization(headers);
    target = next;
  }
}

function exchange(url: URL, init: HttpRequestInit, signal: AbortSignal): Promise<HttpResponse> {
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request(
      url,
      { method: init.method, headers: init.headers, agent: AGENTS[url.protocol as 'http:' | 'https:'], signal },
      (response) => {
        const chunks: Buffer[] = [];
        let length = 0;
        response.on('data', (chunk: Buffer) => {
          length += chunk.length;
          if (length > init.maxBytes) {
            request.destroy(new Error(`${url.origin}${url.pathname} answered more than ${init.maxBytes} bytes`));
          } else chunks.push(chunk);
        });
        response.on('error', reject);
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const header = (name: string) => {
            const value = response.headers[name.toLowerCase()];
            return Array.isArray(value) ? value.join(', ') : value;
          };
          resolve({ status, ok: status >= 200 && status < 300, header, body: Buffer.concat(chunks) });
        });
      },
    );
    request.on('error', (error) => reject(signal.aborted ? signal.reason : error));
    request.end(init.body);
  });
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'));
}
