/**
 * The referrers-API branch of attachBundle/findBundles, against a tiny in-test registry that implements the OCI 1.1
 * referrers API (the test bed's distribution 2.8 has none; referrers.node24.int.test.ts covers the tag fallback).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { RegistryClient } from '../../../src/core/build/registry.js';
import { ImageRef } from '../../../src/core/image-ref.js';
import {
  attachBundle,
  findBundles,
  referrersTag,
  SIGSTORE_BUNDLE_ARTIFACT_TYPE,
} from '../../../src/core/provenance/referrers.js';

const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const digestOf = (bytes: Buffer) => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** Blobs, manifests and, when `referrersApi`, the referrers API computed from the manifests' subjects. */
class TinyRegistry {
  readonly blobs = new Map<string, Buffer>();
  readonly manifests = new Map<string, { type: string; bytes: Buffer }>();
  readonly requests: string[] = [];
  private server?: Server;
  private uploads = 0;

  constructor(private readonly referrersApi: boolean) {}

  async start(): Promise<string> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://x');
        this.requests.push(`${request.method} ${url.pathname}${url.search}`);
        const body = Buffer.concat(chunks);
        const reply = (status: number, headers: Record<string, string> = {}, bytes?: Buffer) =>
          response.writeHead(status, headers).end(request.method === 'HEAD' ? undefined : bytes);
        let match: RegExpExecArray | null;
        if ((match = /^\/v2\/(.+)\/blobs\/uploads\/$/.exec(url.pathname)) && request.method === 'POST') {
          return reply(202, { Location: `/v2/${match[1]}/blobs/uploads/${++this.uploads}?_state=abc` });
        }
        if (/\/blobs\/uploads\/\d+$/.test(url.pathname) && request.method === 'PUT') {
          const digest = url.searchParams.get('digest') ?? '';
          if (url.searchParams.get('_state') !== 'abc' || digestOf(body) !== digest) return reply(400);
          this.blobs.set(digest, body);
          return reply(201, { 'Docker-Content-Digest': digest });
        }
        if ((match = /\/blobs\/(sha256:[a-f0-9]{64})$/.exec(url.pathname))) {
          const blob = this.blobs.get(match[1]!);
          return blob ? reply(200, {}, blob) : reply(404);
        }
        if ((match = /\/manifests\/([^/]+)$/.exec(url.pathname))) {
          if (request.method === 'PUT') {
            const type = request.headers['content-type'] ?? '';
            this.manifests.set(match[1]!, { type, bytes: body });
            this.manifests.set(digestOf(body), { type, bytes: body });
            return reply(201, { 'Docker-Content-Digest': digestOf(body) });
          }
          const found = this.manifests.get(match[1]!);
          return found ? reply(200, { 'Content-Type': found.type }, found.bytes) : reply(404);
        }
        if ((match = /\/referrers\/(sha256:[a-f0-9]{64})$/.exec(url.pathname)) && this.referrersApi) {
          return reply(200, { 'Content-Type': OCI_INDEX }, Buffer.from(JSON.stringify(this.index(match[1]!))));
        }
        reply(404, { 'Content-Type': 'text/plain' }, Buffer.from('404 page not found'));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private index(subject: string) {
    const manifests = [...this.manifests.entries()]
      .filter(([reference]) => reference.startsWith('sha256:'))
      .map(([digest, { bytes }]) => ({ digest, bytes, parsed: JSON.parse(bytes.toString()) }))
      .filter(({ parsed }) => parsed.subject?.digest === subject)
      .map(({ digest, bytes, parsed }) => ({
        mediaType: parsed.mediaType,
        digest,
        size: bytes.length,
        artifactType: parsed.artifactType,
      }));
    return { schemaVersion: 2, mediaType: OCI_INDEX, manifests };
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }
}

