import * as log from '../log.js';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { KubeApi, type ServedKinds } from './api-client.js';
import { apiEndpoint, UnsupportedKubeconfig } from './api-endpoint.js';
import type { Kubeconfig } from './kubeconfig.js';
import { type KubeObject, type ObjectRef, refDocument } from './kube-object.js';
import type { ApplyOptions, Kubectl } from './kubectl.js';

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
 * older server, or when the caller says why only kubectl will do.
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
  const viaKubectl = (reason: string) => {
    log.info(`kubectl talks to the cluster: ${reason}.`);
    return new KubectlAccess(options.kubectl, options.workDir);
  };
  if (options.kubectlOnly) return viaKubectl(options.kubectlOnly);
  const endpoint = await apiEndpoint(options.kubeconfig ?? { context: options.context });
  if (endpoint instanceof UnsupportedKubeconfig)
    return viaKubectl(`the kubeconfig is not one this action reads (${endpoint.reason})`);
  const api = new KubeApi(endpoint);
  if (!(await api.speaksAggregatedDiscovery()))
    return viaKubectl('the API server serves no aggregated discovery (Kubernetes before 1.26)');
  return api;
}

/** The same calls through kubectl, one process each, the objects written to files in `workDir`. */
class KubectlAccess implements ClusterAccess {
  readonly via = 'kubectl';
  private files = 0;

  constructor(
    private readonly kubectl: Kubectl,
    private readonly workDir: string,
  ) {}

  async apply(objects: readonly KubeObject[], options: ApplyOptions): Promise<KubeObject[]> {
    return this.kubectl.apply(await this.write(objects), options);
  }

  async get(refs: readonly ObjectRef[], namespace?: string): Promise<KubeObject[]> {
    return this.kubectl.get(await this.write(refs.map(refDocument)), namespace);
  }

  servedKinds(): Promise<ServedKinds> {
    return this.kubectl.servedKinds();
  }

  private async write(objects: readonly KubeObject[]): Promise<string> {
    const file = path.join(this.workDir, `objects-${++this.files}.yaml`);
    await fs.writeFile(file, objects.map((object) => stringify(object, { lineWidth: 0 })).join('---\n'));
    return file;
  }
}
