/** openHttpStream against a local server that writes its answer in pieces, stalls, or never answers. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  HttpAnswerError,
  HttpIdleError,
  type HttpStreamInit,
  HttpStreamSpentError,
  HttpTimeoutError,
  openHttpStream,
} from '../../../src/core/http/request.js';
import { HttpTransport } from '../../../src/core/http/transport.js';

const transport = new HttpTransport({ env: {} });
const scripts: Record<string, (response: ServerResponse) => void> = {
  // Lines cut inside the first line and between the two bytes of é; a blank line; no newline after the last.
  '/pieces': (response) => {
    response.writeHead(200);
    const bytes = Buffer.from('{"a":1}\n{"b":"é"}\n\n{"c":3}');
    for (const [from, to] of [
      [0, 3],
      [3, 15],
      [15, bytes.length],
    ])
      response.write(bytes.subarray(from, to));
    response.end();
  },
  '/long-line': (response) => {
    response.writeHead(200);
    response.end(`${'x'.repeat(100)}\n`);
  },
  '/silent': (response) => {
    response.writeHead(200);
    response.write('{"first":true}\n');
  },
  '/endless': (response) => {
    response.writeHead(200);
    const timer = setInterval(() => response.write('{"tick":true}\n'), 5);
    response.on('close', () => clearInterval(timer));
  },
  '/no-answer': () => undefined,
  '/refused': (response) => {
    response.writeHead(403);
    response.end('{"message":"permission denied"}');
  },
};
const server = createServer((request, response) => scripts[request.url ?? '']?.(response));
let base: string;

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => {
  transport.close();
  server.closeAllConnections();
  server.close();
});

const LIMITS: HttpStreamInit = {
  transport,
  connectTimeoutMs: 2_000,
  idleTimeoutMs: 2_000,
  maxMessageBytes: 64,
  maxBytes: 4096,
};

async function collect(path: string, limits: Partial<HttpStreamInit> = {}) {
  const stream = await openHttpStream(`${base}${path}`, { ...LIMITS, ...limits });
  const lines: string[] = [];
  try {
    for await (const line of stream.messages()) lines.push(line);
  } catch (error) {
    return { lines, error };
  }
  return { lines, error: undefined };
}

describe('openHttpStream', () => {
  it('hands over each line as it completes, whatever the pieces it arrived in', async () => {
    expect(await collect('/pieces')).toEqual({ lines: ['{"a":1}', '{"b":"é"}', '{"c":3}'], error: undefined });
  });

  it('fails on a message over its cap', async () => {
    const { error } = await collect('/long-line');
    expect(error).toBeInstanceOf(HttpAnswerError);
    expect((error as Error).message).toContain('sent a message longer than 64 bytes');
  });

  it('fails with HttpIdleError after its idle timeout, having handed over what came', async () => {
    const { lines, error } = await collect('/silent', { idleTimeoutMs: 300 });
    expect(lines).toEqual(['{"first":true}']);
    expect(error).toBeInstanceOf(HttpIdleError);
  });

  it('fails with HttpStreamSpentError past its total cap', async () => {
    const { lines, error } = await collect('/endless', { maxBytes: 200 });
    expect(lines.length).toBeGreaterThan(0);
    expect(error).toBeInstanceOf(HttpStreamSpentError);
  });

  it('gives up when the answer does not start in time', async () => {
    await expect(openHttpStream(`${base}/no-answer`, { ...LIMITS, connectTimeoutMs: 300 })).rejects.toBeInstanceOf(
      HttpTimeoutError,
    );
  });

  it('returns an error status with its body to read', async () => {
    const stream = await openHttpStream(`${base}/refused`, LIMITS);
    expect(stream.status).toBe(403);
    expect(stream.ok).toBe(false);
    expect((await stream.body()).toString()).toBe('{"message":"permission denied"}');
  });
});
