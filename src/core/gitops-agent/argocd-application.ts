import {
  type AgentReport,
  type AgentStatusEvaluator,
  field,
  list,
  type ResourceProblem,
  text,
  WORKLOAD_KINDS,
  type WorkloadRef,
} from './agent-report.js';

const FAILED_OPERATION = new Set(['Failed', 'Error']);
// Argo CD conditions that say a comparison or sync cannot go on (ComparisonError, SyncError, InvalidSpecError...).
const ERROR_CONDITION = /Error$/;

/**
 * An Argo CD Application, from its API or its Kubernetes object (the same `status`): done when every source's
 * `status.sync.revision(s)` is the commit, `sync.status` is Synced, `health.status` is Healthy and the operation for
 * that commit, when there is one, Succeeded. An operation for another commit that already finished does not hold the
 * wait: a commit that changes nothing in the cluster is synced without a new operation.
 */
export class ArgoCdApplicationEvaluator implements AgentStatusEvaluator {
  constructor(private readonly name: string) {}

  describe(): string {
    return `Argo CD Application ${this.name}`;
  }

  evaluate(application: unknown, revision: string): AgentReport {
    const status = field(application, 'status');
    const revisions = syncRevisions(field(status, 'sync'));
    const ours = revisions.length > 0 && revisions.every((item) => item === revision);
    const syncStatus = text(field(status, 'sync', 'status')) ?? 'Unknown';
    const health = text(field(status, 'health', 'status')) ?? 'Unknown';
    const operation = field(status, 'operationState');
    const operationPhase = text(field(operation, 'phase'));
    const operationRevisions = [
      ...syncRevisions(field(operation, 'syncResult')),
      ...syncRevisions(field(operation, 'operation', 'sync')),
    ];
    const operationOurs = operationRevisions.length > 0 && operationRevisions.every((item) => item === revision);
    const unhealthy = unhealthyResources(field(status, 'resources'));
    const report = (phase: AgentReport['phase'], message: string): AgentReport => ({
      phase,
      appliedRevision: revisions.find((item) => item !== revision) ?? (ours ? revision : undefined),
      seen: ours || operationOurs,
      applied: ours && syncStatus === 'Synced',
      health,
      message,
      syncedAt: syncedAt(status, revision, operationOurs),
      previousRevision: previousRevision(status, revision),
      unhealthy,
      images: listedImages(field(status, 'summary', 'images')),
      workloads: workloads(field(status, 'resources')),
    });

    const said = describeStatus(status, syncStatus, health, operationPhase);
    if (operationOurs && operationPhase && FAILED_OPERATION.has(operationPhase)) {
      return report('failed', `the sync operation ${operationPhase.toLowerCase()}: ${said}`);
    }
    if (!ours) return report('waiting', said);
    if (health === 'Degraded' && (syncStatus === 'Synced' || (operationOurs && operationPhase === 'Succeeded'))) {
      return report('degraded', said);
    }
    const operationDone =
      !operationPhase || (operationOurs ? operationPhase === 'Succeeded' : operationPhase !== 'Running');
    if (syncStatus === 'Synced' && health === 'Healthy' && operationDone) return report('synced', said);
    return report('waiting', said);
  }
}

/** `revisions` of a multi-source app, else the single `revision`. */
function syncRevisions(holder: unknown): string[] {
  const many = list(field(holder, 'revisions')).filter((item): item is string => typeof item === 'string');
  if (many.length > 0) return many;
  const one = text(field(holder, 'revision'));
  return one ? [one] : [];
}

function syncedAt(status: unknown, revision: string, operationOurs: boolean): string | undefined {
  if (operationOurs) {
    const finished = text(field(status, 'operationState', 'finishedAt'));
    if (finished) return finished;
  }
  const deployed = list(field(status, 'history'))
    .filter((entry) => syncRevisions(entry).every((item) => item === revision) && syncRevisions(entry).length > 0)
    .map((entry) => text(field(entry, 'deployedAt')))
    .filter((at): at is string => at !== undefined);
  return deployed.at(-1) ?? text(field(status, 'reconciledAt'));
}

/** The newest history entry (Argo CD appends) that deployed another commit. */
function previousRevision(status: unknown, revision: string): string | undefined {
  const history = list(field(status, 'history'));
  for (let i = history.length - 1; i >= 0; i--) {
    const revisions = syncRevisions(history[i]);
    const other = revisions.find((item) => item !== revision);
    if (other) return other;
  }
  return undefined;
}

/** `status.summary.images`, the images Argo CD saw in the live workloads; undefined when it lists none. */
function listedImages(images: unknown): string[] | undefined {
  if (!Array.isArray(images)) return undefined;
  return images.filter((image): image is string => typeof image === 'string');
}

function unhealthyResources(resources: unknown): ResourceProblem[] {
  return list(resources).flatMap((resource) => {
    const health = text(field(resource, 'health', 'status'));
    if (!health || health === 'Healthy') return [];
    return [
      {
        kind: text(field(resource, 'kind')) ?? '',
        namespace: text(field(resource, 'namespace')),
        name: text(field(resource, 'name')) ?? '',
        health,
        message: text(field(resource, 'health', 'message')) ?? '',
      },
    ];
  });
}

function workloads(resources: unknown): WorkloadRef[] {
  return list(resources).flatMap((resource) => {
    const group = text(field(resource, 'group')) ?? '';
    const kind = text(field(resource, 'kind')) ?? '';
    const version = text(field(resource, 'version')) ?? 'v1';
    const name = text(field(resource, 'name'));
    if (!name || !WORKLOAD_KINDS.has(`${group}/${kind}`)) return [];
    return [
      {
        apiVersion: group ? `${group}/${version}` : version,
        kind,
        namespace: text(field(resource, 'namespace')),
        name,
      },
    ];
  });
}

function describeStatus(status: unknown, syncStatus: string, health: string, operationPhase?: string): string {
  const revisions = syncRevisions(field(status, 'sync'));
  const parts = [
    `sync ${syncStatus}${revisions.length > 0 ? ` at ${revisions.map((item) => item.slice(0, 12)).join(', ')}` : ''}`,
    `health ${health}${suffix(text(field(status, 'health', 'message')))}`,
  ];
  if (operationPhase)
    parts.push(`operation ${operationPhase}${suffix(text(field(status, 'operationState', 'message')))}`);
  for (const condition of list(field(status, 'conditions'))) {
    const type = text(field(condition, 'type'));
    if (type && ERROR_CONDITION.test(type)) parts.push(`${type}${suffix(text(field(condition, 'message')))}`);
  }
  return parts.join('; ');
}

function suffix(message: string | undefined): string {
  return message ? ` (${message})` : '';
}
