/**
 * When an applied object counts as ready. Deployments, StatefulSets and DaemonSets are judged by the rules and
 * messages of `kubectl rollout status`; a Job must complete; an Argo Rollout must be Healthy; anything else is
 * ready once it exists.
 */
import { groupOf, type KubeObject, type ObjectRef } from './kube-object.js';

export type ReadinessState = 'ready' | 'waiting' | 'failed';

export interface Readiness {
  state: ReadinessState;
  message: string;
}

interface Condition {
  type?: string;
  status?: string;
  reason?: string;
  message?: string;
}

type Judge = (object: KubeObject) => Readiness;

const JUDGES: Record<string, Judge> = {
  'apps/Deployment': deployment,
  'apps/StatefulSet': statefulSet,
  'apps/DaemonSet': daemonSet,
  'batch/Job': job,
  'argoproj.io/Rollout': argoRollout,
};

/** True for the kinds whose readiness is awaited; the rest are ready once applied. */
export function isAwaited(ref: ObjectRef): boolean {
  return `${groupOf(ref.apiVersion)}/${ref.kind}` in JUDGES;
}

export function readinessOf(object: KubeObject): Readiness {
  const judge = JUDGES[`${groupOf(object.apiVersion)}/${object.kind}`];
  return judge ? judge(object) : { state: 'ready', message: `${object.kind} "${object.metadata.name}" exists` };
}

const waiting = (message: string): Readiness => ({ state: 'waiting', message });
const ready = (message: string): Readiness => ({ state: 'ready', message });
const failed = (message: string): Readiness => ({ state: 'failed', message });

function numbers(object: KubeObject): Record<string, number> {
  const status = (object.status ?? {}) as Record<string, unknown>;
  return new Proxy({} as Record<string, number>, { get: (_, key: string) => Number(status[key] ?? 0) });
}

export function conditionsOf(object: KubeObject): Condition[] {
  const conditions = (object.status as { conditions?: unknown } | undefined)?.conditions;
  return Array.isArray(conditions) ? (conditions as Condition[]) : [];
}

function observed(object: KubeObject): boolean {
  const observedGeneration = Number(
    (object.status as { observedGeneration?: unknown } | undefined)?.observedGeneration ?? 0,
  );
  return observedGeneration > 0 && Number(object.metadata.generation ?? 0) <= observedGeneration;
}

function deployment(object: KubeObject): Readiness {
  const name = object.metadata.name;
  if (!observed(object)) return waiting('Waiting for deployment spec update to be observed...');
  const progressing = conditionsOf(object).find((condition) => condition.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return failed(`deployment "${name}" exceeded its progress deadline`);
  const status = numbers(object);
  const replicas = Number(object.spec?.replicas ?? 1);
  if (status.updatedReplicas < replicas) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${status.updatedReplicas} out of ${replicas} new replicas have been updated...`,
    );
  }
  if (status.replicas > status.updatedReplicas) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${status.replicas - status.updatedReplicas} old replicas are pending termination...`,
    );
  }
  if (status.availableReplicas < status.updatedReplicas) {
    return waiting(
      `Waiting for deployment "${name}" rollout to finish: ${status.availableReplicas} of ${status.updatedReplicas} updated replicas are available...`,
    );
  }
  return ready(`deployment "${name}" successfully rolled out`);
}

function updateStrategy(object: KubeObject): string {
  return ((object.spec?.updateStrategy as { type?: string } | undefined)?.type ?? 'RollingUpdate') as string;
}

function statefulSet(object: KubeObject): Readiness {
  if (updateStrategy(object) !== 'RollingUpdate')
    return failed('rollout status is only available for RollingUpdate strategy type');
  if (!observed(object)) return waiting('Waiting for statefulset spec update to be observed...');
  const status = numbers(object);
  const replicas = Number(object.spec?.replicas ?? 1);
  if (status.readyReplicas < replicas)
    return waiting(`Waiting for ${replicas - status.readyReplicas} pods to be ready...`);
  const partition = Number(
    (object.spec?.updateStrategy as { rollingUpdate?: { partition?: number } } | undefined)?.rollingUpdate?.partition ??
      0,
  );
  if (partition > 0) {
    if (status.updatedReplicas < replicas - partition) {
      return waiting(
        `Waiting for partitioned roll out to finish: ${status.updatedReplicas} out of ${replicas - partition} new pods have been updated...`,
      );
    }
    return ready(`partitioned roll out complete: ${status.updatedReplicas} new pods have been updated...`);
  }
  const { updateRevision, currentRevision } = (object.status ?? {}) as {
    updateRevision?: string;
    currentRevision?: string;
  };
  if (updateRevision !== currentRevision) {
    return waiting(
      `waiting for statefulset rolling update to complete ${status.updatedReplicas} pods at revision ${updateRevision}...`,
    );
  }
  return ready(`statefulset rolling update complete ${status.currentReplicas} pods at revision ${currentRevision}...`);
}

