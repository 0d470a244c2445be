/**
 * RegistryClient against the test bed's real registry, directly and through a double that demands a login.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { rm, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { RegistryClient } from '../../../src/core/build/registry.js';
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
