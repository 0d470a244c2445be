import * as log from '../../core/log.js';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { stringify } from 'yaml';
import type { ReferenceChange } from '../../core/bump/types.js';
import type { InstallOptions } from '../../core/installer.js';
import { clientDiff } from '../../core/kubernetes/client-diff.js';
import { Helm } from '../../core/kubernetes/helm.js';
import { overrideImages } from '../../core/kubernetes/image-overrides.js';
import {
  describeRef,
  groupKind,
  groupOf,
  kindsDefinedBy,
  type KubeObject,
  type ObjectRef,
  refDocument,
  refKey,
  objectPath,
  refOf,
} from '../../core/kubernetes/kube-object.js';
import { type ClusterAccess, clusterAccess } from '../../core/kubernetes/cluster-access.js';
import { Kubeconfig } from '../../core/kubernetes/kubeconfig.js';
import { type ApplyOptions, Kubectl } from '../../core/kubernetes/kubectl.js';
import { APPLY_SET_LABEL, type DeliveryRecord, ManifestSet } from '../../core/kubernetes/manifest-set.js';
import { conditionsOf, isAwaited } from '../../core/kubernetes/readiness.js';
import { type ObjectReadiness, waitForReadiness } from '../../core/kubernetes/readiness-waiter.js';
import { planRollback, type RollbackPlan } from '../../core/kubernetes/rollback.js';
import { chooseRenderer } from '../../core/kubernetes/renderers/choose-renderer.js';
import { errorMessage, UserError } from '../../core/errors.js';
import type { OutputSink } from '../../core/outputs.js';
import type { StepHost } from '../host.js';
import { code, JobSummary } from '../../core/summary.js';
import { INPUTS, type KubectlApplySettings, OUTPUTS, STATE } from './settings.js';
import { escapeForLog, printUntrusted } from '../../core/workflow-commands.js';
import { onCancel } from '../../core/cleanup.js';

export type ApplyStatus = 'succeeded' | 'rolled-back' | 'failed';

/** What a test replaces; every field has a production default. */
export interface KubectlApplySeams {
  install?: InstallOptions;
  /** The longest pause between two readiness checks (the first ones are shorter: readiness-waiter.ts). */
  pollMs?: number;
  summaryFile?: string;
}

/** A rollout did not become ready: the action fails after its outputs and summary are written. */
export class RolloutFailedError extends Error {}

const DEFAULT_POLL_MS = 2000;
// kubectl's default prune list, less what controllers create (pods, endpoints, replica sets).
const PRUNED_KINDS = [
  'configmap',
  'secret',
  'service',
  'serviceaccount',
  'persistentvolumeclaim',
  'namespace',
  'deployment.apps',
  'statefulset.apps',
  'daemonset.apps',
  'job.batch',
  'cronjob.batch',
  'ingress.networking.k8s.io',
];
const MAX_EVENTS_PER_OBJECT = 10;

/**
 * Renders the manifests, marks them, checks them with a server-side dry run, applies them server-side (through the
 * API client or kubectl: cluster-access.ts), waits for readiness and rolls back what this run changed when a rollout
 * fails.
 */
export async function kubectlApply(
  settings: KubectlApplySettings,
  host: StepHost,
  seams: KubectlApplySeams = {},
): Promise<ApplyStatus> {
  const scratch = await host.scratchFolder('kubectl-apply-');
  const workDir = scratch.path;
  let kubeconfigFile: string | undefined;
  let kubeconfig: Kubeconfig | undefined;
  let forgetKubeconfig = () => {};
  try {
    if (settings.kubeconfig) {
      kubeconfig = Kubeconfig.parse(settings.kubeconfig, INPUTS.kubeconfig, settings.context);
      const file = Kubeconfig.fileUnder(host.tempDir);
      kubeconfigFile = file;
      host.saveState(STATE.kubeconfigFile, file);
      forgetKubeconfig = onCancel(() => Kubeconfig.remove(file));
      await kubeconfig.write(file);
    }
    const kubectl = await Kubectl.create({
      version: settings.kubectlVersion,
      sha256: settings.kubectlSha256,
      kubeconfig: kubeconfigFile,
      context: settings.context,
      install: seams.install,
    });
    const { manifests, imageChanges, renderer } = await renderManifests(settings, kubectl, workDir, {
      commit: host.context.sha,
      runUrl: host.context.links.runUrl,
    });
    // Only once the set renders: a bad manifest fails the step without a request to the cluster.
    const cluster = await clusterAccess({
      kubectl,
      workDir,
      kubeconfig: kubeconfig && kubeconfigFile ? { kubeconfig, file: kubeconfigFile } : undefined,
      context: settings.context,
      kubectlOnly: kubectlOnly(settings),
    });
    const run = new ApplyRun(settings, kubectl, cluster, workDir, host.setOutput, seams);
    return await run.execute(manifests, { renderer, imageChanges });
  } finally {
    await scratch.remove();
    forgetKubeconfig();
    if (kubeconfigFile) await Kubeconfig.remove(kubeconfigFile);
  }
}

