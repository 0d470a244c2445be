/**
 * Registry, download and GitHub API requests through the test bed's real forward proxy (tinyproxy, with
 * credentials): its log must name each request, and NO_PROXY must keep requests away from it. The servers are local;
 * they are addressed by names only the proxy resolves, so a request that reaches one went through the proxy.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer as createHttpServer, request as httpRequest, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { RegistryClient } from '../../../src/core/build/registry.js';
import { createGitHubClient } from '../../../src/core/github/client.js';
import { getRepository } from '../../../src/core/github/repository.js';
import { HttpTransport } from '../../../src/core/http/transport.js';
import { ImageRef } from '../../../src/core/image-ref.js';
import { installTool } from '../../../src/core/installer.js';
import { redact } from '../../../src/core/secrets.js';
import { type ManifestsWorld, startManifestsWorld, TOKEN } from '../../doubles/github-api/harness.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { PROXIED_HOSTS, proxiedDuring, testbed } from '../../helpers/testbed.js';

const HELLO = '#!/bin/sh\necho "hello version 1.2.3"\n';
let scratch: string;
let cert: Buffer;
let key: Buffer;
const servers: Server[] = [];
let world: ManifestsWorld;

/** An HTTPS front for a plain-HTTP local server, as the registry and the API double speak only HTTP. */
async function tlsFront(upstream: string): Promise<number> {
  const target = new URL(upstream);
  const server = createHttpsServer({ key, cert }, (request, response) => {
    const forwarded = httpRequest(
      { host: target.hostname, port: target.port, method: request.method, path: request.url, headers: request.headers },
      (answer) => {
        response.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(response);
      },
    );
    request.pipe(forwarded);
  });
  return listen(server);
}

