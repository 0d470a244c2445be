/**
 * The Octokit this library builds, against the GitHub API double and against servers that misbehave the way a
 * hostile or broken API can: it must fail in bounded time and memory, saying what it asked and what came back.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGitHubClient } from '../../../src/core/github/client.js';
import { getRepository } from '../../../src/core/github/repository.js';
import { type ManifestsWorld, startManifestsWorld, TOKEN } from '../../doubles/github-api/harness.js';

const REPO = 'acme/client-policy';
const MiB = 1024 * 1024;

describe('the GitHub client on the API double', () => {
  let world: ManifestsWorld;
  beforeAll(async () => {
    world = await startManifestsWorld(REPO, { 'a.yaml': 'a: 1\n' });
  });
  afterAll(async () => {
    await world.double.stop();
  });

  it('reads and writes through the request policy', async () => {
    const client = createGitHubClient({ token: TOKEN, apiUrl: world.double.apiUrl });
    const repository = await getRepository(client, { owner: 'acme', repo: 'client-policy' });
    expect(repository.defaultBranch).toBe('main');
    const { data: ref } = await client.rest.git.getRef({ owner: 'acme', repo: 'client-policy', ref: 'heads/main' });
    const { status } = await client.rest.git.createRef({
      owner: 'acme',
      repo: 'client-policy',
      ref: 'refs/heads/policy',
      sha: ref.object.sha,
    });
    expect(status).toBe(201);
  });
});

describe('the GitHub client on a misbehaving API', () => {
  let server: Server;
  let apiUrl: string;
  const asked: string[] = [];
  let streamed = 0;
  const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
    '/repos/o/silent': () => undefined,
    '/repos/o/endless': (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(MiB, 0x20);
      const more = () => {
        // Stops when the client hangs up; a client that read everything would take it all.
        while (!response.destroyed && streamed < 2048 * MiB) {
          streamed += chunk.length;
          if (!response.write(chunk)) return response.once('drain', more);
        }
      };
      response.write('{"name":"');
      more();
    },
    '/repos/o/huge': (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(2048 * MiB) });
      response.write('{');
    },
    '/repos/o/loop': (_, response) => redirect(response, 302, '/repos/o/loop-again'),
    '/repos/o/loop-again': (_, response) => redirect(response, 302, '/repos/o/loop'),
    '/repos/o/renamed': (_, response) => redirect(response, 301, '/repositories/42'),
    '/repositories/42': (_, response) => {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    },
    '/repos/o/moved/pulls': (_, response) => redirect(response, 302, '/elsewhere'),
  };

  beforeAll(async () => {
    server = createServer((request, response) => {
      asked.push(`${request.method} ${request.url}`);
      const route = routes[request.url ?? ''];
      if (route) route(request, response);
      else response.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const client = (options: { timeoutMs?: number; maxAnswerBytes?: number } = {}) =>
    createGitHubClient({ token: 'not-a-token', apiUrl, waitUnitMs: 1, ...options });
  const get = (name: string, options?: { timeoutMs?: number; maxAnswerBytes?: number }) =>
    client(options).rest.repos.get({ owner: 'o', repo: name });

  it('gives up on an API that never answers once the deadline passes, once, naming the request', async () => {
    asked.length = 0;
    await expect(get('silent', { timeoutMs: 500 })).rejects.toThrow(
      `GET ${apiUrl}/repos/o/silent: no answer within 500 ms`,
    );
    // Not retried: a spent deadline is not multiplied by the retry plugin.
    expect(asked).toEqual(['GET /repos/o/silent']);
  });

  it('stops reading an endless answer at the cap, so the server sends only a little more than it', async () => {
    await expect(get('endless', { maxAnswerBytes: 4 * MiB })).rejects.toThrow(
      `GET ${apiUrl}/repos/o/endless answered more than ${4 * MiB} bytes`,
    );
    // What the socket buffers hold when the client hangs up, not 2 GiB.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(streamed).toBeLessThan(64 * MiB);
  });

  it('refuses an answer that announces more than the cap without reading it', async () => {
    await expect(get('huge')).rejects.toThrow(`GET ${apiUrl}/repos/o/huge answered more than ${32 * MiB} bytes`);
  });

  it('fails on a redirect loop, naming the request and where it was sent last', async () => {
    await expect(get('loop')).rejects.toThrow(
      `GET ${apiUrl}/repos/o/loop was still redirected after 5 redirects (last HTTP 302 to ${apiUrl}/repos/o/loop)`,
    );
  });

  it('fails on an empty answer after a redirect, naming both addresses', async () => {
    await expect(get('renamed')).rejects.toThrow(
      `GET ${apiUrl}/repos/o/renamed was redirected to ${apiUrl}/repositories/42, which answered HTTP 200 with {}: not an API answer`,
    );
  });

  it('does not resend a write where a 302 points, and says so', async () => {
    await expect(
      client().rest.pulls.create({ owner: 'o', repo: 'moved', title: 't', head: 'h', base: 'b' }),
    ).rejects.toThrow(
      `POST ${apiUrl}/repos/o/moved/pulls was answered HTTP 302 to ${apiUrl}/elsewhere, which this client does not follow for a POST`,
    );
  });
});

function redirect(response: ServerResponse, status: number, location: string): void {
  response.writeHead(status, { location }).end();
}
