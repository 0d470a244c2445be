import { UserError } from '../errors.js';
import { type ExecResult, execTool, printCommandLine } from '../exec.js';
import { type InstallOptions, installTool } from '../installer.js';
import { groupOf, type KubeObject, type ObjectRef } from './kube-object.js';

export interface KubectlOptions {
  /** SHA-256 of the kubectl binary, for a version the installer's table does not pin. */
  sha256?: string;
  /** A version the installer knows (default: its pinned one); a kubectl of that version on PATH is used as is. */
  version?: string;
  /** Path of the kubeconfig file; without it kubectl uses KUBECONFIG or ~/.kube/config. */
  kubeconfig?: string;
  context?: string;
  install?: InstallOptions;
}

export interface ApplyOptions {
  serverSide: boolean;
  fieldManager: string;
  forceConflicts: boolean;
  /** Namespace for objects that name none. */
  namespace?: string;
  /** Ask the API server to check everything and persist nothing. */
  dryRun?: boolean;
  /**
   * kubectl only: false skips its per-object schema check for a set the server just checked. The API client always
   * asks the server for fieldValidation=Strict, and ignores `serverSide` (it only applies server-side).
   */
  validate?: boolean;
}

/** kubectl, installed and verified through the core installer, pointed at one kubeconfig and context. */
export class Kubectl {
  private constructor(
    readonly path: string,
    readonly version: string,
    private readonly connection: readonly string[],
  ) {}

  static async create(options: KubectlOptions = {}): Promise<Kubectl> {
    const tool = await installTool(
      { tool: 'kubectl', version: options.version, sha256: options.sha256 },
      options.install,
    );
    const connection = [
      ...(options.kubeconfig ? ['--kubeconfig', options.kubeconfig] : []),
      ...(options.context ? ['--context', options.context] : []),
    ];
    return new Kubectl(tool.path, tool.version, connection);
  }

  /** `kubectl kustomize DIR`: the built manifests, or kustomize's own error. */
  async kustomize(dir: string): Promise<string> {
    const result = await this.exec(['kustomize', dir]);
    if (result.exitCode !== 0) throw new UserError(`kustomize build of ${dir} failed: ${errorSummary(result)}`);
    return result.stdout;
  }

  /** One `kubectl apply` of the whole file; returns the objects as the API server stored them. */
  async apply(file: string, options: ApplyOptions): Promise<KubeObject[]> {
    const args = ['apply', '-f', file, '-o', 'json', `--field-manager=${options.fieldManager}`];
    if (options.serverSide) args.push('--server-side');
    if (options.serverSide && options.forceConflicts) args.push('--force-conflicts');
    if (options.namespace) args.push('--namespace', options.namespace);
    if (options.dryRun) args.push('--dry-run=server');
    if (options.validate === false) args.push('--validate=false');
    const result = await this.exec(args);
    if (result.exitCode !== 0) {
      const conflict = /conflict/i.test(result.stderr)
        ? ' Set force-conflicts: true to take over fields another manager owns.'
        : '';
      throw new UserError(`kubectl apply failed: ${errorSummary(result)}.${conflict}`);
    }
    return objectsIn(result.stdout);
  }

  /** `kubectl diff --server-side`: what the API server would change, as a unified diff ('' when nothing). */
  async diff(file: string, options: Omit<ApplyOptions, 'dryRun' | 'validate'>): Promise<string> {
    const args = ['diff', '-f', file, `--field-manager=${options.fieldManager}`];
    if (options.serverSide) args.push('--server-side');
    if (options.serverSide && options.forceConflicts) args.push('--force-conflicts');
    if (options.namespace) args.push('--namespace', options.namespace);
    // Exit 1 means "there are differences"; above that, kubectl or diff failed.
    const result = await this.exec(args);
    if (result.exitCode > 1) throw new UserError(`kubectl diff failed: ${errorSummary(result)}`);
    return result.stdout;
  }

  /** The live objects a file names; those that do not exist are left out. */
  async get(file: string, namespace?: string): Promise<KubeObject[]> {
    const args = ['get', '-f', file, '-o', 'json', '--ignore-not-found'];
    if (namespace) args.push('--namespace', namespace);
    const result = await this.exec(args);
    if (result.exitCode !== 0) throw new UserError(`kubectl get failed: ${errorSummary(result)}`);
    return objectsIn(result.stdout);
  }

  /** Objects of these kinds (`deployment.apps`, `configmap`...) in every namespace that match a label selector. */
  async list(kinds: readonly string[], selector: string): Promise<KubeObject[]> {
    const result = await this.exec([
      'get',
      kinds.join(','),
      '--all-namespaces',
      '--selector',
      selector,
      '-o',
      'json',
      '--ignore-not-found',
    ]);
    if (result.exitCode !== 0) throw new Error(`kubectl get ${kinds.join(',')} failed: ${errorSummary(result)}`);
    return objectsIn(result.stdout);
  }

