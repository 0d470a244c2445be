/**
 * The evaluators read the objects Argo CD and Flux really write: Argo CD's recorded Application
 * (test/fixtures/argocd) and Flux objects checked against the status schemas of their CRDs (test/fixtures/flux).
 */
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse, parseAllDocuments } from 'yaml';
import { ArgoCdApplicationEvaluator } from '../../../src/core/gitops-agent/argocd-application.js';
import { FluxHelmReleaseEvaluator } from '../../../src/core/gitops-agent/flux-helm-release.js';
import { FluxKustomizationEvaluator } from '../../../src/core/gitops-agent/flux-kustomization.js';
import { commitOfFluxRevision } from '../../../src/core/gitops-agent/revision.js';
import { type Schema, validate } from '../../doubles/json-schema.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
const RECORDED = 'ea8759964626a583667a2bfd08f334ec2070040a';
const OURS = 'a'.repeat(40);
const NEWER = 'b'.repeat(40);

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function recordedApplication(): Json {
  return parse(readFileSync(fixture('argocd/application-with-status.yaml'), 'utf8')) as Json;
}

/** The recorded application with its sync status pointed at `revision`. */
function applicationAt(revision: string, changes: (status: Json) => void = () => undefined): Json {
  const application = recordedApplication();
  application.status.sync.revision = revision;
  application.status.operationState.operation.sync.revision = revision;
  application.status.operationState.syncResult.revision = revision;
  changes(application.status);
  return application;
}

function crdSchema(file: string, version: string): Schema {
  const crd = parseAllDocuments(readFileSync(fixture(file), 'utf8'))[0]?.toJS() as Json;
  return crd.spec.versions.find((item: Json) => item.name === version).schema.openAPIV3Schema as Schema;
}

function expectValid(schema: Schema, object: Json): Json {
  const problems: string[] = [];
  validate(schema, object, '$', problems, {
    resolve: (ref) => {
      throw new Error(`no $ref in a CRD schema: ${ref}`);
    },
  });
  expect(problems).toEqual([]);
  return object;
}

describe('Argo CD Application', () => {
  const evaluator = new ArgoCdApplicationEvaluator('argo-cd/velero-test');

  it('reads the recorded application: its sync revision is not the deployed commit, so the commit waits', () => {
    const report = evaluator.evaluate(recordedApplication(), RECORDED);
    expect(report).toMatchObject({ phase: 'waiting', appliedRevision: 'rev1', seen: true, health: 'Healthy' });
    expect(report.images).toEqual(['nginx:latest']);
  });

  it('is synced when sync.revision is the commit, Synced, Healthy and the operation for it Succeeded', () => {
    const report = evaluator.evaluate(applicationAt(OURS), OURS);
    expect(report).toMatchObject({
      phase: 'synced',
      applied: true,
      appliedRevision: OURS,
      syncedAt: '2024-03-05T07:33:04Z',
      previousRevision: RECORDED,
    });
    expect(report.workloads).toEqual([
      { apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'test-lla', name: 'test-lla' },
    ]);
  });

  it('waits while the operation for the commit is running, or the app is Progressing or OutOfSync', () => {
    const running = applicationAt(OURS, (status) => (status.operationState.phase = 'Running'));
    const progressing = applicationAt(OURS, (status) => (status.health = { status: 'Progressing' }));
    const outOfSync = applicationAt(OURS, (status) => (status.sync.status = 'OutOfSync'));
    for (const application of [running, progressing, outOfSync]) {
      expect(evaluator.evaluate(application, OURS).phase).toBe('waiting');
    }
  });

  it('accepts a finished operation of another commit when the commit is in sync (a commit that changes nothing)', () => {
    const application = applicationAt(OURS, (status) => (status.operationState.syncResult.revision = RECORDED));
    application.status.operationState.operation.sync.revision = RECORDED;
    expect(evaluator.evaluate(application, OURS).phase).toBe('synced');
  });

  it('is degraded when the commit is synced and the recorded Degraded health says so, with the resources', () => {
    const degraded = parse(readFileSync(fixture('argocd/application-health-degraded.yaml'), 'utf8')) as Json;
    const application = applicationAt(OURS, (status) => {
      status.health = degraded.status.health;
      status.resources[1].health = {
        status: 'Degraded',
        message: 'Deployment "test-lla" exceeded its progress deadline',
      };
    });
    const report = evaluator.evaluate(application, OURS);
    expect(report.phase).toBe('degraded');
    expect(report.unhealthy).toEqual([
      {
        kind: 'Deployment',
        namespace: 'test-lla',
        name: 'test-lla',
        health: 'Degraded',
        message: 'Deployment "test-lla" exceeded its progress deadline',
      },
    ]);
  });

  it('does not blame the commit for a Degraded app still running the previous one', () => {
    const application = applicationAt(RECORDED, (status) => (status.health = { status: 'Degraded' }));
    expect(evaluator.evaluate(application, OURS).phase).toBe('waiting');
  });

  it('fails when the sync operation for the commit failed, saying what Argo CD said', () => {
    const application = applicationAt(OURS, (status) => {
      status.operationState.phase = 'Failed';
      status.operationState.message = 'one or more objects failed to apply';
    });
    const report = evaluator.evaluate(application, OURS);
    expect(report.phase).toBe('failed');
    expect(report.message).toContain('operation Failed (one or more objects failed to apply)');
  });

  it('needs every source of a multi-source app at the commit', () => {
    const both = applicationAt(OURS, (status) => (status.sync.revisions = [OURS, OURS]));
    const one = applicationAt(OURS, (status) => (status.sync.revisions = [OURS, RECORDED]));
    delete one.status.operationState;
    delete both.status.operationState;
    expect(evaluator.evaluate(both, OURS).phase).toBe('synced');
    expect(evaluator.evaluate(one, OURS)).toMatchObject({ phase: 'waiting', appliedRevision: RECORDED });
  });
});

