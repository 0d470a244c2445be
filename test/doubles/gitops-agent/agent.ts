/**
 * A stand-in GitOps agent (what Argo CD's application controller or Flux's kustomize/helm controllers do) for tests
 * on 127.0.0.1: it polls a branch of a manifests repository (`git ls-remote`, e.g. on the test bed's git daemon),
 * and on a new commit fetches it, renders the path with real `kubectl kustomize` (or real `helm template` for a
 * chart), applies the result to the Kubernetes API double with real kubectl (server-side apply), and writes status
 * to each target as the real controller does (status-writers.ts): noticed (OutOfSync / Reconciling), applied
 * (Synced, Progressing), then, `healthyAfterMs` later, the health the live workloads show (workload-health.ts):
 * Healthy, or Degraded when a workload runs an image of the "does not start" set. A slow refresh: a new commit is
 * noticed only `refreshDelayMs` after it appears, unless someone asks for a refresh (Argo CD refresh GET or
 * annotation, Flux requestedAt). Every loop and tool call is bounded; `stop()` ends the loop.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseYaml, parseAllDocuments } from 'yaml';
import type { JsonObject, ManagedResource } from '../argocd-api/application-status.js';
import type { ArgoCdApiDouble } from '../argocd-api/server.js';
import { kubectlIn, runTool } from '../kubernetes-api/kubectl-cli.js';
import type { KubernetesApiDouble } from '../kubernetes-api/server.js';
import {
  ArgoCdApiWriter,
  ArgoCdApplicationWriter,
  FluxHelmReleaseWriter,
  FluxKustomizationWriter,
  type StatusWriter,
  type SyncedRevision,
} from './status-writers.js';
import { healthOf, WORKLOAD_KINDS, worstOf } from './workload-health.js';

export type AgentTarget =
  | { kind: 'argocd-api'; server: ArgoCdApiDouble; application: string; namespace?: string }
  | { kind: 'argocd-application'; namespace: string; name: string }
  | { kind: 'flux-kustomization'; namespace: string; name: string }
  | { kind: 'flux-helmrelease'; namespace: string; name: string };

export interface GitOpsAgentOptions {
  /** Manifests repository, e.g. `git://127.0.0.1:PORT/acme/gitops.git`. */
  repository: string;
  branch?: string;
  /** Folder in the repository: a kustomization, or a Helm chart when `renderer` is `helm`. */
  path: string;
  renderer?: 'kustomize' | 'helm';
  /** helm binary (see helmOnPath in test/core/kubernetes/kubectl-apply-harness.ts). Default `helm` on PATH. */
  helm?: string;
  cluster: KubernetesApiDouble;
  targets: AgentTarget[];
  /** Namespace for rendered objects that name none. Default `default`. */
  namespace?: string;
  /** Pause between two looks at the repository. Default 100 ms. */
  pollMs?: number;
  /** How long a new commit goes unnoticed unless a refresh is asked for. Default 0. */
  refreshDelayMs?: number;
  /** How long workloads report Progressing before their live health is reported. Default 50 ms. */
  healthyAfterMs?: number;
  /** Images whose pods never start: rollouts using them end Degraded (progress deadline exceeded). */
  brokenImages?: string[];
}

/** One thing the agent did, for tests to assert on the order of events. */
export interface AgentEvent {
  at: number;
  sha: string;
  step: 'noticed' | 'applied' | 'failed' | 'settled';
  detail?: string;
}

const CLUSTER_SCOPED = new Set(['Namespace', 'ClusterRole', 'ClusterRoleBinding', 'CustomResourceDefinition']);

export class GitOpsAgent {
  readonly events: AgentEvent[] = [];
  /** The last error of a look at the repository or of a status write, for a test that waits in vain. */
  lastError: string | undefined;
  private readonly writers: StatusWriter[] = [];
  private readonly unsubscribe: (() => void)[] = [];
  private readonly refreshWaiters: (() => void)[] = [];
  private answering: (() => void)[] = [];
  private readonly kubectl: ReturnType<typeof kubectlIn>;
  private synced: string | undefined;
  private pending: { sha: string; since: number } | undefined;
  private stopped = false;
  private wake: (() => void) | undefined;
  private loop: Promise<void> | undefined;

  private constructor(
    private readonly options: GitOpsAgentOptions,
    private readonly home: string,
  ) {
    this.kubectl = kubectlIn(home);
    for (const target of options.targets) this.writers.push(this.writerFor(target));
    for (const image of options.brokenImages ?? []) options.cluster.failImage(image, 'deadline-exceeded');
  }

