import { UserError } from '../errors.js';
import { type ExecResult, execTool } from '../exec.js';
import type { KubeApi } from '../kubernetes/api-client.js';
import { describeRef, groupOf, type KubeObject } from '../kubernetes/kube-object.js';
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
 * Reads an agent's status object and the workloads it manages, with a read-only kubeconfig: `get` only, except an
 * annotation when the user asked for a refresh or a reconcile.
 */
export interface StatusReader {
  read(): Promise<unknown>;
  /** Sets an annotation on the status object (Flux's `reconcile.fluxcd.io/requestedAt`): needs `patch` on it. */
  annotate(key: string, value: string): Promise<void>;
  /** The images of every container (init containers too) in the workloads' pod templates. */
  workloadImages(workloads: readonly WorkloadRef[]): Promise<string[]>;
}

// Who set the annotation, in the object's managed fields.
const FIELD_MANAGER = 'gitops-delivery-actions';

/**
 * The API client from this process (one GET per read): where it speaks the kubeconfig and the server (see
 * `inProcessApi`). A kubectl process per read would pay its start and its discovery each time.
 */
export class ApiStatusReader implements StatusReader {
  constructor(
    private readonly api: KubeApi,
    private readonly target: StatusObjectRef,
  ) {}

  async read(): Promise<unknown> {
    const { kind, namespace, name } = this.target;
    const what = describe(this.target);
    const found = await this.getServed(servedKind(kind), { namespace, name }, what);
    if (found) return found;
    // Not there: maybe it is there as the kind the user confused it with. As through kubectl, a look that fails
    // (a Role that may read only the named kind) is no answer, not an error.
    for (const other of this.target.confusable) {
      const elsewhere = await this.getServed(servedKind(other), { namespace, name }, what).catch(() => null);
      if (elsewhere) throw confused(this.target, other);
    }
    throw notFound(this.target);
  }

  async annotate(key: string, value: string): Promise<void> {
    const { kind, namespace, name } = this.target;
    const what = describe(this.target);
    const apiVersion = await this.version(servedKind(kind), what);
    await this.api
      .mergePatch(
        { apiVersion, kind: kind.kind, namespace, name },
        { metadata: { annotations: { [key]: value } } },
        FIELD_MANAGER,
      )
      .catch((error: unknown) => Promise.reject(explainRefusal(errorText(error), what) ?? error));
  }

  /** Each workload at the version the server prefers for its kind, as `kubectl get <kind>.<group>` reads it. */
  async workloadImages(workloads: readonly WorkloadRef[]): Promise<string[]> {
    const images: string[] = [];
    for (const workload of workloads) {
      const group = groupOf(workload.apiVersion);
      // Named as kubectl names it, for a kind the cluster does not serve.
      const resource = `${workload.kind.toLowerCase()}${group ? `.${group}` : ''}`;
      const live = await this.getServed({ group, kind: workload.kind, resource }, workload, describeRef(workload));
      if (live) images.push(...podTemplateImages(live));
    }
    return images;
  }

  /** The object, or undefined when it does not exist; its kind must be served (the discovery is read again once). */
  private async getServed(
    served: ServedKind,
    { namespace, name }: { namespace?: string; name: string },
    what: string,
  ): Promise<KubeObject | undefined> {
    const apiVersion = await this.version(served, what);
    const [object] = await this.api
      .get([{ apiVersion, kind: served.kind, namespace, name }])
      .catch((error: unknown) => Promise.reject(explainRefusal(errorText(error), what) ?? error));
    return object;
  }

  /**
   * The version the server prefers for the kind. A wait lasts minutes: a kind the discovery did not serve at the start
   * (a CRD the awaited sync installs) is looked for again in a fresh discovery before it counts as not served.
   */
  private async version({ group, kind, resource }: ServedKind, what: string): Promise<string> {
    let apiVersion = await this.api.preferredApiVersion(group, kind);
    if (!apiVersion) {
      this.api.forgetDiscovery();
      apiVersion = await this.api.preferredApiVersion(group, kind);
    }
    if (!apiVersion) throw notServed(resource, what);
    return apiVersion;
  }
}

/** A kind by its API group, and its resource name as kubectl takes it (for messages). */
interface ServedKind {
  group: string;
  kind: string;
  resource: string;
}

