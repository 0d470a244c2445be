import { runAction } from '../../core/action-runner.js';
import { actionInputs, InputReader } from '../../core/inputs.js';
import { actionOutputs } from '../../core/outputs.js';
import { readBumpManifestSettings } from './settings.js';

await runAction(async () => {
  const settings = readBumpManifestSettings(
    new InputReader(actionInputs),
    process.env.GITHUB_WORKSPACE ?? process.cwd(),
  );
  // Loaded after the inputs are valid, so a bad input fails before YAML and diff code is even parsed.
  const { bumpManifest } = await import('./run.js');
  await bumpManifest(settings, actionOutputs);
});
