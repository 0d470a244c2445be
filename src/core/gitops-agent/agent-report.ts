/**
 * What an agent (Argo CD, Flux) says about one object, reduced to what waiting for a commit needs. Each agent and
 * object kind has its own evaluator; the waiting loop reads only this.
 */

/** Where the awaited commit stands in the agent's report. */
export type SyncPhase =
  /** Not applied yet, or applied and still progressing. */
  | 'waiting'
  /** Applied, in sync and healthy. */
  | 'synced'
  /** Applied, and the workloads are unhealthy. */
  | 'degraded'
  /** The agent failed to apply it (a failed sync operation, a terminal Ready=False reason). */
  | 'failed';

/** A resource the agent reports as not healthy, with what it says. */
export interface ResourceProblem {
  kind: string;
  namespace?: string;
  name: string;
  health: string;
  message: string;
}

export interface AgentReport {
  phase: SyncPhase;
  /** The commit (or commit prefix) the agent says is applied; undefined before its first sync. */
  appliedRevision?: string;
  /** Whether the agent has seen the awaited commit at all (attempted, fetched or applied it). */
  seen: boolean;
  /** Whether the agent reports the awaited commit in sync, healthy or not. */
  applied: boolean;
  /** Health in the agent's words: Healthy, Progressing, Degraded, Ready=False... */
  health: string;
  /** One line: what the agent says now. */
  message: string;
  /** When the agent finished applying the awaited commit, when it says. */
  syncedAt?: string;
  /** The last commit the agent ran before the awaited one, for a rollback. */
  previousRevision?: string;
  unhealthy: ResourceProblem[];
  /** Images the agent lists as running; undefined when it does not list them (the workloads must be read). */
  images?: string[];
  /** Workloads the agent manages, for reading their images when it does not list them. */
  workloads: WorkloadRef[];
}

/** A Deployment, StatefulSet, DaemonSet or Rollout the agent manages. */
export interface WorkloadRef {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** One strategy per agent and object kind: a pure reading of the object the agent keeps its status in. */
export interface AgentStatusEvaluator {
  /** What the object is called in messages: `Argo CD Application argocd/web`. */
  describe(): string;
  evaluate(object: unknown, revision: string): AgentReport;
}

/** Kinds whose pods run images, as Argo CD and Flux list them. */
export const WORKLOAD_KINDS: ReadonlySet<string> = new Set([
  'apps/Deployment',
  'apps/StatefulSet',
  'apps/DaemonSet',
  'argoproj.io/Rollout',
]);

/** Reads a field path of an untyped object, undefined where any step is missing. */
export function field(object: unknown, ...path: (string | number)[]): unknown {
  let value = object;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function list(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}
