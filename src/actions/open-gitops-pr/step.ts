import { defineStep } from '../host.js';
import { INPUTS, readOpenGitopsPrSettings } from './settings.js';

// The run module loads once the inputs are valid: a bad input fails before Octokit, YAML and git code.
export const openGitopsPrStep = defineStep({
  inputs: Object.values(INPUTS),
  read: (inputs, host) => readOpenGitopsPrSettings(inputs, host),
  run: async (settings, host) => {
    await (await import('./run.js')).openGitopsPr(settings, host);
  },
});
