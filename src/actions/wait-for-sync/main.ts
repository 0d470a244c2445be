import { runAction } from '../../core/action-runner.js';
import { actionInputs, InputReader } from '../../core/inputs.js';
import { readWaitForSyncSettings } from './settings.js';

await runAction(async () => {
  const settings = readWaitForSyncSettings(new InputReader(actionInputs), process.env);
  // Loaded after the inputs are valid, so a bad input fails before @actions/core, Octokit and kubectl code load.
  const { waitForSyncAction } = await import('./run.js');
  const { actionOutputs } = await import('../../core/outputs.js');
  await waitForSyncAction(settings, actionOutputs);
});
