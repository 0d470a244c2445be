/**
 * wait-for-sync reading Flux objects from the Kubernetes API double, which serves their CRDs: from the step's own
 * process, and through real kubectl for a kubeconfig the in-process client does not read. The test plays the
 * controller by writing status through the status subresource (with kubectl), as Flux does.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { SyncNotReachedError } from '../../src/actions/wait-for-sync/run.js';
import { machineKubectlInstall, machineKubectlVersion } from '../core/kubernetes/kubectl-apply-harness.js';
import { UserError } from '../../src/core/errors.js';
import {
  compared,
  health,
  managed,
  type ManagedResource,
  newApplication,
  operationFinished,
} from '../doubles/argocd-api/application-status.js';
import { KubernetesApiDouble } from '../doubles/kubernetes-api/server.js';
import { tempTree } from '../helpers/temp-dir.js';
import { runWaitForSync } from './wait-for-sync.harness.js';

const run = promisify(execFile);
const OLD = 'a'.repeat(40);
const NEW = 'b'.repeat(40);
const DIGEST = `sha256:${'d'.repeat(64)}`;

describe('wait-for-sync through the Kubernetes API (Flux objects, and an Argo CD Application)', () => {
  let double: KubernetesApiDouble;
  let dir: string;
  // The machine's kubectl as the installer's default: the action pins no other version input.
  const version = machineKubectlVersion();
  const machine = machineKubectlInstall(version);
  const install = {
    ...machine,
    releases: {
      kubectl: {
        ...(machine.releases?.kubectl as NonNullable<typeof machine.releases>['kubectl']),
        defaultVersion: version,
      },
    },
  };
  const kubectl = (...args: string[]) =>
    run('kubectl', ['--kubeconfig', path.join(dir, 'kubeconfig'), ...args], { timeout: 30_000 });
  const setStatus = (resource: string, name: string, status: object) =>
    kubectl(
      'patch',
      resource,
      name,
      '-n',
      'flux-system',
      '--subresource=status',
      '--type=merge',
      '-p',
      JSON.stringify({ status }),
    );
  const ready = (revision: string) => ({
    lastAppliedRevision: `main@sha1:${revision}`,
    lastAttemptedRevision: `main@sha1:${revision}`,
    observedGeneration: 1,
    conditions: [
      {
        type: 'Ready',
        status: 'True',
        reason: 'ReconciliationSucceeded',
        message: `Applied revision: main@sha1:${revision}`,
        lastTransitionTime: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      },
    ],
    inventory: { entries: [{ id: 'apps_web_apps_Deployment', v: 'v1' }] },
  });

  beforeAll(async () => {
    double = await KubernetesApiDouble.start();
    double.installGitOpsCustomResources();
    double.seed({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'apps' } });
    dir = await tempTree({ kubeconfig: double.kubeconfig() });
    double.seed({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux-system' },
      spec: { interval: '1m', path: './apps', prune: true, sourceRef: { kind: 'GitRepository', name: 'flux-system' } },
    });
    double.seed({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'podinfo', namespace: 'flux-system' },
      spec: {
        interval: '1m',
        chart: { spec: { chart: './charts/podinfo', sourceRef: { kind: 'GitRepository', name: 'flux-system' } } },
      },
    });
    double.seed({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'apps' },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'web', image: `ghcr.io/acme/web@${DIGEST}` }] },
        },
      },
    });
    await setStatus('kustomization', 'apps', ready(OLD));
  });

  afterAll(async () => {
    await double.stop();
    await fs.rm(dir, { recursive: true, force: true });
  });

  const wait = (inputs: Record<string, string>) =>
    runWaitForSync({ agent: 'flux', kubeconfig: double.kubeconfig(), revision: NEW, ...inputs }, dir, { install });

  it('waits for the Kustomization to apply the commit, reads the digest from its inventory, and asks to reconcile when told', async () => {
    const before = double.received.length;
    const applied = new Promise((resolve) => setTimeout(resolve, 1500)).then(() =>
      setStatus('kustomization', 'apps', ready(NEW)),
    );
    const { outputs, error } = await wait({
      'flux-kustomization': 'flux-system/apps',
      'image-ref': `ghcr.io/acme/web@${DIGEST}`,
      refresh: 'true',
    });
    await applied;
    expect(error).toBeUndefined();
    expect(outputs).toMatchObject({ status: 'synced', revision: NEW, health: 'Ready=True', 'previous-revision': OLD });
    const annotations = double.object('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'flux-system', 'apps')
      ?.metadata as {
      annotations?: Record<string, string>;
    };
    expect(annotations.annotations?.['reconcile.fluxcd.io/requestedAt']).toMatch(/^\d{4}-/);
    // Every read and the annotation from this process, none from a kubectl process (the test itself sets the status
    // through kubectl meanwhile).
    const object = '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps';
    const mine = double.received
      .slice(before)
      .filter((request) => request.path === object || request.path === '/apis/apps/v1/namespaces/apps/deployments/web');
    expect(mine.filter((request) => request.method === 'GET').length).toBeGreaterThan(1);
    expect(new Set(mine.map((request) => request.userAgent))).toEqual(
      new Set(['gitops-delivery-actions (wait-for-sync)']),
    );
    const patch = mine.find((request) => request.method === 'PATCH');
    expect(patch).toMatchObject({
      path: '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/flux-system/kustomizations/apps',
      contentType: 'application/merge-patch+json',
      query: { fieldManager: 'gitops-delivery-actions' },
    });
  });

  it('reads through kubectl when the kubeconfig uses what the action does not read (impersonation)', async () => {
    const kubeconfig = double.kubeconfig().replace(/^(\s+)token: (.*)$/m, '$1token: $2\n$1as: release-bot');
    expect(kubeconfig).toContain('as: release-bot');
    await setStatus('kustomization', 'apps', ready(NEW));
    const before = double.received.length;
    const { outputs, error } = await wait({
      kubeconfig,
      'flux-kustomization': 'flux-system/apps',
      'image-ref': `ghcr.io/acme/web@${DIGEST}`,
    });
    expect(error).toBeUndefined();
    expect(outputs).toMatchObject({ status: 'synced', revision: NEW });
    const agents = double.received.slice(before).map((request) => request.userAgent ?? '');
    expect(agents.length).toBeGreaterThan(0);
    expect(agents.every((agent) => /^kubectl(-dispatcher)?\//.test(agent))).toBe(true);
  });

  it('through kubectl too, names a kind confused with another and an object that does not exist', async () => {
    const kubeconfig = double.kubeconfig().replace(/^(\s+)token: (.*)$/m, '$1token: $2\n$1as: release-bot');
    const confusedKind = await wait({ kubeconfig, 'flux-kustomization': 'flux-system/podinfo' });
    expect(String(confusedKind.error)).toContain(
      'Input "flux-kustomization" names flux-system/podinfo, which is a HelmRelease, not a Kustomization: name it in "flux-helm-release".',
    );
    const missing = await wait({ kubeconfig, 'flux-helm-release': 'flux-system/nope' });
    expect(String(missing.error)).toContain(
      'HelmRelease flux-system/nope (input "flux-helm-release") does not exist in the cluster.',
    );
  });

  it('fails fast on a failed health check for the commit', async () => {
    await setStatus('kustomization', 'apps', {
      ...ready(OLD),
      lastAttemptedRevision: `main@sha1:${NEW}`,
      conditions: [
        {
          type: 'Ready',
          status: 'False',
          reason: 'HealthCheckFailed',
          message: 'health check failed after 30s: timeout waiting for: [Deployment/apps/web status: InProgress]',
          lastTransitionTime: '2026-01-02T03:04:05Z',
        },
      ],
    });
    const { outputs, error } = await wait({ 'flux-kustomization': 'flux-system/apps' });
    expect(error).toBeInstanceOf(SyncNotReachedError);
    expect(outputs.status).toBe('degraded');
    expect(outputs.message).toContain('HealthCheckFailed: health check failed after 30s');
  });

  it('says so when a HelmRelease is named as a Kustomization', async () => {
    const { error, outputs } = await wait({ 'flux-kustomization': 'flux-system/podinfo' });
    expect(String(error)).toContain(
      'Input "flux-kustomization" names flux-system/podinfo, which is a HelmRelease, not a Kustomization: name it in "flux-helm-release".',
    );
    expect(outputs).toEqual({});
  });

  it('says so when the object does not exist', async () => {
    const { error } = await wait({ 'flux-helm-release': 'flux-system/nope' });
    expect(String(error)).toContain(
      'HelmRelease flux-system/nope (input "flux-helm-release") does not exist in the cluster.',
    );
  });

  it('waits for an Argo CD Application read as a Kubernetes object (no Argo CD server)', async () => {
    const app = newApplication({
      name: 'web',
      project: 'shop',
      source: { repoURL: 'https://github.com/acme/gitops.git', path: 'apps/web', targetRevision: 'main' },
      destinationNamespace: 'apps',
    });
    const web: ManagedResource = { group: 'apps', version: 'v1', kind: 'Deployment', namespace: 'apps', name: 'web' };
    compared(app, NEW, 'Synced');
    operationFinished(app, NEW, 'Succeeded', [web]);
    managed(app, [{ ...web, health: { status: 'Healthy' } }]);
    health(app, 'Healthy');
    double.seed({ apiVersion: 'argoproj.io/v1alpha1', kind: 'Application', ...app });
    const before = double.received.length;

    const { outputs, error } = await wait({ agent: 'argocd', 'argocd-application': 'web', 'argocd-project': 'shop' });

    expect(error).toBeUndefined();
    expect(outputs).toMatchObject({ status: 'synced', revision: NEW, health: 'Healthy' });
    const reads = double.received.slice(before).filter((request) => request.path.includes('/applications/web'));
    expect(reads.map((request) => `${request.userAgent} ${request.method} ${request.path}`)).toContain(
      'gitops-delivery-actions (wait-for-sync) GET /apis/argoproj.io/v1alpha1/namespaces/argocd/applications/web',
    );
  });

  // Last: the double keeps a refusal for the rest of its life.
  it('says which permission the kubeconfig lacks when RBAC refuses a read, naming what it could not read', async () => {
    double.forbid({ verb: 'get', resource: 'helmreleases', group: 'helm.toolkit.fluxcd.io', namespace: 'flux-system' });
    const { error } = await wait({ 'flux-helm-release': 'flux-system/podinfo' });
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toBe(
      'The kubeconfig may not get helmreleases.helm.toolkit.fluxcd.io in namespace flux-system (Forbidden), so HelmRelease flux-system/podinfo cannot be read: grant its user get, list and watch on them.',
    );

    // A Role that may read only Kustomizations: the look for a HelmRelease of that name is no answer, not an error.
    const missing = await wait({ 'flux-kustomization': 'flux-system/nope' });
    expect(String(missing.error)).toContain(
      'Kustomization flux-system/nope (input "flux-kustomization") does not exist in the cluster.',
    );

    // The workloads are read for their images: a refusal names the workload, not the Kustomization.
    await setStatus('kustomization', 'apps', ready(NEW));
    double.forbid({ verb: 'get', resource: 'deployments', group: 'apps', namespace: 'apps' });
    const images = await wait({ 'flux-kustomization': 'flux-system/apps', 'image-ref': `ghcr.io/acme/web@${DIGEST}` });
    expect((images.error as Error).message).toBe(
      'The kubeconfig may not get deployments.apps in namespace apps (Forbidden), so Deployment apps/web cannot be read: grant its user get, list and watch on them.',
    );
  });
});