/** Why this run goes through kubectl alone, if it does. */
function kubectlOnly(settings: KubectlApplySettings): string | undefined {
  if (settings.dryRun !== 'none') return `the ${settings.dryRun} dry run compares through kubectl`;
  if (!settings.serverSide) return "a client-side apply is kubectl's own";
  return undefined;
}

async function renderManifests(
  settings: KubectlApplySettings,
  kubectl: Kubectl,
  workDir: string,
  record: DeliveryRecord,
) {
  const renderer = await chooseRenderer(
    {
      manifests: settings.manifests,
      root: settings.workingDirectory,
      renderer: settings.renderer,
      helmRelease: settings.helmRelease,
      helmValues: settings.helmValues,
      namespace: settings.namespace,
    },
    { kubectl, helm: () => Helm.find() },
  );
  log.info(`Rendering ${settings.manifests.map(escapeForLog).join(', ')} with the ${renderer.name} renderer`);
  let manifests = ManifestSet.parse(await renderer.render());
  let imageChanges: ReferenceChange[] = [];
  if (settings.images.length > 0) {
    // Image overrides edit the rendered copy with the bump core; the repository is never touched.
    const renderedFile = path.join(workDir, 'rendered.yaml');
    await fs.writeFile(renderedFile, manifests.toYaml());
    imageChanges = await overrideImages(renderedFile, settings.images);
    manifests = ManifestSet.parse([{ origin: 'the rendered copy', text: await fs.readFile(renderedFile, 'utf8') }]);
  }
  manifests.annotate(record);
  if (settings.applySet) manifests.label(APPLY_SET_LABEL, settings.applySet);
  return { manifests, imageChanges, renderer: renderer.name };
}

interface RunFacts {
  renderer: string;
  imageChanges: ReferenceChange[];
}

/** One run after rendering: dry run, or apply, wait and roll back, with its outputs and summary. */
class ApplyRun {
  private readonly summary = new JobSummary();
  private readonly options: ApplyOptions;

  constructor(
    private readonly settings: KubectlApplySettings,
    private readonly kubectl: Kubectl,
    /** Preflight, apply, live reads and readiness: the API client or kubectl (cluster-access.ts). */
    private readonly cluster: ClusterAccess,
    private readonly workDir: string,
    private readonly setOutput: OutputSink,
    private readonly seams: KubectlApplySeams,
  ) {
    this.options = {
      serverSide: settings.serverSide,
      fieldManager: settings.fieldManager,
      forceConflicts: settings.forceConflicts,
      namespace: settings.namespace,
    };
  }