async function listen(server: Server): Promise<number> {
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

const proxied = (extra: Record<string, string> = {}) =>
  new HttpTransport({ env: { HTTPS_PROXY: testbed.proxy, http_proxy: testbed.proxy, ...extra }, ca: cert });

beforeAll(async () => {
  scratch = await tempTree({}, 'proxy-');
  const names = Object.values(PROXIED_HOSTS)
    .map((name) => `DNS:${name}`)
    .join(',');
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1'],
      ...['-subj', '/CN=proxied.test', '-addext', `subjectAltName=${names}`],
      ...['-keyout', path.join(scratch, 'key.pem'), '-out', path.join(scratch, 'cert.pem')],
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(path.join(scratch, 'cert.pem'));
  key = readFileSync(path.join(scratch, 'key.pem'));
  world = await startManifestsWorld('acme/proxied', { 'a.yaml': 'a: 1\n' });
}, 60_000);

afterAll(async () => {
  await world.double.stop();
  for (const server of servers) {
    server.closeAllConnections();
    server.close();
  }
});

describe('through the proxy', () => {
  it('reads a registry over HTTPS in a CONNECT tunnel', async () => {
    const port = await tlsFront(`http://${testbed.registry}`);
    const base = ImageRef.parse(testbed.pinnedBase);
    const image = ImageRef.parse(`${PROXIED_HOSTS.registry}:${port}/${base.path}`);
    const client = new RegistryClient({ transport: proxied(), retry: { attempts: 1, firstDelayMs: 1 } });
    let digest: string | undefined;
    const { requests, error } = await proxiedDuring(`${PROXIED_HOSTS.registry}:${port}`, async () => {
      digest = await client.manifestDigest(image, base.digest as string);
    });
    expect(error).toBeUndefined();
    expect(digest).toBe(base.digest);
    expect(requests).toContain(`CONNECT ${PROXIED_HOSTS.registry}:${port}`);
  });

  it('downloads a tool over HTTP in absolute form, with its SHA-256 checked', async () => {
    const server = createHttpServer((_, response) => response.end(HELLO));
    const port = await listen(server);
    const url = `http://${PROXIED_HOSTS.downloads}:${port}/hello`;
    const runner = path.join(scratch, 'runner');
    for (const dir of ['tool-cache', 'temp']) mkdirSync(path.join(runner, dir), { recursive: true });
    const saved = { RUNNER_TOOL_CACHE: process.env.RUNNER_TOOL_CACHE, RUNNER_TEMP: process.env.RUNNER_TEMP };
    Object.assign(process.env, {
      RUNNER_TOOL_CACHE: path.join(runner, 'tool-cache'),
      RUNNER_TEMP: path.join(runner, 'temp'),
    });
    const releases = {
      hello: {
        defaultVersion: '1.2.3',
        versionArgs: ['--version'],
        versionPattern: /^hello version (\S+)/m,
        assetFor: () => undefined,
        versions: {
          '1.2.3': {
            'linux-x64': {
              url,
              archive: 'binary' as const,
              binPath: 'hello',
              sha256: createHash('sha256').update(HELLO).digest('hex'),
            },
          },
        },
      },
    };
    const { requests, error } = await proxiedDuring(new URL(url).host, () =>
      installTool({ tool: 'hello' }, { platform: 'linux', arch: 'x64', releases, transport: proxied() }),
    );
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    expect(error).toBeUndefined();
    expect(requests).toEqual([`GET ${url}`]);
  });

  it('calls the GitHub API over HTTPS in a CONNECT tunnel', async () => {
    const port = await tlsFront(world.double.apiUrl);
    const apiUrl = `https://${PROXIED_HOSTS.api}:${port}`;
    const client = createGitHubClient({ token: TOKEN, apiUrl, transport: proxied() });
    const { requests, error } = await proxiedDuring(`${PROXIED_HOSTS.api}:${port}`, () =>
      getRepository(client, { owner: 'acme', repo: 'proxied' }),
    );
    expect(error).toBeUndefined();
    expect(requests).toEqual([`CONNECT ${PROXIED_HOSTS.api}:${port}`]);
  });

  it('reads HTTPS_PROXY from the process environment by default', async () => {
    const port = await tlsFront(world.double.apiUrl);
    const saved = process.env.HTTPS_PROXY;
    process.env.HTTPS_PROXY = testbed.proxy;
    try {
      const transport = new HttpTransport({ ca: cert });
      const client = createGitHubClient({ token: TOKEN, apiUrl: `https://${PROXIED_HOSTS.api}:${port}`, transport });
      const { requests, error } = await proxiedDuring(`${PROXIED_HOSTS.api}:${port}`, () =>
        getRepository(client, { owner: 'acme', repo: 'proxied' }),
      );
      expect(error).toBeUndefined();
      expect(requests).toEqual([`CONNECT ${PROXIED_HOSTS.api}:${port}`]);
    } finally {
      if (saved === undefined) delete process.env.HTTPS_PROXY;
      else process.env.HTTPS_PROXY = saved;
    }
  });

  it('names the proxy, never its password, when the proxy refuses the credentials', async () => {
    const port = await tlsFront(world.double.apiUrl);
    const wrong = new URL(testbed.proxy);
    wrong.password = 'not-the-password';
    const transport = new HttpTransport({ env: { HTTPS_PROXY: wrong.href }, ca: cert });
    const client = createGitHubClient({ token: TOKEN, apiUrl: `https://${PROXIED_HOSTS.api}:${port}`, transport });
    const { error } = await proxiedDuring(`${PROXIED_HOSTS.api}:${port}`, () =>
      getRepository(client, { owner: 'acme', repo: 'proxied' }),
    );
    const message = (error as Error).message;
    // tinyproxy answers a CONNECT with wrong credentials 401 rather than 407.
    expect(message).toContain(
      `The proxy http://127.0.0.1:${wrong.port} refused to open a tunnel to ${PROXIED_HOSTS.api}:${port}: HTTP 401`,
    );
    expect(message).not.toContain('not-the-password');
    expect(redact(`x not-the-password x`)).toBe('x *** x');
  });
});

describe('around the proxy', () => {
  it('goes direct to a host NO_PROXY names: the proxy sees nothing, and this machine cannot resolve it', async () => {
    const transport = proxied({ NO_PROXY: `example.com,.proxied.test` });
    const client = new RegistryClient({ transport, retry: { attempts: 1, firstDelayMs: 1 } });
    const { requests, error } = await proxiedDuring(`${PROXIED_HOSTS.registry}:5000`, () =>
      client.ensureReachable(`${PROXIED_HOSTS.registry}:5000`),
    );
    expect(requests).toEqual([]);
    expect((error as Error).message).toMatch(/^Registry registry\.proxied\.test:5000 is unreachable: ENOTFOUND/);
  });

  it('goes direct to loopback whatever the settings', async () => {
    const client = new RegistryClient({ transport: proxied(), retry: { attempts: 1, firstDelayMs: 1 } });
    const { requests, error } = await proxiedDuring(testbed.registry, () => client.ensureReachable(testbed.registry));
    expect(error).toBeUndefined();
    expect(requests).toEqual([]);
  });
});