describe('Flux revisions', () => {
  it('reads <branch>@sha1:<sha>, sha1:<sha>, <branch>/<sha> and a bare sha; nothing else names a commit', () => {
    expect(commitOfFluxRevision(`main@sha1:${OURS}`)).toBe(OURS);
    expect(commitOfFluxRevision(`refs/heads/release/v1@sha1:${OURS}`)).toBe(OURS);
    expect(commitOfFluxRevision(`sha1:${OURS}`)).toBe(OURS);
    expect(commitOfFluxRevision(`main/${OURS}`)).toBe(OURS);
    expect(commitOfFluxRevision(OURS)).toBe(OURS);
    expect(commitOfFluxRevision(`latest@sha256:${'c'.repeat(64)}`)).toBeUndefined();
  });
});

describe('Flux Kustomization', () => {
  const schema = crdSchema('flux/kustomizations-crd.yaml', 'v1');
  const evaluator = new FluxKustomizationEvaluator('flux-system/apps');

  function kustomization(status: Json, generation = 2): Json {
    return expectValid(schema, {
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux-system', generation },
      spec: { interval: '10m', prune: true, sourceRef: { kind: 'GitRepository', name: 'flux-system' } },
      status: { observedGeneration: 2, ...status },
    });
  }
  const ready = (status: 'True' | 'False' | 'Unknown', reason: string, message = '') => ({
    conditions: [{ type: 'Ready', status, reason, message, lastTransitionTime: '2026-01-02T03:04:05Z' }],
  });
  const inventory = {
    inventory: {
      entries: [
        { id: 'apps_web_apps_Deployment', v: 'v1' },
        { id: 'apps_web__Service', v: 'v1' },
        { id: '_apps__Namespace', v: 'v1' },
      ],
    },
  };

  it('is synced when lastAppliedRevision names the commit, the generation is observed and Ready is True', () => {
    const object = kustomization({
      lastAppliedRevision: `main@sha1:${OURS}`,
      lastAttemptedRevision: `main@sha1:${OURS}`,
      ...ready('True', 'ReconciliationSucceeded', `Applied revision: main@sha1:${OURS}`),
      ...inventory,
    });
    const report = evaluator.evaluate(object, OURS);
    expect(report).toMatchObject({ phase: 'synced', syncedAt: '2026-01-02T03:04:05Z', health: 'Ready=True' });
    expect(report.workloads).toEqual([{ apiVersion: 'apps/v1', kind: 'Deployment', namespace: 'apps', name: 'web' }]);
  });

  it('takes a bare sha too, and waits for a generation the controller has not observed', () => {
    const status = { lastAppliedRevision: OURS, ...ready('True', 'ReconciliationSucceeded') };
    expect(evaluator.evaluate(kustomization(status), OURS).phase).toBe('synced');
    expect(evaluator.evaluate(kustomization(status, 3), OURS).phase).toBe('waiting');
  });

  it('fails on a terminal Ready=False for the commit, degrades on a failed health check', () => {
    const attempt = { lastAppliedRevision: `main@sha1:${RECORDED}`, lastAttemptedRevision: `main@sha1:${OURS}` };
    const build = kustomization({
      ...attempt,
      ...ready('False', 'BuildFailed', 'kustomize build failed: accumulating resources'),
    });
    const health = kustomization({
      ...attempt,
      ...ready('False', 'HealthCheckFailed', 'timeout waiting for: [Deployment/apps/web]'),
    });
    const retrying = kustomization({ ...attempt, ...ready('Unknown', 'Progressing', 'Reconciliation in progress') });
    expect(evaluator.evaluate(build, OURS)).toMatchObject({ phase: 'failed', previousRevision: RECORDED });
    expect(evaluator.evaluate(build, OURS).message).toContain('BuildFailed: kustomize build failed');
    expect(evaluator.evaluate(health, OURS).phase).toBe('degraded');
    expect(evaluator.evaluate(retrying, OURS).phase).toBe('waiting');
  });

  it('reports the newest commit the source gave it, for the superseded check', () => {
    const object = kustomization({
      lastAppliedRevision: `main@sha1:${NEWER}`,
      lastAttemptedRevision: `main@sha1:${NEWER}`,
      ...ready('True', 'ReconciliationSucceeded'),
    });
    expect(evaluator.evaluate(object, OURS)).toMatchObject({ phase: 'waiting', appliedRevision: NEWER, seen: false });
  });
});

