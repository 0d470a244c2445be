import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { helmOnPath } from '../../core/kubernetes/kubectl-apply-harness.js';
import { git } from '../../helpers/git.js';
import { tempTree, writeTree } from '../../helpers/temp-dir.js';
import { type BareRepo, createBareRepo } from '../../helpers/testbed.js';
import type { JsonObject } from '../argocd-api/application-status.js';
import { ArgoCdApiDouble } from '../argocd-api/server.js';
import { kubectlIn } from '../kubernetes-api/kubectl-cli.js';
import { KubernetesApiDouble } from '../kubernetes-api/server.js';
import { type AgentTarget, GitOpsAgent, type GitOpsAgentOptions } from './agent.js';

const GOOD = 'registry.local/web@sha256:' + '1'.repeat(64);
const NEXT = 'registry.local/web@sha256:' + '2'.repeat(64);
const BROKEN = 'registry.local/web@sha256:' + '3'.repeat(64);

const KUSTOMIZE_APP = (image: string) => ({
  'apps/web/kustomization.yaml': 'resources:\n- deployment.yaml\n',
  'apps/web/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: "${image}"}]}
`,
});

const CHART = (image: string) => ({
  'charts/web/Chart.yaml': 'apiVersion: v2\nname: web\nversion: 0.1.0\nappVersion: "1.0"\n',
  'charts/web/values.yaml': `image: "${image}"\n`,
  'charts/web/templates/deployment.yaml': `apiVersion: apps/v1
kind: Deployment
metadata: {name: {{ .Release.Name }}}
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: {{ .Values.image | quote }}}]}
`,
});

interface Status {
  sync?: { status: string; revision?: string };
  health?: { status: string; message?: string };
  summary?: { images?: string[] };
  lastAppliedRevision?: string;
  lastAttemptedRevision?: string;
  lastHandledReconcileAt?: string;
  observedGeneration?: number;
  conditions?: { type: string; status: string; reason: string; message: string }[];
  inventory?: { entries: { id: string; v: string }[] };
  history?: { status: string; chartVersion: string; version: number }[];
}

/** Polls `read` until `done` holds (bounded), returning the last value read. */
async function until<T>(read: () => T, done: (value: T) => boolean, what: string, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)?.slice(0, 600)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const ready = (status: Status | undefined) => status?.conditions?.find((condition) => condition.type === 'Ready');

describe('stand-in GitOps agent on the test bed', () => {
  let cluster: KubernetesApiDouble;
  let argocd: ArgoCdApiDouble;
  let repo: BareRepo;
  let work: string;
  let agent: GitOpsAgent | undefined;
  let kubectl: ReturnType<typeof kubectlIn>;

  /** Commits `files` to the repository's main branch and returns the new sha. */
  const push = async (files: Record<string, string>, message: string) => {
    await writeTree(work, files);
    git(work, 'add', '-A');
    git(work, 'commit', '-q', '-m', message);
    git(work, 'push', '-q', 'origin', 'HEAD:main');
    return git(work, 'rev-parse', 'HEAD');
  };
  const statusOf = (apiVersion: string, kind: string, namespace: string, name: string) =>
    (cluster.object(apiVersion, kind, namespace, name)?.status ?? {}) as Status;
  const start = async (files: Record<string, string>, targets: AgentTarget[], options: Partial<GitOpsAgentOptions>) => {
    repo = await createBareRepo(`agent/${expect.getState().currentTestName?.replace(/\W+/g, '-')}`, files);
    work = await tempTree({}, 'agent-work-');
    git(work, 'clone', '-q', repo.gitUrl, '.');
    agent = await GitOpsAgent.start({ repository: repo.gitUrl, path: 'apps/web', cluster, targets, ...options });
  };

  beforeEach(async () => {
    cluster = await KubernetesApiDouble.start();
    cluster.installGitOpsCustomResources();
    argocd = await ArgoCdApiDouble.start();
    kubectl = kubectlIn(await tempTree({ kubeconfig: cluster.kubeconfig() }));
  });

  afterEach(async () => {
    await agent?.stop();
    agent = undefined;
    expect(argocd.schemaViolations()).toEqual([]);
    await argocd.stop();
    await cluster.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('carries each commit into the Argo CD API double and the Application object: a slow refresh, then Progressing before Healthy', async () => {
    const source = { repoURL: 'placeholder', path: 'apps/web', targetRevision: 'main' };
    argocd.addApplication({ name: 'web', source });
    cluster.seed({
      apiVersion: 'argoproj.io/v1alpha1',
      kind: 'Application',
      metadata: { name: 'web', namespace: 'argocd' },
      spec: {
        project: 'default',
        source,
        destination: { server: 'https://kubernetes.default.svc', namespace: 'default' },
      },
    });
    const seen: string[] = [];
    cluster.store.onChange(({ stored }) => {
      if (stored.resource.kind !== 'Application') return;
      const status = stored.object.status as Status | undefined;
      const entry = `${status?.sync?.status}@${status?.sync?.revision?.slice(0, 7)} ${status?.health?.status}`;
      if (status?.sync && seen.at(-1) !== entry) seen.push(entry);
    });
    await start(
      KUSTOMIZE_APP(GOOD),
      [
        { kind: 'argocd-api', server: argocd, application: 'web' },
        { kind: 'argocd-application', namespace: 'argocd', name: 'web' },
      ],
      { refreshDelayMs: 600_000 },
    );

    // The first commit is noticed only on a refresh (the delay is ten minutes).
    expect((argocd.application('web')?.status as Status).sync?.status).toBe('Unknown');
    await kubectl('annotate', 'application', 'web', '-n', 'argocd', 'argocd.argoproj.io/refresh=normal');
    const first = await until(
      () => argocd.application('web')?.status as Status,
      (status) => status.health?.status === 'Healthy',
      'the first sync',
    );
    expect(first.sync).toMatchObject({ status: 'Synced', revision: repo.head });
    expect(first.summary).toEqual({ images: [GOOD] });
    // The controller takes the refresh annotation away once it has refreshed.
    const metadata = cluster.object('argoproj.io/v1alpha1', 'Application', 'argocd', 'web')?.metadata as JsonObject;
    expect(metadata.annotations).not.toHaveProperty(['argocd.argoproj.io/refresh']);

    const next = await push(KUSTOMIZE_APP(NEXT), 'web: next image');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((argocd.application('web')?.status as Status).sync?.revision).toBe(repo.head);
    // A refresh GET answers once the agent has compared git again: the new commit, OutOfSync — or already Synced, when
    // the agent's apply beat the server's answer (a loaded machine): the revision is the point, not the race.
    const response = await fetch(`${argocd.url}/api/v1/applications/web?refresh=normal`, {
      headers: { authorization: `Bearer ${argocd.token}` },
      signal: AbortSignal.timeout(20_000),
    });
    const refreshed = (await response.json()) as { status: Status };
    expect(refreshed.status.sync?.revision).toBe(next);
    expect(['OutOfSync', 'Synced']).toContain(refreshed.status.sync?.status);
    const done = await until(
      () => argocd.application('web')?.status as Status,
      (status) =>
        status.sync?.revision === next && status.sync.status === 'Synced' && status.health?.status === 'Healthy',
      'the second sync',
    );
    expect(done.summary).toEqual({ images: [NEXT] });

    await until(
      () => statusOf('argoproj.io/v1alpha1', 'Application', 'argocd', 'web'),
      (status) => status.sync?.revision === next && status.health?.status === 'Healthy',
      'the Application object healthy',
    );
    const live = JSON.parse((await kubectl('get', 'application', '-n', 'argocd', 'web', '-o', 'json')).stdout) as {
      status: Omit<Status, 'history'> & { history: { revision: string }[]; operationState: { phase: string } };
    };
    expect(live.status.sync).toMatchObject({ status: 'Synced', revision: next });
    expect(live.status.history.map((entry) => entry.revision)).toEqual([repo.head, next]);
    expect(live.status.operationState.phase).toBe('Succeeded');
    expect(cluster.object('apps/v1', 'Deployment', 'default', 'web')).toMatchObject({
      spec: { template: { spec: { containers: [{ image: NEXT }] } } },
    });
    const short = (sha: string) => sha.slice(0, 7);
    expect(seen.slice(-3)).toEqual([
      `OutOfSync@${short(next)} Healthy`,
      `Synced@${short(next)} Progressing`,
      `Synced@${short(next)} Healthy`,
    ]);
  });

  it('writes a Flux Kustomization as kustomize-controller does, Degraded on an image that does not start, and honours requestedAt', async () => {
    cluster.seed({
      apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
      kind: 'Kustomization',
      metadata: { name: 'apps', namespace: 'flux-system' },
      spec: {
        interval: '1m',
        path: './apps/web',
        prune: true,
        sourceRef: { kind: 'GitRepository', name: 'flux-system' },
      },
    });
    const read = () => statusOf('kustomize.toolkit.fluxcd.io/v1', 'Kustomization', 'flux-system', 'apps');
    await start(KUSTOMIZE_APP(GOOD), [{ kind: 'flux-kustomization', namespace: 'flux-system', name: 'apps' }], {
      brokenImages: [BROKEN],
    });
    const first = await until(read, (status) => ready(status)?.status === 'True', 'Ready=True');
    expect(first).toMatchObject({
      lastAppliedRevision: `main@sha1:${repo.head}`,
      lastAttemptedRevision: `main@sha1:${repo.head}`,
      observedGeneration: 1,
    });
    expect(ready(first)).toMatchObject({
      reason: 'ReconciliationSucceeded',
      message: `Applied revision: main@sha1:${repo.head}`,
    });
    expect(first.inventory).toEqual({ entries: [{ id: 'default_web_apps_Deployment', v: 'v1' }] });

    const broken = await push(KUSTOMIZE_APP(BROKEN), 'web: broken image');
    const failed = await until(read, (status) => ready(status)?.reason === 'HealthCheckFailed', 'HealthCheckFailed');
    expect(failed.lastAttemptedRevision).toBe(`main@sha1:${broken}`);
    expect(failed.lastAppliedRevision).toBe(`main@sha1:${repo.head}`);
    expect(ready(failed)?.message).toContain('Deployment "web" exceeded its progress deadline');

    // A slow refresh from now on: only the requestedAt annotation (flux reconcile) makes it look.
    await agent?.stop();
    agent = await GitOpsAgent.start({
      repository: repo.gitUrl,
      path: 'apps/web',
      cluster,
      targets: [{ kind: 'flux-kustomization', namespace: 'flux-system', name: 'apps' }],
      refreshDelayMs: 600_000,
    });
    const fixed = await push(KUSTOMIZE_APP(NEXT), 'web: fixed image');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(read()?.lastAttemptedRevision).toBe(`main@sha1:${broken}`);
    const requestedAt = new Date().toISOString();
    await kubectl(
      'annotate',
      '--overwrite',
      'kustomization',
      'apps',
      '-n',
      'flux-system',
      `reconcile.fluxcd.io/requestedAt=${requestedAt}`,
    );
    const healed = await until(
      read,
      (status) => status?.lastAppliedRevision === `main@sha1:${fixed}` && ready(status)?.status === 'True',
      'the fixed commit applied',
    );
    expect(healed.lastHandledReconcileAt).toBe(requestedAt);
  });

  it('renders a chart with real helm and writes HelmRelease history as helm-controller does', async () => {
    const helm = path.join(helmOnPath(), 'helm');
    cluster.seed({
      apiVersion: 'helm.toolkit.fluxcd.io/v2',
      kind: 'HelmRelease',
      metadata: { name: 'web', namespace: 'flux-system' },
      spec: {
        interval: '1m',
        targetNamespace: 'default',
        chart: { spec: { chart: './charts/web', sourceRef: { kind: 'GitRepository', name: 'flux-system' } } },
      },
    });
    const read = () => statusOf('helm.toolkit.fluxcd.io/v2', 'HelmRelease', 'flux-system', 'web');
    await start(CHART(GOOD), [{ kind: 'flux-helmrelease', namespace: 'flux-system', name: 'web' }], {
      path: 'charts/web',
      renderer: 'helm',
      helm,
    });
    const installed = await until(read, (status) => ready(status)?.status === 'True', 'the install');
    expect(installed.history?.[0]).toMatchObject({
      status: 'deployed',
      version: 1,
      chartVersion: `0.1.0+${repo.head.slice(0, 12)}`,
    });
    expect(ready(installed)?.reason).toBe('InstallSucceeded');

    const next = await push(CHART(NEXT), 'chart: next image');
    const upgraded = await until(
      read,
      (status) =>
        status?.history?.[0]?.chartVersion === `0.1.0+${next.slice(0, 12)}` && ready(status)?.status === 'True',
      'the upgrade',
    );
    expect(upgraded.history?.map((entry) => `${entry.version} ${entry.status}`)).toEqual([
      '2 deployed',
      '1 superseded',
    ]);
    expect(ready(upgraded)?.message).toBe(
      `Helm upgrade succeeded for release default/web.v2 with chart web@0.1.0+${next.slice(0, 12)}`,
    );
    expect(cluster.object('apps/v1', 'Deployment', 'default', 'web')).toMatchObject({
      spec: { template: { spec: { containers: [{ image: NEXT }] } } },
    });
  });
});
