import { defineStep } from '../host.js';
import { INPUTS, readBumpManifestSettings } from './settings.js';

// The run module loads once the inputs are valid: a bad input fails before the YAML and diff code parse.
export const bumpManifestStep = defineStep({
  inputs: Object.values(INPUTS),
  read: (inputs, host) => readBumpManifestSettings(inputs, host.workspace),
  run: async (settings, host) => (await import('./run.js')).bumpManifest(settings, host),
});
