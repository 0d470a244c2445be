import { runAction } from '../../core/action-runner.js';
import { actionInputs, InputReader } from '../../core/inputs.js';
import { readActionState } from '../../core/workflow-commands.js';
import { readKubectlApplySettings, STATE } from './settings.js';

// One entry for both steps: the runner hands the post step the state the main step saved.
if (readActionState(STATE.isPost)) {
  await runAction(async () => {
    const { removeKubeconfig } = await import('./post.js');
    await removeKubeconfig(readActionState(STATE.kubeconfigFile));
  });
} else {
  await runAction(async () => {
    const settings = readKubectlApplySettings(
      new InputReader(actionInputs),
      process.env.GITHUB_WORKSPACE ?? process.cwd(),
    );
    // Loaded after the inputs are valid, so a bad input fails before @actions/core, YAML, diff and the installer load.
    const core = await import('@actions/core');
    core.saveState(STATE.isPost, 'true');
    const { kubectlApply } = await import('./run.js');
    const { deliveryRecord } = await import('./delivery-record.js');
    const { actionOutputs } = await import('../../core/outputs.js');
    await kubectlApply(settings, actionOutputs, {
      tempDir: process.env.RUNNER_TEMP ?? (await import('node:os')).tmpdir(),
      saveState: (name, value) => core.saveState(name, value),
      record: deliveryRecord(process.env),
    });
  });
}
