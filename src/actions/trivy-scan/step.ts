import { defineStep } from '../host.js';
import { INPUTS, readTrivyScanSettings } from './settings.js';

// The run module loads once the inputs are valid: a bad input fails before the installer and YAML parse.
export const trivyScanStep = defineStep({
  inputs: Object.values(INPUTS),
  read: (inputs, host) => readTrivyScanSettings(inputs, host.workspace),
  run: async (settings, host) => {
    await (await import('./run.js')).trivyScan(settings, host);
  },
});
