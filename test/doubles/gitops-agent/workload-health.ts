/**
 * The health of live workloads as Argo CD judges it (gitops-engine pkg/health: health_deployment.go and friends),
 * read from the Kubernetes double's objects, and how an application's health aggregates its resources' (the worst).
 */
import type { HealthCode } from '../argocd-api/application-status.js';

export interface Health {
  status: HealthCode;
  message?: string;
}

interface WorkloadObject {
  kind?: string;
  metadata?: { name?: string; generation?: number };
  spec?: { replicas?: number; paused?: boolean };
  status?: {
    observedGeneration?: number;
    replicas?: number;
    updatedReplicas?: number;
    readyReplicas?: number;
    availableReplicas?: number;
    conditions?: { type: string; status: string; reason?: string }[];
  };
}

export const WORKLOAD_KINDS = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'Rollout']);

/** Health of one live object; undefined for kinds Argo CD has no health check for (they do not count). */
export function healthOf(object: WorkloadObject | undefined): Health | undefined {
  if (!object) return { status: 'Missing' };
  if (!WORKLOAD_KINDS.has(object.kind ?? '')) return undefined;
  const name = object.metadata?.name ?? '';
  const status = object.status ?? {};
  const wanted = object.spec?.replicas ?? 1;
  if (object.spec?.paused) return { status: 'Suspended', message: `${object.kind} is paused` };
  if ((status.observedGeneration ?? 0) < (object.metadata?.generation ?? 0)) {
    return {
      status: 'Progressing',
      message: 'Waiting for rollout to finish: observed deployment generation less than desired generation',
    };
  }
  const progressing = status.conditions?.find((condition) => condition.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') {
    return { status: 'Degraded', message: `${object.kind} "${name}" exceeded its progress deadline` };
  }
  const updated = status.updatedReplicas ?? 0;
  if (updated < wanted) {
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${updated} out of ${wanted} new replicas have been updated...`,
    };
  }
  if ((status.replicas ?? 0) > updated) {
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${(status.replicas ?? 0) - updated} old replicas are pending termination...`,
    };
  }
  if ((status.availableReplicas ?? status.readyReplicas ?? 0) < updated) {
    return {
      status: 'Progressing',
      message: `Waiting for rollout to finish: ${status.availableReplicas ?? 0} of ${updated} updated replicas are available...`,
    };
  }
  return { status: 'Healthy' };
}

const SEVERITY: HealthCode[] = ['Healthy', 'Suspended', 'Progressing', 'Missing', 'Degraded', 'Unknown'];

/** The application's health: its least healthy resource's (Healthy when it has none with a health check). */
export function worstOf(healths: (Health | undefined)[]): Health {
  let worst: Health = { status: 'Healthy' };
  for (const health of healths) {
    if (health && SEVERITY.indexOf(health.status) > SEVERITY.indexOf(worst.status)) worst = health;
  }
  return worst;
}