  /** Deletes the objects a file names, without waiting for finalizers. */
  async delete(file: string): Promise<void> {
    const result = await this.exec(['delete', '-f', file, '--ignore-not-found', '--wait=false'], { echo: true });
    if (result.exitCode !== 0) throw new Error(`kubectl delete failed: ${errorSummary(result)}`);
  }

  /** The group versions and the `group/Kind`s the cluster serves, from its discovery (kubectl caches it). */
  async servedKinds(): Promise<{ versions: Set<string>; kinds: Set<string> }> {
    const [versions, resources] = await Promise.all([this.exec(['api-versions']), this.exec(['api-resources'])]);
    for (const result of [versions, resources]) {
      if (result.exitCode !== 0)
        throw new UserError(`Reading the cluster's API discovery failed: ${errorSummary(result)}`);
    }
    const [header = '', ...rows] = resources.stdout.split(/\r?\n/).filter(Boolean);
    const apiVersionAt = header.indexOf('APIVERSION');
    const namespacedAt = header.indexOf('NAMESPACED');
    const kindAt = header.indexOf('KIND');
    const kinds = rows.map(
      (row) => `${groupOf(row.slice(apiVersionAt, namespacedAt).trim())}/${row.slice(kindAt).trim().split(/\s+/)[0]}`,
    );
    return { versions: new Set(versions.stdout.split(/\s+/).filter(Boolean)), kinds: new Set(kinds) };
  }

  async events(namespace: string): Promise<KubeObject[]> {
    const result = await this.exec(['get', 'events', '--namespace', namespace, '-o', 'json']);
    return result.exitCode === 0 ? objectsIn(result.stdout) : [];
  }

  /** `kubectl rollout undo`: back to the previous revision of a Deployment, StatefulSet or DaemonSet. */
  async rolloutUndo(ref: ObjectRef): Promise<void> {
    const result = await this.exec(['rollout', 'undo', resourceName(ref), ...namespaceArgs(ref)], { echo: true });
    if (result.exitCode !== 0)
      throw new Error(`kubectl rollout undo ${resourceName(ref)} failed: ${errorSummary(result)}`);
  }

  /** What `kubectl argo rollouts abort` does: set status.abort, so Argo Rollouts goes back to the stable pods. */
  async abortRollout(ref: ObjectRef): Promise<void> {
    const patch = JSON.stringify({ status: { abort: true } });
    const args = [
      'patch',
      resourceName(ref),
      ...namespaceArgs(ref),
      '--type',
      'merge',
      '--subresource',
      'status',
      '-p',
      patch,
    ];
    const result = await this.exec(args, { echo: true });
    if (result.exitCode !== 0) throw new Error(`aborting ${resourceName(ref)} failed: ${errorSummary(result)}`);
  }

  /** Every call goes through here: argv only, output captured (and echoed only when asked), secrets redacted. */
  private async exec(args: readonly string[], options: { input?: string; echo?: boolean } = {}): Promise<ExecResult> {
    const argv = [...this.connection, ...args];
    if (!options.echo) printCommandLine(this.path, argv);
    return execTool(this.path, argv, { input: options.input, silent: !options.echo, allowFailure: true });
  }
}

/** `deployment.apps/web`: how kubectl names one object of any group. */
export function resourceName(ref: ObjectRef): string {
  const group = groupOf(ref.apiVersion);
  return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
}

function namespaceArgs(ref: ObjectRef): string[] {
  return ref.namespace ? ['--namespace', ref.namespace] : [];
}

/** kubectl prints one object, or a List of them, or nothing at all. */
function objectsIn(stdout: string): KubeObject[] {
  if (!stdout.trim()) return [];
  const parsed = JSON.parse(stdout) as KubeObject & { items?: KubeObject[] };
  const objects = parsed.kind === 'List' || Array.isArray(parsed.items) ? (parsed.items ?? []) : [parsed];
  // An empty result of a custom kind comes back as a bare list shell.
  return objects.filter((object) => typeof object.metadata?.name === 'string');
}

/** kubectl's error lines, without its multi-line advice, on one line. */
export function errorSummary(result: ExecResult): string {
  const lines = result.stderr.split(/\r?\n/).map((line) => line.trim());
  const errors = lines.filter((line) => /^(error|Error from server|Error:)/.test(line));
  const chosen = errors.length > 0 ? errors : lines.filter(Boolean).slice(0, 3);
  const summary = chosen.join('; ').replace(/^error: /, '');
  return summary.length > 600 ? `${summary.slice(0, 600)}…` : summary || `exit code ${result.exitCode}`;
}
