import { type AgentReport, type AgentStatusEvaluator, field, list, text } from './agent-report.js';
import { condition, describeReady, generationObserved, inventoryWorkloads } from './flux-status.js';
import { commitOfFluxRevision } from './revision.js';

// Ready=False reasons of kustomize-controller after which it will not apply this revision without a new commit.
const FAILED_REASONS = new Set(['BuildFailed', 'ReconciliationFailed', 'PruneFailed', 'ArtifactFailed']);
const DEGRADED_REASONS = new Set(['HealthCheckFailed']);

/**
 * A Flux Kustomization: done when `status.lastAppliedRevision` names the commit, `observedGeneration` is the
 * object's generation and `Ready` is True (with `wait` or health checks, Ready covers the workloads' health).
 */
export class FluxKustomizationEvaluator implements AgentStatusEvaluator {
  constructor(private readonly name: string) {}

  describe(): string {
    return `Flux Kustomization ${this.name}`;
  }

  evaluate(kustomization: unknown, revision: string): AgentReport {
    const applied = commitOfFluxRevision(text(field(kustomization, 'status', 'lastAppliedRevision')));
    const attempted = commitOfFluxRevision(text(field(kustomization, 'status', 'lastAttemptedRevision')));
    const ready = condition(kustomization, 'Ready');
    const stalled = condition(kustomization, 'Stalled');
    const current = generationObserved(kustomization);
    const ours = applied === revision && current;
    const message = `${describeReady(ready)}; last applied ${applied?.slice(0, 12) ?? 'nothing'}, last attempted ${
      attempted?.slice(0, 12) ?? 'nothing'
    }${current ? '' : '; the current generation is not reconciled yet'}`;
    const report = (phase: AgentReport['phase']): AgentReport => ({
      phase,
      // The source's newest commit: what superseded a commit, if anything did.
      appliedRevision: attempted ?? applied,
      seen: attempted === revision || applied === revision,
      applied: ours,
      health: ready ? `Ready=${ready.status}` : 'Unknown',
      message,
      syncedAt: ours && ready?.status === 'True' ? ready.lastTransitionTime : undefined,
      previousRevision: applied !== revision ? applied : historyRevisionBefore(kustomization, revision),
      unhealthy:
        ready?.status === 'False'
          ? [{ kind: 'Kustomization', name: this.name, health: `Ready=False`, message: ready.message }]
          : [],
      workloads: inventoryWorkloads(kustomization),
    });

    if (attempted === revision && current && ready?.status === 'False') {
      if (FAILED_REASONS.has(ready.reason) || stalled?.status === 'True') return report('failed');
      if (DEGRADED_REASONS.has(ready.reason)) return report('degraded');
    }
    return report(ours && ready?.status === 'True' ? 'synced' : 'waiting');
  }
}

/** `status.history` snapshots (newest first) may carry the revision in their metadata (Flux 2.6+). */
function historyRevisionBefore(kustomization: unknown, revision: string): string | undefined {
  for (const snapshot of list(field(kustomization, 'status', 'history'))) {
    const commit = commitOfFluxRevision(text(field(snapshot, 'metadata', 'revision')));
    if (commit && commit !== revision) return commit;
  }
  return undefined;
}
