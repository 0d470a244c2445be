/**
 * How Argo CD's application controller writes an Application: the object it starts from and each status
 * transition of a sync (compare → operation Running → Succeeded/Failed → health). Field names and message texts
 * follow the recorded live object test/fixtures/argocd/application-with-status.yaml and the Application CRD; the
 * Argo CD API double and the stand-in GitOps agent both write status through these functions.
 */
import { randomUUID } from 'node:crypto';

export type JsonObject = Record<string, unknown>;

/** Argo CD's health codes (gitops-engine pkg/health). */
export type HealthCode = 'Healthy' | 'Progressing' | 'Degraded' | 'Suspended' | 'Missing' | 'Unknown';
export type SyncCode = 'Synced' | 'OutOfSync' | 'Unknown';
export type OperationPhase = 'Running' | 'Succeeded' | 'Failed' | 'Error' | 'Terminating';

export interface ApplicationSource {
  repoURL: string;
  path: string;
  targetRevision: string;
}

export interface NewApplication {
  name: string;
  /** Where the Application object lives (Argo CD's own namespace). Default `argocd`. */
  namespace?: string;
  project?: string;
  source: ApplicationSource;
  /** Namespace the application deploys into. Default `default`. */
  destinationNamespace?: string;
}

/** One resource the application manages, as status.resources and a sync result name it. */
export interface ManagedResource {
  group: string;
  version: string;
  kind: string;
  namespace?: string;
  name: string;
  health?: { status: HealthCode; message?: string };
  images?: string[];
}

export function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}

/** A new Application as `kubectl apply` leaves it before the controller has looked at it. */
export function newApplication(init: NewApplication): JsonObject {
  return {
    metadata: {
      name: init.name,
      namespace: init.namespace ?? 'argocd',
      uid: randomUUID(),
      generation: 1,
      creationTimestamp: now(),
      finalizers: ['resources-finalizer.argocd.argoproj.io'],
    },
    spec: {
      project: init.project ?? 'default',
      source: { ...init.source },
      destination: { server: 'https://kubernetes.default.svc', namespace: init.destinationNamespace ?? 'default' },
      syncPolicy: { automated: { prune: true, selfHeal: true }, syncOptions: ['ServerSideApply=true'] },
    },
    status: {
      controllerNamespace: init.namespace ?? 'argocd',
      sync: { status: 'Unknown' },
      health: { status: 'Missing' },
      sourceType: 'Kustomize',
    },
  };
}

function statusOf(app: JsonObject): JsonObject {
  app.status ??= {};
  return app.status as JsonObject;
}

function specOf(app: JsonObject): { source: ApplicationSource; destination: JsonObject } {
  return app.spec as { source: ApplicationSource; destination: JsonObject };
}

/** The controller compared git at `revision` with the cluster: status.sync names that revision. */
export function compared(app: JsonObject, revision: string, sync: SyncCode): void {
  const { source, destination } = specOf(app);
  const status = statusOf(app);
  status.sync = { status: sync, revision, comparedTo: { source: { ...source }, destination: { ...destination } } };
  status.reconciledAt = now();
}

/** An automated sync of `revision` started: `operation` is set and operationState is Running. */
export function operationStarted(app: JsonObject, revision: string, message = 'syncing'): void {
  const operation = {
    sync: { revision, syncOptions: ['ServerSideApply=true'] },
    initiatedBy: { automated: true },
    retry: { limit: 5 },
  };
  app.operation = operation;
  statusOf(app).operationState = { operation, phase: 'Running', message, startedAt: now() };
}

/**
 * The sync of `revision` ended. Succeeded: the revision is Synced and goes into history (what `argocd app rollback`
 * reads). Failed: the app stays OutOfSync, the message says why.
 */
export function operationFinished(
  app: JsonObject,
  revision: string,
  phase: Exclude<OperationPhase, 'Running' | 'Terminating'>,
  resources: ManagedResource[],
  message?: string,
): void {
  const status = statusOf(app);
  const { source } = specOf(app);
  const state = (status.operationState ?? {}) as JsonObject;
  const startedAt = (state.startedAt as string | undefined) ?? now();
  delete app.operation;
  const finished = phase === 'Succeeded';
  status.operationState = {
    ...state,
    phase,
    message: message ?? (finished ? 'successfully synced (all tasks run)' : 'one or more tasks are running'),
    startedAt,
    finishedAt: now(),
    syncResult: {
      revision,
      source: { ...source },
      resources: resources.map((resource) => ({
        group: resource.group,
        version: resource.version,
        kind: resource.kind,
        namespace: resource.namespace ?? '',
        name: resource.name,
        status: finished ? 'Synced' : 'SyncFailed',
        message: `${resource.kind.toLowerCase()}${resource.group ? `.${resource.group}` : ''}/${resource.name} ${finished ? 'serverside-applied' : 'failed'}`,
        hookPhase: finished ? 'Succeeded' : 'Failed',
        syncPhase: 'Sync',
      })),
    },
  };
  if (!finished) return;
  const history = (status.history ?? []) as JsonObject[];
  const id = Math.max(-1, ...history.map((entry) => Number(entry.id))) + 1;
  history.push({
    id,
    revision,
    deployStartedAt: startedAt,
    deployedAt: now(),
    source: { ...source },
    initiatedBy: { automated: true },
  });
  status.history = history.slice(-10);
  compared(app, revision, 'Synced');
  managed(app, resources);
}

/** status.resources and summary.images, as the controller keeps them from the live objects. */
export function managed(app: JsonObject, resources: ManagedResource[]): void {
  const status = statusOf(app);
  status.resources = resources.map((resource) => ({
    ...(resource.group ? { group: resource.group } : {}),
    version: resource.version,
    kind: resource.kind,
    ...(resource.namespace ? { namespace: resource.namespace } : {}),
    name: resource.name,
    status: 'Synced',
    ...(resource.health ? { health: { ...resource.health } } : {}),
  }));
  const images = [...new Set(resources.flatMap((resource) => resource.images ?? []))].sort();
  status.summary = images.length > 0 ? { images } : {};
}

/** The application's aggregated health; lastTransitionTime moves only when the code changes. */
export function health(app: JsonObject, code: HealthCode, message?: string): void {
  const status = statusOf(app);
  const previous = status.health as { status?: string; lastTransitionTime?: string } | undefined;
  status.health = {
    status: code,
    ...(message ? { message } : {}),
    lastTransitionTime: previous?.status === code && previous.lastTransitionTime ? previous.lastTransitionTime : now(),
  };
}