function daemonSet(object: KubeObject): Readiness {
  const name = object.metadata.name;
  if (updateStrategy(object) !== 'RollingUpdate')
    return failed('rollout status is only available for RollingUpdate strategy type');
  if (!observed(object)) return waiting('Waiting for daemon set spec update to be observed...');
  const status = numbers(object);
  if (status.updatedNumberScheduled < status.desiredNumberScheduled) {
    return waiting(
      `Waiting for daemon set "${name}" rollout to finish: ${status.updatedNumberScheduled} out of ${status.desiredNumberScheduled} new pods have been updated...`,
    );
  }
  if (status.numberAvailable < status.desiredNumberScheduled) {
    return waiting(
      `Waiting for daemon set "${name}" rollout to finish: ${status.numberAvailable} of ${status.desiredNumberScheduled} updated pods are available...`,
    );
  }
  return ready(`daemon set "${name}" successfully rolled out`);
}

function job(object: KubeObject): Readiness {
  const name = object.metadata.name;
  const conditions = conditionsOf(object).filter((condition) => condition.status === 'True');
  const failure = conditions.find((condition) => condition.type === 'Failed');
  if (failure)
    return failed(`job "${name}" failed: ${failure.reason ?? ''}${failure.message ? ` (${failure.message})` : ''}`);
  if (conditions.some((condition) => condition.type === 'Complete')) return ready(`job "${name}" completed`);
  return waiting(`Waiting for job "${name}" to complete: ${numbers(object).active} active pod(s)...`);
}

/** Argo Rollouts' own verdict: status.phase (v1.0+), after the controller has seen the current spec. */
function argoRollout(object: KubeObject): Readiness {
  const name = object.metadata.name;
  const status = (object.status ?? {}) as {
    phase?: string;
    message?: string;
    observedGeneration?: unknown;
    abort?: boolean;
  };
  if (String(status.observedGeneration ?? '') !== String(object.metadata.generation ?? '')) {
    return waiting(`Waiting for rollout "${name}" spec update to be observed...`);
  }
  const progressing = conditionsOf(object).find((condition) => condition.type === 'Progressing');
  if (status.abort || progressing?.reason === 'RolloutAborted')
    return failed(`rollout "${name}" was aborted: ${status.message ?? ''}`);
  if (status.phase === 'Degraded' || progressing?.reason === 'ProgressDeadlineExceeded') {
    return failed(`rollout "${name}" is degraded: ${status.message ?? progressing?.message ?? ''}`);
  }
  if (status.phase === 'Healthy') return ready(`rollout "${name}" is healthy`);
  return waiting(
    `Waiting for rollout "${name}": ${status.phase ?? 'no phase yet'}${status.message ? ` (${status.message})` : ''}...`,
  );
}

/** After an abort, an Argo Rollout is back when it acknowledges the abort and its stable pods are all available. */
export function abortCompleted(object: KubeObject): Readiness {
  const name = object.metadata.name;
  const status = (object.status ?? {}) as { abort?: boolean; availableReplicas?: number };
  const replicas = Number(object.spec?.replicas ?? 1);
  const aborted = conditionsOf(object).some(
    (condition) => condition.type === 'Progressing' && condition.reason === 'RolloutAborted',
  );
  if (status.abort && aborted && Number(status.availableReplicas ?? 0) >= replicas) {
    return ready(`rollout "${name}" aborted; its stable version serves ${replicas} replica(s)`);
  }
  return waiting(`Waiting for rollout "${name}" to go back to its stable version...`);
}