/** A status kind by its group: `kustomize.toolkit.fluxcd.io` for `kustomizations.kustomize.toolkit.fluxcd.io`. */
function servedKind({ resource, kind }: StatusKind): ServedKind {
  return { group: resource.slice(resource.indexOf('.') + 1), kind, resource };
}

/** The same through kubectl: for a kubeconfig or a server the API client does not speak. */
export class KubectlStatusReader implements StatusReader {
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

  async workloadImages(workloads: readonly WorkloadRef[]): Promise<string[]> {
    const images: string[] = [];
    for (const workload of workloads) {
      const group = groupOf(workload.apiVersion);
      const resource = `${workload.kind.toLowerCase()}${group ? `.${group}` : ''}`;
      const args = ['get', resource, workload.name, '-o', 'json', '--ignore-not-found'];
      if (workload.namespace) args.push('--namespace', workload.namespace);
      const result = await this.exec(args);
      if (result.exitCode !== 0) throw explainKubectlFailure(result, describeRef(workload));
      if (result.stdout.trim()) images.push(...podTemplateImages(JSON.parse(result.stdout)));
    }
    return images;
  }

  /** Not there: maybe it is there as the kind the user confused it with. */
  private async notFound(): Promise<UserError> {
    const { namespace, name } = this.target;
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
      if (found.exitCode === 0 && found.stdout.trim()) return confused(this.target, other);
    }
    return notFound(this.target);
  }

  private exec(args: readonly string[]): Promise<ExecResult> {
    return execTool(this.kubectl, [...this.connection, ...args], { silent: true, allowFailure: true });
  }
}

/** What the API server refused, as a UserError naming the verb and resource; other failures stay errors. */
export function explainKubectlFailure(result: ExecResult, what: string): Error {
  const refusal = explainRefusal(result.stderr, what);
  if (refusal) return refusal;
  const missing = /the server doesn't have a resource type "([^"]+)"/.exec(result.stderr);
  if (missing) return notServed(missing[1] as string, what);
  return new Error(`kubectl could not read ${what}: ${errorSummary(result)}`);
}

/** A refusal in the API server's words (Forbidden, Unauthorized), as a UserError saying what to grant. */
function explainRefusal(text: string, what: string): UserError | undefined {
  const forbidden = /cannot (\w+) resource "([^"]+)" in API group "([^"]*)"(?: in the namespace "([^"]+)")?/.exec(text);
  if (forbidden) {
    const [, verb, resource, group, namespace] = forbidden;
    const denied = `The kubeconfig may not ${verb} ${resource}${group ? `.${group}` : ''}${namespace ? ` in namespace ${namespace}` : ''} (Forbidden)`;
    // A refresh or reconcile request is an annotation: the one write this step makes.
    if (verb === 'patch')
      return new UserError(
        `${denied}, so ${what} cannot be asked to refresh: grant its user patch on them, or drop refresh.`,
      );
    return new UserError(`${denied}, so ${what} cannot be read: grant its user get, list and watch on them.`);
  }
  // kubectl writes "(Unauthorized)"; the API server's Status for a 401 says "Unauthorized".
  if (/\bUnauthorized\b/.test(text)) {
    return new UserError(`The API server refused the kubeconfig's credentials (Unauthorized) while reading ${what}.`);
  }
  return undefined;
}

function notServed(resource: string, what: string): UserError {
  return new UserError(
    `The cluster does not serve ${resource}, so ${what} cannot be read: is the agent installed, and the kubeconfig's context the right cluster?`,
  );
}

function notFound({ kind, namespace, name }: StatusObjectRef): UserError {
  return new UserError(`${kind.kind} ${namespace}/${name} (input "${kind.input}") does not exist in the cluster.`);
}

function confused({ kind, namespace, name }: StatusObjectRef, other: StatusKind): UserError {
  return new UserError(
    `Input "${kind.input}" names ${namespace}/${name}, which is a ${other.kind}, not a ${kind.kind}: ` +
      `name it in "${other.input}".`,
  );
}

function describe({ kind, namespace, name }: StatusObjectRef): string {
  return `${kind.kind} ${namespace}/${name}`;
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The images of a workload's pod template: init containers, then containers. */
function podTemplateImages(workload: unknown): string[] {
  const podSpec = field(workload, 'spec', 'template', 'spec');
  return [...list(field(podSpec, 'initContainers')), ...list(field(podSpec, 'containers'))]
    .map((container) => field(container, 'image'))
    .filter((image): image is string => typeof image === 'string');
}
