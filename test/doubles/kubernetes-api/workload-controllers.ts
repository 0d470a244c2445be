/**
 * Stand-ins for the controllers of a cluster, enough for readiness and rollback to be observable:
 * a Deployment gets ReplicaSets with revision annotations (what `kubectl rollout undo` reads), a StatefulSet or
 * DaemonSet gets ControllerRevisions, every workload gets a status, and events tell what happened. No pods run:
 * whether a rollout becomes ready is decided by the test, per image (`failImage`).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { ApiResource, Discovery } from './discovery.js';
import { isObject, type JsonObject } from './object-tree.js';
import { metadataOf, type ObjectStore, type StoredObject } from './object-store.js';

/** How a rollout ends: its pods become ready, stay unavailable, or the controller gives up (progress deadline). */
export type RolloutOutcome = 'ready' | 'unavailable' | 'deadline-exceeded';

const REVISION = 'deployment.kubernetes.io/revision';
// Annotations the deployment controller does not copy to a ReplicaSet (kubectl skips the same when rolling back).
const NOT_COPIED = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  REVISION,
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

interface PodTemplate {
  metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> };
  spec?: { containers?: { image?: string }[]; initContainers?: { image?: string }[] };
}

interface WorkloadSpec {
  replicas?: number;
  selector?: { matchLabels?: Record<string, string> };
  template?: PodTemplate;
}

export class WorkloadControllers {
  private readonly failing = new Map<string, Exclude<RolloutOutcome, 'ready'>>();

  constructor(
    private readonly store: ObjectStore,
    private readonly discovery: Discovery,
  ) {}

  /** Pods of this image never become ready; rollouts that use it end as `outcome`. */
  failImage(image: string, outcome: Exclude<RolloutOutcome, 'ready'> = 'unavailable'): void {
    this.failing.set(image, outcome);
  }

  healImage(image: string): void {
    this.failing.delete(image);
  }

  /** Reacts to a write of a workload, as its controller would (synchronously, so a test needs no waiting). */
  reconcile(stored: StoredObject): void {
    const { group, kind } = { group: stored.resource.group, kind: stored.resource.kind };
    if (group === 'apps' && kind === 'Deployment') this.deployment(stored);
    else if (group === 'apps' && (kind === 'StatefulSet' || kind === 'DaemonSet')) this.revisioned(stored);
    else if (group === 'batch' && kind === 'Job') this.job(stored);
    else if (group === 'argoproj.io' && kind === 'Rollout') this.argoRollout(stored);
  }

