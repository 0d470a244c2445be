/**
 * Where the stand-in agent reports a sync, one writer per kind of target, each writing status as its real
 * controller does:
 * - an app in the Argo CD API double, and an Argo CD `Application` object in the Kubernetes double (whole object:
 *   the CRD has no status subresource), both through application-status.ts;
 * - a Flux `Kustomization` (kustomize-controller: lastAttemptedRevision / lastAppliedRevision `main@sha1:<sha>`,
 *   observedGeneration, Ready and Healthy conditions, inventory) and a Flux `HelmRelease` v2 (helm-controller:
 *   history of releases, Ready and Released conditions), through the status subresource.
 * Field names are the CRDs' (test/fixtures/argocd, test/fixtures/flux); the double validates them strictly.
 * Each writer also tells whether someone asked for a refresh (Argo CD's refresh annotation, Flux's requestedAt).
 */
import { createHash } from 'node:crypto';
import {
  compared,
  health as setHealth,
  type JsonObject,
  type ManagedResource,
  managed,
  now,
  operationFinished,
  operationStarted,
} from '../argocd-api/application-status.js';
import type { ArgoCdApiDouble } from '../argocd-api/server.js';
import type { ToolResult } from '../kubernetes-api/kubectl-cli.js';
import type { KubernetesApiDouble } from '../kubernetes-api/server.js';
import type { Health } from './workload-health.js';

/** A commit as the agent carries it: its sha, and for Helm the chart it holds. */
export interface SyncedRevision {
  sha: string;
  branch: string;
  chart?: { name: string; version: string; appVersion?: string };
}

export interface StatusWriter {
  /** Whether a refresh was asked for since the last call (and acknowledge it, as the controller does). */
  refreshRequested(): Promise<boolean>;
  /** The agent saw the commit: it differs from what runs. */
  noticed(revision: SyncedRevision): Promise<void>;
  /** Applying it failed; nothing of it runs. */
  failed(revision: SyncedRevision, message: string, resources: ManagedResource[]): Promise<void>;
  /** Applied; workloads are rolling out. */
  applied(revision: SyncedRevision, resources: ManagedResource[]): Promise<void>;
  /** Rollout over: the app's health as the live workloads show it. */
  settled(revision: SyncedRevision, resources: ManagedResource[], health: Health): Promise<void>;
}

const REFRESH = 'argocd.argoproj.io/refresh';
const FLUX_REQUESTED_AT = 'reconcile.fluxcd.io/requestedAt';

/** Both Argo CD targets write the same transitions; they differ in where the Application lives. */
abstract class ArgoCdWriter implements StatusWriter {
  abstract refreshRequested(): Promise<boolean>;
  protected abstract write(change: (app: JsonObject) => void): Promise<void>;

  noticed(revision: SyncedRevision): Promise<void> {
    return this.write((app) => argoNoticed(app, revision.sha));
  }
  failed(revision: SyncedRevision, message: string, resources: ManagedResource[]): Promise<void> {
    return this.write((app) => argoFailed(app, revision.sha, message, resources));
  }
  applied(revision: SyncedRevision, resources: ManagedResource[]): Promise<void> {
    return this.write((app) => argoApplied(app, revision.sha, resources));
  }
  settled(_revision: SyncedRevision, resources: ManagedResource[], health: Health): Promise<void> {
    return this.write((app) => argoSettled(app, resources, health));
  }
}

/** Writes to the Argo CD API double's app, in process (the double is the Argo CD server and its controller). */
export class ArgoCdApiWriter extends ArgoCdWriter {
  private requested = false;
  constructor(
    private readonly server: ArgoCdApiDouble,
    private readonly name: string,
    private readonly namespace?: string,
  ) {
    super();
  }

  /** The double calls this when a client asks for a refresh. */
  markRefreshRequested(): void {
    this.requested = true;
  }

  refreshRequested(): Promise<boolean> {
    const requested = this.requested;
    this.requested = false;
    return Promise.resolve(requested);
  }

  protected write(change: (app: JsonObject) => void): Promise<void> {
    this.server.update(this.name, change, this.namespace);
    return Promise.resolve();
  }
}

function argoNoticed(app: JsonObject, sha: string): void {
  compared(app, sha, 'OutOfSync');
  operationStarted(app, sha, 'syncing');
}

