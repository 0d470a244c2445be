import * as log from '../log.js';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { KubeApi, type ServedKinds, UntrustedServerError } from './api-client.js';
import { apiEndpoint, UnsupportedKubeconfig } from './api-endpoint.js';
import type { Kubeconfig } from './kubeconfig.js';
import { isDefinition, untilServed } from './definitions.js';
import { type KubeObject, kindsDefinedBy, type ObjectRef, refDocument, refKey, refOf } from './kube-object.js';
import type { ApplyOptions, Kubectl } from './kubectl.js';
import { escapeForLog } from '../workflow-commands.js';

/**
 * What kubectl-apply asks of the cluster for its preflight, its apply, its reads of live objects and its readiness
 * checks: the in-process API client where it speaks the kubeconfig and the server, else kubectl.
 */
export interface ClusterAccess {
  /** For the log: how the cluster is reached. */
  readonly via: string;
  /** Applies the objects in order (all at once for a dry run); returns them as the API server stored them. */
  apply(objects: readonly KubeObject[], options: ApplyOptions): Promise<KubeObject[]>;
  /** The live objects; those that do not exist are left out. */
  get(refs: readonly ObjectRef[], namespace?: string): Promise<KubeObject[]>;
  servedKinds(): Promise<ServedKinds>;
}

/**
 * The API client where it speaks the kubeconfig and the server has aggregated discovery (read here, once), else
 * kubectl: for a kubeconfig it does not read (auth providers, impersonation, several files to merge...), for an
 * older server, for a certificate only the system's CA store vouches for, or when the caller says why only kubectl
 * will do. Anything else that fails here (a refused credential, a failing exec plugin) fails the step, as it would
 * fail kubectl.
 */
export async function clusterAccess(options: {
  kubectl: Kubectl;
  workDir: string;
  /** The kubeconfig input and the file it was written to; without it, the one kubectl would read. */
  kubeconfig?: { kubeconfig: Kubeconfig; file: string };
  context?: string;
  /** Why this run needs kubectl itself (client-side apply), if it does. */
  kubectlOnly?: string;
}): Promise<ClusterAccess> {
  const kubectl = new KubectlAccess(options.kubectl, options.workDir);
  const viaKubectl = (reason: string) => {
    log.info(escapeForLog(`kubectl talks to the cluster: ${reason}.`));
    return kubectl;
  };
  if (options.kubectlOnly) return viaKubectl(options.kubectlOnly);
  const api = await inProcessApi(options.kubeconfig ?? { context: options.context });
  return api instanceof KubeApi ? new ApiAccess(api, kubectl) : viaKubectl(api.kubectlBecause);
}

/**
 * The API client, where it speaks the kubeconfig and the server has aggregated discovery (read here, once); else why
 * kubectl must talk to the cluster instead: a kubeconfig it does not read (auth providers, impersonation, several
 * files to merge...), an older server, a certificate only the system's CA store vouches for. Anything else that
 * fails here (a refused credential, a failing exec plugin) is thrown, as it would fail kubectl.
 */
export async function inProcessApi(
  kubeconfig: { kubeconfig: Kubeconfig; file: string } | { context?: string },
  step?: string,
): Promise<KubeApi | { kubectlBecause: string }> {
  const endpoint = await apiEndpoint(kubeconfig);
  if (endpoint instanceof UnsupportedKubeconfig)
    return { kubectlBecause: `the kubeconfig is not one this action reads (${endpoint.reason})` };
  const api = new KubeApi(endpoint, undefined, step);
  try {
    if (!(await api.speaksAggregatedDiscovery()))
      return { kubectlBecause: 'the API server serves no aggregated discovery (Kubernetes before 1.27)' };
  } catch (error) {
    // Node trusts its own list of CAs, kubectl the system's: without a CA in the kubeconfig, let kubectl judge.
    if (error instanceof UntrustedServerError && !endpoint.tls.ca) return { kubectlBecause: error.message };
    throw error;
  }
  return api;
}

/**
 * The API client, and kubectl where only it can do what `kubectl apply --server-side` does: an object last written by
 * a client-side apply carries that apply's annotation and field ownership, which kubectl hands over to the field
 * manager (and keeps in step) after its own apply.
 */
