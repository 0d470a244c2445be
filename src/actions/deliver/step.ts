import { defineStep } from '../host.js';
import { INPUTS, readDeliverSettings } from './settings.js';

// The chain loads once the mode is known; every step's inputs are then checked before anything is built.
export const deliverStep = defineStep({
  // Its own; every chained step's inputs are read under their root names (action.yml: scripts/root-action.mjs).
  inputs: Object.values(INPUTS),
  read: (inputs) => readDeliverSettings(inputs),
  run: async (settings, host) => {
    await (await import('./run.js')).deliver(settings, host);
  },
});
