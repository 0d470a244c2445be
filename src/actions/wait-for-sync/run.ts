import * as log from '../../core/log.js';
import type { AgentStatusEvaluator } from '../../core/gitops-agent/agent-report.js';
import { ArgoCdApplicationEvaluator } from '../../core/gitops-agent/argocd-application.js';
import { ArgoCdApplicationReader } from '../../core/gitops-agent/argocd-api.js';
import { FluxHelmReleaseEvaluator } from '../../core/gitops-agent/flux-helm-release.js';
import { FluxKustomizationEvaluator } from '../../core/gitops-agent/flux-kustomization.js';
import {
  ApiStatusReader,
  KubectlStatusReader,
  type StatusKind,
  type StatusReader,
} from '../../core/gitops-agent/kubernetes-reader.js';
import { ManifestsRepository } from '../../core/gitops-agent/manifests-repository.js';
import { syncSummary } from '../../core/gitops-agent/sync-summary.js';
import { type AgentStatusSource, type SyncWaitResult, waitForSync } from '../../core/gitops-agent/sync-wait.js';
import { UserError } from '../../core/errors.js';
import { createGitHubClient } from '../../core/github/client.js';
import { formatRepositoryName } from '../../core/github/repository.js';
import { type InstallOptions, installTool } from '../../core/installer.js';
import type { HttpTransport } from '../../core/http/transport.js';
import { KubeApi } from '../../core/kubernetes/api-client.js';
import { inProcessApi } from '../../core/kubernetes/cluster-access.js';
import { Kubeconfig } from '../../core/kubernetes/kubeconfig.js';
import type { StepHost } from '../host.js';
import { escapeForLog } from '../../core/workflow-commands.js';
import { INPUTS, OUTPUTS, type AgentTarget, type WaitForSyncSettings } from './settings.js';

/** The wait ended in anything but synced: the action fails after its outputs and summary are written. */
export class SyncNotReachedError extends Error {}

/** What a test replaces; every field has a production default. */
export interface WaitForSyncSeams {
  install?: InstallOptions;
  /** Milliseconds per GitHub retry wait unit; tests shrink it. */
  githubWaitUnitMs?: number;
  /** How Argo CD is reached; default the process's (its proxy settings). */
  argoCdTransport?: HttpTransport;
  summaryFile?: string;
  now?: () => number;
}

const KINDS = {
  application: { resource: 'applications.argoproj.io', kind: 'Application', input: INPUTS.argocdApplication },
  kustomization: {
    resource: 'kustomizations.kustomize.toolkit.fluxcd.io',
    kind: 'Kustomization',
    input: INPUTS.fluxKustomization,
  },
  helmRelease: { resource: 'helmreleases.helm.toolkit.fluxcd.io', kind: 'HelmRelease', input: INPUTS.fluxHelmRelease },
} satisfies Record<string, StatusKind>;

