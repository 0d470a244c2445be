import { defineStep } from '../host.js';
import { INPUTS, readWaitForSyncSettings } from './settings.js';

// The run module loads once the inputs are valid: a bad input fails before Octokit and kubectl code.
export const waitForSyncStep = defineStep({
  inputs: Object.values(INPUTS),
  read: (inputs, host) => readWaitForSyncSettings(inputs, host),
  preflight: async (settings) => {
    const { Kubeconfig } = await import('../../core/kubernetes/kubeconfig.js');
    if (settings.kubeconfig) Kubeconfig.parse(settings.kubeconfig, INPUTS.kubeconfig, settings.kubeContext);
  },
  run: async (settings, host) => {
    await (await import('./run.js')).waitForSyncAction(settings, host);
  },
});
