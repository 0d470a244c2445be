/** wait-for-sync against the Argo CD API double, whose every answer is checked against Argo CD's swagger. */
import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import * as fs from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SyncNotReachedError } from '../../src/actions/wait-for-sync/run.js';
import {
  APPLICATION_ROUTE,
  ArgoCdApiDouble,
  type ArgoCdApiDoubleOptions,
  STREAM_ROUTE,
} from '../doubles/argocd-api/server.js';
import { tempTree } from '../helpers/temp-dir.js';
import { runWaitForSync } from './wait-for-sync.harness.js';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const DIGEST = `sha256:${'d'.repeat(64)}`;
const SOURCE = { repoURL: 'git://127.0.0.1/manifests.git', path: 'apps/web', targetRevision: 'main' };

describe('wait-for-sync with Argo CD through its API', () => {
  let double: ArgoCdApiDouble;
  let dir: string;
  let log: string[];

  /** A double holding app `web`, synced and healthy at OLD. */
  async function startDouble(options: ArgoCdApiDoubleOptions = {}): Promise<ArgoCdApiDouble> {
    const double = await ArgoCdApiDouble.start(options);
    double.addApplication({ name: 'web', source: SOURCE });
    double.update('web', (app) => {
      const status = app.status as Record<string, unknown>;
      status.sync = {
        status: 'Synced',
        revision: OLD,
        comparedTo: { source: SOURCE, destination: { namespace: 'default' } },
      };
      status.health = { status: 'Healthy' };
    });
    return double;
  }

  beforeEach(async () => {
    double = await startDouble();
    dir = await tempTree();
    log = [];
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      log.push(String(chunk));
      return true;
    });
  });

  afterEach(async () => {
    jest.restoreAllMocks();
    expect(double.schemaViolations()).toEqual([]);
    await double.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const run = (inputs: Record<string, string>) =>
    runWaitForSync(
      {
        agent: 'argocd',
        'argocd-server': double.url,
        'argocd-token': double.token,
        'argocd-application': 'web',
        revision: NEW,
        ...inputs,
      },
      dir,
    );

  it('asks for a refresh, follows the rollout to Healthy and sees the digest running', async () => {
    const rollout = double.rollout('web', { revision: NEW, images: [`ghcr.io/acme/web@${DIGEST}`] });
    const { outputs, error, summary } = await run({ refresh: 'true', 'image-ref': `ghcr.io/acme/web@${DIGEST}` });
    await rollout;
    expect(error).toBeUndefined();
    expect(outputs).toMatchObject({ status: 'synced', revision: NEW, health: 'Healthy', 'previous-revision': OLD });
    expect(outputs['synced-at']).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(summary).toContain('wait-for-sync: synced');
    expect(summary).toMatch(/seen by the agent[\s\S]*healthy/);
    expect(summary).toContain(`ghcr.io/acme/web@${DIGEST}`);
  });

  it('fails fast on Degraded, with the resource and what Argo CD said', async () => {
    const rollout = double.rollout('web', { revision: NEW, outcome: 'Degraded' });
    const { outputs, error, summary } = await run({ refresh: 'true' });
    await rollout;
    expect(error).toBeInstanceOf(SyncNotReachedError);
    expect(outputs).toMatchObject({ status: 'degraded', revision: NEW, health: 'Degraded' });
    expect(outputs.message).toContain('exceeded its progress deadline');
    expect(summary).toContain('Deployment default/web');
  });

  it('fails fast on a failed sync operation', async () => {
    const rollout = double.rollout('web', { revision: NEW, outcome: 'Failed' });
    const { outputs } = await run({ refresh: 'true' });
    await rollout;
    expect(outputs.status).toBe('failed');
    expect(outputs.message).toContain('one or more objects failed to apply');
  });

  it('times out with what it saw last when Argo CD never notices the commit (no refresh asked)', async () => {
    void double.rollout('web', { revision: NEW });
    const { outputs, error } = await run({ timeout: '3s' });
    expect(error).toBeInstanceOf(SyncNotReachedError);
    expect(outputs.status).toBe('timeout');
    expect(outputs.message).toContain(`sync Synced at ${OLD.slice(0, 12)}`);
    // Polled, not hammered: about one read per poll interval.
    expect(double.requestCount(APPLICATION_ROUTE)).toBeLessThanOrEqual(5);
  });

  it('says the token was refused without printing it', async () => {
    const token = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';
    const { error, outputs } = await run({ 'argocd-token': token });
    expect(String(error)).toContain('refused "argocd-token" (401: invalid session: token signature is invalid)');
    expect(String(error)).not.toContain(token);
    // Only the runner's mask command carries it, which the runner consumes.
    const printed = log
      .join('')
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'));
    expect(printed.join('\n')).not.toContain(token);
    expect(outputs).toEqual({});
  });

  it('says an app it may not see may not exist (Argo CD answers 403 for both)', async () => {
    const { error } = await run({ 'argocd-application': 'nope' });
    expect(String(error)).toContain('does not show application nope to "argocd-token" (403: permission denied)');
  });

  it('watches Argo CD instead of polling it: the rollout is seen without a read per poll interval', async () => {
    const rollout = double.rollout('web', { revision: NEW });
    // A poll interval longer than the whole rollout: only the watch can see it in time.
    const { outputs, error } = await run({ refresh: 'true', 'poll-interval': '30s', timeout: '60s' });
    await rollout;
    expect(error).toBeUndefined();
    expect(outputs).toMatchObject({ status: 'synced', revision: NEW, health: 'Healthy' });
    // The read before the refresh, the refresh, the first read; then only the stream.
    expect(double.requestCount(APPLICATION_ROUTE)).toBe(3);
    expect(double.requestCount(STREAM_ROUTE)).toBe(1);
  });

  it('polls when the watch breaks, and says so once', async () => {
    // In front of the double: the stream sends its first line, then the connection drops.
    const front = http.createServer((request, response) => {
      const forwarded = http.request(
        new URL(request.url ?? '/', double.url),
        { method: request.method, headers: request.headers },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          if (!request.url?.startsWith(STREAM_ROUTE)) return void answer.pipe(response);
          answer.once('data', (chunk: Buffer) => {
            response.write(chunk.subarray(0, chunk.indexOf(10) + 1));
            answer.destroy();
            response.destroy();
          });
        },
      );
      request.pipe(forwarded);
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    try {
      const rollout = double.rollout('web', { revision: NEW });
      const { outputs } = await run({
        'argocd-server': `http://127.0.0.1:${(front.address() as AddressInfo).port}`,
        refresh: 'true',
      });
      await rollout;
      expect(outputs.status).toBe('synced');
      const said = log.join('').match(/the watch stopped \([^)]*\); polling every 1 s instead/g);
      expect(said).toHaveLength(1);
    } finally {
      front.closeAllConnections();
      front.close();
    }
  });

  describe('over HTTPS with a certificate of its own', () => {
    beforeEach(async () => {
      await double.stop();
      double = await startDouble({ tls: true });
    });

    it('trusts the server with argocd-ca-cert', async () => {
      const rollout = double.rollout('web', { revision: NEW });
      const { outputs, error } = await run({ refresh: 'true', 'argocd-ca-cert': double.caCertificate as string });
      await rollout;
      expect(error).toBeUndefined();
      expect(outputs.status).toBe('synced');
    });

    it('refuses it without, in one line naming the server and the certificate', async () => {
      const { outputs, error } = await run({});
      const message = String(error);
      expect(message).toContain(`Argo CD at ${double.url}: the server's certificate was refused`);
      expect(message).toContain('"argocd-ca-cert"');
      expect(message).not.toContain('\n');
      expect(outputs).toEqual({});
    });

    it('accepts it with argocd-insecure, and warns', async () => {
      const rollout = double.rollout('web', { revision: NEW });
      const { outputs } = await run({ refresh: 'true', 'argocd-insecure': 'true' });
      await rollout;
      expect(outputs.status).toBe('synced');
      expect(log.join('')).toContain(
        "::warning::argocd-insecure is true: the Argo CD server's certificate is not checked.",
      );
    });
  });
});
