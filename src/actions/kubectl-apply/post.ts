import * as log from '../../core/log.js';
import { Kubeconfig } from '../../core/kubernetes/kubeconfig.js';

/** The post step: the kubeconfig the main step wrote is deleted, whether that step succeeded, failed or was cancelled. */
export async function removeKubeconfig(file: string): Promise<void> {
  if (!file) return;
  await Kubeconfig.remove(file);
  log.info('Removed the kubeconfig written by kubectl-apply.');
}