  private deployment(stored: StoredObject): void {
    const deployment = stored.object;
    const metadata = metadataOf(deployment);
    const spec = deployment.spec as WorkloadSpec;
    const replicas = spec.replicas ?? 1;
    const hash = templateHash(spec.template);
    const replicaSets = this.owned(this.resource('apps/v1', 'replicasets'), stored);
    const latest = Math.max(0, ...replicaSets.map(revisionOf));
    let current = replicaSets.find((rs) => metadataOf(rs.object).labels?.['pod-template-hash'] === hash);
    const hadPrevious = replicaSets.some((rs) => rs !== current);
    if (!current || revisionOf(current) !== latest) {
      current = this.writeReplicaSet(stored, current, hash, latest + 1);
      this.event(
        stored,
        'Normal',
        'ScalingReplicaSet',
        `Scaled up replica set ${metadataOf(current.object).name} to 1`,
      );
    }
    const revision = String(revisionOf(current));
    const rsName = metadataOf(current.object).name;
    const changed = metadata.annotations?.[REVISION] !== revision;
    metadata.annotations = { ...metadata.annotations, [REVISION]: revision };
    const outcome = this.outcomeOf(spec.template);
    const old = hadPrevious ? replicas : 0;
    const generation = metadata.generation;
    deployment.status =
      outcome === 'ready'
        ? {
            observedGeneration: generation,
            replicas,
            updatedReplicas: replicas,
            readyReplicas: replicas,
            availableReplicas: replicas,
            conditions: [
              condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.'),
              condition(
                'Progressing',
                'True',
                'NewReplicaSetAvailable',
                `ReplicaSet "${rsName}" has successfully progressed.`,
              ),
            ],
          }
        : {
            observedGeneration: generation,
            replicas: old + 1,
            updatedReplicas: 1,
            readyReplicas: old,
            availableReplicas: old,
            unavailableReplicas: 1,
            conditions: [
              old > 0
                ? condition('Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.')
                : condition(
                    'Available',
                    'False',
                    'MinimumReplicasUnavailable',
                    'Deployment does not have minimum availability.',
                  ),
              outcome === 'deadline-exceeded'
                ? condition(
                    'Progressing',
                    'False',
                    'ProgressDeadlineExceeded',
                    `ReplicaSet "${rsName}" has timed out progressing.`,
                  )
                : condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rsName}" is progressing.`),
            ],
          };
    this.store.put(stored.resource, deployment, stored.managers);
    if (changed && outcome !== 'ready') this.podFailure(stored, rsName, spec.template);
  }

  private writeReplicaSet(
    owner: StoredObject,
    existing: StoredObject | undefined,
    hash: string,
    revision: number,
  ): StoredObject {
    const resource = this.resource('apps/v1', 'replicasets');
    const metadata = metadataOf(owner.object);
    const spec = owner.object.spec as WorkloadSpec;
    const template = structuredClone(spec.template ?? {});
    template.metadata = { ...template.metadata, labels: { ...template.metadata?.labels, 'pod-template-hash': hash } };
    const copied = Object.entries(metadata.annotations ?? {}).filter(([key]) => !NOT_COPIED.has(key));
    const replicaSet = existing?.object ?? {
      metadata: {
        name: `${metadata.name}-${hash}`,
        namespace: metadata.namespace,
        labels: template.metadata.labels,
        ownerReferences: [ownerReference(owner)],
      },
      spec: {
        replicas: spec.replicas ?? 1,
        selector: { matchLabels: { ...spec.selector?.matchLabels, 'pod-template-hash': hash } },
        template,
      },
    };
    metadataOf(replicaSet).annotations = { ...Object.fromEntries(copied), [REVISION]: String(revision) };
    return this.store.put(resource, replicaSet, existing?.managers ?? []);
  }

  /** StatefulSet and DaemonSet: one ControllerRevision per template, its data the patch rollout undo applies. */
  private revisioned(stored: StoredObject): void {
    const workload = stored.object;
    const metadata = metadataOf(workload);
    const spec = workload.spec as WorkloadSpec & { updateStrategy?: { type?: string } };
    spec.updateStrategy ??= { type: 'RollingUpdate' };
    const hash = templateHash(spec.template);
    const resource = this.resource('apps/v1', 'controllerrevisions');
    const revisions = this.owned(resource, stored);
    const latest = Math.max(0, ...revisions.map((history) => Number(history.object.revision)));
    const previous = revisions.filter((history) => Number(history.object.revision) === latest)[0];
    let current = revisions.find((history) => metadataOf(history.object).labels?.['controller-revision-hash'] === hash);
    if (!current || Number(current.object.revision) !== latest) {
      const revision = current?.object ?? {
        metadata: {
          name: `${metadata.name}-${hash}`,
          namespace: metadata.namespace,
          labels: { ...spec.template?.metadata?.labels, 'controller-revision-hash': hash },
          ownerReferences: [ownerReference(stored)],
        },
        data: { spec: { template: { ...structuredClone(spec.template), $patch: 'replace' } } },
      };
      revision.revision = latest + 1;
      current = this.store.put(resource, revision, current?.managers ?? []);
      this.event(
        stored,
        'Normal',
        'SuccessfulCreate',
        `create Pod ${metadata.name}-0 in ${stored.resource.kind} ${metadata.name} successful`,
      );
    }
    const updateRevision = metadataOf(current.object).name;
    const currentRevision = previous && previous !== current ? metadataOf(previous.object).name : updateRevision;
    const outcome = this.outcomeOf(spec.template);
    const replicas = stored.resource.kind === 'DaemonSet' ? 1 : (spec.replicas ?? 1);
    const ready = outcome === 'ready';
    workload.status =
      stored.resource.kind === 'DaemonSet'
        ? {
            observedGeneration: metadata.generation,
            desiredNumberScheduled: replicas,
            currentNumberScheduled: replicas,
            updatedNumberScheduled: replicas,
            numberReady: ready ? replicas : 0,
            numberAvailable: ready ? replicas : 0,
            ...(ready ? {} : { numberUnavailable: replicas }),
          }
        : {
            observedGeneration: metadata.generation,
            replicas,
            readyReplicas: ready ? replicas : replicas - 1,
            availableReplicas: ready ? replicas : replicas - 1,
            currentReplicas: ready ? replicas : replicas - 1,
            updatedReplicas: ready ? replicas : 1,
            currentRevision: ready ? updateRevision : currentRevision,
            updateRevision,
          };
    this.store.put(stored.resource, workload, stored.managers);
    if (!ready) this.podFailure(stored, `${metadata.name}-${hash}`, spec.template);
  }

  private job(stored: StoredObject): void {
    const job = stored.object;
    if (isObject(job.status) && (job.status.succeeded || job.status.failed)) return;
    const outcome = this.outcomeOf((job.spec as WorkloadSpec).template);
    const now = timestamp();
    job.status =
      outcome === 'ready'
        ? { succeeded: 1, startTime: now, completionTime: now, conditions: [condition('Complete', 'True', '', '')] }
        : outcome === 'unavailable'
          ? { active: 1, startTime: now }
          : {
              failed: 1,
              startTime: now,
              conditions: [
                condition('Failed', 'True', 'BackoffLimitExceeded', 'Job has reached the specified backoff limit'),
              ],
            };
    this.store.put(stored.resource, job, stored.managers);
    if (outcome !== 'ready') this.podFailure(stored, metadataOf(job).name, (job.spec as WorkloadSpec).template);
  }

  /** An Argo Rollout, reduced to what its status says: phase, stable and current pod hashes, conditions, abort. */
  private argoRollout(stored: StoredObject): void {
    const rollout = stored.object;
    const metadata = metadataOf(rollout);
    const spec = rollout.spec as WorkloadSpec;
    const status = (isObject(rollout.status) ? rollout.status : {}) as JsonObject;
    const replicas = spec.replicas ?? 1;
    const hash = templateHash(spec.template);
    const newTemplate = status.currentPodHash !== hash;
    const stableRS = (status.stableRS as string | undefined) ?? hash;
    const name = metadata.name;
    const base = { observedGeneration: String(metadata.generation), replicas, currentPodHash: hash };
    if (status.abort && !newTemplate) {
      rollout.status = {
        ...base,
        abort: true,
        phase: 'Degraded',
        message: `RolloutAborted: Rollout aborted update to revision ${metadata.generation}`,
        stableRS,
        updatedReplicas: 0,
        readyReplicas: replicas,
        availableReplicas: replicas,
        conditions: [
          condition('Available', 'True', 'AvailableReason', 'Rollout has minimum availability'),
          condition(
            'Progressing',
            'False',
            'RolloutAborted',
            `Rollout aborted update to revision ${metadata.generation}`,
          ),
        ],
      };
      if (status.phase !== 'Degraded' || !String(status.message).startsWith('RolloutAborted')) {
        this.event(stored, 'Warning', 'RolloutAborted', `Rollout aborted update to revision ${metadata.generation}`);
      }
    } else {
      const outcome = this.outcomeOf(spec.template);
      const rs = `${name}-${hash}`;
      rollout.status =
        outcome === 'ready'
          ? {
              ...base,
              phase: 'Healthy',
              stableRS: hash,
              updatedReplicas: replicas,
              readyReplicas: replicas,
              availableReplicas: replicas,
              conditions: [
                condition('Available', 'True', 'AvailableReason', 'Rollout has minimum availability'),
                condition(
                  'Progressing',
                  'True',
                  'NewReplicaSetAvailable',
                  `Rollout "${name}" has successfully progressed.`,
                ),
                condition('Healthy', 'True', 'RolloutHealthy', 'Rollout is healthy'),
              ],
            }
          : {
              ...base,
              phase: outcome === 'deadline-exceeded' ? 'Degraded' : 'Progressing',
              message:
                outcome === 'deadline-exceeded'
                  ? `ProgressDeadlineExceeded: ReplicaSet "${rs}" has timed out progressing.`
                  : 'more replicas need to be updated',
              stableRS,
              updatedReplicas: 1,
              readyReplicas: stableRS === hash ? 0 : replicas,
              availableReplicas: stableRS === hash ? 0 : replicas,
              conditions: [
                outcome === 'deadline-exceeded'
                  ? condition(
                      'Progressing',
                      'False',
                      'ProgressDeadlineExceeded',
                      `ReplicaSet "${rs}" has timed out progressing.`,
                    )
                  : condition('Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${rs}" is progressing.`),
              ],
            };
      if (newTemplate && outcome !== 'ready') this.podFailure(stored, rs, spec.template);
    }
    this.store.put(stored.resource, rollout, stored.managers);
  }

  private outcomeOf(template: PodTemplate | undefined): RolloutOutcome {
    const images = [...(template?.spec?.containers ?? []), ...(template?.spec?.initContainers ?? [])].map(
      (container) => container.image,
    );
    const outcomes = images.map((image) => (image ? this.failing.get(image) : undefined));
    return (
      outcomes.find((outcome) => outcome === 'deadline-exceeded') ??
      outcomes.find((outcome) => outcome !== undefined) ??
      'ready'
    );
  }

  /** What the kubelet reports when it cannot start a pod of this template. */
  private podFailure(owner: StoredObject, podPrefix: string, template: PodTemplate | undefined): void {
    const image = template?.spec?.containers
      ?.map((container) => container.image)
      .find((candidate) => candidate && this.failing.has(candidate));
    const pod = `${podPrefix}-${randomBytes(3).toString('hex').slice(0, 5)}`;
    this.event(owner, 'Warning', 'BackOff', `Back-off pulling image "${image}"`, {
      kind: 'Pod',
      name: pod,
      apiVersion: 'v1',
    });
  }

  private event(
    owner: StoredObject,
    type: 'Normal' | 'Warning',
    reason: string,
    message: string,
    about: { kind: string; name: string; apiVersion: string } = {
      kind: owner.resource.kind,
      name: metadataOf(owner.object).name,
      apiVersion: (owner.object.apiVersion as string) ?? '',
    },
  ): void {
    const namespace = metadataOf(owner.object).namespace ?? 'default';
    const now = timestamp();
    this.store.put(
      this.resource('v1', 'events'),
      {
        metadata: { name: `${about.name}.${randomBytes(8).toString('hex')}`, namespace },
        involvedObject: {
          ...about,
          namespace,
          ...(about.kind === owner.resource.kind ? { uid: metadataOf(owner.object).uid } : {}),
        },
        reason,
        message,
        type,
        count: 1,
        firstTimestamp: now,
        lastTimestamp: now,
        source: { component: about.kind === 'Pod' ? 'kubelet' : `${owner.resource.kind.toLowerCase()}-controller` },
      },
      [],
    );
  }

  private owned(resource: ApiResource, owner: StoredObject): StoredObject[] {
    const uid = metadataOf(owner.object).uid;
    return this.store
      .list(resource, metadataOf(owner.object).namespace)
      .filter((candidate) =>
        metadataOf(candidate.object).ownerReferences?.some(
          (reference) => reference.uid === uid && reference.controller,
        ),
      );
  }

  private resource(groupVersion: string, name: string): ApiResource {
    const resource = this.discovery.resource(groupVersion, name);
    if (!resource) throw new Error(`the recorded discovery has no ${groupVersion} ${name}`);
    return resource;
  }
}

function templateHash(template: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(sortKeys(template ?? {})))
    .digest('hex')
    .slice(0, 10);
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (!isObject(value)) return value;
  return Object.fromEntries(
    Object.keys(value)
      .sort()
      .map((key) => [key, sortKeys(value[key])]),
  );
}

function revisionOf(stored: StoredObject): number {
  return Number(metadataOf(stored.object).annotations?.[REVISION] ?? 0);
}

function ownerReference(owner: StoredObject): JsonObject {
  const metadata = metadataOf(owner.object);
  return {
    apiVersion: owner.object.apiVersion,
    kind: owner.resource.kind,
    name: metadata.name,
    uid: metadata.uid,
    controller: true,
    blockOwnerDeletion: true,
  };
}

function condition(type: string, status: 'True' | 'False', reason: string, message: string): JsonObject {
  const now = timestamp();
  return {
    type,
    status,
    ...(reason ? { reason } : {}),
    ...(message ? { message } : {}),
    lastUpdateTime: now,
    lastTransitionTime: now,
  };
}

function timestamp(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, 'Z');
}