  async execute(manifests: ManifestSet, facts: RunFacts): Promise<ApplyStatus> {
    const mode = this.settings.dryRun === 'none' ? '' : ` (dry run: ${this.settings.dryRun})`;
    this.summary.heading(`kubectl-apply${mode}`);
    this.summary.paragraph(
      `${manifests.objects.length} object(s) rendered by ${facts.renderer}, applied ${this.settings.serverSide ? 'server-side' : 'client-side'} as field manager ${code(this.settings.fieldManager)}${this.settings.namespace ? ` into namespace ${code(this.settings.namespace)}` : ''}.`,
    );
    if (facts.imageChanges.length > 0) {
      this.summary.table(
        ['Image override', 'Was'],
        facts.imageChanges.map((change) => [code(change.to), code(change.from)]),
      );
      for (const change of facts.imageChanges) log.info(escapeForLog(`Image override: ${change.from} -> ${change.to}`));
    }
    if (this.settings.dryRun !== 'none') return this.dryRun(manifests);

    if (this.settings.createNamespace && this.settings.namespace) await this.ensureNamespace(this.settings.namespace);
    // Both read only (the preflight is a dry run), so they run at once.
    const checks = [this.checkBeforeApply(manifests), this.liveWorkloads(manifests)] as const;
    const failed = (await Promise.allSettled(checks)).find((result) => result.status === 'rejected');
    if (failed) throw failed.reason;
    const [checkedAll, before] = await Promise.all(checks);
    // The server has just validated this very set strictly: kubectl need not fetch the OpenAPI and check it again.
    const applied = await this.cluster.apply(manifests.objects, { ...this.options, validate: !checkedAll });
    this.setObjects(applied);
    this.setOutput(OUTPUTS.diff, '');
    log.info(`Applied ${applied.length} object(s) through ${this.cluster.via}.`);
    if (this.settings.prune) await this.prune(manifests, applied);

    const awaited = this.settings.wait ? applied.map(refOf).filter(isAwaited) : [];
    const results = awaited.length > 0 ? await this.waitFor(awaited) : [];
    this.summarizeObjects(applied, results);
    const failures = results.filter((result) => result.readiness.state === 'failed');
    if (failures.length === 0) return this.finish('succeeded');

    await this.reportFailures(failures);
    if (!this.settings.rollbackOnFailure) {
      await this.finish('failed');
      throw new RolloutFailedError(`${failureList(failures)}; rollback-on-failure is off, nothing was rolled back.`);
    }
    const plan = planRollback(
      failures.map((failure) => failure.ref),
      applied,
      before,
      refOf,
    );
    const rolledBack = await this.rollBack(plan);
    const status = rolledBack && plan.impossible.length === 0 ? 'rolled-back' : 'failed';
    await this.finish(status);
    throw new RolloutFailedError(
      `${failureList(failures)}; ${status === 'rolled-back' ? 'rolled back' : 'the rollback did not complete'}.`,
    );
  }

  private async dryRun(manifests: ManifestSet): Promise<ApplyStatus> {
    let diff: string;
    if (this.settings.dryRun === 'server') {
      const file = path.join(this.workDir, 'manifests.yaml');
      await fs.writeFile(file, manifests.toYaml());
      diff = await this.kubectl.diff(file, this.options);
    } else
      diff = clientDiff(
        manifests.objects,
        await this.cluster.get(manifests.objects.map(refOf), this.settings.namespace),
      );
    this.setObjects(manifests.objects);
    this.setOutput(OUTPUTS.diff, diff);
    if (diff) printUntrusted(diff);
    else log.info('No differences.');
    if (diff) this.summary.details('Diff', diff, 'diff');
    else this.summary.paragraph('No differences with the cluster.');
    return this.finish('succeeded');
  }

  private setObjects(objects: readonly KubeObject[]): void {
    const refs = objects.map(refOf);
    this.setOutput(OUTPUTS.objects, refs.map(objectPath).join('\n'));
    this.setOutput(OUTPUTS.objectsJson, JSON.stringify(refs));
  }

  /**
   * The preflight, and the action's own check that every kind is served, which names an unserved kind more plainly
   * than kubectl does. Through kubectl that check reads the discovery in two more kubectl processes, so it runs only
   * where it tells something: when the preflight failed (an unserved kind is reported first, then the server's verdict
   * on the set) or could not check every object (those in a namespace the set creates, or of a kind a CRD of the set
   * defines). Returns whether the preflight checked all.
   */
  private async checkBeforeApply(manifests: ManifestSet): Promise<boolean> {
    const checkedAll = await this.preflight(manifests).catch(async (error: unknown) => {
      await this.checkKinds(manifests);
      throw error;
    });
    if (!checkedAll) await this.checkKinds(manifests);
    return checkedAll;
  }

  /** Creates the namespace input when it is missing: a server-side apply of a bare Namespace, which keeps one. */
  private async ensureNamespace(name: string): Promise<void> {
    const namespace: KubeObject = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
    const options = { serverSide: true, fieldManager: this.settings.fieldManager, forceConflicts: false };
    await this.cluster.apply([namespace], options).catch((error: unknown) => {
      throw new UserError(`Creating namespace "${name}" (create-namespace) failed: ${errorMessage(error)}`);
    });
  }