/** Waits until the agent runs the commit (a given one, or a pull request's merge commit), then writes outputs. */
export async function waitForSyncAction(
  settings: WaitForSyncSettings,
  host: StepHost,
  seams: WaitForSyncSeams = {},
): Promise<SyncWaitResult> {
  const { setOutput } = host;
  const now = seams.now ?? Date.now;
  const deadline = now() + settings.timeoutSeconds * 1000;
  const repository =
    settings.token && settings.repository
      ? new ManifestsRepository(
          createGitHubClient({
            token: settings.token,
            apiUrl: settings.apiUrl,
            waitUnitMs: seams.githubWaitUnitMs,
          }),
          settings.repository,
        )
      : undefined;
  if (settings.target.kind === 'argocd-api' && settings.target.connection.insecure) {
    log.warning(`${INPUTS.argocdInsecure} is true: the Argo CD server's certificate is not checked.`);
  }

  let revision: string;
  let mergedAt: string | undefined;
  if ('pullRequest' in settings.awaited) {
    const merged = await waitForMerge(
      repository as ManifestsRepository,
      settings.awaited.pullRequest,
      settings,
      deadline,
      now,
    );
    if (!merged) {
      const message = `Pull request #${settings.awaited.pullRequest} was not merged in time.`;
      return finish(timeoutBeforeMerge(message), undefined);
    }
    ({ mergeCommit: revision, mergedAt } = merged);
    setOutput(OUTPUTS.mergedAt, mergedAt);
    log.info(`Pull request #${settings.awaited.pullRequest} was merged at ${mergedAt} as ${revision}.`);
  } else revision = settings.awaited.revision;

  const connection = await connect(settings, host, seams);
  try {
    const result = await waitForSync(
      {
        revision,
        image: settings.image,
        timeoutMs: Math.max(0, deadline - now()),
        pollMs: settings.pollSeconds * 1000,
        refresh: settings.refresh,
      },
      {
        source: connection.source,
        evaluator: connection.evaluator,
        ancestry: repository && ((awaited, other) => repository.ancestry(awaited, other)),
        now,
        log: (line) => log.info(line),
      },
    );
    return await finish(result, revision);
  } finally {
    await connection.close();
  }

  async function finish(result: SyncWaitResult, awaited: string | undefined): Promise<SyncWaitResult> {
    const leadTimeSeconds = result.status === 'synced' ? await leadTime(result, awaited) : undefined;
    setOutput(OUTPUTS.status, result.status);
    setOutput(OUTPUTS.revision, result.revision ?? '');
    setOutput(OUTPUTS.health, result.health);
    setOutput(OUTPUTS.message, result.message);
    setOutput(OUTPUTS.syncedAt, result.syncedAt ?? '');
    setOutput(OUTPUTS.previousRevision, result.previousRevision ?? '');
    setOutput(OUTPUTS.leadTimeSeconds, leadTimeSeconds === undefined ? '' : String(leadTimeSeconds));
    if (!mergedAt) setOutput(OUTPUTS.mergedAt, '');
    await syncSummary(result, {
      target: describeTarget(settings.target),
      awaited: awaited ?? `pull request #${'pullRequest' in settings.awaited ? settings.awaited.pullRequest : ''}`,
      mergedAt,
      leadTimeSeconds,
    }).write(seams.summaryFile);
    if (result.status !== 'synced') throw new SyncNotReachedError(`${result.status}: ${result.message}`);
    return result;
  }

  /** From the commit the run delivers (the application's, else the awaited one) to the moment it was healthy. */
  async function leadTime(result: SyncWaitResult, awaited: string | undefined): Promise<number | undefined> {
    const healthy = result.timeline.find((item) => item.event === 'healthy')?.at;
    if (!repository || !healthy) return undefined;
    const commit =
      settings.sourceCommit ?? (awaited && settings.repository && { repository: settings.repository, sha: awaited });
    if (!commit) return undefined;
    const committed = await repository.commitTime(commit.repository, commit.sha);
    return committed ? Math.max(0, Math.round((Date.parse(healthy) - Date.parse(committed)) / 1000)) : undefined;
  }
}

function timeoutBeforeMerge(message: string): SyncWaitResult {
  return { status: 'timeout', health: '', message, timeline: [], unhealthy: [], imagesSeen: [] };
}

/** Polls the pull request until it is merged (its merge commit) or the time is up; closed unmerged fails at once. */
async function waitForMerge(
  repository: ManifestsRepository,
  number: number,
  settings: WaitForSyncSettings,
  deadline: number,
  now: () => number,
): Promise<{ mergeCommit: string; mergedAt: string } | undefined> {
  let announced = false;
  for (;;) {
    const pullRequest = await repository.pullRequest(number);
    if (pullRequest.state === 'merged') return pullRequest;
    if (pullRequest.state === 'closed') {
      throw new UserError(
        `Pull request #${number} of ${formatRepositoryName(repository.name)} was closed without being merged: nothing to wait for.`,
      );
    }
    if (!announced) log.info(`Waiting for pull request #${number} to be merged.`);
    announced = true;
    const left = deadline - now();
    if (left <= 0) return undefined;
    await new Promise((resolve) => setTimeout(resolve, Math.min(settings.pollSeconds * 1000, left)));
  }
}

interface AgentConnection {
  source: AgentStatusSource;
  evaluator: AgentStatusEvaluator;
  close(): Promise<void>;
}

