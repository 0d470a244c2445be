import { defineStep } from '../host.js';
import { INPUTS, readKubectlApplySettings, STATE } from './settings.js';

// The run module loads once the inputs are valid: a bad input fails before the YAML, diff and installer code parse.
export const kubectlApplyStep = defineStep({
  inputs: Object.values(INPUTS),
  read: (inputs, host) => readKubectlApplySettings(inputs, host.workspace),
  preflight: async (settings) => {
    const { Kubeconfig } = await import('../../core/kubernetes/kubeconfig.js');
    if (settings.kubeconfig) Kubeconfig.parse(settings.kubeconfig, INPUTS.kubeconfig, settings.context);
    const { resolveYamlFiles } = await import('../../core/file-scope.js');
    await resolveYamlFiles(settings.manifests, settings.workingDirectory);
  },
  run: async (settings, host) => {
    await (await import('./run.js')).kubectlApply(settings, host);
  },
  // The kubeconfig the run wrote is deleted whether it succeeded, failed or was cancelled.
  post: async (state) => {
    await (await import('./post.js')).removeKubeconfig(state(STATE.kubeconfigFile));
  },
});
