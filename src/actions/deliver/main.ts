import { runAction } from '../../core/action-runner.js';
import { actionInputs, InputReader } from '../../core/inputs.js';
import { processHost } from '../steps.js';
import { readDeliverSettings } from './settings.js';

await runAction(async () => {
  const settings = readDeliverSettings(new InputReader(actionInputs));
  // Loaded once the mode is known; every step's inputs are then checked before anything is built.
  const { deliver } = await import('./run.js');
  await deliver(settings, actionInputs, processHost());
});