describe('Flux HelmRelease', () => {
  const schema = crdSchema('flux/helmreleases-crd.yaml', 'v2');
  const evaluator = new FluxHelmReleaseEvaluator('apps/podinfo', 'flux-helm-release');

  function release(version: string, status: string, readyStatus: 'True' | 'False', reason: string): Json {
    return expectValid(schema, {
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'podinfo', namespace: 'apps', generation: 1 },
      spec: {
        interval: '5m',
        chart: { spec: { chart: './charts/podinfo', sourceRef: { kind: 'GitRepository', name: 'apps' } } },
      },
      status: {
        observedGeneration: 1,
        lastAttemptedRevision: version,
        conditions: [
          { type: 'Ready', status: readyStatus, reason, message: reason, lastTransitionTime: '2026-01-02T03:04:05Z' },
        ],
        history: [
          {
            chartName: 'podinfo',
            chartVersion: version,
            configDigest: 'sha256:1',
            digest: 'sha256:2',
            firstDeployed: '2026-01-01T00:00:00Z',
            lastDeployed: '2026-01-02T03:04:00Z',
            name: 'podinfo',
            namespace: 'apps',
            status,
            version: 2,
          },
          {
            chartName: 'podinfo',
            chartVersion: `6.5.4+${RECORDED.slice(0, 12)}`,
            configDigest: 'sha256:1',
            digest: 'sha256:3',
            firstDeployed: '2026-01-01T00:00:00Z',
            lastDeployed: '2026-01-01T00:00:00Z',
            name: 'podinfo',
            namespace: 'apps',
            status: 'superseded',
            version: 1,
          },
        ],
      },
    });
  }

  it('is synced when the latest release is the commit’s chart version, deployed, and Ready is True', () => {
    const report = evaluator.evaluate(
      release(`6.5.4+${OURS.slice(0, 12)}`, 'deployed', 'True', 'UpgradeSucceeded'),
      OURS,
    );
    expect(report).toMatchObject({
      phase: 'synced',
      syncedAt: '2026-01-02T03:04:00Z',
      previousRevision: RECORDED.slice(0, 12),
    });
  });

  it('fails when helm-controller gave up on the commit', () => {
    const failed = release(`6.5.4+${OURS.slice(0, 12)}`, 'failed', 'False', 'UpgradeFailed');
    expect(evaluator.evaluate(failed, OURS).phase).toBe('failed');
  });

  it('refuses a release whose chart versions name no commit', () => {
    expect(() => evaluator.evaluate(release('6.5.4', 'deployed', 'True', 'UpgradeSucceeded'), OURS)).toThrow(
      'Flux HelmRelease apps/podinfo (input "flux-helm-release") runs chart version 6.5.4, which names no commit',
    );
  });
});