  /** Every kind must be served by the cluster (or be a CRD of this very set), or nothing is applied. */
  private async checkKinds(manifests: ManifestSet): Promise<void> {
    const served = await this.cluster.servedKinds();
    const defined = kindsDefinedBy(manifests.objects);
    for (const object of manifests.objects) {
      const kind = groupKind(object.apiVersion, object.kind);
      if (defined.has(kind) || (served.versions.has(object.apiVersion) && served.kinds.has(kind))) continue;
      throw new UserError(
        `${describeRef(refOf(object))}: the cluster serves no kind "${object.kind}" in "${object.apiVersion}"; install its CRD first or use an API version the cluster serves.`,
      );
    }
  }

  /**
   * Everything is first checked by the API server with a dry run (unknown kinds, schema, conflicts, admission),
   * so a bad object leaves the cluster untouched. Objects in a namespace the same set creates, and objects of a kind
   * a CRD of the same set defines, cannot be dry-run before that namespace or CRD exists; the apply checks them.
   */
  private async preflight(manifests: ManifestSet): Promise<boolean> {
    const created = new Set(
      manifests.objects
        .filter((object) => object.apiVersion === 'v1' && object.kind === 'Namespace')
        .map((object) => object.metadata.name),
    );
    const defined = kindsDefinedBy(manifests.objects);
    const checkable = manifests.objects.filter(
      (object) =>
        !created.has(object.metadata.namespace ?? this.settings.namespace ?? '') &&
        !defined.has(groupKind(object.apiVersion, object.kind)),
    );
    if (checkable.length === 0) return false;
    // One call: the API client sends the dry runs four at once; kubectl (the fallback) runs as one process, since
    // each kubectl pays its start, discovery and OpenAPI download (splitting the set across four processes cost 3x).
    await this.cluster.apply(checkable, { ...this.options, dryRun: true });
    return checkable.length === manifests.objects.length;
  }

  /**
   * Deletes what an earlier run of this apply-set applied and this one no longer renders: only objects with the
   * set's label, of kubectl's usual prune kinds plus the kinds in the set, in the namespaces this run applied to.
   * (kubectl's own --prune refuses server-side apply outside its alpha applysets.)
   */
  private async prune(manifests: ManifestSet, applied: readonly KubeObject[]): Promise<void> {
    const selector = `${APPLY_SET_LABEL}=${this.settings.applySet}`;
    const kinds = [...new Set([...PRUNED_KINDS, ...manifests.objects.map((object) => kindName(refOf(object)))])];
    const current = new Set(applied.map((object) => refKey(refOf(object))));
    // Only the namespaces this run applied to (and cluster-scoped objects): the same set name elsewhere is not ours.
    const namespaces = new Set(applied.map((object) => object.metadata.namespace).filter(Boolean));
    const stale = (await this.kubectl.list(kinds, selector)).filter(
      (object) =>
        !current.has(refKey(refOf(object))) &&
        (object.metadata.namespace === undefined || namespaces.has(object.metadata.namespace)),
    );
    if (stale.length === 0) return;
    const file = path.join(this.workDir, 'prune.yaml');
    await fs.writeFile(file, stale.map((object) => stringify(refDocument(refOf(object)))).join('---\n'));
    await this.kubectl.delete(file);
    this.summary.table(
      ['Pruned'],
      stale.map((object) => [describeRef(refOf(object))]),
    );
  }

  /** The workloads as they are before the apply, to tell which ones this run changes (only when it may roll back). */
  private async liveWorkloads(manifests: ManifestSet): Promise<Map<string, KubeObject>> {
    const workloads = manifests.objects.map(refOf).filter(isAwaited);
    if (!this.settings.wait || !this.settings.rollbackOnFailure || workloads.length === 0) return new Map();
    const live = await this.cluster.get(workloads, this.settings.namespace);
    return new Map(live.map((object) => [refKey(refOf(object)), object]));
  }

  private waitFor(
    refs: readonly ObjectRef[],
    judge?: Parameters<typeof waitForReadiness>[2]['judge'],
  ): Promise<ObjectReadiness[]> {
    return waitForReadiness(this.cluster, refs, {
      timeoutMs: this.settings.timeoutSeconds * 1000,
      pollMs: this.seams.pollMs ?? DEFAULT_POLL_MS,
      judge,
    });
  }

