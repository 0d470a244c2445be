import { runAction } from '../../core/action-runner.js';
import { actionInputs, InputReader } from '../../core/inputs.js';
import { readCosignSignSettings } from './settings.js';

await runAction(async () => {
  const settings = readCosignSignSettings(new InputReader(actionInputs));
  // Loaded once the inputs are valid: a bad input fails before @actions/core and the installer are even parsed.
  const { cosignSign } = await import('./run.js');
  await cosignSign(settings);
});
