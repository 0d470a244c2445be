import { UserError } from '../errors.js';
import { type ExecResult, execTool } from '../exec.js';
import { errorSummary } from '../kubernetes/kubectl.js';
import { field, list, type WorkloadRef } from './agent-report.js';

/** A kind of object an agent keeps its status in, as kubectl names its resource. */
export interface StatusKind {
  /** `kustomizations.kustomize.toolkit.fluxcd.io` */
  resource: string;
  /** `Kustomization` */
  kind: string;
  /** The input that names objects of this kind. */
  input: string;
}

export interface StatusObjectRef {
  kind: StatusKind;
  namespace: string;
  name: string;
  /** Kinds a user may have confused this one with: naming one of them gets a clear error. */
  confusable: readonly StatusKind[];
}

/**
 * Reads an agent's status object, and the workloads it manages, through kubectl with a read-only kubeconfig:
 * `get` only, except `annotate` when the user asked for a Flux reconcile.
 */
export class KubernetesStatusReader {
  constructor(
    private readonly kubectl: string,
    /** `--kubeconfig FILE --context NAME` */
    private readonly connection: readonly string[],
    private readonly target: StatusObjectRef,
  ) {}

  async read(): Promise<unknown> {
    const { kind, namespace, name } = this.target;
    const result = await this.exec(['get', kind.resource, name, '--namespace', namespace, '-o', 'json']);
    if (result.exitCode === 0) return JSON.parse(result.stdout) as unknown;
    if (/\(NotFound\)/.test(result.stderr)) throw await this.notFound();
    throw explainKubectlFailure(result, `${kind.kind} ${namespace}/${name}`);
  }

  /** Sets an annotation on the status object (Flux's `reconcile.fluxcd.io/requestedAt`): needs `patch` on it. */
  async annotate(key: string, value: string): Promise<void> {
    const { kind, namespace, name } = this.target;
    const result = await this.exec([
      'annotate',
      kind.resource,
      name,
      '--namespace',
      namespace,
      '--overwrite',
      `${key}=${value}`,
    ]);
    if (result.exitCode !== 0) throw explainKubectlFailure(result, `${kind.kind} ${namespace}/${name}`);
  }

  /** The images of every container (init containers too) in the workloads' pod templates. */
  async workloadImages(workloads: readonly WorkloadRef[]): Promise<string[]> {
    const images: string[] = [];
    for (const workload of workloads) {
      const group = workload.apiVersion.includes('/') ? `.${workload.apiVersion.split('/')[0]}` : '';
      const args = ['get', `${workload.kind.toLowerCase()}${group}`, workload.name, '-o', 'json', '--ignore-not-found'];
      if (workload.namespace) args.push('--namespace', workload.namespace);
      const result = await this.exec(args);
      if (result.exitCode !== 0) throw explainKubectlFailure(result, `${workload.kind} ${workload.name}`);
      if (!result.stdout.trim()) continue;
      const podSpec = field(JSON.parse(result.stdout), 'spec', 'template', 'spec');
      for (const container of [...list(field(podSpec, 'initContainers')), ...list(field(podSpec, 'containers'))]) {
        const image = field(container, 'image');
        if (typeof image === 'string') images.push(image);
      }
    }
    return images;
  }

  /** Not there: maybe it is there as the kind the user confused it with. */
  private async notFound(): Promise<UserError> {
    const { kind, namespace, name } = this.target;
    for (const other of this.target.confusable) {
      const found = await this.exec([
        'get',
        other.resource,
        name,
        '--namespace',
        namespace,
        '-o',
        'name',
        '--ignore-not-found',
      ]);
      if (found.exitCode === 0 && found.stdout.trim()) {
        return new UserError(
          `Input "${kind.input}" names ${namespace}/${name}, which is a ${other.kind}, not a ${kind.kind}: ` +
            `name it in "${other.input}".`,
        );
      }
    }
    return new UserError(`${kind.kind} ${namespace}/${name} (input "${kind.input}") does not exist in the cluster.`);
  }

  private exec(args: readonly string[]): Promise<ExecResult> {
    return execTool(this.kubectl, [...this.connection, ...args], { silent: true, allowFailure: true });
  }
}

/** What the API server refused, as a UserError naming the verb and resource; other failures stay errors. */
export function explainKubectlFailure(result: ExecResult, what: string): Error {
  const forbidden = /cannot (\w+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)")?/.exec(
    result.stderr,
  );
  if (forbidden) {
    const [, verb, resource, group, namespace] = forbidden;
    return new UserError(
      `The kubeconfig may not ${verb} ${resource}${group ? `.${group}` : ''}${
        namespace ? ` in namespace ${namespace}` : ''
      } (Forbidden), so ${what} cannot be read: grant its user get, list and watch on them.`,
    );
  }
  if (/\(Unauthorized\)/.test(result.stderr)) {
    return new UserError(`The API server refused the kubeconfig's credentials (Unauthorized) while reading ${what}.`);
  }
  const missing = /the server doesn't have a resource type "([^"]+)"/.exec(result.stderr);
  if (missing) {
    return new UserError(
      `The cluster does not serve ${missing[1]}, so ${what} cannot be read: is the agent installed, and the kubeconfig's context the right cluster?`,
    );
  }
  return new Error(`kubectl could not read ${what}: ${errorSummary(result)}`);
}
