import { UserError } from '../errors.js';
import { type AgentReport, type AgentStatusEvaluator, field, list, text } from './agent-report.js';
import { condition, describeReady, generationObserved, inventoryWorkloads } from './flux-status.js';
import { commitPrefixOfChartVersion, namesCommit } from './revision.js';

// Ready=False reasons of helm-controller once it has given up on (or remediated) this chart version.
const FAILED_REASONS = new Set([
  'InstallFailed',
  'UpgradeFailed',
  'TestFailed',
  'RollbackSucceeded',
  'RollbackFailed',
  'UninstallSucceeded',
  'UninstallFailed',
  'ArtifactFailed',
  'InitFailed',
]);

/**
 * A Flux HelmRelease whose chart comes from the manifests repository with `reconcileStrategy: Revision`, so that the
 * chart version carries the commit (`1.2.3+<sha prefix>`): done when the latest history entry is that commit's,
 * `deployed`, the generation is observed and `Ready` is True.
 */
export class FluxHelmReleaseEvaluator implements AgentStatusEvaluator {
  constructor(
    private readonly name: string,
    /** The input that named it, for the error when its chart versions carry no commit. */
    private readonly input: string,
  ) {}

  describe(): string {
    return `Flux HelmRelease ${this.name}`;
  }

  evaluate(release: unknown, revision: string): AgentReport {
    const history = list(field(release, 'status', 'history'));
    const latest = history[0];
    const latestVersion = text(field(latest, 'chartVersion'));
    const attemptedVersion = text(field(release, 'status', 'lastAttemptedRevision'));
    const latestCommit = commitPrefixOfChartVersion(latestVersion);
    const attemptedCommit = commitPrefixOfChartVersion(attemptedVersion);
    const anyVersion = latestVersion ?? attemptedVersion;
    if (anyVersion && !latestCommit && !attemptedCommit) {
      throw new UserError(
        `${this.describe()} (input "${this.input}") runs chart version ${anyVersion}, which names no commit: its ` +
          'chart must come from the manifests repository (a GitRepository) with reconcileStrategy: Revision.',
      );
    }
    const ready = condition(release, 'Ready');
    const current = generationObserved(release);
    const latestStatus = text(field(latest, 'status')) ?? 'none';
    const ours = namesCommit(latestCommit, revision) && current;
    const report = (phase: AgentReport['phase']): AgentReport => ({
      phase,
      appliedRevision: attemptedCommit ?? latestCommit,
      seen: namesCommit(attemptedCommit, revision) || namesCommit(latestCommit, revision),
      applied: ours && latestStatus === 'deployed',
      health: ready ? `Ready=${ready.status}` : 'Unknown',
      message: `${describeReady(ready)}; latest release ${latestVersion ?? 'none'} ${latestStatus}${
        current ? '' : '; the current generation is not reconciled yet'
      }`,
      syncedAt: ours ? text(field(latest, 'lastDeployed')) : undefined,
      previousRevision: history
        .map((entry) => commitPrefixOfChartVersion(text(field(entry, 'chartVersion'))))
        .find((commit) => commit !== undefined && !namesCommit(commit, revision)),
      unhealthy:
        ready?.status === 'False'
          ? [{ kind: 'HelmRelease', name: this.name, health: 'Ready=False', message: ready.message }]
          : [],
      workloads: inventoryWorkloads(release),
    });

    if (
      namesCommit(attemptedCommit, revision) &&
      current &&
      ready?.status === 'False' &&
      FAILED_REASONS.has(ready.reason)
    ) {
      return report('failed');
    }
    if (ours && latestStatus === 'failed') return report('failed');
    return report(ours && latestStatus === 'deployed' && ready?.status === 'True' ? 'synced' : 'waiting');
  }
}