class ApiAccess implements ClusterAccess {
  readonly via: string;

  constructor(
    private readonly api: KubeApi,
    private readonly kubectl: KubectlAccess,
  ) {
    this.via = api.via;
  }

  async apply(objects: readonly KubeObject[], options: ApplyOptions): Promise<KubeObject[]> {
    const applied = await this.api.apply(objects, options);
    if (options.dryRun) return applied;
    const inherited = objects.filter((_, index) => leftByClientSideApply(applied[index] as KubeObject));
    if (inherited.length === 0) return applied;
    log.info(
      `${inherited.length} object(s) were last written by a client-side apply: kubectl applies them again, which hands their fields over to field manager ${escapeForLog(options.fieldManager)}.`,
    );
    const migrated = new Map(
      (await this.kubectl.apply(inherited, options)).map((object) => [refKey(refOf(object)), object]),
    );
    return applied.map((object) => migrated.get(refKey(refOf(object))) ?? object);
  }

  get(refs: readonly ObjectRef[], namespace?: string): Promise<KubeObject[]> {
    return this.api.get(refs, namespace);
  }

  servedKinds(): Promise<ServedKinds> {
    return this.api.servedKinds();
  }
}

const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Whether a client-side apply's annotation or field ownership is still on the object. */
function leftByClientSideApply(object: KubeObject): boolean {
  const managers = (object.metadata.managedFields ?? []) as { manager?: string; operation?: string }[];
  return (
    object.metadata.annotations?.[LAST_APPLIED] !== undefined ||
    managers.some((entry) => entry.manager === 'kubectl-client-side-apply' && entry.operation === 'Update')
  );
}

/** The same calls through kubectl, one process each, the objects written to a file per purpose in `workDir`. */
class KubectlAccess implements ClusterAccess {
  readonly via = 'kubectl';

  constructor(
    private readonly kubectl: Kubectl,
    private readonly workDir: string,
  ) {}

  /**
   * One `kubectl apply` of the whole set, except that definitions (Namespaces, CRDs) go first in one of their own when
   * other objects follow, as the API client stages them: kubectl maps every object of a file to its resource before
   * it applies any, so an object whose CRD is in the same file is of a kind it does not know. When the definitions
   * fail, the step fails there, before the rest goes into a namespace or of a kind that may not exist (the API client
   * goes on and names every refusal; the step fails either way). Returns the objects in the set's order, as the API
   * client does.
   */
  async apply(objects: readonly KubeObject[], options: ApplyOptions): Promise<KubeObject[]> {
    const staged = options.dryRun ? [] : objects.filter(isDefinition);
    const isStaged = new Set(staged);
    const rest = objects.filter((object) => !isStaged.has(object));
    if (staged.length === 0 || rest.length === 0) {
      return this.kubectl.apply(await this.write(options.dryRun ? 'dry-run' : 'apply', objects), options);
    }
    const first = await this.kubectl.apply(await this.write('apply-definitions', staged), options);
    // `kubectl api-resources` reads the discovery afresh, and so leaves kubectl's cache serving the new kinds.
    await untilServed(kindsDefinedBy(staged), () => this.kubectl.servedKinds());
    const then = await this.kubectl.apply(await this.write('apply', rest), options);
    // kubectl lists what it applied in the file's order, one object each.
    if (first.length !== staged.length || then.length !== rest.length) return [...first, ...then];
    let [definition, other] = [0, 0];
    return objects.map((object) => (isStaged.has(object) ? first[definition++] : then[other++]) as KubeObject);
  }

  async get(refs: readonly ObjectRef[], namespace?: string): Promise<KubeObject[]> {
    return this.kubectl.get(await this.write('get', refs.map(refDocument)), namespace);
  }

  servedKinds(): Promise<ServedKinds> {
    return this.kubectl.servedKinds();
  }

  private async write(purpose: string, objects: readonly KubeObject[]): Promise<string> {
    const file = path.join(this.workDir, `${purpose}.yaml`);
    await fs.writeFile(file, objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n'));
    return file;
  }
}