  /** The conditions and recent events of each failed object (and of its ReplicaSets and pods), in log and summary. */
  private async reportFailures(failures: readonly ObjectReadiness[]): Promise<void> {
    const namespaces = [
      ...new Set(
        failures.map((failure) => failure.ref.namespace).filter((namespace): namespace is string => !!namespace),
      ),
    ];
    const events = (await Promise.all(namespaces.map((namespace) => this.kubectl.events(namespace)))).flat();
    for (const failure of failures) {
      const lines = [
        ...conditionsOf(failure.object ?? ({} as KubeObject)).map(
          (condition) =>
            `condition ${condition.type}=${condition.status}${condition.reason ? ` ${condition.reason}` : ''}${condition.message ? `: ${condition.message}` : ''}`,
        ),
        ...relatedEvents(events, failure.ref).map(
          (event) =>
            `event ${event.type} ${event.reason} on ${event.involvedObject.kind} ${event.involvedObject.name}: ${event.message}`,
        ),
      ];
      log.error(`${describeRef(failure.ref)} did not become ready: ${failure.readiness.message}`);
      printUntrusted(lines.map((line) => `  ${line}`).join('\n'));
      this.summary.details(
        `${describeRef(failure.ref)}: ${failure.readiness.message}`,
        lines.join('\n') || 'No conditions or events.',
      );
    }
  }

  private async rollBack(plan: RollbackPlan): Promise<boolean> {
    for (const { ref, reason } of plan.impossible) log.warning(`${describeRef(ref)} cannot be rolled back: ${reason}.`);
    for (const { ref, strategy } of plan.steps) {
      log.info(escapeForLog(`Rolling back ${describeRef(ref)} (${strategy.action})`));
      await strategy.rollBack(this.kubectl, ref);
    }
    const strategies = new Map(plan.steps.map((step) => [refKey(step.ref), step.strategy]));
    const settled =
      plan.steps.length > 0
        ? await this.waitFor(
            plan.steps.map((step) => step.ref),
            (object) => {
              const strategy = strategies.get(refKey(refOf(object)));
              return strategy ? strategy.settled(object) : { state: 'ready', message: '' };
            },
          )
        : [];
    this.summary.table(
      ['Rolled back', 'How', 'Result'],
      [
        ...plan.steps.map((step, index) => [
          describeRef(step.ref),
          step.strategy.action,
          settled[index]?.readiness.message ?? '',
        ]),
        ...plan.impossible.map(({ ref, reason }) => [describeRef(ref), 'not rolled back', reason]),
      ],
    );
    return plan.steps.length > 0 && settled.every((result) => result.readiness.state === 'ready');
  }

  private summarizeObjects(applied: readonly KubeObject[], results: readonly ObjectReadiness[]): void {
    const verdicts = new Map(results.map((result) => [refKey(result.ref), result.readiness]));
    this.summary.table(
      ['Object', 'Readiness'],
      applied.map((object) => {
        const readiness = verdicts.get(refKey(refOf(object)));
        return [
          describeRef(refOf(object)),
          readiness ? `${readiness.state}: ${readiness.message}` : this.settings.wait ? 'present' : 'not awaited',
        ];
      }),
    );
  }

  private async finish(status: ApplyStatus): Promise<ApplyStatus> {
    this.setOutput(OUTPUTS.status, status);
    this.setOutput(OUTPUTS.rolledBack, String(status === 'rolled-back'));
    this.summary.paragraph(`Status: **${status}**`);
    await this.summary.write(this.seams.summaryFile);
    return status;
  }
}

interface KubeEvent {
  type?: string;
  reason?: string;
  message?: string;
  lastTimestamp?: string;
  involvedObject: { kind?: string; name?: string };
}

/** Events about the object itself or about what it owns by name (its ReplicaSets `web-<hash>`, pods `web-<hash>-<id>`). */
function relatedEvents(events: readonly KubeObject[], ref: ObjectRef): KubeEvent[] {
  return (events as unknown as KubeEvent[])
    .filter((event) => event.involvedObject.name === ref.name || event.involvedObject.name?.startsWith(`${ref.name}-`))
    .sort((a, b) => String(a.lastTimestamp).localeCompare(String(b.lastTimestamp)))
    .slice(-MAX_EVENTS_PER_OBJECT);
}

/** `deployment.apps`, `configmap`: a kind as `kubectl get` takes it. */
function kindName(ref: ObjectRef): string {
  const group = groupOf(ref.apiVersion);
  return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}`;
}

function failureList(failures: readonly ObjectReadiness[]): string {
  return `${failures.map((failure) => `${describeRef(failure.ref)} did not become ready (${failure.readiness.message})`).join('; ')}`;
}