/** The strategy for the target: a status source and the evaluator of its object kind, chosen once. */
async function connect(
  settings: WaitForSyncSettings,
  host: StepHost,
  seams: WaitForSyncSeams,
): Promise<AgentConnection> {
  const target = settings.target;
  if (target.kind === 'argocd-api') {
    const reader = new ArgoCdApplicationReader(target.connection, target.application, seams.argoCdTransport);
    return {
      source: {
        read: () => reader.read(),
        refresh: async () => void (await reader.read(true)),
        workloadImages: async () => [],
        watch: (signal) => reader.watch(signal),
      },
      evaluator: new ArgoCdApplicationEvaluator(
        `${target.application.appNamespace ? `${target.application.appNamespace}/` : ''}${target.application.name}`,
      ),
      close: async () => undefined,
    };
  }
  const kubeconfig = settings.kubeconfig
    ? Kubeconfig.parse(settings.kubeconfig, INPUTS.kubeconfig, settings.kubeContext)
    : undefined;
  // A private folder, so that a cancelled run leaves no credentials behind either; made once the input parsed, and
  // removed by `close` whatever fails after that, the write of the file included.
  const scratch = kubeconfig ? await host.scratchFolder('wait-for-sync-') : undefined;
  const kubeconfigFile = scratch && Kubeconfig.fileUnder(scratch.path);
  const close = async () => {
    if (kubeconfigFile) await Kubeconfig.remove(kubeconfigFile);
    await scratch?.remove();
  };
  try {
    if (kubeconfig && kubeconfigFile) await kubeconfig.write(kubeconfigFile);
    const name = `${target.namespace}/${target.name}`;
    const { kind, confusable, evaluator, refreshAnnotation } = strategyOf(target, name);
    const statusObject = { kind, namespace: target.namespace, name: target.name, confusable };
    const api = await inProcessApi(
      kubeconfig && kubeconfigFile ? { kubeconfig, file: kubeconfigFile } : { context: settings.kubeContext },
      'wait-for-sync',
    );
    let reader: StatusReader;
    if (api instanceof KubeApi) reader = new ApiStatusReader(api, statusObject);
    else {
      log.info(escapeForLog(`kubectl talks to the cluster: ${api.kubectlBecause}.`));
      const kubectl = await installTool({ tool: 'kubectl' }, seams.install);
      const connection = [
        ...(kubeconfigFile ? ['--kubeconfig', kubeconfigFile] : []),
        ...(settings.kubeContext ? ['--context', settings.kubeContext] : []),
      ];
      reader = new KubectlStatusReader(kubectl.path, connection, statusObject);
    }
    const read = async () => {
      const object = await reader.read();
      const project = target.kind === 'argocd-kubernetes' ? target.project : undefined;
      const actual = (object as { spec?: { project?: unknown } }).spec?.project;
      if (project && actual !== project) {
        throw new UserError(
          `Application ${name} is in project ${String(actual)}, not ${project} (input "${INPUTS.argocdProject}").`,
        );
      }
      return object;
    };
    // Polled, not watched: one GET per poll interval is cheap for the API server, and the same for both readers
    // (through kubectl, `get --watch -o json` would arrive only when kubectl exits: core/exec.ts hands output over then).
    return {
      source: {
        read,
        refresh: () => reader.annotate(refreshAnnotation.key, refreshAnnotation.value()),
        workloadImages: (workloads) => reader.workloadImages(workloads),
      },
      evaluator,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

function strategyOf(target: Exclude<AgentTarget, { kind: 'argocd-api' }>, name: string) {
  switch (target.kind) {
    case 'argocd-kubernetes':
      return {
        kind: KINDS.application,
        confusable: [],
        evaluator: new ArgoCdApplicationEvaluator(name),
        // What `argocd app get --refresh` sets; the application controller removes it once refreshed.
        refreshAnnotation: { key: 'argocd.argoproj.io/refresh', value: () => 'normal' },
      };
    case 'flux-kustomization':
      return {
        kind: KINDS.kustomization,
        confusable: [KINDS.helmRelease],
        evaluator: new FluxKustomizationEvaluator(name),
        refreshAnnotation: { key: 'reconcile.fluxcd.io/requestedAt', value: () => new Date().toISOString() },
      };
    case 'flux-helm-release':
      return {
        kind: KINDS.helmRelease,
        confusable: [KINDS.kustomization],
        evaluator: new FluxHelmReleaseEvaluator(name, INPUTS.fluxHelmRelease),
        refreshAnnotation: { key: 'reconcile.fluxcd.io/requestedAt', value: () => new Date().toISOString() },
      };
  }
}

function describeTarget(target: AgentTarget): string {
  switch (target.kind) {
    case 'argocd-api':
      return `Argo CD Application ${target.application.name} at ${target.connection.server}`;
    case 'argocd-kubernetes':
      return `Argo CD Application ${target.namespace}/${target.name}`;
    case 'flux-kustomization':
      return `Flux Kustomization ${target.namespace}/${target.name}`;
    case 'flux-helm-release':
      return `Flux HelmRelease ${target.namespace}/${target.name}`;
  }
}