  /** Clones the repository and starts watching it. */
  static async start(options: GitOpsAgentOptions): Promise<GitOpsAgent> {
    const home = await mkdtemp(path.join(tmpdir(), 'gitops-agent-'));
    await writeFile(path.join(home, 'kubeconfig'), options.cluster.kubeconfig());
    const agent = new GitOpsAgent(options, home);
    await agent.git('clone', '--quiet', '--no-checkout', options.repository, path.join(home, 'source'));
    agent.loop = agent.run();
    return agent;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.loop;
    for (const unsubscribe of this.unsubscribe) unsubscribe();
    for (const resolve of this.refreshWaiters.splice(0)) resolve();
    await rm(this.home, { recursive: true, force: true });
  }

  /** The commit the agent last carried through (whatever its outcome). */
  get revision(): string | undefined {
    return this.synced;
  }

  /** Pods of this image never start from now on (Degraded at the next sync). */
  breakImage(image: string): void {
    this.options.cluster.failImage(image, 'deadline-exceeded');
  }

  private writerFor(target: AgentTarget): StatusWriter {
    const cluster = this.options.cluster;
    switch (target.kind) {
      case 'argocd-api': {
        const writer = new ArgoCdApiWriter(target.server, target.application, target.namespace);
        // Argo CD answers a refresh GET once the controller has compared git again: wait for the next look.
        this.unsubscribe.push(
          target.server.onRefreshRequested(() => {
            writer.markRefreshRequested();
            return this.nextLook();
          }),
        );
        return writer;
      }
      case 'argocd-application':
        return new ArgoCdApplicationWriter(cluster, this.kubectl, target.namespace, target.name);
      case 'flux-kustomization':
        return new FluxKustomizationWriter(cluster, this.kubectl, target.namespace, target.name);
      case 'flux-helmrelease':
        return new FluxHelmReleaseWriter(cluster, this.kubectl, target.namespace, target.name);
    }
  }

  private nextLook(): Promise<void> {
    const looked = new Promise<void>((resolve) => this.refreshWaiters.push(resolve));
    this.wake?.();
    return looked;
  }

  private answerRefreshes(): void {
    for (const resolve of this.answering.splice(0)) resolve();
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      // A refresh asked during a look is answered by the next one, which sees the repository as it is now.
      this.answering = this.refreshWaiters.splice(0);
      try {
        await this.look();
      } catch (error) {
        this.lastError = (error as Error).message;
      }
      this.answerRefreshes();
      if (this.stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.options.pollMs ?? 100);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** One look at the repository: a new commit is carried through once noticed. */
  private async look(): Promise<void> {
    const branch = this.options.branch ?? 'main';
    const listed = await this.git('ls-remote', this.options.repository, `refs/heads/${branch}`);
    const sha = listed.split(/\s/)[0];
    let refresh = this.answering.length > 0;
    for (const writer of this.writers) refresh = (await writer.refreshRequested()) || refresh;
    if (!sha || sha === this.synced) return;
    if (this.pending?.sha !== sha) this.pending = { sha, since: Date.now() };
    if (!refresh && Date.now() - this.pending.since < (this.options.refreshDelayMs ?? 0)) return;
    await this.carry(sha, branch);
  }

  private async carry(sha: string, branch: string): Promise<void> {
    const source = path.join(this.home, 'source');
    await this.git('-C', source, 'fetch', '--quiet', 'origin', `+refs/heads/${branch}:refs/remotes/origin/${branch}`);
    await this.git('-C', source, 'checkout', '--quiet', '--force', '--detach', sha);
    const folder = path.join(source, this.options.path);
    const revision: SyncedRevision = { sha, branch, chart: await this.chartOf(folder) };
    this.synced = sha;
    this.pending = undefined;
    for (const writer of this.writers) await writer.noticed(revision);
    this.record(sha, 'noticed');
    this.answerRefreshes();

    const rendered = await this.render(folder);
    const resources = rendered.ok ? resourcesOf(rendered.text, this.options.namespace ?? 'default') : [];
    const applied = rendered.ok ? await this.apply(rendered.text) : rendered;
    if (!applied.ok) {
      for (const writer of this.writers) await writer.failed(revision, applied.message, resources);
      this.record(sha, 'failed', applied.message);
      return;
    }
    for (const writer of this.writers) await writer.applied(revision, resources);
    this.record(sha, 'applied');
    await this.pause(this.options.healthyAfterMs ?? 50);
    const live = resources.map((resource) => ({ ...resource, health: this.liveHealth(resource) }));
    const health = worstOf(live.map((resource) => resource.health));
    for (const writer of this.writers) await writer.settled(revision, live, health);
    this.record(sha, 'settled', health.status);
  }

  private liveHealth(resource: ManagedResource): ManagedResource['health'] {
    const apiVersion = resource.group ? `${resource.group}/${resource.version}` : resource.version;
    const object = this.options.cluster.object(apiVersion, resource.kind, resource.namespace, resource.name);
    return healthOf(object as Parameters<typeof healthOf>[0]);
  }

  private async chartOf(folder: string): Promise<SyncedRevision['chart']> {
    if (this.options.renderer !== 'helm') return undefined;
    const chart = parseYaml(await readFile(path.join(folder, 'Chart.yaml'), 'utf8')) as {
      name: string;
      version: string;
      appVersion?: string;
    };
    return { name: chart.name, version: chart.version, appVersion: chart.appVersion };
  }

  private async render(folder: string): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
    const result =
      this.options.renderer === 'helm'
        ? await runTool(this.options.helm ?? 'helm', [
            'template',
            this.helmReleaseName(),
            folder,
            '--namespace',
            this.options.namespace ?? 'default',
          ])
        : await runTool('kubectl', ['kustomize', folder]);
    if (result.code !== 0) return { ok: false, message: firstLine(result.stderr) };
    return { ok: true, text: result.stdout };
  }

