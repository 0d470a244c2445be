import type { InputSource } from '../core/inputs.js';
import { buildMultistageStep } from './build-multistage/step.js';
import { bumpManifestStep } from './bump-manifest/step.js';
import { cosignSignStep } from './cosign-sign/step.js';
import { checkStepDefinition, runStepDefinition, type StepDefinition, type StepHost } from './host.js';
import { kubectlApplyStep } from './kubectl-apply/step.js';
import { openGitopsPrStep } from './open-gitops-pr/step.js';
import { trivyScanStep } from './trivy-scan/step.js';
import { waitForSyncStep } from './wait-for-sync/step.js';

/** Every step the CLI and deliver can run in one process, each wired as its own action's bundle wires it. */
export const STEPS = {
  'build-multistage': buildMultistageStep,
  'trivy-scan': trivyScanStep,
  'cosign-sign': cosignSignStep,
  'bump-manifest': bumpManifestStep,
  'open-gitops-pr': openGitopsPrStep,
  'kubectl-apply': kubectlApplyStep,
  'wait-for-sync': waitForSyncStep,
};

export type StepName = keyof typeof STEPS;

export function isStepName(name: string): name is StepName {
  return Object.hasOwn(STEPS, name);
}

/** Checks a step's inputs (and runs its preflight) without running it. */
export async function checkStep(name: StepName, inputs: InputSource, host: StepHost): Promise<void> {
  await checkStepDefinition(STEPS[name] as StepDefinition<unknown>, inputs, host);
}

export async function runStep(name: StepName, inputs: InputSource, host: StepHost): Promise<void> {
  await runStepDefinition(STEPS[name] as StepDefinition<unknown>, inputs, host);
}
