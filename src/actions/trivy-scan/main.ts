import { runAction } from '../../core/action-runner.js';
import { actionInputs, InputReader } from '../../core/inputs.js';
import { readTrivyScanSettings } from './settings.js';

await runAction(async () => {
  const settings = readTrivyScanSettings(new InputReader(actionInputs), process.env.GITHUB_WORKSPACE ?? process.cwd());
  // Loaded once the inputs are valid: a bad input fails before @actions/core, the installer and YAML code are parsed.
  const { trivyScan } = await import('./run.js');
  await trivyScan(settings);
});
