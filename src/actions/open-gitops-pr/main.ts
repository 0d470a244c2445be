import { runAction } from '../../core/action-runner.js';
import { actionInputs, InputReader } from '../../core/inputs.js';
import { readOpenGitopsPrSettings } from './settings.js';

await runAction(async () => {
  const settings = readOpenGitopsPrSettings(new InputReader(actionInputs), process.env);
  // Loaded after the inputs are valid, so a bad input fails before @actions/core, Octokit, YAML and git code load.
  const { openGitopsPr } = await import('./run.js');
  const { actionOutputs } = await import('../../core/outputs.js');
  await openGitopsPr(settings, actionOutputs);
});