function argoFailed(app: JsonObject, sha: string, message: string, resources: ManagedResource[]): void {
  operationFinished(app, sha, 'Failed', resources, `one or more objects failed to apply, reason: ${message}`);
}

function argoApplied(app: JsonObject, sha: string, resources: ManagedResource[]): void {
  const progressing = resources.map((resource) => ({ ...resource, health: { status: 'Progressing' as const } }));
  operationFinished(app, sha, 'Succeeded', progressing);
  setHealth(app, 'Progressing');
}

function argoSettled(app: JsonObject, resources: ManagedResource[], health: Health): void {
  managed(app, resources);
  setHealth(app, health.status, health.message);
}

type Kubectl = (...args: string[]) => Promise<ToolResult>;

async function patch(kubectl: Kubectl, target: string[], operations: JsonObject[], status = false): Promise<void> {
  const result = await kubectl(
    'patch',
    ...target,
    ...(status ? ['--subresource=status'] : []),
    '--type=json',
    '--field-manager',
    'gitops-agent-double',
    '-p',
    JSON.stringify(operations),
  );
  if (result.code !== 0) throw new Error(`the agent could not write status: ${result.stderr.trim()}`);
}

/** Writes an Argo CD `Application` object in the Kubernetes double with real kubectl. */
export class ArgoCdApplicationWriter extends ArgoCdWriter {
  constructor(
    private readonly cluster: KubernetesApiDouble,
    private readonly kubectl: Kubectl,
    private readonly namespace: string,
    private readonly name: string,
  ) {
    super();
  }

  private live(): JsonObject {
    const live = this.cluster.object('argoproj.io/v1alpha1', 'Application', this.namespace, this.name);
    if (!live) throw new Error(`the agent's Application ${this.namespace}/${this.name} does not exist`);
    return live;
  }

  async refreshRequested(): Promise<boolean> {
    const annotations = (this.live().metadata as JsonObject).annotations as Record<string, string> | undefined;
    if (!annotations?.[REFRESH]) return false;
    await patch(this.kubectl, this.target(), [
      { op: 'remove', path: `/metadata/annotations/${REFRESH.replace('/', '~1')}` },
    ]);
    return true;
  }

  private target(): string[] {
    return ['application.argoproj.io', this.name, '-n', this.namespace];
  }

  protected async write(change: (app: JsonObject) => void): Promise<void> {
    const before = this.live();
    const after = structuredClone(before);
    change(after);
    const operations: JsonObject[] = [{ op: 'add', path: '/status', value: after.status }];
    if (after.operation) operations.push({ op: 'add', path: '/operation', value: after.operation });
    else if (before.operation) operations.push({ op: 'remove', path: '/operation' });
    await patch(this.kubectl, this.target(), operations);
  }
}

interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  observedGeneration?: number;
  lastTransitionTime?: string;
}

/** Replaces conditions of the same type; lastTransitionTime moves only when the status does (as Flux's runtime). */
function withConditions(previous: Condition[] | undefined, generation: number, ...updates: Condition[]): Condition[] {
  const result = (previous ?? []).filter((condition) => !updates.some((update) => update.type === condition.type));
  for (const update of updates) {
    const old = previous?.find((condition) => condition.type === update.type);
    result.push({
      ...update,
      observedGeneration: generation,
      lastTransitionTime: old?.status === update.status && old.lastTransitionTime ? old.lastTransitionTime : now(),
    });
  }
  return result;
}

function inventoryOf(resources: ManagedResource[]): { entries: { id: string; v: string }[] } {
  return {
    entries: resources.map((resource) => ({
      id: `${resource.namespace ?? ''}_${resource.name}_${resource.group}_${resource.kind}`,
      v: resource.version,
    })),
  };
}

/** Shared by the two Flux kinds: live object, requestedAt handling, status subresource writes. */
abstract class FluxWriter implements StatusWriter {
  private handledReconcileAt: string | undefined;

  constructor(
    protected readonly cluster: KubernetesApiDouble,
    private readonly kubectl: Kubectl,
    private readonly apiVersion: string,
    private readonly kind: string,
    protected readonly namespace: string,
    protected readonly name: string,
  ) {}

  protected live(): JsonObject {
    const live = this.cluster.object(this.apiVersion, this.kind, this.namespace, this.name);
    if (!live) throw new Error(`the agent's ${this.kind} ${this.namespace}/${this.name} does not exist`);
    return live;
  }

