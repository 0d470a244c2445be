import { defineStep } from '../host.js';
import { INPUTS, readCosignSignSettings } from './settings.js';

// The run module loads once the inputs are valid: a bad input fails before @actions/core (its OIDC token) and the installer parse.
export const cosignSignStep = defineStep({
  inputs: Object.values(INPUTS),
  read: (inputs, host) => readCosignSignSettings(inputs, host),
  run: async (settings, host) => {
    await (await import('./run.js')).cosignSign(settings, host);
  },
});
