import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import http from 'node:http';
import https from 'node:https';
import type { JsonObject } from './application-status.js';
import { APPLICATION_ROUTE, ArgoCdApiDouble, fakeJwt, STREAM_ROUTE } from './server.js';
import { swaggerProblems } from './swagger.js';

const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const SOURCE = { repoURL: 'git://127.0.0.1/manifests.git', path: 'apps/web', targetRevision: 'main' };

interface Answer {
  status: number;
  body: JsonObject;
}

function get(double: ArgoCdApiDouble, path: string, token: string | null = double.token): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const client = double.caCertificate ? https : http;
    const request = client.get(
      `${double.url}${path}`,
      { headers: token ? { authorization: `Bearer ${token}` } : {}, ca: double.caCertificate, timeout: 10_000 },
      (response) => {
        let text = '';
        response.on('data', (chunk: Buffer) => (text += chunk.toString()));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: JSON.parse(text) as JsonObject }));
      },
    );
    request.on('error', reject);
  });
}

/** Reads the watch stream until `done` says so; returns the events' (type, sync, health, phase) in order. */
function watch(
  double: ArgoCdApiDouble,
  query: string,
  done: (events: JsonObject[]) => boolean,
  token = double.token,
  waitMs = 5_000,
): Promise<JsonObject[]> {
  return new Promise((resolve, reject) => {
    const events: JsonObject[] = [];
    const request = http.get(`${double.url}${STREAM_ROUTE}?${query}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const timer = setTimeout(() => {
      request.destroy();
      resolve(events);
    }, waitMs);
    request.on('response', (response) => {
      let buffer = '';
      response.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines.filter(Boolean)) events.push((JSON.parse(line) as { result: JsonObject }).result);
        if (done(events)) {
          clearTimeout(timer);
          request.destroy();
          resolve(events);
        }
      });
    });
    request.on('error', (error) => (request.destroyed ? undefined : reject(error)));
  });
}

function summary(app: JsonObject): string {
  const status = app.status as {
    sync: { status: string; revision?: string };
    health: { status: string };
    operationState?: { phase: string };
  };
  const revision = status.sync.revision ? status.sync.revision.slice(0, 1) : '-';
  return `${status.sync.status}@${revision} ${status.health.status} ${status.operationState?.phase ?? '-'}`;
}

function synced(double: ArgoCdApiDouble, revision: string): void {
  double.addApplication({ name: 'web', source: SOURCE });
  double.update('web', (app) => {
    const status = app.status as JsonObject;
    status.sync = { status: 'Synced', revision, comparedTo: { source: SOURCE, destination: { namespace: 'default' } } };
    status.health = { status: 'Healthy' };
  });
}

describe('Argo CD API double', () => {
  let double: ArgoCdApiDouble;

  beforeEach(async () => {
    double = await ArgoCdApiDouble.start();
  });

  afterEach(async () => {
    expect(double.schemaViolations()).toEqual([]);
    await double.stop();
  });

  it('answers an app as Argo CD shapes it', async () => {
    synced(double, OLD);
    const { status, body } = await get(double, '/api/v1/applications/web?appNamespace=argocd');
    expect(status).toBe(200);
    expect(body).toMatchObject({
      metadata: { name: 'web', namespace: 'argocd' },
      spec: { project: 'default', source: SOURCE },
      status: { sync: { status: 'Synced', revision: OLD }, health: { status: 'Healthy' } },
    });
  });

  it('refuses a missing or unknown token with 401, as argocd-server words it', async () => {
    synced(double, OLD);
    expect(await get(double, '/api/v1/applications/web', null)).toEqual({
      status: 401,
      body: { error: 'no session information', code: 16, message: 'no session information' },
    });
    const forged = await get(double, '/api/v1/applications/web', fakeJwt());
    expect(forged.status).toBe(401);
    expect(forged.body.message).toBe('invalid session: token signature is invalid');
    expect((await get(double, '/api/v1/applications/web', 'not-a-jwt')).body.message).toBe(
      'invalid session: token contains an invalid number of segments',
    );
  });

  it('answers 403, not 404, for an app that does not exist or that the token may not see', async () => {
    await double.stop();
    const limited = fakeJwt('limited');
    double = await ArgoCdApiDouble.start({ tokens: { [limited]: { projects: ['team-a'] } } });
    double.addApplication({ name: 'web', project: 'team-b', source: SOURCE });
    double.addApplication({ name: 'api', project: 'team-a', source: SOURCE });
    const denied = { status: 403, body: { error: 'permission denied', code: 7, message: 'permission denied' } };
    expect(await get(double, '/api/v1/applications/web', limited)).toEqual(denied);
    expect(await get(double, '/api/v1/applications/nothing', limited)).toEqual(denied);
    expect(await get(double, '/api/v1/applications/api?project=team-b', limited)).toEqual(denied);
    expect((await get(double, '/api/v1/applications/api', limited)).status).toBe(200);
    // With a project the token may see, a missing app is a plain 404.
    expect(await get(double, '/api/v1/applications/nothing?project=team-a', limited)).toEqual({
      status: 404,
      body: {
        error: 'applications.argoproj.io "nothing" not found',
        code: 5,
        message: 'applications.argoproj.io "nothing" not found',
      },
    });
  });

  it('keeps reporting the old revision until a refresh is requested, then moves as Argo CD does', async () => {
    synced(double, OLD);
    const done = double.rollout('web', { revision: NEW, images: ['registry/web@sha256:' + 'c'.repeat(64)] });
    const before = await get(double, '/api/v1/applications/web');
    expect(summary(before.body)).toBe('Synced@a Healthy -');
    const refreshed = await get(double, '/api/v1/applications/web?refresh=normal');
    expect(summary(refreshed.body)).toBe('OutOfSync@b Healthy -');
    expect((refreshed.body.metadata as JsonObject).annotations).toBeUndefined();
    await done;
    const after = (await get(double, '/api/v1/applications/web')).body;
    expect(summary(after)).toBe('Synced@b Healthy Succeeded');
    const status = after.status as JsonObject;
    expect(status.summary).toEqual({ images: ['registry/web@sha256:' + 'c'.repeat(64)] });
    expect((status.history as JsonObject[]).at(-1)).toMatchObject({ id: 0, revision: NEW });
    expect(status.operationState).toMatchObject({ phase: 'Succeeded', syncResult: { revision: NEW } });
  });

  it('streams each transition: OutOfSync, operation Running, Synced while Progressing, then Healthy', async () => {
    synced(double, OLD);
    // The rollout starts once the stream has shown the current state, so no transition can come before it.
    const events = watch(double, 'name=web', (seen) => {
      if (seen.length === 1) void double.rollout('web', { revision: NEW, noticeAfterMs: 20 });
      return summary(seen.at(-1)?.application as JsonObject).includes('Synced@b Healthy');
    });
    const seen = (await events).map((event) => `${event.type as string} ${summary(event.application as JsonObject)}`);
    expect(seen).toEqual([
      'ADDED Synced@a Healthy -',
      'MODIFIED OutOfSync@b Healthy -',
      'MODIFIED OutOfSync@b Progressing Running',
      'MODIFIED Synced@b Progressing Succeeded',
      'MODIFIED Synced@b Healthy Succeeded',
    ]);
  });

  it('scripts a Degraded rollout and a failed sync', async () => {
    synced(double, OLD);
    double.addApplication({ name: 'api', source: SOURCE });
    await Promise.all([
      double.rollout('web', { revision: NEW, outcome: 'Degraded', noticeAfterMs: 0 }),
      double.rollout('api', { revision: NEW, outcome: 'Failed', noticeAfterMs: 0 }),
    ]);
    const web = (await get(double, '/api/v1/applications/web')).body;
    expect(summary(web)).toBe('Synced@b Degraded Succeeded');
    expect((web.status as JsonObject).health).toMatchObject({
      message: 'Deployment "web" exceeded its progress deadline',
    });
    const api = (await get(double, '/api/v1/applications/api')).body;
    expect(summary(api)).toBe('OutOfSync@b Degraded Failed');
    expect((api.status as JsonObject).operationState).toMatchObject({
      message: expect.stringContaining('failed to apply'),
    });
  });

  it('skips in the stream what the token may not see, and counts requests per route', async () => {
    await double.stop();
    const limited = fakeJwt('limited');
    double = await ArgoCdApiDouble.start({ tokens: { [limited]: { projects: ['team-a'] } } });
    double.addApplication({ name: 'web', project: 'team-b', source: SOURCE });
    const events = await watch(double, 'name=web', () => false, limited, 300);
    expect(events).toEqual([]);
    const since = Date.now();
    await get(double, '/api/v1/applications/web', limited);
    await get(double, '/api/v1/applications/web', limited);
    expect(double.requestCount(APPLICATION_ROUTE, since)).toBe(2);
    expect(double.requestCount(STREAM_ROUTE)).toBe(1);
  });

  it('serves HTTPS with its own certificate when asked', async () => {
    await double.stop();
    double = await ArgoCdApiDouble.start({ tls: true });
    synced(double, OLD);
    expect(double.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect((await get(double, '/api/v1/applications/web')).status).toBe(200);
  });
});

describe('the Swagger check', () => {
  it('finds fields Argo CD cannot send and wrong types', () => {
    const body = { metadata: { name: 'web', colour: 'red' }, status: { sync: { status: 5 } } };
    expect(swaggerProblems('GET', APPLICATION_ROUTE, 200, body)).toEqual([
      '$.metadata.colour: not allowed',
      '$.status.sync.status: 5 is not string',
    ]);
    expect(swaggerProblems('GET', STREAM_ROUTE, 200, { result: { type: 'ADDED', object: {} } })).toEqual([
      '$.result.object: not allowed',
    ]);
  });
});
