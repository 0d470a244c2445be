import { runAction } from '../../core/action-runner.js';
import { actionInputs, InputReader } from '../../core/inputs.js';
import { readBuildMultistageSettings } from './settings.js';

await runAction(async () => {
  const settings = readBuildMultistageSettings(
    new InputReader(actionInputs),
    process.env.GITHUB_WORKSPACE ?? process.cwd(),
  );
  // Loaded once the inputs are valid: a bad input fails before @actions/core and the builders are even parsed.
  const { buildMultistage } = await import('./run.js');
  await buildMultistage(settings);
});
