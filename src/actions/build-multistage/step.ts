import { defineStep } from '../host.js';
import { STATE } from './post.js';
import { INPUTS, readBuildMultistageSettings } from './settings.js';

// The run module loads once the inputs are valid: a bad input fails before the builders parse.
export const buildMultistageStep = defineStep({
  inputs: Object.values(INPUTS),
  read: (inputs, host) => readBuildMultistageSettings(inputs, host.workspace),
  run: async (settings, host) => {
    await (await import('./run.js')).buildMultistage(settings, host);
  },
  // The backstop for a main step killed before it could remove the folder that held the build secrets.
  post: async (state, host) => {
    await (await import('./post.js')).removeScratchFolder(state(STATE.scratchFolder), host.tempDir);
  },
});