const IMAGE_MANIFEST = Buffer.from(
  JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: {}, layers: [] }),
);
const SUBJECT = digestOf(IMAGE_MANIFEST);
const BUNDLE = { mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json', dsseEnvelope: { payload: 'e30=' } };

describe.each([
  ['with the referrers API', true],
  ['without it (tag fallback)', false],
])('attachBundle and findBundles on a registry %s', (_name, referrersApi) => {
  const registry = new TinyRegistry(referrersApi);
  let image: ImageRef;
  const client = new RegistryClient({ retry: { attempts: 1, firstDelayMs: 1 } });

  beforeAll(async () => {
    image = ImageRef.parse(`${await registry.start()}/acme/api`);
    registry.manifests.set(SUBJECT, { type: OCI_MANIFEST, bytes: IMAGE_MANIFEST });
  });
  afterAll(() => registry.stop());

  it('pushes a referrer manifest by digest: subject, artifact type, empty config, the bundle as its layer', async () => {
    const attached = await attachBundle(client, image, SUBJECT, BUNDLE, { tagFallback: true });
    expect(attached.indexedBy).toBe(referrersApi ? 'referrers-api' : 'referrers-tag');
    expect(attached.reference).toBe(`${image.repository}@${attached.digest}`);
    const pushed = JSON.parse(registry.manifests.get(attached.digest)!.bytes.toString());
    expect(pushed).toEqual({
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType: SIGSTORE_BUNDLE_ARTIFACT_TYPE,
      config: {
        mediaType: 'application/vnd.oci.empty.v1+json',
        digest: 'sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a',
        size: 2,
      },
      layers: [{ mediaType: SIGSTORE_BUNDLE_ARTIFACT_TYPE, digest: expect.any(String), size: expect.any(Number) }],
      subject: { mediaType: OCI_MANIFEST, digest: SUBJECT, size: IMAGE_MANIFEST.length },
    });
    expect(JSON.parse(registry.blobs.get(pushed.layers[0].digest)!.toString())).toEqual(BUNDLE);
    expect(registry.manifests.has(referrersTag(SUBJECT))).toBe(!referrersApi);
  });

  it('finds the bundle again', async () => {
    const found = await findBundles(client, image, SUBJECT);
    expect(found.map((entry) => entry.bundle)).toEqual([BUNDLE]);
    expect(registry.requests).toContain(
      `GET /v2/acme/api/referrers/${SUBJECT}?artifactType=${encodeURIComponent(SIGSTORE_BUNDLE_ARTIFACT_TYPE)}`,
    );
  });

  it('keeps other referrers when a second bundle is attached', async () => {
    const other = { ...BUNDLE, dsseEnvelope: { payload: 'e30K' } };
    await attachBundle(client, image, SUBJECT, other, { tagFallback: true });
    const found = await findBundles(client, image, SUBJECT);
    expect(found.map((entry) => entry.bundle)).toEqual(expect.arrayContaining([BUNDLE, other]));
    expect(found).toHaveLength(2);
  });
});

describe('attachBundle when the tag fallback is not allowed', () => {
  const registry = new TinyRegistry(false);
  afterAll(() => registry.stop());

  it('says so in one line and pushes nothing', async () => {
    const image = ImageRef.parse(`${await registry.start()}/acme/api`);
    registry.manifests.set(SUBJECT, { type: OCI_MANIFEST, bytes: IMAGE_MANIFEST });
    const client = new RegistryClient({ retry: { attempts: 1, firstDelayMs: 1 } });
    await expect(
      attachBundle(client, image, SUBJECT, BUNDLE, { tagFallback: false, tagFallbackInput: 'provenance-tag-fallback' }),
    ).rejects.toThrow(
      `Registry ${image.registry} has no OCI referrers API and "provenance-tag-fallback" is false: the provenance cannot be attached to ${image.repository}@${SUBJECT}.`,
    );
    expect(registry.requests.filter((request) => !request.startsWith('GET'))).toEqual([]);
  });
});
