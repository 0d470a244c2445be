/**
 * RegistryClient against the test bed's real registry, directly and through a double that demands a login, and
 * against a small server that redirects blob reads to another host, as registries with separate storage do.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { RegistryClient } from '../../../src/core/build/registry.js';
import { UserError } from '../../../src/core/errors.js';
import { dockerConfigCredentials } from '../../../src/core/build/registry-credentials.js';
import { ImageRef } from '../../../src/core/image-ref.js';
import { tempTree } from '../../helpers/temp-dir.js';
import { testbed } from '../../helpers/testbed.js';
import { AuthRegistryProxy } from './auth-registry-proxy.js';
import { docker, freshRepository, skopeoInspect } from './build-testbed.js';

const FAST_RETRY = { attempts: 3, firstDelayMs: 20 };
let repository: string;
let configDir: string;

beforeAll(async () => {
  repository = freshRepository('registry-client');
  await docker('tag', 'local/busybox:1', `${repository}:1`);
  await docker('push', `${repository}:1`);
  configDir = await tempTree();
  await writeFile(
    path.join(configDir, 'config.json'),
    JSON.stringify({ auths: { 'https://other.example': { auth: 'eDp5' } } }),
  );
}, 60_000);

afterAll(async () => {
  await rm(configDir, { recursive: true, force: true });
});

describe('RegistryClient on the real registry', () => {
  const client = new RegistryClient({ retry: FAST_RETRY });

  it('reads the digest a tag serves, as skopeo does', async () => {
    const digest = await client.manifestDigest(ImageRef.parse(repository), '1');
    expect(digest).toBe((await skopeoInspect(`${repository}:1`)).Digest);
  });

  it('finds the registry reachable', async () => {
    await expect(client.ensureReachable(testbed.registry)).resolves.toBeUndefined();
  });

  it('fails at once, without retries, on a tag the registry does not have', async () => {
    await expect(client.manifestDigest(ImageRef.parse(repository), 'missing')).rejects.toThrow(
      /manifests\/missing answered HTTP 404$/,
    );
  });
});

describe('RegistryClient through a registry that demands a login', () => {
  let proxy: AuthRegistryProxy | undefined;

  afterEach(async () => {
    await proxy?.stop();
    proxy = undefined;
  });

  async function viaProxy(scheme: 'bearer' | 'basic', failFirst = 0): Promise<ImageRef> {
    proxy = await AuthRegistryProxy.start({
      upstream: testbed.registry,
      scheme,
      username: 'ci',
      password: 'p4ss',
      failFirst,
    });
    return ImageRef.parse(`${proxy.host}/${ImageRef.parse(repository).path}`);
  }

  async function withLogin(host: string): Promise<RegistryClient> {
    await writeFile(
      path.join(configDir, 'config.json'),
      JSON.stringify({ auths: { [host]: { auth: Buffer.from('ci:p4ss').toString('base64') } } }),
    );
    return new RegistryClient({
      retry: FAST_RETRY,
      credentials: dockerConfigCredentials({ DOCKER_CONFIG: configDir }),
    });
  }

  it('answers a bearer challenge with a token bought with the stored login', async () => {
    const image = await viaProxy('bearer');
    const digest = await (await withLogin(image.registry)).manifestDigest(image, '1');
    expect(digest).toBe((await skopeoInspect(`${repository}:1`)).Digest);
    expect(proxy!.requests).toContain(
      `GET /token?service=auth-registry-proxy&scope=${encodeURIComponent(`repository:${image.path}:pull`)}`,
    );
  });

  it('answers a basic challenge with the stored login', async () => {
    const image = await viaProxy('basic');
    expect(await (await withLogin(image.registry)).manifestDigest(image, '1')).toMatch(/^sha256:/);
  });

  it('says it cannot see the digest when it has no login for the registry', async () => {
    const image = await viaProxy('bearer');
    const client = new RegistryClient({
      retry: FAST_RETRY,
      credentials: dockerConfigCredentials({ DOCKER_CONFIG: configDir }),
    });
    await writeFile(path.join(configDir, 'config.json'), '{}');
    expect(await client.manifestDigest(image, '1')).toBeUndefined();
  });

  it('retries 503 answers, and gives up with a clear error when they go on', async () => {
    const image = await viaProxy('basic', 2);
    const client = await withLogin(image.registry);
    expect(await client.manifestDigest(image, '1')).toMatch(/^sha256:/);

    await proxy!.stop();
    const failing = await viaProxy('basic', 10);
    await expect((await withLogin(failing.registry)).ensureReachable(failing.registry)).rejects.toThrow(
      `Registry ${failing.registry} keeps failing: GET http://${failing.registry}/v2/ answered HTTP 503 (3 attempts).`,
    );
  });
});

describe('RegistryClient reading and tagging images on the real registry', () => {
  const client = new RegistryClient({ retry: FAST_RETRY });

  it('reads a manifest and its config blob, checked against their digests', async () => {
    const image = ImageRef.parse(repository);
    const manifest = await client.manifest(image, '1');
    expect(manifest?.digest).toBe((await skopeoInspect(`${repository}:1`)).Digest);
    const configDigest = (JSON.parse(manifest!.bytes.toString()) as { config: { digest: string } }).config.digest;
    const config = await client.blob(image, configDigest);
    expect(JSON.parse(config!.toString())).toHaveProperty('rootfs');
    expect(await client.manifest(image, 'no-such-tag')).toBeUndefined();
  });

  it('points a new tag at a manifest the repository holds, with the same digest', async () => {
    const image = ImageRef.parse(repository);
    const manifest = (await client.manifest(image, '1'))!;
    expect(await client.tagManifest(image, 'copied', manifest)).toBe(true);
    expect((await skopeoInspect(`${repository}:copied`)).Digest).toBe(manifest.digest);
  });
});

describe('RegistryClient on a registry that redirects or misbehaves', () => {
  let storage: Server;
  let registry: Server;
  let odd: Server;
  const seen: Array<string | undefined> = [];
  const blob = Buffer.from('{"config":{}}');
  const digest = `sha256:${createHash('sha256').update(blob).digest('hex')}`;

  beforeAll(async () => {
    storage = await listen((request, response) => {
      seen.push(request.headers.authorization);
      response.end(blob);
    });
    // A registry gone wrong: the wrong bytes, a redirect out of HTTP, an endless answer.
    odd = await listen((request, response) => {
      if (request.url?.endsWith('0'.repeat(64))) return void response.end('not the bytes of that digest');
      if (request.url?.endsWith('1'.repeat(64))) {
        return void response.writeHead(307, { Location: 'ftp://example.com/blob' }).end();
      }
      response.end(Buffer.alloc(5 * 1024 * 1024));
    });
    // Like a registry that keeps blobs elsewhere: a login, then a redirect to the storage host.
    registry = await listen((request, response) => {
      if (request.headers.authorization !== 'Basic dTpw') {
        return void response.writeHead(401, { 'WWW-Authenticate': 'Basic realm="r"' }).end();
      }
      response.writeHead(307, { Location: `http://localhost:${port(storage)}/blob` }).end();
    });
  });
  afterAll(async () => {
    await Promise.all([storage, registry, odd].map((server) => new Promise((resolve) => server.close(resolve))));
  });

  it('refuses, at once and as a plain error, bytes that do not match their digest, a redirect to another scheme, and an answer too long', async () => {
    const client = new RegistryClient({ retry: { attempts: 3, firstDelayMs: 1000 } });
    const image = ImageRef.parse(`127.0.0.1:${port(odd)}/acme/app`);
    const started = Date.now();
    for (const [digestOf, message] of [
      [`sha256:${'0'.repeat(64)}`, /answered bytes that do not match/],
      [`sha256:${'1'.repeat(64)}`, /redirected to ftp:\/\/example\.com, which this client does not follow/],
      [`sha256:${'2'.repeat(64)}`, /answered more than 4194304 bytes/],
    ] as const) {
      const failure = await client.blob(image, digestOf).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(Error);
      expect(failure).not.toBeInstanceOf(UserError);
      expect((failure as Error).message).toMatch(message);
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('follows it to the storage host without the registry credentials', async () => {
    const client = new RegistryClient({ retry: FAST_RETRY, credentials: () => ({ username: 'u', password: 'p' }) });
    const image = ImageRef.parse(`127.0.0.1:${port(registry)}/acme/app`);
    expect(await client.blob(image, digest)).toEqual(blob);
    expect(seen).toEqual([undefined]);
  });
});

function listen(handler: (request: IncomingMessage, response: ServerResponse) => void): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function port(server: Server): number {
  return (server.address() as AddressInfo).port;
}