  private helmReleaseName(): string {
    const release = this.options.targets.find((target) => target.kind === 'flux-helmrelease');
    return release?.name ?? path.basename(this.options.path);
  }

  private async apply(manifests: string): Promise<{ ok: true } | { ok: false; message: string }> {
    const file = path.join(this.home, 'rendered.yaml');
    await writeFile(file, manifests);
    const manager = this.options.targets.some((target) => target.kind.startsWith('argocd'))
      ? 'argocd-controller'
      : this.options.renderer === 'helm'
        ? 'helm-controller'
        : 'kustomize-controller';
    const result = await this.kubectl(
      'apply',
      '--server-side',
      '--force-conflicts',
      `--field-manager=${manager}`,
      '-n',
      this.options.namespace ?? 'default',
      '-f',
      file,
    );
    return result.code === 0 ? { ok: true } : { ok: false, message: firstLine(result.stderr) };
  }

  private record(sha: string, step: AgentEvent['step'], detail?: string): void {
    this.events.push({ at: Date.now(), sha, step, ...(detail ? { detail } : {}) });
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      const previous = this.wake;
      this.wake = () => {
        clearTimeout(timer);
        previous?.();
        resolve();
      };
    });
  }

  private async git(...args: string[]): Promise<string> {
    const result = await runTool('git', args, { timeoutMs: 20_000 });
    if (result.code !== 0) throw new Error(`git ${args[0] === '-C' ? args[2] : args[0]}: ${firstLine(result.stderr)}`);
    return result.stdout.trim();
  }
}

function firstLine(text: string): string {
  return text.trim().split('\n')[0] ?? '';
}

/** The objects a render produced, as Argo CD lists them in status.resources (with their images). */
export function resourcesOf(manifests: string, namespace: string): ManagedResource[] {
  return parseAllDocuments(manifests)
    .map((document) => document.toJSON() as JsonObject | null)
    .filter((object): object is JsonObject => object !== null && typeof object.kind === 'string')
    .map((object) => {
      const [group, version] = String(object.apiVersion).includes('/')
        ? (String(object.apiVersion).split('/') as [string, string])
        : ['', String(object.apiVersion)];
      const metadata = object.metadata as { name: string; namespace?: string };
      const kind = object.kind as string;
      return {
        group,
        version,
        kind,
        name: metadata.name,
        ...(CLUSTER_SCOPED.has(kind) ? {} : { namespace: metadata.namespace ?? namespace }),
        ...(WORKLOAD_KINDS.has(kind) ? { images: imagesOf(object) } : {}),
      };
    });
}

function imagesOf(object: JsonObject): string[] {
  const pod = ((object.spec as JsonObject | undefined)?.template as JsonObject | undefined)?.spec as
    { containers?: { image?: string }[]; initContainers?: { image?: string }[] } | undefined;
  return [...(pod?.initContainers ?? []), ...(pod?.containers ?? [])].flatMap((container) =>
    container.image ? [container.image] : [],
  );
}
