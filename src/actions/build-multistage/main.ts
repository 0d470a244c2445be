import { runAction } from '../../core/action-runner.js';
import { actionInputs, InputReader } from '../../core/inputs.js';
import { readActionState } from '../../core/workflow-commands.js';
import { STATE } from './post.js';
import { readBuildMultistageSettings } from './settings.js';

// One entry for both steps: the runner hands the post step the state the main step saved.
if (readActionState(STATE.isPost)) {
  await runAction(async () => {
    const { removeScratchFolder } = await import('./post.js');
    await removeScratchFolder(readActionState(STATE.scratchFolder), process.env.RUNNER_TEMP);
  });
} else {
  await runAction(async () => {
    const settings = readBuildMultistageSettings(
      new InputReader(actionInputs),
      process.env.GITHUB_WORKSPACE ?? process.cwd(),
    );
    // Loaded once the inputs are valid: a bad input fails before @actions/core and the builders are even parsed.
    const core = await import('@actions/core');
    core.saveState(STATE.isPost, 'true');
    const { buildMultistage } = await import('./run.js');
    const { actionOutputs } = await import('../../core/outputs.js');
    await buildMultistage(settings, actionOutputs, { saveState: (name, value) => core.saveState(name, value) });
  });
}
