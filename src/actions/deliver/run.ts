import * as log from '../../core/log.js';
import { errorMessage, isUserError, UserError } from '../../core/errors.js';
import type { InputSource } from '../../core/inputs.js';
import type { OutputSink } from '../../core/outputs.js';
import type { StepHost } from '../host.js';
import { checkStep, runStep, STEPS, type StepName } from '../steps.js';
import { rootName } from '../vocabulary.js';
import {
  type ChainOutputs,
  type ChainStep,
  type DeliverSettings,
  inUserNames,
  placeholderOutputs,
  stepInputs,
} from './settings.js';
import { REVERTED_STATUSES } from './chain.js';

/**
 * Runs the whole chain in this process: build, scan, sign, then apply (push) or the GitOps pull request (pull).
 * Every step's inputs are checked before the build starts; each later step gets the image by digest only, and a
 * failing scan gate or signature verification stops the chain before the hand-off. Every output of every step is
 * published under its name in the vocabulary (scan-counts, gitops-commit-sha).
 */
export async function deliver(settings: DeliverSettings, host: StepHost): Promise<void> {
  const { inputs } = settings;
  const placeholders = placeholderOutputs(inputs);
  for (const step of settings.chain) {
    await inStepNames(step, () => checkStep(step.name, stepInputs(step, inputs, placeholders), host));
  }

  const outputs = new Map<StepName, Map<string, string>>();
  for (const step of settings.chain) {
    // As soon as it is known: a failed gate's counts and a rolled-back apply's status are what users look at.
    const publish = (name: string, value: string) => host.setOutput(rootName(step.name, name), value);
    try {
      await runChainStep(step, `deliver (${settings.mode})`, { inputs, host, outputs, publish });
    } catch (error) {
      if (step.name === 'wait-for-sync' && settings.revert.length > 0) {
        await revertIfBroken(settings.revert, error, { inputs, host, outputs, publish });
      }
      throw error;
    }
    if (step.name === 'build-multistage' && !outputs.get(step.name)?.get('image-ref')) {
      throw new UserError('The build pushed no digest, so nothing can be scanned, signed or delivered.');
    }
  }
}

interface ChainRun {
  inputs: InputSource;
  host: StepHost;
  outputs: Map<StepName, Map<string, string>>;
  publish: OutputSink;
}

async function runChainStep(step: ChainStep, group: string, run: ChainRun): Promise<void> {
  const stepOutputs = new Map<string, string>();
  run.outputs.set(step.name, stepOutputs);
  const record = (name: string, value: string) => {
    stepOutputs.set(name, value);
    run.publish(name, value);
  };
  log.startGroup(`${group}: ${step.name}`);
  try {
    await inStepNames(step, () =>
      runStep(step.name, stepInputs(step, run.inputs, run.outputs as ChainOutputs), { ...run.host, setOutput: record }),
    );
  } finally {
    log.endGroup();
  }
}

/**
 * After a wait that ended degraded or failed: reverts the hand-off commit the GitOps way and waits for the revert,
 * then fails the delivery with sync-status rolled-back. The revert's own outputs are not published: the outputs
 * keep describing the hand-off.
 */
async function revertIfBroken(steps: readonly ChainStep[], failure: unknown, run: ChainRun): Promise<void> {
  const wait = run.outputs.get('wait-for-sync');
  const status = wait?.get('status') ?? '';
  const revision = wait?.get('revision') ?? '';
  if (!REVERTED_STATUSES.includes(status) || revision === '') return;
  log.warning(`The agent ran ${revision.slice(0, 12)} and reported ${status}: reverting it (revert-on-failure).`);
  for (const step of steps) await runChainStep(step, 'deliver (revert)', { ...run, publish: () => undefined });
  run.publish('status', 'rolled-back');
  const reverted = run.outputs.get('open-gitops-pr')?.get('commit-sha') ?? '';
  throw new UserError(
    `${errorMessage(failure)} The hand-off ${revision.slice(0, 12)} was reverted` +
      `${reverted ? ` by ${reverted.slice(0, 12)}` : ''} and the revert is live (sync-status rolled-back).`,
  );
}

/** Runs a step so that its user mistakes name deliver's inputs, as the user wrote them. */
async function inStepNames(step: ChainStep, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (!isUserError(error)) throw error;
    throw new UserError(inUserNames(error.message, step.name, STEPS[step.name].inputs), error.location);
  }
}
