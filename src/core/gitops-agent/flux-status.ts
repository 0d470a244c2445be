import { field, list, text, WORKLOAD_KINDS, type WorkloadRef } from './agent-report.js';

/** A status condition as Kubernetes API conventions (and Flux) write them. */
export interface Condition {
  type: string;
  status: 'True' | 'False' | 'Unknown';
  reason: string;
  message: string;
  lastTransitionTime?: string;
}

export function condition(object: unknown, type: string): Condition | undefined {
  const found = list(field(object, 'status', 'conditions')).find((item) => field(item, 'type') === type);
  if (!found) return undefined;
  return {
    type,
    status: (text(field(found, 'status')) ?? 'Unknown') as Condition['status'],
    reason: text(field(found, 'reason')) ?? '',
    message: text(field(found, 'message')) ?? '',
    lastTransitionTime: text(field(found, 'lastTransitionTime')),
  };
}

/** Whether the controller has seen the object's current spec: `status.observedGeneration` is `metadata.generation`. */
export function generationObserved(object: unknown): boolean {
  const generation = field(object, 'metadata', 'generation');
  return generation === undefined || field(object, 'status', 'observedGeneration') === generation;
}

/** `Ready=True`, `Ready=False (HealthCheckFailed: ...)`: the Ready condition in one phrase. */
export function describeReady(ready: Condition | undefined): string {
  if (!ready) return 'no Ready condition yet';
  const detail = [ready.reason, ready.message].filter(Boolean).join(': ');
  return `Ready=${ready.status}${detail ? ` (${detail})` : ''}`;
}

/** Workloads in `status.inventory.entries`, whose ids are `<namespace>_<name>_<group>_<kind>`. */
export function inventoryWorkloads(object: unknown): WorkloadRef[] {
  return list(field(object, 'status', 'inventory', 'entries')).flatMap((entry) => {
    const id = text(field(entry, 'id'));
    const version = text(field(entry, 'v')) ?? 'v1';
    const parts = id?.split('_');
    if (!parts || parts.length !== 4) return [];
    const [namespace, name, group, kind] = parts as [string, string, string, string];
    if (!WORKLOAD_KINDS.has(`${group}/${kind}`)) return [];
    return [{ apiVersion: group ? `${group}/${version}` : version, kind, namespace: namespace || undefined, name }];
  });
}