  protected generation(): number {
    return Number((this.live().metadata as JsonObject).generation ?? 1);
  }

  refreshRequested(): Promise<boolean> {
    const live = this.live();
    const requested = ((live.metadata as JsonObject).annotations as Record<string, string> | undefined)?.[
      FLUX_REQUESTED_AT
    ];
    const handled = (live.status as JsonObject | undefined)?.lastHandledReconcileAt;
    if (!requested || requested === handled || requested === this.handledReconcileAt) return Promise.resolve(false);
    this.handledReconcileAt = requested;
    return Promise.resolve(true);
  }

  protected async write(change: (status: JsonObject) => void): Promise<void> {
    const status = structuredClone((this.live().status as JsonObject | undefined) ?? {});
    change(status);
    if (this.handledReconcileAt) status.lastHandledReconcileAt = this.handledReconcileAt;
    const target = [`${this.kind.toLowerCase()}.${this.apiVersion.split('/')[0]}`, this.name, '-n', this.namespace];
    await patch(this.kubectl, target, [{ op: 'add', path: '/status', value: status }], true);
  }

  protected progressing(status: JsonObject, message: string): void {
    status.conditions = withConditions(
      status.conditions as Condition[] | undefined,
      this.generation(),
      { type: 'Reconciling', status: 'True', reason: 'Progressing', message },
      { type: 'Ready', status: 'Unknown', reason: 'Progressing', message: 'Reconciliation in progress' },
    );
  }

  abstract noticed(revision: SyncedRevision): Promise<void>;
  abstract failed(revision: SyncedRevision, message: string, resources: ManagedResource[]): Promise<void>;
  abstract applied(revision: SyncedRevision, resources: ManagedResource[]): Promise<void>;
  abstract settled(revision: SyncedRevision, resources: ManagedResource[], health: Health): Promise<void>;
}

/** Flux's revision string for a git commit. */
export function fluxRevision(revision: SyncedRevision): string {
  return `${revision.branch}@sha1:${revision.sha}`;
}

export class FluxKustomizationWriter extends FluxWriter {
  constructor(cluster: KubernetesApiDouble, kubectl: Kubectl, namespace: string, name: string) {
    super(cluster, kubectl, 'kustomize.toolkit.fluxcd.io/v1', 'Kustomization', namespace, name);
  }

  noticed(revision: SyncedRevision): Promise<void> {
    return this.write((status) => {
      status.lastAttemptedRevision = fluxRevision(revision);
      this.progressing(status, `Building manifests for revision ${fluxRevision(revision)} with a timeout of 5m0s`);
    });
  }

  failed(_revision: SyncedRevision, message: string): Promise<void> {
    return this.write((status) => {
      status.observedGeneration = this.generation();
      status.conditions = withConditions(
        (status.conditions as Condition[] | undefined)?.filter((condition) => condition.type !== 'Reconciling'),
        this.generation(),
        { type: 'Ready', status: 'False', reason: 'ReconciliationFailed', message },
      );
    });
  }

  applied(revision: SyncedRevision, resources: ManagedResource[]): Promise<void> {
    return this.write((status) => {
      status.inventory = inventoryOf(resources);
      this.progressing(status, `Running health checks for revision ${fluxRevision(revision)} with a timeout of 5m0s`);
    });
  }

  settled(revision: SyncedRevision, _resources: ManagedResource[], health: Health): Promise<void> {
    return this.write((status) => {
      const generation = this.generation();
      const rest = (status.conditions as Condition[] | undefined)?.filter(
        (condition) => condition.type !== 'Reconciling',
      );
      status.observedGeneration = generation;
      if (health.status === 'Healthy') {
        status.lastAppliedRevision = fluxRevision(revision);
        status.conditions = withConditions(
          rest,
          generation,
          {
            type: 'Ready',
            status: 'True',
            reason: 'ReconciliationSucceeded',
            message: `Applied revision: ${fluxRevision(revision)}`,
          },
          { type: 'Healthy', status: 'True', reason: 'Succeeded', message: 'Health check passed in 1.000s' },
        );
        return;
      }
      const message = `health check failed after 1.000s: ${health.message ?? health.status}`;
      status.conditions = withConditions(
        rest,
        generation,
        { type: 'Ready', status: 'False', reason: 'HealthCheckFailed', message },
        { type: 'Healthy', status: 'False', reason: 'HealthCheckFailed', message },
      );
    });
  }
}

