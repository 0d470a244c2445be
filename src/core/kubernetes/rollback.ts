import { groupOf, type KubeObject, type ObjectRef, refKey } from './kube-object.js';
import type { Kubectl } from './kubectl.js';
import { abortCompleted, type Readiness, readinessOf } from './readiness.js';

/** How one kind goes back to what ran before: `kubectl rollout undo`, or an abort for an Argo Rollout. */
export interface RollbackStrategy {
  readonly action: string;
  rollBack(kubectl: Kubectl, ref: ObjectRef): Promise<void>;
  /** When the rollback has taken effect. */
  settled(object: KubeObject): Readiness;
}

const UNDO: RollbackStrategy = {
  action: 'rollout undo',
  rollBack: (kubectl, ref) => kubectl.rolloutUndo(ref),
  settled: readinessOf,
};

const ABORT: RollbackStrategy = {
  action: 'abort',
  rollBack: (kubectl, ref) => kubectl.abortRollout(ref),
  settled: abortCompleted,
};

const STRATEGIES: Record<string, RollbackStrategy> = {
  'apps/Deployment': UNDO,
  'apps/StatefulSet': UNDO,
  'apps/DaemonSet': UNDO,
  'argoproj.io/Rollout': ABORT,
};

export function rollbackStrategyFor(ref: ObjectRef): RollbackStrategy | undefined {
  return STRATEGIES[`${groupOf(ref.apiVersion)}/${ref.kind}`];
}

export interface RollbackPlan {
  steps: { ref: ObjectRef; strategy: RollbackStrategy }[];
  /** Failed objects that cannot be rolled back, and why. */
  impossible: { ref: ObjectRef; reason: string }[];
}

/**
 * What to roll back after a failed rollout: every workload whose pod template this run changed (so the release
 * goes back as a whole), and every failed Argo Rollout. A workload this run created has no earlier revision.
 */
export function planRollback(
  failed: readonly ObjectRef[],
  applied: readonly KubeObject[],
  before: ReadonlyMap<string, KubeObject>,
  refOf: (object: KubeObject) => ObjectRef,
): RollbackPlan {
  const plan: RollbackPlan = { steps: [], impossible: [] };
  const failedKeys = new Set(failed.map(refKey));
  for (const object of applied) {
    const ref = refOf(object);
    const strategy = rollbackStrategyFor(ref);
    const isFailed = failedKeys.has(refKey(ref));
    if (!strategy) {
      if (isFailed) plan.impossible.push({ ref, reason: `a ${ref.kind} has no rollout to roll back` });
      continue;
    }
    if (strategy === ABORT) {
      if (isFailed) plan.steps.push({ ref, strategy });
      continue;
    }
    const previous = before.get(refKey(ref));
    const changed =
      previous !== undefined && canonicalJson(previous.spec?.template) !== canonicalJson(object.spec?.template);
    if (changed) plan.steps.push({ ref, strategy });
    else if (isFailed) {
      plan.impossible.push({
        ref,
        reason: previous
          ? 'this run did not change its pod template'
          : 'this run created it, so it has no earlier revision',
      });
    }
  }
  return plan;
}

/** JSON with sorted keys, so two servings of the same template compare equal. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_, child: unknown) =>
    typeof child === 'object' && child !== null && !Array.isArray(child)
      ? Object.fromEntries(Object.entries(child).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : child,
  );
}
