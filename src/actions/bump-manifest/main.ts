import { runAction } from '../../core/action-runner.js';
import { actionInputs, InputReader } from '../../core/inputs.js';
import { readBumpManifestSettings } from './settings.js';

await runAction(async () => {
  const settings = readBumpManifestSettings(
    new InputReader(actionInputs),
    process.env.GITHUB_WORKSPACE ?? process.cwd(),
  );
  // Loaded once the inputs are valid: a bad input fails before @actions/core, YAML and diff code is even parsed.
  const { bumpManifest } = await import('./run.js');
  await bumpManifest(settings);
});