/** A Helm release as helm-controller records it in status.history (newest first). */
export class FluxHelmReleaseWriter extends FluxWriter {
  private startedAt = now();

  constructor(cluster: KubernetesApiDouble, kubectl: Kubectl, namespace: string, name: string) {
    super(cluster, kubectl, 'helm.toolkit.fluxcd.io/v2', 'HelmRelease', namespace, name);
  }

  private chartVersion(revision: SyncedRevision): string {
    // source-controller's reconcileStrategy Revision: the chart version carries the commit.
    return `${revision.chart?.version ?? '0.0.0'}+${revision.sha.slice(0, 12)}`;
  }

  noticed(revision: SyncedRevision): Promise<void> {
    this.startedAt = now();
    return this.write((status) => {
      status.lastAttemptedRevision = this.chartVersion(revision);
      status.lastAttemptedGeneration = this.generation();
      this.progressing(status, 'Fulfilling prerequisites');
    });
  }

  failed(revision: SyncedRevision, message: string): Promise<void> {
    return this.release(
      revision,
      'failed',
      `Helm upgrade failed for release ${this.releaseName()} with chart ${this.chartRef(revision)}: ${message}`,
    );
  }

  applied(_revision: SyncedRevision, resources: ManagedResource[]): Promise<void> {
    return this.write((status) => {
      status.inventory = inventoryOf(resources);
      this.progressing(status, `Running 'upgrade' action with timeout of 5m0s`);
    });
  }

  settled(revision: SyncedRevision, _resources: ManagedResource[], health: Health): Promise<void> {
    if (health.status === 'Healthy') return this.release(revision, 'deployed');
    return this.release(
      revision,
      'failed',
      `Helm upgrade failed for release ${this.releaseName()} with chart ${this.chartRef(revision)}: context deadline exceeded (${health.message ?? health.status})`,
    );
  }

  private releaseName(): string {
    const spec = this.live().spec as { targetNamespace?: string; releaseName?: string } | undefined;
    return `${spec?.targetNamespace ?? this.namespace}/${spec?.releaseName ?? this.name}`;
  }

  private chartRef(revision: SyncedRevision): string {
    return `${revision.chart?.name ?? this.name}@${this.chartVersion(revision)}`;
  }

  private release(revision: SyncedRevision, outcome: 'deployed' | 'failed', failure?: string): Promise<void> {
    return this.write((status) => {
      const generation = this.generation();
      const history = ((status.history as JsonObject[] | undefined) ?? []).map((entry) =>
        entry.status === 'deployed' ? { ...entry, status: 'superseded' } : entry,
      );
      const version = Math.max(0, ...history.map((entry) => Number(entry.version))) + 1;
      const [namespace, name] = this.releaseName().split('/') as [string, string];
      const digest = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;
      history.unshift({
        name,
        namespace,
        version,
        status: outcome,
        chartName: revision.chart?.name ?? this.name,
        chartVersion: this.chartVersion(revision),
        ...(revision.chart?.appVersion ? { appVersion: revision.chart.appVersion } : {}),
        configDigest: digest(JSON.stringify((this.live().spec as JsonObject | undefined)?.values ?? {})),
        digest: digest(`${name}.v${version}:${revision.sha}`),
        firstDeployed: (history.at(-1)?.firstDeployed as string | undefined) ?? this.startedAt,
        lastDeployed: now(),
      });
      status.history = history.slice(0, 5);
      status.observedGeneration = generation;
      status.lastAttemptedReleaseAction = version === 1 ? 'install' : 'upgrade';
      const action = version === 1 ? 'Install' : 'Upgrade';
      const rest = (status.conditions as Condition[] | undefined)?.filter(
        (condition) => condition.type !== 'Reconciling',
      );
      const message =
        failure ??
        `Helm ${action.toLowerCase()} succeeded for release ${namespace}/${name}.v${version} with chart ${this.chartRef(revision)}`;
      const state = outcome === 'deployed' ? 'True' : 'False';
      const reason = `${action}${outcome === 'deployed' ? 'Succeeded' : 'Failed'}`;
      status.conditions = withConditions(
        rest,
        generation,
        { type: 'Ready', status: state, reason, message },
        { type: 'Released', status: state, reason, message },
      );
    });
  }
}
